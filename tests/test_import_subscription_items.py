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
        "subs.csv, column 'id': a subscription's id with one start and end on rows next to each other naming other "
        "items (a plan, its seats or add-ons): read as that subscription's items, their MRRs added up (if they are one "
        "subscription in two exports, keep the row of the latest export) in rows 2, 3, 4 (counting the header as row "
        "1): 'sub_1', 'sub_1', 'sub_1'"
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
