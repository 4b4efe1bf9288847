"""An amount named as including tax in other words ('Total (inc tax)', the README's own BigCommerce spelling, 'Total
(inc GST)', 'Total with tax', 'Amount after tax', 'Total c/ IVA', Japanese '税込金額') with no tax column was read as
net revenue: January 165.00, tax included, exit 0 (H200 finding 09). Refused as 'Amount (incl. VAT)' is
(reading.tax_flags); 'Total' and 'Amount (ex tax)' are still read."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

ROWS = "a@x.com,2026-01-05,1001,110.00\nb@x.com,2026-01-06,1002,55.00\na@x.com,2026-02-07,1007,33.00\n"


def _write(path: Path, name: str) -> Path:
    path.write_text(f'Customer,Date,Order ID,"{name}"\n{ROWS}', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "name", ["Total (inc tax)", "Total (inc GST)", "Total with tax", "Amount after tax", "Total c/ IVA", "税込金額"]
)
def test_an_amount_named_with_tax_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    path = _write(tmp_path / "orders.csv", name)
    columns = f"customer_id=Customer,order_id=Order ID,amount={name}"
    assert refusal(capsys, "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")) == (
        f"orders.csv: {name!r} says by its name that it includes tax and no column holds the tax; revenue is net of "
        "tax: give the amounts before tax (--columns amount=NAME), or a column of the tax beside them"
    )


@pytest.mark.parametrize("name", ["Total", "Amount (ex tax)", "Total Inc"])
def test_other_amounts_are_read(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path / "orders.csv", name)
    out = run(tmp_path, "--orders", path, "--columns", f"customer_id=Customer,order_id=Order ID,amount={name}")
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1] == "2026-01,165.0,33.0"
