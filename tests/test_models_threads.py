"""Model fits keep BLAS to one thread (threadpoolctl) while the optimiser runs, and give the same results.

On a busy machine multi-threaded BLAS made each L-BFGS-B step wait milliseconds for its
threads (issue 14 item 4; bench/bench_models.py --load measures it). These tests check the
mechanism, never the time: the BLAS thread counts seen from inside the objective, the counts
restored after the fit, and fits identical with and without the limit.
"""

from __future__ import annotations

import contextlib
import threading

import numpy as np
import pytest
import scipy.optimize
from test_models import simulate_bgnbd
from threadpoolctl import threadpool_info, threadpool_limits

from xl_retention import models as m
from xl_retention.models import _optimize

REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241]  # Fader & Hardie 2007, years 0-7


def blas_threads() -> list[int]:
    return sorted(pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas")


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """Every objective evaluation of every fit records the BLAS thread counts at that moment."""
    calls: list[list[int]] = []
    minimize = scipy.optimize.minimize

    def spying_minimize(fun, x0, *args, **kwargs):
        def objective(theta, *more):
            calls.append(blas_threads())
            return fun(theta, *more)

        return minimize(objective, x0, *args, **kwargs)

    monkeypatch.setattr(scipy.optimize, "minimize", spying_minimize)
    return calls


def bgnbd_sample() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, t_x, T) of 500 customers simulated from the CDNOW estimates (r, alpha per day, a, b), in whole days."""
    r, alpha, a, b = 0.243, 4.414 * 7, 0.793, 2.426
    rng = np.random.default_rng(7)
    n = 500
    age = rng.integers(189, 274, n).astype(float)
    x, tx, age = simulate_bgnbd(n, r, alpha, a, b, age, rng)
    return x, np.floor(tx), age


def test_blas_runs_on_one_thread_inside_every_fit(seen):
    with threadpool_limits(limits=2, user_api="blas"):  # what OpenBLAS starts with on a 2-core machine
        before = blas_threads()
        assert before, "numpy and scipy load an OpenBLAS that threadpoolctl lists"
        if max(before) < 2:
            pytest.skip("OpenBLAS keeps one thread on this machine (one core): nothing to limit")
        m.sbg_fit(REGULAR)
        m.bdw_fit(REGULAR)
        m.bgnbd_fit(*bgnbd_sample())
        assert blas_threads() == before  # restored after the fits
    assert len(seen) > 30
    assert all(counts == [1] * len(counts) for counts in seen), seen[:3]


def test_limit_is_restored_when_the_optimiser_fails(monkeypatch: pytest.MonkeyPatch):
    before = blas_threads()
    minimize = scipy.optimize.minimize
    calls: list[list[int]] = []

    def failing_minimize(fun, x0, *args, **kwargs):
        def objective(theta, *more):
            calls.append(blas_threads())
            if len(calls) == 3:
                raise FloatingPointError("stop in the third evaluation")
            return fun(theta, *more)

        return minimize(objective, x0, *args, **kwargs)

    monkeypatch.setattr(scipy.optimize, "minimize", failing_minimize)
    with pytest.raises(FloatingPointError, match="third evaluation"):
        m.sbg_fit(REGULAR)
    assert len(calls) == 3 and all(counts == [1] * len(counts) for counts in calls)
    assert blas_threads() == before
    monkeypatch.undo()
    assert m.sbg_fit(REGULAR).alpha > 0  # the next fit sets the limit again


def test_nested_and_concurrent_fits_share_one_limit():
    before = blas_threads()
    inside: list[list[int]] = []
    barrier = threading.Barrier(2)

    def fit() -> None:
        with _optimize.one_blas_thread():
            barrier.wait(timeout=30)
            inside.append(blas_threads())
            m.sbg_fit(REGULAR)  # nested: leaves the limit in place for the outer block
            inside.append(blas_threads())
            barrier.wait(timeout=30)

    threads = [threading.Thread(target=fit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(inside) == 4 and all(counts == [1] * len(counts) for counts in inside)
    assert blas_threads() == before


def test_fits_are_identical_with_and_without_the_limit(monkeypatch: pytest.MonkeyPatch):
    x, tx, T = bgnbd_sample()
    rng = np.random.default_rng(3)  # Gamma-Gamma order values: p 6, q 4, v 15
    repeat = x > 0
    values = rng.gamma(6.0 * x[repeat], 1.0 / (rng.gamma(4.0, 1.0 / 15.0, repeat.sum()) * x[repeat]))

    def fits() -> tuple:
        return m.sbg_fit(REGULAR), m.bgnbd_fit(x, tx, T), m.gammagamma_fit(x[repeat], values)

    limited = fits()
    monkeypatch.setattr(_optimize, "one_blas_thread", contextlib.nullcontext)
    free = fits()
    assert limited == free
    assert [f.standard_errors for f in limited] == [f.standard_errors for f in free]
    assert (round(limited[0].alpha, 6), round(limited[0].beta, 6)) == (0.704077, 1.182043)
