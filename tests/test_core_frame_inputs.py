"""A pandas DataFrame given to an elementwise function: one column is that column, as a Series; several are refused.

A one-column DataFrame came back as an (n, 1) ndarray without its index, and beside a Series of n it was broadcast
to n x n, then failed in pandas ('Data must be 1-dimensional, got ndarray of shape (2, 2)'): a traceback, no
argument named.
"""

import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.errors import NotANumberError

INDEX = ["jan", "feb"]


def test_a_one_column_frame_is_its_column():
    ends = pd.DataFrame({"end": [535, 400]}, index=INDEX)
    result = xr.crr(ends, 75, 500)
    assert isinstance(result, pd.Series) and result.to_dict() == {"jan": 0.92, "feb": 0.65}
    result = xr.crr(ends, pd.Series([75, 50], index=INDEX), 500)
    assert isinstance(result, pd.Series) and result.to_dict() == {"jan": 0.92, "feb": 0.7}
    survival = xr.sbg_survival(0.704, 1.182, pd.DataFrame({"t": [1, 2]}, index=INDEX))
    assert list(survival.index) == INDEX
    assert survival.tolist() == [xr.sbg_survival(0.704, 1.182, 1), xr.sbg_survival(0.704, 1.182, 2)]


def test_a_frame_of_several_columns_is_refused_naming_the_argument():
    with pytest.raises(NotANumberError) as raised:
        xr.crr(pd.DataFrame({"end": [535], "gained": [75]}), 75, 500)
    assert (
        str(raised.value) == "customers_end is a table of 2 columns ('end', 'gained'): give one column, e.g. df[column]"
    )
    assert raised.value.argument == "customers_end"
