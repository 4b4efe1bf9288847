"""The writer's fast path for the plain cell layout (xlsx_plain) against its general path, byte for byte."""

from __future__ import annotations

import random
import re

import pytest

from xl_retention.cells import CellError
from xl_retention.recalculation import xlsx_plain, xlsx_values

VALUES = [
    0.92,
    -1.5e-300,
    1e16,
    7,
    0,
    0.0,
    -0.0,
    -2.5,
    True,
    False,
    None,
    "",
    "high",
    'a & b < c > d "q"',
    "line\r\nnext",
    "café ☕ 😀",
    "_x0041_ and \x01",
    CellError("#DIV/0!", "no customers"),
    CellError("#N/A"),
    float("nan"),
    float("inf"),
]
PLAIN_TYPES = ["", ' t="str"', ' t="e"', ' t="b"', ' t="n"']
ODD_CELLS = [  # formula cells outside the plain layout: the fast path must leave the sheet to the general path
    '<c r="{ref}"><f t="shared" ref="{ref}" si="0">A1*2</f><v>1</v></c>',
    '<c r="{ref}" cm="1"><f t="array" ref="{ref}">SEQUENCE(1)</f><v>1</v></c>',
    '<c r="{ref}"><f>A1</f><v>1</v><extLst/></c>',
    '<c r="{ref}" t="inlineStr"><f>A1</f><is><t>x</t></is></c>',
    '<c r="{ref}" s="1"><f>A1</f><v xml:space="preserve"> 1</v></c>',
    '<c r="{ref}"><f>A1</f> <v>1</v></c>',
]


def sheet(rng: random.Random, rows: int, odd: bool) -> tuple[bytes, dict[bytes, object]]:
    """A sheet part of plain formula cells among value cells, and values for some of them (bytes refs)."""
    out, values = [], {}
    odd_row = rng.randrange(1, rows + 1) if odd else 0
    for r in range(1, rows + 1):
        cells = [f'<c r="A{r}"><v>{r}</v></c>', f'<c r="B{r}" t="s"><v>0</v></c>']
        for col in "CDEF":
            ref = f"{col}{r}"
            if odd and r == odd_row and col == "D":
                cells.append(rng.choice(ODD_CELLS).format(ref=ref))
                continue
            style = rng.choice(["", f' s="{rng.randrange(20)}"'])
            old = rng.choice(["<v>0</v>", "<v></v>", "<v>12.5</v>", "<v>#N/A</v>", "<v>x &amp; y</v>", "<v />", ""])
            cells.append(f'<c r="{ref}"{style}{rng.choice(PLAIN_TYPES)}><f>A{r}*{col}1&amp;"x"</f>{old}</c>')
            if rng.random() < 0.85:
                values[ref.encode()] = rng.choice(VALUES)
        out.append(f'<row r="{r}" spans="1:6">' + "".join(cells) + "</row>")
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:F9"/>'
        "<sheetData>" + "".join(out) + '</sheetData><mergeCells count="1"><mergeCell ref="G1:H1"/></mergeCells>'
        "</worksheet>"
    )
    return xml.encode(), values


def both(xml: bytes, values: dict[bytes, object]) -> tuple[object, object]:
    start = xml.index(b"<sheetData>") + len(b"<sheetData>")
    end = xml.index(b"</sheetData>")
    general = xlsx_values._rewrite_formula_cells(xml, "S", values, start, end)
    return xlsx_plain.rewrite_plain_cells(xml, "S", values, start, end), general


@pytest.mark.parametrize("seed", range(40))
def test_plain_layout_gives_the_general_paths_bytes(seed: int) -> None:
    rng = random.Random(seed)
    xml, values = sheet(rng, rng.randrange(1, 30), odd=False)
    fast, general = both(xml, values)
    assert fast is not None
    assert fast == general


@pytest.mark.parametrize("seed", range(12))
def test_any_other_formula_cell_leaves_the_sheet_to_the_general_path(seed: int) -> None:
    rng = random.Random(seed)
    xml, values = sheet(rng, rng.randrange(2, 12), odd=True)
    fast, _ = both(xml, values)
    assert fast is None


def test_numbers_only_take_the_bulk_path_and_keep_unrequested_cells() -> None:
    xml, _ = sheet(random.Random(1), 50, odd=False)
    xml = xml.replace(b' t="str"', b"").replace(b' t="e"', b"").replace(b' t="b"', b"").replace(b' t="n"', b"")
    every = {f"{c}{r}".encode(): r + 0.25 for r in range(1, 51) for c in "CDEF"}
    fast, general = both(xml, every)
    assert fast == general and fast[1] == 200
    assert b'<c r="C7"' in fast[0] and b"<v>7.25</v>" in fast[0]
    some = {k: v for k, v in every.items() if not k.startswith(b"D")}
    fast, general = both(xml, some)
    assert fast == general and fast[1] == 150
    assert both(xml, {}) == ((xml, 0), (xml, 0))


