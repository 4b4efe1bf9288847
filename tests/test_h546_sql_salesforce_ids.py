"""`xl-retention sql`: Salesforce's 18-character ids beside their 15-character form are one account, as the import
reads them (H530's finding 01; reading.salesforce_ids).

January's rows hold a report's 15-character ids (``0015g00000AbCdE``, ``0015g00000XyZaB``), February's Data Loader's
18-character ones (``...AbCdEAAV``, ``...XyZaBAAV``: the checksums of their capitals) and ``0015g00000ZzZzZAAA``
(a wrong checksum: its own customer). ``xl-retention import`` reads two customers kept and one new in February
(orders: two buyers returning); the printed SQL of DuckDB and PostgreSQL counted two lost and three new (two new
buyers, none returning). It now folds them as the import does; other dialects compare ids as written, as their header
says.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SUBSCRIPTIONS = [("0015g00000AbCdE", "2026-01-01", 100.0), ("0015g00000XyZaB", "2026-01-01", 50.0),
                 ("0015g00000AbCdEAAV", "2026-02-01", 100.0), ("0015g00000XyZaBAAV", "2026-02-01", 50.0),
                 ("0015g00000ZzZzZAAA", "2026-02-01", 10.0)]  # fmt: skip
ORDERS = [("0015g00000AbCdE", "2026-01-05", 10.0), ("0015g00000XyZaBAAV", "2026-01-07", 10.0),
          ("0015g00000AbCdEAAV", "2026-02-05", 10.0), ("0015g00000XyZaB", "2026-02-07", 10.0)]  # fmt: skip
#: by hand, each account once: (month, customers_start, new, lost, customers_end); (month, buyers, returning)
MOVEMENTS = [("2026-01-01", 0, 2, 0, 2), ("2026-02-01", 2, 1, 0, 3)]
PURCHASES = [("2026-01-01", 2, 0), ("2026-02-01", 2, 2)]
_MOVEMENTS = "SELECT CAST(month AS TEXT), customers_start, new, lost, customers_end FROM ({}) t ORDER BY 1"
_PURCHASES = 'SELECT CAST(month AS TEXT), buyers, "returning" FROM ({}) t ORDER BY 1'

_PRINTED: dict[tuple[str, str], str] = {}


def _sql(capsys, dialect: str, table: str) -> str:
    if (dialect, table) not in _PRINTED:
        capsys.readouterr()
        assert cli.main(["sql", "--dialect", dialect, "--table", table]) == 0
        _PRINTED[dialect, table] = capsys.readouterr().out.rstrip().rstrip(";")
    return _PRINTED[dialect, table]


def _imported(tmp_path: Path, capsys) -> tuple[list[tuple], list[tuple]]:
    """The import's movements and purchases of the same rows (``import --to-csv``)."""
    (tmp_path / "s.csv").write_text("customer_id,month,mrr\n" + "".join(f"{c},{m},{r}\n" for c, m, r in SUBSCRIPTIONS))
    (tmp_path / "o.csv").write_text("customer_id,date,amount\n" + "".join(f"{c},{d},{a}\n" for c, d, a in ORDERS))
    out = tmp_path / "out"
    args = ["import", "--subscriptions", str(tmp_path / "s.csv"), "--orders", str(tmp_path / "o.csv")]
    assert cli.main([*args, "--to-csv", str(out)]) == 0
    assert "Salesforce's 18-character ids read as their 15-character form" in capsys.readouterr().out

    def rows(name: str, columns: tuple[str, ...]) -> list[tuple]:
        with open(out / f"{name}.csv", newline="") as f:
            return [(f"{r['month']}-01", *(int(r[c]) for c in columns)) for r in csv.DictReader(f)]

    return (rows("movements", ("customers_start", "new", "lost", "customers_end")),
            rows("purchases", ("buyers", "returning")))  # fmt: skip


def test_duckdb_folds_them_as_the_import_does(capsys, tmp_path) -> None:
    assert _imported(tmp_path, capsys) == (MOVEMENTS, PURCHASES)
    con = duckdb.connect()
    con.execute("CREATE TABLE subscriptions (customer_id VARCHAR, month DATE, mrr DOUBLE)")
    con.executemany("INSERT INTO subscriptions VALUES (?, ?, ?)", SUBSCRIPTIONS)
    con.execute("CREATE TABLE orders (customer_id VARCHAR, date DATE, amount DOUBLE)")
    con.executemany("INSERT INTO orders VALUES (?, ?, ?)", ORDERS)
    assert con.sql(_MOVEMENTS.format(_sql(capsys, "duckdb", "movements"))).fetchall() == MOVEMENTS
    assert con.sql(_PURCHASES.format(_sql(capsys, "duckdb", "purchases"))).fetchall() == PURCHASES


def test_postgresql_folds_them_as_the_import_does(capsys) -> None:
    psycopg = pytest.importorskip("psycopg")
    from postgres_server import throwaway_server

    with throwaway_server("xl-retention-pg-h546-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE subscriptions (customer_id text, month date, mrr float8)")
        con.execute("CREATE TABLE orders (customer_id varchar(18), date timestamp, amount float8)")
        with con.cursor() as cur:
            cur.executemany("INSERT INTO subscriptions VALUES (%s, %s, %s)", SUBSCRIPTIONS)
            cur.executemany("INSERT INTO orders VALUES (%s, %s, %s)", ORDERS)
        assert con.execute(_MOVEMENTS.format(_sql(capsys, "postgres", "movements"))).fetchall() == MOVEMENTS
        assert con.execute(_PURCHASES.format(_sql(capsys, "postgres", "purchases"))).fetchall() == PURCHASES


@pytest.mark.parametrize(("dialect", "said"), [
    ("duckdb", "Salesforce's 18-character ids are their 15-character form where a customer_id column holds\n"
               "-- both forms of one id (0015g00000AbCdEAAV is 0015g00000AbCdE: one account, as xl-retention import"),
    ("snowflake", "a Salesforce\n-- id in one form: 0015g00000AbCdE, not 0015g00000AbCdEAAV beside it, which the "
                  "import reads as one)"),
])  # fmt: skip
def test_the_header_says_it(capsys, dialect: str, said: str) -> None:
    assert said in _sql(capsys, dialect, "movements")
