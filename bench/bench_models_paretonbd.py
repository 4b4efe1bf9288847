"""Pareto/NBD fit speed against lifetimes' ParetoNBDFitter, measured in the same run, with the machine's load.

Run by hand: ``python bench/bench_models_paretonbd.py [--repeat N]``. Prints a Markdown table.

Cases:
- "frequent buyers, no spread": the BG/NBD docstring's twelve customers with frequencies x 10 (up to 90 repeat
  purchases in 39 weeks). Ours refuses (the s / beta ridge: no finite peak); before commit 99ea95d it walked the
  ridge for 13-22 s before a 'did not converge'. lifetimes is timed on the same data: it returns a point on the
  ridge (s 170, beta 5,855 with 0.11.3) as if it were the peak.
- "2,000 simulated": customers drawn from Pareto/NBD with r 0.55, alpha 10.58, s 0.61, beta 11.67, 39 weeks (a fit
  with a peak, as tests/test_models_paretonbd_ridge_speed.py).
sBG (8 periods) and BG/NBD (2,500 customers) against their peers: bench/bench_models.py.
Ratio = our seconds / lifetimes' seconds (below 1: ours is faster). Best of --repeat runs each.
"""

from __future__ import annotations

import argparse
import os
import time
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

import xl_retention as xr

FREQUENCY = [1, 1, 1, 9, 8, 1, 1, 0, 3, 2, 1, 2]
RECENCY = [1, 10, 2, 25, 10, 12, 1, 0, 13, 28, 11, 28]
AGE = [38, 33, 39, 28, 34, 32, 37, 29, 37, 34, 38, 33]


def simulated(n: int = 2000, seed: int = 7) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    lam, mu = rng.gamma(0.55, 1 / 10.58, n), rng.gamma(0.61, 1 / 11.67, n)
    active = np.minimum(rng.exponential(1 / mu), 39.0)
    x = rng.poisson(lam * active)
    recency = np.where(x > 0, active * rng.beta(np.maximum(x, 1), 1), 0.0)
    return x.astype(float), recency, np.full(n, 39.0)


def best_of(func: Callable[[], Any], repeat: int) -> tuple[str, float]:
    best, outcome = np.inf, ""
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            result = func()
            outcome = "fit " + ", ".join(f"{v:.4g}" for v in result)
        except Exception as error:  # noqa: BLE001 - a refusal is an outcome to report
            outcome = f"{type(error).__name__}: {str(error)[:70]}"
        best = min(best, time.perf_counter() - start)
    return outcome, best


def lifetimes_fit(x: np.ndarray, recency: np.ndarray, age: np.ndarray) -> tuple[float, ...]:
    from lifetimes import ParetoNBDFitter

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitter = ParetoNBDFitter().fit(x, recency, age)
    p = fitter.params_
    return (p["r"], p["alpha"], p["s"], p["beta"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    try:
        import lifetimes

        note = f"lifetimes {lifetimes.__version__}"
    except ImportError as error:  # pragma: no cover - a test extra
        raise SystemExit(f"lifetimes is needed as the peer: {error}") from None
    load_before = os.getloadavg()
    cases = {
        "frequent buyers, no spread (12, x10)": (
            np.array(FREQUENCY) * 10.0,
            np.array(RECENCY, float),
            np.array(AGE, float),
        ),
        "2,000 simulated": simulated(),
    }
    print(f"Pareto/NBD fits, {note}, {os.cpu_count()} cores, load {load_before[0]:.2f} before the run")
    print()
    print("| case | xl_retention | s | lifetimes ParetoNBDFitter | s | ratio |")
    print("|---|---|---|---|---|---|")
    for case, (x, recency, age) in cases.items():
        ours, ours_s = best_of(lambda x=x, r=recency, a=age: tuple(xr.paretonbd_fit(x, r, a))[:4], options.repeat)
        peer, peer_s = best_of(lambda x=x, r=recency, a=age: lifetimes_fit(x, r, a), options.repeat)
        print(f"| {case} | {ours} | {ours_s:.2f} | {peer} | {peer_s:.2f} | {ours_s / peer_s:.2f} |")
    print()
    print(f"load (1, 5, 15 min) after the run: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
