"""The embedded engine's rewrites made once for a column of filled-down formulas, not once per cell.

A sheet's formulas are mostly a few formulas filled down thousands of rows. Each rewrite answers alike for every
copy of a formula, by one of two keys:

- the formula's *shape* (:func:`.rewrite_shapes.shape`: every row number ``0``), for the pre-tests and for
  :func:`.rewrite_shapes.decided`, whose patterns take any run of digits alike (``tests/test_rewrite_shapes.py``);
- the *filled copy* (:func:`.formula_texts.filled_copy`: relative rows as offsets, absolute ones kept), for the
  structural rewrite, which may read a range's size or place.

:class:`FilledDown` keeps these answers for one sheet: the structural pre-check per shape, the filled-copy keys of
texts without a relative row (the same text is the same key in any row of the column), the formulas the structural
rewrite leaves alone per filled copy, and the argument rewrite's result per text (it reads the text alone) and the
shapes it leaves alone (:func:`.formula_texts.shape_decides_arguments`). The rewrites themselves are unchanged: the
template's values with every cache off are the same (``tests/test_rewrite_shapes.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from .excel_functions.arguments import rewrite_arguments
from .excel_functions.row_shapes import Template, filled, template
from .formula_texts import _LITERAL_DIGIT, FormulaTexts, filled_copy, shape_decides_arguments
from .rewrite_shapes import _ROW_NUMBER, decided

__all__ = ["FilledDown", "argued_further", "left_alone_by_shape", "per_shape"]


class FilledDown:
    """One sheet's rewrite answers for filled-down copies of its formulas.

    ``exact``: a table or defined name of the sheet holds a digit, so a shape may change a name and shapes are not
    used (every answer is made for the text itself).
    """

    def __init__(self, exact: bool) -> None:
        self.exact = exact
        self.structured: dict[tuple[str, bool], bool] = {}  # shape, array formula -> rewrite_shapes.decided
        self.copies: dict[tuple[str, int, bool], tuple[str, int, bool]] = {}  # absolute-only texts' filled copies
        self.unchanged: set[tuple[str, int, bool]] = set()  # filled copies the structural rewrite leaves alone
        self.arguments: dict[str, str] = {}  # text -> rewrite_arguments(text)
        self.same_arguments: set[str] = set()  # shapes whose formulas the argument rewrite leaves alone
        self.templates: dict[str, Template | None] = {}  # shape -> its argument rewrite for every copy (or None)

    def needs_structure(self, text: str, key: str | None, array: bool, context: tuple) -> bool:
        """:func:`.rewrite_shapes.decided` for ``text`` (without ``=``), kept per shape ``key`` (None: the cell's
        text is not the one ``key`` was made from). ``context``: (tables, names, defined) of the sheet."""
        if key is None or self.exact:
            return decided("=" + text, *_with_array(context, array))
        answer = self.structured.get((key, array))
        if answer is None:
            answer = self.structured[(key, array)] = decided("=" + text, *_with_array(context, array))
        return answer

    def copy_key(self, text: str, row: int, col: int, array: bool) -> tuple[str, int, bool] | None:
        """:func:`.formula_texts.filled_copy`, kept for a text without a relative row (its key is the text itself,
        the same in every row: ``COUNTIFS(Data!$A$2:$A$5001,"EU")`` filled down a column)."""
        known = self.copies.get((text, col, array))
        if known is not None:
            return known
        copy = filled_copy(text, row, col, array)
        if copy is not None and copy[0] == text:
            self.copies[(text, col, array)] = copy
        return copy

    def left_alone(self, copy: tuple[str, int, bool] | None) -> bool:
        """Whether the structural rewrite left a formula of the filled copy ``copy`` as it was."""
        return copy is not None and copy in self.unchanged

    def rewritten(self, text: str, copy: tuple[str, int, bool] | None, new: str) -> None:
        """Note the structural rewrite's result ``new`` for ``text`` (without ``=``), of the filled copy ``copy``."""
        if copy is not None and new == "=" + text:
            self.unchanged.add(copy)

    def rewrite_arguments(self, new: str, text: str, key: str | None, arguments: bool) -> str:
        """``new`` (the formula after the structural rewrite) after :func:`.excel_functions.arguments.
        rewrite_arguments`, made when ``arguments`` (the pre-test) or when the structural rewrite changed ``text``;
        ``key``: ``text``'s shape, or None when the cell's text is not the one it was made from."""
        unchanged = new == "=" + text
        if unchanged and not arguments:
            return new
        own = key is not None and not self.exact and unchanged
        if own and key in self.same_arguments and shape_decides_arguments(text):
            return new  # a filled-down copy of a formula left alone (each copy's test: a range grown past a comparison)
        if own:  # a filled-down copy: the shape's rewrite with this copy's row numbers (=IF(G2>0.95,..) x 10,000)
            if key not in self.templates:
                self.templates[key] = _template(new, key)
            pieces = self.templates[key]
            if pieces is not None:
                numbers = _ROW_NUMBER.findall(new)
                if len(numbers) == pieces[2]:
                    return filled(pieces, numbers)
        done = self.arguments.get(new)
        if done is None:
            if len(self.arguments) >= 4096:  # texts that do not repeat (relative rows): kept small
                self.arguments.clear()
            done = self.arguments[new] = rewrite_arguments(new)
        if own and done == new and shape_decides_arguments(text):
            self.same_arguments.add(key)
        return done

    def later_copies(self, found: FormulaTexts, key: str, place: tuple[int, int], new: str) -> Copies | None:
        """The copies of the shape ``key`` after ``place`` (the copy the rewrite loop just rewrote as ``new``, a shape
        whose other copies only the argument rewrite changes), made at once as :meth:`rewrite_arguments` makes each
        one (the shape's template with the copy's row numbers); None where one copy's may be made otherwise or a step
        after the rewrite may change it (``new`` tested: those steps' tests hold no digit), and the loop then makes
        each. The caller passes no sheet with an array formula (the loop makes those itself). The digits of the
        copies' texts joined are split out at C level, the row numbers taken from their places, and every text
        checked to be the shape's with its own row numbers (one format of them all compared with the texts)."""
        pieces = self.templates.get(key)
        if self.exact or not found.own or pieces is None or pieces[1] is not None or ":" in pieces[0]:
            return None
        if argued_further(new):
            return None
        masters = found.master_texts()
        indices = found.shape_groups().get(key, [])
        at = next((k for k, index in enumerate(indices) if masters[index][0] == place), None)
        if at is None or at + 1 == len(indices):
            return None
        later = [masters[index] for index in indices[at + 1 :]]
        texts = [text for _, text in later]
        stored = "=" + "\0=".join(texts)
        form, _, count = pieces
        parts = _ROW_NUMBER.split("=" + texts[0])
        if not stored.isascii() or len(parts) != count + 1:
            return None
        runs = stored.translate(_DIGITS_ONLY).split()  # every run of digits, the row numbers among them
        each = len(runs) // len(texts)
        first = _DIGIT_RUN.findall("=" + texts[0])  # (the first copy's runs: which of them are its row numbers)
        slots = [k for k, (_, row) in enumerate(first) if row]
        if len(first) != each or len(runs) != each * len(texts) or len(slots) != count:
            return None
        if each == count:
            numbers = tuple(runs)
        else:
            numbers = tuple(number for row in zip(*(runs[k::each] for k in slots), strict=True) for number in row)
        own = "%s".join(piece.replace("%", "%%") for piece in parts)
        if "\0".join([own] * len(texts)) % numbers != stored:  # every copy the shape with its own row numbers
            return None
        news = ("\0".join([form] * len(texts)) % numbers).split("\0")
        return Copies([place for place, _ in later], texts, news, numbers, form, count)


