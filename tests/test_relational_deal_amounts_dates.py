"""A database table's DATE columns quoted in a refusal as dates (H157's note): the deal-amount refusal of a DuckDB
table whose start and end are DATEs (fetched as Timestamps at midnight) said '12000 over 2025-01-01 00:00:00 to
2026-01-01 00:00:00 (12 months)'; it now says the days, as for a CSV file."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

COLUMNS = {"customer_id": "customer", "start": "start_date", "end": "end_date", "mrr": "amount"}


def test_a_date_column_of_a_table_is_quoted_as_its_day(tmp_path) -> None:
    frame = pd.DataFrame(
        {
            "customer": ["Acme", "Umbrella"],
            "start_date": [dt.date(2025, 1, 1), dt.date(2025, 6, 15)],
            "end_date": [dt.date(2026, 1, 1), dt.date(2027, 6, 15)],
            "amount": [12000, 48000],
            "stage": ["Closed Won", "Closed Won"],
        }
    )
    with duckdb.connect(str(tmp_path / "db.duckdb")) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE t AS SELECT * FROM frame")
        assert con.execute(
            "SELECT data_type FROM information_schema.columns WHERE table_name = 't' AND column_name = 'start_date'"
        ).fetchall() == [("DATE",)]
    with pytest.raises(DataError) as caught:
        load_tables(subscriptions="table:t", columns=COLUMNS, backend="duckdb", connection=str(tmp_path / "db.duckdb"))
    said = str(caught.value)
    assert said.startswith(
        "table:t, column 'amount': a CRM deal's amount (the deal's total) taken as mrr, on deals of "
    )
    assert "amount '12000 over 2025-01-01 to 2026-01-01 (12 months)'; " in said  # a table's rows: by their values
    assert "amount '48000 over 2025-06-15 to 2027-06-15 (24 months)': " in said
    assert "00:00:00" not in said
