"""Snapshot rows with an MRR in a month after the row's own cancel / churn date are refused, not counted (H66/13).

A BI export of monthly MRR with the customer's churn date joined on each row, whose "carry forward the last MRR"
fills the months after the churn: b cancelled on 15 February yet has a March row with MRR 50. It was read as b paying
in March (2 customers, MRR 150, b never lost), exit 0. Now such a row is refused naming the row and the column; the
rows up to the end month read as before.
"""

from __future__ import annotations

import duckdb
import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _snapshots(column: str, march: bool = True) -> str:
    rows = ["a,2024-01,100,", "b,2024-01,50,2024-02-15", "a,2024-02,100,", "b,2024-02,50,2024-02-15", "a,2024-03,100,"]
    rows += ["b,2024-03,50,2024-02-15"] if march else []
    return f"customer_id,month,mrr,{column}\n" + "\n".join(rows) + "\n"


@pytest.mark.parametrize("column", ["Cancelled At", "churn_date", "Churned On", "Kündigungsdatum", "Lost Date"])
def test_a_row_paying_after_its_own_end_date_is_refused(tmp_path, column) -> None:
    path = tmp_path / "snap.csv"
    path.write_text(_snapshots(column), encoding="utf-8")
    with pytest.raises(DataError) as refused:
        load_tables(path)
    assert str(refused.value) == (
        f"snap.csv, column {column!r}: snapshot rows with an MRR in a month after the row's own end date in column "
        f"{column!r} (a snapshot's row with an MRR counts as an active, paying customer that month; one that ended "
        f"before the month began cannot pay in it): remove the rows of the months after the end, or correct the "
        f"date in row 7 (counting the header as row 1): '2024-02-15'"
    )


def test_rows_up_to_the_end_month_read_as_before(tmp_path) -> None:
    path = tmp_path / "snap.csv"
    path.write_text(_snapshots("churn_date", march=False), encoding="utf-8")
    frame = load_tables(path).movements
    got = {str(m): (int(frame.loc[m, "customers_end"]), float(frame.loc[m, "mrr_end"])) for m in frame.index}
    assert got == {"2024-01": (2, 150.0), "2024-02": (2, 150.0), "2024-03": (1, 100.0)}


def test_a_duckdb_table_is_refused_as_the_file(tmp_path) -> None:
    (tmp_path / "snap.csv").write_text(_snapshots("churn_date"), encoding="utf-8")
    connection = str(tmp_path / "w.duckdb")
    with duckdb.connect(connection) as con:  # typed: DATE churn_date
        con.execute(f"CREATE TABLE snap AS SELECT * FROM read_csv('{tmp_path / 'snap.csv'}', header=true)")
        con.execute("ALTER TABLE snap ALTER month TYPE DATE USING strptime(month, '%Y-%m')::DATE")
    with pytest.raises(DataError) as refused:
        load_tables("table:snap", backend="duckdb", connection=connection)
    assert "snapshot rows with an MRR in a month after the row's own end date in column 'churn_date'" in str(
        refused.value
    )
