#!/usr/bin/env python3
"""The floor app and one or more syllabus binaries in turns, on the built-in course.

    python3 bench/ab.py ROUNDS RUNS BIN [BIN...]
    python3 bench/ab.py 6 20 /tmp/old/syllabus target/release/syllabus

Each round runs every subject RUNS times (plus one warm-up) through ttff.py in a 100x30
pty (keys j,j,k,j,k,j, quit q; a fresh --progress folder before every run), so slow drifts
of the machine hit every subject alike. Prints the medians of the first full frame, a
plain key and peak RSS, and their ratios to the floor. bench/startup.sh builds the floor
(into /tmp/floor-target) and also measures a 1,000-module course; this is the quicker
comparison of builds. SHARED and FLOOR as for bench/turns.py.
"""
import statistics

import turns

rounds, runs, subjects, where = turns.setup(__doc__, "ab.py")
runs_of = {name: [] for name, _, _ in subjects}
for _ in range(rounds):
    for subject in subjects:
        runs_of[subject[0]] += turns.run(where, subject, runs, "j,j,k,j,k,j")


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")


rows = {}
for name, _, _ in subjects:
    rs = runs_of[name]
    rows[name] = (
        med([r.get("frame") for r in rs]),
        med([k["done"] for r in rs for k in r["keys"] if k["plain"]]),
        med([r["rss_self"] / 1024 for r in rs if r.get("rss_self")]),
    )
f = rows["floor"]
print(f"{rounds} rounds x {runs} runs each, 100x30; medians and ratios to the floor")
for name, _, _ in subjects:
    v = rows[name]
    print(f"{name:40} frame {v[0]:.3f} ms ({v[0] / f[0]:.2f}x)  key {v[1]:.3f} ms "
          f"({v[1] / f[1]:.2f}x)  peak RSS {v[2]:.2f} MiB ({v[2] / f[2]:.3f}x)")
