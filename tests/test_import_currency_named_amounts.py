"""An amount column whose name states its currency (Lemon Squeezy's ``total_usd`` beside ``total`` in each buyer's
currency, "Amount (EUR)"): the file's currency column is the other amounts', so ``amount=total_usd`` imports, and the
refusal of ``total`` in three currencies names ``total_usd`` as the way out (H26 finding 13)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

from xl_retention.reading.currency import named_code

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
ORDERS = (
    "identifier,order_number,user_email,status,currency,subtotal,total,subtotal_usd,total_usd,created_at\n"
    "a1,1,a@x.com,paid,USD,1000,1000,1000,1000,2024-01-05\n"
    "a2,2,b@x.com,paid,EUR,900,900,980,980,2024-01-10\n"
    "a3,3,a@x.com,paid,USD,1000,1000,1000,1000,2024-02-05\n"
    "a4,4,c@x.com,paid,GBP,800,800,1010,1010,2024-02-12\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_amount_in_usd_by_its_name_imports(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS)
    columns = "customer_id=user_email,date=created_at,amount=total_usd"
    revenue = pd.read_csv(run(tmp_path, "--orders", path, "--columns", columns, backend=backend)
                          / "order_revenue_cohorts.csv").fillna(-1)  # fmt: skip
    assert revenue.values.tolist() == [["2024-01", 1980.0, 1000.0], ["2024-02", 1010.0, -1]]


def test_the_refusal_of_the_buyers_currencies_names_the_usd_column(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS)
    message = refusal(capsys, "--orders", str(path), "--columns", "customer_id=user_email,date=created_at,amount=total",
                      "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith("orders.csv, column 'currency': 3 currencies (USD, EUR, GBP)")
    assert "; 'total_usd' holds the amounts in one currency (USD, by its name): import it with --columns " in message


def test_an_amount_without_a_code_in_its_name_is_still_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS.replace("total_usd", "total_converted"))
    message = refusal(capsys, "--orders", str(path), "--columns", "customer_id=user_email,date=created_at,"
                      "amount=total_converted", "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith("orders.csv, column 'currency': 3 currencies (USD, EUR, GBP)")


def test_the_code_a_name_states() -> None:
    assert [named_code(n) for n in ("total_usd", "Amount (EUR)", "USD Total", "total", "usd_to_eur", "all_total")] == [
        "USD", "EUR", "USD", None, None, None]  # fmt: skip
