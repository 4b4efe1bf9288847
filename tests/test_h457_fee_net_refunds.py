"""A partial refund beside an amount net of a platform's fee (H457 task 2): Gumroad's 'Partial Refund ($)' is of the
'Sale Price ($)' (what the buyer paid, given back to the buyer), while the amount read was 'Net Total ($)' (the sale
price less 'Fees ($)'). The whole refund was taken off the net: ann's 100.00 sale (fees 10.00, net 90.00) refunded
40.00 kept 50.00 (January 94.50, exit 0); refunded 100.00 in full it was refused as 'refunded amounts above the amount
of their row'. Now the refund is taken off the net in its share of the sale price, with a note: 90.00 x 60 % = 54.00,
January 54.00 + 44.50 = 98.50; refunded in full, no purchase. With ben's VAT taken off (fee_nets) too: his 59.50
(9.50 of tax, 6.45 of fees, net 53.05) refunded 11.90 (20 %) keeps (53.05 - 9.50) x 80 % = 34.84."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run, written

HEAD = "Purchase ID,Purchase Email,Purchase Date,Subtotal ($),Taxes ($),Shipping ($),Sale Price ($),Fees ($),"
HEAD += "Net Total ($),Refunded?,Partial Refund ($),Fully Refunded?,Disputed?,Dispute Won?\n"
COLUMNS = "customer_id=Purchase Email,date=Purchase Date,amount=Net Total ($)"


def _sales(refund: str) -> str:
    return HEAD + (
        f"p01,ann@x.com,2026-01-03,100.00,0.00,0.00,100.00,10.00,90.00,true,{refund},false,false,false\n"
        "p02,cat@x.com,2026-01-10,50.00,0.00,0.00,50.00,5.50,44.50,false,0.00,false,false,false\n"
        "p03,cat@x.com,2026-02-03,50.00,0.00,0.00,50.00,5.50,44.50,false,0.00,false,false,false\n"
    )


def _revenue(out: Path) -> dict[str, list[float]]:
    table = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1)
    return {str(k): [round(float(v), 2) for v in row] for k, row in table.iterrows()}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_partial_refund_of_the_sale_price_is_taken_off_the_net_in_its_share(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "gumroad.csv", _sales("40.00")), "--columns", COLUMNS,
              backend=backend)  # fmt: skip
    assert _revenue(out) == {"2026-01": [98.5, 44.5], "2026-02": [0.0, -1.0]}
    assert (
        "gumroad.csv: 'Partial Refund ($)' is a refund of 'Sale Price ($)' (what the buyer paid; 'Net Total ($)' is it "
        "less 'Fees ($)', a fee): taken off 'Net Total ($)' in its share (1 refunded row)"
    ) in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_refund_of_the_whole_sale_price_leaves_no_purchase(tmp_path: Path, backend: str) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "gumroad.csv", _sales("100.00")), "--columns", COLUMNS,
              backend=backend)  # fmt: skip
    assert _revenue(out) == {"2026-01": [44.5, 44.5], "2026-02": [0.0, -1.0]}
    assert pd.read_csv(out / "purchases.csv")["buyers"].tolist() == [1, 1]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_refund_beside_a_tax_and_a_fee_keeps_the_share_of_the_sale_net_of_tax(tmp_path: Path, backend: str) -> None:
    sales = HEAD + (
        "p01,ann@x.com,2026-01-03,50.00,0.00,0.00,50.00,5.50,44.50,false,0.00,false,false,false\n"
        "p02,ben@x.de,2026-01-10,50.00,9.50,0.00,59.50,6.45,53.05,true,11.90,false,false,false\n"
        "p03,ann@x.com,2026-02-03,20.00,0.00,0.00,20.00,2.50,17.50,false,0.00,false,false,false\n"
    )
    out = run(tmp_path, "--orders", written(tmp_path, "gumroad.csv", sales), "--columns", COLUMNS, backend=backend)
    assert _revenue(out) == {"2026-01": [79.34, 17.5], "2026-02": [0.0, -1.0]}  # 44.50 + 43.55 x 0.8; ann's 17.50
