#!/usr/bin/env python3
"""Print the median of every criterion benchmark under target/criterion (the last run).

Usage: python3 bench/criterion_summary.py [TARGET_DIR]   (default: target)
Each line: benchmark id, median, and the 95% interval of the median, as criterion wrote them
in <target>/criterion/<group>/<bench>/new/estimates.json.
"""
import json
import os
import sys


def fmt(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.1f} µs"
    return f"{ns:.0f} ns"


def main():
    root = os.path.join(sys.argv[1] if len(sys.argv) > 1 else "target", "criterion")
    rows = []
    for dirpath, _dirs, files in os.walk(root):
        if os.path.basename(dirpath) != "new" or "estimates.json" not in files:
            continue
        with open(os.path.join(dirpath, "estimates.json")) as f:
            est = json.load(f)
        bench_file = os.path.join(dirpath, "benchmark.json")
        name = os.path.relpath(os.path.dirname(dirpath), root)
        if os.path.exists(bench_file):
            with open(bench_file) as f:
                name = json.load(f).get("full_id", name)
        med = est["median"]
        ci = med["confidence_interval"]
        rows.append((name, med["point_estimate"], ci["lower_bound"], ci["upper_bound"]))
    if not rows:
        sys.exit(f"no criterion results under {root}; run `cargo bench` first")
    width = max(len(r[0]) for r in rows)
    for name, m, lo, hi in sorted(rows):
        print(f"{name:<{width}}  {fmt(m):>10}   [{fmt(lo)} .. {fmt(hi)}]")


if __name__ == "__main__":
    main()