class Copies(NamedTuple):
    """:meth:`FilledDown.later_copies`: the copies' places, stored texts and rewrites; their row numbers (``count``
    for each copy, in its text's order) and the shape's rewrite ``form`` (``%s`` for each)."""

    places: list[tuple[int, int]]
    texts: list[str]
    news: list[str]
    numbers: tuple[str, ...]
    form: str
    count: int


#: every character but the ASCII digits made a space (the texts' runs of digits split out at C level)
_DIGITS_ONLY = str.maketrans({k: " " for k in range(128) if not 48 <= k <= 57})
#: a run of digits, its second group set where it is a row number (:data:`.rewrite_shapes._ROW_NUMBER`)
_DIGIT_RUN = re.compile(r"(?=(\d+))(?:(" + _ROW_NUMBER.pattern + r")|\d+)")


def _template(new: str, key: str) -> Template | None:
    """The argument rewrite of ``new`` (a stored formula with ``=``) as a template for every formula of its shape
    ``key`` (:func:`.rewrite_shapes.shape`: every row number ``0``), or None where a copy's own text may decide it.

    The rewrite is made once per shape of row markers (:func:`.excel_functions.row_shapes.shaped`), and a shape of
    zeros holds the same: where no text literal holds a digit (``key``'s literals hold one exactly where a copy's
    do), the row numbers are the same runs of digits in every copy, each made ``0`` in ``key`` and a marker in the
    other. Without a range typed in (``:``), no copy's rewrite reads its rows' distance (a range grown past a
    comparison's rows): every copy is the template with its own row numbers.

    >>> pieces = _template('=IF(G2>0.95,"high","low")', 'IF(G0>0.95,"high","low")')
    >>> filled(pieces, ["7"])
    '=IF(_XLR.COMPARED(G7)>0.95,"high","low")'
    >>> _template('=IF(G2>0.95,"Q1","low")', 'IF(G0>0.95,"Q0","low")'), _template("=SUM(A2:B2)>1", "SUM(A0:B0)>1")
    (None, None)
    """
    if ":" in key or ('"' in key and _LITERAL_DIGIT.search(key) is not None):
        return None
    return template(new, rewrite_arguments)


