#!/usr/bin/env python3
"""Checks that two study CSVs have the same rows: same header, same rows in the same (canonical)
order, every column equal except the wall-clock ones (`seconds`, `<stage>.seconds`).
Usage: same-study-rows.py A.csv B.csv  (exit 0 when equal, 1 with the first difference)."""
import csv
import sys


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    header = table[0]
    keep = [i for i, c in enumerate(header) if c != "seconds" and not c.endswith(".seconds")]
    return [header[i] for i in keep], [[r[i] for i in keep] for r in table[1:]]


(ha, ra), (hb, rb) = rows(sys.argv[1]), rows(sys.argv[2])
if ha != hb:
    sys.exit(f"columns differ:\n  {ha}\n  {hb}")
if len(ra) != len(rb):
    sys.exit(f"{len(ra)} rows in {sys.argv[1]}, {len(rb)} in {sys.argv[2]}")
for i, (a, b) in enumerate(zip(ra, rb)):
    if a != b:
        diff = [f"{h}: {x!r} != {y!r}" for h, x, y in zip(ha, a, b) if x != y]
        sys.exit(f"row {i + 1} ({a[0]}) differs: " + "; ".join(diff))
print(f"same rows: {len(ra)} rows, {len(ha)} columns compared ({sys.argv[1]}, {sys.argv[2]})")
