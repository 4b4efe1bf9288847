"""H331's findings 01 and 02: a Parquet file whose timestamps carry a zone (pandas' tz=America/New_York).

The import counts them in that zone's months (docs/metrics.md, "Months": an Arrow column's zone is its dates'), on
the pandas and DuckDB backends alike, and now says so in a note naming the file, the column and the zone; the SQL
of ``xl-retention sql`` run in DuckDB over the file counts them in UTC months, and its header and the note say how
to get the import's months (a view with ``date AT TIME ZONE 'America/New_York'``), which this test runs.
"""

import subprocess
import sys

import duckdb
import pandas as pd
import pytest

from xl_retention.relational.sql import render

#: five orders, New York time; 2026-01-31 23:30 and 2026-02-28 22:00 are February's and March's in UTC
TIMES = ["2026-01-10 12:00", "2026-01-31 23:30", "2026-02-15 12:00", "2026-02-28 22:00", "2026-03-10 12:00"]
NEW_YORK = {"2026-01": 2, "2026-02": 2, "2026-03": 1}
UTC = {"2026-01": 1, "2026-02": 2, "2026-03": 2}


def _orders(path, zone="America/New_York"):
    stamps = pd.to_datetime(TIMES).tz_localize("America/New_York").tz_convert(zone)
    frame = pd.DataFrame({"customer_id": list("abcde"), "date": stamps, "amount": [10.0, 20.0, 30.0, 40.0, 50.0]})
    frame.to_parquet(path, index=False)


def _import(tmp_path, name, *backend):
    out = tmp_path / f"out_{'_'.join(backend) or 'pandas'}_{name}"
    result = subprocess.run(
        [sys.executable, "-m", "xl_retention", "import", "--orders", name, *backend, "--to-csv", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    purchases = pd.read_csv(out / "purchases.csv")
    return dict(zip(purchases["month"], purchases["buyers"].astype(int), strict=True)), result.stdout + result.stderr


@pytest.mark.parametrize("backend", [(), ("--backend", "duckdb")])
def test_a_new_york_parquet_is_counted_in_new_york_months_with_a_note_naming_the_zone(tmp_path, backend):
    _orders(tmp_path / "orders.parquet")
    buyers, said = _import(tmp_path, "orders.parquet", *backend)
    assert buyers == NEW_YORK
    assert (
        "orders.parquet, column 'date': timestamps with a time zone (America/New_York) are counted in "
        "America/New_York's months"
    ) in said
    assert "date AT TIME ZONE 'America/New_York'" in said


def test_a_utc_parquet_is_counted_in_utc_months_without_a_zone_note(tmp_path):
    _orders(tmp_path / "orders.parquet", zone="UTC")
    buyers, said = _import(tmp_path, "orders.parquet", "--backend", "duckdb")
    assert buyers == UTC
    assert "time zone" not in said


def test_the_printed_sql_gives_the_imports_months_through_the_view_the_note_names(tmp_path):
    _orders(tmp_path / "orders.parquet")
    sql = render("duckdb", ["purchases"])
    assert "a view with date AT TIME ZONE 'America/New_York'" in sql.replace("\n-- ", " ")
    con = duckdb.connect()
    path = str(tmp_path / "orders.parquet").replace("'", "''")

    def months(date):
        con.sql(f"CREATE OR REPLACE VIEW orders AS SELECT customer_id, {date} AS date, amount FROM '{path}'")
        return {str(m)[:7]: int(b) for m, b, *_ in con.sql(sql).fetchall()}

    assert months("date") == UTC  # the file's instants, as DuckDB reads them: UTC months
    assert months("date AT TIME ZONE 'America/New_York'") == NEW_YORK  # as the import counts them


def test_the_duckdb_backend_reads_a_zoned_parquet_in_duckdb_not_through_pandas(tmp_path, monkeypatch):
    """H331's 05: a zoned Parquet file was read whole by pandas before the DuckDB backend saw it (1M rows 500 MB,
    3M rows 1 GB peak); DuckDB now reads it (each zoned column as its zone's wall times), the same months."""
    from xl_retention.reading.notes import collected
    from xl_retention.relational import load

    def refused(*args, **kwargs):
        raise AssertionError("the Parquet file was read by pandas")

    monkeypatch.setattr(load, "read_table", refused)
    _orders(tmp_path / "orders.parquet")
    with collected() as notes:
        tables = load.load_tables(orders=str(tmp_path / "orders.parquet"), backend="duckdb")
    buyers = tables.purchases["buyers"]
    assert {str(m): int(b) for m, b in buyers.items()} == NEW_YORK
    assert any("(America/New_York) are counted in America/New_York's months" in n for n in notes)
