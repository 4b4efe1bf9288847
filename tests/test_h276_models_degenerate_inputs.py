"""Each model fitted on degenerate but legal inputs (H276): the answer is right (checked against an independent
maximisation of the sBG likelihood) or a named refusal (``OutOfRangeError``, ``#NUM!``), never NaN. A guard: these
held at the parent already (docs/models.md, "Degenerate data")."""

from __future__ import annotations

import math
import warnings

import pytest

import xl_retention as xr

REFUSED = [
    (lambda: xr.sbg_fit([100, 0, 0, 0]), "survivors show every customer churned in period 1"),
    (lambda: xr.bdw_fit([100, 0, 0, 0]), "survivors show every customer churned in period 1"),
    (lambda: xr.sbg_fit([100, 100, 100, 100]), "survivors show no churn at all"),
    (lambda: xr.bdw_fit([[100, 100, 100], [50, 50, None]]), "survivors show no churn at all"),
    (lambda: xr.sbg_fit([1, 1, 1]), "survivors show no churn at all"),  # one customer, who stays
    (lambda: xr.sbg_fit([100, 60]), "needs a cohort observed for at least 2 periods"),
    (lambda: xr.sbg_fit([100, 50, 50, 50]), "customers either churn at once or never"),
    (lambda: xr.bgnbd_fit([0] * 8, [0] * 8, [20] * 8), "frequency is 0 for every customer"),
    (lambda: xr.paretonbd_fit([0] * 8, [0] * 8, [20] * 8), "frequency is 0 for every customer"),
    (lambda: xr.bgbb_fit([0] * 5, [0] * 5, [6] * 5), "frequency is 0 for every customer"),
    (lambda: xr.bgnbd_fit([2], [30], [38]), "the likelihood has no finite peak"),  # one customer
    (lambda: xr.paretonbd_fit([2], [30], [38]), "the likelihood has no finite peak"),
    (lambda: xr.bgbb_fit([3], [4], [6]), "the likelihood has no finite peak"),
    (lambda: xr.gammagamma_fit([2], [30]), "the Gamma-Gamma model needs at least 3"),
    (lambda: xr.gammagamma_fit([0] * 5, [0] * 5), "frequency has 0 customer(s) with repeat purchases"),
    (lambda: xr.gammagamma_fit([2] * 5, [30] * 5), "no finite maximum without a spread in average order values"),
]


@pytest.mark.parametrize(("fit", "said"), REFUSED)
def test_degenerate_inputs_are_refused_by_name(fit, said: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with pytest.raises(xr.OutOfRangeError) as raised:
            fit()
    assert said in str(raised.value)
    assert raised.value.excel_error == "#NUM!"


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # a cohort all churned in period 1 beside one that was not; a cohort that kept everyone beside one that did not
        ([[100, 0, 0, 0], [100, 80, 70, 60]], (0.232758, 0.155917, -194.742179)),
        ([[100, 100, 100, 100], [100, 80, 70, None]], (0.063385, 0.554237, -106.665584)),
        ([[0, 0, 0], [100, 80, 70]], (1 / 3, 4 / 3, -80.181855)),  # exactly identified: 0.2 = a / (a + b), 0.875
    ],
)
def test_sbg_on_degenerate_cohorts_beside_others_is_the_maximum(table, expected) -> None:
    fit = xr.sbg_fit(table)
    assert math.isclose(fit.alpha, expected[0], rel_tol=2e-5)
    assert math.isclose(fit.beta, expected[1], rel_tol=2e-5)
    assert math.isclose(fit.log_likelihood, expected[2], rel_tol=1e-8)
    assert all(math.isfinite(v) and v > 0 for v in fit.standard_errors.values())
