"""A DataFrame cohort table whose columns pandas put in text order ('Month 0', 'Month 1', 'Month 10', ...) is refused
naming the columns out of order (H545's finding 06): the refusal named "period 3 to period 4", cells the user did not
mean. Columns in their order, and calendar labels of several years, fit as before.
"""

from __future__ import annotations

import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.errors import OutOfRangeError

VALUES = [1000, 800, 700, 640, 600, 570, 545, 525, 505, 490, 475, 460]
TABLE = pd.DataFrame([VALUES], columns=[f"Month {i}" for i in range(12)], index=["2024-01"])
REASON = (
    "survivors' columns are in text order: 'Month 11' comes before 'Month 2', so the periods do not run 0, 1, 2, ... "
    "left to right; sort the columns by their number, e.g. df[sorted(df.columns, key=lambda c: int(c.split()[-1]))] "
    "(or pivot with numbered periods)"
)


@pytest.mark.parametrize("fit", [xr.sbg_fit, xr.bdw_fit, xr.sbg_fit_se])
def test_text_ordered_columns_named(fit: object) -> None:
    with pytest.raises(OutOfRangeError) as caught:
        fit(TABLE[sorted(TABLE.columns)])  # type: ignore[operator]
    assert str(caught.value) == REASON
    assert caught.value.argument == "survivors"


def test_ordered_and_calendar_columns_fit() -> None:
    fit = xr.sbg_fit(TABLE)
    assert (round(fit.alpha, 4), round(fit.beta, 4), round(fit.log_likelihood, 2)) == (0.2971, 1.1806, -1750.60)
    calendar = pd.DataFrame([[1000, 800, 700], [900, 700, None]], columns=["2024-12", "2025-01", "2025-02"])
    assert xr.sbg_fit(calendar) == xr.sbg_fit([[1000, 800, 700], [900, 700]])
