#!/usr/bin/env bash
# Checks that every function assets/link-order.txt names is in the release binary BIN
# (default target/release/syllabus), and that the read-only data a start reads lies where
# assets/hot-data.ld puts it, so the link order still does its work: a change that
# renames functions a start runs (an impl added or removed shifts the hashes of its
# neighbours) leaves them outside the start's code, and peak RSS grows by a few hundred
# KiB with no test failing. CI runs this on `cargo build --release --locked`; when it
# fails, run bench/link-order.sh and commit what it writes. See docs/performance.md.
#
#   bench/link-order-check.sh [BIN [MAP]]     # MAP: the linker's map (BIN's folder/syllabus.map)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/syllabus}
if [ "$(uname -sm)" != "Linux x86_64" ]; then
  echo "link-order-check.sh: the link order is used on x86_64 Linux only; nothing to check here"
  exit 0
fi
[ -x "$bin" ] || { echo "link-order-check.sh: $bin not found (cargo build --release --bin syllabus)" >&2; exit 2; }
command -v nm >/dev/null || { echo "link-order-check.sh: nm (binutils) is needed" >&2; exit 2; }
missing=$(nm "$bin" | awk '{print $NF}' | sort -u | comm -13 - <(sort -u assets/link-order.txt))
total=$(wc -l <assets/link-order.txt)
if [ -n "$missing" ]; then
  n=$(printf '%s\n' "$missing" | wc -l)
  echo "link-order-check.sh: $n of the $total functions in assets/link-order.txt are not in $bin:" >&2
  printf '%s\n' "$missing" | head -n 20 | sed 's/^/  /' >&2
  echo "run bench/link-order.sh (about 3 minutes) and commit assets/link-order.txt" >&2
  exit 1
fi
echo "link order: all $total functions of assets/link-order.txt are in $bin"

# The read-only data a start reads must lie in .rodata.hot (assets/hot-data.ld): one start
# of the built-in course under valgrind's lackey, against the linker's map of BIN.
map=${2:-$(dirname "$bin")/syllabus.map}
[ -s "$map" ] || { echo "link-order-check.sh: no linker map $map (build.rs writes it in release builds)" >&2; exit 2; }
for tool in valgrind tmux python3; do
  command -v "$tool" >/dev/null || { echo "link-order-check.sh: $tool is needed" >&2; exit 2; }
done
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
tmp=$(mktemp -d /tmp/syllabus-hot-data.XXXXXX)
sock=hot-data-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
# shellcheck source=bench/session.sh
source bench/session.sh
TOOL=lackey session builtin "$tmp/home" --progress "$tmp/p.toml"
python3 bench/hot_data.py check "$map" "$bin" assets/hot-data.ld "$tmp/builtin.trace"
