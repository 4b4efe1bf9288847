"""H516's finding 01: a value kept where the engine lacks the function (FORECAST.ETS, a UDF's GET_MRR) is Excel's
answer for the inputs it was stored with. When a computed cell shows an input changed since (B3 14 -> 40 by a
program that keeps the stored values), a kept cell reading that input is stale: listed, not stored, the file
`incomplete` (README, recalc's statuses). Read through a defined name (SUM(Sales), FORECAST.ETS(9,Sales,A1:A8)) or
an OFFSET landing on the changed cell (=OFFSET(A1,2,1)), the link was lost: status ok and Excel's old 26 written
beside the new 162. Now the name's range and the OFFSET's landing are the cells read."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from xl_retention import cli


def _build(path: Path, kept: str, computed: str, computed_stored: int, sheets: bool = False) -> None:
    """S!A1:A8 = 1..8, S!B1:B8 = 10, 12, ... 24 (the name Sales), C1 = ``kept`` stored 26, D1 = ``computed`` stored
    ``computed_stored``, both Excel's values for B3 = 14; then B3 (or Feb!B3 2 -> 50) changed keeping those values."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for i, v in enumerate([10, 12, 14, 16, 18, 20, 22, 24], 1):
        ws[f"A{i}"], ws[f"B{i}"] = i, v
    wb.defined_names["Sales"] = DefinedName("Sales", attr_text="S!$B$1:$B$8")
    wb.defined_names["Rng"] = DefinedName("Rng", attr_text='INDIRECT("S!B1:B3")')  # H524's finding 05
    wb.defined_names["Rng2"] = DefinedName("Rng2", attr_text="Rng")  # a name of it: H524's finding 11
    if sheets:
        for name, v in [("Jan", 1), ("Feb", 2), ("Mar", 3)]:
            wb.create_sheet(name)["B3"] = v
    ws["C1"], ws["D1"] = "=" + kept, "=" + computed
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    x = parts["xl/worksheets/sheet1.xml"].decode()
    x = re.sub(r'(<c r="C1"[^>]*>)(<f>[^<]*</f>)<v\s*/>', r"\1\2<v>26</v>", x)
    x = re.sub(r'(<c r="D1"[^>]*>)(<f>[^<]*</f>)<v\s*/>', rf"\1\2<v>{computed_stored}</v>", x)
    if sheets:
        y = parts["xl/worksheets/sheet3.xml"].decode()
        parts["xl/worksheets/sheet3.xml"] = re.sub(r'(<c r="B3"[^>]*>)<v>2</v>', r"\1<v>50</v>", y).encode()
    else:
        x = re.sub(r'(<c r="B3"[^>]*>)<v>14</v>', r"\1<v>40</v>", x)
    parts["xl/worksheets/sheet1.xml"] = x.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


