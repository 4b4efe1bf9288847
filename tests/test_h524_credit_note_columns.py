"""A column of a credit note's or memo's amount beside an orders file's amount, named the document alone ('Credit
Note', 'credit_note', 'Creditnote', QuickBooks' 'Credit Memo') or 'Credit Memo Amount', was read as nothing: Ann's
October invoice of 100.00 with 20.00 under it counted 100.00, silently (cohort 2026-09 month 1 revenue 150.0), while
'Credit Notes' of the same file was refused (the amount kept cannot be told). 'Total Credit' and 'Credit Total' were
read so too, while a bare 'Credit' was refused. Now refused as those are (H524's finding 01); a 'Credit Note' holding
the credit notes' numbers (1001: no cents) is read as before."""

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


def _invoices(name: str, credit: str = "20.00", zero: str = "0.00") -> str:
    return (
        f"Invoice,Date,Customer,Amount,{name}\n"
        f"INV-1,2026-09-03,ann,100.00,{zero}\n"
        "INV-2,2026-09-05,bob,50.00,\n"
        f"INV-3,2026-10-03,ann,100.00,{credit}\n"
        f"INV-4,2026-10-05,bob,50.00,{zero}\n"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("name", ["Credit Note", "credit_note", "Creditnote", "Credit Memo", "Credit Memo Amount"])
def test_a_credit_note_amount_beside_the_amount_is_refused(tmp_path: Path, capsys, name: str, backend: str) -> None:
    path = written(tmp_path, "invoices.csv", _invoices(name))
    args = ("--orders", str(path), *COLUMNS, "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, *args) == (
        f"invoices.csv, column {name!r}: amounts credited after the sale, not paid (counted at 'Amount' the revenue "
        "and repeat purchases would count money never received): write the amount kept as the amount and remove the "
        "invoices that kept nothing, or remove this column where 'Amount' already leaves it out in row 4 (counting "
        "the header as row 1): '20.00'"
    )


@pytest.mark.parametrize("name", ["Total Credit", "Credit Total"])
def test_a_total_credit_is_a_bare_credit(tmp_path: Path, capsys, name: str) -> None:
    path = written(tmp_path, "invoices.csv", _invoices(name))
    assert refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        f"invoices.csv, column {name!r}: credits beside 'Amount' that may be a credit note taken off the sale or a "
        "payment received for it (whether 'Amount' keeps them cannot be told) in row 4 (counting the header as row "
        "1): '20.00': map a column of the amount each sale kept (--columns amount=NAME), or write 'Amount' less its "
        f"credit notes as the amount; or remove {name!r} if it holds payments received"
    )


@pytest.mark.parametrize("name", ["Credit Note", "Credit Memo"])
def test_a_credit_note_number_is_read_as_before(tmp_path: Path, name: str) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "i.csv", _invoices(name, credit="1001", zero="")), *COLUMNS)
    assert pd.read_csv(out / "order_revenue_cohorts.csv").iloc[0].tolist() == ["2026-09", 150.0, 150.0]


def test_credit_notes_of_zero_change_nothing(tmp_path: Path) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "i.csv", _invoices("Credit Note", credit="0.00")), *COLUMNS)
    assert pd.read_csv(out / "order_revenue_cohorts.csv").iloc[0].tolist() == ["2026-09", 150.0, 150.0]
