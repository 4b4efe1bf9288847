"""Integer customer ids numbered from 0 that went through a float (0.0 ... 59.0: a join that left a NaN, PostgreSQL's
double precision) were refused as guests' ids, the same ids as integers read (H202 finding 05). 0.0 beside 1.0 is
customer 0, as 0 beside 1 is; 0.0 beside 101.0 still stands for no one (WooCommerce's guest)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from xl_retention.reading import DataError


def _tables(frame: pd.DataFrame) -> pd.DataFrame:
    import xl_retention.tables as tables

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return tables.subscription_tables(frame).movements


def _snapshots() -> pd.DataFrame:
    rows = [(c, m, 10.0 + c) for c in range(60) for m in ["2026-01-01", "2026-02-01", "2026-03-01"][c % 2 :]]
    return pd.DataFrame(rows, columns=["customer_id", "month", "mrr"])


def test_float_ids_numbered_from_zero_are_ids() -> None:
    ints = _snapshots()
    floats = ints.assign(customer_id=ints["customer_id"].astype(np.float64))
    assert _tables(ints)["customers_end"].tolist() == [30, 60, 60]  # by hand: the even ones from January
    assert _tables(floats)["customers_end"].tolist() == [30, 60, 60]


def test_a_float_zero_beside_other_ids_still_stands_for_no_one() -> None:
    frame = pd.DataFrame({"customer_id": [101.0, 0.0, 102.0], "month": ["2026-01-01"] * 3, "mrr": [10.0, 20.0, 30.0]})
    with pytest.raises(DataError, match=r"customer ids that stand for no one .* at index 1: 0\.0"):
        _tables(frame)
