"""A workbook's own VBA ``Function NPS`` is what its formulas' ``NPS(..)`` call in Excel (H151's finding 04: recalc
computed xl-retention's NPS there, 0.5 became 50, status ok). tests/data/vba/own_nps_function.bin is a VBA project
whose standard module Module1 holds ``Function NPS(r)`` (promoters less detractors over the count, a fraction)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation.formula_texts import FormulaTexts
from xl_retention.recalculation.package import scan
from xl_retention.recalculation.vba_functions import _functions, vba_functions, vba_shadowed

_VBA = Path(__file__).parent / "data" / "vba" / "own_nps_function.bin"


def _workbook(tmp_path: Path, vba: bytes | None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Survey"
    for row, score in enumerate([10, 9, 9, 8, 7, 10, 3, 9], start=2):
        ws[f"A{row}"] = score
    ws["C2"], ws["D2"], ws["C3"] = "=NPS(A2:A9)", "=C2*100", '=COUNTIF(A2:A9,">=9")'
    ws["C4"] = '="NPS("&C3&")"'
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    path = tmp_path / "book.xlsm"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        if vba is not None:
            zout.writestr("xl/vbaProject.bin", vba)
    return path


def test_a_workbooks_own_vba_function_named_as_ours_is_found_and_its_calls_listed(tmp_path: Path) -> None:
    path = _workbook(tmp_path, _VBA.read_bytes())
    assert vba_functions(path) == {"NPS": "Module1"}
    info = scan(str(path))
    formulas = {sheet: FormulaTexts(cells) for sheet, cells in info.formulas.items()}
    found = vba_shadowed(path, formulas, set())
    assert [(u.sheet, u.ref, u.function) for u in found] == [("Survey", "C2", "NPS")]
    assert found[0].reason == (
        "NPS is a VBA function of this workbook (module Module1), which Excel calls here, not xl-retention's NPS; the "
        "embedded engine does not run VBA, so it does not compute it"
    )
    assert vba_shadowed(path, formulas, {("Survey", "C2")}) == []
    plain = _workbook(tmp_path, None)  # no VBA project: our NPS
    assert vba_functions(plain) == {} and vba_shadowed(plain, formulas, set()) == []


def test_an_unreadable_vba_project_lists_every_call_of_ours(tmp_path: Path) -> None:
    path = _workbook(tmp_path, b"not an OLE file")
    why = vba_functions(path)
    assert isinstance(why, str) and why
    info = scan(str(path))
    formulas = {sheet: FormulaTexts(cells) for sheet, cells in info.formulas.items()}
    found = vba_shadowed(path, formulas, set())
    assert [(u.sheet, u.ref, u.function) for u in found] == [("Survey", "C2", "NPS")]
    assert found[0].reason.startswith(
        "the workbook has a VBA project (xl/vbaProject.bin) the embedded engine could not"
    )


def test_xlwings_wrappers_of_our_functions_and_private_ones_are_not_the_workbooks_own() -> None:
    code = (
        'Attribute VB_Name = "xlwings_udfs"\n'
        "Function NPS(scores)\n"
        "        If TypeOf Application.Caller Is Range Then On Error GoTo failed\n"
        '        NPS = Py.CallUDF("xl_retention.udfs", "NPS", Array(scores), ThisWorkbook, Application.Caller)\n'
        "        Exit Function\n"
        "failed:\n"
        "        NPS = Err.Description\n"
        "End Function\n"
        "Private Function CLV(x)\n    CLV = 1\nEnd Function\n"
        "Public Static Function CRR(a, b, c)\n    CRR = 2\nEnd Function\n"
        "Property Get Churn_Rate()\n    Churn_Rate = 3\nEnd Property\n"
    )
    found = {name: "xl_retention.udfs" in body.lower() for name, body in _functions(code)}
    assert found == {"NPS": True, "CRR": False, "Churn_Rate": False}
