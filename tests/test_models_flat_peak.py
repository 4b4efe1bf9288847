"""A BdW likelihood with a finite but flat peak is not called a ridge (H213's finding 01).

Twelve monthly cohorts of a subscription box: the BdW likelihood peaks at alpha 12.97, beta 46.74, c 0.7557
(log-likelihood -898.9241; an independent profile over alpha with scipy's Nelder-Mead: -898.9483 at alpha 5,
-898.9241 at 13, -898.9342 at 1000, -898.9344 at 100,000: it falls on both sides), but so flatly that the standard
error of log alpha is 7.07. The fit is refused (the parameters are not determined), saying that it is a flat peak
and giving its log-likelihood, which can still be compared with the sBG fit's; a likelihood rising along a ridge
(churn alike for every customer) keeps its message.
"""

from __future__ import annotations

import re

import pytest

import xl_retention as xr
from xl_retention.errors import OutOfRangeError

TWELVE_COHORTS = [
    [51, 40, 35, 28, 24, 23, 21, 19, 16, 13, 13, 12],
    [58, 45, 29, 26, 23, 21, 18, 16, 14, 13, 13],
    [49, 39, 34, 33, 31, 27, 25, 22, 19, 14],
    [51, 43, 35, 32, 31, 27, 22, 21, 20],
    [59, 48, 42, 39, 36, 34, 31, 24],
    [41, 29, 26, 23, 21, 18, 16],
    [51, 44, 37, 33, 28, 25],
    [56, 43, 29, 26, 24],
    [59, 47, 38, 32],
    [48, 34, 29],
    [51, 40],
    [32],
]


def test_a_flat_finite_peak_is_said_to_be_one_with_its_log_likelihood() -> None:
    with pytest.raises(OutOfRangeError) as refused:
        xr.bdw_fit(TWELVE_COHORTS)
    message = str(refused.value)
    assert message.startswith("BdW fit: the likelihood's peak is too flat to determine the parameters (at alpha = ")
    assert "rises along a ridge" not in message and "no finite peak" not in message
    found = re.search(
        r"alpha = ([\d.]+), beta = ([\d.]+), c = ([\d.]+), log-likelihood (-[\d.]+); largest standard error of a "
        r"log-parameter ([\d.]+),",
        message,
    )
    assert found is not None, message
    alpha, beta, c, ll, se = (float(g) for g in found.groups())
    assert alpha == pytest.approx(12.97, abs=0.05) and beta == pytest.approx(46.74, abs=0.2)
    assert c == pytest.approx(0.7557, abs=1e-3) and ll == pytest.approx(-898.9241, abs=1e-4)
    assert se == pytest.approx(7.07, abs=0.05)
    # the figure the sheet compares: BdW's peak against the sBG fit (alpha 0.98612, beta 3.77792, LL -900.0579)
    sbg = xr.sbg_fit(TWELVE_COHORTS)
    assert sbg.log_likelihood == pytest.approx(-900.0579, abs=1e-4)
    assert ll - sbg.log_likelihood == pytest.approx(1.1338, abs=1e-3)


def test_a_ridge_keeps_its_message() -> None:
    """Churn of exactly 10% a month for everyone: alpha and beta grow without end (the homogeneous limit)."""
    with pytest.raises(OutOfRangeError, match="the likelihood has no finite peak; it rises along a ridge"):
        xr.bdw_fit([[1000, 900, 810, 729], [1000, 900, 810], [1000, 900]])
