"""The writer's plain path (xlsx_plain) leaves a sheet holding a comment or CDATA section to the general path, whose
``!`` it now looks for first (issue 14: a memchr pass, not a two-byte search, over a sheet without any)."""

from __future__ import annotations

from xl_retention.recalculation import xlsx_plain

HEAD = b'<worksheet><sheetData><row r="1">'
TAIL = b"</row></sheetData></worksheet>"


def _rewritten(cells_xml: bytes, values: dict[bytes, object]) -> tuple[bytes, int] | None:
    xml = HEAD + cells_xml + TAIL
    return xlsx_plain.rewrite_plain_cells(xml, "S", values, len(HEAD) - len(b'<row r="1">'), len(xml) - len(TAIL))


def test_a_sheet_without_an_exclamation_mark_is_rewritten() -> None:
    done = _rewritten(b'<c r="A1"><f>1+1</f><v /></c><c r="B1"><f>A1*2</f><v>0</v></c>', {b"A1": 2.0, b"B1": 4.0})
    assert done == (HEAD + b'<c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>A1*2</f><v>4</v></c>' + TAIL, 2)


def test_a_reference_to_another_sheet_alone_is_no_markup() -> None:
    done = _rewritten(b'<c r="A1"><f>Data!B2*2</f><v /></c>', {b"A1": 0.5})
    assert done == (HEAD + b'<c r="A1"><f>Data!B2*2</f><v>0.5</v></c>' + TAIL, 1)


def test_a_comment_leaves_the_sheet_to_the_general_path() -> None:
    cells = b'<!-- <c r="B1"><f>1</f></c> --><c r="A1"><f>Data!B2*2</f><v /></c>'
    assert _rewritten(cells, {b"A1": 0.5}) is None
    assert _rewritten(b'<c r="A1"><f>2*2</f><v /></c><!---->', {b"A1": 4.0}) is None


def test_a_cdata_section_leaves_the_sheet_to_the_general_path() -> None:
    assert _rewritten(b'<c r="A1"><f>2*2</f><v /></c><![CDATA[<c r="B1"><f>1</f></c>]]>', {b"A1": 4.0}) is None
