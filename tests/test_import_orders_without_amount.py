"""An orders file imported without an amount column: the purchase counts are written, and the report says that no
revenue is counted, naming the columns that may hold the amount (H92, a new user's Shopify export mapped with
``--columns customer_id=Email,date=Created at``: only purchases.csv and order_cohorts.csv, and no word why)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import status_and_output

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]


def test_no_revenue_is_said_naming_the_money_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "shop.csv"
    path.write_text(
        "Name,Email,Subtotal,Taxes,Total,Discount Amount,Created at\n"
        "#1001,ann@example.com,40.00,7.60,47.60,0.00,2026-01-05\n"
        "#1002,bob@example.com,15.00,2.85,17.85,0.00,2026-02-20\n"
    )
    out = tmp_path / "out"
    status, stdout, _ = status_and_output(
        capsys, "import", "--orders", path, "--columns", "customer_id=Email,date=Created at", "--to-csv", out
    )
    assert status == 0
    assert sorted(p.name for p in out.glob("*.csv")) == ["order_cohorts.csv", "purchases.csv"]
    assert (
        "shop.csv: no column 'amount', so no revenue is counted (the order revenue cohorts of --to-csv are not "
        "written; a tracker holds no order revenue): to count it, map the column of each order's amount ('Subtotal', "
        "'Total') with --columns amount=NAME"
    ) in stdout.splitlines()


def test_an_orders_file_with_an_amount_says_nothing_of_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount\nann,2026-01-05,47.60\nbob,2026-02-20,17.85\n")
    status, stdout, _ = status_and_output(capsys, "import", "--orders", path, "--to-csv", tmp_path / "out")
    assert status == 0 and "no column 'amount'" not in stdout
