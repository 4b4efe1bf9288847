"""import --into a tracker made before the Dashboard's purchases-and-visits table (66675fd) or its readable latest
figures (0dbc179): the Dashboard is brought up to this version's, a user's own cells kept, or a note says why not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.dashboard_upgrade import EARLIER
from xl_retention.workbook.error_texts import in_error

ORDERS = "customer_id,date,amount\na,2026-01-05,10\na,2026-01-20,12\nb,2026-01-10,30\nc,2026-02-01,8\nb,2026-03-02,30\n"
VISITS = "visitor_id,date\nv1,2026-01-01\nv1,2026-02-01\nv2,2026-02-03\n"
B4_BEFORE = '=IF(COUNT(Customers_End)=0,"",INDEX(Customers_End,MATCH(COUNT(Customers_End),Customers_End_Seq,0)))'
TABLE = [f"{c}{r}" for r in range(3, 7) for c in "EFG"]


def old_tracker(path: Path, **cells: object) -> Path:
    """A tracker as the template made it before 66675fd: no E3:G6 on the Dashboard, B4 and B9 their earlier forms
    (written in the same cells: their styles as they were); ``cells``: more cells of the user's (Dashboard)."""
    build_template(path, start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    ws = wb["Dashboard"]
    for ref in TABLE:
        ws[ref] = None
    for column in "EFG":
        del ws.column_dimensions[column]
    ws["B4"], ws["B9"] = B4_BEFORE, "=LTV_CLV"
    for ref, value in cells.items():
        ws[ref] = value
    wb.save(path)
    return path


def importing(tmp_path: Path, book: Path, capsys) -> str:
    orders, visits = tmp_path / "orders.csv", tmp_path / "visits.csv"
    orders.write_text(ORDERS)
    visits.write_text(VISITS)
    capsys.readouterr()
    assert cli.main(["import", "--orders", str(orders), "--visits", str(visits), "--into", str(book), "--recalc"]) == 0
    return capsys.readouterr().out


def test_the_earlier_forms_are_earlier_templates(tmp_path):
    assert B4_BEFORE in EARLIER["B4"] and "=LTV_CLV" in EARLIER["B9"]
    ws = openpyxl.load_workbook(build_template(tmp_path / "t.xlsx", start="2026-01", months=2))["Dashboard"]
    assert not [ref for ref, forms in EARLIER.items() if ws[ref].value in forms]  # none is this version's


def test_an_old_trackers_dashboard_gets_the_shop_table_and_readable_figures_on_import(tmp_path, capsys):
    """Fault 2: a shop owner importing orders and visits into a tracker made before 66675fd saw nothing of them on
    the Dashboard (no E3:G6) -> the table is added, styled as the latest figures beside it, with the rates of the
    last month with each (March: b alone, once, having ordered in January: repeat 0, returning 1; visits: February,
    1 of 2 returning); B4 and B9 get this version's formulas; the user's own formula in B6 stays."""
    book = old_tracker(tmp_path / "old.xlsx", B6="=0.5*1", I2="my note")
    out = importing(tmp_path, book, capsys)
    assert "'Dashboard'!B4" in out and "'Dashboard'!E3:G6" in out and "'Dashboard'!B6" not in out
    wb = openpyxl.load_workbook(book)
    ws = wb["Dashboard"]
    assert ws["B4"].value.startswith(f"=IF(IFERROR(LOOKUP(2,1/{in_error('Customers_End')},ROW(Customers_End)),0)>")
    see = "\"see 'Lifetime value'!\"&ADDRESS(ROW(LTV_CLV),COLUMN(LTV_CLV),4)"
    assert ws["B9"].value == f'=IF({in_error("LTV_CLV")},IF(ISREF(LTV_CLV),{see},""),LTV_CLV)'
    assert (ws["B6"].value, ws["I2"].value) == ("=0.5*1", "my note")
    assert [ws[f"E{r}"].value for r in range(3, 7)] == [
        "Purchases and visits", "Repeat purchase rate", "Returning customer rate", "Returning visitor rate",
    ]  # fmt: skip
    assert ws["F4"].number_format == ws["B6"].number_format and ws["G4"].number_format == ws["C6"].number_format
    assert ws["E3"].fill.fgColor.rgb == ws["A3"].fill.fgColor.rgb and ws["E3"].font.b == ws["A3"].font.b
    assert ws.column_dimensions["E"].width == 21  # the template's E (26 before H248 widened F for its "see ..." text)
    values = openpyxl.load_workbook(book, data_only=True)["Dashboard"]
    assert [values[f"F{r}"].value for r in range(4, 7)] == [0, 1, 0.5]
    assert [values[f"G{r}"].value for r in range(4, 7)] == [dt.datetime(2026, 3, 1)] * 2 + [dt.datetime(2026, 2, 1)]


def test_cells_of_the_users_where_the_table_goes_stay_and_a_note_says_so(tmp_path, capsys):
    book = old_tracker(tmp_path / "own.xlsx", F5="=Customers!D2*2")
    out = importing(tmp_path, book, capsys)
    assert "'Dashboard'!E3:G6 holds cells of yours" in out
    ws = openpyxl.load_workbook(book)["Dashboard"]
    assert ws["F5"].value == "=Customers!D2*2" and ws["E4"].value is None


def test_a_tracker_without_the_names_the_table_reads_gets_a_note(tmp_path, capsys):
    book = old_tracker(tmp_path / "names.xlsx")
    wb = openpyxl.load_workbook(book)
    del wb.defined_names["Visits_Returning_Rate"]
    wb.save(book)
    out = importing(tmp_path, book, capsys)
    assert "lacks the names they read (Visits_Returning_Rate)" in out
    assert openpyxl.load_workbook(book)["Dashboard"]["E4"].value is None


def test_a_tracker_whose_purchases_sheet_was_deleted_gets_no_table_of_errors(tmp_path, capsys):
    """A subscription business deleted "Purchases and visits" (its names then point at no sheet): the table would
    show #REF! on the Dashboard -> not added; the import's other figures are as before."""
    book = old_tracker(tmp_path / "sub.xlsx")
    wb = openpyxl.load_workbook(book)
    del wb["Purchases and visits"]
    wb.save(book)
    csv = tmp_path / "s.csv"
    csv.write_text("customer_id,month,mrr\na,2026-01,10\nb,2026-02,10\n")
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(book), "--recalc"]) == 0
    assert "'Dashboard'!E3:G6" not in capsys.readouterr().out
    ws = openpyxl.load_workbook(book, data_only=True)["Dashboard"]
    assert [ws[ref].value for ref in TABLE] == [None] * 12 and ws["B5"].value == 10  # February: b alone


def test_a_renamed_old_dashboard_is_brought_up_to_date_under_its_name(tmp_path, capsys):
    """The same old Dashboard renamed 'Overview' was left as it was (its B4 the earlier form, no purchases and visits
    table) with no word -> found by its latest figures' header and labels, brought up to date under its name."""
    book = old_tracker(tmp_path / "old.xlsx")
    wb = openpyxl.load_workbook(book)
    wb["Dashboard"].title = "Overview"
    wb.save(book)
    out = importing(tmp_path, book, capsys)
    assert "'Overview'!B4" in out and "'Overview'!E3:G6" in out
    ws = openpyxl.load_workbook(book)["Overview"]
    b4 = f"=IF(IFERROR(LOOKUP(2,1/{in_error('Customers_End')},ROW(Customers_End)),0)>"
    assert ws["B4"].value.startswith(b4) and ws["E4"].value == "Repeat purchase rate"
    values = openpyxl.load_workbook(book, data_only=True)["Overview"]
    assert [values[f"F{r}"].value for r in range(4, 7)] == [0, 1, 0.5]
