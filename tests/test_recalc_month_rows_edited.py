"""A tracker whose user deleted a month's row, or sorted its months newest first: recalc names the cause.

Before: a month's row deleted on Customers left the next month's start ``=...IF(#REF!="",...)`` and its rates #REF!,
listed with an empty reason; a sheet sorted newest first (each month's start then reads the later month: a true
circle) was refused as a bare "circular reference: Customers!B2". import and extend say "Customers!A4 is 2026-04, not
2026-03: the months of a tracking sheet must follow each other"; recalc now says it too (H112's findings 01 and 02).
The edits are made as Excel makes them: a deleted row's references become #REF!, the references below move up; a
sort moves each row's formula as a copy (its relative references follow it).
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.formula.translate import Translator
from openpyxl.utils.cell import coordinate_from_string, range_boundaries

from xl_retention import cli
from xl_retention.workbook import build_template

CUSTOMERS = {"B2": 100, "C2": 10, "D2": 105, "C3": 5, "D3": 100, "C4": 8, "D4": 101, "C5": 4, "D5": 99}


def _tracker(tmp_path: Path) -> openpyxl.Workbook:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    for ref, value in CUSTOMERS.items():
        wb["Customers"][ref] = value
    return wb


def _after_delete(formula: str, deleted: int) -> str:
    """``formula`` (on the sheet, below row ``deleted``) as Excel leaves it when row ``deleted`` is deleted: a
    reference to that row alone is #REF!, a range ending there ends a row above, rows below move up."""
    tokens = Tokenizer(formula).items
    out = []
    for token in tokens:
        text = token.value
        if token.type == Token.OPERAND and token.subtype == Token.RANGE and "!" not in text:
            if ":" in text and text[-1].isdigit():  # not a whole column ($K:$K)
                first, last = text.split(":")
                low, high = range_boundaries(text.replace("$", ""))[1::2]
                if high >= deleted:
                    last = _moved(last, -1)
                if low > deleted:
                    first = _moved(first, -1)
                text = f"{first}:{last}"
            elif text[-1].isdigit():
                row = coordinate_from_string(text.replace("$", ""))[1]
                text = "#REF!" if row == deleted else _moved(text, -1) if row > deleted else text
        out.append(text)
    return "=" + "".join(out)


def _moved(ref: str, by: int) -> str:
    letters = ref.rstrip("0123456789")
    return f"{letters}{int(ref[len(letters) :]) + by}"


def _recalc(tmp_path: Path, capsys, wb: openpyxl.Workbook) -> dict:
    path = tmp_path / "edited.xlsx"
    wb.save(path)
    capsys.readouterr()
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report


def test_a_deleted_month_row_names_the_deleted_cell_and_the_month_missing(tmp_path, capsys):
    wb = _tracker(tmp_path)
    ws = wb["Customers"]
    rows = {r: [c.value for c in ws[r]] for r in range(4, ws.max_row + 1)}
    ws.delete_rows(3)  # February, as Excel deletes it: the rows below move up, their formulas too
    for r, values in rows.items():
        for c, value in enumerate(values, start=1):
            ws.cell(r - 1, c).value = _after_delete(value, 3) if isinstance(value, str) and value[:1] == "=" else value
    assert "#REF!" in ws["B3"].value  # March's start read February's end
    mine = wb.create_sheet("Mine")  # the user's own figures over the months: a name of a range, a range
    mine["A1"], mine["A2"] = "=AVERAGE(Customers_CRR)", "=SUM(Customers!$E$2:E5)"
    report = _recalc(tmp_path, capsys, wb)
    errors = {e["address"]: (e["error"], e["reason"]) for e in report["errors"] if e["address"].startswith("Customers")}
    why = (
        "Customers!B3: the formula refers to a deleted cell (#REF! in its text): a row, column or sheet it read was "
        "deleted: Customers!A3 is 2026-03, not 2026-02: the months of a tracking sheet must follow each other, one "
        "row each: put the missing month's row back (Undo in Excel before saving, or copy it from a backup) or make a "
        "new tracker and import into it (#REF!)"
    )
    assert errors == {
        "Customers!B3": ("#REF!", why),
        "Customers!E3": ("#REF!", f"{why}, from Customers!B3"),
        "Customers!F3": ("#REF!", f"{why}, from Customers!B3"),
        "Customers!G3": ("#REF!", f"{why}, from Customers!B3"),
    }
    mine = {e["address"]: (e["error"], e["reason"]) for e in report["errors"] if e["address"].startswith("Mine")}
    assert mine == {
        "Mine!A1": ("#REF!", f"{why}, from Customers!F3"),
        "Mine!A2": ("#REF!", f"{why}, from Customers!E3"),
    }


