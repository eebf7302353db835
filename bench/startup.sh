#!/usr/bin/env bash
# Start-up, key latency, exit time and peak memory of syllabus, measured the way a person
# meets the app (in a real pseudo-terminal, 100x30) and compared, in the same batch, with the
# floor app: the smallest ratatui + crossterm program (../shared/bench/floor).
#
#   bench/startup.sh            # from the repository root; about 2 minutes on 2 cores
#   RUNS=40 ROUNDS=8 bench/startup.sh
#   BEFORE=/path/to/old/syllabus bench/startup.sh   # also an older build, on the built-in course
#
# Four subjects: the floor app, syllabus on its built-in course, syllabus on a generated
# 1,000-module course (examples/gen_course.rs; it must pass `syllabus check`) opened from
# the course cache, and the same course opened with an empty cache. The subjects
# take turns, ROUNDS times, RUNS/ROUNDS measured runs each (plus one warm-up run each time),
# so slow drifts in the machine's load hit all four alike; each round starts one subject
# later than the last, so none always follows the same one. Every syllabus run starts with no
# progress file (a fresh temporary --progress). Prints the medians and the ratios to the
# floor, and how busy the host was; docs/performance.md says what each figure means.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-20}
ROUNDS=${ROUNDS:-4}
MODULES=${MODULES:-1000}
SHARED=${SHARED:-../shared}   # the shared folder beside the repository (SHARED=/path if not)
TTFF=$SHARED/bench/ttff.py
FLOOR_DIR=$SHARED/bench/floor
FLOOR_TARGET=/tmp/floor-target
per_round=$(( (RUNS + ROUNDS - 1) / ROUNDS ))

[ -f "$TTFF" ] || { echo "startup.sh: $TTFF not found (shared/ must sit beside the repo)" >&2; exit 2; }

echo "== building (release)" >&2
# The binary on its own, as `cargo build --release` and `cargo install` build it: built
# together with the example, cargo unifies the dev-dependencies' features into the shared
# dependencies, which changes every symbol's hash, and the link order would then name
# functions that the binary a learner builds does not have.
cargo build --release --quiet --bin syllabus
cargo build --release --quiet --example gen_course
cargo build --release --quiet --manifest-path "$FLOOR_DIR/Cargo.toml" --target-dir "$FLOOR_TARGET"

# The link order (bench/link-order.sh) helps only as far as its names are still there: a
# stale one costs a few hundred KiB of peak RSS, so say so loudly before measuring.
if ! bash bench/link-order-check.sh target/release/syllabus >&2; then
  echo "startup.sh: WARNING: the link order is stale; peak RSS and first frame below are not this code's" >&2
fi

