"""``xl-retention sql --dialect sqlite`` printed SQL calling _IBIS_REGEX_SEARCH and _IBIS_REGEX_REPLACE, Python
functions Ibis registers on its own sqlite3 connection (H385's finding 01): SQLite itself, the sqlite3 shell or
Python's sqlite3, refused every table ("no such function"). SQLite is now written as MySQL's and SQL Server's SQL is,
without regular expressions; the printed SQL is run here in Python's sqlite3 on tables of a few rows."""

from __future__ import annotations

import sqlite3

import pytest

from xl_retention import cli

SUBS = [
    ("cus_1", "2026-01-01", 100.0, "usd"),
    ("cus_2", "2026-01-01", 50.0, "EUR"),
    ("cus_1", "2026-02-01", 120.0, "USD"),
    ("cus_3", "2026-02-01", 80.0, "EUR"),
    ("cus_1", "2026-03-01", 80.0, "USD"),
    ("cus_3", "2026-03-01", 80.0, "EUR"),
]
ORDERS = [("a", "2026-01-05 10:00:00", 10.0), ("b", "2026-01-09 10:00:00", 20.0), ("a", "2026-02-03 09:00:00", 5.0)]


@pytest.fixture(scope="module")
def con() -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE subscriptions(customer_id TEXT, month DATE, mrr REAL, currency TEXT)")
    con.executemany("INSERT INTO subscriptions VALUES (?, ?, ?, ?)", SUBS)
    con.execute("CREATE TABLE orders(customer_id TEXT, date TIMESTAMP, amount REAL)")
    con.executemany("INSERT INTO orders VALUES (?, ?, ?)", ORDERS)
    return con


def _rows(con: sqlite3.Connection, capsys: pytest.CaptureFixture[str], *args: str) -> list[tuple]:
    assert cli.main(["sql", "--dialect", "sqlite", *args]) == 0
    text = capsys.readouterr().out
    assert "_IBIS_" not in text
    cursor = con.execute(text.strip().rstrip(";"))
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_movements(con: sqlite3.Connection, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows(con, capsys, "--table", "movements")
    got = [(r["month"], r["customers_start"], r["new"], r["lost"], r["customers_end"], r["mrr_end"]) for r in rows]
    assert got == [
        ("2026-01-01", 0, 2, 0, 2, 150.0),
        ("2026-02-01", 2, 1, 1, 2, 200.0),
        ("2026-03-01", 2, 0, 0, 2, 160.0),
    ]
    assert [(r["expansion_mrr"], r["contraction_mrr"], r["churned_mrr"]) for r in rows] == [
        (0.0, 0.0, 0.0),
        (20.0, 0.0, 50.0),
        (0.0, 40.0, 0.0),
    ]


def test_movements_per_currency(con: sqlite3.Connection, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows(con, capsys, "--table", "movements", "--segment", "currency")  # 'usd' is USD, as import reads it
    got = {(r["segment"], r["month"]): (r["customers_end"], r["mrr_end"]) for r in rows}
    assert got == {
        ("EUR", "2026-01-01"): (1, 50.0),
        ("EUR", "2026-02-01"): (1, 80.0),
        ("EUR", "2026-03-01"): (1, 80.0),
        ("USD", "2026-01-01"): (1, 100.0),
        ("USD", "2026-02-01"): (1, 120.0),
        ("USD", "2026-03-01"): (1, 80.0),
    }


def test_purchases(con: sqlite3.Connection, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows(con, capsys, "--table", "purchases")
    assert [(r["month"], r["buyers"], r["returning"]) for r in rows] == [("2026-01-01", 2, 0), ("2026-02-01", 1, 1)]
