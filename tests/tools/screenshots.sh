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
sock=(tmux -L syllabus-shots -f /dev/null)

# Close the session and wait for the binary to finish: on the hang-up it saves progress into
# $work, and removing the folder while it writes there fails ("Directory not empty").
stop() {
  "${sock[@]}" kill-server 2>/dev/null || true
  for _ in $(seq 1 100); do
    pgrep -f -- "--progress $work/" >/dev/null || return 0
    sleep 0.05
  done
  echo "screenshots: the binary did not exit within 5 s of the hang-up" >&2
  return 1
}
trap 'stop || true; rm -rf "$work"' EXIT

start() {
  stop
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

capture() { "${sock[@]}" capture-pane -p 2>/dev/null || true; }

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

# A fresh learner: the map, then the first lesson page, a table further on.
start
shot map "The course map: ten modules with their state, and the selected module's objectives"
keys Enter
shot lesson "A lesson page with a scroll bar; the footer lists the keys that matter here"
keys Right Right Right Right End
shot table "A lesson section with a table drawn with box lines"
# The module's quiz: choose an option (nothing is submitted yet), then submit with Enter.
keys s
keys 2
shot question "A quiz question: the choice is marked, and Enter submits it"
keys Enter
shot feedback "The submitted answer marked right or wrong, with feedback on the choice and the reason"
# Answer the rest to reach the results. Seven presses of 1 answer every kind: they choose
# option 1, tick it (an odd number of times), place each item of a sort in category 1, or
# type an answer; an order question is submitted as it stands.
for _ in 1 2 3 4 5; do keys Enter 1 1 1 1 1 1 1 Enter; done
keys Enter
shot results "The results of an attempt, question by question, with what to do next"
keys h
shot history "The attempt history of a module: every attempt and practice run, to review any"
keys q q
keys i 3
shot stats "The stats screen: every attempt's score over time against the pass mark"
stop
ls -l "$out"
