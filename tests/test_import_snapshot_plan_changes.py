"""A snapshots export that writes a plan change as two rows of one subscription in its month (the old plan's row and
the new plan's, the same ``subscription_id``) was read as the subscription's items, their MRRs added up: February's
MRR 150 + 50 for a customer on Basic 50 in January and Pro 100 from February, an expansion of 100 then a contraction
of 50, with a note saying items. The month between two months of the subscription whose rows name an item of the
month before (gone the month after) and a new one (kept the month after) is a plan changed within the month: its MRR
is the new plan's alone, as an intervals file's plan change within a month counts the new plan alone (docs/metrics.md),
said in a note naming the rows; a plan and its seats, an add-on added or removed, stay items whose MRRs add up.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

BACKENDS = ["pandas", "duckdb"]
CHANGED = (
    "customer_id,subscription_id,month,plan,mrr\n"
    "A,s1,2024-01,Basic,50\nA,s1,2024-02,Basic,50\nA,s1,2024-02,Pro,100\nA,s1,2024-03,Pro,100\n"
    "B,s2,2024-01,Team,200\nB,s2,2024-02,Team,200\nB,s2,2024-02,Seats,30\nB,s2,2024-03,Team,200\n"
    "B,s2,2024-03,Seats,30\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_plan_changed_within_a_month_is_the_new_plan(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "mrr.csv"
    path.write_text(CHANGED)
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, backend=backend) / "movements.csv")
    # A: 50, then Pro 100 from February (not 150); B: Team 200, its seats 30 from February (items, added up)
    assert moves[["month", "mrr_end", "expansion_mrr", "contraction_mrr"]].values.tolist() == [
        ["2024-01", 250.0, 0.0, 0.0], ["2024-02", 330.0, 80.0, 0.0], ["2024-03", 330.0, 0.0, 0.0],
    ]  # fmt: skip
    err = "".join(capsys.readouterr())  # the notes, one line each
    assert (
        "mrr.csv, column 'subscription_id': a subscription's rows of one month naming its item of the month before "
        "(gone the month after) and a new one (kept the month after): a plan changed within the month, its MRR the "
        "new plan's alone (as a plan change within a month of an intervals file; if both were billed that month, "
        "give them two subscription ids) in rows 3, 4 (counting the header as row 1): 's1', 's1'"
    ) in err
    assert (
        "read as that subscription's items, their MRRs added up (if they are one subscription in two exports, " in err
    )
    assert "in rows 7, 8, 9, 10 (counting the header as row 1): 's2', 's2', 's2', 's2'" in err


@pytest.mark.parametrize(
    "rows, mrr",
    [  # an add-on removed (Pro and Seats, then Pro alone); added in the subscription's last month: items
        ("A,s1,2024-01,Pro,100\nA,s1,2024-01,Seats,30\nA,s1,2024-02,Pro,100\nA,s1,2024-02,Seats,30\n"
         "A,s1,2024-03,Pro,100\n", [130.0, 130.0, 100.0]),
        ("A,s1,2024-01,Basic,50\nA,s1,2024-02,Basic,50\nA,s1,2024-03,Basic,50\nA,s1,2024-03,Pro,100\n",
         [50.0, 50.0, 150.0]),
    ],
)  # fmt: skip
def test_items_that_come_or_go_add_up(tmp_path: Path, rows: str, mrr: list[float]) -> None:
    path = tmp_path / "mrr.csv"
    path.write_text("customer_id,subscription_id,month,plan,mrr\n" + rows)
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path) / "movements.csv")
    assert moves["mrr_end"].tolist() == mrr
