#!/usr/bin/env bash
# Writes assets/link-order.txt: the functions of the release binary that a start runs (the
# built-in course, then a folder course through its cache: start, the map, j and k, quit;
# then a start back in a lesson),
# in the order callgrind lists them. build.rs hands the file to the linker
# (--symbol-ordering-file), which lays those functions out together at the start of the
# code, so a start maps a few hundred KiB of code instead of touching pages all over 4.8 MB
# (the kernel maps 64 KiB around every page touched). See docs/performance.md.
#
#   bench/link-order.sh        # needs valgrind and tmux; about a minute plus the build
#
# A stale file does no harm (names it lists that are gone are skipped); bench/startup.sh
# says how many of its names the binary still has. Run this again after larger changes.
set -euo pipefail

cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "link-order.sh: valgrind is needed" >&2; exit 2; }
command -v tmux >/dev/null || { echo "link-order.sh: tmux is needed" >&2; exit 2; }
# The names do not depend on the order, so the binary built with the current file will do.
# The binary on its own, as `cargo build --release` and `cargo install` build it: built
# together with the example, cargo unifies the dev-dependencies' features into the shared
# dependencies, which changes every symbol's hash, and the link order would then name
# functions that the binary a learner builds does not have.
cargo build --release --quiet --bin syllabus
cargo build --release --quiet --example gen_course
bin=$(pwd)/target/release/syllabus
tmp=$(mktemp -d /tmp/syllabus-link-order.XXXXXX)
sock=link-order-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT

target/release/examples/gen_course "$tmp/course" 20 >/dev/null

# One session under callgrind in a 100x30 tmux pane: wait for MARKER (default: the map),
# press KEYS (default: j j k), then QUIT (default: q). NAME, the cache folder, then the
# arguments.
session() {
  local name=$1 cache=$2
  shift 2
  local marker=${MARKER:-Course map}
  rm -f "$tmp/done"
  tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 30 \
    "env XDG_CACHE_HOME=$cache valgrind --tool=callgrind --demangle=no \
       --callgrind-out-file=$tmp/$name.out $bin $* 2>$tmp/$name.log; touch $tmp/done"
  for _ in $(seq 1 300); do
    tmux -L "$sock" capture-pane -p 2>/dev/null | grep -q "$marker" && break
    sleep 0.2
  done
  # shellcheck disable=SC2086 # the keys are words
  tmux -L "$sock" send-keys ${KEYS:-j j k}
  sleep 1
  # shellcheck disable=SC2086
  tmux -L "$sock" send-keys ${QUIT:-q}
  for _ in $(seq 1 300); do
    [ -f "$tmp/done" ] && break
    sleep 0.2
  done
  tmux -L "$sock" kill-server 2>/dev/null || true
  [ -s "$tmp/$name.out" ] || { echo "link-order.sh: no profile for $name" >&2; cat "$tmp/$name.log" >&2; exit 1; }
}

session builtin "$tmp/cache" --progress "$tmp/p1.toml"
# Twice: the first run fills the cache, the second reads it.
session fill "$tmp/cache" --course "$tmp/course" --progress "$tmp/p2.toml"
session cached "$tmp/cache" --course "$tmp/course" --progress "$tmp/p2.toml"
# A learner who comes back to a lesson: the first session opens module 1 and quits there
# (Ctrl-C), the second starts in the lesson, pages on, and quits. Its functions come after
# the map start's, so they do not spread that start's code.
KEYS="Enter j" QUIT="C-c" session leave "$tmp/cache" --progress "$tmp/p3.toml"
MARKER="Section 1 of" KEYS="l j" QUIT="C-c" session resumed "$tmp/cache" --progress "$tmp/p3.toml"

python3 - "$bin" "$tmp/builtin.out" "$tmp/cached.out" "$tmp/resumed.out" >assets/link-order.txt <<'PY'
import re, sys
binary, profiles = sys.argv[1], sys.argv[2:]
# The C runtime's entry code runs first and is not in the profiles under these names.
order = ["_start", "_init", "frame_dummy", "register_tm_clones", "deregister_tm_clones",
         "__do_global_dtors_aux", "_fini"]
seen = set(order)
for path in profiles:
    objs, names, ob, cob = {}, {}, None, None
    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        m = re.match(r"^(c?)ob=\((\d+)\)(?: (.*))?$", line)
        if m:
            if m.group(3):
                objs[m.group(2)] = m.group(3)
            if m.group(1):
                cob = objs.get(m.group(2))
            else:
                ob, cob = objs.get(m.group(2)), None
            continue
        m = re.match(r"^(c?)fn=\((\d+)\)(?: (.*))?$", line)
        if m:
            obj = (cob or ob) if m.group(1) else ob
            if m.group(1):
                cob = None
            # "'2" and the like mark recursion depths, not other functions.
            name = re.sub(r"'\d+$", "", m.group(3) or "")
            if (name and obj == binary and name not in seen and not name.startswith("0x")
                    and not any(c.isspace() for c in name)):
                seen.add(name)
                order.append(name)
print("\n".join(order))
PY
echo "link-order.sh: $(wc -l <assets/link-order.txt) functions in assets/link-order.txt" >&2
