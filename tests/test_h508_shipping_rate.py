"""H508's finding 06: Wix's orders export writes the shipping in "Shipping Rate"; the word "rate" made the column no
amount, never read nor refused, and every order's shipping stayed in the revenue of 'Total' (January 45.00 for
40.00). A rate alone beside shipping is its price; with a tax's word ("Shipping Tax Rate") a percentage, as before."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

WIX = (
    "Order number,Date created,Contact email,Item,Qty,Price,Shipping Rate,Total Tax,Total,Payment Status,Currency\n"
    '10001,"Jan 5, 2026",a@x.com,Mug,1,40.00,5.00,3.20,48.20,PAID,USD\n'
    '10003,"Feb 3, 2026",a@x.com,Tee,2,50.00,0.00,8.00,108.00,PAID,USD\n'
    '10005,"Mar 2, 2026",d@x.com,Mug,3,40.00,5.00,9.60,134.60,PAID,USD\n'
)


def test_wix_shipping_rate_is_taken_off_the_total(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "wix.csv").write_text(WIX)
    columns = "customer_id=Contact email,date=Date created,amount=Total"
    args = ["import", "--orders", str(tmp_path / "wix.csv"), "--to-csv", str(tmp_path / "out"), "--columns", columns]
    assert cli.main(args) == 0
    said = capsys.readouterr().out  # the notes
    revenue = pd.read_csv(tmp_path / "out" / "order_revenue_cohorts.csv", dtype={"cohort": str}).set_index("cohort")
    assert list(revenue.loc["2026-01", ["0", "1", "2"]]) == [40.0, 100.0, 0.0]  # was 45.00, 100.00
    assert revenue.loc["2026-03", "0"] == 120.0  # was 125.00
    assert (
        "wix.csv: 'Total' includes the shipping in 'Shipping Rate' (each tax is a tax rate of the amount without the "
        "shipping): taken off net of its tax, revenue is net of shipping"
    ) in said


@pytest.mark.parametrize("name", ["Shipping Rate (%)", "Shipping rate %"])
def test_a_shipping_rate_in_percent_is_no_amount(tmp_path: Path, name: str) -> None:
    """H513's finding 06 (after dadacfce): the '%' of 'Shipping Rate (%)' is no word, so 10 (percent) was taken off
    each order's Total as shipping money (January 60.00 for 80.00)."""
    (tmp_path / "o.csv").write_text(
        f"Order number,Date created,Contact email,{name},Total\n"
        '1,"Jan 5, 2026",a@x.com,10,40.00\n'
        '2,"Jan 9, 2026",b@x.com,10,40.00\n'
    )
    columns = "customer_id=Contact email,date=Date created,amount=Total"
    args = ["import", "--orders", str(tmp_path / "o.csv"), "--to-csv", str(tmp_path / "out"), "--columns", columns]
    assert cli.main(args) == 0
    revenue = pd.read_csv(tmp_path / "out" / "order_revenue_cohorts.csv", dtype={"cohort": str}).set_index("cohort")
    assert revenue.loc["2026-01", "0"] == 80.0