def _with_array(context: tuple, array: bool) -> tuple:
    tables, names, defined = context
    return tables, array, names, defined


def left_alone_by_shape(text: str) -> bool:
    """For a stored formula ``text`` (without ``=``) that the rewrite loop of :func:`.embedded.compute` left as it is
    by answers kept per shape alone (no structural rewrite needed, neither hint taken; not an array formula, not
    clipped, no argument rewrite, SUBTOTAL or INDEX of whole columns): whether every other cell of its shape holding
    its own stored text is left alone too, so that the loop notes only its final + or - (a column of =SUM(A2:C2)
    filled down 10,000 rows is looked at once). The tests here are made for each cell otherwise: a link (``[``) or
    another sheet's reference (``!``: a 3-D range's sheet names are read, digits and all), the date-text guard
    (``"*-*"``), ISFORMULA/FORMULATEXT. Each looks for text without a digit, which a shape (its row numbers ``0``)
    changes nothing of.

    >>> left_alone_by_shape("SUM(A2:C2)"), left_alone_by_shape("SUM(Jan:Mar!B2)"), left_alone_by_shape("ISFORMULA(A2)")
    (True, False, False)
    """
    return "[" not in text and "!" not in text and '"*-*"' not in text and "FORMULA" not in text.upper()


def per_shape(
    answers: dict[tuple[int, str], bool], which: int, test: Callable[[str], bool], formula: str, shape: str | None
) -> bool:
    """``test(formula)``, kept in ``answers`` per ``shape`` (the formula's shape: :func:`.rewrite_shapes.shape`, its
    row numbers ``0``; None: computed, not kept). For tests that take any run of digits alike (digits only in
    character classes holding them all, and any number of them): ``may_have_whole_ranges``, ``may_compute_ranges``
    (of a sheet's names), :func:`.embedded._whole_lookup`, on a sheet whose names hold no digit (else the shape is
    the formula itself). A column of =SUM(A2:C2) filled down 10,000 rows is tested once
    (tests/test_recalc_shape_hints.py)."""
    if shape is None:
        return test(formula)
    answer = answers.get((which, shape))
    if answer is None:
        answer = answers[(which, shape)] = test(formula)
    return answer


def argued_further(new: str) -> bool:
    """Whether a formula after the argument rewrite (``new``) is changed by a step after it: the date-text guard,
    the complex numbers' parts, ISFORMULA/FORMULATEXT. Tested for each formula (the argument rewrite may make
    another formula of a copy: a range grown past a comparison's rows)."""
    upper = new.upper()
    return '"*-*"' in new or "IM" in upper or "COMPLEX(" in upper or "FORMULA" in upper
