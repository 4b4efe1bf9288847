"""A CRM's deals imported as orders (Salesforce's Opportunities ``Stage``, HubSpot's ``Deal Stage``): every lost and
still-open deal counted as a purchase (Feb 4 buyers, 2 returning, for 1 and 0), exit 0. Such a column is now refused
naming it and the rows of deals not won; a file of won deals only is read as before.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

SALESFORCE = """\
"Opportunity Name","Account Name","Amount","Close Date","Stage","Probability (%)"
"Acme - New","Acme","10000","1/15/2024","Closed Won","100"
"Beta - New","Beta","5000","1/20/2024","Closed Won","100"
"Acme - Upsell","Acme","8000","2/10/2024","Closed Lost","0"
"Beta - Renewal","Beta","5000","2/25/2024","Negotiation/Review","90"
"Gamma - New","Gamma","7000","2/14/2024","Closed Won","100"
"""
HUBSPOT = """\
Record ID,Deal Name,Deal Stage,Amount,Close Date,Associated Company
1,Acme - New,closedwon,10000,2024-01-15 10:00,Acme
2,Beta - New,closedwon,5000,2024-01-20 10:00,Beta
3,Acme - Upsell,closedlost,8000,2024-02-10 10:00,Acme
4,Beta - Renewal,Contract sent,5000,2024-02-25 10:00,Beta
5,Gamma - New,Gewonnen,7000,2024-02-14 10:00,Gamma
"""
SF_COLUMNS = "customer_id=Account Name,date=Close Date,amount=Amount,order_id=Opportunity Name"
HS_COLUMNS = "customer_id=Associated Company,date=Close Date,amount=Amount,order_id=Record ID"


@pytest.mark.parametrize(
    ("text", "columns", "stage", "first"),
    [(SALESFORCE, SF_COLUMNS, "Stage", "'Closed Lost'"), (HUBSPOT, HS_COLUMNS, "Deal Stage", "'closedlost'")],
)
def test_lost_and_open_deals_are_refused_naming_the_stage(tmp_path: Path, capsys, text, columns, stage, first) -> None:
    path = tmp_path / "deals.csv"
    path.write_text(text)
    message = refusal(capsys, "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o"))
    assert message.startswith(f"deals.csv, column {stage!r}: a CRM's deal stages: deals lost or still open")
    assert "rows 4, 5" in message and first in message


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_won_deals_only_are_read(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "deals.csv"
    path.write_text("".join(line + "\n" for line in SALESFORCE.splitlines() if "Closed Won" in line or "Name" in line))
    out = run(tmp_path, "--orders", path, "--columns", SF_COLUMNS, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases.iloc[:, 1].tolist() == [2, 1]  # buyers in Jan, Feb


def test_a_stage_column_of_other_words_is_no_deal_stage(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount,Stage\na,2024-01-05,10,Beta\nb,2024-02-05,20,Launch\n")
    purchases = pd.read_csv(run(tmp_path, "--orders", path) / "purchases.csv")
    assert purchases.iloc[:, 1].tolist() == [1, 1]
