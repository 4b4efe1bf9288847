"""App Store Connect's Subscriber report: "Developer Proceeds" is the proceeds of each unit, its rows aggregated by
"Units" (H266 finding 14). October's row of 2 units at 6.99 was read as 6.99; it is 13.98."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention.workbook.importer import load_tables

HEADER = "\t".join(["Event Date", "Subscription Name", "Customer Price", "Customer Currency", "Developer Proceeds",
                     "Proceeds Currency", "Subscriber ID", "Units"])  # fmt: skip
ROWS = [("2026-09-03", "1"), ("2026-10-03", "2"), ("2026-11-03", "1")]


@pytest.mark.parametrize("amount, revenue", [("Developer Proceeds", [6.99, 13.98, 6.99]),
                                             ("Customer Price", [9.99, 19.98, 9.99])])  # fmt: skip
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_proceeds_per_unit_times_units(tmp_path: Path, backend: str, amount: str, revenue: list[float]) -> None:
    path = tmp_path / "subscriber.txt"
    lines = [HEADER] + [f"{d}\tPro Monthly\t9.99\tUSD\t6.99\tUSD\t100000000000000001\t{u}" for d, u in ROWS]
    path.write_text("\n".join(lines) + "\n")
    columns = {"customer_id": "Subscriber ID", "date": "Event Date", "amount": amount}
    tables = load_tables(orders=path, columns=columns, backend=backend)
    assert tables.order_revenue_cohorts.iloc[0].round(2).tolist() == revenue
