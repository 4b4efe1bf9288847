"""The untyped-cells path of the writer's fast path (xlsx_plain) escapes and tags a text repeated down a column once
(``=IF(G2>0.95,"high","low")`` x 10,000) and finds the cells that are no finite float at C level: the same bytes as
the general path (xlsx_values), for texts with edge spaces, texts among non-finite floats, and floats whose sum
overflows (the one-by-one search)."""

from __future__ import annotations

import re

import pytest

from xl_retention.cells import CellError
from xl_retention.recalculation import xlsx_plain, xlsx_values


def _sheet(rows: int) -> bytes:
    cells = "".join(f'<c r="A{r}"><v>{r}</v></c><c r="B{r}" s="2"><f>IF(A{r}&gt;1,"a","b")</f><v>0</v></c>'
                    for r in range(1, rows + 1))  # fmt: skip
    return (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData><row>{cells}</row></sheetData></worksheet>"
    ).encode()


def _both(xml: bytes, values: list[object]) -> tuple[object, object]:
    requested = {f"B{r}".encode(): value for r, value in enumerate(values, 1)}
    start, end = xml.index(b"<sheetData>") + len(b"<sheetData>"), xml.index(b"</sheetData>")
    segment = xml[start:end]
    untyped = xlsx_plain.untyped_cells(segment, "S", requested, xlsx_plain._formula_starts(segment))
    general = xlsx_values._rewrite_formula_cells(xml, "S", requested, start, end)
    assert untyped is not None
    return (xml[:start] + untyped[0] + xml[end:], untyped[1]), general


@pytest.mark.parametrize(
    "values",
    [
        ["high", "low", "high", " lead", "low", " lead", "high", "trail\t", "trail\t", "a & b"],
        [1.5, "high", float("inf"), "high", None, float("nan"), "high", -0.0, True, CellError("#N/A")],
        [1e308, 1e308, "low", 2.5, "low", -1e308, " lead", " lead", 0.0, "low"],
    ],
)
def test_repeated_texts_and_odd_values_give_the_general_paths_bytes(values: list[object]) -> None:
    fast, general = _both(_sheet(len(values)), values)
    assert fast == general and fast[1] == len(values)
    written = fast[0]
    assert written.count(b' t="str"') == sum(type(v) is str or v is None for v in values)  # a blank: empty text
    if " lead" in values:  # a text's edge space kept by its tag, in every cell holding it
        found = re.findall(rb'<v xml:space="preserve"> lead</v>', written)
        assert len(found) == values.count(" lead")


def test_the_cells_no_finite_float_holds() -> None:
    """Positions of texts, blanks, errors, booleans and non-finite floats; finite floats whose sum overflows are not
    among them."""
    assert xlsx_plain._odd([1.0, "x", 2.0, None, float("nan"), True, 3.0]) == [1, 3, 4, 5]
    assert xlsx_plain._odd([1e308, 1e308, "x", float("-inf")]) == [2, 3]
    assert xlsx_plain._odd([0.5, -0.0]) == []


def test_typed_cells_with_texts_and_no_zero_give_the_general_paths_bytes() -> None:
    """Cells already typed (t="str" from an earlier run) take typed_cells: texts, numbers with no zero among them and
    a zero computed now, each as the general path writes it (zero as 0, the texts' stand-ins never written)."""
    xml = _sheet(6).replace(b's="2">', b's="2" t="str">')
    start, end = xml.index(b"<sheetData>") + len(b"<sheetData>"), xml.index(b"</sheetData>")
    for values, texts in (
        (["high", 2.5, "low", 1.0, "high", 7.25], [b"high", b"2.5", b"low", b"1", b"high", b"7.25"]),
        (["high", 0.0, "low", -0.0, 1.0, "x"], [b"high", b"0", b"low", b"0", b"1", b"x"]),
    ):
        requested = {f"B{r}".encode(): value for r, value in enumerate(values, 1)}
        segment = xml[start:end]
        typed = xlsx_plain.typed_cells(segment, "S", requested, xlsx_plain._formula_starts(segment))
        general = xlsx_values._rewrite_formula_cells(xml, "S", requested, start, end)
        assert typed is not None and (xml[:start] + typed[0] + xml[end:], typed[1]) == general
        assert re.findall(rb'<c r="B[0-9]"[^>]*><f>[^<]*</f><v>([^<]*)</v>', general[0]) == texts
