"""Contracts and CRM deals with a start and no end (H154 findings 01, 04): a contract's term column or a renewal
deal's type is refused naming it, since read without an end each contract runs open-ended and each renewal is
added on top of the contract it renews (expansion, MRR twice what is paid, exit 0)."""

import csv
from pathlib import Path

import pytest

from xl_retention import cli

CONTRACTS = (
    "Account Name,Contract Number,Contract Start Date,Contract Term (months),ARR\n"
    "Acme,101,2025-01-01,12,12000\n"
    "Acme,102,2026-01-01,12,13200\n"
    "Hooli,501,2025-03-01,12,6000\n"
)
DEALS = (
    "Record ID,Deal Name,Deal Stage,Close Date,Annual recurring revenue,Deal Type,Associated Company\n"
    "9001,Acme - New,Closed Won,2024-12-20,12000,New Business,Acme\n"
    "9002,Acme - Renewal 2026,Closed Won,2025-12-15,13200,Existing Business,Acme\n"
    "9005,Hooli - New,Closed Won,2025-02-25,6000,New Business,Hooli\n"
)


def run(tmp_path: Path, text: str, columns: str, backend: str = "pandas") -> int:
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    args = ["import", "--subscriptions", str(path), "--columns", columns, "--backend", backend]
    return cli.main([*args, "--through", "2026-06", "--to-csv", str(tmp_path / "out")])


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_contract_term_without_end_refused(tmp_path, capsys, backend):
    columns = "customer_id=Account Name,start=Contract Start Date,mrr=ARR,subscription_id=Contract Number"
    assert run(tmp_path, CONTRACTS, columns, backend) != 0
    err = capsys.readouterr().err
    assert "column 'Contract Term (months)' holds each contract's term (row 2: 12) and no end is mapped" in err
    assert "Traceback" not in err


def test_renewal_deals_without_end_refused(tmp_path, capsys):
    columns = "customer_id=Associated Company,start=Close Date,mrr=Annual recurring revenue,subscription_id=Record ID"
    assert run(tmp_path, DEALS, columns) != 0
    err = capsys.readouterr().err
    assert (
        "column 'Deal Type': deals renewing or replacing a customer's earlier deal (no end mapped) in row 3 "
        "(counting the header as row 1): 'Existing Business'"
    ) in err


def test_first_deals_of_each_customer_import(tmp_path):
    columns = "customer_id=Associated Company,start=Close Date,mrr=Annual recurring revenue,subscription_id=Record ID"
    first = DEALS.replace("9002,Acme - Renewal 2026,Closed Won,2025-12-15,13200,Existing Business,Acme\n", "")
    assert run(tmp_path, first.replace("New Business,Hooli", "Existing Business,Hooli"), columns) == 0
    with open(tmp_path / "out" / "movements.csv", newline="") as handle:
        rows = {row["month"]: row for row in csv.DictReader(handle)}
    assert float(rows["2025-02"]["mrr_end"]) == 1500.0  # Acme 1,000 + Hooli 500: no customer's second deal


def test_renewal_in_opportunity_name_refused(tmp_path, capsys):
    deals = (
        "Opportunity Name,Account Name,Stage,Contract Start Date,ARR\n"
        "Acme - New,Acme,Closed Won,2025-01-01,12000\n"
        "Acme - Renewal 2026,Acme,Closed Won,2026-01-01,13200\n"
        "Hooli - New,Hooli,Closed Won,2025-03-01,6000\n"
    )
    assert run(tmp_path, deals, "customer_id=Account Name,start=Contract Start Date,mrr=ARR") != 0
    assert (
        "column 'Opportunity Name': deals renewing or replacing a customer's earlier deal (no end mapped) in row 3 "
        "(counting the header as row 1): 'Acme - Renewal 2026'"
    ) in capsys.readouterr().err
