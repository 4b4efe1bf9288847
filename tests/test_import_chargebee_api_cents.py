"""A Chargebee API export flattened to a table (its ``object`` and ``resource_version`` fields; ``plan_unit_price``
7900 is 79.00 in the API's cents) was read in units: January MRR 10,800 for 108, exit 0, no question (H68 finding 11).
Its whole amounts are now refused asking for ``--amounts``; ``--amounts cents`` reads them.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from import_cli import refusal, run

PRICES = [7900, 2900, 19900, 7900]


def _export(path: Path) -> Path:
    n = len(PRICES)
    pd.DataFrame({"id": [f"AzZlGJT{i}x9Kq" for i in range(n)], "customer_id": [f"16CHZjT{i}Lm2a" for i in range(n)],
                  "object": ["subscription"] * n, "resource_version": [1767607200000 + i for i in range(n)],
                  "plan_quantity": [1] * n, "plan_unit_price": PRICES, "billing_period": [1] * n,
                  "billing_period_unit": ["month"] * n, "status": ["active"] * n,
                  "started_at": ["2026-01-05", "2026-01-25", "2026-02-14", "2026-03-06"],
                  "currency_code": ["USD"] * n}).to_csv(path, index=False)  # fmt: skip
    return path


def test_a_chargebee_api_exports_whole_amounts_are_asked(tmp_path: Path, capsys) -> None:
    path = _export(tmp_path / "cb_api.csv")
    assert refusal(
        capsys, "--subscriptions", str(path), "--columns", "start=started_at", "--to-csv", str(tmp_path / "o")
    ) == (  # fmt: skip
        "cb_api.csv, column 'plan_unit_price': whole amounts in an export of Chargebee's API (its object and "
        "resource_version fields), which writes money in cents (7900 as 79.00), where Chargebee's CSV exports write "
        "units (7900.00): say which with --amounts cents or --amounts units in row 2 (counting the header as row 1): "
        "'7900'"
    )


def test_amounts_cents_reads_them_in_cents(tmp_path: Path) -> None:
    path = _export(tmp_path / "cb_api.csv")
    out = run(tmp_path, "--subscriptions", path, "--columns", "start=started_at", "--amounts", "cents")
    movements = pd.read_csv(out / "movements.csv")
    assert movements.loc[movements["month"] == "2026-01", "mrr_end"].tolist() == [108.0]
