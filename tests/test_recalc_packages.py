"""Packages the embedded engine cannot read as they are: refused in words, never "ok" over formulas left unseen."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.embedded import compute

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"
SHEET = '<sheetData><row r="1"><c r="A1"><v>21</v></c><c r="B1"><f>A1*2</f><v>0</v></c></row></sheetData>'
TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


#: docProps/app.xml as Excel writes it (the program that saved the file last: its stored values are Excel's only then)
EXCEL_APP = "<Properties><Application>Microsoft Excel</Application></Properties>"


def _package(path: Path, workbook: str, sheets: dict[str, str], rel: str = REL) -> Path:
    """A minimal package: ``workbook`` (the workbook part), and each sheet part with its relationship type."""
    rels = "".join(
        f'<Relationship Id="rId{k}" Type="{rel}/{kind}" Target="{target}"/>'
        for k, (target, kind) in enumerate(
            (target, "xlMacrosheet" if "macrosheets" in target else "worksheet") for target in sheets
        )
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", TYPES)
        package.writestr("docProps/app.xml", EXCEL_APP)  # saved by Excel: its stored values are Excel's
        package.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PACKAGE_REL}"><Relationship Id="rId1" Type="{rel}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        package.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PACKAGE_REL}">{rels}</Relationships>')
        package.writestr("xl/workbook.xml", workbook)
        for target, xml in sheets.items():
            package.writestr(f"xl/{target}", xml)
    return path


def _one_row(path: Path, cells: str) -> Path:
    """A package of one sheet, S0, whose row 1 holds ``cells`` (the cells' XML)."""
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">{cells}</row></sheetData></worksheet>'
    workbook = f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{_sheets()}</workbook>'
    return _package(path, workbook, {"worksheets/sheet1.xml": sheet})


def _sheets(prefix: str = "", count: int = 1) -> str:
    p = f"{prefix}:" if prefix else ""
    return (
        f"<{p}sheets>"
        + "".join(f'<{p}sheet name="S{k}" sheetId="{k + 1}" r:id="rId{k}"/>' for k in range(count))
        + f"</{p}sheets>"
    )


@pytest.mark.parametrize("where", ["workbook", "sheet", "other namespace"])
def test_spreadsheetml_written_with_a_namespace_prefix_is_computed(tmp_path: Path, where: str) -> None:
    """The .NET Open XML SDK may write <x:worksheet xmlns:x=...>: the same workbook to Excel. Our readers saw no
    formula in it (the report said ok with 0 formulas and left B1's stale 0); then it was refused as a whole; now the
    engine computes an unprefixed copy (H37 finding 05). A prefix bound to another namespace is still refused."""
    main = MAIN if where != "other namespace" else "urn:not-spreadsheetml"
    if where == "workbook":
        workbook = f'<x:workbook xmlns:x="{main}" xmlns:r="{REL}">{_sheets("x")}</x:workbook>'
        sheet = f'<worksheet xmlns="{MAIN}">{SHEET}</worksheet>'
    else:
        workbook = f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{_sheets()}</workbook>'
        sheet = f'<x:worksheet xmlns:x="{main}">' + SHEET.replace("<", "<x:").replace("<x:/", "</x:") + "</x:worksheet>"
    source = _package(tmp_path / "sdk.xlsx", workbook, {"worksheets/sheet1.xml": sheet})
    report = recalc_file(source, tmp_path / "out" / "sdk.xlsx")
    if where == "other namespace":
        assert report.status == "failed" and not (tmp_path / "out" / "sdk.xlsx").exists()
        assert report.message == (
            "sdk.xlsx writes its XML with the namespace prefix 'x' (sheet 'S0'), which the embedded engine cannot "
            "read: open it in Excel and save it as Excel Workbook (.xlsx), or recalculate it with --engine excel"
        )
        return
    assert (report.status, report.formulas) == ("ok", 1), report.message
    with zipfile.ZipFile(tmp_path / "out" / "sdk.xlsx") as package:
        written = package.read("xl/worksheets/sheet1.xml").decode()
    assert ("<x:f>A1*2</x:f><x:v>42</x:v>" if where == "sheet" else "<f>A1*2</f><v>42</v>") in written


def test_a_strict_open_xml_workbook_is_refused(tmp_path: Path) -> None:
    workbook = f'<workbook xmlns="{STRICT_MAIN}" xmlns:r="{STRICT_REL}">{_sheets()}</workbook>'
    sheet = f'<worksheet xmlns="{STRICT_MAIN}">{SHEET}</worksheet>'
    source = _package(tmp_path / "strict.xlsx", workbook, {"worksheets/sheet1.xml": sheet}, rel=STRICT_REL)
    report = recalc_file(source, tmp_path / "out" / "strict.xlsx")
    assert (report.status, report.message) == (
        "failed",
        "strict.xlsx is a Strict Open XML workbook, which the embedded engine cannot read: open it in Excel and "
        "save it as Excel Workbook (.xlsx), or recalculate it with --engine excel",
    )


def test_an_excel_4_macro_sheet_is_refused_in_words(tmp_path: Path) -> None:
    """Was the engine's own text ("XlsxPathSource.SHARED_FILE: Unsupported feature: non-worksheet sheet")."""
    workbook = f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{_sheets(count=2)}</workbook>'.replace('"S1"', '"Macro1"')
    macro = (
        f'<xm:macrosheet xmlns="{MAIN}" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
        '<sheetData><row r="1"><c r="A1"><f>GET.WORKSPACE(1)</f><v>10</v></c></row></sheetData></xm:macrosheet>'
    )
    sheets = {
        "worksheets/sheet1.xml": f'<worksheet xmlns="{MAIN}">{SHEET}</worksheet>',
        "macrosheets/sheet1.xml": macro,
    }
    source = _package(tmp_path / "xlm.xlsx", workbook, sheets)
    report = recalc_file(source, tmp_path / "out" / "xlm.xlsx")
    assert (report.status, report.message) == (
        "failed",
        "xlm.xlsx has an Excel 4.0 macro sheet ('Macro1'), which the embedded engine cannot read: recalculate it "
        "with --engine excel",
    )


def test_the_same_workbook_without_a_prefix_is_recalculated(tmp_path: Path) -> None:
    """The control: the plain layout of the same package is computed (B1 = 42)."""
    workbook = f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{_sheets()}</workbook>'
    source = _package(
        tmp_path / "plain.xlsx", workbook, {"worksheets/sheet1.xml": f'<worksheet xmlns="{MAIN}">{SHEET}</worksheet>'}
    )
    report = recalc_file(source, tmp_path / "out" / "plain.xlsx")
    assert (report.status, report.formulas) == ("ok", 1)
    with zipfile.ZipFile(tmp_path / "out" / "plain.xlsx") as package:
        found = re.search(rb'<c r="B1"><f>A1\*2</f><v>([^<]*)</v></c>', package.read("xl/worksheets/sheet1.xml"))
        assert found is not None and float(found.group(1)) == 42


def test_a_result_with_cells_left_without_a_value_asks_excel_to_compute_on_open(tmp_path: Path) -> None:
    """openpyxl's workbooks store no values and ask for a full calculation on load. When a cell cannot be computed
    (FORECAST.ETS), the result is incomplete and keeps that request, so Excel fills the cell when it opens the file
    (it was dropped, and Excel showed the cell empty); a complete result drops it."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"], ws["X1"], ws["X2"] = 5, 7, 1, 2
    ws["B1"] = "=A1*2"
    ws["Z3"] = "=_xlfn.FORECAST.ETS(3,A1:A2,X1:X2)"
    wb.save(tmp_path / "f.xlsx")
    report = recalc_file(tmp_path / "f.xlsx", tmp_path / "out" / "f.xlsx")
    assert report.status == "incomplete" and [u.address for u in report.unsupported] == ["S!Z3"]
    with zipfile.ZipFile(tmp_path / "out" / "f.xlsx") as package:
        workbook = package.read("xl/workbook.xml")
    assert re.search(rb'<calcPr [^>]*fullCalcOnLoad="1"', workbook)
    del ws["Z3"]
    wb.save(tmp_path / "g.xlsx")
    report = recalc_file(tmp_path / "g.xlsx", tmp_path / "out" / "g.xlsx")
    assert report.status == "ok"
    with zipfile.ZipFile(tmp_path / "out" / "g.xlsx") as package:
        assert b"fullCalcOnLoad" not in package.read("xl/workbook.xml")


def test_a_linked_workbooks_name_is_its_value_held_in_the_file(tmp_path: Path) -> None:
    """=[1]!Rate*100 (Excel shows ='source book.xlsx'!Rate*100): Rate is one cell of the linked workbook, whose
    value the file holds in its copy of the link (0.25): 25, as Excel gives while the link is not updated (the
    engine gave #REF! over Excel's 25). A name of a range of the link is kept at Excel's value and listed."""
    link = (
        f'<externalLink xmlns="{MAIN}" xmlns:r="{REL}"><externalBook r:id="rId1"><sheetNames>'
        '<sheetName val="Sheet1"/><sheetName val="My Data"/></sheetNames><definedNames>'
        '<definedName name="Rate" refersTo="=\'My Data\'!$B$1"/>'
        '<definedName name="Rates" refersTo="=\'My Data\'!$B$1:$B$2"/></definedNames><sheetDataSet>'
        '<sheetData sheetId="0"><row r="1"><cell r="A1"><v>100</v></cell></row></sheetData>'
        '<sheetData sheetId="1"><row r="1"><cell r="B1"><v>0.25</v></cell></row>'
        '<row r="2"><cell r="B2"><v>0.5</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>'
    )
    cells = (
        '<c r="A1"><f>[1]Sheet1!A1*2</f><v>200</v></c><c r="E1"><f>[1]!Rate*100</f><v>3</v></c>'
        '<c r="F1"><f>SUM([1]!Rates)</f><v>0.75</v></c><c r="G1"><f>SUM([1]Sheet1!$A:$A)</f><v>100</v></c>'
        '<c r="H1"><f>INDIRECT("\'"&amp;"S0"&amp;"\'!A1")</f><v>200</v></c>'
    )
    workbook = (
        f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{_sheets()}'
        '<externalReferences><externalReference r:id="rId1"/></externalReferences></workbook>'
    )
    path = tmp_path / "linked.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        link_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"
        override = f'<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="{link_type}"/></Types>'
        package.writestr("[Content_Types].xml", TYPES.replace("</Types>", override))
        package.writestr("docProps/app.xml", EXCEL_APP)
        package.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PACKAGE_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        package.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PACKAGE_REL}"><Relationship Id="rId0" Type="{REL}/worksheet" '
            f'Target="worksheets/sheet1.xml"/><Relationship Id="rId1" Type="{REL}/externalLink" '
            'Target="externalLinks/externalLink1.xml"/></Relationships>',
        )
        package.writestr("xl/workbook.xml", workbook)
        package.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">{cells}</row></sheetData></worksheet>',
        )
        package.writestr("xl/externalLinks/externalLink1.xml", link)
        package.writestr(
            "xl/externalLinks/_rels/externalLink1.xml.rels",
            f'<Relationships xmlns="{PACKAGE_REL}"><Relationship Id="rId1" Type="{REL}/externalLinkPath" '
            'Target="file:///C:/Users/me/source%20book.xlsx" TargetMode="External"/></Relationships>',
        )
    report = recalc_file(path, tmp_path / "out" / "linked.xlsx")
    assert report.status == "ok" and report.errors == []
    assert [(u.address, u.function, u.kept) for u in report.unsupported] == [
        ("'S0'!F1", "[1]!Rates", True),
        ("'S0'!G1", "linked workbook", True),  # a whole column of the link: its copy holds cells, not the column
    ]  # H1, INDIRECT("'"&"S0"&"'!A1"): its text read through _XLR.REFTEXT, computed (was #REF!, listed)
    with zipfile.ZipFile(tmp_path / "out" / "linked.xlsx") as package:
        sheet = package.read("xl/worksheets/sheet1.xml")
    values = dict(re.findall(rb'<c r="([A-Z]1)"><f>[^<]*</f><v>([^<]*)</v></c>', sheet))
    assert (float(values[b"A1"]), float(values[b"E1"]), float(values[b"F1"]), float(values[b"G1"])) == (
        200,
        25,
        0.75,
        100,
    )
    assert float(values[b"H1"]) == 200


