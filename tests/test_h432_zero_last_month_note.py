"""A last month whose only orders are 0.00 (new trials' $0 invoices, the usual end of a Stripe invoices export) was
noted "none of the orders of 2025-03 was paid (refunded in full, cancelled or unpaid; or refunds)" -- untrue: they were
paid orders of 0.00, left out by the note just before (H426's finding F10). The note says so, on pandas and duckdb.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli

ORDERS = (
    "customer_id,date,amount,order_id\n"
    "a,2025-01-05,49.00,o1\nb,2025-01-09,0.00,o2\na,2025-02-05,49.00,o3\nb,2025-02-09,49.00,o4\n"
    "c,2025-03-02,0.00,o5\nd,2025-03-12,0.00,o6\n"
)
NOTE = (
    "orders.csv: none of the orders of 2025-03 collected money (its paid orders were of amount 0.00, left out above; "
    "any others refunded in full, cancelled or unpaid; or refunds): 2025-03 is written with 0 buyers (its rates "
    "blank), not left out as a month after the export's end"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_last_month_of_zero_orders_is_noted_as_such(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS)
    out = tmp_path / "out"
    capsys.readouterr()
    assert (
        cli.main(["import", "--orders", str(path), "--through", "2025-03", "--backend", backend, "--to-csv", str(out)])
        == 0
    )
    said = capsys.readouterr().out
    assert NOTE in said.splitlines()
    assert "was paid (refunded in full" not in said
    with open(out / "purchases.csv", newline="") as handle:
        got = {row["month"]: (row["buyers"], row["returning"]) for row in csv.DictReader(handle)}
    assert got == {"2025-01": ("1", "0"), "2025-02": ("2", "1"), "2025-03": ("0", "0")}
