"""Two of a file's rules were missing on an engine's table (H191's requests): import duties inside an order's total
(reading.duties) counted as revenue where nothing else made the table read as a file's (no order id: January 165.0
for 140.0), and a table's subscriptions on hold or paused were refused as 'to be removed' (which loses the months
they paid) where a file's are told to end them (reading.held_statuses)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

duckdb = pytest.importorskip("duckdb")
pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]


def _database(path: Path, *statements: str) -> str:
    con = duckdb.connect(str(path))
    for statement in statements:
        con.execute(statement)
    con.close()
    return str(path)


def test_duties_inside_a_tables_total_are_taken_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = _database(
        tmp_path / "shop.duckdb",
        "create table orders(customer_id varchar, date date, Total double, Duties double)",
        "insert into orders values ('a', '2026-01-05', 125, 25), ('b', '2026-01-20', 40, 0)",
    )
    args = ["import", "--orders", "table:orders", "--columns", "amount=Total", "--backend", "duckdb"]
    assert cli.main([*args, "--connection", database, "--to-csv", str(tmp_path / "o")]) == 0
    revenue = pd.read_csv(tmp_path / "o" / "order_revenue_cohorts.csv", dtype={"cohort": str})
    assert revenue.to_dict("list") == {"cohort": ["2026-01"], "0": [140.0]}  # 100 + 40: the 25 paid to customs
    assert (
        "table:orders: 'Total' includes the import duties in 'Duties' (its name says a total): taken off, a duty is a "
        "tax paid to customs, not revenue"
    ) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("status", "said"),
    [
        (
            "on_hold",
            "subscriptions on hold, a renewal not paid (they pay nothing since, and paid the periods before it: "
            "removing them would lose those months) in 1 row, e.g. customer_id 'b', status 'on_hold': give each such "
            "row its end the day it stopped paying (the renewal it missed) and a status that says it ended "
            "(cancelled); remove a row only where it never paid",
        ),
        (
            "paused",
            "subscriptions paused, which paid until they paused and pay nothing while paused (removing them would "
            "lose the months they paid): give each such row its end the day it paused (its pause date) and a status "
            "that says it ended (cancelled), and a row of its own from the day it resumed in 1 row, e.g. customer_id "
            "'b', status 'paused'",
        ),
    ],
)
def test_a_tables_held_subscriptions_are_told_to_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], status: str, said: str
) -> None:
    database = _database(
        tmp_path / "subs.duckdb",
        'create table subs(customer_id varchar, start date, "end" date, mrr double, status varchar)',
        f"insert into subs values ('a', '2026-01-05', null, 50, 'active'), ('b', '2026-02-10', null, 30, '{status}')",
    )
    args = ["import", "--subscriptions", "table:subs", "--backend", "duckdb", "--connection", database]
    assert cli.main([*args, "--to-csv", str(tmp_path / "o")]) == 1
    assert capsys.readouterr().err.strip() == f"xl-retention: error: table:subs, column 'status': {said}"
