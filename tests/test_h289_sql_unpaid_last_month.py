"""`xl-retention sql` runs the months to an orders table's latest row, a refund's too, as `xl-retention import` does
(fa9357f3's rule, reading.covered_months): a last month whose rows are all refunds (an order refunded in full,
cancelled or unpaid, netted to a refund row as the SQL's header says) is written with 0 buyers, its rates blank. The
SQL's purchases and order cohorts ended with the last paid order's month (2026-10) where the import of the same rows
writes 2026-11 with 0 buyers and a note; its header now says so. Same rows through the import and through the SQL on
DuckDB and on PostgreSQL (a server the test starts): identical tables."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

#: the last month holds a refund row only
REFUND_ROW = "customer_id,date,amount\nann,2026-09-03,9.99\nbob,2026-10-03,9.99\nbob,2026-11-04,-9.99\n"
#: an export with an order id and a status: 1003 refunded in full in 2026-11 ...
STATUS = (
    "order_id,customer_id,date,amount,status\n"
    "1001,ann,2026-09-03,9.99,paid\n"
    "1002,bob,2026-10-03,9.99,paid\n"
    "1003,ann,2026-11-03,9.99,refunded\n"
)
#: ... netted one row per order as the SQL's header says: an order refunded in full as one refund row, amount -1
NETTED = "customer_id,date,amount\nann,2026-09-03,9.99\nbob,2026-10-03,9.99\nann,2026-11-03,-1\n"
#: two months after the last paid one: 2026-10 without rows, 2026-11 a refund row only
TWO_MONTHS = "customer_id,date,amount\nann,2026-08-03,9.99\nbob,2026-09-03,9.99\nbob,2026-11-04,-9.99\n"

PURCHASES = [["2026-09", 1, 0, 0], ["2026-10", 1, 0, 0], ["2026-11", 0, 0, 0]]
CUSTOMERS = [["2026-09", 1, 0, 0], ["2026-10", 1, 0, None], ["2026-11", 0, None, None]]
REVENUE = [["2026-09", 9.99, 0.0, 0.0], ["2026-10", 9.99, 0.0, None], ["2026-11", 0.0, None, None]]
TWO_PURCHASES = [["2026-08", 1, 0, 0], ["2026-09", 1, 0, 0], ["2026-10", 0, 0, 0], ["2026-11", 0, 0, 0]]
TWO_CUSTOMERS = [["2026-08", 1, 0, 0, 0], ["2026-09", 1, 0, 0, None], ["2026-10", 0, 0, None, None],
                 ["2026-11", 0, None, None, None]]  # fmt: skip


def _rows(frame: pd.DataFrame) -> list[list]:
    frame = frame.astype(object)
    return frame.where(frame.notna(), None).values.tolist()


def _imported(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, list], str]:
    (tmp_path / "orders.csv").write_text(text)
    out = tmp_path / "out"
    capsys.readouterr()
    assert cli.main(["import", "--orders", str(tmp_path / "orders.csv"), "--to-csv", str(out)]) == 0
    said = capsys.readouterr().out
    bought = pd.read_csv(out / "purchases.csv")[["month", "buyers", "repeat_purchasers", "returning"]]
    tables = {
        "purchases": _rows(bought),
        "customers": _rows(pd.read_csv(out / "order_cohorts.csv")),
        "revenue": _rows(pd.read_csv(out / "order_revenue_cohorts.csv")),
    }
    return tables, said


def _sql(capsys: pytest.CaptureFixture[str], table: str, dialect: str) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", table]) == 0
    return capsys.readouterr().out


def _tables(bought: pd.DataFrame, cells: pd.DataFrame) -> dict[str, list]:
    """The SQL's purchases and order cohorts (long form) as the import writes them (cohorts pivoted)."""
    bought = bought.assign(month=pd.to_datetime(bought.month).dt.strftime("%Y-%m"))
    bought = bought[["month", "buyers", "repeat_purchasers", "returning"]].astype({"repeat_purchasers": int})
    cells = cells.assign(cohort=pd.to_datetime(cells.cohort).dt.strftime("%Y-%m"))
    out = {"purchases": _rows(bought.astype({"returning": int}))}
    for name, value in (("customers", "customers"), ("revenue", "revenue")):
        wide = cells.pivot_table(index="cohort", columns="months_since", values=value, aggfunc="sum", dropna=False)
        wide = wide.reindex(columns=range(len(wide)))
        rows = [
            [cohort, *(None if pd.isna(v) else v for v in values)]
            for cohort, values in zip(wide.index, wide.values.tolist(), strict=True)
        ]
        if value == "customers":
            rows = [[r[0], *(None if v is None else int(v) for v in r[1:])] for r in rows]
        out[name] = rows
    return out


