"""NUMBERVALUE of a text holding a currency sign: listed as not computed, the sign and the text named.

Microsoft's NUMBERVALUE page names what the function reads in its text: the decimal and group separators (given, or
the locale's), spaces ("ignored, even in the middle"), trailing percent signs; "if any of the arguments are not
valid, NUMBERVALUE returns the #VALUE! error value". It says nothing of a currency sign. Excel's VALUE reads the
currency of the computer's regional settings (``$1,000`` is 1000 in an en-US Excel, #VALUE! in a German one; ``10,12
€`` the other way round), which the file does not record; whether NUMBERVALUE does the same is not documented. The
engine gave ``NUMBERVALUE("€1.200,50",",",".")`` #VALUE! with an empty reason under status ok (H495's finding 09).
Such a cell is listed (Excel's stored value kept): :func:`listed_numbervalues` names the text typed in or held by
the one cell the call reads; the package's NUMBERVALUE (:mod:`.excel_functions.single_values`) gives the engine's
"not computed" for a text made when the formula runs, and :func:`refused_reason` names the case.

Without its separator arguments NUMBERVALUE reads "separators from the current locale" (Microsoft's page), which the
file does not record either: ``NUMBERVALUE("1.2.3")`` is #VALUE! to an en-US Excel (a decimal separator used more
than once) and 123 to a decimal-comma Excel (a group separator before the decimal separator is ignored), whatever
the sizes of the groups. The engine wrote #VALUE! under status ok with an empty reason (H524's finding 06), where
``"1.200.000"``, a VALUE-style thousands text (:mod:`.locale_readings`), was listed. Such a text
(:func:`decimal_comma_value`) is listed alike, named with where it is.

>>> currency_sign("€1.200,50"), currency_sign("$1,200.50"), currency_sign("1 200 Kč"), currency_sign("1.200,50")
('€', '$', 'Kč', None)
>>> [decimal_comma_value(text) for text in ("1.2.3", "1.20.3%", "1.5", "1.234,5", "1.200.000")]
[123.0, 12.03, None, None, None]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import column_index_from_string, get_column_letter

from .formula_tokens import _bare_name, argument_spans
from .reason_numbers import reason_number as _full

if TYPE_CHECKING:
    from .formula_texts import FormulaTexts

__all__ = ["currency_sign", "decimal_comma_value", "listed_numbervalues", "refused_reason"]

#: one cell, its sheet named or not (``A1``, ``$B$2``, ``'My data'!C3``)
_CELL = re.compile(r"(?:(?P<sheet>'(?:[^']|'')+'|[^'!:]+)!)?\$?(?P<col>[A-Za-z]{1,3})\$?(?P<row>\d+)")
#: what an amount holds beside its currency code (``1 200 Kč``: the code is what is left)
_AMOUNT = re.compile(r"[\d.,'()+\-\s\u00a0\u202f]+")
_REASON = (
    "NUMBERVALUE's text {where}{text!r} holds the currency sign {sign!r}: Microsoft's NUMBERVALUE page names the "
    "separators, spaces and percent signs it reads, not a currency sign, which Excel reads (if at all) by the "
    "computer's regional settings, which the file does not record, so the embedded engine does not compute it"
)
_MADE = (
    "NUMBERVALUE's text (made when the formula runs) holds a currency sign: Microsoft's NUMBERVALUE page names the "
    "separators, spaces and percent signs it reads, not a currency sign, which Excel reads (if at all) by the "
    "computer's regional settings, which the file does not record, so the embedded engine does not compute it"
)

_LOCALE = (
    "NUMBERVALUE's text {where}{text!r}, its separators not given, is read by the decimal separator of the computer's "
    "regional settings, which the file does not record: an en-US Excel gives #VALUE!, a decimal-comma Excel {other} "
    "(its group separator '.' ignored before the decimal separator: Microsoft's NUMBERVALUE page), so the embedded "
    "engine does not compute it"
)
_MADE_LOCALE = (
    "NUMBERVALUE's text (made when the formula runs), its separators not given, holds a currency sign or is read as "
    "a number only by a decimal-comma Excel ('1.2.3': 123 there, #VALUE! to an en-US Excel): either is read by the "
    "computer's regional settings, which the file does not record, so the embedded engine does not compute it"
)


def decimal_comma_value(text: object, made: bool = False) -> float | None:
    """What NUMBERVALUE without its separators gives of ``text`` in a decimal-comma Excel (``,`` its decimal, ``.``
    its group separator), where an en-US Excel's gives #VALUE! and :mod:`.locale_readings` (VALUE's readings, listed
    by :mod:`.locale_results`) reads it no other way; None for anything else. ``made``: a text made when the formula
    runs (``"1.200."&"000"``), which :mod:`.locale_results` never sees: VALUE's thousands texts too (H559)."""
    if not isinstance(text, str) or len(text) > 255:
        return None
    from .excel_functions._core import ExcelError  # noqa: PLC0415  (a sheet calling NUMBERVALUE only)
    from .excel_functions.single_values import numbervalue  # noqa: PLC0415
    from .locale_readings import locale_reading  # noqa: PLC0415

    try:
        numbervalue(text, ".", ",")
    except ExcelError as error:
        if error.code != "#VALUE!":
            return None
    else:
        return None
    try:
        other = numbervalue(text, ",", ".")
    except ExcelError:
        return None
    return other if made or locale_reading(text) is None else None


