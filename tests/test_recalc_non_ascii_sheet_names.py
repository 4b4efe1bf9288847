"""Sheets named with letters of other scripts (Übersicht, Данные, データ, हिन्दी), which Excel writes without quotes
(``=Данные!A1:A5*2``, ``Лист1!$A$1``): the recalculation reads them as it reads ``Data``. Its rewrites knew an
unquoted sheet name only as ASCII ([A-Za-z0-9_.]): implicit intersection gave #SPILL! or the first cell, ``=S!Rate``
took the workbook's Rate (status ok), 3-D references and named corners were called unsupported, and a reason said
"cell 3 of scores" instead of the cell."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.cells import CellError
from xl_retention.recalculation.embedded import compute
from xl_retention.sheet_names import is_bare, written

NAMES = ["Data", "Übersicht", "Данные", "データ", "हिन्दी", unicodedata.normalize("NFD", "Ärzte")]


@pytest.mark.parametrize("data", NAMES)
def test_formulas_on_a_sheet_named_in_any_script_get_excels_values(tmp_path: Path, data: str) -> None:
    """Classic formulas on another sheet (no array): row 2 of A1:A5 is 20, row 3 30; the data sheet's own Rate is 0.1,
    the workbook's 0.5; Jan..Mar hold B2 = 1, 2, 3 (named in the same script)."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = data
    out = wb.create_sheet("Out")
    months = [f"{data[:2]}{k}" for k in ("a", "b", "c")] if data != "Data" else ["Jan", "Feb", "Mar"]
    for k, month in enumerate(months, 1):
        wb.create_sheet(month)["B2"] = k
    for row in range(1, 6):
        sheet[f"A{row}"] = row * 10
    sheet["C1"], out["C1"] = 0.1, 0.5
    sheet.defined_names["Rate"] = DefinedName("Rate", attr_text=f"{data}!$C$1")
    wb.defined_names["Rate"] = DefinedName("Rate", attr_text="Out!$C$1")
    wb.defined_names["Start"] = DefinedName("Start", attr_text=f"{data}!$A$1")
    out["B2"] = f"={data}!A1:A5*2"  # implicit intersection: A2*2
    out["B3"] = f"={data}!A1:A5+0"  # A3
    out["B4"] = f"=ABS({data}!A1:A5)"  # A4
    out["B5"] = f"={data}!Rate*100"  # the data sheet's own Rate, not the workbook's
    out["B6"] = f"=SUM({months[0]}:{months[2]}!B2)"  # 3-D reference
    out["B7"] = f"=SUM({data}!A:A {data}!2:2)"  # intersection operator: A2
    out["B8"] = f"=SUM(Start:{data}!A3)"  # a name as a range's corner: A1:A3
    out["B9"] = f"=SUM({data}!A2:INDEX({data}!A:A,4))"  # a call as a corner: A2:A4
    wb.save(tmp_path / "book.xlsx")
    computed = compute(tmp_path / "book.xlsx")
    got = {ref: computed.values["Out"][ref] for ref in ("B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9")}
    assert got == {"B2": 40, "B3": 30, "B4": 40, "B5": 10, "B6": 6, "B7": 20, "B8": 60, "B9": 90}
    assert computed.unsupported == []


@pytest.mark.parametrize("data", NAMES)
def test_a_reason_names_the_cell_on_a_sheet_named_in_any_script(tmp_path: Path, data: str) -> None:
    """NPS over ``Данные!A1:A5`` with a text in A3: the reason says ``Данные!A3`` (it said "cell 3 of scores");
    ``IF(Данные!C1<0,#NUM!,..)`` says which cell is below 0."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = data
    out = wb.create_sheet("Out")
    for row, value in enumerate([9, 10, "x", 7, 8], 1):
        sheet[f"A{row}"] = value
    sheet["C1"] = -5
    out["A1"] = f"=NPS({data}!A1:A5)"
    out["A2"] = f"=IF({data}!C1<0,#NUM!,{data}!C1*2)"
    wb.save(tmp_path / "book.xlsx")
    values = compute(tmp_path / "book.xlsx").values["Out"]
    assert isinstance(values["A1"], CellError) and isinstance(values["A2"], CellError)
    assert values["A1"].message == f"NPS: scores must be a number, got 'x' in {data}!A3 (#VALUE!)"
    assert f"{data}!C1 is -5" in values["A2"].message


def test_a_sheet_name_is_written_bare_only_where_excel_writes_it_so() -> None:
    assert [is_bare(n) for n in ("Übersicht", "Лист1", "データ", "_x.y", "1Q", "Q1-Q2", "My Data", "")] == [
        True, True, True, True, False, False, False, False,
    ]  # fmt: skip
    assert [written(n) for n in ("Лист1", "A1", "R1C1", "R", "TRUE", "2024", "O'Brien", "Sheet 1")] == [
        "Лист1", "'A1'", "'R1C1'", "'R'", "'TRUE'", "'2024'", "'O''Brien'", "'Sheet 1'",
    ]  # fmt: skip


def _shared_down(path: Path, column: str, first: int, last: int) -> None:
    """The formulas of ``column`` rows first..last of the first sheet stored as Excel stores a fill: one shared
    formula (its text in the first cell, ``<f t="shared" si="0"/>`` in the others)."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                for row in range(first, last + 1):
                    found = re.search(rf'<c r="{column}{row}"[^>]*>(<f>([^<]*)</f>)', text)
                    assert found is not None
                    shared = f'<f t="shared" ref="{column}{first}:{column}{last}" si="0">{found.group(2)}</f>'
                    new = shared if row == first else '<f t="shared" si="0"/>'
                    text = text[: found.start(1)] + new + text[found.end(1) :]
                data = text.encode()
            target.writestr(info, data)


