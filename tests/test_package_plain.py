"""The package scan's one-pass reading of plain formula cells against its general path, cell by cell."""

from __future__ import annotations

import random

import pytest

from xl_retention.recalculation import sheet_cells

SHARED = ["zero", "one & two"]
FORMULA_CELLS = [
    '<c r="{ref}"><f>A1*2</f><v>4</v></c>',
    '<c r="{ref}" s="3"><f>IF(A1&gt;0,"a&amp;b","")</f><v></v></c>',
    '<c r="{ref}" s="1" t="str"><f>"x"&amp;A1</f><v>x1</v></c>',
    '<c r="{ref}" t="str"><f>""</f><v/></c>',
    '<c r="{ref}" t="str"><f>""</f><v /></c>',
    '<c r="{ref}"><f>A1</f><v /></c>',
    '<c r="{ref}" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
    '<c r="{ref}" t="b"><f>A1&gt;1</f><v>1</v></c>',
    '<c r="{ref}" t="s"><f>B1</f><v>1</v></c>',
    '<c r="{ref}"><f>A1</f></c>',
    '<c r="{ref}"><f>A1</f><v> 12 </v></c>',
    '<c r="{ref}"><f>A1</f><v>&#49;</v></c>',
    '<c r="{ref}"><f>A1</f><v>nan</v></c>',
    '<c r="{ref}"><f t="shared" ref="{ref}:{ref}" si="0">A1*2</f><v>2</v></c>',
    '<c r="{ref}"><f t="shared" si="0"/><v>3</v></c>',
    '<c r="{ref}" cm="1"><f t="array" ref="{ref}:{ref}">SEQUENCE(1)</f><v>1</v></c>',
    '<c r="{ref}"><f t="array" ref="{ref}"/><v>1</v></c>',
    '<c r="{ref}"><f t="dataTable" ref="{ref}:{ref}" dt2D="1" dtr="1" r1="A1" r2="B1"/><v>5</v></c>',
    '<c r="{ref}" s="2" ><f aca="false">SUM(A1:A2)</f><v>3.5</v></c>',
]
OTHER_CELLS = ['<c r="{ref}"><v>1</v></c>', '<c r="{ref}" t="s"><v>0</v></c>', '<c r="{ref}"/>']
ODD_CELLS = [  # any of these makes the scan take its general path
    '<c r="{ref}" t="inlineStr"><f>A1</f><is><t>x</t></is></c>',
    '<c r="{ref}"><f>A1</f> <v>1</v></c>',
    '<c r="{ref}"><f>A1</f><v xml:space="preserve"> 1</v></c>',
]


def sheet(rng: random.Random, odd: bool) -> bytes:
    rows = []
    for r in range(1, rng.randrange(2, 25)):
        cells = []
        for col in "ABCDEFG":
            ref = f"{col}{r}"
            kind = rng.random()
            template = rng.choice(FORMULA_CELLS) if kind < 0.6 else rng.choice(OTHER_CELLS)
            cells.append(template.format(ref=ref))
        rows.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    if odd:
        rows.insert(rng.randrange(len(rows) + 1), '<row r="99">' + rng.choice(ODD_CELLS).format(ref="H99") + "</row>")
    return (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + "".join(rows)
        + "</sheetData></worksheet>"
    ).encode()


def general(xml: bytes, monkeypatch: pytest.MonkeyPatch) -> dict:
    with monkeypatch.context() as patch:
        patch.setattr(sheet_cells, "plain_formula_cells", lambda *args: None)
        return sheet_cells.formula_cells(xml, SHARED)


@pytest.mark.parametrize("seed", range(30))
def test_plain_scan_reads_what_the_general_path_reads(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    xml = sheet(random.Random(seed), odd=False)
    start = xml.index(b"<sheetData")
    plain = sheet_cells.plain_formula_cells(xml, start, SHARED)
    assert plain is not None
    expected = general(xml, monkeypatch)
    assert list(plain) == list(expected)
    for ref, cell in expected.items():  # NaN cached values compare by their text
        assert repr(plain[ref]) == repr(cell), ref


@pytest.mark.parametrize("seed", range(6))
def test_other_layouts_take_the_general_path(seed: int) -> None:
    xml = sheet(random.Random(seed), odd=True)
    assert sheet_cells.plain_formula_cells(xml, xml.index(b"<sheetData"), SHARED) is None


def test_formula_text_is_stored_text_unescaped() -> None:
    xml = sheet(random.Random(0), odd=False)
    cells = sheet_cells.formula_cells(xml, SHARED)
    texts = {cell.text for cell in cells.values()}
    assert 'IF(A1>0,"a&b","")' in texts and None in texts  # shared children and <f/> have no text


@pytest.mark.parametrize("seed", range(10))
def test_formulas_of_their_own_without_types_read_in_bulk(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Formula cells with at most a style, no t= and no <f> attributes (openpyxl's layout): the bulk path."""
    rng = random.Random(seed)
    simple = [
        '<c r="{ref}"><f>A1*2</f><v>4</v></c>',
        '<c r="{ref}" s="3"><f>IF(A1&gt;0,"a&amp;b","&#49;")</f><v></v></c>',
        '<c r="{ref}"><f>A1</f><v /></c>',
        '<c r="{ref}"><f>A1</f></c>',
        '<c r="{ref}" s="12"><f>"line\nnext" &amp; "caf\u00e9"</f><v> 12 </v></c>',
        '<c r="{ref}"><f>A1</f><v>nan</v></c>',
        '<c r="{ref}"><f>A1</f><v>x</v></c>',
        '<c r="{ref}"><f>A1</f><v>1&#46;5</v></c>',
    ]
    rows = []
    for r in range(1, rng.randrange(2, 20)):
        cells = [rng.choice(simple + OTHER_CELLS).format(ref=f"{col}{r}") for col in "ABCDE"]
        rows.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    xml = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + "".join(rows)
        + "</sheetData></worksheet>"
    ).encode()
    expected = general(xml, monkeypatch)
    with monkeypatch.context() as patch:  # the bulk path reads no attribute one cell at a time
        patch.setattr(sheet_cells, "_attribute", None)
        patch.setattr(sheet_cells, "_attributes", None)
        plain = sheet_cells.plain_formula_cells(xml, xml.index(b"<sheetData"), SHARED)
    assert plain is not None and list(plain) == list(expected)
    for ref, cell in expected.items():
        assert repr(plain[ref]) == repr(cell), ref
