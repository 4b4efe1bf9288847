"""pandas frames of other backings read as numpy-backed ones: pyarrow-backed columns (``dtype_backend="pyarrow"``)
crashed in the repeated-header check, ``pd.NA`` in an object column in the currency check, with pandas' own
exceptions (H153 findings 14, 15)."""

from __future__ import annotations

import io

import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.reading import DataError

SNAPSHOTS = "customer_id,month,mrr\n1,2024-01,10\n1,2024-02,15\n2,2024-01,20\n2,2024-03,20\n3,2024-02,5\n"
ORDERS = "customer_id,date,amount\n1,2024-01-05,10\n1,2024-02-05,3\n2,2024-01-09,5\n"


def test_pyarrow_backed_frames_give_the_same_tables() -> None:
    pytest.importorskip("pyarrow")
    arrow = xr.movements.monthly_movements(pd.read_csv(io.StringIO(SNAPSHOTS), dtype_backend="pyarrow"))
    plain = xr.movements.monthly_movements(pd.read_csv(io.StringIO(SNAPSHOTS)))
    assert arrow["customers_end"].tolist() == plain["customers_end"].tolist() == [2, 2, 1]
    assert arrow["mrr_end"].tolist() == plain["mrr_end"].tolist() == [30.0, 20.0, 20.0]
    rfm = xr.rfm_summary(pd.read_csv(io.StringIO(ORDERS), dtype_backend="pyarrow"))
    assert rfm.to_numpy(float).tolist() == xr.rfm_summary(pd.read_csv(io.StringIO(ORDERS))).to_numpy(float).tolist()


def test_pd_na_in_an_object_column_is_a_missing_value() -> None:
    df = pd.read_csv(io.StringIO(SNAPSHOTS)).astype({"mrr": object})
    df.loc[4, "mrr"] = pd.NA
    with pytest.raises(DataError, match=r"^input, column 'mrr': missing values in the row at index 4$"):  # its label
        xr.movements.monthly_movements(df)


def test_pyarrow_dates_of_an_orders_table_give_the_same_rfm() -> None:
    # engine='pyarrow' reads the dates as date32[pyarrow]: rfm_summary's own date reading raised pandas' TypeError
    pytest.importorskip("pyarrow")
    arrow = xr.rfm_summary(pd.read_csv(io.StringIO(ORDERS), engine="pyarrow", dtype_backend="pyarrow"))
    plain = xr.rfm_summary(pd.read_csv(io.StringIO(ORDERS)))
    assert arrow.to_numpy(float).tolist() == plain.to_numpy(float).tolist()
