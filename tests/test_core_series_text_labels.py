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
    assert str(caught.value) == f"customers_end must be a number, got {bad!r} at index Period('2026-02', 'M')"
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
