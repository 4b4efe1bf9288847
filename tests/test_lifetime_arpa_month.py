"""Lifetime value!B3, the default ARPA, divides the last month's MRR at end by the customers at end of that month.

Before: it took the customers at end in the same position on Customers as that MRR on Revenue (INDEX(Customers_End,
MATCH(COUNT(Revenue_End),Revenue_End_Seq,0))). A row the user inserted on Customers only (a blank row between two
months, which recalc computes around: each month's start still reads the month before) moved every later month down
one, so April's MRR at end was divided by March's customers, silently: ARPA and both lifetime values wrong. The
customers at end are now found by the month (Revenue_Months in Customers_Months).
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

_REF = re.compile(r"(?<![A-Za-z_\d.$])(\$?[A-Z]{1,3}\$?)(\d+)(?![\d(A-Za-z_!])")
_TEXT = re.compile(r'"(?:[^"]|"")*"')


def _shifted(formula: str, at: int) -> str:
    """``formula`` with each row reference at or below ``at`` one row down, as Excel rewrites the formulas of a sheet
    when a row is inserted at ``at`` (a range across it grows; texts are left as they are)."""
    parts, position = [], 0
    for text in (*_TEXT.finditer(formula), None):
        end = text.start() if text else len(formula)
        chunk = formula[position:end]
        parts.append(_REF.sub(lambda m: m[1] + str(int(m[2]) + (int(m[2]) >= at)), chunk))
        if text:
            parts.append(text[0])
            position = text.end()
    return "".join(parts)


def _insert_row(wb: openpyxl.Workbook, title: str, at: int) -> None:
    """Insert an empty row at ``at`` on sheet ``title`` as Excel does: its formulas and the defined names over it
    follow their cells (the template's other sheets read it through those names only)."""
    ws = wb[title]
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.value = _shifted(cell.value, at)
    ws.insert_rows(at)
    for name, defined in list(wb.defined_names.items()):
        if defined.attr_text.startswith((f"'{title}'!", f"{title}!")):
            sheet, _, area = defined.attr_text.partition("!")
            wb.defined_names[name] = DefinedName(name, attr_text=f"{sheet}!{_shifted(area, at)}")


def test_shifted_moves_the_rows_below_only():
    assert _shifted('=IF(D6="",COUNT($K$2:K5)+1,"D9")', 5) == '=IF(D7="",COUNT($K$2:K6)+1,"D9")'
    assert _shifted("$D$2:$D$13", 5) == "$D$2:$D$14"
    assert _shifted("=MAX($K:$K)+LOG10(A4)", 5) == "=MAX($K:$K)+LOG10(A4)"


def _tracker(tmp_path: Path, insert: bool) -> openpyxl.Workbook:
    """Four months typed: customers at end 10, 20, 28, 35 and MRR at end 100, 200, 300, 400; with ``insert`` an empty
    row inserted on Customers between February and March; recalculated by the embedded engine."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    customers, revenue = wb["Customers"], wb["Revenue"]
    customers["B2"], revenue["B2"] = 0, 0
    for row, (gained, end) in enumerate(((10, 10), (10, 20), (9, 28), (8, 35)), start=2):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
        revenue[f"C{row}"] = 100
    if insert:
        _insert_row(wb, "Customers", 4)
    wb.save(path)
    report = recalc_file(path, path, engine="embedded", in_place=True)
    if insert:  # the empty row is named (f6d9037: read by the formulas as a month without figures); values written
        assert report.status == "incomplete" and "'Customers'!A4 ('Month') is empty" in report.message, report.message
    else:
        assert report.status == "ok", report.message
    return openpyxl.load_workbook(path, data_only=True)


@pytest.mark.parametrize("insert", [False, True])
def test_arpa_divides_the_last_mrr_by_that_months_customers(tmp_path, insert):
    wb = _tracker(tmp_path, insert)
    customers = wb["Customers"]
    april = 6 if insert else 5
    assert customers[f"A{april}"].value.month == 4 and customers[f"D{april}"].value == 35
    assert customers[f"F{april}"].value == pytest.approx(27 / 28)  # the month's own rates still right
    assert wb["Revenue"]["H5"].value == 400
    assert wb["Lifetime value"]["B3"].value == pytest.approx(400 / 35)  # not 400 / 28, March's customers


def test_a_tracker_with_the_positional_arpa_is_brought_up_to_it(tmp_path, capsys):
    from xl_retention import cli
    from xl_retention.workbook.sheets import ARPA_DEFAULT

    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["B3"] = (  # as the template wrote it until 2026-12-02
        '=IF(COUNT(Revenue_End)=0,"",IF(NOT(ISNUMBER(IFERROR(INDEX(Customers_End,MATCH(COUNT(Revenue_End),'
        'Revenue_End_Seq,0))+0,""))),"",IF(IFERROR(INDEX(Customers_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0))+0,'
        '"")=0,"",INDEX(Revenue_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0))/IFERROR(INDEX(Customers_End,MATCH('
        'COUNT(Revenue_End),Revenue_End_Seq,0))+0,""))))'
    )
    wb.save(path)
    assert cli.main(["extend", str(path), "--months", "1"]) == 0
    assert "'Lifetime value'!B3" in capsys.readouterr().out
    assert openpyxl.load_workbook(path)["Lifetime value"]["B3"].value == ARPA_DEFAULT
