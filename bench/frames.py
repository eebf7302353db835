#!/usr/bin/env python3
"""First frames only: the floor app and one or more syllabus binaries in turns, round by round.

    python3 bench/frames.py ROUNDS RUNS BIN [BIN...]

Like bench/ab.py (ttff.py in a 100x30 pty, a fresh --progress folder before every run,
one key), but prints each round's median first frame as it goes, so a drift of the
machine shows, and at the end each subject's median, ratio to the floor, and 10th and
90th percentiles over all runs. SHARED=path sets the shared folder (default ../shared);
FLOOR the floor's binary (default /tmp/floor-target/release/floor, which
bench/startup.sh builds).
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile

if len(sys.argv) < 4:
    sys.exit(__doc__)
rounds, runs, bins = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
here = os.path.dirname(os.path.abspath(__file__))
shared = os.environ.get("SHARED", os.path.join(here, "..", "..", "shared"))
ttff = os.path.join(shared, "bench", "ttff.py")
floor = os.environ.get("FLOOR", "/tmp/floor-target/release/floor")
for path in [ttff, floor] + bins:
    if not os.path.exists(path):
        sys.exit(f"frames.py: {path} not found (bench/startup.sh builds the floor)")
tmp = tempfile.mkdtemp(prefix="syllabus-frames.")
subjects = [("floor", "Lessons", [floor])] + [
    (b, "Course map", [b, "--progress", f"{tmp}/p/progress.toml"]) for b in bins
]
frames = {name: [] for name, _, _ in subjects}
for r in range(rounds):
    line = []
    for name, marker, cmd in subjects:
        out = os.path.join(tmp, "out.json")
        subprocess.run(
            ["python3", ttff, "--cols", "100", "--rows", "30", "--runs", str(runs),
             "--warmup", "1", "--quiet", "--marker", marker, "--keys", "j", "--quit", "q",
             "--setup", f"rm -rf {tmp}/p && mkdir {tmp}/p", "--json", out, "--"] + cmd,
            check=True, stdout=subprocess.DEVNULL)
        with open(out) as f:
            got = [run["frame"] for run in json.load(f)["runs"] if run.get("frame")]
        frames[name] += got
        line.append(f"{os.path.basename(name)} {statistics.median(got):.3f}")
    print(f"round {r + 1}: " + "  ".join(line), flush=True)
base = statistics.median(frames["floor"])
for name, _, _ in subjects:
    v = sorted(frames[name])
    m = statistics.median(v)
    print(f"{name:40} median {m:.3f} ms ({m / base:.2f}x)  "
          f"p10 {v[len(v) // 10]:.3f}  p90 {v[len(v) * 9 // 10]:.3f}")
