"""Defined names of 3-D references (``FirstQuarter = 'Jan 25:Mar 25'!$B$2``) and 3-D references of whole columns.

A consolidation workbook keeps one sheet per month and a name over the same cell of every one. The engine cannot read
3-D references; SUM(Jan:Mar!B2) is written out sheet by sheet (sheet_ranges.expand_sheet_ranges). Through a name it was
not: with quoted sheet names (Excel quotes 'Jan 25') SUM(FirstQuarter) was #NAME?, COUNT 0, COUNTA 1,
IFERROR(SUM(..),-1) -1, ISERROR TRUE, status ok; with plain ones COUNT, IFERROR and ISERROR still hid the failure
(H28 finding 04). A 3-D reference of whole columns ('Jan 25:Mar 25'!B:B) was not read as one at all:
IFERROR(SUM(..),-1) -1 with status ok.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file


def _book(path: Path, months: list[str], names: dict[str, str], formulas: list[str]) -> Path:
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Summary"
    for i, month in enumerate(months, 1):
        sheet = book.create_sheet(month)
        sheet["B2"] = i * 10  # 10, 20, 30
        sheet["B3"] = i  # 1, 2, 3
    for row, formula in enumerate(formulas, 1):
        summary.cell(row, 2, "=" + formula)
    for name, target in names.items():
        book.defined_names[name] = DefinedName(name, attr_text=target)
    book.save(path)
    return path


FUNCTIONS = [
    "SUM(FirstQuarter)",
    "COUNT(FirstQuarter)",
    "AVERAGE(FirstQuarter)",
    "IFERROR(SUM(FirstQuarter),-1)",
    "COUNTA(FirstQuarter)",
    "ISERROR(SUM(FirstQuarter))",
    "SUM(FirstQuarter,5)",
    "MAX(FirstQuarter)*2",
    "IFERROR(Total,-1)",
]


@pytest.mark.parametrize(
    ("months", "target"),
    [(["Jan 25", "Feb 25", "Mar 25"], "'Jan 25:Mar 25'!$B$2"), (["Jan", "Feb", "Mar"], "Jan:Mar!$B$2")],
)
def test_a_name_of_a_three_d_reference_is_computed_where_sum_or_count_takes_it(
    tmp_path: Path, months: list[str], target: str
) -> None:
    names = {"FirstQuarter": target, "Total": "SUM(FirstQuarter)"}
    path = _book(tmp_path / "book.xlsx", months, names, FUNCTIONS)
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Summary"]
    assert [out[f"B{row}"].value for row in range(1, 10)] == [60, 3, 20, 60, 3, False, 65, 60, 60]


def test_other_uses_of_a_three_d_name_are_listed_also_behind_iferror(tmp_path: Path) -> None:
    # Excel reads a 3-D reference in SUM, COUNT, AVERAGE... only; elsewhere the engine's answer is not Excel's: listed
    # (IFERROR(FirstQuarter*2,-1) and RANK's were -1, not listed, once the name was written out)
    formulas = [
        "FirstQuarter+1",
        "IFERROR(FirstQuarter*2,-1)",
        "SUMPRODUCT(FirstQuarter)",
        "IFERROR(RANK(10,FirstQuarter),-1)",
        "SUM(FirstQuarter)",
    ]
    path = _book(
        tmp_path / "book.xlsx", ["Jan 25", "Feb 25", "Mar 25"], {"FirstQuarter": "'Jan 25:Mar 25'!$B$2"}, formulas
    )
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert {u.address: u.function for u in result.unsupported} == {
        f"Summary!B{row}": "3-D reference" for row in (1, 2, 3, 4)
    }
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Summary"]
    assert out["B5"].value == 60


def test_a_three_d_reference_of_whole_columns_is_computed_directly_and_through_a_name(tmp_path: Path) -> None:
    formulas = [
        "IFERROR(SUM('Jan 25:Mar 25'!B:B),-1)",
        "COUNT(Col)",
        "IFERROR(SUM(Col),-1)",
        "COUNT(Two)",
        "IFERROR('Jan 25:Mar 25'!B:B*1,-1)",
    ]
    names = {"Col": "'Jan 25:Mar 25'!$B:$B", "Two": "'Jan 25:Mar 25'!$B$2:$B$3"}
    path = _book(tmp_path / "book.xlsx", ["Jan 25", "Feb 25", "Mar 25"], names, formulas)
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert {u.address: u.function for u in result.unsupported} == {"Summary!B5": "3-D reference"}
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Summary"]
    assert [out[f"B{row}"].value for row in range(1, 5)] == [66, 6, 66, 6]
