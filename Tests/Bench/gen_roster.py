#!/usr/bin/env python3
"""Writes a bank-sized roster (SPEC §5: 20,000 branches, 400,000 staff) for timing roster loading.

    python3 Tests/Bench/gen_roster.py /tmp/roster-big [branches] [staff]

One branch in 50 opened or closed inside 2026, one employee in 20 transferred once (two rows),
one branch in 100 has a waiver: the rows the loader's cross-checks look at. Deterministic.
"""
import os
import random
import sys

out = sys.argv[1]
nb = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
ns = int(sys.argv[3]) if len(sys.argv) > 3 else 400000
rnd = random.Random(13)
os.makedirs(out, exist_ok=True)
roles = ["teller", "lobby_manager", "account_manager", "security"]
with open(os.path.join(out, "branches.csv"), "w", encoding="utf-8-sig", newline="") as f:
    f.write("网点编号,网点名称,上级机构,分行,起始日期,截止日期\r\n")
    for i in range(nb):
        opened = "2026-%02d-01" % (1 + i % 12) if i % 50 == 0 else ""
        closed = "2026-%02d-28" % (1 + i % 12) if i % 50 == 25 else ""
        f.write("BR%05d,第%d网点,第%d支行,第%d分行,%s,%s\r\n" % (i, i, i // 10, i // 500, opened, closed))
rows = 0
with open(os.path.join(out, "staff.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("id,name,role,branch,from,to\n")
    e = 0
    while rows < ns:
        b = rnd.randrange(nb)
        role = roles[e % 4]
        if e % 20 == 0 and rows + 2 <= ns:
            b2 = rnd.randrange(nb)
            f.write("E%07d,员工%d,%s,BR%05d,2020-01-01,2026-08-03\n" % (e, e, role, b))
            f.write("E%07d,员工%d,%s,BR%05d,2026-08-04,\n" % (e, e, role, b2))
            rows += 2
        else:
            f.write("E%07d,员工%d,%s,BR%05d,2019-03-01,\n" % (e, e, role, b))
            rows += 1
        e += 1
with open(os.path.join(out, "waivers.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("branch,from,to,reason\n")
    for i in range(0, nb, 100):
        f.write("BR%05d,2026-09-07,2026-09-20,装修停业\n" % i)
print("%s: %d branches, %d staff rows" % (out, nb, rows))
