"""The cached-value writer's passes made at C level (H368, issue 14 goal 3): ``excel_numbers.numbers_texts`` formats
every number in one ``%`` and cuts the exponent forms of those below 0.1 or from 1E+17 on in a few passes over them
all, and ``xlsx_plain.untyped_cells`` finds each formula cell's reference, start tag and stored text in one
``split``. Both must give exactly the texts and bytes of the one-by-one paths: ``number_text`` per number, and the
general path of ``xlsx_values`` per cell (stored texts kept, texts typed, ints and numpy floats, numbers only)."""

from __future__ import annotations

import random
import struct

import numpy as np
import pytest

from xl_retention.cells import CellError
from xl_retention.recalculation import xlsx_plain, xlsx_values
from xl_retention.recalculation.excel_numbers import number_text, numbers_texts

EDGES = [1e-5, 1e17, 1e20, -1e-300, 5e-324, -5e-324, 0.05, -0.0, 0.0, 1.0, 1e-4, -1e-4, 0.1, 0.09999999999999999,
         1.7976931348623157e308, -2.5e-7, 1e16, 9.999999999999999e16, 99999999999999990.0, 1e100, 1e-100, 0.001,
         2.2250738585072014e-308, 0.30000000000000004, 1000.0, -123456.789]  # fmt: skip


def test_numbers_texts_are_excels_texts() -> None:
    assert numbers_texts([0.05, 1e-5, 1e20, -0.0, 1e-100, 0.001, 1e17, 5e-324]) == [
        "5.0000000000000003E-2",
        "1.0000000000000001E-5",
        "1E+20",
        "0",
        "1E-100",
        "1E-3",
        "1E+17",
        "4.9406564584124654E-324",
    ]
    assert numbers_texts([]) == [] and numbers_texts([2.5]) == ["2.5"] and numbers_texts([-0.0]) == ["0"]


def test_numbers_texts_match_number_text_one_by_one() -> None:
    rnd = random.Random(368)
    bits = [struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0] for _ in range(20_000)]
    scaled = [rnd.uniform(-1, 1) * 10.0 ** rnd.randint(-320, 308) for _ in range(20_000)]
    numbers = [x for x in EDGES + bits + scaled if x - x == 0]
    assert numbers_texts(numbers) == [number_text(x) for x in numbers]


def _sheet(rows: int, stored: list[bytes | None]) -> bytes:
    def value(r: int) -> str:
        text = stored[r - 1]
        return "" if text is None else ("<v/>" if text == b"" else f"<v>{text.decode()}</v>")

    style = ' s="2"'
    cells = "".join(f'<c r="A{r}"><v>{r}</v></c><c r="B{r}"{style if r % 2 else ""}><f>A{r}/80</f>{value(r)}</c>'
                    for r in range(1, rows + 1))  # fmt: skip
    return (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData><row r="1">{cells}</row></sheetData></worksheet>'
    ).encode()


def _untyped_and_general(xml: bytes, values: list[object], text_keys: bool) -> tuple[object, object]:
    requested = {f"B{r}".encode(): value for r, value in enumerate(values, 1)}
    given = {key.decode(): value for key, value in requested.items()} if text_keys else requested
    start, end = xml.index(b"<sheetData>") + len(b"<sheetData>"), xml.index(b"</sheetData>")
    segment = xml[start:end]
    fast = xlsx_plain.untyped_cells(segment, "S", given, xlsx_plain._formula_starts(segment))
    general = xlsx_values._rewrite_formula_cells(xml, "S", requested, start, end)
    assert fast is not None
    return (xml[:start] + fast[0] + xml[end:], fast[1]), general


@pytest.mark.parametrize("text_keys", [False, True])
@pytest.mark.parametrize(
    "values",
    [
        [0.0125, 2.1, 0.3, 1e-3, 1000.0, -0.0, 0.05, 7.0],  # numbers only: the stored 2.1, 0.3, 1E-3 stay
        [0.0125, "high", 2.1, None, CellError("#DIV/0!"), 3, np.float64(0.3), True],  # mixed
        [float("inf"), 2.1, " lead", "a & b<c", 5, float("nan"), 1e-3, "high"],
    ],
)
def test_untyped_cells_give_the_general_paths_bytes(values: list[object], text_keys: bool) -> None:
    stored = [b"0.0125", b"2.1", b"0.3", b"1E-3", None, b"", b"5.0000000000000003E-2", b"6"]
    xml = _sheet(len(values), stored)
    fast, general = _untyped_and_general(xml, values, text_keys)
    assert fast == general and fast[1] == len(values)
    written = fast[0]
    if values[1] == 2.1:  # Excel's stored 2.1 kept (2.1000000000000001 reads back as the same double)
        assert b'<c r="B2"><f>A2/80</f><v>2.1</v></c>' in written
    if values[0] == 0.0125:  # Excel's stored text of the same double stays
        assert b'<c r="B1" s="2"><f>A1/80</f><v>0.0125</v></c>' in written  # kept: it reads back as 0.0125
    if values[1] == "high":
        assert b'<c r="B2" t="str"><f>A2/80</f><v>high</v></c>' in written
        assert b'<c r="B5" s="2" t="e"><f>A5/80</f><v>#DIV/0!</v></c>' in written


def test_untyped_cells_refuse_a_cell_out_of_the_plain_layout() -> None:
    xml = _sheet(3, [None, None, None]).replace(b'<c r="B2"><f>', b'<c r="B2" cm="1"><f>')
    start, end = xml.index(b"<sheetData>") + len(b"<sheetData>"), xml.index(b"</sheetData>")
    segment = xml[start:end]
    requested = {b"B1": 1.0, b"B2": 2.0, b"B3": 3.0}
    assert xlsx_plain.untyped_cells(segment, "S", requested, xlsx_plain._formula_starts(segment)) is None
