"""An empty month's row deleted on Customers of a tracker kept by hand (H273's task, item 3).

Before: the user deleted September 2026's row (empty, the months typed to May) on Customers, in LibreOffice: October's
start then read ``#REF!``, but its row is empty, so nothing showed it and recalc said ``ok`` with no word; September
then had no row to be typed in (typed in the next one it would be October's), and upgrade refused the file with
"Customers!A10 is 2026-10, not 2026-09: the months of a tracking sheet must follow each other" and no way on. Now
recalc names it (incomplete) and upgrade's refusal says what to do: insert a row, type the month, run upgrade (done
in LibreOffice, that makes every Customers formula a new tracker's again). The deletion is made here as Excel and
LibreOffice make it: a reference to the deleted row alone is #REF!, a range ending there ends a row above, rows
below move up, the sheet's names end a row above.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.utils.cell import coordinate_from_string, range_boundaries

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.deleted_months import deleted_month_row
from xl_retention.workbook.upgrade_file import upgrade_workbook

ADVICE = (
    "Customers!A10 is 2026-10, not 2026-09: the months of a tracking sheet must follow each other (a month's row "
    "deleted?): insert a row above Customers!A10, type 2026-09 in the Month column and run xl-retention upgrade on the "
    "workbook, which puts the template's formulas in the new row and in the month after them (your figures are kept)"
)


def _moved(ref: str, by: int) -> str:
    letters = ref.rstrip("0123456789")
    return f"{letters}{int(ref[len(letters) :]) + by}"


def _after_delete(formula: str, deleted: int) -> str:
    out = []
    for token in Tokenizer(formula).items:
        text = token.value
        if token.type == Token.OPERAND and token.subtype == Token.RANGE and "!" not in text:
            if ":" in text and text[-1].isdigit():
                first, last = text.split(":")
                low, high = range_boundaries(text.replace("$", ""))[1::2]
                last = _moved(last, -1) if high >= deleted else last
                first = _moved(first, -1) if low > deleted else first
                text = f"{first}:{last}"
            elif text[-1].isdigit():
                row = coordinate_from_string(text.replace("$", ""))[1]
                text = "#REF!" if row == deleted else _moved(text, -1) if row > deleted else text
        out.append(text)
    return "=" + "".join(out)


def _row_deleted(tmp_path: Path, typed: dict[str, int]) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    ws["B2"] = 100
    for i, (gained, end) in enumerate([(20, 110), (15, 118), (18, 126), (10, 130), (12, 135)]):
        ws.cell(2 + i, 3).value, ws.cell(2 + i, 4).value = gained, end
    for ref, value in typed.items():
        ws[ref] = value
    rows = {r: [c.value for c in ws[r]] for r in range(11, ws.max_row + 1)}
    ws.delete_rows(10)  # September 2026
    for r, values in rows.items():
        for c, value in enumerate(values, start=1):
            ws.cell(r - 1, c).value = _after_delete(value, 10) if isinstance(value, str) and value[:1] == "=" else value
    for name in wb.defined_names.values():
        if name.attr_text.startswith("Customers!") and name.attr_text.endswith("$13"):
            name.attr_text = name.attr_text[:-2] + "12"
    wb.save(path)
    return path


def test_recalc_names_the_deleted_empty_month_row(tmp_path, capsys):
    path = _row_deleted(tmp_path, {})
    assert "#REF!" in openpyxl.load_workbook(path)["Customers"]["B10"].value  # October's start read September's end
    said = (
        f"{ADVICE}; until then the months skip there: a month's figures have no row of their own, and 2026-10's start "
        "reads the deleted row (#REF!, shown when its figures are typed)"
    )
    assert deleted_month_row(path) == said
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert (report["status"], report["message"]) == ("incomplete", f"t.xlsx: {said}")


def test_upgrade_refuses_saying_how_to_put_the_row_back(tmp_path):
    path = _row_deleted(tmp_path, {})
    with pytest.raises(ValueError) as refused:
        upgrade_workbook(path)
    assert str(refused.value) == ADVICE


def test_a_month_typed_after_the_gap_is_named_too(tmp_path, capsys):
    """H510's finding 02: with the month after the gap typed, its #REF! start shows, and the file was left to that
    error with status ok and exit 0 (README: a tracker whose months skip is no good one)."""
    path = _row_deleted(tmp_path, {"C11": 7})  # October typed (row 10 after the deletion): its #REF! start shows
    said = (
        f"{ADVICE}; type the figures of the month deleted again in the new row if it held them; until then the months "
        "skip there: a month's figures have no row of their own, and 2026-10's start reads the deleted row (#REF!)"
    )
    assert deleted_month_row(path) == said  # was None; the figures to type again: H513's finding 04
    code = cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert (code, report["status"], report["message"]) == (1, "incomplete", f"t.xlsx: {said}")  # was 0, ok, ''
    assert "Customers!B10" in {e["address"] for e in report["errors"]}  # its #REF! still listed with its reason
