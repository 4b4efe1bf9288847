"""A dynamic array whose spill is blocked by a spilled OFFSET below it (H28 finding 01).

The engine does not settle such a spill (its own '#N/IMPL!: dynamic dependency evaluation did not converge after 5
replans'): the cell it stopped at was listed, then set again with the formulas reading text numbers, and the whole
workbook failed with that text, every other formula lost. Now the cell is listed (Excel's stored #SPILL! kept) with
a reason in words, and the blocking OFFSET and the cell reading it are computed (1, 2 and their sum 3).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
#: Excel 365's marker of a dynamic array formula (cm="1" on the cell)
_METADATA = (
    f'{_XML}<metadata xmlns="{_MAIN}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">'
    '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" '
    'pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" '
    'coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst>'
    '<ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>'
    '</ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>'
)


def _book(path: Path, first: str = "OFFSET(A1,0,0,B1,1)", a1: int = 1) -> Path:
    """A1:A2 = 1, 2; B1 = 2; D1 =OFFSET(A1,0,0,B1,1) blocked by D2 =OFFSET(A1,0,0,2,1) over D2:D3; F1 =SUM(D2:D3),
    with the values Excel stores (#SPILL!, 1, 2, 3)."""
    sheet = (
        f'{_XML}<worksheet xmlns="{_MAIN}"><sheetData>'
        f'<row r="1"><c r="A1"><v>{a1}</v></c><c r="B1"><v>2</v></c><c r="D1" t="e" cm="1">'
        f'<f t="array" ref="D1">{first}</f><v>#SPILL!</v></c><c r="F1"><f>SUM(D2:D3)</f><v>3</v></c></row>'
        '<row r="2"><c r="A2"><v>2</v></c><c r="D2" cm="1"><f t="array" ref="D2:D3">OFFSET(A1,0,0,2,1)</f><v>1</v>'
        '</c></row><row r="3"><c r="D3"><v>2</v></c></row></sheetData></worksheet>'
    )
    types = (
        f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/>'
        f'<Override PartName="/xl/metadata.xml" ContentType="{_TYPE}.sheetMetadata+xml"/></Types>'
    )
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", types)
        package.writestr("docProps/app.xml", "<Properties><Application>Microsoft Excel</Application></Properties>")
        package.writestr(
            "_rels/.rels",
            f'{_XML}<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        package.writestr(
            "xl/workbook.xml",
            f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/>'
            '</sheets><calcPr calcId="191029"/></workbook>',
        )
        package.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{_XML}<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/worksheet" '
            f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{_DOC}/sheetMetadata" '
            'Target="metadata.xml"/></Relationships>',
        )
        package.writestr("xl/worksheets/sheet1.xml", sheet)
        package.writestr("xl/metadata.xml", _METADATA)
    return path


def test_a_spill_blocked_by_a_spilled_offset_is_listed_and_the_rest_computed(tmp_path: Path) -> None:
    path = _book(tmp_path / "offset_above.xlsx")
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert [(u.address, u.reason) for u in result.unsupported] == [
        (
            "S!D1",
            "the embedded engine cannot settle the spill of an array whose reference moves (OFFSET) here at this "
            "formula (=OFFSET(A1,0,0,B1,1))",
        )
    ]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("D1", "D2", "D3", "F1")] == ["#SPILL!", 1, 2, 3]


