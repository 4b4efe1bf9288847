"""Cohorts collected one pandas Series each, of different lengths (the newest observed less long), were refused:
"survivors must be a number or numbers of one shape ... rows hold 1, 1 values" (they held 3 and 2). A Series in a list
is a cohort's row, as a list, tuple or array is (H296's finding 04)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import xl_retention as xr


@pytest.mark.parametrize("fitting", [xr.sbg_fit, xr.bdw_fit])
def test_ragged_series_are_fitted_as_the_arrays(fitting) -> None:
    rows = [[1000, 631, 468, 382, 326], [800, 500, 380, 300], [900, 560]]
    arrays = fitting([np.array(r) for r in rows])
    series = fitting([pd.Series(r, index=range(10, 10 + len(r))) for r in rows])
    assert tuple(series) == tuple(arrays)


def test_the_sbg_values() -> None:
    fit = xr.sbg_fit([pd.Series([1000, 631, 468]), pd.Series([800, 500])])
    # alpha and beta where L-BFGS-B stops (a start 1e-13 away moves them by 1.6e-9): 6 digits; the log-likelihood
    # there is the peak's to 15
    assert tuple(fit)[:2] == pytest.approx((0.8470393586951744, 1.4319903059638683), rel=1e-6)
    assert fit.log_likelihood == pytest.approx(-1548.1917113210884, rel=1e-12)