ETS = "unsupported function FORECAST.ETS"
UDF = "GET_MRR is not an Excel function: an add-in's, a macro's or a UDF's, which the embedded engine does not have"
CASES = {
    "name_computed": ("_xlfn.FORECAST.ETS(9,B1:B8,A1:A8)", "SUM(Sales)", 136, False,
                      f"{ETS}; it reads S!B1:B8, which S!D1 reads too, whose stored value 136 differs from its value "
                      "now, 162: the file's values predate its inputs"),
    "name_kept": ("_xlfn.FORECAST.ETS(9,Sales,A1:A8)", "SUM(B3:B4)", 30, False,
                  f"{ETS}; it reads S!B1:B8, which S!D1 reads too, whose stored value 30 differs from its value now, "
                  "56: the file's values predate its inputs"),
    "udf_name": ("GET_MRR(Sales)", "SUM(B1:B8)", 136, False,
                 f"{UDF}; it reads S!B1:B8, which S!D1 reads too, whose stored value 136 differs from its value now, "
                 "162: the file's values predate its inputs"),
    "offset_computed": ("GET_MRR(B1:B8)", "OFFSET(A1,2,1)", 14, False,
                        f"{UDF}; it reads S!B1:B8, which S!D1 reads too, whose stored value 14 differs from its value "
                        "now, 40: the file's values predate its inputs"),
    "indirect_name": ("GET_MRR(Rng)", "SUM(B1:B8)", 136, False,
                      f"{UDF}; it reads the cells a name in its formula stands for (INDIRECT's, or not told: any "
                      "cell), which S!D1 reads too, whose stored value 136 differs from its value now, 162: the file's "
                      "values predate its inputs"),
    "indirect_name_of_name": ("GET_MRR(Rng2)", "SUM(B1:B8)", 136, False,
                              f"{UDF}; it reads the cells a name in its formula stands for (INDIRECT's, or not told: "
                              "any cell), which S!D1 reads too, whose stored value 136 differs from its value now, "
                              "162: the file's values predate its inputs"),
    # H556's finding 01: INDIRECT given an address made as the formula runs, or a name's text
    "indirect_made": ('GET_MRR(INDIRECT("B"&A3))', "SUM(B1:B8)", 136, False,
                      f"{UDF}; it reads the cells its INDIRECT may land on (an address made as the formula runs: any "
                      "cell), which S!D1 reads too, whose stored value 136 differs from its value now, 162: the file's "
                      "values predate its inputs"),
    "indirect_name_text": ('GET_MRR(INDIRECT("Sales"))', "SUM(B1:B8)", 136, False,
                           f"{UDF}; it reads the cells its INDIRECT may land on (an address made as the formula runs: "
                           "any cell), which S!D1 reads too, whose stored value 136 differs from its value now, 162: "
                           "the file's values predate its inputs"),
    "three_d": ("GET_MRR(Feb!B3)", "SUM(Jan:Mar!B3)", 6, True,
                f"{UDF}; it reads Feb!B3, which S!D1 reads too, whose stored value 6 differs from its value now, 54: "
                "the file's values predate its inputs"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_kept_value_reading_a_changed_input_is_stale(tmp_path: Path, case: str, capsys: pytest.CaptureFixture) -> None:
    kept, computed, stored, sheets, reason = CASES[case]
    book = tmp_path / f"{case}.xlsx"
    _build(book, kept, computed, stored, sheets)
    before = book.read_bytes()
    cli.main(["recalc", str(book), "--engine", "embedded", "--output-dir", str(tmp_path / "out"), "--json"])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["status"] == "incomplete"
    assert [(u["address"], u["kept"], u["reason"]) for u in report["unsupported"]] == [("S!C1", False, reason)]
    written = openpyxl.load_workbook(tmp_path / "out" / book.name, data_only=True)["S"]
    assert written["C1"].value is None  # Excel's 26, for B3 = 14, is not written beside the new values
    assert book.read_bytes() == before


def test_unchanged_input_keeps_excels_value(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Nothing changed: the value Excel stored is kept (status ok), through a name too."""
    book = tmp_path / "same.xlsx"
    _build(book, "_xlfn.FORECAST.ETS(9,Sales,A1:A8)", "SUM(Sales)", 136)
    with zipfile.ZipFile(book) as z:  # B3 back to 14: the stored values are those of the inputs
        parts = {i.filename: z.read(i) for i in z.infolist()}
    x = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = re.sub(r'(<c r="B3"[^>]*>)<v>40</v>', r"\1<v>14</v>", x).encode()
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    cli.main(["recalc", str(book), "--engine", "embedded", "--output-dir", str(tmp_path / "out"), "--json"])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["status"] == "ok"
    assert [(u["address"], u["kept"]) for u in report["unsupported"]] == [("S!C1", True)]
    assert openpyxl.load_workbook(tmp_path / "out" / "same.xlsx", data_only=True)["S"]["C1"].value == 26


def test_a_typed_address_given_to_indirect_is_read_as_that_cell(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """INDIRECT("S!A5") is the cell A5, which nothing changed: Excel's stored value is kept (ok), not listed as if
    INDIRECT could land anywhere (B3 changed)."""
    book = tmp_path / "typed.xlsx"
    _build(book, 'GET_MRR(INDIRECT("S!A5"))', "SUM(B1:B8)", 136)
    cli.main(["recalc", str(book), "--engine", "embedded", "--output-dir", str(tmp_path / "out"), "--json"])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["status"] == "ok"
    assert [(u["address"], u["kept"]) for u in report["unsupported"]] == [("S!C1", True)]
    assert openpyxl.load_workbook(tmp_path / "out" / "typed.xlsx", data_only=True)["S"]["C1"].value == 26
