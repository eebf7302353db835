#!/usr/bin/env python3
"""The read-only data a start reads, laid out together: assets/hot-data.ld.

    python3 bench/hot_data.py write MAP BIN OUT.ld TRACE [TRACE...]
    python3 bench/hot_data.py check MAP BIN LD TRACE

MAP is the linker's map of BIN (build.rs has rust-lld write target/release/syllabus.map),
each TRACE valgrind's lackey output (`--tool=lackey --trace-mem=yes`) of one session of BIN
(bench/session.sh). Every load or store that falls in `.rodata` names the input section it
hit: a string constant, a jump table, a lookup table, the built-in course's bytes.

`write` lists those sections, in the order a start first reads them (small ones first; those
of 64 KiB or more, the built-in course's text table, after them), as a linker script that
puts them in an output section of their own, `.rodata.hot`, ahead of `.rodata`. Otherwise
the linker lays them out in the order the compiler emitted them, among 1.1 MB of
constants a start never reads, and the kernel maps 64 KiB around every page a start
touches: a start mapped about 700 KiB of `.rodata` where 300 KiB now do
(docs/performance.md, "Eighth pass").

`check` fails (exit 1) when more than 5% of the sections the trace reads lie outside
`.rodata.hot`, which is what a stale script looks like: the compiler numbers a crate's
anonymous constants in order (`.Lanon.HASH.N`), so an added string renumbers those after
it. Nothing but the layout depends on the script: a stale one costs memory, not behaviour.
"""
import re
import subprocess
import sys

LARGE = 64 * 1024
# Under valgrind the main program's code and data sit below the dynamic loader's.
LOADER = 0x4000000


def sections(map_path):
    """(address, size, name, output section) of every input section in .rodata*."""
    out, rows, column = None, [], None
    for line in open(map_path, errors="replace"):
        if column is None:
            # The header: "VMA LMA Size Align Out In Symbol"; an output section's name
            # starts in the "Out" column, an input section's in the "In" column.
            column = line.index(" Out ") + 1 if " Out " in line else None
            continue
        parts = line.split(None, 4)
        if len(parts) < 5:
            continue
        try:
            vma, size = int(parts[0], 16), int(parts[2], 16)
        except ValueError:
            continue
        name = parts[4].rstrip("\n")
        if line.index(name) == column:
            out = name
        elif ":(" in name and name.endswith(")") and out in (".rodata", ".rodata.hot") and size:
            rows.append((vma, size, name[name.index(":(") + 2 : -1], out))
    rows.sort()
    return rows


def same_layout(map_path, binary):
    """Fails unless MAP is the map of BIN: every .rodata* output section at the same place."""
    found = {}
    for line in subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True,
                               check=True).stdout.splitlines():
        m = re.match(r"\s*\[\s*\d+\]\s+(\.rodata\S*)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)", line)
        if m:
            found[m.group(1)] = (int(m.group(2), 16), int(m.group(3), 16))
    mapped = {}
    for line in open(map_path, errors="replace"):
        parts = line.split()
        if len(parts) == 5 and parts[4].startswith(".rodata") and ":(" not in parts[4]:
            try:
                mapped.setdefault(parts[4], (int(parts[0], 16), int(parts[2], 16)))
            except ValueError:
                pass
    if not found or found != {k: v for k, v in mapped.items() if k in found}:
        sys.exit(f"hot_data.py: {map_path} is not the map of {binary} (link it again)")


def base_of(binary, trace):
    """Where valgrind loaded BIN: the first instruction run in it is `_start`."""
    nm = subprocess.run(["nm", binary], capture_output=True, text=True, check=True).stdout
    start = next(int(l.split()[0], 16) for l in nm.splitlines() if l.endswith(" _start"))
    for line in open(trace, errors="replace"):
        if line.startswith("I "):
            addr = int(line[3:].split(",")[0], 16)
            if addr < LOADER:
                base = addr - start
                if base % 4096:
                    sys.exit(f"hot_data.py: {trace}: the first instruction in the program is not _start")
                return base
    sys.exit(f"hot_data.py: {trace}: no instruction of the program ran")


def touched(rows, base, trace):
    """The indexes into ROWS of the sections TRACE reads, in the order it first reads them."""
    import bisect

    starts = [r[0] for r in rows]
    lo, hi = rows[0][0], rows[-1][0] + rows[-1][1]
    seen, order = set(), []
    pattern = re.compile(r"^ [LSM] ([0-9a-f]+),")
    for line in open(trace, errors="replace"):
        m = pattern.match(line)
        if not m:
            continue
        addr = int(m.group(1), 16) - base
        if not lo <= addr < hi:
            continue
        i = bisect.bisect_right(starts, addr) - 1
        if i >= 0 and addr < rows[i][0] + rows[i][1] and i not in seen:
            seen.add(i)
            order.append(i)
    return order


def write(map_path, binary, out, traces):
    same_layout(map_path, binary)
    rows = sections(map_path)
    order, seen = [], set()
    for trace in traces:
        for i in touched(rows, base_of(binary, trace), trace):
            if i not in seen:
                seen.add(i)
                order.append(i)
    small = [rows[i] for i in order if rows[i][1] < LARGE]
    large = [rows[i] for i in order if rows[i][1] >= LARGE]
    with open(out, "w") as f:
        f.write("/* Written by bench/link-order.sh (bench/hot_data.py); do not edit.\n")
        f.write("   The read-only data a start reads, in the order it first reads it, kept\n")
        f.write("   together ahead of .rodata (build.rs passes this to rust-lld with -T). */\n")
        f.write("SECTIONS {\n  .rodata.hot : {\n")
        for _, _, name, _ in small + large:
            f.write(f"    *({name})\n")
        f.write("  }\n} INSERT BEFORE .rodata;\n")
    size = sum(r[1] for r in small + large)
    print(f"hot_data.py: {len(small) + len(large)} sections ({size} bytes) in {out}", file=sys.stderr)


def check(map_path, binary, script, trace):
    same_layout(map_path, binary)
    rows = sections(map_path)
    listed = set(re.findall(r"^\s*\*\((\S+)\)\s*$", open(script).read(), re.M))
    read = [rows[i] for i in touched(rows, base_of(binary, trace), trace)]
    if not read:
        sys.exit(f"hot_data.py: {trace} reads nothing in .rodata: not a trace of {binary}?")
    outside = [r for r in read if r[3] != ".rodata.hot"]
    unlisted = [r for r in outside if r[2] not in listed]
    print(f"hot data: {len(read) - len(outside)} of the {len(read)} sections a start reads "
          f"are in .rodata.hot ({len(listed)} listed in {script})")
    if len(outside) > 0.05 * len(read):
        for _, size, name, _ in outside[:20]:
            print(f"  outside: {name} ({size} bytes)", file=sys.stderr)
        why = "they are not listed" if unlisted else "the linker did not take the script"
        print(f"hot_data.py: {len(outside)} of them lie outside ({why}); run bench/link-order.sh "
              "and commit assets/link-order.txt and assets/hot-data.ld", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    if len(sys.argv) >= 6 and sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
    elif len(sys.argv) == 6 and sys.argv[1] == "check":
        check(*sys.argv[2:])
    else:
        sys.exit(__doc__)
