"""A row whose own status says refunded is a refund of ANOTHER row only where it names a sale's own row (H82 findings
02, 04; reading.sale_refunds.told_refunds).

bf5bdac read a chargeback or refund written as a row of its own (Paddle's adj_01 naming transaction_id txn_02) as the
refund of its sale. It took any row with an id of its own for such a row: a duplicate charge ch_2 refunded by its own
status was taken off its order's other charge ch_1 (January revenue 50 for 150, exit 0), an order's refunded line off
its other line (20 for 60). Now the sale must be the row whose own id is the sale id (txn_02 of transaction_id
txn_02); otherwise the rows of one order are read as before bf5bdac (refused naming them).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]


def test_a_charge_refunded_by_its_own_status_is_not_taken_off_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "charges.csv"
    rows = [
        "ch_1,2024-01-05 10:00,100.00,succeeded,cus_a,1001",
        "ch_2,2024-01-05 10:03,100.00,refunded,cus_a,1001",
        "ch_3,2024-01-06 11:00,50.00,succeeded,cus_b,1002",
        "ch_4,2024-02-06 11:00,30.00,succeeded,cus_a,1003",
    ]
    path.write_text("id,created,amount,status,customer_id,order_id\n" + "\n".join(rows) + "\n")
    err = refusal(capsys, "--orders", str(path), "--columns", "date=created", "--to-csv", str(tmp_path / "o"))
    assert err == (
        "charges.csv, column 'created': rows of one order (order_id '1001') with another date than its first row in "
        "row 3 (counting the header as row 1): '2024-01-05 10:03'"
    )


def test_a_refunded_line_of_an_order_is_not_taken_off_its_other_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "items.csv"
    path.write_text("id,order_id,customer_id,date,sku,amount,status\nL1,1001,a,2024-01-05,WIDGET,60,completed\n"
                    "L2,1001,a,2024-01-05,GADGET,40,refunded\nL3,1002,b,2024-01-06,WIDGET,50,completed\n")  # fmt: skip
    err = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))
    assert err.startswith("items.csv, column 'status': rows of one order ('1001') with 2 statuses")


def test_an_adjustment_row_naming_its_sales_own_row_is_still_its_refund(tmp_path: Path) -> None:
    path = tmp_path / "paddle.csv"
    rows = [
        "txn_01,txn_01,ctm_a,2024-01-05,50.00,USD,completed",
        "txn_02,txn_02,ctm_b,2024-01-06,40.00,USD,completed",
        "adj_01,txn_02,ctm_b,2024-01-20,40.00,USD,chargeback",
        "txn_03,txn_03,ctm_a,2024-02-08,25.00,USD,completed",
    ]
    path.write_text("id,transaction_id,customer_id,created_at,total,currency_code,status\n" + "\n".join(rows) + "\n")
    out = run(tmp_path, "--orders", path, "--columns", "date=created_at,amount=total")
    assert pd.read_csv(out / "purchases.csv")["buyers"].tolist() == [1, 1]  # ctm_b's sale charged back: no buyer
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist()[:1] == [50.0]
