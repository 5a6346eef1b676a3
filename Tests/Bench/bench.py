#!/usr/bin/env python3
"""make bench (needs GNU time: apt-get install time): times svcaudit against the libyaml floor
on two generated data sets — clean (~6 KB, no warnings) and realistic (`svcaudit-gen
--realistic`: 0.5–4 KB, about half the files with each kind of warning) — and checks the
SPEC §5 targets.

Usage: bench.py [--sizes 10000,100000] [--sets clean,realistic] [--runs N] [--bin .build/release] [--data .bench]
Generated files are cached in .bench/<set>-N (regenerated when missing). BENCH_SIZES=1000000
adds the million-file size (opt-in: it takes a while, and 4 GB of disk for a million realistic
files, 8 GB clean, twice: the same-bank copy too).

Memory "flat per file" (SPEC §5: at most 64 bytes more a file) is measured on more files of the
same bank: the generator's bank grows with the file count (one branch per 25 files), and a
ranking needs a row per employee whatever the design, so the largest size is generated a
second time with the smallest size's bank (`--branches`, cached in .bench/<set>-bankB-N). The
growing bank's figures are printed too, as bytes per employee added.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--sizes", default="10000,100000")
ap.add_argument("--sets", default="clean,realistic")
ap.add_argument("--runs", type=int, default=0, help="runs per command (default 5 for up to 20,000 files, 3 above)")
ap.add_argument("--bin", default=".build/release")
ap.add_argument("--data", default=".bench")
ap.add_argument("--floor", default=".bench/yaml_floor")
ap.add_argument("--seed", default="2026")
args = ap.parse_args()

svcaudit = os.path.join(args.bin, "svcaudit")
gen = os.path.join(args.bin, "svcaudit-gen")
os.makedirs(args.data, exist_ok=True)


def bank(said):
    """(branches, staff) from svcaudit-gen's closing line, or None."""
    m = re.search(r"\((\d+) branches, (\d+) staff", said)
    return (int(m.group(1)), int(m.group(2))) if m else None


def generate(kind, n, branches=None):
    """The folder of n generated files and the bank svcaudit-gen made for them: (branches, staff)."""
    d = os.path.join(args.data, f"{kind}-{n}" if branches is None else f"{kind}-bank{branches}-{n}")
    stamp = os.path.join(d, ".complete")
    if os.path.exists(stamp) and bank(open(stamp).read()):
        return d, bank(open(stamp).read())
    shutil.rmtree(d, ignore_errors=True)
    print(f"generating {n} {kind} visit files in {d} ...", file=sys.stderr, flush=True)
    extra = ["--realistic"] if kind == "realistic" else []
    if branches is not None:
        extra += ["--branches", str(branches)]
    r = subprocess.run([gen, "--count", str(n), "--seed", args.seed, "--out", d] + extra,
                       check=True, stderr=subprocess.PIPE, text=True)
    print(r.stderr, end="", file=sys.stderr, flush=True)
    if not bank(r.stderr):
        sys.exit(f"svcaudit-gen did not say how many branches and staff its bank has: {r.stderr}")
    with open(stamp, "w") as f:
        f.write(r.stderr)
    return d, bank(r.stderr)


RSS_FILE = os.path.join(args.data, "rss.txt")


def run_once(cmd):
    """Wall seconds, peak RSS (KB) and stderr lines of one run, output discarded. RSS comes from
    GNU time (`/usr/bin/time -f %M`): the rusage of a child forked by Python would count Python's pages."""
    with open(os.devnull, "wb") as null:
        t0 = time.perf_counter()
        r = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", RSS_FILE] + cmd, stdout=null, stderr=subprocess.PIPE)
        wall = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"command failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr.decode()[-2000:]}")
    with open(RSS_FILE) as f:
        return wall, int(f.read().split()[-1]), r.stderr.count(b"\n")


FLOOR = "C libyaml floor (1 thread)"
MEMORY = ["validate --jobs 2", "rank --jobs 2", "report --format json --jobs 2"]
rows = []


def commands(d):
    """(name, command line) of every timed case on the files in d."""
    cl = ["--checklists", "checklists"]
    return [
        (FLOOR, [args.floor, d]),
        ("validate --jobs 2", [svcaudit, "validate", d, "--jobs", "2"] + cl),
        ("validate --jobs 1", [svcaudit, "validate", d, "--jobs", "1"] + cl),
        ("rank --jobs 2", [svcaudit, "rank", d, "--jobs", "2", "--format", "json"] + cl),
        ("rank --jobs 1", [svcaudit, "rank", d, "--jobs", "1", "--format", "json"] + cl),
        ("report --format json --jobs 2", [svcaudit, "report", d, "--jobs", "2", "--format", "json", "-o", "/dev/null"] + cl),
        ("report --format json --jobs 1", [svcaudit, "report", d, "--jobs", "1", "--format", "json", "-o", "/dev/null"] + cl),
    ]


