"""CRM reports whose mapped amount is converted to the company's one currency: Salesforce's "Amount (converted)"
with its own "Amount (converted) Currency" (USD on every row), HubSpot's "Amount in company currency". Both were
refused as amounts in 3 currencies for the deal's currency column ('Amount Currency', 'Currency'), with the advice to
convert them (done) or import one currency at a time. docs/metrics.md: only the currency column that goes with the
amount used by name is checked (H508 finding 05)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run, written

SALESFORCE = (
    "Account Name,Opportunity Name,Stage,Close Date,Amount Currency,Amount,Amount (converted) Currency,"
    "Amount (converted)\n"
    "Acme,Acme - new,Closed Won,1/15/2026,USD,10000.00,USD,10000.00\n"
    "Beta GmbH,Beta - new,Closed Won,1/20/2026,EUR,8000.00,USD,8640.00\n"
    "Acme,Acme - upsell,Closed Won,2/10/2026,USD,2500.00,USD,2500.00\n"
    "Gamma Ltd,Gamma - new,Closed Won,3/5/2026,GBP,5000.00,USD,6350.00\n"
)
HUBSPOT = (
    "Record ID,Deal Name,Deal Stage,Close Date,Amount,Currency,Amount in company currency,Associated Company\n"
    "9001,Acme - new,Closed won,2026-01-15 00:00,10000,USD,10000,Acme\n"
    "9002,Beta - new,Closed won,2026-01-20 00:00,8000,EUR,8640,Beta GmbH\n"
    "9003,Acme - upsell,Closed won,2026-02-10 00:00,2500,USD,2500,Acme\n"
    "9004,Gamma - new,Closed won,2026-03-05 00:00,5000,GBP,6350,Gamma Ltd\n"
)
RIGHT = ["2026-01,18640.0,2500.0,0.0", "2026-02,0.0,0.0,", "2026-03,6350.0,,"]  # 10,000 + 8,640 in January


def _revenue(out: Path) -> list[str]:
    return (out / "order_revenue_cohorts.csv").read_text().splitlines()[1:]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_salesforces_converted_amount(tmp_path: Path, backend: str) -> None:
    path = written(tmp_path, "sf.csv", SALESFORCE)
    columns = "customer_id=Account Name,date=Close Date,amount=Amount (converted)"
    assert _revenue(run(tmp_path, "--orders", path, "--columns", columns, backend=backend)) == RIGHT


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_hubspots_amount_in_company_currency(tmp_path: Path, backend: str) -> None:
    path = written(tmp_path, "hs.csv", HUBSPOT)
    columns = "customer_id=Associated Company,date=Close Date,amount=Amount in company currency"
    assert _revenue(run(tmp_path, "--orders", path, "--columns", columns, backend=backend)) == RIGHT


def test_the_deals_own_amount_is_still_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = written(tmp_path, "sf.csv", SALESFORCE)
    columns = "customer_id=Account Name,date=Close Date,amount=Amount"
    assert refusal(capsys, "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")) == (
        "sf.csv, column 'Amount Currency': 3 currencies (USD, EUR, GBP) in rows 2, 3, 5 (counting the header as row "
        "1): 'USD', 'EUR', 'GBP'; 'Amount (converted)' holds the amounts in one currency (USD, by 'Amount (converted) "
        "Currency'): import it with --columns 'amount=Amount (converted)'; amounts are added up: convert them to one "
        "currency first, or import one currency at a time (--segment 'Amount Currency=GBP')"
    )