def test_a_kept_spill_whose_inputs_changed_since_the_save_is_listed_with_its_readers(tmp_path: Path) -> None:
    # D1 =MUNIT(B1) over D2 =OFFSET(A1,0,0,2,1): the engine stops at D2, which keeps Excel's stored 1, 2. After a
    # script set A1 to 5 (stored values still those of A1 = 1) D2:D3 kept 1, 2 and F1 =SUM(D2:D3) 3 with status ok
    # (right: 5, 2 and 7). D2 is computed again where it spills freely: 5, 2 differ from the stored values, so D2 and
    # F1 are listed (status incomplete). Unchanged inputs keep Excel's values (status ok), as the blocked D1 above.
    # (SEQUENCE(B1) was D1's formula: since SEQUENCE is checked for a count below 1 the engine stops at D1, which keeps
    # its stored #SPILL!, and computes D2:D3 and F1 right, 5, 2 and 7.)
    same = recalc_file(_book(tmp_path / "same.xlsx", "_xlfn.MUNIT(B1)"), tmp_path / "same_out.xlsx", "embedded")
    assert (same.status, [(u.address, u.kept) for u in same.unsupported]) == ("ok", [("S!D2", True)])
    changed = _book(tmp_path / "changed.xlsx", "_xlfn.MUNIT(B1)", a1=5)
    result = recalc_file(changed, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert [(u.address, u.kept) for u in result.unsupported] == [("S!D2", False), ("S!F1", False)]
    assert result.unsupported[0].reason.endswith(
        "its inputs have changed since Excel stored this value (computed again: 5.0, 2.0)"
        " (the array formula S!D2 over D2:D3: 2 cells)"
    )


def test_a_kept_spill_computed_again_to_an_error_names_its_code(tmp_path: Path) -> None:
    # as above, with #N/A typed in A1 after the save: D2 computed again gives #N/A, 2, said as Excel shows it (the
    # reason read "(computed again: {'type': 'Error', 'kind': 'Na'}, 2.0)", the engine's own form, H485's finding 05)
    changed = _book(tmp_path / "changed.xlsx", "_xlfn.MUNIT(B1)")
    with zipfile.ZipFile(changed) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].replace(b'<c r="A1"><v>1</v></c>', b'<c r="A1" t="e"><v>#N/A</v></c>')
    assert sheet != parts["xl/worksheets/sheet1.xml"]
    with zipfile.ZipFile(changed, "w") as package:
        for name, data in parts.items():
            package.writestr(name, sheet if name == "xl/worksheets/sheet1.xml" else data)
    result = recalc_file(changed, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert [(u.address, u.kept) for u in result.unsupported] == [("S!D2", False), ("S!F1", False)]
    assert result.unsupported[0].reason.endswith(
        "its inputs have changed since Excel stored this value (computed again: #N/A, 2.0)"
        " (the array formula S!D2 over D2:D3: 2 cells)"
    )


def _two_sheets(path: Path, written: str, a1: int) -> Path:
    """:func:`_book` (MUNIT(B1) in D1) with D2's OFFSET ``written`` (or the name moving, defined as it), and a sheet
    Lookup before S: A4 =HLOOKUP(B1,$A$1:$C$2,2) 20, B4 =HLOOKUP(C1,..) over C1 =#VALUE!, C4 =A1*2 2."""
    _book(path, "_xlfn.MUNIT(B1)", a1=a1)
    lookup = (
        f'{_XML}<worksheet xmlns="{_MAIN}"><sheetData>'
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1" t="e"><f>#VALUE!</f><v>#VALUE!</v></c>'
        '</row><row r="2"><c r="A2"><v>10</v></c><c r="B2"><v>20</v></c><c r="C2"><v>30</v></c></row>'
        '<row r="4"><c r="A4"><f>HLOOKUP(B1,$A$1:$C$2,2)</f><v>20</v></c>'
        '<c r="B4" t="e"><f>HLOOKUP(C1,$A$1:$C$2,1)</f><v>#VALUE!</v></c><c r="C4"><f>A1*2</f><v>2</v></c></row>'
        "</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name).decode() for name in package.namelist()}
    parts["xl/worksheets/sheet2.xml"] = lookup
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        ">OFFSET(A1,0,0,2,1)<", f">{written}<"
    )
    parts["xl/workbook.xml"] = (
        parts["xl/workbook.xml"]
        .replace("<sheets>", '<sheets><sheet name="Lookup" sheetId="2" r:id="rId3"/>')
        .replace(
            "</sheets>",
            '</sheets><definedNames><definedName name="moving">OFFSET(S!$A$1,0,0,2,1)</definedName></definedNames>',
        )
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        "</Relationships>",
        f'<Relationship Id="rId3" Type="{_DOC}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        "</Types>", f'<Override PartName="/xl/worksheets/sheet2.xml" ContentType="{_TYPE}.worksheet+xml"/></Types>'
    )
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


@pytest.mark.parametrize("written", ["OFFSET(A1,0,0,2,1)", "moving"])
def test_a_spill_that_cannot_settle_blames_no_cell_of_another_sheet(tmp_path: Path, written: str) -> None:
    # a sheet "Lookup" before S, its formulas reading nothing of S: the engine evaluates the volatile OFFSET of S with
    # every cell it is asked for, so each Lookup cell tried before S!D2 raised the stop too and was listed ("cannot
    # settle the spill of an array whose reference moves (OFFSET) here at this formula (=HLOOKUP(..))"), its value set
    # to an error; one with its input an error lost Excel's value (H485's finding 05). Only S!D2 and its reader are
    # listed now; Lookup's cells are computed: HLOOKUP 20, an error looked up that error (#VALUE!), A1*2 = 2. Also
    # where S!D2 reads the OFFSET through a defined name ("moving"): a cell found before it gets its formula back, and
    # D2 is computed again as the engine was given it (the name's OFFSET written in; "moving" alone was #NAME?).
    path = _two_sheets(tmp_path / "two.xlsx", written, a1=5)
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert [(u.address, u.kept) for u in result.unsupported] == [("S!D2", False), ("S!F1", False)]
    assert result.unsupported[0].reason == (
        "the embedded engine cannot settle the spill of an array whose reference moves (OFFSET) here at this "
        f"formula (={written}); its inputs have changed since Excel stored this value (computed again: 5.0, 2.0)"
        " (the array formula S!D2 over D2:D3: 2 cells)"
    )
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Lookup"]
    assert [out[ref].value for ref in ("A4", "B4", "C4")] == [20, "#VALUE!", 2]


@pytest.mark.parametrize("written", ["OFFSET(A1,0,0,2,1)", "moving"])
def test_a_spill_that_cannot_settle_keeps_excels_values_when_nothing_changed(tmp_path: Path, written: str) -> None:
    # inputs as Excel saved them: D2 keeps Excel's 1, 2 (through the name too: it was listed, its values lost, with
    # "its inputs have changed since Excel stored this value (computed again: #NAME?)"), F1 = 3, status ok
    path = _two_sheets(tmp_path / "same.xlsx", written, a1=1)
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert (result.status, [(u.address, u.kept) for u in result.unsupported]) == ("ok", [("S!D2", True)])
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert [out["S"][ref].value for ref in ("D2", "D3", "F1")] == [1, 2, 3]
    assert [out["Lookup"][ref].value for ref in ("A4", "B4", "C4")] == [20, "#VALUE!", 2]
