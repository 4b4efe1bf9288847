"""``import --to-csv`` writes decimal figures at Excel's 15 significant digits (workbook.csv_tables._excel_digits).

An order of 35.70 with 5.70 of tax in it is 30.000000000000004 net in floating point, and the CSV showed those
digits (H92, a new user's Shopify export); three orders of 0.10, 0.20 add up to 0.30000000000000004 alike. Excel
keeps and shows 15 significant digits, so the CSV now holds 30.2 (30.0 + 0.20) and 0.3. Counts and real decimals are
unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import run

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_revenue_net_of_tax_and_sums_carry_no_binary_residue(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        "order_id,customer_id,date,Total,Taxes\n"
        "1,ann,2026-01-05,52.60,7.60\n"
        "2,ann,2026-02-03,35.70,5.70\n"
        "3,bob,2026-01-20,0.10,0\n"
        "4,bob,2026-02-20,0.20,0\n"
        "5,cy,2026-02-21,1234.5678,0\n"
    )
    out = run(tmp_path, "--orders", path, "--columns", "amount=Total", backend=backend)
    text = (out / "order_revenue_cohorts.csv").read_text()
    assert text.splitlines() == ["cohort,0,1", "2026-01,45.1,30.2", "2026-02,1234.5678,"]
