"""BGBB_FIT and BGBB_FIT_SE without counts: one row per customer, as xl_retention.bgbb_fit(..., counts=None).

The Python function's counts were optional (1 each) while the formula required them ('BGBB_FIT is missing counts'),
and a blank counts cell was read as a range of one value ('... must hold one value per customer each; got sizes
frequency 8, ..., counts 1'): a worksheet of one row per customer needed a column of 1s.
"""

import pytest

import xl_retention as xr
from xl_retention.cells import evaluate
from xl_retention.registry import BY_NAME

X, TX = [0, 1, 2, 3, 6, 6, 0, 2], [0, 1, 5, 6, 6, 6, 0, 4]
column = lambda values: [[v] for v in values]  # noqa: E731 - Excel passes a column as rows
N = column([6] * 8)


def test_bgbb_fit_without_counts_is_one_row_per_customer():
    expected = [list(xr.bgbb_fit(X, TX, [6] * 8))]
    assert [round(v, 6) for v in expected[0]] == [0.606327, 0.498332, 0.10411, 0.881538, -24.747506]
    assert evaluate(BY_NAME["BGBB_FIT"], column(X), column(TX), N) == expected
    assert evaluate(BY_NAME["BGBB_FIT"], column(X), column(TX), N, None) == expected  # a blank cell
    assert evaluate(BY_NAME["BGBB_FIT"], column(X), column(TX), N, [[None]]) == expected
    assert evaluate(BY_NAME["BGBB_FIT"], column(X), column(TX), N, column([1] * 8)) == expected


def test_bgbb_fit_se_without_counts():
    (row,) = evaluate(BY_NAME["BGBB_FIT_SE"], column(X), column(TX), N)
    assert row == pytest.approx(list(xr.bgbb_fit_se(X, TX, [6] * 8)), rel=1e-15)


def test_counts_given_still_weigh_the_histories():
    counts = [300, 80, 40, 30, 60, 1, 5, 7]
    (fit,) = evaluate(BY_NAME["BGBB_FIT"], column(X), column(TX), N, column(counts))
    assert fit == list(xr.bgbb_fit(X, TX, [6] * 8, counts))
    short = evaluate(BY_NAME["BGBB_FIT"], column(X), column(TX), N, column(counts[:3]))
    assert short.code == "#VALUE!" and "counts 3" in short.message
