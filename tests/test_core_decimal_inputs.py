"""Decimal values in the Python API: a SQL numeric column read by psycopg, DuckDB or pyodbc holds decimal.Decimal.

They were refused as not numbers ("customers_end must be a number, got Decimal('535')"), also inside a pandas Series
of object dtype, where a float column of the same values was computed.
"""

from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.errors import OutOfRangeError


def test_decimal_scalars_are_numbers():
    assert xr.crr(Decimal("535"), Decimal("75"), Decimal("500")) == 0.92
    assert xr.nrr(Decimal("10.50"), Decimal("5.25"), Decimal("100")) == pytest.approx(0.9475, rel=1e-15)
    assert xr.sbg_survival(Decimal("0.704"), Decimal("1.182"), 12) == xr.sbg_survival(0.704, 1.182, 12)


def test_a_series_of_decimals_is_a_series_of_numbers():
    ends = pd.Series([Decimal("535"), Decimal("400"), None], index=["jan", "feb", "mar"])
    result = xr.crr(ends, 75, 500)
    assert isinstance(result, pd.Series) and list(result.index) == ["jan", "feb", "mar"]
    assert result.iloc[:2].tolist() == [0.92, 0.65] and np.isnan(result.iloc[2])  # None: blank, as in pandas
    assert xr.nps([Decimal(9), Decimal(10), Decimal(3)]) == pytest.approx(100 / 3, rel=1e-15)


def test_decimal_nan_is_blank_and_infinity_is_refused():
    assert np.isnan(xr.crr(Decimal("NaN"), 75, 500))
    with pytest.raises(OutOfRangeError, match="customers_end must be a count >= 0, got inf"):
        xr.crr(Decimal("Infinity"), 75, 500)


def test_a_decimal_beyond_a_floats_range_is_named_as_given() -> None:
    # H545's finding 03: Decimal('1E+400') became inf: "customers_start must be a count >= 0, got inf"
    from xl_retention.errors import OutOfRangeError

    with pytest.raises(OutOfRangeError) as caught:
        xr.crr(5, 0, Decimal("1E+400"))
    assert str(caught.value) == "customers_start is beyond a float's range (above 1.8e308), got Decimal('1E+400')"
    with pytest.raises(OutOfRangeError, match=r"^arpa is beyond a float's range \(above 1\.8e308\), got Decimal"):
        xr.clv(Decimal("1E+400"), 0.5, 0.1)


def test_a_negative_number_beyond_a_floats_range_is_said_below_it() -> None:
    # H553's finding 04: Decimal('-1E+400') and -10**400 were said to be "above 1.8e308", the int's sign dropped
    with pytest.raises(OutOfRangeError) as caught:
        xr.churn_rate(Decimal("-1E+400"), 10, 100)
    assert str(caught.value) == "customers_end is beyond a float's range (below -1.8e308), got Decimal('-1E+400')"
    with pytest.raises(OutOfRangeError) as caught:
        xr.churn_rate(-(10**400), 10, 100)
    expected = "customers_end is beyond a float's range (below -1.8e308), got a negative integer of 401 digits"
    assert str(caught.value) == expected
    with pytest.raises(OutOfRangeError) as caught:
        xr.churn_rate(10**400, 10, 100)
    assert str(caught.value) == "customers_end is beyond a float's range (above 1.8e308), got an integer of 401 digits"