def test_a_function_given_a_function_as_a_value_keeps_excels_values(tmp_path: Path) -> None:
    """Excel 365's GROUPBY(B1:B3,C1:C3,SUM) stores SUM itself as _xlfn.SUM: the engine gave #NAME? over Excel's
    cached results (status ok); the cells keep Excel's values and are listed as unsupported, with the reason."""
    cells = (
        '<c r="B1" t="inlineStr"><is><t>North</t></is></c><c r="C1"><v>10</v></c>'
        '<c r="G1" t="str"><f t="array" ref="G1">_xlfn.GROUPBY(B1:B1,C1:C1,_xlfn.SUM)</f><v>North</v></c>'
        '<c r="H1"><f>C1*2</f><v>20</v></c>'  # Excel's value (a stored 0 would say C1 changed since: G1 stale)
    )
    source = _one_row(tmp_path / "groupby.xlsx", cells)
    report = recalc_file(source, tmp_path / "out" / "groupby.xlsx")
    assert (report.status, report.errors) == ("ok", [])
    assert [(u.address, u.function, u.reason, u.kept) for u in report.unsupported] == [
        (
            "'S0'!G1",
            "GROUPBY",
            "GROUPBY is given the function SUM as a value, which the embedded engine cannot compute",
            True,
        )
    ]
    with zipfile.ZipFile(tmp_path / "out" / "groupby.xlsx") as package:
        xml = package.read("xl/worksheets/sheet1.xml")
    assert b"<v>North</v>" in xml and re.search(rb'<c r="H1"><f>C1\*2</f><v>20(\.0)?</v></c>', xml)