def currency_sign(text: object) -> str | None:
    """The currency sign (``€``, ``$``) or code of another locale (``Kč``, ``kr``: an amount :func:`money_reading`
    reads) in ``text``; None for a text without one, or no text."""
    if not isinstance(text, str):
        return None
    sign = next((c for c in text if unicodedata.category(c) == "Sc"), None)
    if sign is None and any(c.isalpha() for c in text):
        from .locale_readings import money_reading  # noqa: PLC0415  (a text holding a letter: Kč, kr)

        if money_reading(text) is None:
            return None
        sign = _AMOUNT.sub("", text) or None
    return sign


def _text_of(tokens: list[Token], sheet: str, value_at: Callable[[str, int, int], Any]) -> tuple[str, Any] | None:
    """(where, text) of NUMBERVALUE's text argument ``tokens``: typed in (where ""), or one cell's value (where
    ``in A1 ``); None for anything else (a text made when the formula runs, a range)."""
    inner = [t for t in tokens if t.type != Token.WSPACE]
    if len(inner) != 1 or inner[0].type != Token.OPERAND:
        return None
    token = inner[0]
    if token.subtype == Token.TEXT:
        return "", token.value[1:-1].replace('""', '"')
    cell = _CELL.fullmatch(token.value) if token.subtype == Token.RANGE else None
    if cell is None:
        return None
    named = cell.group("sheet")
    target = named.strip("'").replace("''", "'") if named else sheet
    value = value_at(target, int(cell.group("row")), column_index_from_string(cell.group("col")))
    return f"in {token.value.replace('$', '')} ", value


#: the most cells of a range NUMBERVALUE reads element by element whose texts are looked at (each a value read)
_MAX_RANGE_CELLS = 10_000
_RANGE = re.compile(
    r"(?:(?P<sheet>'(?:[^']|'')+'|[^'!:]+)!)?\$?(?P<c1>[A-Za-z]{1,3})\$?(?P<r1>\d+):\$?(?P<c2>[A-Za-z]{1,3})\$?(?P<r2>\d+)"
)


