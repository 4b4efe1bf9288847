"""A bare 'Credit' or 'Credit Amount' column beside an orders file's amount (a ledger's or an invoicing tool's) was
read as nothing: Ann's October invoice of 100.00 with 'Credit' 20.00 counted 100.00, silently (cohort 2026-09 month 1
revenue 150.0). Such a credit may be a credit note taken off the sale (revenue 80.00: 130.0) or a payment received
for it (100.00 stands): the name cannot tell, so the file is refused naming the column, the row and its value, with
the ways out (H521). A credit of 0.00 on every row changes nothing; mapped as the amount it is read; a debit and
credit ledger's 'Credit' is read by its own rules (reading.debit_sides); "Credits Applied" stays refused as
credited (reading.written_off)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
COLUMNS = ("--columns", "customer_id=Customer,order_id=Invoice")


def _invoices(name: str, credit: str = "20.00") -> str:
    return (
        f"Invoice,Date,Customer,Amount,{name}\n"
        "INV-1,2026-09-03,ann,100.00,0.00\n"
        "INV-2,2026-09-05,bob,50.00,\n"
        f"INV-3,2026-10-03,ann,100.00,{credit}\n"
        "INV-4,2026-10-05,bob,50.00,0.00\n"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("name", ["Credit", "Credit Amount", "credit_amount"])
def test_a_bare_credit_beside_the_amount_is_refused(tmp_path: Path, capsys, name: str, backend: str) -> None:
    path = written(tmp_path, "invoices.csv", _invoices(name))
    args = ("--orders", str(path), *COLUMNS, "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, *args) == (
        f"invoices.csv, column {name!r}: credits beside 'Amount' that may be a credit note taken off the sale or a "
        "payment received for it (whether 'Amount' keeps them cannot be told) in row 4 (counting the header as row "
        "1): '20.00': map a column of the amount each sale kept (--columns amount=NAME), or write 'Amount' less its "
        f"credit notes as the amount; or remove {name!r} if it holds payments received"
    )


def test_credits_of_zero_change_nothing(tmp_path: Path) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "i.csv", _invoices("Credit", credit="0.00")), *COLUMNS)
    assert pd.read_csv(out / "order_revenue_cohorts.csv").iloc[0].tolist() == ["2026-09", 150.0, 150.0]


def test_the_amount_kept_mapped_is_read(tmp_path: Path) -> None:
    text = _invoices("Credit").replace(",Credit\n", ",Credit,Net\n").splitlines()
    nets = ["100.00", "50.00", "80.00", "50.00"]
    text = [text[0]] + [f"{line},{net}" for line, net in zip(text[1:], nets, strict=True)]
    path = written(tmp_path, "n.csv", "\n".join(text) + "\n")
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Customer,order_id=Invoice,amount=Net")
    assert pd.read_csv(out / "order_revenue_cohorts.csv").iloc[0].tolist() == ["2026-09", 150.0, 130.0]