def test_a_grouping_given_a_function_inside_another_call_is_named(tmp_path: Path) -> None:
    """=INDEX(GROUPBY(..,SUM,..),1,2), as Excel stores it (_xleta.SUM): reported as "unsupported INDEX ... INDEX is
    given the function SUM as a value" (and SUM, ROWS, TAKE for the other calls around it): the call given SUM is
    GROUPBY / PIVOTBY, named in each reason and in the message, however deep (H485's finding 04)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for row in [("Region", "Sales"), ("East", 100), ("West", 150), ("East", 50), ("North", 300)]:
        ws.append(row)
    grouped = "_xlfn.GROUPBY(A2:A5,B2:B5,_xleta.{},0,0)"
    ws["D1"] = "=INDEX(" + grouped.format("SUM") + ",1,2)"
    ws["D2"] = "=SUM(" + grouped.format("SUM") + ")"
    ws["D3"] = "=ROWS(" + grouped.format("AVERAGE") + ")"
    ws["D4"] = "=_xlfn.TAKE(" + grouped.format("SUM") + ",1)"
    ws["D5"] = "=IF(B2>0,INDEX(" + grouped.format("MAX") + ",1,2),0)"
    ws["G1"] = "=INDEX(_xlfn.PIVOTBY(A2:A5,A2:A5,B2:B5,_xleta.SUM,0,0,,0),1,2)"
    wb.save(tmp_path / "g.xlsx")
    report = recalc_file(tmp_path / "g.xlsx", tmp_path / "out" / "g.xlsx")
    assert report.status == "incomplete"
    assert report.message.startswith("g.xlsx: 6 cells could not be recalculated (unsupported GROUPBY, PIVOTBY):")
    given = "{} is given the function {} as a value, which the embedded engine cannot compute"
    assert sorted((u.address, u.function, u.reason) for u in report.unsupported) == [
        ("S!D1", "GROUPBY", given.format("GROUPBY", "SUM")),
        ("S!D2", "GROUPBY", given.format("GROUPBY", "SUM")),
        ("S!D3", "GROUPBY", given.format("GROUPBY", "AVERAGE")),
        ("S!D4", "GROUPBY", given.format("GROUPBY", "SUM")),
        ("S!D5", "GROUPBY", given.format("GROUPBY", "MAX")),
        ("S!G1", "PIVOTBY", given.format("PIVOTBY", "SUM")),
    ]


def test_a_grouping_given_a_function_inside_a_call_without_its_prefix_is_excels_name_error(tmp_path: Path) -> None:
    """=TAKE(GROUPBY(..,SUM,..),1) with TAKE stored bare (as openpyxl writes it) is #NAME? in Excel, whatever it holds:
    it was listed "unsupported TAKE ... TAKE is given the function SUM as a value", no value; now #NAME? with the
    prefix named, as README says of such a cell, and so is the cell reading it. Inside IFERROR (Excel's 0, from the
    #NAME?) it stays listed, as a cell the engine cannot compute (H485's finding 04)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for row in [("Region", "Sales"), ("East", 100), ("West", 150)]:
        ws.append(row)
    ws["D1"] = "=TAKE(_xlfn.GROUPBY(A2:A3,B2:B3,_xleta.SUM,0,0),1)"
    ws["D2"] = "=IFERROR(TAKE(_xlfn.GROUPBY(A2:A3,B2:B3,_xleta.SUM,0,0),1),0)"
    ws["E1"] = "=D1"
    wb.save(tmp_path / "t.xlsx")
    report = recalc_file(tmp_path / "t.xlsx", tmp_path / "out" / "t.xlsx")
    prefix = (
        "TAKE is stored without Excel's _xlfn. prefix, which Excel reads as no function: #NAME? (a function newer "
        "than Excel 2007 is stored as _xlfn.TAKE(...), as Excel writes it; with openpyxl write =_xlfn.TAKE(...))"
    )
    assert [(e.address, e.error, e.reason) for e in report.errors] == [
        ("S!D1", "#NAME?", prefix),
        ("S!E1", "#NAME?", prefix + ", from S!D1"),
    ]
    assert [(u.address, u.function) for u in report.unsupported] == [("S!D2", "GROUPBY")]
    values = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)["S"]
    assert (values["D1"].value, values["E1"].value) == ("#NAME?", "#NAME?")


