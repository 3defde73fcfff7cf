"""Comparator for bench/case-tracking.bench.ts: a plain one-dimension proportional
stratified draw with pandas (groupby(...).apply(sample), category dtype).

Usage: /usr/bin/python3 bench/pandas_sample.py CSV N REPEATS
Prints one JSON line: {"tool", "version", "rows", "n", "ms": [..], "drawn"}; only the
sampling is timed (reading the CSV is not).
"""
import json
import sys
import time

import pandas as pd

path, n, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
df = pd.read_csv(path, dtype={"age_band": "category"})
frac = n / len(df)
times = []
drawn = 0
for seed in range(repeats):
    t0 = time.perf_counter()
    sample = df.groupby("age_band", observed=True, group_keys=False).apply(
        lambda g: g.sample(frac=frac, random_state=seed)
    )
    times.append((time.perf_counter() - t0) * 1000)
    drawn = len(sample)
print(json.dumps({"tool": "pandas", "version": pd.__version__, "rows": len(df), "n": n, "ms": times, "drawn": drawn}))
