"""inplace.SheetXml reads each cell's column from its reference however the file writes it (issue #14's faster read
of ``r="C12"`` written first, as Excel writes it, must give what the general attribute reading gives)."""

from __future__ import annotations

from xl_retention.workbook.inplace import SheetXml


def test_cells_are_found_by_reference_in_every_form() -> None:
    xml = (
        b'<worksheet><sheetData><row r="2"><c r="A2" t="s"><v>3</v></c><c s="4"><v>1</v></c>'  # B2: no reference
        b'<c s="1" r="D2"><v>4</v></c><c r=\'E2\'><v>5</v></c><c r="f2"><v>6</v></c>'  # after s=, quoted ', lower
        b'<c  r = "G2"><v>7</v></c><c r="AA2"/><c r="XFD2"><v>9</v></c><c><v>10</v></c></row></sheetData></worksheet>'
    )
    sheet = SheetXml.parse(xml, "T")
    found = {ref: element for ref, element in sheet.cells_in_rows(2, 2)}
    assert list(found) == ["A2", "B2", "D2", "E2", "F2", "G2", "AA2", "XFD2", "XFE2"]
    assert found["B2"] == b'<c r="B2" s="4"><v>1</v></c>'  # given its reference, as before
    assert found["XFE2"] == b'<c r="XFE2"><v>10</v></c>'  # the column after the last one's
    assert sheet.cell("D2") == b'<c s="1" r="D2"><v>4</v></c>'
    assert sheet.cell("AA2") == b'<c r="AA2"/>'
    assert sheet.to_bytes() == xml  # nothing edited: the same bytes


def test_one_cell_read_without_splitting_its_row_is_the_split_rows() -> None:
    """SheetXml.cell reads column A of a row not split yet without splitting it where that is sure (a tracker's
    Month cell in every month row); each of these rows gives what splitting it gives, the odd ones included."""
    rows = [
        b'<row r="5"><c r="A5"><v>1</v></c><c r="B5"/></row>',
        b'<row r="5"><c r="B5"><v>1</v></c><c r="A5"><v>2</v></c></row>',  # not first: split
        b'<row r="5"><c r="a5"><v>1</v></c></row>',  # lower case: column A
        b'<row r="5"><c r="A5"/><c r="a5"><v>1</v></c></row>',  # twice: the last one
        b'<row r="5"><c r="AB5"/><c r="C5"><v>2</v></c></row>',  # none in A
        b'<row r="5"><c><v>1</v></c><c r="B5"/></row>',  # no reference: column A
        b'<row r="5"><x:c r="A5"><x:v>1</x:v></x:c></row>',  # a namespace prefix
        b'<row r="5"><c r="A5"><v>1</v><c r="B5"/><c r="C5"><v>3</v></c></row>',  # A5 left open
        b'<row r="5"><c s="1" r="A5"><v>1</v></c></row>',
        b'<row r="5"/>',
    ]
    expected = [
        b'<c r="A5"><v>1</v></c>',
        b'<c r="A5"><v>2</v></c>',
        b'<c r="a5"><v>1</v></c>',
        b'<c r="a5"><v>1</v></c>',
        None,
        b'<c r="A5"><v>1</v></c>',
        b'<x:c r="A5"><x:v>1</x:v></x:c>',
        b'<c r="A5"><v>1</v><c r="B5"/><c r="C5"><v>3</v></c>',  # to the first close, as the split reads it
        b'<c s="1" r="A5"><v>1</v></c>',
        None,
    ]
    for row, element in zip(rows, expected, strict=True):
        xml = b"<worksheet><sheetData>" + row + b"</sheetData></worksheet>"
        split = SheetXml.parse(xml, "T")
        split._cells(5)  # the row split first: the general reading
        assert SheetXml.parse(xml, "T").cell("A5") == split.cell("A5") == element, row
