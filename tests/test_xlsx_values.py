"""write_cached_values: computed results stored as cached values in the original package."""

from __future__ import annotations

import math
import os
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from xl_retention.cells import CellError
from xl_retention.recalculation.xlsx_values import write_cached_values

CUSTOMERS = "xl/worksheets/sheet1.xml"
LIFETIME = "xl/worksheets/sheet2.xml"

VALUES = {
    "Customers": {
        "C2": 20,
        "C3": 0.30000000000000004,
        "D2": "high",
        "D3": None,
        "E2": True,
        "E3": False,
        "F2": CellError("#DIV/0!", "no customers at the start"),
        "F3": CellError("#N/A"),
        "G2": 0.9,
    },
    "Lifetime value": {"B2": 2000.5, "B3": "#N/A", "C2": CellError("#VALUE!")},
}


def _build(path: Path) -> Path:
    wb = openpyxl.Workbook()
    customers = wb.active
    customers.title = "Customers"
    customers.append(["Start", "End", "Double", "Band", "Grew", "Rate", "Retention"])
    customers.append([10, 9, "=A2*2", '=IF(A2>5,"high","low")', "=B2>A2", "=B2/(A2-10)", "=B2/A2"])
    customers.append([0.1, 0.2, "=A3+B3", '=IF(A3>5,"high","")', "=B3>A3", "=NA()", None])
    customers["G2"].number_format = "0.0%"
    customers["C2"].number_format = "#,##0.00"
    customers["C2"].font = Font(bold=True, color="FF0000")
    customers["C2"].fill = PatternFill("solid", fgColor="FFFF00")
    validation = DataValidation(type="whole", operator="greaterThan", formula1="0")
    validation.add("A2:A3")
    customers.add_data_validation(validation)
    chart = BarChart()
    chart.add_data(Reference(customers, min_col=1, min_row=1, max_row=3), titles_from_data=True)
    customers.add_chart(chart, "I2")
    wb.defined_names["start_customers"] = DefinedName("start_customers", attr_text="Customers!$A$2")

    lifetime = wb.create_sheet("Lifetime value")
    lifetime.append(["Customer", "Value", "Check"])
    lifetime.append(["a", "=Customers!C2*100+0.5", "=1+Customers!D2"])
    lifetime.append(["b", "=Customers!F3", "plain text"])
    lifetime["B2"].number_format = "0.00"
    wb.save(path)
    return path


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return _build(tmp_path / "source.xlsx")


def _entries(path: Path) -> list[tuple[str, int, bytes]]:
    with zipfile.ZipFile(path) as package:
        return [(i.filename, i.compress_type, package.read(i)) for i in package.infolist()]


def _replace_entries(path: Path, replacements: dict[str, bytes], extra: dict[str, bytes] | None = None) -> None:
    """Rewrite the zip at `path` with some entries' data replaced and `extra` entries (stored) appended."""
    entries = _entries(path)
    with zipfile.ZipFile(path, "w") as package:
        for name, compress_type, data in entries:
            package.writestr(name, replacements.get(name, data), compress_type=compress_type)
        for name, data in (extra or {}).items():
            package.writestr(name, data, compress_type=zipfile.ZIP_STORED)