def test_cells_stored_as_iso_dates_are_numbers_to_every_formula(tmp_path: Path) -> None:
    """t="d" cells (openpyxl's iso_dates, SheetJS's cellDates) are dates Excel reads as serial numbers: COUNT, MAX,
    SUM and COUNTIFS counted none of them and INT gave #VALUE!, silently."""
    import datetime

    import openpyxl

    wb = openpyxl.Workbook()
    wb.iso_dates = True
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"], ws["A3"] = (
        datetime.datetime(2024, 1, 15),
        datetime.datetime(2024, 3, 1, 12),
        datetime.datetime(2024, 2, 29),
    )
    formulas = ["=COUNT(A1:A3)", "=MAX(A1:A3)", "=SUM(A1:A3)", '=COUNTIFS(A1:A3,">="&DATE(2024,2,1))', "=A2-INT(A2)"]
    for k, formula in enumerate(formulas, start=1):
        ws.cell(k, 2, formula)
    wb.save(tmp_path / "iso.xlsx")
    with zipfile.ZipFile(tmp_path / "iso.xlsx") as package:
        assert b't="d"' in package.read("xl/worksheets/sheet1.xml")
    values = compute(tmp_path / "iso.xlsx").values["S"]
    assert [values[f"B{k}"] for k in range(1, 6)] == [3, 45352.5, 45306 + 45352.5 + 45351, 2, 0.5]


