"""A deal's or a contract's amount mapped to mrr (Salesforce's Opportunity 'Amount': the deal's total) is refused
naming it where the rows are a CRM's deals or contracts of whole years (H154 finding 06: read as monthly, MRR 90,000
for contracts worth 5,500 a month, exit 0); ARR is divided by 12 as before."""

import csv
from pathlib import Path

from xl_retention import cli

DEALS = (
    "Opportunity Name,Account Name,Stage,Contract Start Date,Contract End Date,Amount,ARR\n"
    "Acme - New,Acme,Closed Won,2025-01-01,2025-12-31,12000,12000\n"
    "Umbrella - New,Umbrella,Closed Won,2025-06-15,2027-06-14,48000,24000\n"
)


def run(tmp_path: Path, text: str, mrr: str) -> int:
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    columns = f"customer_id=Account Name,start=Contract Start Date,end=Contract End Date,mrr={mrr}"
    args = ["import", "--subscriptions", str(path), "--columns", columns, "--through", "2025-08"]
    return cli.main([*args, "--to-csv", str(tmp_path / "out")])


def test_opportunity_amount_refused(tmp_path, capsys):
    assert run(tmp_path, DEALS, "Amount") != 0
    err = capsys.readouterr().err
    assert (
        "column 'Amount': a CRM deal's amount (the deal's total) taken as mrr, on deals of contracts of 2 months or "
        "more in rows 2, 3 (counting the header as row 1): '12000 over 2025-01-01 to 2025-12-31 (12 months)', "
        "'48000 over 2025-06-15 to 2027-06-14 (24 months)': is 'Amount' per month, per year or per contract?"
    ) in err


def test_contracts_of_whole_years_amount_refused(tmp_path, capsys):
    contracts = DEALS.replace("Opportunity Name,", "Contract,").replace("Stage,", "Status,")
    contracts = contracts.replace("Closed Won", "Activated")
    assert run(tmp_path, contracts, "Amount") != 0
    assert "column 'Amount': a contract's amount taken as mrr, on contracts of whole years" in capsys.readouterr().err


def test_monthly_contracts_amount_read(tmp_path):
    monthly = "Account Name,Contract Start Date,Contract End Date,Amount\nAcme,2025-01-01,2025-06-30,1000\n"
    monthly += "Bolt,2025-02-01,2025-12-31,500\n"  # contracts of 6 and 11 months: no whole years
    assert run(tmp_path, monthly, "Amount") == 0


def test_arr_divided_by_twelve(tmp_path):
    assert run(tmp_path, DEALS, "ARR") == 0
    with open(tmp_path / "out" / "movements.csv", newline="") as handle:
        rows = {row["month"]: row for row in csv.DictReader(handle)}
    assert float(rows["2025-06"]["mrr_end"]) == 3000.0  # Acme 1,000 + Umbrella 2,000


def test_deal_amount_without_end_refused(tmp_path, capsys):
    deals = "Deal Name,Deal Stage,Close Date,Amount,Company\nAcme - New,Closed Won,2025-01-01,12000,Acme\n"
    deals += "Hooli - New,Closed Won,2025-03-01,6000,Hooli\n"
    path = tmp_path / "deals.csv"
    path.write_text(deals, encoding="utf-8")
    args = ["import", "--subscriptions", str(path), "--columns", "customer_id=Company,start=Close Date,mrr=Amount"]
    assert cli.main([*args, "--to-csv", str(tmp_path / "out")]) != 0
    assert (
        "column 'Amount': a CRM deal's amount (the deal's total, most often a contract's or a year's) taken as mrr "
        "in rows 2, 3 (counting the header as row 1): '12000', '6000'"
    ) in capsys.readouterr().err
