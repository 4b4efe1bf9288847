"""The fits given pandas Series match them by their index labels, as the elementwise functions do (README "In
Python"); they paired them by position, so a Series in another row order fitted each customer with another
customer's T without a word (H153's finding 04). Labels that differ are refused naming the argument."""

from __future__ import annotations

import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.errors import NotANumberError

IDS = [f"c{i:02d}" for i in range(12)]
RFM = pd.DataFrame(
    {
        "frequency": [1, 1, 1, 9, 8, 1, 1, 0, 3, 2, 1, 2],
        "recency": [1, 10, 2, 25, 10, 12, 1, 0, 13, 28, 11, 28],
        "T": [38, 33, 39, 28, 34, 32, 37, 29, 37, 34, 38, 33],
        "monetary_value": [20.0, 31.5, 12.0, 44.1, 25.0, 17.5, 60.0, 0.0, 22.0, 19.0, 33.0, 28.5],
    },
    index=IDS,
)


def test_bgnbd_fit_matches_series_by_label() -> None:
    reordered = RFM["T"].sort_values()  # the same labels and values in another row order
    assert list(reordered.index) != IDS
    assert xr.bgnbd_fit(RFM["frequency"], RFM["recency"], reordered) == xr.bgnbd_fit(
        RFM["frequency"], RFM["recency"], RFM["T"]
    )


def test_gammagamma_fit_matches_series_by_label() -> None:
    buyers = RFM[RFM["frequency"] > 0]
    reordered = buyers["monetary_value"].sort_values()
    assert xr.gammagamma_fit(buyers["frequency"], reordered) == xr.gammagamma_fit(
        buyers["frequency"].to_numpy(), buyers["monetary_value"].to_numpy()
    )


def test_series_with_other_labels_are_refused_naming_the_argument() -> None:
    other = RFM["T"].set_axis([f"d{i:02d}" for i in range(12)])
    with pytest.raises(NotANumberError, match=r"^T's index does not match frequency's \(labels 'c00', 'c01', 'c02'"):
        xr.bgnbd_fit(RFM["frequency"], RFM["recency"], other)
