"""GAMMAGAMMA_FIT whose likelihood keeps rising as p grows (p v kept) is said in words (H321's finding 01).

It said "did not converge (CONVERGENCE: RELATIVE REDUCTION OF F <= FACTR*EPSMCH; ...)", scipy's status, where the
other fits name the missing peak (models._optimize.no_finite_peak, one wording for all)."""

from __future__ import annotations

import numpy as np
import pytest

import xl_retention as xr
from xl_retention.errors import OutOfRangeError


def _averages(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """200 customers with 1-5 repeat orders whose averages (20 + Gamma(2, 5)) are no less spread for more orders."""
    rng = np.random.default_rng(seed)
    return np.tile([1, 2, 3, 4, 5], 40).astype(float), np.round(20 + rng.gamma(2, 5, 200), 2)


@pytest.mark.parametrize("seed", [7, 6, 20])  # stopped near the search's edge, stopped short, "converged" (p 3.9e7)
@pytest.mark.parametrize("fit", [xr.gammagamma_fit, xr.gammagamma_fit_se])
def test_no_finite_peak_in_p_is_said_in_words(seed: int, fit) -> None:
    with pytest.raises(OutOfRangeError) as caught:
        fit(*_averages(seed))
    message = str(caught.value)
    assert message.startswith(
        "Gamma-Gamma fit: the likelihood has no finite peak; it does not fall as p grows and v falls with p v kept "
        "(stopped at "
    )
    assert message.endswith(
        "the average order values do not vary less for customers with more orders, as averages of orders that vary "
        "around each customer's own mean would: the data show no spread of a customer's orders around their "
        "average, so p and v are not determined"
    )
    assert "converge" not in message and "FACTR" not in message and "ABNORMAL" not in message


def test_the_seed_of_the_finding_names_where_it_stopped() -> None:
    with pytest.raises(
        OutOfRangeError,
        # where along the ridge the search stops follows the CPU's floating-point kernels (p = 6.05429e+07 on one
        # machine, 1.83878e+07 on another): the words and q, which the ridge fixes, are checked
        match=r"stopped at p = \d\.\d+e\+0[78], q = 26\.811\d, "
        r"v = \d\.\d+e-05, near the search's edge; back to p / 20\.1 and v x 20\.1, "
        r"the log-likelihood changes by -(?:\d\.\d+e-0[45]|0\.000\d+)\)",
    ):
        xr.gammagamma_fit(*_averages(7))


def test_a_finite_peak_is_still_fitted() -> None:
    assert [round(v, 3) for v in xr.gammagamma_fit(*_averages(9))] == [152.024, 27.127, 5.069, -635.477]
