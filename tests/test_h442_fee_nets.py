"""A "net" amount net of a platform's fee, not of the tax (H433 finding 03): Gumroad's sales export mapped by
'Net Total ($)' ('Sale Price ($)' less 'Fees ($)', the VAT of 'Taxes ($)' still in it: 'Subtotal ($)' is 'Sale Price
($)' less it) was read as net of tax by its name, January 115.05 with ben's 9.50 of VAT, no note; PayPal's 'Net'
('Gross' less 'Fee') beside a 'Sales Tax' of 1.60 was kept the same way (39.79). Now the amount before the fee tells:
the tax is taken off, with a note naming the columns, or the file is refused naming them where that cannot be told.
By hand: January 44.50 + (53.05 - 9.50) + 17.50 = 105.55; ben's February 20.92 - 3.80 = 17.12; PayPal 20.67 - 1.60 +
19.12 = 38.19."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

GUMROAD = "Purchase ID,Purchase Email,Purchase Date,Subtotal ($),Taxes ($),Shipping ($),Sale Price ($),Fees ($),"
GUMROAD += "Net Total ($),Refunded?,Fully Refunded?,Disputed?,Dispute Won?\n"
SALES = """p01,ann@x.com,2026-01-03,50.00,0.00,0.00,50.00,5.50,44.50,false,false,false,false
p02,ben@x.de,2026-01-10,50.00,9.50,0.00,59.50,6.45,53.05,false,false,false,false
p03,ann@x.com,2026-01-20,20.00,0.00,0.00,20.00,2.50,17.50,false,false,false,false
p04,ben@x.de,2026-02-02,20.00,3.80,0.00,23.80,2.88,20.92,false,false,false,false
p05,cat@x.com,2026-02-14,30.00,0.00,0.00,30.00,3.50,26.50,false,false,false,false
"""
NET = "customer_id=Purchase Email,date=Purchase Date,amount=Net Total ($)"
PAYPAL = (
    '"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","From Email Address",'
    '"To Email Address","Transaction ID","Item Title","Shipping and Handling Amount","Insurance Amount","Sales Tax",'
    '"Reference Txn ID","Quantity","Balance"\n'
    '"01/05/2026","10:00:00","PST","Ann","Website Payment","Completed","USD","21.60","-0.93","20.67","ann@x.com",'
    '"shop@x.com","T1","Mug","0.00","0.00","1.60","","1","20.67"\n'
    '"01/09/2026","10:00:00","PST","Bob","Website Payment","Completed","USD","20.00","-0.88","19.12","bob@x.com",'
    '"shop@x.com","T2","Cup","0.00","0.00","0.00","","1","39.79"\n'
)


def _revenue(out: Path) -> dict[str, list[float]]:
    table = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1)
    return {str(k): [round(float(v), 2) for v in row] for k, row in table.iterrows()}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_gumroad_net_total_has_its_tax_taken_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "gumroad.csv", GUMROAD + SALES), "--columns", NET,
              backend=backend)  # fmt: skip
    assert _revenue(out) == {"2026-01": [105.55, 17.12], "2026-02": [26.5, -1.0]}
    assert (
        "gumroad.csv: 'Net Total ($)' includes the tax in 'Taxes ($)' ('Net Total ($)' is 'Sale Price ($)' less "
        "'Fees ($)' (a fee, no tax), and 'Subtotal ($)' is Sale Price ($) - Taxes ($)): taken off, revenue is net of "
        "tax"
    ) in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_paypal_net_beside_sales_tax_has_it_taken_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    columns = "customer_id=From Email Address,date=Date,amount=Net"
    out = run(tmp_path, "--orders", written(tmp_path, "paypal.csv", PAYPAL), "--monthfirst", "--columns", columns,
              backend=backend)  # fmt: skip
    assert _revenue(out) == {"2026-01": [38.19]}
    assert (
        "paypal.csv: 'Net' includes the tax in 'Sales Tax' ('Net' is 'Gross' less 'Fee' (a fee, no tax), and the name "
        "of 'Gross' says gross): taken off, revenue is net of tax"
    ) in capsys.readouterr().out.splitlines()


def test_a_net_of_fees_whose_gross_does_not_tell_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 20.00 beside a Price of 100.00 is 20 % on top of it or 25 % inside it: the Price does not tell
    text = "id,email,date,Price,Tax,Fee,Net\no1,a@x.com,2026-01-05,100.00,20.00,5.00,95.00\n"
    message = refusal(capsys, "--orders", str(written(tmp_path, "sales.csv", text)), "--columns",
                      "customer_id=email,amount=Net", "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert message == (
        "sales.csv: column 'Tax' holds taxes (row 2: '20.00' beside 'Net' '95.00') and is not used, and 'Net' is "
        "'Price' less 'Fee' (a fee, no tax): its name says nothing of the tax; revenue is net of tax, and whether "
        "'Price' includes it cannot be told: map a column of amounts before tax (--columns amount=NAME) or write the "
        "amounts less the tax; if 'Price' is before tax already, remove the tax column"
    ), message


def test_a_net_named_amount_without_a_fee_is_read_as_before(tmp_path: Path) -> None:
    # 'Net Total' beside 'Taxes' with no fee between it and another column: its name says net, as before
    text = "id,email,date,Net Total,Taxes,Total\no1,a@x.com,2026-01-05,100.00,19.00,119.00\n"
    out = run(
        tmp_path, "--orders", written(tmp_path, "sales.csv", text), "--columns", "customer_id=email,amount=Net Total"
    )
    assert _revenue(out) == {"2026-01": [100.0]}
