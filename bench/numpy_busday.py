"""numpy busday_offset comparator for bench/timeline.bench.ts.

Usage: /usr/bin/python3 bench/numpy_busday.py INPUTS HOLIDAYS RESULTS
INPUTS: lines "YYYY-MM-DD,n"; HOLIDAYS: one YYYY-MM-DD per line (weekday bank holidays).
Writes the vectorised results to RESULTS (one date per line) and prints JSON rates.
Roll: 'backward' for n > 0 and 'forward' for n <= 0 reproduces la-assurance's addWorkingDays
(the n-th working day after a start, the start itself never counted).
"""
import json
import sys
import time

import numpy as np

inputs_path, holidays_path, results_path = sys.argv[1:4]
with open(inputs_path) as f:
    pairs = [line.rstrip("\n").split(",") for line in f if line.strip()]
dates = np.array([p[0] for p in pairs], dtype="datetime64[D]")
offsets = np.array([int(p[1]) for p in pairs], dtype=np.int64)
with open(holidays_path) as f:
    holidays = np.array([line.strip() for line in f if line.strip()], dtype="datetime64[D]")
cal = np.busdaycalendar(weekmask="1111100", holidays=holidays)

positive = offsets > 0
start = time.perf_counter()
out = np.empty_like(dates)
out[positive] = np.busday_offset(dates[positive], offsets[positive], roll="backward", busdaycal=cal)
out[~positive] = np.busday_offset(dates[~positive], offsets[~positive], roll="forward", busdaycal=cal)
vectorised = time.perf_counter() - start

# Scalar loop on ISO strings in and out, as a caller with one date at a time would.
iso = [p[0] for p in pairs]
ns = [int(p[1]) for p in pairs]
count = min(len(iso), 200_000)
start = time.perf_counter()
for i in range(count):
    str(np.busday_offset(iso[i], ns[i], roll="backward" if ns[i] > 0 else "forward", busdaycal=cal))
scalar = time.perf_counter() - start

with open(results_path, "w") as f:
    f.write("\n".join(str(d) for d in out))
print(json.dumps({
    "numpy": np.__version__,
    "python": sys.version.split()[0],
    "vectorised_per_s": len(iso) / vectorised,
    "scalar_per_s": count / scalar,
    "scalar_calls": count,
}))
