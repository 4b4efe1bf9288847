"""A subscription's free-trial row priced 0.00 (RevenueCat's is_trial_period row, one row per transaction) adds
nothing: it was refused as "its price would count as MRR" (untrue: the price is 0). A trial row with a price is still
refused (H152 finding 03, part a; reading/preparation.py passes the rows priced 0 to check_statuses' free)."""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

ROWS = """user,start,end,price,is_trial_period,sub
u1,2026-01-25,2026-02-01,{trial},True,t1
u1,2026-02-01,2026-03-01,9.99,False,t1
u1,2026-03-01,2026-04-01,9.99,False,t1
u3,2026-01-10,2026-03-10,5.0,False,t3
"""
COLUMNS = {"customer_id": "user", "start": "start", "end": "end", "mrr": "price", "subscription_id": "sub"}


def test_a_trial_row_priced_zero_adds_nothing(tmp_path) -> None:
    path = tmp_path / "rc.csv"
    path.write_text(ROWS.format(trial="0.0"))
    movements = load_tables(subscriptions=path, columns=COLUMNS).movements
    assert movements.index.astype(str).tolist() == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert movements["customers_end"].tolist() == [1, 2, 1, 0]
    assert movements["mrr_end"].round(2).tolist() == [5.0, 14.99, 9.99, 0.0]


def test_a_trial_row_with_a_price_is_still_refused(tmp_path) -> None:
    path = tmp_path / "rc.csv"
    path.write_text(ROWS.format(trial="9.99"))
    with pytest.raises(DataError, match=r"^rc.csv, column 'is_trial_period': subscriptions flagged as in their free "):
        load_tables(subscriptions=path, columns=COLUMNS)