def test_an_xlsb_or_ods_under_an_xlsx_name_is_named_as_such(tmp_path: Path) -> None:
    """A Save As with the wrong type, or a renamed download: the format is named with its remedy (was "corrupt")."""
    with zipfile.ZipFile(tmp_path / "b.xlsx", "w") as package:
        package.writestr("[Content_Types].xml", TYPES)
        package.writestr("xl/workbook.bin", b"\x83\x01\x00")
    with zipfile.ZipFile(tmp_path / "o.xlsx", "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", "<office:document-content/>")
    assert recalc_file(tmp_path / "b.xlsx", tmp_path / "out" / "b.xlsx").message == (
        "b.xlsx is an Excel Binary Workbook (.xlsb): save it as Excel Workbook (.xlsx)"
    )
    assert recalc_file(tmp_path / "o.xlsx", tmp_path / "out" / "o.xlsx").message == (
        "o.xlsx is an OpenDocument spreadsheet (.ods): save it as Excel Workbook (.xlsx)"
    )


@pytest.mark.parametrize("after", [0.0, 1.0])
def test_ctrl_c_during_a_batch_on_two_processes_ends_in_one_line_and_stops_the_workers(
    tmp_path: Path, after: float
) -> None:
    """Ctrl-C (SIGINT to the process group, as a terminal sends it) during `recalc DIR --jobs 2`: exit 130 with one
    line, no worker's traceback, and no worker left running (they kept computing, and could write afterwards).
    ``after`` 0: as soon as the workers exist, while they still import (a worker's KeyboardInterrupt traceback
    then, before the workers started with Ctrl-C blocked)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import openpyxl

    folder = tmp_path / "books"
    folder.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in range(1, 40_001):
        ws.cell(r, 1, r)
        ws.cell(r, 2, f"=A{r}*2+SUM($A$1:A{r % 50 + 1})")
        ws.cell(r, 3, f"=CRR(A{r}+10,1,A{r}+20)")
    wb.save(folder / "big.xlsx")
    small = openpyxl.Workbook()
    small.active["A1"] = "=1+1"
    small.save(folder / "small.xlsx")
    command = [sys.executable, "-m", "xl_retention", "recalc", str(folder), "--output-dir", str(tmp_path / "out")]
    process = subprocess.Popen(
        [*command, "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    for _ in range(200):  # until the workers run (the spawned processes' start takes a moment), then a second more
        children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
        if len(children) >= 2 or process.poll() is not None:
            break
        time.sleep(0.05)
    time.sleep(after)
    if process.poll() is not None:
        pytest.skip("the batch ended before the interrupt")
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in err and err.strip().splitlines()[-1] == "xl-retention: interrupted"
    for _ in range(20):  # multiprocessing's resource tracker ends on its own once the command has ended
        states = subprocess.run(["ps", "-o", "stat=", "-g", str(process.pid)], capture_output=True, text=True).stdout
        running = [state for state in states.split() if not state.startswith("Z")]
        if not running:
            break
        time.sleep(0.5)
    assert running == []


def test_an_interrupted_batch_on_two_processes_returns_after_the_pools_own_thread_has_ended(tmp_path: Path) -> None:
    """A batch on two processes interrupted (here by the progress callback, as Ctrl-C arrives in it) returned while
    the process pool's own thread was still closing its wake-up pipe; Python's exit then woke that thread without a
    lock (CPython 3.11) and printed "Exception ignored in: <module 'threading'> ... Bad file descriptor" after
    `xl-retention: interrupted`. Now the batch returns after that thread has ended (three tries: the race was seen in
    about two of three at the parent)."""
    import concurrent.futures.process as pool_internals
    import threading

    import openpyxl

    from xl_retention.recalculation import recalc

    folder = tmp_path / "books"
    folder.mkdir()
    for name in ("a", "b", "c"):
        wb = openpyxl.Workbook()
        wb.active["A1"] = "=1+1"
        wb.save(folder / f"{name}.xlsx")

    def interrupt(report: object) -> None:
        raise KeyboardInterrupt

    for attempt in range(3):
        with pytest.raises(KeyboardInterrupt):
            recalc([folder], output_dir=tmp_path / f"out{attempt}", jobs=2, progress=interrupt)
        running = [
            thread
            for thread in threading.enumerate()
            if isinstance(thread, pool_internals._ExecutorManagerThread) and thread.is_alive()
        ]
        assert running == [], attempt


def test_an_output_of_the_same_name_is_replaced_only_when_this_command_wrote_it_from_that_input(
    tmp_path: Path,
) -> None:
    """An unrelated report.xlsx with the same sheet name (Sheet1) in --output-dir was replaced; now the output's
    zip comment names the input it was recalculated from, and only such a result is replaced by a rerun. The same
    result opened and saved by another program (which drops the comment) holds the user's edits: kept."""
    import openpyxl

    source = openpyxl.Workbook()
    source.active["A1"], source.active["B1"] = 2, "=A1*3"
    source.save(tmp_path / "report.xlsx")
    mine = openpyxl.Workbook()
    mine.active["A1"] = "My notes"
    (tmp_path / "out").mkdir()
    mine.save(tmp_path / "out" / "report.xlsx")
    before = (tmp_path / "out" / "report.xlsx").read_bytes()
    first = recalc_file(tmp_path / "report.xlsx", tmp_path / "out" / "report.xlsx")
    assert first.status == "failed" and (tmp_path / "out" / "report.xlsx").read_bytes() == before
    assert first.message == (
        f"report.xlsx: its output {tmp_path / 'out' / 'report.xlsx'} exists and is a workbook this command did not "
        "write from it (or saved by another program since), not an earlier result of report.xlsx: not replaced; "
        "move it or choose another output folder (--output-dir)"
    )
    (tmp_path / "out" / "report.xlsx").unlink()
    assert recalc_file(tmp_path / "report.xlsx", tmp_path / "out" / "report.xlsx").status == "ok"
    source.active["A1"] = 5  # the input changed: a rerun replaces its earlier result
    source.save(tmp_path / "report.xlsx")
    assert recalc_file(tmp_path / "report.xlsx", tmp_path / "out" / "report.xlsx").status == "ok"
    result = openpyxl.load_workbook(tmp_path / "out" / "report.xlsx", data_only=True).active
    assert result["B1"].value == 15
    saved = openpyxl.load_workbook(tmp_path / "out" / "report.xlsx")  # the user edits the result and saves it
    saved.active["C1"] = "checked"
    saved.save(tmp_path / "out" / "report.xlsx")
    assert recalc_file(tmp_path / "report.xlsx", tmp_path / "out" / "report.xlsx").status == "failed"
    assert openpyxl.load_workbook(tmp_path / "out" / "report.xlsx").active["C1"].value == "checked"