tmp=$(mktemp -d /tmp/syllabus-startup.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

echo "== generating a $MODULES-module course" >&2
target/release/examples/gen_course "$tmp/course" "$MODULES" >&2
target/release/syllabus check "$tmp/course" 2>&1 | tail -n 1 >&2

if pgrep -f 'fuzz|libfuzzer' >/dev/null; then
  echo "startup.sh: warning: a fuzzer is running; figures will be noisy" >&2
fi

# One ttff.py invocation: NAME, MARKER, then the command. Each syllabus run gets an empty
# progress folder (the --setup command runs before every run, untimed).
measure() {
  local name=$1 marker=$2 round=$3
  shift 3
  rm -rf "$tmp/p-$name" && mkdir "$tmp/p-$name"
  python3 "$TTFF" --cols 100 --rows 30 --runs "$per_round" --warmup 1 --quiet \
    --marker "$marker" --keys j,j,k,j,k,j --quit q \
    --setup "rm -rf '$tmp/p-$name' && mkdir '$tmp/p-$name'${EXTRA_SETUP:+ && $EXTRA_SETUP}" \
    --json "$tmp/$name-$round.json" -- "$@" >"$tmp/$name-$round.txt"
  grep -h '^host:' "$tmp/$name-$round.txt" | sed "s/^/[$name round $round] /" >&2
}

# One subject per function, so the order can turn: each round starts one subject later
# (floor, built-in, [before], cached, first open; then built-in, ..., floor), so no subject
# always runs right after the heavy first opens (whose load leaves the machine in another
# state for the next few hundred milliseconds) or always first.
subject_floor() { measure floor Lessons "$1" "$FLOOR_TARGET/release/floor"; }
subject_default() {
  measure default "Course map" "$1" \
    target/release/syllabus --progress "$tmp/p-default/progress.toml"
}
subject_before() {
  measure before "Course map" "$1" "$BEFORE" --progress "$tmp/p-before/progress.toml"
}
# The generated course twice: from the cache (the warm-up run fills it), and opened for
# the first time (the cache emptied before every run).
subject_cached() {
  measure m$MODULES "Course map" "$1" env XDG_CACHE_HOME="$tmp/cache-warm" \
    target/release/syllabus --course "$tmp/course" --progress "$tmp/p-m$MODULES/progress.toml"
}
subject_cold() {
  EXTRA_SETUP="rm -rf '$tmp/cache-cold'" measure cold$MODULES "Course map" "$1" \
    env XDG_CACHE_HOME="$tmp/cache-cold" \
    target/release/syllabus --course "$tmp/course" --progress "$tmp/p-cold$MODULES/progress.toml"
}
subjects=(floor default)
[ -n "${BEFORE:-}" ] && subjects+=(before)
subjects+=(cached cold)

echo "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round of $ROUNDS" >&2
  n=${#subjects[@]}
  for i in $(seq 0 $((n - 1))); do
    "subject_${subjects[$(( (i + round - 1) % n ))]}" "$round"
  done
done

echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$tmp" "$MODULES" "${BEFORE:-}" <<'EOF'
import glob, json, os, re, statistics, sys

tmp, modules = sys.argv[1], sys.argv[2]
names = [("floor", "floor app"), ("default", "syllabus, built-in"),
         (f"m{modules}", f"{modules} modules, cached"),
         (f"cold{modules}", f"{modules} modules, first open")]
if len(sys.argv) > 3 and sys.argv[3]:
    names.insert(2, ("before", "older build, built-in"))

def runs(name):
    out = []
    for path in sorted(glob.glob(os.path.join(tmp, f"{name}-*.json"))):
        with open(path) as f:
            out += json.load(f)["runs"]
    return out

def med(values):
    v = [x for x in values if x is not None]
    return statistics.median(v) if v else None

busy = []
for path in glob.glob(os.path.join(tmp, "*.txt")):
    with open(path) as f:
        m = re.search(r"all-CPU busy (\d+)%", f.read())
        if m:
            busy.append(int(m.group(1)))

metrics = [
    ("first full frame", "ms", lambda r: [r.get("frame")]),
    ("key (plain) done", "ms", lambda r: [k["done"] for k in r["keys"] if k["plain"]]),
    ("key (plain) first", "ms", lambda r: [k["first"] for k in r["keys"] if k["plain"]]),
    ("exit (q -> reaped)", "ms", lambda r: [r.get("exit")]),
    ("peak RSS (self)", "MiB", lambda r: [r["rss_self"] / 1024 if r.get("rss_self") else None]),
]
table = {}
for name, _ in names:
    rs = runs(name)
    table[name] = {"n": len(rs)}
    for label, _, get in metrics:
        table[name][label] = med([v for r in rs for v in get(r)])

print(f"\nmedians over {' / '.join(str(table[n]['n']) for n, _ in names)} runs "
      "(100x30, keys j,j,k,j,k,j, quit q)")
head = f"{'metric':<20}" + "".join(f"{title:>24}" for _, title in names)
print(head)
for label, unit, _ in metrics:
    row = f"{label + ' (' + unit + ')':<20}"
    floor = table["floor"][label]
    for name, _ in names:
        v = table[name][label]
        if v is None:
            cell = "-"
        elif name == "floor" or not floor:
            cell = f"{v:.2f}"
        else:
            cell = f"{v:.2f} ({v / floor:.2f}x)"
        row += f"{cell:>24}"
    print(row)
if busy:
    print(f"host busy during the batches: median {statistics.median(busy)}%, max {max(busy)}%"
          " (all CPUs, including the measured app and the harness)")
    if max(busy) > 50:
        print("warning: a batch ran above 50% busy; run again on a quieter machine")
EOF