def test_values_read_back_with_openpyxl_data_only(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.xlsx"
    assert write_cached_values(source, target, VALUES) == 12

    wb = openpyxl.load_workbook(target, data_only=True)
    customers, lifetime = wb["Customers"], wb["Lifetime value"]
    assert [c.value for c in customers[2]] == [10, 9, 20, "high", True, "#DIV/0!", 0.9]
    assert [c.value for c in customers[3]] == [0.1, 0.2, 0.30000000000000004, None, False, "#N/A", None]
    assert [c.value for c in lifetime[2]] == ["a", 2000.5, "#VALUE!"]
    assert [c.value for c in lifetime[3]] == ["b", "#N/A", "plain text"]
    assert customers["F2"].data_type == "e"
    assert lifetime["B3"].data_type == "s"  # a plain "#N/A" string is text, not an error


def test_cells_are_written_as_excel_stores_them(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.xlsx"
    write_cached_values(source, target, VALUES)
    with zipfile.ZipFile(target) as package:
        xml = package.read(CUSTOMERS).decode()
    assert '<c r="C2" s="1"><f>A2*2</f><v>20</v></c>' in xml
    assert '<c r="D2" t="str"><f>IF(A2&gt;5,"high","low")</f><v>high</v></c>' in xml
    assert '<c r="D3" t="str"><f>IF(A3&gt;5,"high","")</f><v></v></c>' in xml
    assert '<c r="E2" t="b"><f>B2&gt;A2</f><v>1</v></c>' in xml
    assert '<c r="E3" t="b"><f>B3&gt;A3</f><v>0</v></c>' in xml
    assert '<c r="F2" t="e"><f>B2/(A2-10)</f><v>#DIV/0!</v></c>' in xml
    assert '<c r="G2" s="2"><f>B2/A2</f><v>0.90000000000000002</v></c>' in xml


def test_formulas_and_styles_are_unchanged(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.xlsx"
    write_cached_values(source, target, VALUES)
    before, after = openpyxl.load_workbook(source), openpyxl.load_workbook(target)
    assert after.sheetnames == before.sheetnames == ["Customers", "Lifetime value"]
    for title in before.sheetnames:
        for old_row, new_row in zip(before[title].iter_rows(), after[title].iter_rows(), strict=True):
            for old, new in zip(old_row, new_row, strict=True):
                assert (new.coordinate, new.value, new.number_format) == (old.coordinate, old.value, old.number_format)
                assert (repr(new.font), repr(new.fill)) == (repr(old.font), repr(old.fill))
    assert after["Customers"]["C2"].value == "=A2*2"
    assert after["Lifetime value"]["B2"].value == "=Customers!C2*100+0.5"
    assert after["Customers"]["C2"].number_format == "#,##0.00"
    assert after["Customers"]["C2"].font.bold is True
    assert after["Customers"]["G2"].number_format == "0.0%"
    assert after.defined_names["start_customers"].attr_text == "Customers!$A$2"
    assert [str(dv.sqref) for dv in after["Customers"].data_validations.dataValidation] == ["A2:A3"]


def test_pandas_reads_the_numbers(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.xlsx"
    write_cached_values(source, target, VALUES)
    customers = pd.read_excel(target, sheet_name="Customers")
    assert customers["Double"].tolist() == [20, 0.30000000000000004]
    assert customers["Retention"].iloc[0] == 0.9
    assert customers["Band"].iloc[0] == "high"
    lifetime = pd.read_excel(target, sheet_name="Lifetime value")
    assert lifetime["Value"].iloc[0] == 2000.5


def test_every_other_entry_is_byte_identical(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.xlsx"
    write_cached_values(source, target, VALUES)
    before, after = _entries(source), _entries(target)
    assert [(name, kind) for name, kind, _ in after] == [(name, kind) for name, kind, _ in before]
    changed = {name for (name, _, old), (_, _, new) in zip(before, after, strict=True) if old != new}
    assert changed == {CUSTOMERS, LIFETIME, "xl/workbook.xml"}
    # workbook.xml loses only openpyxl's full-calculation-on-load flag, so Excel shows the stored values
    old_workbook = dict((n, d) for n, _, d in before)["xl/workbook.xml"]
    new_workbook = dict((n, d) for n, _, d in after)["xl/workbook.xml"]
    assert b'fullCalcOnLoad="1"' in old_workbook
    expected = old_workbook.replace(b' fullCalcOnLoad="1"', b"").replace(b'calcId="124519"', b'calcId="191029"')
    assert expected == new_workbook
    names = {name for name, _, _ in before}
    assert {"xl/workbook.xml", "xl/styles.xml", "xl/charts/chart1.xml", "xl/drawings/drawing1.xml"} <= names


def test_sheet_bytes_outside_the_touched_cells_are_unchanged(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.xlsx"
    write_cached_values(source, target, {"Customers": {"C2": 20}})
    old = dict((n, d) for n, _, d in _entries(source))[CUSTOMERS]
    new = dict((n, d) for n, _, d in _entries(target))[CUSTOMERS]
    assert old.replace(b'<c r="C2" s="1"><f>A2*2</f><v /></c>', b'<c r="C2" s="1"><f>A2*2</f><v>20</v></c>') == new


def test_source_is_unchanged(source: Path, tmp_path: Path) -> None:
    original = source.read_bytes()
    write_cached_values(source, tmp_path / "target.xlsx", VALUES)
    assert source.read_bytes() == original


def test_in_place(source: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.xlsx"
    write_cached_values(source, copy, VALUES)
    assert write_cached_values(source, str(source), VALUES) == 12
    assert source.read_bytes() == copy.read_bytes()
    assert openpyxl.load_workbook(source, data_only=True)["Customers"]["C2"].value == 20
    assert sorted(os.listdir(tmp_path)) == ["copy.xlsx", "source.xlsx"]  # no temporary file left


def test_unknown_sheet_raises_and_writes_nothing(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.xlsx"
    with pytest.raises(ValueError, match="'Churn'"):
        write_cached_values(source, target, {"Customers": {"C2": 1}, "Churn": {"A1": 1}})
    assert sorted(os.listdir(tmp_path)) == ["source.xlsx"]


def test_failure_leaves_the_target_untouched(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.xlsx"
    target.write_bytes(b"previous")
    with pytest.raises(TypeError, match="C2"):
        write_cached_values(source, target, {"Customers": {"C2": object()}})
    with pytest.raises(ValueError, match="#WRONG!"):
        write_cached_values(source, target, {"Customers": {"C2": CellError("#WRONG!")}})
    with pytest.raises(ValueError, match="'C0'"):
        write_cached_values(source, target, {"Customers": {"C0": 1}})
    assert target.read_bytes() == b"previous"
    assert sorted(os.listdir(tmp_path)) == ["source.xlsx", "target.xlsx"]


def test_non_formula_cells_are_skipped_and_not_counted(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.xlsx"
    requested = {"A2": 99, "D1": "x", "Z99": 1, "C2": 20}  # a number, a header, a missing cell, a formula
    assert write_cached_values(source, target, {"Customers": requested}) == 1
    customers = openpyxl.load_workbook(target, data_only=True)["Customers"]
    assert (customers["A2"].value, customers["D1"].value, customers["C2"].value) == (10, "Band", 20)


def test_references_are_checked_however_the_sheet_is_written(source: Path, tmp_path: Path) -> None:
    """On a plain sheet the references are checked by matching the sheet's own: "$C$2" and "c3" still name
    C2 and C3, the same cell twice, a row 0 or a cell of no formula behave as on the general path."""
    target = tmp_path / "target.xlsx"
    assert write_cached_values(source, target, {"Customers": {"$C$2": 1.5, "c3": 2.5, "G2": 0.5}}) == 3
    customers = openpyxl.load_workbook(target, data_only=True)["Customers"]
    assert (customers["C2"].value, customers["C3"].value, customers["G2"].value) == (1.5, 2.5, 0.5)
    with pytest.raises(ValueError, match="C2 of sheet 'Customers' is given twice"):
        write_cached_values(source, target, {"Customers": {"C2": 1.0, "$C$2": 2.0}})
    for bad in ("C0", "2C", "", "C2:C3"):
        with pytest.raises(ValueError, match="invalid cell reference"):
            write_cached_values(source, target, {"Customers": {"C2": 1.0, bad: 2.0}})
    assert write_cached_values(source, target, {"Customers": {"C2": 1.0, "A1": 2.0}}) == 1  # A1 holds no formula


def test_floats_round_trip_exactly(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.xlsx"
    floats = {"C2": 0.1 + 0.2, "C3": 1 / 3, "G2": 1e-300, "B2": 2.0**53 + 2, "D2": -0.0, "F2": 1.7976931348623157e308}
    write_cached_values(source, target, {"Customers": floats, "Lifetime value": {"B2": 12345678.901234567}})
    wb = openpyxl.load_workbook(target, data_only=True)
    customers = wb["Customers"]
    assert customers["C2"].value == 0.30000000000000004
    assert customers["C3"].value == 1 / 3
    assert customers["G2"].value == 1e-300
    assert customers["F2"].value == 1.7976931348623157e308
    assert customers["D2"].value == 0 and math.copysign(1.0, customers["D2"].value) == 1.0  # as Excel: no -0
    assert customers["B2"].value == 9  # B2 holds a number, not a formula: skipped
    assert wb["Lifetime value"]["B2"].value == 12345678.901234567


def test_zero_and_negative_zero_are_stored_as_excel_stores_them(source: Path, tmp_path: Path, monkeypatch) -> None:
    """=-F2 with F2 0 computes -0.0: Excel stores <v>0</v>, never "-0" or "-0.0" (both writer paths)."""
    from xl_retention.recalculation import xlsx_plain

    zeros = {"C2": -0.0, "C3": 0.0, "G2": 0}
    for fast in (True, False):
        target = tmp_path / f"target-{fast}.xlsx"
        with monkeypatch.context() as patch:
            if not fast:
                patch.setattr(xlsx_plain, "rewrite_plain_cells", lambda *args: None)
            write_cached_values(source, target, {"Customers": zeros})
        with zipfile.ZipFile(target) as package:
            xml = package.read(CUSTOMERS)
        for ref in zeros:
            cell = xml[xml.index(f'<c r="{ref}"'.encode()) :]
            assert cell[: cell.index(b"</c>")].endswith(b"<v>0</v>"), (fast, ref, cell[:80])
        assert b"<v>-0" not in xml
        values = openpyxl.load_workbook(target, data_only=True)["Customers"]
        assert [math.copysign(1.0, values[ref].value) for ref in zeros] == [1.0, 1.0, 1.0]


def test_a_recalculated_negative_zero_is_stored_as_0(tmp_path: Path) -> None:
    """=-F2 with F2 0 (the template's chart columns) through the embedded engine, then again over the result
    (whose text cell now has a type, so the writer takes its other path): <v>0</v> every time."""
    from xl_retention.recalculation import recalc_file

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["F2"] = 0
    ws["G2"], ws["H2"], ws["I2"], ws["J2"] = "=-F2", "=IF(F2=0,-F2,1)", "=F2*-1", '=IF(F2=0,"none","some")'
    wb.save(tmp_path / "in.xlsx")
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    assert recalc_file(tmp_path / "in.xlsx", first).status == "ok"
    assert recalc_file(first, second).status == "ok"
    for path in (first, second):
        with zipfile.ZipFile(path) as package:
            xml = package.read("xl/worksheets/sheet1.xml")
        for ref in ("G2", "H2", "I2"):
            cell = xml[xml.index(f'<c r="{ref}"'.encode()) :]
            assert cell[: cell.index(b"</c>")].endswith(b"<v>0</v>"), (path.name, ref)
        assert b'<c r="J2" t="str"><f>IF(F2=0,"none","some")</f><v>none</v></c>' in xml
        assert b"<v>-0" not in xml


def test_nan_and_infinity_are_num_errors(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.xlsx"
    write_cached_values(source, target, {"Customers": {"C2": float("nan"), "C3": float("inf"), "G2": -math.inf}})
    customers = openpyxl.load_workbook(target, data_only=True)["Customers"]
    assert (customers["C2"].value, customers["C3"].value, customers["G2"].value) == ("#NUM!", "#NUM!", "#NUM!")


def test_numpy_values(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.xlsx"
    values = {
        "C2": np.int64(20),
        "C3": np.float64(0.1) + np.float64(0.2),
        "E2": np.bool_(True),
        "G2": np.float64("nan"),
    }
    assert write_cached_values(source, target, {"Customers": values}) == 4
    customers = openpyxl.load_workbook(target, data_only=True)["Customers"]
    assert [customers[ref].value for ref in ("C2", "C3", "E2", "G2")] == [20, 0.30000000000000004, True, "#NUM!"]


def test_text_is_escaped(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.xlsx"
    text = "a < b & c > \"d\" 'e'\nnew line — ü"
    write_cached_values(source, target, {"Customers": {"D2": text, "D3": "line\r\nbreak\x01"}})
    with zipfile.ZipFile(target) as package:
        xml = package.read(CUSTOMERS).decode()
    assert "<v>a &lt; b &amp; c &gt; &quot;d&quot; 'e'\nnew line — ü</v>" in xml
    assert "<v>line&#13;\nbreak_x0001_</v>" in xml
    assert openpyxl.load_workbook(target, data_only=True)["Customers"]["D2"].value == text


def test_xlsm_package_keeps_vba_project(tmp_path: Path) -> None:
    source = _build(tmp_path / "macro.xlsm")
    vba = bytes(range(256)) * 64
    _replace_entries(
        source, {}, {"xl/vbaProject.bin": vba, "xl/calcChain.xml": b'<calcChain><c r="C2" i="1"/></calcChain>'}
    )
    target = tmp_path / "macro-values.xlsm"
    assert write_cached_values(source, target, {"Customers": {"C2": 20}}) == 1
    with zipfile.ZipFile(target) as package:
        assert package.read("xl/vbaProject.bin") == vba
        assert package.getinfo("xl/vbaProject.bin").compress_type == zipfile.ZIP_STORED
        assert package.read("xl/calcChain.xml") == b'<calcChain><c r="C2" i="1"/></calcChain>'
        assert package.namelist()[-2:] == ["xl/vbaProject.bin", "xl/calcChain.xml"]
    assert openpyxl.load_workbook(target, data_only=True)["Customers"]["C2"].value == 20


def test_sheet_parts_are_found_through_the_relationships(tmp_path: Path) -> None:
    """Sheet titles map to parts through workbook.xml and its rels (relative and absolute targets)."""
    source = _build(tmp_path / "renamed.xlsx")
    renamed = {
        CUSTOMERS: LIFETIME,
        "xl/worksheets/_rels/sheet1.xml.rels": "xl/worksheets/_rels/sheet2.xml.rels",
        LIFETIME: "xl/worksheets/ltv.xml",
    }
    entries = _entries(source)
    with zipfile.ZipFile(source, "w") as package:
        for name, kind, data in entries:
            if name in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
                data = data.replace(b"/xl/worksheets/sheet2.xml", b"/xl/worksheets/ltv.xml")
                data = data.replace(b'Target="/xl/worksheets/sheet1.xml"', b'Target="worksheets/sheet2.xml"')
                data = data.replace(b'"/xl/worksheets/sheet1.xml"', b'"/xl/worksheets/sheet2.xml"')
            package.writestr(renamed.get(name, name), data, compress_type=kind)
    target = tmp_path / "target.xlsx"
    assert write_cached_values(source, target, {"Lifetime value": {"B2": 7}, "Customers": {"C2": 20}}) == 2
    with zipfile.ZipFile(target) as package:
        assert b"<f>A2*2</f><v>20</v>" in package.read(LIFETIME)
        assert b"<f>Customers!C2*100+0.5</f><v>7</v>" in package.read("xl/worksheets/ltv.xml")
    wb = openpyxl.load_workbook(target, data_only=True)
    assert (wb["Lifetime value"]["B2"].value, wb["Customers"]["C2"].value) == (7, 20)


RAW_SHEET = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac"'
    ' xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">'
    '<x:dimension ref="A1:D2"/><x:sheetData>\n'
    '<x:row r="1" spans="1:4" x14ac:dyDescent="0.25"><x:c r="A1" s="0"/>'
    '<x:c t="str" r="B1" s="0"><x:f>A1&amp;"x"</x:f><x:v>old</x:v></x:c>'
    '<x:c r=\'C1\'><x:f t="shared" ref="C1:C2" si="0">A1*2</x:f><x:v>0</x:v></x:c></x:row>\n'
    '<x:row r="2"><x:c r="A2"><x:v>5</x:v></x:c><x:c><x:f>A2+1</x:f></x:c>'
    '<x:c r="C2" t="e"><x:f t="shared" si="0"/><x:v>#REF!</x:v></x:c>'
    '<!-- <x:c r="D2"><x:f>1</x:f></x:c> -->'
    '<x:c r="D2" t="inlineStr"><x:f>"a"</x:f><x:is><x:t>a</x:t></x:is></x:c></x:row>\n'
    '</x:sheetData><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    "</x:worksheet>"
)


def test_byte_level_rewrite_of_hand_written_sheet_xml(tmp_path: Path) -> None:
    source = tmp_path / "raw.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Raw"
    wb.save(source)
    _replace_entries(source, {CUSTOMERS: RAW_SHEET.encode()})
    target = tmp_path / "target.xlsx"
    values = {"A1": 1, "B1": "new", "C1": 2.5, "B2": 6, "C2": CellError("#N/A"), "D2": "b"}
    assert write_cached_values(source, target, {"Raw": values}) == 5
    with zipfile.ZipFile(target) as package:
        xml = package.read(CUSTOMERS).decode()
    expected = (
        RAW_SHEET.replace(
            '<x:c t="str" r="B1" s="0"><x:f>A1&amp;"x"</x:f><x:v>old</x:v></x:c>',
            '<x:c t="str" r="B1" s="0"><x:f>A1&amp;"x"</x:f><x:v>new</x:v></x:c>',  # its type as it was: in place
        )
        .replace('si="0">A1*2</x:f><x:v>0</x:v>', 'si="0">A1*2</x:f><x:v>2.5</x:v>')
        .replace("<x:c><x:f>A2+1</x:f></x:c>", "<x:c><x:f>A2+1</x:f><x:v>6</x:v></x:c>")
        .replace('<x:f t="shared" si="0"/><x:v>#REF!</x:v>', '<x:f t="shared" si="0"/><x:v>#N/A</x:v>')
        .replace(
            '<x:c r="D2" t="inlineStr"><x:f>"a"</x:f><x:is><x:t>a</x:t></x:is></x:c>',
            '<x:c r="D2" t="str"><x:f>"a"</x:f><x:v>b</x:v></x:c>',
        )
    )
    assert xml == expected
    raw = openpyxl.load_workbook(target, data_only=True)["Raw"]
    assert [[c.value for c in row] for row in raw.iter_rows()] == [[None, "new", 2.5, None], [5, 6, "#N/A", "b"]]
    assert openpyxl.load_workbook(target)["Raw"]["C2"].value == "=A2*2"  # the shared formula is intact


def test_100k_formula_cells_get_their_values(tmp_path: Path) -> None:
    # Correctness at scale only; the writer's speed is measured by bench/bench_xlsx_values.py.
    source = tmp_path / "big.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Big"
    wb.save(source)
    rows = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c>'
        + "".join(f'<c r="{col}{r}" s="1"><f>A{r}*{k}</f><v>0</v></c>' for k, col in enumerate("BCDEFGHIJK", 1))
        + "</row>"
        for r in range(1, 10_001)
    )
    sheet = f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>'
    _replace_entries(source, {CUSTOMERS: sheet.encode()})
    values = {f"{col}{r}": r * k + 0.5 for r in range(1, 10_001) for k, col in enumerate("BCDEFGHIJK", 1)}
    assert write_cached_values(source, tmp_path / "target.xlsx", {"Big": values}) == 100_000
    big = openpyxl.load_workbook(tmp_path / "target.xlsx", data_only=True, read_only=True)["Big"]
    assert next(big.iter_rows(min_row=9_999, max_row=9_999, values_only=True)) == (
        9_999,
        *(9_999 * k + 0.5 for k in range(1, 11)),
    )


def test_fast_and_full_scan_give_the_same_sheet(source: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Excel's and openpyxl's layout takes a path that visits only formula cells; it must agree with the full scan."""
    from xl_retention.recalculation import xlsx_values

    fast = tmp_path / "fast.xlsx"
    write_cached_values(source, fast, VALUES)
    monkeypatch.setattr(xlsx_values, "_simple_layout", lambda *args: False)
    full = tmp_path / "full.xlsx"
    write_cached_values(source, full, VALUES)
    assert dict((n, d) for n, _, d in _entries(fast)) == dict((n, d) for n, _, d in _entries(full))


MEMBER_SHEET = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<dimension ref="A1:B3"/><sheetData>'
    '<row r="1"><c r="A1"><f t="array" ref="A1:C5">SEQUENCE(5,3)</f><v>1</v></c><c r="B1" s="0"><v>999</v></c></row>'
    '<row r="3" spans="1:2"/>'
    '<row r="4"><c r="B4"><v>7</v></c></row>'
    "</sheetData></worksheet>"
)


def test_array_members_are_set_in_place_or_inserted_with_their_rows(tmp_path: Path) -> None:
    source = tmp_path / "members.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "S"
    wb.save(source)
    _replace_entries(source, {CUSTOMERS: MEMBER_SHEET.encode()})
    members = {f"{c}{r}": 3 * (r - 1) + i for r in range(1, 6) for i, c in enumerate("ABC", start=1)}
    del members["A1"]
    members["C5"] = None  # a blank member
    target = tmp_path / "target.xlsx"
    assert write_cached_values(source, target, {"S": {"A1": 1}}, members={"S": members}) == 15
    with zipfile.ZipFile(target) as package:
        xml = package.read(CUSTOMERS).decode()
    assert '<dimension ref="A1:C5"/>' in xml
    assert '<c r="B1" s="0"><v>2</v></c><c r="C1"><v>3</v></c></row>' in xml  # style kept, C1 inserted
    assert '<row r="2"><c r="A2"><v>4</v></c>' in xml  # a missing row, in its place
    assert '<row r="3" spans="1:2"><c r="A3"><v>7</v></c>' in xml  # an empty row opened
    assert '<row r="4"><c r="A4"><v>10</v></c><c r="B4"><v>11</v></c><c r="C4"><v>12</v></c></row>' in xml
    assert xml.index('<row r="4">') < xml.index('<row r="5">') < xml.index("</sheetData>")
    got = openpyxl.load_workbook(target, data_only=True)["S"]
    assert [[c.value for c in row] for row in got.iter_rows()] == [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
        [10, 11, 12],
        [13, 14, None],
    ]
