"""One n_periods (BG/BB) or one age T (BG/NBD, Pareto/NBD) for every customer in the fits (H329's finding 06).

``=BGBB_FIT(x, t_x, 6, counts)``, the BG/BB paper's own layout (one cohort, n = 6 for all), was #VALUE! ("n_periods
1" against 22 histories) while BGBB_P_ALIVE and the other elementwise functions take one n for all. One value is
now repeated for every customer, in the core (so in Python, Excel and recalc alike); a frequency or recency of
another length is still refused."""

import numpy as np
import pytest

import xl_retention as xr
from xl_retention.cells import CellError, evaluate
from xl_retention.registry import BY_NAME

# Fader, Hardie & Shang (2010), the donation data: (x, t_x, donors), n = 6 for all 11,104 donors
HISTORIES = [
    (6, 6, 1203), (5, 6, 728), (4, 6, 512), (3, 6, 357), (2, 6, 234), (1, 6, 129), (5, 5, 335), (4, 5, 284),
    (3, 5, 225), (2, 5, 173), (1, 5, 119), (4, 4, 240), (3, 4, 181), (2, 4, 155), (1, 4, 78), (3, 3, 322),
    (2, 3, 255), (1, 3, 129), (2, 2, 613), (1, 2, 277), (1, 1, 1091), (0, 0, 3464),
]  # fmt: skip


def _column(k: int) -> list[list[float]]:
    return [[float(h[k])] for h in HISTORIES]


def test_bgbb_fit_takes_one_n_periods_for_every_history() -> None:
    one = evaluate(BY_NAME["BGBB_FIT"], _column(0), _column(1), [[6.0]], _column(2))
    each = evaluate(BY_NAME["BGBB_FIT"], _column(0), _column(1), [[6.0]] * len(HISTORIES), _column(2))
    assert one == each
    alpha, beta, gamma, delta, loglik = one[0]
    assert [round(v, 3) for v in (alpha, beta, gamma, delta)] == [1.204, 0.750, 0.657, 2.783]  # the paper's
    assert round(loglik, 1) == -33225.6
    x, t_x, n = [h[0] for h in HISTORIES], [h[1] for h in HISTORIES], [h[2] for h in HISTORIES]
    assert tuple(xr.bgbb_fit(x, t_x, 6, n)) == tuple(xr.bgbb_fit(x, t_x, [6] * len(x), n))
    assert xr.bgbb_fit_se(x, t_x, 6, n) == xr.bgbb_fit_se(x, t_x, [6] * len(x), n)


def _cohort() -> tuple[list[float], list[float]]:
    """2,000 customers of one cohort observed 39 weeks (paretonbd_fit's example in its docstring)."""
    rng = np.random.default_rng(7)
    lam, mu = rng.gamma(0.55, 1 / 10.58, 2000), rng.gamma(0.61, 1 / 11.67, 2000)
    active = np.minimum(rng.exponential(1 / mu), 39.0)
    x = rng.poisson(lam * active)
    recency = np.where(x > 0, active * rng.beta(np.maximum(x, 1), 1), 0.0)
    return [float(v) for v in x], [float(v) for v in recency]


@pytest.mark.parametrize("fit", [xr.bgnbd_fit, xr.paretonbd_fit, xr.bgnbd_fit_se, xr.paretonbd_fit_se])
def test_bgnbd_and_paretonbd_fits_take_one_age(fit) -> None:
    frequency, recency = _cohort()
    assert tuple(fit(frequency, recency, 39)) == tuple(fit(frequency, recency, [39] * len(frequency)))


def test_the_formulas_take_one_age() -> None:
    frequency, recency = _cohort()
    rows = [[v] for v in frequency], [[v] for v in recency]
    for name in ("BGNBD_FIT", "PARETONBD_FIT"):
        one = evaluate(BY_NAME[name], *rows, [[39.0]])
        assert not isinstance(one, CellError), one
        assert one == evaluate(BY_NAME[name], *rows, [[39.0]] * len(frequency)), name
    assert [round(v, 2) for v in evaluate(BY_NAME["PARETONBD_FIT"], *rows, [[39.0]])[0]] == [
        0.51, 10.37, 1.37, 41.27, -9431.15
    ]  # fmt: skip


def test_a_frequency_or_recency_of_another_length_is_still_refused() -> None:
    got = evaluate(BY_NAME["BGNBD_FIT"], [[1.0], [2.0]], [[1.0]], [[39.0]])
    assert isinstance(got, CellError) and got.code == "#VALUE!"
    assert "must hold one value per customer each; got sizes frequency 2, recency 1, age 1" in got.message
