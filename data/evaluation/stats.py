#!/usr/bin/env python3
"""Prints the label distribution of data/evaluation/holdout.csv (used for README.md)."""
import csv, sys
from collections import Counter

path = sys.argv[1] if len(sys.argv) > 1 else "data/evaluation/holdout.csv"
with open(path, encoding="utf-8", newline="") as fh:
    rows = list(csv.DictReader(fh))
n = len(rows)
labels = Counter()
sizes = Counter()
ascii_spelled = 0
for r in rows:
    ts = r["themes"].split("|")
    sizes[len(ts)] += 1
    labels.update(ts)
words = Counter(len(r["text"].split()) for r in rows)
print(f"statements: {n}")
for label in ["patient-involvement", "visual-communication", "staff-burnout", "health-literacy", "other"]:
    print(f"  {label:22s} {labels[label]:4d}  {100 * labels[label] / n:5.1f} %")
for k in sorted(sizes):
    print(f"  {k} label(s): {sizes[k]:4d}  {100 * sizes[k] / n:5.1f} %")
short = sum(v for k, v in words.items() if k <= 2)
print(f"  one/two-word texts: {short} ({100 * short / n:.1f} %)")
print(f"  texts over 20 words: {sum(v for k, v in words.items() if k > 20)}")
print(f"  questions: {len(set(r['question'] for r in rows))}")
