"""The texts typed in cells that another locale reads otherwise (a date of digits, a decimal comma, another
currency or month name), as the formulas of :mod:`.locale_results` hold them or read them in cells: the scan of the
cells a formula reads, and NUMBERVALUE given both its separators, which reads its text alike in every locale.

>>> is_locale_text("01/02/2025"), is_locale_text("1,5"), is_locale_text("2025-01-02"), is_locale_text("Plan")
(True, True, False, False)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, range_boundaries

from .locale_readings import (
    COMMA_NUMBER,
    DATE_TIME,
    apostrophe_reading,
    dot_thousands_reading,
    locale_reading,
    money_reading,
    month_name_reading,
    space_thousands_reading,
)

if TYPE_CHECKING:
    import formualizer as fz

    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = ["LITERAL", "address_of", "is_locale_text", "locale_texts", "position_of", "separators_given"]

#: a date of digits with a year, in any order a locale writes it (01/02/2024, 15.01.2024, 2024-01-15 excepted)
_DATE_TEXT = re.compile(r"\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{2}|\d{4})\.?\s*")


def is_locale_text(text: Any) -> bool:
    """Whether ``text`` is a date of digits (a time after it or not, its year left out or not), a number with a
    decimal comma or thousands grouped by spaces, an amount in another currency than ``$`` or a date with another
    language's month name (which a locale reads otherwise)."""
    if not isinstance(text, str) or not text or len(text) > 40:
        return False
    if text.lstrip().startswith("("):  # an accounting negative, (1,200): read as the number inside (H571's 01)
        return locale_reading(text) is not None
    date = _DATE_TEXT.fullmatch(text)
    if date is not None:
        return 1 <= int(date.group(1)) <= 31 and 1 <= int(date.group(2)) <= 31
    date = DATE_TIME.fullmatch(text)  # with a time, or without its year: 03/04/2025 10:00, 1/2
    if date is not None:
        return 1 <= int(date.group("first")) <= 31 and 1 <= int(date.group("second")) <= 31
    if COMMA_NUMBER.fullmatch(text) is not None or apostrophe_reading(text) is not None:
        return True
    if space_thousands_reading(text) is not None:  # 1 200: no number en-US, 1200 grouped by spaces
        return True
    if dot_thousands_reading(text) is not None:  # 1.200: 1.2 en-US, 1200 with a decimal comma
        return True
    return any(c.isdigit() for c in text) and (money_reading(text) or month_name_reading(text)) is not None


#: a reference in a formula's text: a cell or a range, its sheet named or not (a whole column or row is not read)
_REFERENCE = re.compile(
    r"(?<![\w.!\"])((?:'(?:[^']|'')+'|[^\W\d][\w.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![\w(!])"
)
LITERAL = re.compile(r'"((?:[^"]|"")*)"')
#: NUMBERVALUE given its text as a reference and both its separators (literals made ""): Excel reads the text by the
#: separators given, alike in every locale (its "locale-independent manner"), so the cell it reads is no locale's
_SEPARATORS_GIVEN = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?NUMBERVALUE\(\s*[^,()\s]+\s*,[^,()]*,[^,()]*\)")
#: at most this many cells are read in all for texts a locale reads otherwise
_MAX_CELLS = 200_000


def separators_given(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    texts: dict[tuple[str, int, int], tuple[str, str]],
    readers: dict[tuple[str, str], tuple[str, str]],
) -> dict[tuple[str, int, int], tuple[str, Any]]:
    """Of ``readers``, the cells that read the ``texts`` only as NUMBERVALUE's text given both its separators
    (``NUMBERVALUE(A1,",",".")``: read by them, alike in every locale): (sheet, row, column) -> (the engine's formula,
    its value now), to be held at that value while the others are read in another locale's way."""
    held: dict[tuple[str, int, int], tuple[str, Any]] = {}
    for sheet, ref in readers:
        found = formulas.get(sheet)
        place = position_of(ref)
        formula = found[place] if found is not None and place in found else None
        bare = LITERAL.sub('""', formula or "")
        if not _SEPARATORS_GIVEN.search(bare):
            continue
        if not _reads_texts(_SEPARATORS_GIVEN.sub("0", bare), sheet, texts) and _reads_texts(bare, sheet, texts):
            engine_formula, value = workbook.get_formula(sheet, *place), workbook.get_value(sheet, *place)
            if engine_formula and type(value) in (int, float, str):
                held[(sheet, *place)] = (engine_formula, value)
    return held


def _reads_texts(bare: str, sheet: str, texts: dict[tuple[str, int, int], tuple[str, str]]) -> bool:
    """Whether a reference of ``bare`` (a formula with its literals made "") meets a cell of ``texts``."""
    for where, area in _REFERENCE.findall(bare):
        target = where[:-1].strip("'").replace("''", "'") if where else sheet
        try:
            left, top, right, bottom = range_boundaries(area.replace("$", "").upper())
        except (ValueError, TypeError):
            continue
        if any(s == target and top <= r <= bottom and left <= c <= right for s, r, c in texts):
            return True
    return False


