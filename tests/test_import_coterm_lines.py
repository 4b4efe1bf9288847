"""A co-termed add-on line of the same contract (a Salesforce CPQ amendment: Stark's base line 2025-07-01 to
2026-06-30 and an upsell line from 2025-10-15 to the same end, one contract number) adds to the contract, no longer
refused as the same record in two exports with advice to keep one row, which would lose the add-on's MRR (H154
finding 07). A line that repeats the id with the start of the first and other values is still refused."""

import csv
from pathlib import Path

import pytest

from xl_retention import cli

LINES = (
    "Account Name,Contract Number,Contract Start Date,Contract End Date,ARR\n"
    "Acme,101,2025-01-01,2025-12-31,12000\n"
    "Stark,601,2025-07-01,2026-06-30,18000\n"
    "Stark,601,2025-10-15,2026-06-30,6000\n"
)
COLUMNS = (
    "customer_id=Account Name,start=Contract Start Date,end=Contract End Date,mrr=ARR,subscription_id=Contract Number"
)


def run(tmp_path: Path, text: str, backend: str = "pandas") -> int:
    path = tmp_path / "lines.csv"
    path.write_text(text, encoding="utf-8")
    args = ["import", "--subscriptions", str(path), "--columns", COLUMNS, "--backend", backend]
    return cli.main([*args, "--through", "2026-08", "--to-csv", str(tmp_path / "out")])


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_co_termed_add_on_line_adds_up(tmp_path, backend):
    assert run(tmp_path, LINES, backend) == 0
    with open(tmp_path / "out" / "movements.csv", newline="") as handle:
        got = {r["month"]: (float(r["expansion_mrr"]), float(r["mrr_end"])) for r in csv.DictReader(handle)}
    assert got["2025-09"] == (0.0, 2500.0)  # Acme 1,000 + Stark 1,500
    assert got["2025-10"] == (500.0, 3000.0)  # the add-on's 500 from October
    assert got["2026-06"] == (0.0, 2000.0)  # Stark served through 30 June with its add-on; Acme lost in January


def test_same_start_other_values_still_refused(tmp_path, capsys):
    assert run(tmp_path, LINES.replace("2025-10-15,2026-06-30", "2025-07-01,2026-05-31")) != 0
    assert "the same record in two exports" in capsys.readouterr().err