def _on_duckdb(text: str, capsys: pytest.CaptureFixture[str]) -> dict[str, list]:
    db = duckdb.connect()
    frame = pd.read_csv(io.StringIO(text))
    frame["date"] = pd.to_datetime(frame["date"])
    db.register("orders", frame)
    bought = db.sql(_sql(capsys, "purchases", "duckdb").rstrip().rstrip(";")).df()
    cells = db.sql(_sql(capsys, "order_cohorts", "duckdb").rstrip().rstrip(";")).df()
    return _tables(bought, cells)


@pytest.mark.parametrize(
    ("imported", "queried"), [(REFUND_ROW, REFUND_ROW), (STATUS, NETTED)], ids=["refund_row", "status_netted"]
)
def test_the_sql_on_duckdb_writes_the_last_month_as_the_import(tmp_path, capsys, imported, queried) -> None:
    tables, said = _imported(tmp_path, imported, capsys)
    assert tables == {"purchases": PURCHASES, "customers": CUSTOMERS, "revenue": REVENUE}
    assert "none of the orders of 2026-11 was paid" in said
    assert _on_duckdb(queried, capsys) == tables


def test_months_between_the_last_paid_and_a_refund_row_are_zero_buyers(tmp_path, capsys) -> None:
    tables, said = _imported(tmp_path, TWO_MONTHS, capsys)
    assert tables["purchases"] == TWO_PURCHASES and tables["customers"] == TWO_CUSTOMERS
    assert "no order from 2026-10 to 2026-11 was paid" in said
    got = _on_duckdb(TWO_MONTHS, capsys)
    assert got["purchases"] == TWO_PURCHASES and got["customers"] == TWO_CUSTOMERS
    assert got == tables


def test_postgresql_gives_the_same_tables(tmp_path, capsys) -> None:
    import psycopg
    from postgres_server import throwaway_server

    tables, _ = _imported(tmp_path, REFUND_ROW, capsys)
    purchases, cohorts = _sql(capsys, "purchases", "postgres"), _sql(capsys, "order_cohorts", "postgres")
    rows = [line.split(",") for line in REFUND_ROW.splitlines()[1:]]
    with throwaway_server("xl-retention-pg-h289-unpaid-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute('CREATE TABLE orders (customer_id text, "date" timestamp, amount float8)')
        with con.cursor() as cur:
            cur.executemany("INSERT INTO orders VALUES (%s, %s, %s)", [(c, d, float(a)) for c, d, a in rows])
        bought = pd.DataFrame(con.execute(purchases.rstrip().rstrip(";")).fetchall(),
                              columns=["month", "buyers", "repeat_purchasers", "returning"])  # fmt: skip
        cells = pd.DataFrame(con.execute(cohorts.rstrip().rstrip(";")).fetchall(),
                             columns=["cohort", "months_since", "customers", "revenue"])  # fmt: skip
    assert _tables(bought, cells) == tables == {"purchases": PURCHASES, "customers": CUSTOMERS, "revenue": REVENUE}


def test_the_header_says_so(capsys) -> None:
    header = " ".join(line.lstrip("- ") for line in _sql(capsys, "purchases", "duckdb").splitlines())
    assert "an order refunded in full, cancelled or unpaid kept as one refund row, amount -1" in header
    assert "a last month of refunds only is written with 0 buyers (its rates blank), as the import writes" in header