def test_a_formula_reading_a_deleted_cell_of_a_users_sheet_says_to_write_it_again(tmp_path, capsys):
    wb = _tracker(tmp_path)
    wb.create_sheet("Mine")["A1"] = "=#REF!+1"  # a row it read deleted
    report = _recalc(tmp_path, capsys, wb)
    errors = {e["address"]: e["reason"] for e in report["errors"]}
    assert errors["Mine!A1"] == (
        "Mine!A1: the formula refers to a deleted cell (#REF! in its text): a row, column or sheet it read was "
        "deleted: write the reference again (#REF!)"
    )


def test_months_sorted_newest_first_are_named_not_a_bare_circular_reference(tmp_path, capsys):
    wb = _tracker(tmp_path)
    ws = wb["Customers"]
    rows = {r: [c.value for c in ws[r]] for r in range(2, 6)}
    for r, values in rows.items():  # sorted on Month, newest first: row r goes to row 7 - r, its formulas copied
        to = 7 - r
        for c, value in enumerate(values, start=1):
            cell = ws.cell(to, c)
            if isinstance(value, str) and value[:1] == "=":
                value = Translator(value, origin=f"A{r}").translate_formula(f"A{to}")
            cell.value = value
    report = _recalc(tmp_path, capsys, wb)
    assert report["status"] == "failed"
    assert report["message"] == (
        "edited.xlsx: Customers!A3 is 2026-03, not 2026-05: the months of a tracking sheet must follow each other, "
        "oldest first: sort the rows by 'Month', oldest to newest (each month's start reads the row above, the month "
        "before)"
    )


def test_two_months_swapped_are_refused_not_computed_for_the_wrong_months(tmp_path, capsys):
    wb = _tracker(tmp_path)
    ws = wb["Customers"]
    rows = {r: [c.value for c in ws[r]] for r in (3, 4)}
    for r, values in rows.items():  # February and March swapped (moved, or sorted on another column): no circle,
        to = 7 - r  # March's start would read January's end (105, not 100): a wrong number, said to be right
        for c, value in enumerate(values, start=1):
            if isinstance(value, str) and value[:1] == "=":
                value = Translator(value, origin=f"A{r}").translate_formula(f"A{to}")
            ws.cell(to, c).value = value
    report = _recalc(tmp_path, capsys, wb)
    assert report["status"] == "failed"
    assert report["message"] == (
        "edited.xlsx: Customers!A4 is 2026-02, not 2026-04: the months of a tracking sheet must follow each other, "
        "oldest first: sort the rows by 'Month', oldest to newest (each month's start reads the row above, the month "
        "before)"
    )
    assert not (tmp_path / "out" / "edited.xlsx").exists()


def test_the_first_month_row_deleted_says_to_type_the_new_first_start(tmp_path, capsys):
    wb = _tracker(tmp_path)
    ws = wb["Customers"]
    rows = {r: [c.value for c in ws[r]] for r in range(3, ws.max_row + 1)}
    ws.delete_rows(2)  # January: February's start read its end
    for r, values in rows.items():
        for c, value in enumerate(values, start=1):
            ws.cell(r - 1, c).value = _after_delete(value, 2) if isinstance(value, str) and value[:1] == "=" else value
    report = _recalc(tmp_path, capsys, wb)
    errors = {e["address"]: e["reason"] for e in report["errors"] if e["address"].startswith("Customers")}
    why = (
        "Customers!B2: the formula refers to a deleted cell (#REF! in its text): a row, column or sheet it read was "
        "deleted: it is the first month's Customers at start now (the month before it was deleted): type the number "
        "there (#REF!)"
    )
    assert errors == {"Customers!B2": why, **{f"Customers!{c}2": f"{why}, from Customers!B2" for c in "EFG"}}