def locale_texts(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], info: PackageInfo, open_cells: dict[str, list[str]]
) -> tuple[
    dict[tuple[str, int, int], tuple[str, str]],
    dict[tuple[str, str], str],
    dict[tuple[str, str], tuple[tuple[str, int, int], tuple[str, str]]],
]:
    """The texts typed in cells that a day-first, comma-decimal locale reads otherwise than en-US, read by the
    formulas of ``open_cells``: (sheet, row, column) -> (text, that locale's reading as text the engine reads); the
    cells whose formula holds such a text typed in (-> the text); and the first such cell each formula reads."""
    texts: dict[tuple[str, int, int], tuple[str, str]] = {}
    literals: dict[tuple[str, str], str] = {}
    reads: dict[tuple[str, str], tuple[tuple[str, int, int], tuple[str, str]]] = {}
    seen: dict[tuple[str, str], tuple[str, int, int] | None] = {}  # a range read: its first such cell
    budget = _MAX_CELLS
    for sheet, refs in open_cells.items():
        found = formulas.get(sheet)
        if found is None:
            continue
        places = {ref: place for place, ref in found.refs.items()}
        for ref in refs:
            place = places.get(ref)
            if place is None or place not in found:
                continue
            formula = found[place]
            if '"' in formula:  # a date or a number with a decimal comma typed in
                for literal in LITERAL.findall(formula):
                    text = literal.replace('""', '"')
                    bare = text.lstrip("<>=")
                    # a date typed in with its year, or without it read alone (DATEVALUE("3/4"), "3/4"+0: 4 March
                    # en-US, 3 April day-first, H509's finding 06); "1/2" joined by & is a part ("1 "&"1/2": 1.5)
                    dated = _DATE_TEXT.fullmatch(bare) is not None or (bare == text and not _joined(formula, text))
                    if (dated or DATE_TIME.fullmatch(bare) is None) and is_locale_text(bare) and locale_reading(bare):
                        from .literal_uses import read_as_text  # noqa: PLC0415  (a locale's text only)

                        if read_as_text(formula, text):  # LEN("01/02/2026"), A1="1.200": text in every Excel
                            continue
                        literals[(sheet, ref)] = text
                        break
            bare = _SEPARATORS_GIVEN.sub("0", LITERAL.sub('""', formula))  # NUMBERVALUE(A1,",","."): no locale's
            for where, area in _REFERENCE.findall(bare):
                target = where[:-1].strip("'").replace("''", "'") if where else sheet
                key = (target, area.replace("$", "").upper())
                if key not in seen:
                    seen[key] = None
                    try:
                        left, top, right, bottom = range_boundaries(key[1])
                    except (ValueError, TypeError):
                        continue
                    size = (right - left + 1) * (bottom - top + 1)
                    if size > budget:
                        continue
                    budget -= size
                    for row, column, held, other in _dates_in(workbook, info, target, (left, top, right, bottom)):
                        texts[(target, row, column)] = (held, other)
                        if seen[key] is None:
                            seen[key] = (target, row, column)
                first = seen[key]
                if first is not None and (sheet, ref) not in reads:
                    reads[(sheet, ref)] = (first, texts[first])
    return texts, literals, reads


def _joined(formula: str, text: str) -> bool:
    """Whether every place ``text`` is typed in ``formula`` is joined to another text by ``&`` (a part of a text).

    >>> _joined('=("1 "&"1/2")+0', "1/2"), _joined('=DATEVALUE("3/4")', "3/4"), _joined('="3/4"&"x"', "3/4")
    (True, False, True)
    """
    try:
        tokens = [t for t in Tokenizer("=" + formula.removeprefix("=")).items if t.type != Token.WSPACE]
    except Exception:  # noqa: BLE001  (not read: taken as joined, as before)
        return True
    quoted = '"' + text.replace('"', '""') + '"'
    places = [
        k for k, t in enumerate(tokens) if t.type == Token.OPERAND and t.subtype == Token.TEXT and t.value == quoted
    ]
    return all(
        any(0 <= j < len(tokens) and tokens[j].type == Token.OP_IN and tokens[j].value == "&" for j in (k - 1, k + 1))
        for k in places
    )


def _dates_in(
    workbook: fz.Workbook, info: PackageInfo, sheet: str, box: tuple[int, int, int, int]
) -> list[tuple[int, int, str, str]]:
    """(row, column, text, its other reading) of each cell of ``box`` (left, top, right, bottom) on ``sheet`` that
    holds a date or number another locale reads otherwise (:func:`.locale_readings.locale_reading`) typed in (a
    formula's text is read as its own formula computes it); the box's values are read in one call."""
    import formualizer  # noqa: PLC0415  (the engine's own types, as .engine_results reads them)

    left, top, right, bottom = box
    try:
        if (left, top) == (right, bottom):  # one cell (a formula filled down reads its row's): no range made
            grid = [[workbook.get_value(sheet, top, left)]]
        else:
            grid = workbook.sheet(sheet).get_values(formualizer.RangeAddress(sheet, top, left, bottom, right))
    except Exception:  # noqa: BLE001  (a sheet the engine does not have)
        return []
    stored = info.formulas.get(sheet, {})
    found = []
    for r, values in enumerate(grid):
        for c, held in enumerate(values):
            if type(held) is not str or _DIGIT.search(held) is None:
                continue  # (a text with no digit is no number nor date another locale reads: R$, März 2024 have)
            other = locale_reading(held)
            if other is not None and address_of(top + r, left + c) not in stored:
                found.append((top + r, left + c, held, other))
    return found


#: what a text another locale reads otherwise begins with
_DIGIT = re.compile(r"\d")


def position_of(ref: str) -> tuple[int, int]:
    """``"B12"`` -> ``(12, 2)`` (row, column)."""
    letters, row = coordinate_from_string(ref)
    return row, column_index_from_string(letters)


def address_of(row: int, column: int) -> str:
    """``(12, 2)`` -> ``"B12"``."""
    return f"{get_column_letter(column)}{row}"
