"""fit.interval(function, ...) given a name or another model's projection: a RetentionInputError naming function and
listing the fit's projections (H545's finding 04), not a raw TypeError."""

from __future__ import annotations

import pytest

import xl_retention as xr
from xl_retention.errors import NotANumberError

FIT = xr.sbg_fit([1000, 869, 743, 653, 593, 551, 517, 491])
LISTED = (
    "function must be a projection of this fit's model taking alpha, beta (the function itself, not its name), one of "
    "sbg_churn_probability, sbg_clv, sbg_del, sbg_derl, sbg_retention, sbg_survival; got "
)


@pytest.mark.parametrize(
    ("function", "shown"),
    [("sbg_survival", "'sbg_survival'"), (xr.bgnbd_expected, "bgnbd_expected"), (xr.bdw_survival, "bdw_survival")],
)
def test_wrong_function_refused(function: object, shown: str) -> None:
    with pytest.raises(NotANumberError) as caught:
        FIT.interval(function, t=5)  # type: ignore[arg-type]
    assert str(caught.value) == LISTED + shown
    assert caught.value.argument == "function"


def test_projections_unchanged() -> None:
    assert [round(v, 4) for v in FIT.interval(xr.sbg_survival, t=5)] == [0.5618, 0.5334, 0.5899]
    assert [round(v, 2) for v in FIT.interval(xr.sbg_clv, margin=50, discount_rate=0.1)] == [296.11, 282.15, 310.77]
    with pytest.raises(TypeError, match="'T'"):  # a right projection's own argument misspelt: Python's TypeError
        FIT.interval(xr.sbg_survival, T=5)
