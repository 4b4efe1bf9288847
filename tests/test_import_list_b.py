"""Import faults of list B (H51): surveys, analytics, orders and messages, each test on its own small input.

* 1: Google Forms' timestamps with their offset ("2026/03/04 5:06:07 PM GMT+1", "GMT-5", "GMT+5:30").
* 3: header names on two lines (Alt+Enter in Excel: "Customer\\nID"), in a CSV file and in a workbook.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]


# -- 1: Google Forms' "GMT+1" ---------------------------------------------------------------------------------------
FORMS = (
    "Timestamp,How likely are you to recommend us?\n"
    "2026/03/04 5:06:07 PM GMT+1,9\n"
    "2026/03/31 11:30:00 PM GMT-5,10\n"
    "2026/04/01 12:30:00 AM GMT+5:30,3\n"
    "2026/04/02 9:00:00 AM GMT,7\n"
)
FORMS_COLUMNS = "date=Timestamp,score=How likely are you to recommend us?"


@pytest.mark.parametrize("backend", BACKENDS)
def test_1_google_forms_offsets_keep_the_date_as_written(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "forms.csv"
    path.write_text(FORMS)
    nps = pd.read_csv(run(tmp_path, "--nps", path, "--columns", FORMS_COLUMNS, backend=backend) / "nps.csv")
    assert nps["month"].tolist() == ["2026-03", "2026-04"]
    assert nps[["responses", "promoters", "passives", "detractors"]].values.tolist() == [[2, 2, 0, 0], [2, 0, 1, 1]]


def test_1_google_forms_offsets_are_converted_with_timezone(tmp_path: Path) -> None:
    path = tmp_path / "forms.csv"
    path.write_text(FORMS)
    out = run(tmp_path, "--nps", path, "--columns", FORMS_COLUMNS, "--timezone", "UTC")
    nps = pd.read_csv(out / "nps.csv")  # 31 March 23:30 at -5 is 1 April in UTC; 1 April 00:30 at +5:30 is 31 March
    assert nps["month"].tolist() == ["2026-03", "2026-04"]
    assert nps[["responses", "promoters", "passives", "detractors"]].values.tolist() == [[2, 1, 0, 1], [2, 1, 1, 0]]


def test_1_an_offset_no_zone_has_is_refused_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "forms.csv"
    path.write_text("Timestamp,Score\n2026/03/04 5:06:07 PM GMT+1,9\n2026/03/05 5:06:07 PM GMT+19,8\n")
    err = refusal(capsys, "--nps", str(path), "--columns", "date=Timestamp", "--to-csv", str(tmp_path / "o"))
    assert err.startswith("forms.csv, column 'Timestamp': ")
    assert err.endswith("in row 3 (counting the header as row 1): '2026/03/05 5:06:07 PM GMT+19'")


# -- 3: header names on two lines -----------------------------------------------------------------------------------
@pytest.mark.parametrize("backend", BACKENDS)
def test_3_a_csv_header_on_two_lines_is_matched_by_its_words(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "subs.csv"
    path.write_text('"Customer\nID","Signup\r\ndate","MRR"\nc1,2026-01-05,10\nc2,2026-02-05,20\n')
    out = run(tmp_path, "--subscriptions", path, "--columns", "start=Signup date", backend=backend)
    moves = pd.read_csv(out / "movements.csv")
    assert moves["month"].tolist() == ["2026-01", "2026-02"]
    assert moves["customers_end"].tolist() == [1, 2]
    assert moves["mrr_end"].tolist() == [10.0, 30.0]


def test_3_refusals_quote_a_two_line_header_on_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "subs.csv"
    path.write_text('"Customer\nID","Month","Monthly\nRevenue"\nc1,2026-01,10\nc2,2026-02,x\n')
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert err.startswith("subs.csv: missing column 'mrr' (columns found: 'Customer ID', 'Month', 'Monthly Revenue')")
    err = refusal(capsys, "--subscriptions", str(path), "--columns", "mrr=Monthly Revenue", "--to-csv",
                  str(tmp_path / "o"))  # fmt: skip
    assert err.startswith("subs.csv, column 'Monthly Revenue': ")
    assert "in row 3 (counting the header as row 1): 'x'" in err


def test_3_a_workbook_header_with_alt_enter_is_matched(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Customer\nID", "Order\nDate", "Amount"])
    sheet.append(["a", dt.datetime(2026, 1, 5), 100])
    sheet.append(["b", dt.datetime(2026, 1, 6), 50])
    sheet.append(["a", dt.datetime(2026, 2, 6), 30])
    book.save(tmp_path / "orders.xlsx")
    out = run(tmp_path, "--orders", tmp_path / "orders.xlsx", "--columns", "date=Order Date")
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["buyers", "returning"]].values.tolist() == [[2, 0], [1, 1]]


# -- 6: a customer named 'Total' -------------------------------------------------------------------------------------
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", ["Total", "TOTAL"])
def test_6_a_customer_named_total_with_a_dated_order_is_a_customer(tmp_path: Path, backend: str, name: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        f"customer_id,date,amount\nTotal Wine & More,2026-01-05,120\nAcme,2026-01-07,80\n{name},2026-02-03,45\n"
    )
    out = run(tmp_path, "--orders", path, backend=backend)
    assert pd.read_csv(out / "purchases.csv")["buyers"].tolist() == [2, 1]
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [200.0, 45.0]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("tail", "label"),
    [
        ("TOTAL,2026-02-03,200.00,", "TOTAL"),  # the sum of the amounts above, dated
        ("Total,2026-02-03,100,", "Total"),  # their average
        ("Total,2026-02-03,45,", "Total"),  # the e-mail column, filled in every other row, left blank
    ],
)
def test_6_a_dated_total_whose_cells_are_totals_is_still_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, tail: str, label: str
) -> None:
    path = tmp_path / "orders.csv"
    rows = "customer_id,date,amount,email\nTotal Wine,2026-01-05,120,tw@x.com\nAcme,2026-01-07,80,a@x.com\n"
    path.write_text(rows + tail + ("" if tail.startswith("Total,2026-02-03,45") else "t@x.com") + "\n")
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "orders.csv, column 'customer_id': a summary row of the export (its totals, not data: remove it) in row 4 "
        f"(counting the header as row 1): {label!r}"
    )
