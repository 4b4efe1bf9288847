"""A co-termed add-on (Stark's upsell from 2025-10-15 to its contract's last day, 2026-06-30) does not run whole
months, but its end is a last day of its customer's contract that does: every 'Contract End Date' is still read as
the contract's last day (H154 finding 03: one such row read every end as the day service stops, each loss a month
early and a late renewal a loss and a reactivation, silently)."""

import csv
from pathlib import Path

import pytest

from xl_retention import cli

CONTRACTS = (
    "Account Name,Contract Number,Contract Start Date,Contract End Date,ARR\n"
    "Acme,101,2025-01-01,2025-12-31,12000\n"
    "Globex,201,2025-02-01,2026-01-31,24000\n"
    "Globex,202,2026-02-20,2027-02-19,24000\n"
    "Stark,601,2025-07-01,2026-06-30,18000\n"
    "Stark,602,2025-10-15,2026-06-30,6000\n"
)
COLUMNS = (
    "customer_id=Account Name,start=Contract Start Date,end=Contract End Date,mrr=ARR,subscription_id=Contract Number"
)


def movements(tmp_path: Path, text: str, backend: str) -> dict[str, tuple[int, float, int, int]]:
    path = tmp_path / "contracts.csv"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    args = ["import", "--subscriptions", str(path), "--columns", COLUMNS, "--backend", backend, "--through", "2026-08"]
    assert cli.main([*args, "--to-csv", str(out)]) == 0
    with open(out / "movements.csv", newline="") as handle:
        return {
            row["month"]: (int(row["customers_end"]), float(row["mrr_end"]), int(row["lost"]), int(row["reactivated"]))
            for row in csv.DictReader(handle)
        }


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_co_termed_add_on_keeps_last_days(tmp_path, capsys, backend):
    got = movements(tmp_path, CONTRACTS, backend)
    assert got["2025-12"] == (3, 5000.0, 0, 0)  # Acme served through December
    assert got["2026-01"] == (2, 4000.0, 1, 0)  # Acme lost in January; Globex served through 31 January
    assert got["2026-02"] == (2, 4000.0, 0, 0)  # Globex renewed 20 February: kept, no loss and reactivation
    assert got["2026-06"] == (2, 4000.0, 0, 0)  # Stark served through 30 June, the add-on with it
    assert got["2026-07"] == (1, 2000.0, 1, 0)
    assert "1 co-termed to another contract's last day of its customer" in capsys.readouterr().out


def test_an_add_on_ending_on_no_contract_end_is_read_as_written(tmp_path, capsys):
    odd = CONTRACTS.replace("2025-10-15,2026-06-30", "2025-10-15,2026-05-20")
    got = movements(tmp_path, odd, "pandas")
    # the 4 whole contracts' ends are their last days (Acme served through December); the add-on's end is read as
    # written, and named (H330 finding 10: it no longer turns the others' last days into stop days)
    assert got["2025-12"] == (3, 5000.0, 0, 0)
    assert "the one that does not (Stark 2025-10-15 to 2026-05-20: ended early?)" in capsys.readouterr().out
