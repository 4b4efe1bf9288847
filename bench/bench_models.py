"""Model fitting speed and optimum: xl_retention.models against lifetimes, on the same data in the same run.

Run by hand: ``python bench/bench_models.py [--skip-lifetimes-million]``. Prints a Markdown table.

Cases: an sBG fit of one 8-period cohort (Fader & Hardie 2007's "regular" cohort) and of a
24x24 triangle of cohorts; BG/NBD fits of 2,500 and 1,000,000 customers simulated from
the CDNOW estimates (r 0.243, alpha 4.414 per week = 30.9 per day, a 0.793, b 2.426; ages
of 27 to 39 weeks in whole days); a Gamma-Gamma fit of the 2,500 customers' order values.

Issue 15 models: a BdW fit of the same cohort and triangle (peer: Nelder-Mead on the betaln
likelihood, lifetimes has no BdW); BG/BB on the paper's donation histories (22 distinct, 11,104
donors) and on one row per donor; Pareto/NBD on CDNOW (2,357 customers, from lifetimes'
sample) and on 20,000 customers simulated from its estimates. ``--new-only`` runs these alone.

Busy machine (issue 14 item 4, ``--load [N]``): the sBG fits and the 2,500-customer BG/NBD fit
with BLAS kept to one thread during the fit (what the models do, threadpoolctl) against the
same fit with the BLAS libraries' default threads (what they did before), interleaved in the
same run, without and with N (default 2) busy-looping background processes; medians.

Peers: ``lifetimes`` (BetaGeoFitter, GammaGammaFitter, BetaGeoBetaBinomFitter,
ParetoNBDFitter), a test-extra dependency, on the
raw customers and, for 1,000,000, also on the distinct (x, t_x, T) rows with its
``weights`` argument. lifetimes has no sBG model: the sBG peer is the fit a user would
hand-roll, scipy's Nelder-Mead on the betaln likelihood. Every optimum's
log-likelihood is evaluated by one function (ours) on the full data, so they compare.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from xl_retention import models
from xl_retention.models import _common, bgnbd, gammagamma, sbg  # noqa: F401  (private helpers below)

REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241]
CDNOW_DAYS = (0.243, 4.414 * 7, 0.793, 2.426)


def timed(func: Callable[[], Any], repeat: int = 1) -> tuple[Any, float]:
    best, result = np.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return result, best


def simulate_bgnbd(n: int, r: float, alpha: float, a: float, b: float, seed: int):
    """(x, t_x, T) in whole days: ages 189-273 days, purchase times floored to the day."""
    rng = np.random.default_rng(seed)
    age = rng.integers(189, 274, n).astype(float)
    lam, p = rng.gamma(r, 1.0 / alpha, n), rng.beta(a, b, n)
    x, tx, clock = np.zeros(n), np.zeros(n), np.zeros(n)
    active = np.arange(n)
    while active.size:
        clock[active] += rng.exponential(1.0, active.size) / lam[active]
        active = active[clock[active] <= age[active]]
        x[active] += 1
        tx[active] = clock[active]
        active = active[rng.random(active.size) >= p[active]]
    return x, np.floor(tx), age


def simulate_order_values(x: np.ndarray, p: float, q: float, v: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    nu = rng.gamma(q, 1.0 / v, x.size)
    mean = np.zeros(x.size)
    repeat = x > 0
    mean[repeat] = rng.gamma(p * x[repeat], 1.0 / (nu[repeat] * x[repeat]))
    return mean


def sbg_triangle(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    table = np.full((24, 24), np.nan)
    for i in range(24):
        churn = rng.geometric(rng.beta(0.7, 1.2, 1000))
        table[i, : 24 - i] = [np.count_nonzero(churn > t) for t in range(24 - i)]
    return table


def sbg_nelder_mead(table: np.ndarray) -> tuple[float, float]:
    """The hand-rolled peer: Nelder-Mead over (log alpha, log beta) of the betaln likelihood."""
    from scipy.optimize import minimize
    from scipy.special import betaln

    rows = [row[~np.isnan(row)] for row in np.atleast_2d(table)]

    def negll(theta: np.ndarray) -> float:
        a, b = np.exp(theta)
        total = 0.0
        for n in rows:
            t = np.arange(1, n.size)
            total += np.sum((n[:-1] - n[1:]) * (betaln(a + 1, b + t - 1) - betaln(a, b)))
            total += n[-1] * (betaln(a, b + n.size - 1) - betaln(a, b))
        return -total

    result = minimize(negll, np.zeros(2), method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-10})
    return tuple(float(v) for v in np.exp(result.x))


def bgnbd_ll(params, x, tx, age) -> float:
    (ux, utx, uage), weights = models._common._aggregate_rows(x, tx, age)
    return models.bgnbd._bgnbd_loglik(np.log(np.asarray(params, dtype=float)), ux, utx, uage, weights)[0]


def gammagamma_ll(params, x, mean) -> float:
    repeat = x > 0
    return models.gammagamma._gammagamma_loglik(
        np.log(np.asarray(params, dtype=float)), x[repeat], mean[repeat], np.ones(repeat.sum())
    )[0]


def fmt(params) -> str:
    return ", ".join(f"{v:.6g}" for v in params)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-lifetimes-million", action="store_true", help="skip lifetimes on 1,000,000 raw rows")
    parser.add_argument("--new-only", action="store_true", help="only the issue 15 models (BdW, BG/BB, Pareto/NBD)")
    parser.add_argument(
        "--load", nargs="?", const=2, type=int, metavar="N", help="only the busy-machine comparison, N busy processes"
    )
    options = parser.parse_args()
    if options.load is not None:
        busy_machine(options.load)
        return
    rows: list[tuple[str, str, str, str, str]] = []

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import lifetimes
            import pandas as pd
        lifetimes_note = f"lifetimes {lifetimes.__version__}"
    except Exception as error:  # not installed, or broken with this numpy/pandas/scipy
        lifetimes, lifetimes_note = None, f"lifetimes unavailable: {error!r}"

    models.sbg_fit(REGULAR)  # import scipy once, outside the timings
    if options.new_only:
        new_models(rows, lifetimes, lifetimes_note)
        print_rows(rows, lifetimes_note)
        return

    # -- sBG ----------------------------------------------------------------------------
    triangle = sbg_triangle(24)
    for case, data in (("sBG, 1 cohort x 8 periods", REGULAR), ("sBG, 24x24 triangle (24,000 customers)", triangle)):
        fit, seconds = timed(lambda data=data: models.sbg_fit(data), 20)
        rows.append((case, "xl_retention", f"{seconds * 1e3:.1f} ms", fmt(fit[:2]), f"{fit.log_likelihood:.6f}"))
        table = np.atleast_2d(np.asarray(data, dtype=float))
        peer, seconds = timed(lambda table=table: sbg_nelder_mead(table), 5)
        peer_ll = models.sbg._sbg_loglik(
            np.array([np.log(peer[0] / peer[1]), 1 / (peer[0] + peer[1] + 1)]), *models.sbg._sbg_counts(table)[:2]
        )[0]
        rows.append((case, "scipy Nelder-Mead (hand-rolled)", f"{seconds * 1e3:.1f} ms", fmt(peer), f"{peer_ll:.6f}"))

    # -- BG/NBD -------------------------------------------------------------------------
    samples = {n: simulate_bgnbd(n, *CDNOW_DAYS, seed=n) for n in (2_500, 1_000_000)}
    for n, (x, tx, age) in samples.items():
        case = f"BG/NBD, {n:,} customers"
        fit, seconds = timed(lambda x=x, tx=tx, age=age: models.bgnbd_fit(x, tx, age), 3 if n < 10_000 else 1)
        rows.append((case, "xl_retention", f"{seconds:.3f} s", fmt(fit[:4]), f"{fit.log_likelihood:.6f}"))
        if lifetimes is None:
            rows.append((case, "lifetimes", "n/a", lifetimes_note, ""))
            continue
        runs = []
        if n < 10_000 or not options.skip_lifetimes_million:
            runs.append(("lifetimes BetaGeoFitter", x, tx, age, None))
        if n >= 10_000:
            (ux, utx, uage), weights = models._common._aggregate_rows(x, tx, age)
            runs.append((f"lifetimes BetaGeoFitter, weights ({ux.size:,} distinct rows)", ux, utx, uage, weights))
        for label, fx, ftx, fage, weights in runs:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    fitter = lifetimes.BetaGeoFitter()

                    def run(fitter=fitter, fx=fx, ftx=ftx, fage=fage, weights=weights):
                        kwargs = {} if weights is None else {"weights": pd.Series(weights)}
                        return fitter.fit(pd.Series(fx), pd.Series(ftx), pd.Series(fage), **kwargs)

                    _, seconds = timed(run)
                params = [float(fitter.params_[k]) for k in ("r", "alpha", "a", "b")]
                rows.append((case, label, f"{seconds:.3f} s", fmt(params), f"{bgnbd_ll(params, x, tx, age):.6f}"))
            except Exception as error:
                rows.append((case, label, "failed", repr(error)[:120], ""))

    # -- Gamma-Gamma --------------------------------------------------------------------
    x = samples[2_500][0]
    mean = simulate_order_values(x, 6.25, 3.74, 15.44, seed=13)
    case = f"Gamma-Gamma, {int((x > 0).sum()):,} repeat customers"
    fit, seconds = timed(lambda: models.gammagamma_fit(x, mean), 3)
    rows.append((case, "xl_retention", f"{seconds * 1e3:.1f} ms", fmt(fit[:3]), f"{fit.log_likelihood:.6f}"))
    if lifetimes is not None:
        repeat = x > 0
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                fitter = lifetimes.GammaGammaFitter()
                _, seconds = timed(lambda: fitter.fit(pd.Series(x[repeat]), pd.Series(mean[repeat])))
            params = [float(fitter.params_[k]) for k in ("p", "q", "v")]
            rows.append(
                (
                    case,
                    "lifetimes GammaGammaFitter",
                    f"{seconds * 1e3:.1f} ms",
                    fmt(params),
                    f"{gammagamma_ll(params, x, mean):.6f}",
                )
            )
        except Exception as error:
            rows.append((case, "lifetimes GammaGammaFitter", "failed", repr(error)[:120], ""))

    new_models(rows, lifetimes, lifetimes_note)
    print_rows(rows, lifetimes_note)


def print_rows(rows: list[tuple[str, str, str, str, str]], lifetimes_note: str) -> None:
    print(f"Peers: {lifetimes_note}; numpy {np.__version__}; load average {os.getloadavg()[0]:.2f}")
    print()
    print("| case | implementation | time | parameters | log-likelihood |")
    print("|---|---|---:|---|---:|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def bdw_nelder_mead(table: np.ndarray) -> tuple[float, ...]:
    """The hand-rolled peer: Nelder-Mead over (log alpha, log beta, log c) of the betaln likelihood."""
    from scipy.optimize import minimize
    from scipy.special import betaln

    rows = [row[~np.isnan(row)] for row in np.atleast_2d(table)]

    def negll(theta: np.ndarray) -> float:
        a, b, c = np.exp(theta)
        total = 0.0
        for n in rows:
            s = np.exp(betaln(a, b + np.arange(n.size) ** c) - betaln(a, b))
            total += np.sum((n[:-1] - n[1:]) * np.log(s[:-1] - s[1:])) + n[-1] * np.log(s[-1])
        return -total

    options = {"xatol": 1e-10, "fatol": 1e-10, "maxiter": 20_000}
    result = minimize(negll, np.zeros(3), method="Nelder-Mead", options=options)
    return tuple(float(v) for v in np.exp(result.x))


def cdnow_weeks(lifetimes: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, t_x, T) in weeks (days / 7) of lifetimes' CDNOW sample, calibration to 1997-09-30."""
    import pandas as pd

    path = os.path.join(os.path.dirname(lifetimes.__file__), "datasets", "CDNOW_sample.txt")
    orders = pd.read_csv(path, sep=r"\s+", header=None, names=["master", "id", "date", "quantity", "amount"])
    orders["date"] = pd.to_datetime(orders["date"].astype(str), format="%Y%m%d")
    end = pd.Timestamp("1997-09-30")
    first = orders.groupby("id")["date"].min()
    days = orders[orders["date"] <= end].groupby("id")["date"].agg(["min", "max", "nunique"]).reindex(first.index)
    x = (days["nunique"] - 1).to_numpy(dtype=float)
    tx = ((days["max"] - days["min"]).dt.days / 7).to_numpy(dtype=float)
    return x, tx, ((end - first).dt.days / 7).to_numpy(dtype=float)


