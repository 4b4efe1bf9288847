"""A value kept from the file reading, through OFFSET, a cell whose stored value differs from its value now is listed
as stale (H173's finding 01).

The engine's dependency graph links =GET_MRR(OFFSET(A1,0,2)) to A1, the reference OFFSET is given, not to C1, the
cell it reads: a kept value over C1's changed input was kept with status ok, and so were a name defined by OFFSET
(Dyn = OFFSET(S!$A$1,0,2), the usual dynamic range) and SUMPRODUCT(OFFSET(A1,0,2,1,1)), where the same read written
C1, through INDIRECT or INDEX was listed (README: a kept value is stale when a computed cell it reads, directly or
not, holds another value now than the one stored). An OFFSET reaching only current cells keeps its value.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file

FORMULAS = {
    "C1": ("=A1/10+1", "1.1"),  # 1.05 now: A1 was 1 when Excel saved the file, 0.5 since
    "E1": ("=GET_MRR(OFFSET(A1,0,2))", "100"),
    "E2": ("=GET_MRR(Dyn)", "100"),
    "E3": ("=GET_MRR(SUMPRODUCT(OFFSET(A1,0,2,1,1)))", "100"),
    "E4": ("=GET_MRR(OFFSET(A1,ROW()-4,1))", "200"),  # B1: typed, current
    "E5": ("=GET_MRR(OFFSET(B1,0,2))", "300"),  # D1: typed, current
    "F1": ("=E1*2", "200"),
}


def _saved(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"], sheet["D1"] = 0.5, 7, 9
    for ref, (formula, _) in FORMULAS.items():
        sheet[ref] = formula
    book.defined_names["Dyn"] = DefinedName("Dyn", attr_text="OFFSET(S!$A$1,0,2)")
    book.save(tmp_path / "plain.xlsx")
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as package, zipfile.ZipFile(path, "w") as out:
        for item in package.infolist():
            data = package.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, (_, value) in FORMULAS.items():
                    data, count = re.subn(
                        rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*/>'.encode(), rb"\1<v>" + value.encode() + b"</v>", data
                    )
                    assert count == 1, ref
            out.writestr(item, data)
    return path


def test_a_kept_value_read_through_offset_over_a_changed_input_is_listed(tmp_path: Path) -> None:
    result = recalc_file(_saved(tmp_path), tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    listed = {u.address: u.kept for u in result.unsupported}
    assert listed == {"S!E1": False, "S!E2": False, "S!E3": False, "S!E4": True, "S!E5": True, "S!F1": False}
    why = next(u.reason for u in result.unsupported if u.address == "S!E1")
    assert why.endswith(
        "it reads S!C1, whose stored value 1.1 differs from its value now, 1.05: the file's values predate its inputs"
    )
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("C1", "E1", "E2", "E3", "E4", "E5", "F1")] == [
        1.05,
        None,
        None,
        None,
        200,
        300,
        None,
    ]
