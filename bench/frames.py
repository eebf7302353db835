#!/usr/bin/env python3
"""First frames only: the floor app and one or more syllabus binaries in turns, round by round.

    python3 bench/frames.py ROUNDS RUNS BIN [BIN...]

Like bench/ab.py (ttff.py in a 100x30 pty, a fresh --progress folder before every run,
one key), but prints each round's median first frame as it goes, so a drift of the
machine shows, and at the end each subject's median, ratio to the floor, and 10th and
90th percentiles over all runs. SHARED and FLOOR as for bench/turns.py.
"""
import os
import statistics

import turns

rounds, runs, subjects, where = turns.setup(__doc__, "frames.py")
frames = {name: [] for name, _, _ in subjects}
for r in range(rounds):
    line = []
    for subject in subjects:
        got = [run["frame"] for run in turns.run(where, subject, runs, "j") if run.get("frame")]
        frames[subject[0]] += got
        line.append(f"{os.path.basename(subject[0])} {statistics.median(got):.3f}")
    print(f"round {r + 1}: " + "  ".join(line), flush=True)
base = statistics.median(frames["floor"])
for name, _, _ in subjects:
    v = sorted(frames[name])
    m = statistics.median(v)
    print(f"{name:40} median {m:.3f} ms ({m / base:.2f}x)  "
          f"p10 {v[len(v) // 10]:.3f}  p90 {v[len(v) * 9 // 10]:.3f}")
