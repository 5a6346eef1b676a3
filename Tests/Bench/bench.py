#!/usr/bin/env python3
"""make bench (needs GNU time: apt-get install time): times svcaudit against the libyaml floor
on two generated data sets — clean (~6 KB, no warnings) and realistic (`svcaudit-gen
--realistic`: 0.5–4 KB, about half the files with each kind of warning) — and checks the
SPEC §5 targets.

Usage: bench.py [--sizes 10000,100000] [--sets clean,realistic] [--runs N] [--bin .build/release] [--data .bench]
Generated files are cached in .bench/<set>-N (regenerated when missing). BENCH_SIZES=1000000
adds the million-file size (opt-in: it takes a while and ~4 GB of disk).
"""
import argparse, os, shutil, statistics, subprocess, sys, time

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


def generate(kind, n):
    d = os.path.join(args.data, f"{kind}-{n}")
    stamp = os.path.join(d, ".complete")
    if os.path.exists(stamp):
        return d
    shutil.rmtree(d, ignore_errors=True)
    print(f"generating {n} {kind} visit files in {d} ...", file=sys.stderr, flush=True)
    extra = ["--realistic"] if kind == "realistic" else []
    subprocess.run([gen, "--count", str(n), "--seed", args.seed, "--out", d] + extra, check=True)
    open(stamp, "w").close()
    return d


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
rows = []
for kind in [s for s in args.sets.split(",") if s]:
    for n in [int(s) for s in args.sizes.split(",") if s]:
        d = generate(kind, n)
        runs = args.runs or (5 if n <= 20000 else 3)
        cl = ["--checklists", "checklists"]
        cases = [
            (FLOOR, [args.floor, d]),
            ("validate --jobs 2", [svcaudit, "validate", d, "--jobs", "2"] + cl),
            ("validate --jobs 1", [svcaudit, "validate", d, "--jobs", "1"] + cl),
            ("rank --jobs 2", [svcaudit, "rank", d, "--jobs", "2", "--format", "json"] + cl),
            ("rank --jobs 1", [svcaudit, "rank", d, "--jobs", "1", "--format", "json"] + cl),
            ("report --format json --jobs 2", [svcaudit, "report", d, "--jobs", "2", "--format", "json", "-o", "/dev/null"] + cl),
            ("report --format json --jobs 1", [svcaudit, "report", d, "--jobs", "1", "--format", "json", "-o", "/dev/null"] + cl),
        ]
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
    if big > small:
        for cmd in ["validate --jobs 2", "rank --jobs 2", "report --format json --jobs 2"]:
            lo = next(r[6] for r in mine if r[1] == small and r[2] == cmd)
            hi = by[cmd][6]
            per_file = (hi - lo) * 1024 / (big - small)
            checks.append((f"{cmd} memory flat ({per_file:.0f} B/file ≤ 64)", per_file <= 64))
    checks.append((f"rank stderr ≤ 25 lines ({by['rank --jobs 2'][7]})", by["rank --jobs 2"][7] <= 25))
    ok_all = ok_all and all(ok for _, ok in checks)
    print(f"targets, {kind} at {big} files: " + "; ".join(f"{name}: {'ok' if ok else 'MISSED'}" for name, ok in checks))
print("all targets hold" if ok_all else "some targets MISSED")
