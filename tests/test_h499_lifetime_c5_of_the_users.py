"""A note of the user's in 'Lifetime value'!C5, where this version's template names the month whose churn rate is in
error (C7 and C8 say "C5 says where"): upgrade keeps it and says the template's note was not added (H486's finding 08:
before, upgrade said nothing, and C8's "the monthly churn (B5) is an error: C5 says where" sent to the user's words)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template

DATA = Path(__file__).parent / "data"
LINE = (
    "'Lifetime value'!C5 holds a note of yours ('Churn checked vs finance (CS lead)'), where this version's template "
    "names the month whose churn rate is in error: kept, the template's note not added (C7 and C8 send to the churn "
    "rates on Customers meanwhile); move your note to another cell and run upgrade again to add it"
)


def _upgraded(path: Path, capsys) -> str:
    capsys.readouterr()
    assert cli.main(["upgrade", str(path)]) == 0
    return capsys.readouterr().out


def _earlier(tmp_path: Path, c5: str | None) -> Path:
    path = tmp_path / "t.xlsx"
    shutil.copy(DATA / "template_2026-11-22_847ea2c3.xlsx", path)  # its Lifetime value: no note in C5
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["C5"] = c5
    wb.save(path)
    return path


def test_a_note_of_the_users_in_c5_is_kept_and_the_report_says_the_templates_was_not_added(tmp_path, capsys):
    path = _earlier(tmp_path, "Churn checked vs finance (CS lead)")
    out = _upgraded(path, capsys)
    assert LINE in out.splitlines()
    assert openpyxl.load_workbook(path)["Lifetime value"]["C5"].value == "Churn checked vs finance (CS lead)"


def test_an_empty_c5_gets_the_templates_note_without_the_line(tmp_path, capsys):
    path = _earlier(tmp_path, None)
    out = _upgraded(path, capsys)
    assert "holds a note of yours" not in out
    ours = openpyxl.load_workbook(build_template(tmp_path / "new.xlsx", start="2026-01", months=3))["Lifetime value"]
    assert openpyxl.load_workbook(path)["Lifetime value"]["C5"].value == ours["C5"].value


def test_the_templates_own_notes_in_c5_are_not_taken_for_the_users(tmp_path, capsys):
    earlier = tmp_path / "earlier.xlsx"
    shutil.copy(DATA / "template_before_2026-12-03.xlsx", earlier)  # C5: an earlier form of the template's note
    assert "holds a note of yours" not in _upgraded(earlier, capsys)
    current = build_template(tmp_path / "current.xlsx", start="2026-01", months=4)
    assert "holds a note of yours" not in _upgraded(current, capsys)


def test_the_line_is_said_for_a_new_tracker_too(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["C5"] = "Churn checked vs finance (CS lead)"
    wb.save(path)
    assert LINE in _upgraded(path, capsys).splitlines()


def _renamed_customers(tmp_path: Path, capsys) -> Path:
    """A new tracker whose Customers sheet was renamed Clients as Excel does (references and names follow, the
    template's "see Customers!" texts do not), brought up by upgrade as recalc advises (C5's text rewritten)."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    moved = re.compile(r"(?<!see )(?:'Customers'|\bCustomers)!")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.value = moved.sub("Clients!", cell.value)
    for name in wb.defined_names.values():
        name.attr_text = moved.sub("Clients!", name.attr_text)
    wb["Customers"].title = "Clients"
    wb.save(path)
    out = _upgraded(path, capsys)
    assert "'Lifetime value'!C5" in out and "holds a note of yours" not in out
    assert '"see Clients!"' in openpyxl.load_workbook(path)["Lifetime value"]["C5"].value
    return path


def test_the_templates_c5_naming_a_renamed_sheet_is_not_taken_for_the_users(tmp_path, capsys):
    # H517's finding 01: after the rename and one upgrade, upgrade (and extend) said "'Lifetime value'!C5 holds a note
    # of yours ('=IF(AND((ISERROR(B5)+ISNUMBER(FIND("|...')" of the template's note it had rewritten itself
    path = _renamed_customers(tmp_path, capsys)
    assert _upgraded(path, capsys).splitlines() == [
        f"{path}: its formulas are this version's already (nothing changed)"
    ]
    wb = openpyxl.load_workbook(path)  # as LibreOffice saves it: FALSE written FALSE()
    c5 = wb["Lifetime value"]["C5"].value
    assert c5.count(",FALSE))") == 1
    wb["Lifetime value"]["C5"] = c5.replace(",FALSE))", ",FALSE()))")
    wb.save(path)
    assert _upgraded(path, capsys).splitlines() == [
        f"{path}: its formulas are this version's already (nothing changed)"
    ]


def test_a_note_of_the_users_in_c5_beside_a_renamed_sheet_is_still_said(tmp_path, capsys):
    path = _renamed_customers(tmp_path, capsys)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["C5"] = "Churn checked vs finance (CS lead)"
    wb.save(path)
    assert LINE in _upgraded(path, capsys).splitlines()
