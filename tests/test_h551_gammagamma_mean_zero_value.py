"""GAMMAGAMMA_MEAN refuses a repeat customer's average order value of 0, as GAMMAGAMMA_FIT does (H545's finding 07).

``gammagamma_mean(6.25, 3.74, 15.44, 2, 0)`` gave 6.332 (the population mean shrunk by two orders "of 0") in Python
and in a cell, while the fit refuses the same customer: order values are Gamma distributed, > 0.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.cells import CellError, evaluate
from xl_retention.errors import OutOfRangeError
from xl_retention.registry import BY_NAME

CDNOW = (6.25, 3.74, 15.44)
REASON = "monetary_value must be > 0 for a customer with repeat purchases (frequency 2), got 0"


def test_python_refuses_as_the_fit() -> None:
    with pytest.raises(OutOfRangeError) as caught:
        xr.gammagamma_mean(*CDNOW, 2, 0)
    assert str(caught.value) == REASON
    assert caught.value.argument == "monetary_value"
    with pytest.raises(OutOfRangeError, match="frequency 2"):
        xr.gammagamma_fit([2, 1, 3, 1], [0.0, 5.0, 7.0, 9.0])


def test_series_names_the_label() -> None:
    with pytest.raises(OutOfRangeError) as caught:
        xr.gammagamma_mean(*CDNOW, pd.Series([0, 2], index=["a", "b"]), pd.Series([0.0, 0.0], index=["a", "b"]))
    assert str(caught.value) == REASON + " at index 'b'"


def test_cell_is_num() -> None:
    cell = evaluate(BY_NAME["GAMMAGAMMA_MEAN"], *CDNOW, 2, 0)
    assert isinstance(cell, CellError)
    assert cell.code == "#NUM!"


def test_frequency_zero_keeps_the_population_mean() -> None:
    assert xr.gammagamma_mean(*CDNOW, 0, 0) == 6.25 * 15.44 / 2.74
    assert np.round(xr.gammagamma_mean(*CDNOW, [0, 2], [0.0, 20.0]), 4).tolist() == [35.219, 22.7362]
