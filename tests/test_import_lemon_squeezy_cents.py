"""Lemon Squeezy's API subscriptions joined with their variants' ``price`` ("a positive integer in cents", its API
reference's variant object) were read in units: 999 as an MRR of 999.00, 100 times too high, silently (H161 finding
02). Whole amounts in a table of its API fields (test_mode beside renews_at and ends_at) are now refused until
--amounts says cents or units."""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError, ReadOptions
from xl_retention.workbook.importer import load_tables

ROWS = """id,customer_id,variant_name,status,cancelled,renews_at,ends_at,created_at,price,interval,interval_count,test_mode
1001,5001,Monthly,active,false,2026-12-14T10:00:00.000000Z,,2026-03-14T10:00:00.000000Z,999,month,1,false
1002,5002,Yearly,active,false,2027-05-02T10:00:00.000000Z,,2026-05-02T10:00:00.000000Z,9900,year,1,false
1003,5003,Monthly,cancelled,true,2026-12-20T10:00:00.000000Z,2026-12-20T10:00:00.000000Z,2026-04-20T10:00:00.000000Z,999,month,1,false
"""  # noqa: E501
COLUMNS = {"start": "created_at", "end": "ends_at"}


def _write(tmp_path):
    path = tmp_path / "ls_subs.csv"
    path.write_text(ROWS)
    return path


def test_whole_prices_of_lemon_squeezy_s_api_are_refused_until_told(tmp_path) -> None:
    with pytest.raises(DataError) as caught:
        load_tables(subscriptions=_write(tmp_path), columns=COLUMNS)
    assert str(caught.value) == (
        "ls_subs.csv, column 'price': whole amounts in a table of Lemon Squeezy's API fields (test_mode, renews_at, "
        "...), which writes prices and totals in cents (999 as 9.99), where a table typed by hand writes units "
        "(999.00): say which with --amounts cents or --amounts units in row 2 (counting the header as row 1): '999'"
    )


@pytest.mark.parametrize(("amounts", "mrr"), [("cents", [9.99, 19.98, 28.23]), ("units", [999.0, 1998.0, 2823.0])])
def test_amounts_says_which(tmp_path, amounts: str, mrr: list[float]) -> None:
    tables = load_tables(subscriptions=_write(tmp_path), columns=COLUMNS, options=ReadOptions(amounts=amounts))
    movements = tables.movements
    by_month = dict(zip(movements.index.astype(str), movements["mrr_end"].round(2), strict=True))
    assert [by_month["2026-03"], by_month["2026-04"], by_month["2026-05"]] == pytest.approx(mrr)  # 99.00 a year
