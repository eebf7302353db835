#!/usr/bin/env bash
# The README pictures: drive the real release binary in tmux at 100x30 with the keys a
# learner presses, capture each screen with its colours (`capture-pane -e`), and draw it as a
# PNG (tests/tools/ansi_png.py, Pillow, DejaVu Sans Mono).
#
#   bash tests/tools/screenshots.sh [OUT_DIR]      (default: assets/screenshots)
#
# Needs tmux and python3; Pillow is installed into a virtual environment under target/.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-assets/screenshots}"
mkdir -p "$out"
cols=100 rows=30

cargo build --release --quiet
bin="$PWD/target/release/syllabus"
venv="$PWD/target/screenshot-venv"
if ! "$venv/bin/python" -c "import PIL" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q pillow
fi

work=$(mktemp -d)
trap 'tmux -L syllabus-shots kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
sock=(tmux -L syllabus-shots -f /dev/null)

start() {
  "${sock[@]}" kill-server 2>/dev/null || true
  "${sock[@]}" new-session -d -x "$cols" -y "$rows" \
    "env SYLLABUS_CONFIG=$work/none.toml $bin --progress $work/progress.toml"
  settle
}

# Wait until the screen stops changing (never a fixed sleep alone).
settle() {
  local before="" now
  for _ in $(seq 1 50); do
    sleep 0.1
    now=$("${sock[@]}" capture-pane -p 2>/dev/null || true)
    if [ -n "$now" ] && [ "$now" = "$before" ]; then return; fi
    before=$now
  done
}

keys() {
  for k in "$@"; do
    "${sock[@]}" send-keys "$k"
    settle
  done
}

shot() {
  local name=$1 alt=$2
  "${sock[@]}" capture-pane -e -p > "$work/$name.ansi"
  "$venv/bin/python" tests/tools/ansi_png.py "$work/$name.ansi" "$out/$name.png" "$cols" "$rows"
  printf '%-28s %6s bytes  %s\n' "$out/$name.png" "$(stat -c %s "$out/$name.png")" "$alt"
}

# A fresh learner: the map, then the first lesson page.
start
shot map "The course map: ten modules with their state, and the first module's objectives"
keys Enter
shot lesson "A lesson page: headings, bold terms and a list, with a scroll bar"
# Jump to the quiz of the first module, answer the first question with a number, submit.
keys s Enter
shot question "A quiz question with its options"
keys 1 Enter
shot feedback "A submitted answer, marked right or wrong, with the explanation"
"${sock[@]}" kill-server 2>/dev/null || true
ls -l "$out"