@pytest.mark.parametrize("name", ["März2024", "Straße1", "Año2024", "Лист1", "'März 2024'"])
def test_a_formula_filled_down_over_a_sheet_named_with_letters_and_digits_moves_only_its_cell(
    tmp_path: Path, name: str
) -> None:
    """=März2024!A1*2 filled down (one shared formula): the engine's own copies read "rz2024" as a cell and moved it
    (März2025!A2: the next year's numbers, 4000; then #REF!), status ok; Excel moves only A1: 20, 40, 60, 80, 100."""
    wb = openpyxl.Workbook()
    out = wb.active
    out.title = "Out"
    this = name.strip("'")
    following = this.replace("2024", "2025").replace("1", "2")
    sheet = wb.create_sheet(this)
    for row in range(1, 8):
        sheet[f"A{row}"] = row * 10
    next_sheet = wb.create_sheet(following)
    for row in range(1, 8):
        next_sheet[f"A{row}"] = row * 1000
    for row in range(1, 6):
        out[f"B{row}"] = f"={name}!A{row}*2"
    wb.save(tmp_path / "shared.xlsx")
    _shared_down(tmp_path / "shared.xlsx", "B", 1, 5)
    computed = compute(tmp_path / "shared.xlsx")
    assert [computed.values["Out"][f"B{row}"] for row in range(1, 6)] == [20, 40, 60, 80, 100]
    assert computed.unsupported == []


@pytest.mark.parametrize(("start", "check"), [("Start", "Check"), ("Начало", "Проверка"), ("Änfang", "Prüfung")])
def test_names_in_any_script_are_read_as_ascii_ones(tmp_path: Path, start: str, check: str) -> None:
    """A defined name of letters of any script (Excel allows them): beside ``:`` (``Начало:Data!B3``, a corner with a
    call) it was left to the engine (unsupported; #N/A with no reason), a name of one error cell passed no reason."""
    wb = openpyxl.Workbook()
    data = wb.active
    data.title = "Data"
    out = wb.create_sheet("Out")
    for row, value in enumerate([9, 10, "x", 7, 8], 1):
        data[f"A{row}"], data[f"B{row}"] = value, row * 10
    data["D1"] = "=NPS(A1:A5)"
    wb.defined_names[start] = DefinedName(start, attr_text="Data!$B$1")
    wb.defined_names[check] = DefinedName(check, attr_text="Data!$D$1")
    out["A1"] = f"=SUM({start}:Data!B3)"  # B1:B3
    out["A2"] = f"=SUM({start}:INDEX(Data!B:B,2))"  # B1:B2
    out["A3"] = f"={check}+1"
    wb.save(tmp_path / "names.xlsx")
    computed = compute(tmp_path / "names.xlsx")
    values = computed.values["Out"]
    assert (values["A1"], values["A2"], computed.unsupported) == (60, 30, [])
    assert isinstance(values["A3"], CellError)
    assert values["A3"].message == "NPS: scores must be a number, got 'x' in Data!A3 (#VALUE!), from Data!D1"


def test_a_lambda_called_with_its_parameters_swapped_in_any_script(tmp_path: Path) -> None:
    """LET(альфа,1,бета,2,LAMBDA(альфа,бета,альфа-бета)(бета,альфа)): the call binds альфа=2, бета=1 (Excel: 1); the
    parameters were bound one by one (0), as the swap of non-ASCII names was not seen."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "S"
    for row, (a, b) in enumerate([("a", "b"), ("альфа", "бета"), ("x", "ä")], 1):
        sheet[f"A{row}"] = (
            f"=_xlfn.LET(_xlpm.{a},1,_xlpm.{b},2,"
            f"_xlfn.LAMBDA(_xlpm.{a},_xlpm.{b},_xlpm.{a}-_xlpm.{b})(_xlpm.{b},_xlpm.{a}))"
        )
    wb.save(tmp_path / "lambda.xlsx")
    values = compute(tmp_path / "lambda.xlsx").values["S"]
    assert (values["A1"], values["A2"], values["A3"]) == (1, 1, 1)
