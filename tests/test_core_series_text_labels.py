"""A text or boolean element of a labelled Series is named by its index label, as an out-of-range one is
(docs/metrics.md "Bad input": the position, or the Series label for arrays): with a month index or respondent ids,
"position 1" is not ``s.loc[1]``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.errors import NotANumberError

MONTHS = pd.period_range("2026-01", periods=3, freq="M")


@pytest.mark.parametrize("bad", ["n/a", True])
def test_series_element_named_by_label(bad: object) -> None:
    ends = pd.Series([100, bad, 90], index=MONTHS, dtype=object)
    with pytest.raises(NotANumberError) as caught:
        xr.crr(ends, 0, 100)
    assert str(caught.value) == f"customers_end must be a number, got {bad!r} at index '2026-02'"
    assert caught.value.argument == "customers_end"


def test_text_labels_and_nps() -> None:
    scores = pd.Series([9, 10, "x", 3], index=["resp-16", "resp-17", "resp-18", "resp-19"], dtype=object)
    with pytest.raises(NotANumberError, match=r"^scores must be a number, got 'x' at index 'resp-18'$"):
        xr.nps(scores)


def test_arrays_and_lists_still_by_position() -> None:
    with pytest.raises(NotANumberError, match=r"^customers_end must be a number, got 'n/a' at position 1$"):
        xr.crr([100, "n/a"], 0, 100)
    with pytest.raises(NotANumberError, match=r"at position \(1, 0\)$"):
        xr.crr(np.array([[100], ["n/a"]], dtype=object), 0, 100)


def test_numpy_and_timestamp_labels_named_as_values() -> None:
    """A label numpy holds is named as its value (``at index 2``, not ``np.int64(2)``), a month's Timestamp as its
    date."""
    with pytest.raises(Exception) as caught:
        xr.crr(pd.Series([10, 20], index=[1, 2]), pd.Series([1, 2], index=[2, 1]), pd.Series([10, 10], index=[1, 2]))
    assert str(caught.value) == (
        "customers_end (20) exceeds customers_start + customers_gained (10 + 1): customers lost would be negative"
        " at index 2"
    )
    months = pd.to_datetime(["2024-01-01", "2024-02-01"])
    with pytest.raises(Exception, match=r"stayed at index '2024-01-01'$"):
        xr.crr(pd.Series([10, 20], index=months), 11, 10)
    with pytest.raises(NotANumberError, match=r"^customers_end must be a number, got 'n/a' at index 7$"):
        xr.crr(pd.Series([10, "n/a"], index=np.array([6, 7], dtype=np.int64), dtype=object), 0, 100)