def test_newer_error_values_stored_in_cells_do_not_refuse_the_workbook(tmp_path: Path) -> None:
    """Excel 365 stores #CALC! for a FILTER that matches nothing, #SPILL! for a blocked spill, and #FIELD!,
    #BLOCKED!, #GETTING_DATA ...: the engine's reader refused the whole workbook for one ("Unsupported cell error
    value"). They are values like any other: computed formulas, typed errors read as errors."""
    cells = (
        '<c r="A1"><v>5</v></c>'
        '<c r="B1" t="e"><f>_xlfn._xlws.FILTER(A1:A1,A1:A1&gt;9)</f><v>#CALC!</v></c>'
        '<c r="C1"><f>A1*2</f><v>0</v></c>'
        '<c r="D1" t="e"><v>#SPILL!</v></c>'
        '<c r="E1"><f>IFERROR(D1,7)</f><v>0</v></c>'
        '<c r="F1" t="e"><v>#GETTING_DATA</v></c>'
        '<c r="G1" t="b"><f>ISERROR(F1)</f><v>0</v></c>'
    )
    source = _one_row(tmp_path / "new.xlsx", cells)
    report = recalc_file(source, tmp_path / "out" / "new.xlsx")
    assert report.status == "ok", report.message
    values = compute(source).values["S0"]
    assert (values["C1"], values["E1"], values["G1"]) == (10, 7, True)
    assert values["B1"].code == "#CALC!"


