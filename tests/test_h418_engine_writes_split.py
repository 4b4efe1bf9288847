"""The rewritten formulas written into the engine's package in one split of each sheet (``engine_writes._written``,
issue 14, H418): the same bytes as the match-by-match loop it replaces, whether every formula cell of the rewritten
columns is rewritten (a column filled down), only some of them (the others keep their own ``<f>``), one is missing or
named twice (None: set in the engine after loading, as before), and with ``with_formulas``' escaping of ``&``, ``<``,
``>`` and a carriage return, now made over all the texts at once."""

from __future__ import annotations

import io
import zipfile

from xl_retention.recalculation.engine_writes import _written, with_formulas

ROW = (
    b'<row r="2"><c r="A2" t="n"><v>4</v></c><c r="B2"><f>A2*2</f><v /></c><c r="C2" s="1"><f>IF(B2&gt;1,"a","b")</f>'
    b'<v>x</v></c><c r="D2"><f t="shared" si="0"/></c></row>'
)
SHEET = b'<worksheet><sheetData><row r="1"><c r="A1" t="n"><v>1</v></c></row>' + ROW + b"</sheetData></worksheet>"


def test_every_cell_of_the_columns_rewritten():
    out = _written(SHEET, {b"B2": b"X1", b"C2": b"Y&amp;1"})
    assert out == SHEET.replace(b"<f>A2*2</f>", b"<f>X1</f>").replace(b'<f>IF(B2&gt;1,"a","b")</f>', b"<f>Y&amp;1</f>")


def test_some_cells_of_a_column_kept():
    xml = SHEET.replace(
        b"</sheetData>", b'<row r="3"><c r="B3"><f>A3*2</f></c><c r="B4"><f>A4*2</f></c></row></sheetData>'
    )
    out = _written(xml, {b"B3": b"Z"})
    assert out == xml.replace(b"<f>A3*2</f>", b"<f>Z</f>")
    assert _written(xml, {b"D2": b"S"}) == xml.replace(b'<f t="shared" si="0"/>', b"<f>S</f>")


def test_missing_or_twice_refused():
    assert _written(SHEET, {b"B2": b"X", b"E2": b"Y"}) is None  # E2 has no formula
    assert _written(SHEET, {b"A2": b"X"}) is None  # a value cell
    twice = SHEET.replace(b"</sheetData>", b'<row r="3"><c r="B2"><f>1</f></c></row></sheetData>')
    assert _written(twice, {b"B2": b"X"}) is None
    assert _written(b'<!-- <c r="B2"><f>1</f></c> -->' + SHEET, {b"B2": b"X"}) is None
    assert _written(SHEET, {}) == SHEET


def test_with_formulas_escapes_every_text():
    buffer = io.BytesIO()
    workbook = (
        b'<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        b'<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    rels = (
        b'<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    )
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("xl/workbook.xml", workbook)
        package.writestr("xl/_rels/workbook.xml.rels", rels)
        package.writestr("xl/worksheets/sheet1.xml", SHEET)
    rewritten = [("S", 2, 2, '=IF(A2<1,"a&b",">")'), ("S", 2, 3, '="x\r\ny"&"é"')]
    out = with_formulas(buffer.getvalue(), rewritten)
    assert out is not None
    with zipfile.ZipFile(io.BytesIO(out)) as package:
        sheet = package.read("xl/worksheets/sheet1.xml")
        assert package.read("xl/workbook.xml") == workbook
    assert sheet == SHEET.replace(b"<f>A2*2</f>", b'<f>IF(A2&lt;1,"a&amp;b","&gt;")</f>').replace(
        b'<f>IF(B2&gt;1,"a","b")</f>', '<f>"x&#13;\ny"&amp;"é"</f>'.encode()
    )
    assert with_formulas(buffer.getvalue(), [("S", 2, 2, '="a\x00b"')]) is None  # no XML text holds a NUL
