"""A nested list whose rows differ in length, given to a Python function (H276): numpy's own
``ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape ...`` came
out of ``xr.crr``, ``xr.nps``, ``xr.bgnbd_fit`` and every other function but the cohort fits, naming no argument.
It is now a ``NotANumberError`` (``#VALUE!``) naming the argument and the rows' lengths; the cohort fits still read a
ragged triangle as cohorts observed for fewer periods."""

from __future__ import annotations

import pytest

import xl_retention as xr

SAID = (
    "{name} must be a number or numbers of one shape (a list, an array, a Series, or rows of one length, None where a "
    "value is missing), got a nested list whose rows hold {sizes} values"
)


@pytest.mark.parametrize(
    ("call", "name", "sizes"),
    [
        (lambda: xr.crr([[120, 110], [100]], 20, 100), "customers_end", "2, 1"),
        (lambda: xr.clv(50, 0.8, [[0.1], [0.2, 0.3]]), "churn_rate", "1, 2"),
        (lambda: xr.sbg_survival(0.7, 1.2, [[1, 2], [3]]), "t", "2, 1"),
        (lambda: xr.nps([[9, 10], [3]]), "scores", "2, 1"),
        (lambda: xr.nps_moe([[9, 10], [3]]), "scores", "2, 1"),
        (lambda: xr.repeat_purchase_rate([[1, 2], [3]]), "returning", "2, 1"),
        (lambda: xr.bgnbd_fit([[1, 2], [3]], [1, 2, 3], [3, 4, 5]), "frequency", "2, 1"),
        (lambda: xr.gammagamma_fit([1, 2, 3], [[10, 20], [30]]), "monetary_value", "2, 1"),
    ],
)
def test_ragged_nested_list_is_refused_naming_the_argument(call, name, sizes) -> None:
    with pytest.raises(xr.NotANumberError) as raised:
        call()
    assert str(raised.value) == SAID.format(name=name, sizes=sizes)
    assert raised.value.argument == name
    assert raised.value.excel_error == "#VALUE!"


def test_ragged_cohort_triangle_still_fitted() -> None:
    fit = xr.sbg_fit([[100, 80, 70], [100, 85]])
    assert fit == xr.sbg_fit([[100, 80, 70], [100, 85, None]])
    assert (round(fit.alpha, 4), round(fit.beta, 4), round(fit.log_likelihood, 4)) == (0.4375, 2.0625, -122.8869)
