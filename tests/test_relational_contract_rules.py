"""A database table of contracts is refused where the same rows in a CSV file are (H156 finding 01): a term with no
end (renewals stacked on the contracts they renew) and a CRM deal's total 'amount' mapped to mrr imported from DuckDB
with exit 0, as relational.file_rules did not route them through the file path's rules (open_contracts,
deal_amounts)."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables


def _table(tmp_path, frame: pd.DataFrame) -> str:
    path = tmp_path / "db.duckdb"
    with duckdb.connect(str(path)) as con:
        con.register("frame", frame)
        con.execute("create table t as select * from frame")
    return str(path)


def _days(*days: str) -> pd.Series:
    return pd.Series(pd.to_datetime(list(days))).dt.date  # DuckDB DATE columns


def test_a_term_with_no_end_is_refused_naming_it(tmp_path) -> None:
    frame = pd.DataFrame({"customer": ["Acme", "Acme", "Hooli"], "start_date": _days("2025-01-01", "2026-01-01",
                          "2025-03-01"), "term_months": [12, 12, 12], "mrr": [1000, 1100, 500]})  # fmt: skip
    named = r"\(the row of customer 'Acme', start_date '2025-01-01': 12\)"  # a table's row: by its values
    with pytest.raises(DataError, match=rf"^table:t: column 'term_months' holds each contract's term {named}"):
        load_tables(subscriptions="table:t", columns={"customer_id": "customer", "start": "start_date", "mrr": "mrr"},
                    backend="duckdb", connection=_table(tmp_path, frame))  # fmt: skip


def test_a_deals_total_as_mrr_is_refused_naming_the_column(tmp_path) -> None:
    frame = pd.DataFrame({"customer": ["Acme", "Umbrella"], "start_date": _days("2025-01-01", "2025-06-15"),
                          "end_date": _days("2026-01-01", "2027-06-15"), "amount": [12000, 48000],
                          "stage": ["Closed Won", "Closed Won"]})  # fmt: skip
    columns = {"customer_id": "customer", "start": "start_date", "end": "end_date", "mrr": "amount"}
    expected = (
        r"^table:t, column 'amount': a CRM deal's amount \(the deal's total\) taken as mrr, .* in 2 rows, e\.g\. "
        r"customer 'Acme', start_date '2025-01-01', amount '12000 over 2025-01-01 to 2026-01-01 \(12 months\)'; "
        r"customer 'Umbrella', start_date '2025-06-15', amount '48000 over 2025-06-15 to 2027-06-15 \(24 months\)': "
    )
    with pytest.raises(DataError, match=expected):
        load_tables(subscriptions="table:t", columns=columns, backend="duckdb", connection=_table(tmp_path, frame))


def test_monthly_contracts_with_their_ends_still_import(tmp_path) -> None:
    frame = pd.DataFrame({"customer": ["Acme", "Hooli"], "start_date": _days("2025-01-01", "2025-03-01"),
                          "end_date": _days("2025-04-01", "2025-05-01"), "term_months": [3, 2],
                          "mrr": [1000, 500]})  # fmt: skip
    columns = {"customer_id": "customer", "start": "start_date", "end": "end_date", "mrr": "mrr"}
    tables = load_tables(subscriptions="table:t", columns=columns, backend="duckdb", connection=_table(tmp_path, frame))
    assert tables.movements["mrr_end"].tolist()[:5] == [1000.0, 1000.0, 1500.0, 500.0, 0.0]
