"""``repeat_purchase_rate`` given one number and no total (H276): the Excel formula refuses one cell
(``=REPEAT_PURCHASE_RATE(B2)``: "takes a range of counts, got one cell (30); give total too"), while the Python
function read the number as one customer's order count: ``xr.repeat_purchase_rate(30)`` was 1.0 and
``xr.repeat_purchase_rate(1)`` 0.0, silently, where the caller had forgotten the total (30 repeat purchasers of 120
buyers: 0.25). It is now refused with the same #VALUE! and a reason; a blank one is NaN, as any blank input."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.cells import CellError, evaluate
from xl_retention.registry import BY_NAME


@pytest.mark.parametrize("one", [30, 1, 2.0, np.float64(30), np.array(30)])
def test_one_number_without_total_is_refused_as_in_excel(one) -> None:
    with pytest.raises(xr.RetentionInputError) as raised:
        xr.repeat_purchase_rate(one)
    number = f"{float(np.asarray(one)):g}"
    assert str(raised.value) == (
        "repeat_purchase_rate without total takes each customer's number of orders (a list, array or Series), "
        f"got one number ({number}): give total too, repeat_purchase_rate({number}, total)"
    )
    assert raised.value.excel_error == "#VALUE!"
    assert raised.value.argument == "returning"
    excel = evaluate(BY_NAME["REPEAT_PURCHASE_RATE"], [[float(np.asarray(one))]])
    assert isinstance(excel, CellError) and excel.code == raised.value.excel_error


def test_order_counts_and_the_two_argument_form_unchanged() -> None:
    assert xr.repeat_purchase_rate(30, 120) == 0.25
    assert xr.repeat_purchase_rate([30]) == 1.0  # a list: one customer's 30 orders
    assert xr.repeat_purchase_rate(np.array([1, 2, 3, 1])) == 0.5
    assert xr.repeat_purchase_rate(pd.Series([1, 2, None, 3])) == 2 / 3
    assert xr.repeat_purchase_rate([1, 2, 1, 3, None]) == 0.5


@pytest.mark.parametrize("blank", [None, math.nan, np.float64("nan")])
def test_one_blank_is_nan(blank) -> None:
    assert math.isnan(xr.repeat_purchase_rate(blank))
