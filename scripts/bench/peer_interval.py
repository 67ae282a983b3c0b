"""The peer the bench sets beside the forecast interval: the same simulation written the way an analyst would in
NumPy, vectorised. n draws over P posts (normal, σ per post) and R risks (Bernoulli p, consequence c), the sum per
draw by matrix products (BLAS), then sorting for P10, P50, P90 and the share below zero. NumPy's own generator
(PCG64, ziggurat normals). Times the simulation only, not Python's start or the import; prints one line of JSON:
the median and the 90th percentile in milliseconds over the runs.

    python3 peer_interval.py <draws> <posts> <risks> <runs>
"""
import json
import sys
import time

import numpy as np

n, posts, risks, runs = (int(a) for a in sys.argv[1:5])
rng = np.random.default_rng(42)
remaining = (rng.random(posts) - 0.6) * 100
sigma = rng.random(posts) * 0.05 * np.abs(remaining)
p = rng.random(risks)
c = -rng.random(risks) * 5
point = 10.0


def simulate():
    dev = rng.standard_normal((n, posts)) @ sigma
    dev += (rng.random((n, risks)) < p) @ c
    draws = np.sort(dev) + point
    return np.quantile(draws, [0.1, 0.5, 0.9]), np.mean(draws < 0)


simulate()
times = []
for _ in range(runs):
    t = time.perf_counter()
    simulate()
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(json.dumps({"medianMs": times[len(times) // 2], "p90Ms": times[min(len(times) - 1, int(0.9 * len(times)))]}))