def test_office_js_calls_of_our_functions_are_ours_and_other_custom_functions_keep_excels_values(
    tmp_path: Path,
) -> None:
    """A tracker used through xlwings Lite or Server and saved by Excel stores =_xldudf_CRR(...) (with the add-in's
    namespace: _xldudf_XLWINGS_CHURN_RATE): they are our functions (the engine wrote #NAME? over Excel's values);
    another add-in's custom function keeps Excel's value and is listed."""
    cells = (
        '<c r="A1"><f>_xldudf_CRR(120,30,100)</f><v>0</v></c>'
        '<c r="B1"><f>_xldudf_XLWINGS_CHURN_RATE(120,30,100)</f><v>0</v></c>'
        '<c r="C1"><f>A1*100</f><v>0</v></c>'
        '<c r="D1"><f>_xldudf_CONTOSO_ADD(1,2)</f><v>3</v></c>'
    )
    source = _one_row(tmp_path / "lite.xlsx", cells)
    report = recalc_file(source, tmp_path / "out" / "lite.xlsx")
    assert (report.status, report.errors) == ("ok", [])
    assert [(u.address, u.kept) for u in report.unsupported] == [("'S0'!D1", True)]
    with zipfile.ZipFile(tmp_path / "out" / "lite.xlsx") as package:
        xml = package.read("xl/worksheets/sheet1.xml")
    values = {k: float(v) for k, v in re.findall(rb'<c r="([A-Z]1)"><f>[^<]*</f><v>([^<]*)</v></c>', xml)}
    assert values == {b"A1": 0.9, b"B1": pytest.approx(0.1), b"C1": 90, b"D1": 3}


