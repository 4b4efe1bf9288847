"""The one line of a file with unsupported functions names only the functions of the cells without a value among
those that "could not be recalculated", and the kept ones apart (H279's finding 04).

An Excel-saved workbook with FORECAST.ETS reading a cell whose stored value predates its input (not kept), an
add-in's GET_MRR and INFO("osversion") (both kept, Excel's stored values): the line said "1 cells could not be
recalculated (unsupported FORECAST.ETS, GET_MRR, INFO): they keep no value stored in the file, or its inputs
changed since", telling the analyst that the GET_MRR and INFO cells have no value while they keep Excel's.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def _excel_saved(tmp_path: Path, formulas: dict[str, str], stored: dict[str, tuple[str, object]]) -> Path:
    """A workbook as Excel saves it: each formula of ``formulas`` with its stored value (``'n'`` a number, ``'str'``
    a text), B1:B9 and A1:A9 typed, Microsoft Excel as its application."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for i in range(1, 10):
        sheet[f"A{i}"], sheet[f"B{i}"] = i, 10 * i
    for ref, formula in formulas.items():
        sheet[ref] = formula
    book.save(tmp_path / "plain.xlsx")
    path = tmp_path / "t.xlsx"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            data = source.read(item).decode("utf-8")
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, (kind, value) in stored.items():
                    typed = f' t="{kind}"' if kind != "n" else ""
                    data, count = re.subn(
                        rf'(<c r="{ref}"[^>]*)>(<f>[^<]*</f>)<v\s*/></c>', rf"\1{typed}>\2<v>{value}</v></c>", data
                    )
                    assert count == 1, ref
            elif item.filename == "xl/workbook.xml":
                data = re.sub(r"<calcPr[^>]*/>", '<calcPr calcId="191029"/>', data)
            elif item.filename == "docProps/app.xml":
                data = re.sub(r"<Application>[^<]*</Application>", "<Application>Microsoft Excel</Application>", data)
            out.writestr(item, data)
    return path


FORMULAS = {
    "B5": "=B4*2",  # now 80: Excel stored 50 when it last calculated
    "C1": "=_xlfn.FORECAST.ETS(10,B1:B9,A1:A9)",  # reads B5: its stored value is stale
    "D1": "=GET_MRR(A1)",  # an add-in's function: stored 123, kept
    "E1": '=INFO("osversion")',  # stored, kept
}
STORED = {"B5": ("n", 50), "C1": ("n", 100.0), "D1": ("n", 123), "E1": ("str", "Windows (64-bit) NT 10.00")}


def test_kept_functions_are_not_named_among_cells_without_a_value(tmp_path: Path) -> None:
    path = _excel_saved(tmp_path, FORMULAS, STORED)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert [(u.address, u.function, u.kept) for u in report.unsupported] == [
        ("S!C1", "FORECAST.ETS", False),
        ("S!D1", "GET_MRR", True),
        ("S!E1", "INFO", True),
    ]
    assert (report.status, report.message) == (
        "incomplete",
        "t.xlsx: 1 cell could not be recalculated (unsupported FORECAST.ETS): it keeps no value stored in the file,"
        " or its inputs changed since; 2 cells keep the values Excel stored (unsupported GET_MRR, INFO)",
    )


def test_a_cell_reading_the_stale_one_is_counted_under_its_function(tmp_path: Path) -> None:
    path = _excel_saved(tmp_path, {**FORMULAS, "C2": "=C1*2"}, {**STORED, "C2": ("n", 200.0)})
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert {(u.address, u.kept) for u in report.unsupported} == {
        ("S!C1", False),
        ("S!C2", False),
        ("S!D1", True),
        ("S!E1", True),
    }
    assert (report.status, report.message) == (
        "incomplete",
        "t.xlsx: 2 cells could not be recalculated (unsupported FORECAST.ETS): they keep no value stored in the file,"
        " or its inputs changed since; 2 cells keep the values Excel stored (unsupported GET_MRR, INFO)",
    )
