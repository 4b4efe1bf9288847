"""`xl-retention sql` cohort tables: a month in which no customer joined (of the data, or of one segment) had no
cohort row, where ``xl-retention import`` writes that month's cohort, 0 in each of its observed cells
(``2026-03,0,,``; per segment ``ent,2026-01,0,0,0``): pivoted, the SQL's triangle lacked the row, and its header says
a cell without a row is "not observed yet". Each month shown is now a cohort, of each segment, as in the import."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

#: a from January (pro); c from February (ent); nobody new in March
SUBS = "customer_id,month,mrr,plan\na,2026-01,10,pro\na,2026-02,10,pro\nc,2026-02,10,ent\na,2026-03,10,pro\n" + (
    "c,2026-03,10,ent\n"
)
#: the import's customer_cohorts.csv of SUBS with --segment plan
SUBS_RIGHT = [["ent", "2026-01", 0, 0, 0], ["ent", "2026-02", 1, 1, None], ["ent", "2026-03", 0, None, None],
              ["pro", "2026-01", 1, 1, 1], ["pro", "2026-02", 0, 0, None],
              ["pro", "2026-03", 0, None, None]]  # fmt: skip
#: a from January (web), c from February (shop), b in March (web)
ORDERS = "customer_id,date,amount,ch\na,2026-01-05,10,web\nb,2026-03-05,10,web\nc,2026-02-02,5,shop\n" + (
    "c,2026-03-02,5,shop\n"
)
#: the import's order_cohorts.csv of ORDERS with --segment ch
ORDERS_RIGHT = [["shop", "2026-01", 0, 0, 0], ["shop", "2026-02", 1, 1, None], ["shop", "2026-03", 0, None, None],
                ["web", "2026-01", 1, 0, 0], ["web", "2026-02", 0, 0, None],
                ["web", "2026-03", 1, None, None]]  # fmt: skip


def _imported(tmp_path: Path, flag: str, text: str, column: str, table: str) -> list[list]:
    (tmp_path / "in.csv").write_text(text)
    out = tmp_path / "out"
    assert cli.main(["import", flag, str(tmp_path / "in.csv"), "--segment", column, "--to-csv", str(out)]) == 0
    frame = pd.read_csv(out / f"{table}.csv").astype(object)
    return frame.where(frame.notna(), None).values.tolist()


def _pivoted(rows: pd.DataFrame) -> list[list]:
    rows = rows.assign(cohort=pd.to_datetime(rows.cohort).dt.strftime("%Y-%m"))
    wide = rows.pivot_table(index=["segment", "cohort"], columns="months_since", values="customers", aggfunc="sum")
    wide = wide.astype(object)
    return [
        [*key, *(None if pd.isna(v) else int(v) for v in values)]
        for key, values in zip(wide.index, wide.values, strict=True)
    ]


def _sql(capsys, table: str, column: str, dialect: str = "duckdb") -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", table, "--segment", column]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _duckdb(text: str, name: str, date: str) -> duckdb.DuckDBPyConnection:
    import io

    db = duckdb.connect()
    frame = pd.read_csv(io.StringIO(text))
    frame[date] = pd.to_datetime(frame[date])
    if date == "month":
        frame[date] = frame[date].dt.date
    db.register(name, frame)
    return db


def test_months_without_a_new_customer_are_cohorts_of_0(tmp_path, capsys) -> None:
    assert _imported(tmp_path, "--subscriptions", SUBS, "plan", "customer_cohorts") == SUBS_RIGHT
    got = _duckdb(SUBS, "subscriptions", "month").sql(_sql(capsys, "subscription_cohorts", "plan")).df()
    assert _pivoted(got) == SUBS_RIGHT
    (tmp_path / "o").mkdir()
    assert _imported(tmp_path / "o", "--orders", ORDERS, "ch", "order_cohorts") == ORDERS_RIGHT
    got = _duckdb(ORDERS, "orders", "date").sql(_sql(capsys, "order_cohorts", "ch")).df()
    assert _pivoted(got) == ORDERS_RIGHT


def test_postgresql_gives_the_same_rows(capsys) -> None:
    import psycopg
    from postgres_server import throwaway_server

    query = _sql(capsys, "subscription_cohorts", "plan", "postgres")
    rows = [line.split(",") for line in SUBS.splitlines()[1:]]
    with throwaway_server("xl-retention-pg-h104-cohorts-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE subscriptions (customer_id text, month date, mrr float8, plan text)")
        with con.cursor() as cur:
            cur.executemany(
                "INSERT INTO subscriptions VALUES (%s, %s, %s, %s)", [(c, m + "-01", v, p) for c, m, v, p in rows]
            )
        got = pd.DataFrame(
            con.execute(query).fetchall(),
            columns=["segment", "cohort", "months_since", "customers", "revenue", "survivors"],
        )
    assert _pivoted(got) == SUBS_RIGHT