def test_a_users_own_office_js_function_ending_with_one_of_our_names_keeps_excels_value(tmp_path: Path) -> None:
    """H67 finding 04: through xlwings Lite a user's own functions adjusted_crr and promoter_nps (the same add-in,
    _xldudf_XLWINGS_ADJUSTED_CRR) were taken for our CRR and NPS once every leading word was stripped: Excel's 0.99
    and 50 overwritten by 0.95 and 25 (F2*100 95), status ok, nothing listed. Only the namespace is taken off; text
    in quotes naming such a call stays as typed."""
    cells = (
        '<c r="A1"><v>10</v></c><c r="B1"><v>100</v></c><c r="C1"><v>10</v></c><c r="D1"><v>105</v></c>'
        '<c r="F1"><f>_xldudf_XLWINGS_CRR(D1,C1,B1)</f><v>0.95</v></c>'  # stored 0, D1, C1, B1 changed since
        '<c r="G1"><f>_xldudf_XLWINGS_ADJUSTED_CRR(D1,C1,B1)</f><v>0.99</v></c>'
        '<c r="H1"><f>_xldudf_XLWINGS_PROMOTER_NPS(A1)</f><v>50</v></c>'
        '<c r="I1"><f>G1*100</f><v>99</v></c>'
        '<c r="J1" t="str"><f>"see _xldudf_XLWINGS_CRR(1,2,3)"&amp;_xldudf_XLWINGS_CRR(D1,C1,B1)</f>'
        "<v>see _xldudf_XLWINGS_CRR(1,2,3)0.95</v></c>"
    )
    source = _one_row(tmp_path / "lite.xlsx", cells)
    report = recalc_file(source, tmp_path / "out" / "lite.xlsx")
    assert report.status == "ok", report.message
    assert [(u.address, u.kept) for u in report.unsupported] == [("'S0'!G1", True), ("'S0'!H1", True)]
    with zipfile.ZipFile(tmp_path / "out" / "lite.xlsx") as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode()
    values = dict(re.findall(r'<c r="([F-J]1)"[^>]*><f>[^<]*</f><v>([^<]*)</v></c>', xml))
    assert [float(values[ref]) for ref in ("F1", "G1", "H1", "I1")] == [0.95, 0.99, 50, 99]
    assert values["J1"] == "see _xldudf_XLWINGS_CRR(1,2,3)0.95"
