"""The structural rewrite's per-shape cache gives byte-identical formulas to the uncached rewrite.

:func:`xl_retention.recalculation.rewrite.rewrite` decides once per shape of formula (row numbers made 0)
whether to tokenize it; here its answers are compared with the uncached path (``_candidate`` on the
formula itself, then ``_rewritten``) over the template's formulas, over every formula written in the
recalculation tests, and over generated formulas filled down to other rows.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.formula import Tokenizer

from xl_retention.recalculation import embedded, filled_down, rewrite_shapes
from xl_retention.recalculation import rewrite as rewrite_module
from xl_retention.recalculation.formula_texts import may_need_arguments, may_need_rewrite, words_pattern
from xl_retention.recalculation.hidden_rows import may_split
from xl_retention.recalculation.package import Table, scan
from xl_retention.recalculation.rewrite import rewrite
from xl_retention.recalculation.rewrite_shapes import shape
from xl_retention.workbook import build_template
from xl_retention.workbook.sample import sample_inputs

TESTS = Path(__file__).resolve().parent


def uncached(
    formula, sheet, row, col, tables, array=False, names=None, defined=None, path=None, sheets=None, every=None
) -> str:
    """The rewrite without the shape cache: the pre-check on this very formula, then the rewrite."""
    text = formula if formula.startswith("=") else "=" + formula
    if "#" in text:  # as rewrite: A2# typed as Excel stores it, _xlfn.ANCHORARRAY(A2)
        text = rewrite_module.anchored(text)
    if path is not None and "CELL(" in text.upper():
        text = rewrite_module.cell_filenames(text, sheet, path)
    if tables and ("'[" in text or "']" in text):  # as rewrite: escaped brackets of a table's column
        text = rewrite_module.escaped_structured(text, tables, sheet, row, col)
    if rewrite_module.may_hold_long_chain(text):  # as rewrite: =A1+...+A300 in LET chunks
        text = rewrite_module.split_chains(text)
    if ":" in text:  # as rewrite: names as corners of the range operator, before the pre-check
        text = rewrite_module.named_corners(text, sheet, names)
    by_name = {t.name.lower(): t for t in tables}
    if not rewrite_shapes._candidate(text, by_name, array, {**(names or {}), **(defined or {})}):
        return text
    every = every if "INDIRECT(" in text.upper() else None  # as rewrite: the workbook's names, for INDIRECT's texts
    return rewrite_module._rewritten(text, sheet, row, col, tables, array, names, defined, sheets, every)


def pretests(text: str, words) -> tuple[bool, bool, bool]:
    """The three pre-tests ``embedded.compute`` keeps per shape of a stored formula (without ``=``)."""
    return may_need_rewrite(text, words), may_need_arguments(text), may_split(text)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_template(tmp_path_factory.mktemp("t") / "t.xlsx", months=24, inputs=sample_inputs(24))


def test_the_pretests_of_the_templates_formulas_are_those_of_their_shapes(template):
    info = scan(str(template))
    words = words_pattern([t.name.lower() for t in info.tables] + list(info.names.get("", {})))
    texts = [cell.text for cells in info.formulas.values() for cell in cells.values() if cell.text]
    assert len(texts) > 1500
    assert len({shape(t) for t in texts}) < len(texts) / 2
    assert [pretests(shape(t), words) for t in texts] == [pretests(t, words) for t in texts]


def test_the_templates_formulas_are_rewritten_as_without_the_cache(template, monkeypatch):
    path = template
    calls = []

    def recorded(*args, **kwargs):
        calls.append((args, kwargs))
        return rewrite(*args, **kwargs)

    cached = embedded.compute(path).values  # with the filled-down copies' cache (formula_texts.filled_copy)
    monkeypatch.setattr(embedded, "rewrite", recorded)
    monkeypatch.setattr(embedded, "may_need_rewrite", lambda text, words: True)  # every formula, not only some
    monkeypatch.setattr(filled_down, "filled_copy", lambda *args: None)  # every copy rewritten
    monkeypatch.setattr(filled_down, "decided", lambda *args: True)  # rewrite's own pre-check not made first
    monkeypatch.setattr(filled_down, "shape_decides_arguments", lambda text: False)  # no rewrite skipped by shape
    monkeypatch.setattr(filled_down.FilledDown, "copy_key", lambda self, *args: None)  # no filled copy kept
    assert embedded.compute(path).values == cached  # the cache changes no value
    assert len(calls) > 1500  # the 24-month template has 1,806 formulas
    shapes = {rewrite_shapes._ROW_NUMBER.sub("0", args[0]) for args, _ in calls}
    assert len(shapes) < len(calls) / 2  # filled-down copies: the cache is used
    assert [rewrite(*a, **k) for a, k in calls] == [uncached(*a, **k) for a, k in calls]


def _formulas_in_tests() -> list[str]:
    found = set()
    for name in ("test_excel_*.py", "test_recalc*.py", "test_engine.py", "test_formula_texts.py"):
        for file in sorted(TESTS.glob(name)):
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("="):
                    found.add(node.value)
    return sorted(found)


SALES = Table("Sales", "S", "A1:C6", ["Region", "Amount", "Units"])
TABLE1 = Table("Table1", "S", "E1:F4", ["Key", "Value2"])
CONTEXTS = [
    ([], None, None),
    ([SALES], {"rate": "S!$H$1", "months": "S!$A$2:$A$6"}, {"growth": "rate*2"}),
    ([SALES, TABLE1], {"rate2": "S!$H$2:$H$9", "q1": "S!$B$2:$B$6"}, None),  # names with digits
]


def test_the_pretests_of_the_recalculation_tests_formulas_are_those_of_their_shapes():
    for words in (None, words_pattern(["sales", "rate", "months", "growth"])):
        for formula in _formulas_in_tests():
            assert pretests(shape(formula[1:]), words) == pretests(formula[1:], words), formula


@pytest.mark.slow  # tens of seconds (a server, Spark or every formula): `python -m pytest -m slow`
def test_every_formula_of_the_recalculation_tests_is_rewritten_as_without_the_cache():
    formulas = _formulas_in_tests()
    assert len(formulas) > 300
    mismatches = []
    for tables, names, defined in CONTEXTS:
        for array in (False, True):
            for row, col in ((2, 1), (3, 2), (5, 5), (40, 3), (1, 27)):
                for formula in formulas:
                    args = (formula, "S", row, col, tables, array, names, defined)
                    if rewrite(*args) != uncached(*args):
                        mismatches.append(args)
    assert mismatches == []


def test_a_name_with_a_digit_is_not_taken_for_a_row_number():
    names = {"q1": "S!$B$2:$B$6"}
    assert rewrite("=q2*2", "S", 3, 1, [], names=names) == "=q2*2"  # not a name: the engine says #NAME?
    assert rewrite("=q1*2", "S", 3, 1, [], names=names) == "=S!$B$3*2"
    assert rewrite("=q3*2", "S", 4, 1, [], names=names) == "=q3*2"
    assert rewrite("=q1*2", "S", 4, 1, [], names=names) == "=S!$B$4*2"


def test_digits_of_a_function_name_are_kept_in_the_shape():
    assert rewrite("=LOG2(A1:A3)", "S", 2, 1, []) == "=LOG2(A1:A3)"
    assert rewrite("=LOG10(A1:A3)", "S", 2, 1, []) == "=LOG10($A$2)"  # a function of one value
    assert rewrite("=LOG2(A2:A4)", "S", 3, 1, []) == "=LOG2(A2:A4)"
    assert rewrite("=A1:A3*2", "S", 2, 2, []) == "=$A$2*2"
    assert rewrite("=A:A*2", "S", 2, 2, []) == "=$A$2*2"  # whole columns too (H7 f2: Excel intersects them)


_COLUMN = st.sampled_from(["A", "B", "$C", "AB", "x"])
_ROW = st.integers(1, 30)


def _filled(template: str, rows: list[int]) -> str:
    """``template`` with its ``§`` replaced by ``rows`` in turn."""
    pieces = template.split("§")
    return pieces[0] + "".join(str(r) + p for r, p in zip(rows, pieces[1:], strict=False))


@st.composite
def _shapes(draw):
    """A formula with ``§`` where its row numbers go (``¢`` a column), and how many there are."""
    pieces = st.sampled_from(
        [
            "¢§",
            "¢§:¢§",
            "$¢$§:¢§",
            "(¢§:¢§)",
            "SUM(¢§:¢§)",
            "ABS(¢§:¢§)",
            "LOG10(¢§)",
            "ROW(¢§:¢§)",
            "¢§:¢§ ¢§:¢§",
            '"T§"',
            "'Q1 s'!¢§",
            "Sheet2!¢§:¢§",
            "Sales[Amount]",
            "[@Units]",
            "rate",
            "months",
            "rate2",
            "q1",
            "IF(¢§>0.5,1,0)",
            'INDIRECT("¢§:¢§")',
            "SUMPRODUCT(¢§:¢§)",
            "MOD(¢§:¢§,2)",
            "{1,2;3,4}",
            "LAMBDA(x,x+1)(¢§)",
            "_xlfn.SINGLE(¢§:¢§)",
            "COLUMN(B§:D§)",
            "¢§:E§*2",
            "rate§",
            "q§",
            "Table1[Key]",
            "LOG10(¢§:¢§)",
            "LOG2(¢§:¢§)",
            "¢:¢*2",
        ]
    )
    parts = [draw(pieces).replace("¢", draw(_COLUMN)) for _ in range(draw(st.integers(1, 4)))]
    operators = [draw(st.sampled_from(["+", "*", "&", ",", "-", " ", "="])) for _ in parts[1:]]
    text = "=" + parts[0] + "".join(o + p for o, p in zip(operators, parts[1:], strict=True))
    if draw(st.booleans()):
        text = "=MAX(" + text[1:] + ")"
    return text, text.count("§")


@settings(max_examples=400, deadline=None)
@given(
    formula=_shapes(),
    rows=st.lists(_ROW, min_size=40, max_size=40),
    shift=st.integers(0, 12),
    context=st.sampled_from(CONTEXTS),
    array=st.booleans(),
)
def test_generated_formulas_filled_down_are_rewritten_as_without_the_cache(formula, rows, shift, context, array):
    template, _ = formula
    tables, names, defined = context
    rewrite(_filled(template, rows), "S", 3, 2, tables, array, names, defined)  # fills the cache for this shape
    copy = _filled(template, [r + shift for r in rows])  # the same formula filled down `shift` rows
    args = (copy, "S", 3 + shift, 2, tables, array, names, defined)
    assert rewrite(*args) == uncached(*args)
    words = words_pattern([t.name.lower() for t in tables] + list(names or ()) + list(defined or ()))
    if not rewrite_shapes.has_digit(words.pattern if words else ""):
        assert pretests(shape(copy[1:]), words) == pretests(copy[1:], words)


def test_a_space_between_a_number_and_a_reference_stays_the_intersection_operator():
    """The rewrite dropped every space but one between two references it intersects: ``2 [@Units]`` (a number
    intersected with a reference, #VALUE! in Excel) became ``2'S'!$C$3``, a text that does not parse (found by the
    generated test above). The space stays for the engine to answer; spaces that only lay a formula out still go."""
    tables, names, defined = CONTEXTS[1]
    for rewritten in (rewrite, uncached):
        out = rewritten("=A1:E1*2 [@Units]+rate", "S", 3, 2, tables, False, names, defined)
        assert out == "=$B$1*2 'S'!$C$3+S!$H$1"
        assert list(Tokenizer(out).items)  # it parses
        assert rewritten("=SUM(A1:C3 B2:D4)", "S", 1, 5, [], False, None, None) == "=SUM('S'!$B$2:$C$3)"


#: the row-number pattern :func:`shape` had before the digit-first one (H150's speed request): the same matches
_LETTER_FIRST = r"(?<=[A-Za-z$])\d+(?![\w(!.\d])"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="AZaz$019(!.:_ ,+-\"'é\0", max_size=24))
def test_the_digit_first_row_pattern_makes_the_shapes_the_letter_first_one_made(text: str) -> None:
    import re

    assert rewrite_shapes._ROW_NUMBER.sub("0", text) == re.sub(_LETTER_FIRST, "0", text)
