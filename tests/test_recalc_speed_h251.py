"""Issue 14, thirty-first session's cuts, each with the answers it must keep.

- the writer's chart caches (:class:`.chart_caches.ChartValues`) convert a sheet's written cells only when a chart
  reads that sheet (a workbook without charts: none of its 50,000 cells);
- the scan's plain path (:func:`.sheet_cells.plain_formula_cells`) leaves a sheet holding a comment or CDATA section
  to the general path, now looking for ``!`` first;
- :class:`.formula_texts.FormulaTexts` parses its cells' references with ``str.translate``, not two ``findall``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import SimpleNamespace

import pytest

from xl_retention.recalculation.chart_caches import ChartValues, chart_values, updated_caches
from xl_retention.recalculation.formula_texts import FormulaTexts, position
from xl_retention.recalculation.sheet_cells import plain_formula_cells


class Unread(Mapping[str, object]):
    """A sheet's written cells that must not be read (a sheet no chart reads)."""

    def __getitem__(self, key: str) -> object:
        raise AssertionError(f"read {key}")

    def __iter__(self) -> Iterator[str]:
        raise AssertionError("read")

    def __len__(self) -> int:
        raise AssertionError("read")


CHART = (
    b"<c:val><c:numRef><c:f>'My data'!$B$1:$B$3</c:f><c:numCache><c:ptCount val=\"3\"/>"
    b'<c:pt idx="0"><c:v>1000</c:v></c:pt><c:pt idx="1"><c:v>1030</c:v></c:pt><c:pt idx="2"><c:v>1060.9</c:v>'
    b"</c:pt></c:numCache></c:numRef></c:val>"
)


def test_a_chart_reads_its_own_sheet_alone() -> None:
    values = ChartValues({"My data": {"B2": 1100.0}, "Big": Unread()}, {"my DATA": {b"$b3": 1210.0}})
    new = updated_caches(CHART, values)
    assert new == CHART.replace(b">1030<", b">1100<").replace(b">1060.9<", b">1210<")
    assert sorted(values) == ["big", "my data"] and len(values) == 2
    with pytest.raises(KeyError):
        values["none"]


def test_chart_values_made_as_read_are_those_made_at_once() -> None:
    layers = ({"Data": {"A1": 1.0, "b$2": "x"}, "data": {"C3": None}}, None, {"Other": {b"D4": 2.5}, "DATA": {}})
    whole = chart_values(*layers)
    lazy = ChartValues(*layers)
    assert {title: lazy[title] for title in lazy} == whole
    assert whole == {"data": {"A1": 1.0, "B2": "x", "C3": None}, "other": {"D4": 2.5}}


HEAD = b"<worksheet><sheetData>"


@pytest.mark.parametrize(
    "markup",
    [b"<!-- a note -->", b'<!-- <c r="B1"><f>1</f></c> -->', b"<![CDATA[x]]>", b"<!---->"],
)
def test_a_comment_or_cdata_takes_the_general_path(markup: bytes) -> None:
    xml = HEAD + b'<row r="1"><c r="A1"><f>2*2</f><v>4</v></c>' + markup + b"</row></sheetData></worksheet>"
    assert plain_formula_cells(xml, xml.find(b"<sheetData"), None) is None


def test_another_sheets_reference_alone_is_read_in_one_pass() -> None:
    xml = HEAD + b'<row r="1"><c r="A1"><f>Data!B2*2</f><v>4</v></c></row></sheetData></worksheet>'
    cells = plain_formula_cells(xml, xml.find(b"<sheetData"), None)
    assert cells is not None and cells["A1"].text == "Data!B2*2" and cells["A1"].cached == 4.0


def test_formula_texts_places_are_the_references_positions() -> None:
    refs = ["A1", "Z9", "AA10", "AZ99", "BA100", "ZZ1000", "AAA1", "XFD1048576", "C1048575", "B20", "B2"]
    cells = {ref: SimpleNamespace(kind="normal", text=f"{ref}+1", attrs={}) for ref in refs}
    texts = FormulaTexts(cells)
    assert texts.positions() == [position(ref) for ref in refs]
    assert [texts[position(ref)] for ref in refs] == [f"{ref}+1" for ref in refs]
    assert texts.refs == {position(ref): ref for ref in refs}
    assert position("XFD1048576") == (1048576, 16384) and position("AAA1") == (1, 703)


def test_formula_texts_refuse_what_is_not_a_reference() -> None:
    with pytest.raises(ValueError, match="not cell references"):
        FormulaTexts({"A0": SimpleNamespace(kind="normal", text="1", attrs={})})
    with pytest.raises(ValueError, match="not cell references"):
        FormulaTexts({"a1": SimpleNamespace(kind="normal", text="1", attrs={})})


def test_the_three_d_test_answers_as_the_hint_does() -> None:
    """:func:`.three_d.may_be_three_d` is ``THREE_D_HINT.search`` as a bool, its quoted alternative searched only
    where ``'!`` is (a long formula without a quote made that search read from each colon to the end)."""
    import itertools

    from xl_retention.recalculation.sheet_ranges import THREE_D_HINT
    from xl_retention.recalculation.three_d import may_be_three_d

    pieces = ["Jan", ":", "Mar", "!", "'", "''", "B2", " ", "24", "\n", "&", '"', "(", ")", "Ré", "_x"]
    texts = ["=" + "".join(combo) for n in range(1, 5) for combo in itertools.product(pieces, repeat=n)]
    texts += ["=SUM(A1:B2)" * 400 + "+Data!A1", "=SUM(A1:B2)" * 400 + "+'Q1 24:Q2 24'!A1", "=A1:B2&'x'!C3"]
    found = [may_be_three_d(text) for text in texts]
    assert found == [THREE_D_HINT.search(text) is not None for text in texts]
    assert sum(found) > 50 and len(texts) > 60000
