"""What bench/ab.py and bench/frames.py share: the floor app and syllabus binaries run in
turns through ../shared/bench/ttff.py, in a 100x30 pty, a fresh --progress folder before
every run. SHARED=path sets the shared folder (default ../shared), FLOOR the floor's
binary (default /tmp/floor-target/release/floor, which bench/startup.sh builds)."""
import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def setup(usage, tool):
    """ROUNDS, RUNS and the subjects (name, marker, command) from the command line."""
    if len(sys.argv) < 4:
        sys.exit(usage)
    rounds, runs, bins = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    shared = os.environ.get("SHARED", os.path.join(HERE, "..", "..", "shared"))
    ttff = os.path.join(shared, "bench", "ttff.py")
    floor = os.environ.get("FLOOR", "/tmp/floor-target/release/floor")
    for path in [ttff, floor] + bins:
        if not os.path.exists(path):
            sys.exit(f"{tool}: {path} not found (bench/startup.sh builds the floor)")
    tmp = tempfile.mkdtemp(prefix=f"syllabus-{tool.split('.')[0]}.")
    atexit.register(shutil.rmtree, tmp, True)
    subjects = [("floor", "Lessons", [floor])] + [
        (b, "Course map", [b, "--progress", f"{tmp}/p/progress.toml"]) for b in bins
    ]
    return rounds, runs, subjects, (ttff, tmp)


def run(where, subject, runs, keys):
    """RUNS runs (plus one warm-up) of one subject, pressing KEYS then q: ttff's records."""
    (ttff, tmp), (_, marker, cmd) = where, subject
    out = os.path.join(tmp, "out.json")
    subprocess.run(
        ["python3", ttff, "--cols", "100", "--rows", "30", "--runs", str(runs),
         "--warmup", "1", "--quiet", "--marker", marker, "--keys", keys,
         "--quit", "q", "--setup", f"rm -rf {tmp}/p && mkdir {tmp}/p", "--json", out,
         "--"] + cmd,
        check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        return json.load(f)["runs"]
