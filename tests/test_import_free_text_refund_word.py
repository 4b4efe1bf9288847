"""A free-text column saying 'refund' on one order ('Notes', 'Comment', 'Tags') was read as a row-type column since
7148223 (meant for Paddle's ``action`` column, blank on its sales): the order was dropped as a refund, exit 0, no note
(H71 finding 04). Only a column whose name says a row's type is read so; Paddle's ``action`` still is.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run


@pytest.mark.parametrize("column", ["Notes", "Comment", "Tags"])
def test_a_notes_column_saying_refund_leaves_the_order_counted(tmp_path: Path, column: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(f"order_id,customer_id,date,amount,{column}\n1001,c1,2024-01-05,100,\n1002,c2,2024-01-06,50,\n"
                    "1003,c1,2024-02-05,80,refund\n1004,c3,2024-02-06,60,\n")  # fmt: skip
    purchases = pd.read_csv(run(tmp_path, "--orders", path) / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 2, 1]]


def test_an_action_column_blank_on_sales_is_still_a_type_column(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("order_id,customer_id,date,amount,action\n1001,c1,2024-01-05,100,\n1002,c2,2024-01-06,50,\n"
                    "1002,c2,2024-01-20,50,refund\n1004,c3,2024-02-06,60,\n")  # fmt: skip
    purchases = pd.read_csv(run(tmp_path, "--orders", path) / "purchases.csv")
    assert purchases[["month", "buyers"]].values.tolist() == [["2024-01", 1], ["2024-02", 1]]
