"""Ends that are a contract's last day (Salesforce's "Contract End Date" 2025-12-31 for a year from 2025-01-01) are
read so where the rows say it: the customer is lost the month after, and a renewal from the next day is no loss and
reactivation (H15 finding 10: lost in December, MRR of December missing, each renewal a loss, exit 0)."""

import csv
import datetime as dt
from pathlib import Path

import pytest

from xl_retention import cli

#: Two years after the run's year: the active contracts below end after today on any day the suite runs (fixed
#: at 2027-01, an active contract's end already past was refused, rightly, from 2027-02 on).
LATER = dt.date.today().year + 2


def movements(tmp_path: Path, text: str, columns: str, backend: str) -> dict[str, tuple[int, float, int, int]]:
    path = tmp_path / "contracts.csv"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    args = ["import", "--subscriptions", str(path), "--columns", columns, "--backend", backend, "--to-csv", str(out)]
    assert cli.main(args) == 0
    with open(out / "movements.csv", newline="") as handle:
        return {
            row["month"]: (int(row["customers_end"]), float(row["mrr_end"]), int(row["lost"]), int(row["reactivated"]))
            for row in csv.DictReader(handle)
        }


CONTRACTS = (
    "Contract Number,Account Name,Contract Start Date,Contract End Date,Status,ARR\n"
    "00000101,Acme,2025-01-01,2025-12-31,Expired,12000\n"
    "00000103,Cora,2025-04-01,2026-03-31,Expired,6000\n"
    f"00000104,Dune,2025-02-01,{LATER}-01-31,Active,24000\n"
)
CONTRACT_COLUMNS = "customer_id=Account Name,start=Contract Start Date,end=Contract End Date,mrr=ARR"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_month_end_ends_are_last_days(tmp_path, capsys, backend):
    got = movements(tmp_path, CONTRACTS, CONTRACT_COLUMNS, backend)
    # Acme served through December 2025, lost in January; Cora through March 2026, lost in April
    assert got["2025-12"] == (3, 3500.0, 0, 0)
    assert got["2026-01"] == (2, 2500.0, 1, 0)
    assert got["2026-03"] == (2, 2500.0, 0, 0)
    assert got["2026-04"] == (1, 2000.0, 1, 0)
    assert "column 'Contract End Date' holds the last day of each contract" in capsys.readouterr().out


MID_MONTH = (
    "Company,Start Date,End Date,ARR\n"
    "Acme,2025-03-15,2026-03-14,12000\nBolt,2025-01-01,2025-12-31,24000\nCora,2025-06-10,,6000\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_whole_months_to_the_day_before_are_last_days(tmp_path, backend):
    got = movements(tmp_path, MID_MONTH, "customer_id=Company,start=Start Date,end=End Date,mrr=ARR", backend)
    assert got["2025-12"] == (3, 3500.0, 0, 0)  # Bolt served through 31 December
    assert got["2026-01"] == (2, 1500.0, 1, 0)
    assert got["2026-02"] == (2, 1500.0, 0, 0)
    assert got["2026-03"] == (1, 500.0, 1, 0)  # Acme served to 14 March: lost in March (a month begun is not served)


def test_whole_months_to_the_start_day_are_stop_days(tmp_path):
    text = "Company,Start Date,End Date,ARR\nAcme,2025-03-15,2025-06-15,12000\nBolt,2025-01-01,2025-12-01,24000\n"
    got = movements(tmp_path, text, "customer_id=Company,start=Start Date,end=End Date,mrr=ARR", "pandas")
    assert got["2025-06"] == (1, 2000.0, 1, 0) and got["2025-12"] == (0, 0.0, 1, 0)


RENEWALS = (
    "Company,Start Date,End Date,ARR\n"
    f"Acme,2025-01-15,2026-01-14,12000\nAcme,2026-01-15,{LATER}-01-14,12000\n"
    "Bolt,2025-03-10,2025-09-09,24000\nBolt,2025-09-10,,24000\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_renewals_from_the_day_after_are_no_loss(tmp_path, backend):
    got = movements(tmp_path, RENEWALS, "customer_id=Company,start=Start Date,end=End Date,mrr=ARR", backend)
    assert all(lost == 0 and reactivated == 0 for _, _, lost, reactivated in got.values())
    assert got["2025-09"] == (2, 3000.0, 0, 0) and got["2026-01"] == (2, 3000.0, 0, 0)


def test_stop_days_are_read_as_they_are(tmp_path):
    # ends on the next contract's start day: stop days (exclusive), whatever day they fall on
    text = (
        "Company,Start Date,End Date,ARR\n"
        "Acme,2025-01-01,2025-06-30,12000\nAcme,2025-06-30,2025-09-30,12000\nBolt,2025-02-01,2025-05-31,24000\n"
    )
    got = movements(tmp_path, text, "customer_id=Company,start=Start Date,end=End Date,mrr=ARR", "pandas")
    assert got["2025-05"] == (1, 1000.0, 1, 0)  # Bolt stopped on 31 May: lost in May
    assert got["2025-09"] == (0, 0.0, 1, 0)  # Acme stopped on 30 September


def test_mid_month_ends_are_stop_days(tmp_path):
    text = "Company,Start Date,End Date,ARR\nAcme,2025-01-01,2025-03-15,12000\nBolt,2025-02-01,2025-05-31,24000\n"
    got = movements(tmp_path, text, "customer_id=Company,start=Start Date,end=End Date,mrr=ARR", "pandas")
    assert got["2025-03"] == (1, 2000.0, 1, 0) and got["2025-05"] == (0, 0.0, 1, 0)