banks = {}  # (kind, n) → (branches, staff) of the set timed
same_bank = {}  # (kind, command) → peak RSS KB on the largest size made with the smallest size's bank
sizes_asked = sorted({int(s) for s in args.sizes.split(",") if s})
for kind in [s for s in args.sets.split(",") if s]:
    for n in sizes_asked:
        d, banks[(kind, n)] = generate(kind, n)
        runs = args.runs or (5 if n <= 20000 else 3)
        cases = commands(d)
        # One untimed pass first, so every command reads the files from the page cache; then
        # the commands take turns, round after round, so a slow spell of the machine falls on
        # all of them rather than on whichever happened to run then.
        run_once(cases[0][1])
        results = {name: [] for name, _ in cases}
        for _ in range(runs):
            for name, cmd in cases:
                results[name].append(run_once(cmd))
        base = statistics.median(w for w, _, _ in results[FLOOR])
        for name, _ in cases:
            walls = [w for w, _, _ in results[name]]
            med, rss = statistics.median(walls), max(r for _, r, _ in results[name])
            lines = max(l for _, _, l in results[name])
            rows.append((kind, n, name, med, med / base, n / med, rss, lines))
            print(f"  {kind:<9} {n:>7} {name:<30} {med:8.3f} s  ({', '.join(f'{w:.3f}' for w in walls)})", file=sys.stderr, flush=True)
    small, big = sizes_asked[0], sizes_asked[-1]
    if banks[(kind, big)][1] > banks[(kind, small)][1]:
        d, _ = generate(kind, big, branches=banks[(kind, small)][0])
        for name, cmd in commands(d):
            if name not in MEMORY:
                continue
            same_bank[(kind, name)] = max(run_once(cmd)[1] for _ in range(min(3, args.runs or 3)))
            print(f"  {kind:<9} {big:>7} {name:<30} same bank as {small} files: {same_bank[(kind, name)] / 1024:.1f} MB", file=sys.stderr, flush=True)

print()
print(f"svcaudit bench on {os.cpu_count()} cores (files cached, commands in turn, median of runs; ratio = wall / C floor; peak RSS = max of /usr/bin/time %M)")
print(f"{'set':<10} {'files':>8}  {'command':<30} {'wall s':>8} {'× floor':>8} {'files/s':>10} {'peak RSS MB':>12} {'stderr lines':>13}")
for kind, n, name, med, ratio, fps, rss, lines in rows:
    rs = f"{rss / 1024:.1f}" if rss else "-"
    print(f"{kind:<10} {n:>8}  {name:<30} {med:8.3f} {ratio:8.2f} {fps:10.0f} {rs:>12} {lines:>13}")

# SPEC §5 targets, per data set at its largest size; memory flat between the smallest and largest.
print()
ok_all = True
for kind in sorted({r[0] for r in rows}):
    mine = [r for r in rows if r[0] == kind]
    sizes = sorted({r[1] for r in mine})
    big, small = sizes[-1], sizes[0]
    by = {r[2]: r for r in mine if r[1] == big}
    checks = []
    for cmd in ["validate", "rank", "report --format json"]:
        checks.append((f"{cmd} --jobs 2 ≤ 0.8× floor", by[f"{cmd} --jobs 2"][4] <= 0.8))
        checks.append((f"{cmd} --jobs 1 ≤ 1.5× floor", by[f"{cmd} --jobs 1"][4] <= 1.5))
    peak = max(r[6] for r in mine if r[2] != FLOOR)
    checks.append(("peak RSS ≤ 150 MB", peak <= 150 * 1024))
    for cmd in MEMORY:
        if (kind, cmd) not in same_bank:
            continue
        lo = next(r[6] for r in mine if r[1] == small and r[2] == cmd)
        per_file = (same_bank[(kind, cmd)] - lo) * 1024 / (big - small)
        checks.append((f"{cmd} memory flat, same bank ({per_file:.0f} B/file ≤ 64)", per_file <= 64))
    checks.append((f"rank stderr ≤ 25 lines ({by['rank --jobs 2'][7]})", by["rank --jobs 2"][7] <= 25))
    ok_all = ok_all and all(ok for _, ok in checks)
    print(f"targets, {kind} at {big} files: " + "; ".join(f"{name}: {'ok' if ok else 'MISSED'}" for name, ok in checks))
    if (kind, MEMORY[0]) in same_bank:
        # Not a target: what the growing bank adds, per employee it adds (SPEC §5's bank has
        # 400,000 staff; peak memory there is the per-file figure plus this one per employee).
        extra = banks[(kind, big)][1] - banks[(kind, small)][1]  # > 0, or no same-bank set was made
        parts = []
        for cmd in MEMORY:
            lo = next(r[6] for r in mine if r[1] == small and r[2] == cmd)
            grown = (by[cmd][6] - same_bank[(kind, cmd)]) * 1024
            parts.append(f"{cmd.split()[0]} {(by[cmd][6] - lo) * 1024 / (big - small):.0f} B/file, {grown / extra:.0f} B per employee")
        print(f"  with the bank growing with the files ({banks[(kind, small)][1]} → {banks[(kind, big)][1]} staff): " + "; ".join(parts))
print("all targets hold" if ok_all else "some targets MISSED")
