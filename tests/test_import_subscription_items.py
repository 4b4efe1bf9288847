"""A subscription's items on rows of their own that share its id (a plan and its seats): read as items, their MRRs
added up, where the rows are next to each other and name other items; refused where they may be one subscription in
two exports (reading.subscription_items; docs/metrics.md, One record once)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

HEADER = "id,Customer ID,Plan,Quantity,Amount,Interval,Status,Start (UTC),Ended At (UTC)\n"
PRO = "sub_1,cus_1,Pro,1,99.00,month,active,2026-01-05 10:00,\n"
SEATS = "sub_1,cus_1,Extra seats,3,10.00,month,active,2026-01-05 10:00,\n"
YEARLY = "sub_1,cus_1,Support,1,120.00,year,active,2026-01-05 10:00,\n"
OTHER = "sub_2,cus_2,Basic,1,29.00,month,active,2026-02-05 10:00,\n"
COLUMNS = ("--columns", "start=Start (UTC),end=Ended At (UTC)")


def _file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "subs.csv"
    path.write_text(HEADER + "".join(rows))
    return path


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_items_next_to_each_other_add_up(tmp_path: Path, capsys, backend: str) -> None:
    # was refused ('one subscription's items ... or one subscription in two exports?'): Pro 99 + 3 seats x 10 +
    # a yearly support of 120 (10 a month) = 139
    out = run(tmp_path, "--subscriptions", _file(tmp_path, PRO, SEATS, YEARLY, OTHER), *COLUMNS, backend=backend)
    moves = pd.read_csv(out / "movements.csv")
    assert moves[["month", "customers_end", "mrr_end"]].values.tolist() == [["2026-01", 1, 139.0],
                                                                            ["2026-02", 2, 168.0]]  # fmt: skip
    assert (
        "subs.csv, column 'id': a subscription's id on rows next to each other of one period (its start and end, or "
        "its month) naming other items (a plan, its seats or add-ons): read as that subscription's items, their MRRs "
        "added up (if they are one subscription in two exports, keep the row of the latest export) in rows 2, 3, 4 "
        "(counting the header as row 1): 'sub_1', 'sub_1', 'sub_1'"
    ) in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(
    "rows",
    [
        (PRO, OTHER, SEATS),  # apart: maybe two exports appended
        (PRO, PRO.replace(",1,99.00,", ",3,99.00,")),  # one item, another quantity: a change between exports
        (PRO, SEATS.replace("active", "canceled")),  # a status differs: two states of one subscription
    ],
    ids=["apart", "quantity", "status"],
)
def test_rows_that_may_be_two_exports_stay_refused(tmp_path: Path, capsys, rows: tuple[str, ...]) -> None:
    err = refusal(capsys, "--subscriptions", str(_file(tmp_path, *rows)), *COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert err.startswith("subs.csv, column 'id': rows with the id, start and end of an earlier row and other values")


SNAPSHOTS = (
    "customer_id,subscription_id,month,mrr,plan\na,s1,2026-01,99,Pro\na,s1,2026-01,30,Extra seats\n"
    "a,s1,2026-02,99,Pro\na,s1,2026-02,30,Extra seats\nb,s2,2026-01,29,Basic\nb,s2,2026-02,29,Basic\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_snapshots_items_of_a_month_add_up(tmp_path: Path, backend: str) -> None:
    # was refused ('the same record in two exports'); a's months are Pro 99 + 30 of seats
    path = tmp_path / "snapshots.csv"
    path.write_text(SNAPSHOTS)
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, backend=backend) / "movements.csv")
    assert moves[["month", "customers_end", "mrr_end"]].values.tolist() == [["2026-01", 2, 158.0],
                                                                            ["2026-02", 2, 158.0]]  # fmt: skip


def test_a_snapshots_rows_apart_stay_refused(tmp_path: Path, capsys) -> None:
    lines = SNAPSHOTS.splitlines(keepends=True)
    path = tmp_path / "snapshots.csv"
    path.write_text("".join([lines[0], lines[1], lines[5], lines[2], lines[3], lines[4], lines[6]]))
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert err.startswith(
        "snapshots.csv, column 'subscription_id': rows with the id of an earlier row and other values"
    )
