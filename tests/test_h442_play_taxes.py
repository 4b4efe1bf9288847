"""Google Play's earnings report with EU VAT (H433 finding 01): its 'Tax' rows (the VAT Google remits, taken back
off the charge) made the import refuse the file, advising to keep the 'Charge' rows only; done so, January's order
revenue was 20.79 with the 1.72 of VAT in it, no note. Now a 'Tax' row of the other sign than its charge is taken off
its order's charge (the same Description), a 'Tax refund' off its 'Charge refund', a tax of the charge's sign (paid
on top, the seller's to remit) is left out, and the 'Google fee' rows are left out (a fee is no revenue taken off),
with a note. By hand: January 9.99 + (10.80 - 1.72) = 19.07, February 9.99."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

HEAD = "Description,Transaction Date,Transaction Time,Tax Type,Transaction Type,Buyer Country,Buyer Currency,"
HEAD += "Amount (Buyer Currency),Currency Conversion Rate,Merchant Currency,Amount (Merchant Currency)\n"
A, B, C = "GPA.3312-4490-1234-56789", "GPA.3398-1122-3344-55667", "GPA.3301-0000-1111-22222"
REPORT = f"""{A},"Jan 5, 2026",10:22:33 AM PST,,Charge,US,USD,9.99,1.000000,USD,9.99
{A},"Jan 5, 2026",10:22:33 AM PST,,Google fee,US,USD,-1.50,1.000000,USD,-1.50
{B},"Jan 20, 2026",8:01:02 PM PST,,Charge,DE,EUR,11.90,0.907563,USD,10.80
{B},"Jan 20, 2026",8:01:02 PM PST,VAT,Tax,DE,EUR,-1.90,0.907563,USD,-1.72
{B},"Jan 20, 2026",8:01:02 PM PST,,Google fee,DE,EUR,-1.50,0.907563,USD,-1.36
{A}..0,"Feb 5, 2026",10:22:40 AM PST,,Charge,US,USD,9.99,1.000000,USD,9.99
{A}..0,"Feb 5, 2026",10:22:40 AM PST,,Google fee,US,USD,-1.50,1.000000,USD,-1.50
"""
COLUMNS = "customer_id=Description,date=Transaction Date,amount=Amount (Merchant Currency)"


def _revenue(out: Path) -> dict[str, list[float]]:
    table = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1)
    return {str(k): [round(float(v), 2) for v in row] for k, row in table.iterrows()}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_tax_rows_are_taken_off_their_charge(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "play.csv", HEAD + REPORT), "--columns", COLUMNS,
              backend=backend)  # fmt: skip
    assert _revenue(out) == {"2026-01": [19.07, 9.99], "2026-02": [0.0, -1.0]}
    err = capsys.readouterr().out
    assert (
        "play.csv, column 'Transaction Type': 1 row(s) of type 'Tax' taken off their order's charge (the same "
        "'Description'): Google's charge holds the tax it remits, and revenue is net of tax; 3 row(s) of type "
        "'Google fee' left out: Google's fee is a cost of the sale, not taken off the revenue (what the buyer paid, "
        "less tax)"
    ) in err, err


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_refund_gives_back_its_tax_and_a_tax_on_top_is_no_revenue(tmp_path: Path, backend: str) -> None:
    refunded = f"""{C},"Jan 8, 2026",9:00:00 AM PST,,Charge,FR,EUR,11.99,0.900000,USD,10.79
{C},"Jan 8, 2026",9:00:00 AM PST,VAT,Tax,FR,EUR,-2.00,0.900000,USD,-1.80
{C},"Jan 8, 2026",9:00:00 AM PST,,Google fee,FR,EUR,-1.50,0.900000,USD,-1.35
{C},"Jan 9, 2026",9:00:00 AM PST,,Charge refund,FR,EUR,-11.99,0.900000,USD,-10.79
{C},"Jan 9, 2026",9:00:00 AM PST,VAT,Tax refund,FR,EUR,2.00,0.900000,USD,1.80
{C},"Jan 9, 2026",9:00:00 AM PST,,Google fee refund,FR,EUR,1.50,0.900000,USD,1.35
GPA.3355-0000-0000-00001,"Feb 9, 2026",9:00:00 AM PST,Sales tax,Tax,US,USD,0.80,1.000000,USD,0.80
GPA.3355-0000-0000-00001,"Feb 9, 2026",9:00:00 AM PST,,Charge,US,USD,9.99,1.000000,USD,9.99
"""
    out = run(tmp_path, "--orders", written(tmp_path, "play.csv", HEAD + REPORT + refunded), "--columns", COLUMNS,
              backend=backend)  # fmt: skip
    # C refunded in full (10.79 - 1.80 less 10.79 - 1.80): no purchase; the 0.80 on top of February's 9.99 is none
    assert _revenue(out) == {"2026-01": [19.07, 9.99], "2026-02": [9.99, -1.0]}
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases["buyers"].tolist() == [2, 2]


def test_a_tax_whose_charge_is_not_in_the_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alone = f'{C},"Jan 8, 2026",9:00:00 AM PST,VAT,Tax,FR,EUR,-2.00,0.900000,USD,-1.80\n'
    message = refusal(capsys, "--orders", str(written(tmp_path, "play.csv", HEAD + REPORT + alone)), "--columns",
                      COLUMNS, "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert message == (
        "play.csv, column 'Transaction Type': a tax of order 'GPA.3301-0000-1111-22222' taken back off its 'Charge', "
        "whose row is not in the file (revenue is net of tax: which amount holds the tax cannot be told) in row 9 "
        "(counting the header as row 1): 'Tax': export the report of the month of its charge with it"
    ), message


def test_a_ledger_refused_for_its_taxes_advises_taking_them_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = "id,customer_id,date,Type,amount\n1,c1,2026-01-05,Charge,10.80\n2,c1,2026-01-05,Tax,-1.72\n"
    message = refusal(capsys, "--orders", str(written(tmp_path, "ledger.csv", ledger)), "--to-csv",
                      str(tmp_path / "o"))  # fmt: skip
    assert message.endswith(
        "keep the rows of type 'Charge' only, each less the tax a 'Tax' row of the other sign takes back off it "
        "(revenue is net of tax; a 'Tax' row of its sign is a tax paid on top of it, left out), and import again"
    ), message


# H446_03: a yen report's 'Amount (Buyer Currency)' ("1,100": its decimal mark told by its currency, JPY) was not read
# before the main reader, so its Tax rows were left out with their tax still in the charge (3300, 1100 with a note
# saying "taken off"); with --decimal . the charge was written '1000,000' and refused as a value of no row.
JPY_HEAD = "Description,Transaction Date,Transaction Type,Buyer Currency,Amount (Buyer Currency),Merchant Currency,"
JPY_HEAD += "Amount (Merchant Currency)\n"
JPY = f"""{A},"Jan 5, 2026",Charge,JPY,"1,100",USD,7.33
{A},"Jan 5, 2026",Tax,JPY,-100,USD,-0.67
{B},"Jan 9, 2026",Charge,JPY,"2,200",USD,14.67
{B},"Jan 9, 2026",Tax,JPY,-200,USD,-1.33
{A}..0,"Feb 5, 2026",Charge,JPY,"1,100",USD,7.33
{A}..0,"Feb 5, 2026",Tax,JPY,-100,USD,-0.67
"""
JPY_COLUMNS = "customer_id=Description,date=Transaction Date,amount=Amount (Buyer Currency)"


@pytest.mark.parametrize("decimal", [[], ["--decimal", "."]])
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_yen_charge_is_less_its_tax(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, decimal: list[str]
) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "play_jpy.csv", JPY_HEAD + JPY), "--columns", JPY_COLUMNS,
              *decimal, backend=backend)  # fmt: skip
    assert _revenue(out) == {
        "2026-01": [3000.0, 1000.0],
        "2026-02": [0.0, -1.0],
    }  # 1,100 - 100 + 2,200 - 200; its renewal
    assert (
        "play_jpy.csv, column 'Transaction Type': 3 row(s) of type 'Tax' taken off their order's charge"
    ) in capsys.readouterr().out


def test_a_counted_amount_not_read_is_refused_not_kept_with_its_tax(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unclear = JPY.replace(",JPY,", ",XXX,")  # no currency to tell '1,100' by: the tax cannot be taken off
    message = refusal(capsys, "--orders", str(written(tmp_path, "play.csv", JPY_HEAD + unclear)), "--columns",
                      JPY_COLUMNS, "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert message == (
        "play.csv, column 'Amount (Buyer Currency)': numbers whose decimal mark cannot be told (1,234 or 1.234) in "
        "rows 2, 4, 6 (counting the header as row 1): '1,100', '2,200', '1,100': give --decimal , or --decimal ."
    ), message


# H446_05: a ledger's Tax of its charge's sign (+0.80 on top of 10.00) was advised taken off the charge (9.20)
@pytest.mark.parametrize("tax", ["0.80", "-0.80"])
def test_a_ledger_refused_for_its_taxes_tells_both_signs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tax: str
) -> None:
    ledger = (
        f"Order ID,Customer,Date,Transaction Type,Amount\nO-1,c1,2026-01-05,Charge,10.00\nO-1,c1,2026-01-05,Tax,{tax}\n"
    )
    message = refusal(capsys, "--orders", str(written(tmp_path, "ledger.csv", ledger)), "--columns",
                      "customer_id=Customer,date=Date,amount=Amount,order_id=Order ID", "--to-csv",
                      str(tmp_path / "o"))  # fmt: skip
    assert message == (
        "ledger.csv, column 'Transaction Type': row types that say neither a sale nor a refund (whether these were "
        "purchases cannot be told) in row 3 (counting the header as row 1): 'Tax': they are a ledger's fees, taxes or "
        "payouts, no sale: keep the rows of type 'Charge' only, each less the tax a 'Tax' row of the other sign takes "
        "back off it (revenue is net of tax; a 'Tax' row of its sign is a tax paid on top of it, left out), and import "
        "again"
    ), message
