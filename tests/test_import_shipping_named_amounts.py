"""An order amount named as including shipping ('Total (incl. shipping)', 'Total with shipping', 'Gesamt inkl.
Versandkosten', 'Total frais de port inclus', 'Amount incl. P&P') with no shipping column was counted as revenue,
shipping and all (January 165.00), exit 0 (H200 finding 10). Revenue is net of shipping (docs/metrics.md): refused
as an amount named with tax is (reading.order_shipping); 'Total' is still read."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

ROWS = "a@x.com,2026-01-05,1001,110.00\nb@x.com,2026-01-06,1002,55.00\na@x.com,2026-02-07,1007,33.00\n"


def _write(path: Path, name: str) -> Path:
    path.write_text(f'Customer,Date,Order ID,"{name}"\n{ROWS}', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "name",
    ["Total (incl. shipping)", "Total with shipping", "Gesamt inkl. Versandkosten", "Total frais de port inclus",
     "Amount incl. P&P"],
)  # fmt: skip
def test_an_amount_named_with_shipping_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture, name: str) -> None:
    path = _write(tmp_path / "orders.csv", name)
    columns = f"customer_id=Customer,order_id=Order ID,amount={name}"
    assert refusal(capsys, "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")) == (
        f"orders.csv: {name!r} says by its name that it includes the shipping and no column holds the shipping; "
        "revenue is net of shipping: give the amounts without it (--columns amount=NAME), or a column of the "
        "shipping beside them"
    )


def test_a_total_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path / "orders.csv", "Total")
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Customer,order_id=Order ID,amount=Total")
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1] == "2026-01,165.0,33.0"
