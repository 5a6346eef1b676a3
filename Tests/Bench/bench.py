#!/usr/bin/env python3
"""make bench (needs GNU time: apt-get install time): times svcaudit against the libyaml floor on generated visit files.

Usage: bench.py [--sizes 10000,100000] [--runs N] [--bin .build/release] [--data .bench]
Generated files are cached in .bench/visits-N (regenerated when missing).
"""
import argparse, os, shutil, statistics, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--sizes", default="10000,100000")
ap.add_argument("--runs", type=int, default=0, help="runs per command (default 5 for 10k, 3 above)")
ap.add_argument("--bin", default=".build/release")
ap.add_argument("--data", default=".bench")
ap.add_argument("--floor", default=".bench/yaml_floor")
ap.add_argument("--seed", default="2026")
args = ap.parse_args()

svcaudit = os.path.join(args.bin, "svcaudit")
gen = os.path.join(args.bin, "svcaudit-gen")
os.makedirs(args.data, exist_ok=True)


def generate(n):
    d = os.path.join(args.data, f"visits-{n}")
    stamp = os.path.join(d, ".complete")
    if os.path.exists(stamp):
        return d
    shutil.rmtree(d, ignore_errors=True)
    print(f"generating {n} visit files in {d} ...", file=sys.stderr, flush=True)
    subprocess.run([gen, "--count", str(n), "--seed", args.seed, "--out", d], check=True)
    open(stamp, "w").close()
    return d


RSS_FILE = os.path.join(args.data, "rss.txt")


def run_once(cmd):
    """Wall seconds and peak RSS (KB) of one run, output discarded. RSS comes from GNU time
    (`/usr/bin/time -f %M`): the rusage of a child forked by Python would count Python's pages."""
    with open(os.devnull, "wb") as null:
        t0 = time.perf_counter()
        r = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", RSS_FILE] + cmd, stdout=null, stderr=null)
        wall = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"command failed ({r.returncode}): {' '.join(cmd)}")
    with open(RSS_FILE) as f:
        return wall, int(f.read().split()[-1])


rows = []
for n in [int(s) for s in args.sizes.split(",") if s]:
    d = generate(n)
    runs = args.runs or (5 if n <= 20000 else 3)
    cl = ["--checklists", "checklists"]
    cases = [
        ("C libyaml floor (1 thread)", [args.floor, d]),
        ("validate", [svcaudit, "validate", d] + cl),
        ("rank --jobs 2", [svcaudit, "rank", d, "--jobs", "2", "--format", "json"] + cl),
        ("rank --jobs 1", [svcaudit, "rank", d, "--jobs", "1", "--format", "json"] + cl),
        ("report --format json", [svcaudit, "report", d, "--format", "json", "-o", "/dev/null"] + cl),
    ]
    # One untimed pass first, so every command reads the files from the page cache; then
    # the commands take turns, round after round, so a slow spell of the machine falls on
    # all of them rather than on whichever happened to run then.
    run_once(cases[0][1])
    results = {name: [] for name, _ in cases}
    for _ in range(runs):
        for name, cmd in cases:
            results[name].append(run_once(cmd))
    base = None
    for name, _ in cases:
        walls = [w for w, _ in results[name]]
        med, rss = statistics.median(walls), max(r for _, r in results[name])
        if base is None:
            base = med
        rows.append((n, name, med, med / base, n / med, rss, walls))
        print(f"  {n:>7} {name:<28} {med:8.3f} s  ({', '.join(f'{w:.3f}' for w in walls)})", file=sys.stderr, flush=True)

print()
print(f"svcaudit bench on {os.cpu_count()} cores (files cached, commands in turn, median of runs; ratio = wall / C floor; peak RSS = max of /usr/bin/time %M)")
print(f"{'files':>8}  {'command':<28} {'wall s':>8} {'× floor':>8} {'files/s':>10} {'peak RSS MB':>12}")
for n, name, med, ratio, fps, rss, _ in rows:
    rs = f"{rss / 1024:.1f}" if rss else "-"
    print(f"{n:>8}  {name:<28} {med:8.3f} {ratio:8.2f} {fps:10.0f} {rs:>12}")

# The targets of the speed work (issue: rank at 100,000 files), checked on the largest size run.
big = max(n for n, *_ in rows)
by = {name: (med, ratio, rss) for n, name, med, ratio, _, rss, _ in rows if n == big}
checks = [
    ("rank --jobs 2 ≤ 1.0× floor", by["rank --jobs 2"][1] <= 1.0),
    ("rank --jobs 1 ≤ 2.0× floor", by["rank --jobs 1"][1] <= 2.0),
    ("rank peak RSS ≤ 200 MB", max(by["rank --jobs 2"][2], by["rank --jobs 1"][2]) <= 200 * 1024),
    ("validate ≤ 1.5× rank --jobs 2", by["validate"][0] <= 1.5 * by["rank --jobs 2"][0]),
    ("report ≤ 1.5× rank --jobs 2", by["report --format json"][0] <= 1.5 * by["rank --jobs 2"][0]),
]
print()
print(f"targets at {big} files: " + "; ".join(f"{name}: {'ok' if ok else 'MISSED'}" for name, ok in checks))
