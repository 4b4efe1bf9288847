"""Core speed: each elementwise metric on 1,000,000-element arrays, and one formula call
through xlwings' Office.js custom-function path against the bare core call.

Run by hand: ``python bench/bench_core.py``. The peer of the core is the same formula
written as plain numpy arithmetic (what a user would hand-roll, with no validation),
measured in the same run; the peer of the xlwings path is the bare core call.
"""

from __future__ import annotations

import asyncio
import os
import time

os.environ.setdefault("XLWINGS_ON_SERVER", "true")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import numpy as np  # noqa: E402

import xl_retention as xr  # noqa: E402

N = 1_000_000


def best(func, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    rng = np.random.default_rng(0)
    s = rng.integers(1, 10_000, N).astype(float)
    n = rng.integers(0, 2_000, N).astype(float)
    lost = np.floor(rng.random(N) * s)
    e = s + n - lost
    start_mrr = rng.random(N) * 1e5 + 1
    lost_mrr = rng.random(N) * start_mrr
    exp_mrr = rng.random(N) * 1e4
    new_mrr = rng.random(N) * 1e4
    returning = np.floor(rng.random(N) * s)
    churn = rng.random(N) * 0.5 + 0.01
    arpa = rng.random(N) * 500
    margin = rng.random(N)
    cases = {
        "crr": (lambda: xr.crr(e, n, s), lambda: (e - n) / s),
        "churn_rate": (lambda: xr.churn_rate(e, n, s), lambda: (s + n - e) / s),
        "customers_lost": (lambda: xr.customers_lost(e, n, s), lambda: s + n - e),
        "net_revenue_churn": (
            lambda: xr.net_revenue_churn(lost_mrr, exp_mrr, start_mrr),
            lambda: (lost_mrr - exp_mrr) / start_mrr,
        ),
        "gross_revenue_churn": (lambda: xr.gross_revenue_churn(lost_mrr, start_mrr), lambda: lost_mrr / start_mrr),
        "nrr": (lambda: xr.nrr(lost_mrr, exp_mrr, start_mrr), lambda: 1 - (lost_mrr - exp_mrr) / start_mrr),
        "grr": (lambda: xr.grr(lost_mrr, start_mrr), lambda: 1 - lost_mrr / start_mrr),
        "quick_ratio": (lambda: xr.quick_ratio(new_mrr, exp_mrr, lost_mrr), lambda: (new_mrr + exp_mrr) / lost_mrr),
        "repeat_purchase_rate": (lambda: xr.repeat_purchase_rate(returning, s), lambda: returning / s),
        "returning_visitor_rate": (lambda: xr.returning_visitor_rate(returning, s), lambda: returning / s),
        "customer_lifetime": (lambda: xr.customer_lifetime(churn), lambda: 1 / churn),
        "clv": (lambda: xr.clv(arpa, margin, churn, 0.01), lambda: arpa * margin * 1.01 / (0.01 + churn)),
    }
    print(f"core on {N:,}-element arrays (best of 7); peer: unvalidated numpy arithmetic")
    print(f"{'function':<24}{'core ms':>10}{'numpy ms':>10}{'ratio':>8}")
    for name, (core, peer) in cases.items():
        t_core, t_peer = best(core), best(peer)
        print(f"{name:<24}{t_core * 1e3:>10.1f}{t_peer * 1e3:>10.1f}{t_core / t_peer:>8.1f}")
    scores = rng.integers(0, 11, N).astype(float)
    t_nps = best(lambda: xr.nps(scores))
    print(f"{'nps (aggregate)':<24}{t_nps * 1e3:>10.1f}")

    import xlwings as xw
    from xlwings.server import custom_functions_call

    from xl_retention import udfs

    data = {
        "func_name": "CRR",
        "args": [[[535]], [[75]], [[500]]],
        "version": xw.__version__,
        "client": "Office.js",
        "runtime": "1.4",
        "caller_address": "Sheet1!A1",
    }
    loop = asyncio.new_event_loop()
    reps = 2000

    def through_xlwings():
        for _ in range(reps):
            loop.run_until_complete(custom_functions_call(data, udfs))

    def bare():
        for _ in range(reps):
            xr.crr(535, 75, 500)

    t_xw, t_bare = best(through_xlwings, 3) / reps, best(bare, 3) / reps
    print(
        f"\none CRR call: xlwings custom-function path {t_xw * 1e6:.0f} us, bare core {t_bare * 1e6:.1f} us, "
        f"ratio {t_xw / t_bare:.1f}"
    )
    data_col = dict(data, args=[[[535.0]] * 1000, [[75.0]] * 1000, [[500.0]] * 1000])
    t_col = best(lambda: loop.run_until_complete(custom_functions_call(data_col, udfs)), 5)
    print(f"CRR over a 1,000-row column (one spilled call): {t_col * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
