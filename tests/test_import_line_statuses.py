"""An order whose lines carry their own status (Amazon's All Orders Report ``item-status``, a line-item export's
``item_status``): one cancelled, refunded, pending or voided line dropped the WHOLE order (its buyer and the paid
lines lost: Feb 1 buyer for 2, Jan cohort's Feb revenue 0 for 100) and a returned line counted in full, exit 0.
Now the unpaid line's amount is left out and the order kept where another line was paid; a line refunded in part
is refused naming the column.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

AMAZON = (
    "amazon-order-id\tpurchase-date\torder-status\tsku\titem-status\tquantity\titem-price\tbuyer-email\n"
    "111-1\t2024-01-05T10:00:00+00:00\tShipped\tW1\tShipped\t1\t100.00\ta@m.com\n"
    "111-2\t2024-01-10T10:00:00+00:00\tShipped\tW1\tShipped\t1\t50.00\tb@m.com\n"
    "111-3\t2024-02-05T10:00:00+00:00\tShipped\tW1\tShipped\t1\t100.00\ta@m.com\n"
    "111-3\t2024-02-05T10:00:00+00:00\tShipped\tG1\tCancelled\t0\t0.00\ta@m.com\n"
    "111-4\t2024-02-12T10:00:00+00:00\tShipped\tW1\tShipped\t1\t70.00\tc@m.com\n"
)


def lines(status: str, last: str = "shipped") -> str:
    return (
        "order_id,customer_id,date,amount,item_status\n1,a,2024-01-05,100,shipped\n2,b,2024-01-10,50,shipped\n"
        f"3,a,2024-02-05,100,shipped\n3,a,2024-02-05,40,{status}\n4,c,2024-02-12,70,{last}\n"
    )


def figures(out: Path) -> tuple[list, list]:
    """Buyers a month and the Jan cohort's revenue by month."""
    purchases = pd.read_csv(out / "purchases.csv")
    cohorts = pd.read_csv(out / "order_revenue_cohorts.csv")
    return purchases.iloc[:, 1].tolist(), cohorts.iloc[0, 1:].tolist()


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_amazon_order_with_one_cancelled_item_keeps_its_shipped_items(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "all_orders.txt"
    path.write_text(AMAZON)
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=buyer-email,date=purchase-date,amount=item-price",
              backend=backend)  # fmt: skip
    assert figures(out) == ([2, 2], [150.0, 100.0])


@pytest.mark.parametrize("status", ["cancelled", "refunded", "pending", "voided", "returned"])
def test_an_unpaid_line_is_left_out_of_its_order(tmp_path: Path, status: str) -> None:
    path = tmp_path / "lines.csv"
    path.write_text(lines(status))
    assert figures(run(tmp_path, "--orders", path)) == ([2, 2], [150.0, 100.0])


def test_an_order_whose_every_line_is_unpaid_is_no_purchase(tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    path.write_text(
        lines("cancelled", last="cancelled").replace("3,a,2024-02-05,100,shipped", "3,a,2024-02-05,100,voided")
    )
    assert figures(run(tmp_path, "--orders", path)) == ([2, 0], [150.0, 0.0])  # February: 0 buyers (H272)


def test_a_line_refunded_in_part_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "lines.csv"
    path.write_text(lines("partially refunded"))
    message = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))
    assert message.startswith("lines.csv, column 'item_status': lines refunded in part") and "row 5" in message
