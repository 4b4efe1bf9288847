"""Google Play's earnings report with a blank amount beside a tax (H457 task 1). A 'Tax' row whose amount counted was
blank was left out and its charge counted whole: January 20.79 with the 1.72 of VAT in it, and a note that said
nothing ("play.csv, column 'Transaction Type': "); a 'Charge' whose amount was blank beside its 'Tax' of -1.72 was
refused only later as "orders without an amount on any of their rows in row 3", naming neither its order nor its tax.
Now both are refused naming the row, the order id and the tax; a tax of 0.00 is left out with a note saying so."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

HEAD = "Description,Transaction Date,Transaction Type,Buyer Currency,Amount (Buyer Currency),Merchant Currency,"
HEAD += "Amount (Merchant Currency)\n"
A, B = "GPA.3312-4490-1234-56789", "GPA.3398-1122-3344-55667"
COLUMNS = "customer_id=Description,date=Transaction Date,amount=Amount (Merchant Currency)"


def _report(charge: str, tax: str) -> str:
    return HEAD + (
        f'{A},"Jan 5, 2026",Charge,USD,9.99,USD,9.99\n'
        f'{B},"Jan 20, 2026",Charge,EUR,11.90,USD,{charge}\n'
        f'{B},"Jan 20, 2026",Tax,EUR,-1.90,USD,{tax}\n'
        f'{A}..0,"Feb 5, 2026",Charge,USD,9.99,USD,9.99\n'
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_blank_charge_beside_its_tax_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    message = refusal(capsys, "--orders", str(written(tmp_path, "play.csv", _report("", "-1.72"))), "--columns",
                      COLUMNS, "--backend", backend, "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert message == (
        "play.csv, column 'Amount (Merchant Currency)': the charge of order 'GPA.3398-1122-3344-55667' ('Description') "
        "has no amount in 'Amount (Merchant Currency)' beside its 'Tax' row (row 4: '-1.72') (what the buyer paid "
        "cannot be told: its tax is no revenue, and a blank is no 0) in row 3 (counting the header as row 1): "
        "'Charge': write the charge's amount in 'Amount (Merchant Currency)', or export the report again"
    ), message


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_blank_tax_is_refused_not_read_as_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    message = refusal(capsys, "--orders", str(written(tmp_path, "play.csv", _report("10.80", ""))), "--columns",
                      COLUMNS, "--backend", backend, "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert message == (
        "play.csv, column 'Amount (Merchant Currency)': a tax row of order 'GPA.3398-1122-3344-55667' ('Description') "
        "with no amount in 'Amount (Merchant Currency)' (how much tax its charge holds cannot be told; a blank is no "
        "0) in row 4 (counting the header as row 1): 'Tax': write the tax's amount in 'Amount (Merchant Currency)' (0 "
        "where there is none), or export the report again"
    ), message


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_tax_of_0_is_left_out_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "play.csv", _report("10.80", "0.00")), "--columns", COLUMNS,
              backend=backend)  # fmt: skip
    table = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort")
    assert table.loc["2026-01"].round(2).tolist() == [20.79, 9.99]  # 9.99 + 10.80 (its tax 0.00), then 9.99
    assert (
        "play.csv, column 'Transaction Type': 1 row(s) of type 'Tax' of 0 left out: no tax to take off"
    ) in capsys.readouterr().out.splitlines()
