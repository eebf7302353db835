#!/usr/bin/env bash
# Writes assets/link-order.txt and assets/hot-data.ld, which build.rs hands to rust-lld for
# the release binary, so a start maps a few hundred KiB of the binary instead of touching
# pages all over its 7 MB (the kernel maps 64 KiB around every page touched):
#
# - assets/link-order.txt: the functions a start runs (the built-in course, then a folder
#   course through its cache: start, the map, j and k, quit; then a start back in a
#   lesson), in the order callgrind lists them (--symbol-ordering-file lays them out
#   together at the start of the code);
# - assets/hot-data.ld: the read-only data the same starts read (valgrind's lackey and the
#   linker's map; bench/hot_data.py), kept together ahead of the rest of .rodata.
#
# See docs/performance.md.
#
#   bench/link-order.sh        # needs valgrind and tmux; about two minutes plus the build
#
# Stale files do no harm to behaviour (names that are gone are skipped); CI fails on them
# (bench/link-order-check.sh). Run this again after changes to what a start runs.
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

# shellcheck source=bench/session.sh
source bench/session.sh

session builtin "$tmp/home" --progress "$tmp/p1.toml"
# Twice: the first run fills the cache, the second reads it.
session fill "$tmp/home" --course "$tmp/course" --progress "$tmp/p2.toml"
session cached "$tmp/home" --course "$tmp/course" --progress "$tmp/p2.toml"
# A learner who comes back to a lesson: the first session opens module 1 and quits there
# (Ctrl-C), the second starts in the lesson, pages on, and quits. Its functions come after
# the map start's, so they do not spread that start's code.
KEYS="Enter j" QUIT="C-c" session leave "$tmp/home" --progress "$tmp/p3.toml"
MARKER="Section 1 of" KEYS="l j" QUIT="C-c" session resumed "$tmp/home" --progress "$tmp/p3.toml"

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

# The read-only data the same starts read, from valgrind's lackey (every load and store)
# and the linker's map of this binary (build.rs has rust-lld write it beside the binary):
# assets/hot-data.ld keeps those sections together (bench/hot_data.py).
map=target/release/syllabus.map
[ -s "$map" ] || { echo "link-order.sh: no $map (build.rs writes it where the link order is used)" >&2; exit 1; }
TOOL=lackey session builtin-data "$tmp/home" --progress "$tmp/p4.toml"
# As a learner starts it: no arguments, the progress file in HOME.
TOOL=lackey session plain-data "$tmp/plain"
TOOL=lackey session cached-data "$tmp/home" --course "$tmp/course" --progress "$tmp/p2.toml"
KEYS="Enter j" QUIT="C-c" TOOL=lackey session leave-data "$tmp/home" --progress "$tmp/p5.toml"
MARKER="Section 1 of" KEYS="l j" QUIT="C-c" TOOL=lackey session resumed-data "$tmp/home" --progress "$tmp/p5.toml"
python3 bench/hot_data.py write "$map" "$bin" assets/hot-data.ld \
  "$tmp/builtin-data.trace" "$tmp/plain-data.trace" "$tmp/cached-data.trace" "$tmp/leave-data.trace" "$tmp/resumed-data.trace"