def simulate_paretonbd(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    lam, mu = rng.gamma(0.55, 1 / 10.58, n), rng.gamma(0.61, 1 / 11.67, n)
    age = rng.uniform(27.0, 39.0, n)
    active = np.minimum(rng.exponential(1 / mu), age)
    x = rng.poisson(lam * active).astype(float)
    return x, np.where(x > 0, active * rng.beta(np.maximum(x, 1), 1), 0.0), age


def peer_row(rows: list, case: str, label: str, fit: Callable[[], Any], names: tuple[str, ...], ll: Callable) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fitter, seconds = timed(fit)
        params = [float(fitter.params_[k]) for k in names]
        rows.append((case, label, f"{seconds:.3f} s", fmt(params), f"{ll(params):.6f}"))
    except Exception as error:
        rows.append((case, label, "failed", repr(error)[:120], ""))


def new_models(rows: list, lifetimes: Any, lifetimes_note: str) -> None:
    """BdW, BG/BB, Pareto/NBD (issue 15); every fit includes its standard errors (observed information)."""
    from xl_retention.models import bdw as bdw_module
    from xl_retention.models import bgbb as bgbb_module
    from xl_retention.models import paretonbd as pnbd_module

    triangle = sbg_triangle(24)
    for case, data in (("BdW, 1 cohort x 8 periods", REGULAR), ("BdW, 24x24 triangle (24,000 customers)", triangle)):
        fit, seconds = timed(lambda data=data: models.bdw_fit(data), 5)
        rows.append((case, "xl_retention", f"{seconds * 1e3:.1f} ms", fmt(fit[:3]), f"{fit.log_likelihood:.6f}"))
        table = np.atleast_2d(np.asarray(data, dtype=float))
        peer, seconds = timed(lambda table=table: bdw_nelder_mead(table), 2)
        churned, at_risk, _ = models.sbg._sbg_counts(table)
        peer_ll = bdw_module._bdw_loglik(np.log(peer), churned, at_risk)[0]
        rows.append((case, "scipy Nelder-Mead (hand-rolled)", f"{seconds * 1e3:.1f} ms", fmt(peer), f"{peer_ll:.6f}"))

    if lifetimes is None:
        rows.append(("BG/BB, Pareto/NBD", "lifetimes", "n/a", lifetimes_note, ""))
        return
    import pandas as pd
    from lifetimes.datasets import load_donations

    donations = load_donations()
    hx, htx, hn, hw = (donations[c].to_numpy(dtype=float) for c in ("frequency", "recency", "periods", "weights"))

    def bgbb_ll(params: list[float]) -> float:
        return bgbb_module._bgbb_loglik(np.log(params), hx, htx, hn, hw)[0]

    names = ("alpha", "beta", "gamma", "delta")
    case = "BG/BB, donations: 22 histories x counts (11,104 donors)"
    fit, seconds = timed(lambda: models.bgbb_fit(hx, htx, hn, hw), 3)
    rows.append((case, "xl_retention", f"{seconds:.3f} s", fmt(fit[:4]), f"{fit.log_likelihood:.6f}"))
    peer_row(
        rows,
        case,
        "lifetimes BetaGeoBetaBinomFitter",
        lambda: lifetimes.BetaGeoBetaBinomFitter().fit(*(pd.Series(v) for v in (hx, htx, hn, hw))),
        names,
        bgbb_ll,
    )
    repeat = hw.astype(int)
    rx, rtx, rn = (np.repeat(v, repeat) for v in (hx, htx, hn))
    case = "BG/BB, donations: one row per donor (11,104 rows)"
    fit, seconds = timed(lambda: models.bgbb_fit(rx, rtx, rn), 3)
    rows.append((case, "xl_retention", f"{seconds:.3f} s", fmt(fit[:4]), f"{fit.log_likelihood:.6f}"))
    ones = np.ones(rx.size)
    peer_row(
        rows,
        case,
        "lifetimes BetaGeoBetaBinomFitter",
        lambda: lifetimes.BetaGeoBetaBinomFitter().fit(*(pd.Series(v) for v in (rx, rtx, rn, ones))),
        names,
        bgbb_ll,
    )

    for case, (x, tx, age) in (
        ("Pareto/NBD, CDNOW (2,357 customers)", cdnow_weeks(lifetimes)),
        ("Pareto/NBD, 20,000 simulated customers", simulate_paretonbd(20_000, seed=5)),
    ):

        def pnbd_ll(params: list[float], x=x, tx=tx, age=age) -> float:
            return float(np.sum(pnbd_module._log_parts(*params, x, tx, age)[0]))

        fit, seconds = timed(lambda x=x, tx=tx, age=age: models.paretonbd_fit(x, tx, age), 2)
        rows.append((case, "xl_retention", f"{seconds:.3f} s", fmt(fit[:4]), f"{fit.log_likelihood:.6f}"))
        peer_row(
            rows,
            case,
            "lifetimes ParetoNBDFitter",
            lambda x=x, tx=tx, age=age: lifetimes.ParetoNBDFitter().fit(pd.Series(x), pd.Series(tx), pd.Series(age)),
            ("r", "alpha", "s", "beta"),
            pnbd_ll,
        )


def busy_machine(processes: int) -> None:
    """Fits with one BLAS thread (threadpoolctl, as the models run them) against the default BLAS threads."""
    from threadpoolctl import threadpool_info

    from xl_retention.models import _optimize

    limited = _optimize.one_blas_thread
    x, tx, age = simulate_bgnbd(2_500, *CDNOW_DAYS, seed=2_500)
    triangle = sbg_triangle(24)
    cases = [
        ("sBG, 1 cohort x 8 periods", lambda: models.sbg_fit(REGULAR), 30),
        ("sBG, 24x24 triangle", lambda: models.sbg_fit(triangle), 30),
        ("BG/NBD, 2,500 customers", lambda: models.bgnbd_fit(x, tx, age), 10),
    ]
    for _, fit, _ in cases:
        fit()  # imports, caches
    threads = sorted({pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"})
    print(f"numpy {np.__version__}; BLAS threads by default {threads}; {os.cpu_count()} cores; medians")
    print()
    print("| case | background processes | load average (1 min) | one BLAS thread | default BLAS threads | speed-up |")
    print("|---|---:|---:|---:|---:|---:|")
    quiet: dict[str, tuple[float, float]] = {}
    for background in (0, processes):
        busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(background)]
        try:
            time.sleep(3.0 if background else 0.0)
            for case, fit, repeat in cases:
                one, default = [], []
                for _ in range(repeat):
                    _optimize.one_blas_thread = limited
                    one.append(timed(fit)[1])
                    _optimize.one_blas_thread = contextlib.nullcontext
                    default.append(timed(fit)[1])
                _optimize.one_blas_thread = limited
                t1, t2 = statistics.median(one), statistics.median(default)
                if not background:
                    quiet[case] = (t1, t2)
                    slower = ""
                else:
                    slower = f" ({t1 / quiet[case][0]:.1f}x / {t2 / quiet[case][1]:.1f}x quiet)"
                print(
                    f"| {case} | {background} | {os.getloadavg()[0]:.2f} | {t1 * 1e3:.1f} ms | {t2 * 1e3:.1f} ms | "
                    f"{t2 / t1:.1f}x{slower} |"
                )
        finally:
            for process in busy:
                process.kill()
                process.wait()


if __name__ == "__main__":
    main()
