"""A fit given pandas Series located a bad customer by its index label for a text ("at index 104") but by its 0-based
position for a blank, recency past T and a Gamma-Gamma value of 0 ("at position 3"): with customer ids as the index
(rfm_summary's output) x.loc[3] shows another customer. Every refusal of a Series' row now names its label
("at label 104"); arrays keep their position (H296's finding 06)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.errors import RetentionInputError

IDX = pd.Index([101, 102, 103, 104, 105, 106], name="customer_id")
F = pd.Series([2, 1, 0, 3, 1, 0], index=IDX)
R = pd.Series([30.0, 2, 0, 35, 10, 0], index=IDX)
T = pd.Series([38.0] * 6, index=IDX)
M = pd.Series([20.0, 10, 0, 0, 15, 0], index=IDX)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: xr.bgnbd_fit(F.astype(object).where(F.index != 104, "3"), R, T),
         "frequency must be a number, got the text '3' (a number stored as text: type it as a number) at label 104"),
        (lambda: xr.paretonbd_fit(F, R.where(R.index != 104, np.nan), T),
         "frequency, T are given but recency is blank at label 104"),
        (lambda: xr.bgnbd_fit(F, R.where(R.index != 104, 40.0), T),
         "recency (40) exceeds T (38): the last purchase cannot come after the end of observation at label 104"),
        (lambda: xr.gammagamma_fit(F, M),
         "monetary_value must be > 0 for a customer with repeat purchases (frequency 3), got 0 at label 104"),
        (lambda: xr.gammagamma_fit(F.to_numpy(), M.to_numpy()),
         "monetary_value must be > 0 for a customer with repeat purchases (frequency 3), got 0 at position 3"),
    ],
)  # fmt: skip
def test_the_row_is_named_by_its_label(call, message) -> None:
    with pytest.raises(RetentionInputError) as caught:
        call()
    assert str(caught.value) == message


def test_a_series_in_another_order_is_named_by_the_first_series_label() -> None:
    shuffled = R.where(R.index != 104, 40.0).iloc[::-1]  # matched by label to F's order
    with pytest.raises(RetentionInputError, match=r"end of observation at label 104$"):
        xr.bgnbd_fit(F, shuffled, T)
