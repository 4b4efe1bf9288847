"""An ``ARR`` column mapped to mrr says a year's amount by its name (divided by 12): a deal's name saying its
contract's length ("Umbrella - New 2yr") refused it, asking whether 'ARR' is per month and advising to rename it MRR
(a 12x error; H154 finding 08)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]


def test_arr_beside_a_deal_named_with_its_term(tmp_path: Path) -> None:
    path = tmp_path / "opportunities.csv"
    path.write_text(
        "Opportunity Name,Account Name,Stage,Contract Start Date,Contract End Date,Amount,ARR,Currency\n"
        "Acme - New,Acme Corp,Closed Won,1/1/2025,12/31/2025,12000.00,12000.00,USD\n"
        "Acme - Renewal 2026,Acme Corp,Closed Won,1/1/2026,12/31/2026,13200.00,13200.00,USD\n"
        "Globex - New,Globex,Closed Won,2/1/2025,1/31/2026,24000.00,24000.00,USD\n"
        "Globex - Renewal 2026,Globex,Closed Won,2/20/2026,2/19/2027,24000.00,24000.00,USD\n"
        "Hooli - New,Hooli,Closed Won,3/1/2025,2/28/2026,6000.00,6000.00,USD\n"
        "Umbrella - New 2yr,Umbrella,Closed Won,6/15/2025,6/14/2027,48000.00,24000.00,USD\n"
    )
    columns = "customer_id=Account Name,start=Contract Start Date,end=Contract End Date,mrr=ARR"
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, "--columns", columns) / "movements.csv")
    assert movements.set_index("month").loc["2026-02", ["customers_end", "mrr_end"]].tolist() == [4, 5600.0]