def test_a_value_that_cannot_be_stored_raises_the_same_error() -> None:
    xml, values = sheet(random.Random(3), 5, odd=False)
    first = sorted(values, key=lambda ref: (int(ref[1:]), ref[:1]))[0]
    for bad, error in ((CellError("#BAD!"), ValueError), (object(), TypeError)):
        broken = {**values, first: bad}
        with pytest.raises(error) as fast_error:
            both(xml, broken)
        with pytest.raises(error) as general_error:
            start, end = xml.index(b"<sheetData>") + 11, xml.index(b"</sheetData>")
            xlsx_values._rewrite_formula_cells(xml, "S", broken, start, end)
        assert str(fast_error.value) == str(general_error.value)


@pytest.mark.parametrize("seed", range(20))
def test_cells_without_a_type_take_the_two_pattern_path_with_the_same_bytes(seed: int) -> None:
    """Formula cells without t= and every one requested (the common case) go through untyped_cells; the text,
    error, blank and boolean results among them get their type attribute exactly where the general path puts it."""
    rng = random.Random(seed)
    xml, _ = sheet(rng, rng.randrange(1, 30), odd=False)
    for kind in PLAIN_TYPES[1:]:
        xml = xml.replace(kind.encode(), b"")
    start, end = xml.index(b"<sheetData>") + len(b"<sheetData>"), xml.index(b"</sheetData>")
    refs = [f"{c}{r}".encode() for r in range(1, 40) for c in "CDEF" if f'<c r="{c}{r}"'.encode() in xml]
    values = {ref: rng.choice(VALUES) for ref in refs}
    segment = xml[start:end]
    untyped = xlsx_plain.untyped_cells(segment, "S", values, xlsx_plain._formula_starts(segment))
    assert untyped is not None
    fast, general = both(xml, values)
    assert fast == general
    assert xml[:start] + untyped[0] + xml[end:] == general[0] and untyped[1] == general[1]
    some = dict(list(values.items())[1:])  # a formula cell not requested: the typed path keeps it
    assert xlsx_plain.untyped_cells(segment, "S", some, xlsx_plain._formula_starts(segment)) is None
    assert both(xml, some)[0] == both(xml, some)[1]


@pytest.mark.parametrize("keys", ["text", "bytes"])
def test_cells_in_any_order_give_the_same_bytes_as_in_the_sheets_order(keys: str) -> None:
    """The engine hands the cells over in the sheet's order, which spares a lookup per cell; any other order, a
    missing cell or one too many gives the same bytes (or the general path's refusal) as before."""
    xml, _ = sheet(random.Random(5), 30, odd=False)
    for kind in PLAIN_TYPES[1:]:
        xml = xml.replace(kind.encode(), b"")
    start, end = xml.index(b"<sheetData>") + len(b"<sheetData>"), xml.index(b"</sheetData>")
    in_order = {f"{c}{r}": r * 10 + "CDEF".index(c) + 0.5 for r in range(1, 31) for c in "CDEF"}
    if keys == "bytes":
        in_order = {ref.encode(): value for ref, value in in_order.items()}
    shuffled = dict(sorted(in_order.items(), key=lambda item: random.Random(str(item[0])).random()))
    assert list(shuffled) != list(in_order)
    expected = xlsx_plain.rewrite_plain_cells(xml, "S", in_order, start, end)
    assert expected is not None and expected[1] == 120
    assert re.search(rb'<c r="D7"( s="[0-9]+")?><f>A7\*D1&amp;"x"</f><v>71.5</v></c>', expected[0])
    assert xlsx_plain.rewrite_plain_cells(xml, "S", shuffled, start, end) == expected
    renamed = dict(in_order)  # the same count, one reference that is no formula cell: never taken for the sheet's
    value = renamed.pop(next(iter(renamed)))
    renamed["Z1" if keys == "text" else b"Z1"] = value
    moved = xlsx_plain.rewrite_plain_cells(xml, "S", renamed, start, end)
    assert moved is None or b"<v>10.5</v>" not in moved[0]


def test_all_finite_numbers_keep_percent_signs_zeros_and_values_whose_sum_overflows() -> None:
    """The bulk path of untyped cells fills a %-format of the sheet's bytes: a "%" in a formula stays one "%",
    zero and negative zero are stored as 0, and finite values whose sum is inf (1e308 + 1e308) are still written
    as themselves (they take the per-value path), each as the general path writes it."""
    cells = "".join(f'<c r="B{r}"><f>A{r}*10%</f><v>1</v></c>' for r in range(1, 6))
    xml = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        f'<row r="1"><c r="A1"><v>1</v></c>{cells}</row></sheetData></worksheet>'
    ).encode()
    for values, texts in (
        ([0.5, -0.0, 0.0, 1e-300, 12.25], [b"0.5", b"0", b"0", b"1E-300", b"12.25"]),
        ([1e308, 1e308, 2.5, -1e308, 0.1], [b"1E+308", b"1E+308", b"2.5", b"-1E+308", b"0.10000000000000001"]),
    ):
        requested = {f"B{r}".encode(): value for r, value in enumerate(values, 1)}
        start, end = xml.index(b"<sheetData>") + len(b"<sheetData>"), xml.index(b"</sheetData>")
        fast = xlsx_plain.rewrite_plain_cells(xml, "S", requested, start, end)
        general = xlsx_values._rewrite_formula_cells(xml, "S", requested, start, end)
        assert fast == general and fast[1] == 5
        found = re.findall(rb'<c r="B\d"><f>A\d\*10%</f><v>([^<]*)</v></c>', fast[0])
        assert found == texts