def _texts_of(tokens: list[Token], sheet: str, value_at: Callable[[str, int, int], Any]) -> Iterator[tuple[str, Any]]:
    """(where, text) of each text NUMBERVALUE's text argument ``tokens`` gives: :func:`_text_of`'s one, each element
    of an array constant (where ""), or each cell's value of a range of at most :data:`_MAX_RANGE_CELLS` cells
    (where ``in A1 ``), read element by element (``SUMPRODUCT(NUMBERVALUE(A1:A2))``)."""
    one = _text_of(tokens, sheet, value_at)
    if one is not None:
        yield one
        return
    inner = [t for t in tokens if t.type != Token.WSPACE]
    if len(inner) > 2 and inner[0].value == "{" and inner[-1].value == "}":
        for token in inner[1:-1]:
            if token.type == Token.OPERAND and token.subtype == Token.TEXT:
                yield "", token.value[1:-1].replace('""', '"')
        return
    area = _RANGE.fullmatch(inner[0].value) if len(inner) == 1 and inner[0].subtype == Token.RANGE else None
    if area is None:
        return
    named = area.group("sheet")
    target = named.strip("'").replace("''", "'") if named else sheet
    top, bottom = sorted((int(area.group("r1")), int(area.group("r2"))))
    left, right = sorted(column_index_from_string(area.group(c)) for c in ("c1", "c2"))
    if (bottom - top + 1) * (right - left + 1) > _MAX_RANGE_CELLS:
        return
    for row in range(top, bottom + 1):
        for column in range(left, right + 1):
            yield f"in {get_column_letter(column)}{row} ", value_at(target, row, column)


def listed_numbervalues(
    formulas: dict[str, FormulaTexts], value_at: Callable[[str, int, int], Any]
) -> Iterator[tuple[str, str, str, str]]:
    """(sheet, ref, function, reason) of each formula cell calling NUMBERVALUE of a text holding a currency sign
    (:func:`currency_sign`; function "NUMBERVALUE") or, its separators not given, a text only a decimal-comma Excel
    reads as a number (:func:`decimal_comma_value`; function "locale", as :mod:`.locale_results` lists ``1.200.000``),
    typed in, held by the one cell it reads (``value_at(sheet, row, column)``) or one element of the array constant or
    range it reads element by element (:func:`_texts_of`)."""
    for sheet, texts in formulas.items():
        if "NUMBERVALUE(" not in texts.upper_text():  # one test per sheet: most have none
            continue
        for place, master in texts.master_texts():
            if "NUMBERVALUE(" not in master.upper():
                continue
            try:
                tokens = list(Tokenizer("=" + texts[place].removeprefix("=")).items)
            except Exception:  # noqa: BLE001, S112  (not read: the engine's answer stands)
                continue
            for k, token in enumerate(tokens):
                if (
                    token.type != Token.FUNC
                    or token.subtype != Token.OPEN
                    or _bare_name(token.value[:-1]) != ("NUMBERVALUE")
                ):
                    continue
                spans, _ = argument_spans(tokens, k)
                argument = tokens[spans[0][0] : spans[0][1]] if spans else []
                listed = _listed(_texts_of(argument, sheet, value_at), len(spans) == 1)
                if listed is not None:
                    yield sheet, texts.refs[place], *listed
                    break


def _listed(found: Iterator[tuple[str, Any]], locale: bool) -> tuple[str, str] | None:
    """(function, reason) of the first of ``found`` (where, text) holding a currency sign, or (``locale``: the
    separators not given) read as a number only by a decimal-comma Excel; None when none does."""
    for where, value in found:
        sign = currency_sign(value)
        if sign is not None:
            return "NUMBERVALUE", _REASON.format(where=where, text=value, sign=sign)
        other = decimal_comma_value(value) if locale else None
        if other is not None:
            return "locale", _LOCALE.format(where=where, text=value, other=_full(other))
    return None


def refused_reason(text: str | None, separators: bool = True) -> str:
    """Why a NUMBERVALUE the package's function left not computed (a currency sign; its ``separators`` not given, a
    text only a decimal-comma Excel reads) is listed: its text named where typed in (``text``), else said to be made
    when the formula runs."""
    sign = currency_sign(text)
    if text is not None and sign is not None:
        return _REASON.format(where="", text=text, sign=sign)
    other = None if separators else decimal_comma_value(text)
    if text is not None and other is not None:
        return _LOCALE.format(where="", text=text, other=_full(other))
    return _MADE if separators else _MADE_LOCALE
