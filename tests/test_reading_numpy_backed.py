"""pandas frames with pd.NA for a blank read as the numpy-backed frame ``pd.read_csv`` gives: pyarrow-backed and
nullable text columns with a blank raised pandas' ``TypeError: boolean value of NA is ambiguous`` from the date rules
(an interval's open end, ``engine="pyarrow"``'s dates), as did ``pd.NA`` in an object column of dates (H153 finding 15,
the whole kind; reading/numpy_backed.py)."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.reading import DataError
from xl_retention.reading.currency import codes_column
from xl_retention.reading.numpy_backed import numpy_backed

INTERVALS = "customer_id,start,end,mrr\n1,2024-01-01,2024-03-31,10\n2,2024-02-01,,20\n3,2024-01-15,2024-02-14,5\n"
ORDERS = "customer_id,date,amount,order_id\n1,2024-01-05,10,a\n1,2024-02-05,3,b\n2,2024-01-09,5,c\n3,2024-03-01,2.5,d\n"
MRR = [10.0, 10.0, 10.0, 0.0, 20.0, 20.0, 20.0, 5.0, 0.0]
MONTHS = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-02", "2024-03", "2024-04", "2024-01", "2024-02"]


@pytest.mark.parametrize("backend", ["pyarrow", "numpy_nullable"])
def test_an_open_end_in_a_nullable_text_column(backend: str) -> None:
    pytest.importorskip("pyarrow")
    frame = pd.read_csv(io.StringIO(INTERVALS), dtype_backend=backend)
    snapshots = xr.movements.snapshots_from_intervals(frame)
    assert snapshots["customer_id"].tolist() == [1, 1, 1, 1, 2, 2, 2, 3, 3]
    assert snapshots["month"].astype(str).tolist() == MONTHS
    assert snapshots["mrr"].tolist() == MRR


def test_an_open_end_as_pd_na_in_an_object_column() -> None:
    frame = pd.read_csv(io.StringIO(INTERVALS)).astype({"end": object})
    frame.loc[1, "end"] = pd.NA
    assert xr.movements.snapshots_from_intervals(frame)["mrr"].tolist() == MRR


def test_pyarrow_engines_dates_give_the_same_tables() -> None:
    pytest.importorskip("pyarrow")
    arrow = pd.read_csv(io.StringIO(ORDERS), engine="pyarrow", dtype_backend="pyarrow")
    assert str(arrow["date"].dtype) == "date32[day][pyarrow]"
    got = xr.movements.cohorts_from_orders(arrow, kind="revenue")
    want = xr.movements.cohorts_from_orders(pd.read_csv(io.StringIO(ORDERS)), kind="revenue")
    assert got.fillna(-1).to_numpy(float).tolist() == want.fillna(-1).to_numpy(float).tolist()
    assert want.fillna(-1).to_numpy(float).tolist() == [[15.0, 3.0, 0.0], [0.0, 0.0, -1.0], [2.5, -1.0, -1.0]]
    counts = xr.movements.nps_by_month(
        pd.read_csv(
            io.StringIO("respondent,date,score\n1,2024-01-05,10\n2,2024-01-09,3\n3,2024-02-01,9\n"),
            engine="pyarrow",
            dtype_backend="pyarrow",
        )  # fmt: skip
    )
    assert counts["promoters"].tolist() == [1, 1]
    assert counts["detractors"].tolist() == [1, 0]


def test_a_missing_start_in_a_pyarrow_column_is_refused_naming_the_row() -> None:
    pytest.importorskip("pyarrow")
    frame = pd.read_csv(io.StringIO(INTERVALS.replace("2024-01-15", "")), dtype_backend="pyarrow")
    with pytest.raises(DataError, match=r"^input, column 'start': missing dates in the row at index 2$"):  # its label
        xr.movements.snapshots_from_intervals(frame)


def test_the_columns_as_numpy_reads_them() -> None:
    pytest.importorskip("pyarrow")
    frame = pd.DataFrame(
        {
            "n": pd.array([1, None], dtype="int64[pyarrow]"),
            "whole": pd.array([1, 2], dtype="Int64"),
            "flag": pd.array([True, None], dtype="boolean"),
            "day": pd.array([pd.Timestamp("9999-12-31"), None], dtype="date32[pyarrow]"),
            "text": pd.array(["a", None], dtype="string[pyarrow]"),
            "other": pd.Series(["x", pd.NA], dtype=object),
            "none": pd.Series(["x", None], dtype=object),
        }
    )
    frame.attrs["kept"] = 1
    out = numpy_backed(frame)
    assert out.attrs == {"kept": 1}
    assert out["n"].dtype == np.float64 and out["n"].tolist()[0] == 1.0 and np.isnan(out["n"].iloc[1])
    assert out["whole"].dtype == np.int64 and out["whole"].tolist() == [1, 2]
    assert out["flag"].tolist()[0] is True and out["flag"].iloc[1] is np.nan
    assert str(out["day"].iloc[0]) == "9999-12-31 00:00:00" and pd.isna(out["day"].iloc[1])
    assert out["text"].iloc[0] == "a" and out["text"].iloc[1] is np.nan
    assert out["other"].iloc[1] is np.nan
    assert out["none"].iloc[1] is None  # None left as it is
    plain = pd.read_csv(io.StringIO(ORDERS))
    assert numpy_backed(plain) is plain


def test_currency_codes_beside_pd_na() -> None:
    assert codes_column(["EUR", pd.NA, "USD", None, np.nan]) is True
    assert codes_column(["EUR", pd.NA]) is False
