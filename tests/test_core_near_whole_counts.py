"""A whole number a formula computed with binary rounding (=0.29*100 is 28.999999999999996, which Excel shows and
compares with = as 29) is that whole number for every function that wants one: it was refused as #NUM! with a message
naming 29. A value that is not whole at 15 significant digits is still refused, and named with its digits."""

from __future__ import annotations

import openpyxl
import pytest

import xl_retention
import xl_retention as xr
from xl_retention.errors import OutOfRangeError

NEAR_29 = 0.29 * 100  # 28.999999999999996
NEAR_3 = 0.1 * 3 * 10  # 3.0000000000000004


def test_the_inputs_are_not_whole_in_binary() -> None:
    assert NEAR_29 != 29 and NEAR_3 != 3


def test_counts_and_scores() -> None:
    assert xr.repeat_purchase_rate([1, 2, NEAR_29]) == 2 / 3
    assert xr.nps([10, 9, NEAR_3, 3]) == 0.0
    assert xr.nps_breakdown([10, 9, NEAR_3, 3]) == xr.nps_breakdown([10, 9, 3, 3])


def test_models_take_the_whole_number() -> None:
    assert xr.sbg_survival(0.668, 3.806, NEAR_3) == xr.sbg_survival(0.668, 3.806, 3)
    triangle = [[100, 0.57 * 100, 41, 33, 0.29 * 100]]  # 56.99999999999999 and 28.999999999999996
    assert triangle[0][1] != 57
    assert xr.sbg_fit(triangle) == xr.sbg_fit([[100, 57, 41, 33, 29]])


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: xr.nps([10, 28.99999999]), "scores must be a whole score from 0 to 10, got 28.99999999 at position 1"),
        (lambda: xr.repeat_purchase_rate([1, 2.5]), "returning must be a whole number of orders >= 0, got 2.5"),
        (lambda: xr.sbg_survival(0.668, 3.806, 2.9999), "t must be a whole number of periods >= 0, got 2.9999"),
    ],
)
def test_values_not_whole_are_refused_with_their_digits(call, message) -> None:
    with pytest.raises(OutOfRangeError) as caught:
        call()
    assert str(caught.value).startswith(message)


def test_recalc_writes_the_rate(tmp_path) -> None:
    book = tmp_path / "b.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["A2"], ws["A3"] = 1, 2, "=0.29*100"
    ws["B1"] = "=REPEAT_PURCHASE_RATE(A1:A3)"
    wb.save(book)
    report = xl_retention.recalc([str(book)], engine="embedded", output_dir=str(tmp_path / "out"))
    assert report.files[0].status == "ok"
    out = openpyxl.load_workbook(tmp_path / "out" / "b.xlsx", data_only=True).active
    assert out["B1"].value == 2 / 3
