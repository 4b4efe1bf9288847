"""A TEXT of a date in another language's format codes whose stored text no language gives for the date now: stale.

``=TEXT(E3,"TT.MM.JJJJ")`` (German codes) is listed and keeps Excel's stored text, the format's language not being
known (:mod:`.excel_functions.format_codes`). When a program keeping the stored values changed E3 after Excel's save
(20 April 2026 now, "15.03.2026" stored), the text was kept under ok (H199 finding 07), though a format of day, month
and year codes shows the date's own numbers in every language: 20, 04, 2026, never 15 and 03. :func:`stale_texts`
marks such a cell stale (listed, not kept; its readers listed): a formula that is one TEXT call of a date format
(no digit placeholder), whose first argument the engine evaluates to a date, and whose stored text holds a number
that is none of the date's day, month, year (four or two digits), hour, minute or second, or a month's name (of
English or a language of :data:`.locale_results._LANGUAGES`) that is not the date's month in any language naming one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from .excel_functions.dates import serial_to_date
from .formula_texts import position
from .kept import _absolute
from .reason_numbers import reason_number as _full
from .scratch_cell import scratch_value

if TYPE_CHECKING:
    import formualizer as fz

    from .formula_texts import FormulaTexts
    from .package import PackageInfo
    from .unsupported import Unsupported

__all__ = ["stale_texts"]

#: a digit placeholder of a number format (outside quotes and brackets): not a date format
_PLACEHOLDER = re.compile(r"[0#?]")
_NOT_CODES = re.compile(r'"[^"]*"?|\\.|\[[^\]]*\]?')


def _one_text_call(formula: str) -> tuple[str, str] | None:
    """(first argument, format text) of a formula that is one ``TEXT(value, "format")`` call with the format typed in.

    >>> _one_text_call('TEXT(E3,"TT.MM.JJJJ")'), _one_text_call('"x"&TEXT(E3,"TT")'), _one_text_call("TEXT(E3,Z1)")
    (('E3', 'TT.MM.JJJJ'), None, None)
    """
    try:
        tokens = [t for t in Tokenizer("=" + formula).items if t.type != Token.WSPACE]
    except Exception:  # noqa: BLE001  (a formula the tokenizer cannot read: left as it is)
        return None
    if len(tokens) < 5 or tokens[0].type != Token.FUNC or tokens[0].value.upper().removeprefix("_XLFN.") != "TEXT(":
        return None
    if tokens[-1].type != Token.FUNC or tokens[-1].subtype != Token.CLOSE:
        return None
    last = tokens[-2]
    if last.type != Token.OPERAND or last.subtype != Token.TEXT or tokens[-3].type != Token.SEP:
        return None
    depth = 0
    for token in tokens[1:-3]:  # the first argument: no separator of TEXT's own in it
        if token.subtype == Token.OPEN:
            depth += 1
        elif token.subtype == Token.CLOSE:
            depth -= 1
        elif token.type == Token.SEP and token.subtype == Token.ARG and depth == 0:
            return None
    first = "".join(t.value for t in tokens[1:-3])
    return first, last.value[1:-1].replace('""', '"')


def _consistent(stored: str, serial: float) -> bool:
    """Whether the text ``stored`` can be the date and time ``serial`` shown by some language's date format.

    >>> _consistent("15.03.2026", 46132), _consistent("20.04.2026", 46132), _consistent("20.04.26 00:00", 46132)
    (False, True, True)
    >>> _consistent("März 2026", 46132), _consistent("April 2026", 46132), _consistent("avril 26", 46132)
    (False, True, True)
    """
    day = serial_to_date(serial)
    seconds = round((serial - int(serial)) * 86400)
    hour, minute, second = seconds // 3600 % 24, seconds // 60 % 60, seconds % 60
    allowed = {day.day, day.month, day.year, day.year % 100, hour, hour % 12 or 12, minute, second}
    if any(int(digits) not in allowed for digits in re.findall(r"\d+", stored)):
        return False
    from .locale_results import _TOKENS, _names  # noqa: PLC0415  (babel's names: loaded where such a cell is)

    english, others = _names()
    readings = [(english, _TOKENS), *others]
    named = []  # for each language naming a month in the text: whether every month it names is the date's
    for pattern, tokens in readings:
        months = [tokens[m.group(1).lower()] for m in pattern.finditer(stored)]
        months = [int(token[2:-1]) for token in months if token[1] == "M"]
        if months:
            named.append(all(index % 12 == day.month - 1 for index in months))
    return not named or any(named)


def stale_texts(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], info: PackageInfo, items: list[Unsupported]
) -> None:
    """Mark stale each of ``items`` (TEXT cells listed for a format of another language's codes) whose stored text is
    no rendering of its date now (see the module docstring), naming the date's cell and the text."""
    for item in items:
        cell = info.formulas.get(item.sheet, {}).get(item.ref)
        stored = cell.cached if cell is not None else None
        texts = formulas.get(item.sheet)
        place = position(item.ref)
        if not isinstance(stored, str) or texts is None or place not in texts:
            continue
        call = _one_text_call(texts[place])
        if call is None or _PLACEHOLDER.search(_NOT_CODES.sub("", call[1])):
            continue
        value: Any = scratch_value(workbook, item.sheet, _absolute(call[0]))  # "=$E$3"
        if type(value) not in (int, float) or not 1 <= value < 2958466:
            continue
        if not _consistent(stored, float(value)):
            item.stale = True
            item.reason += (
                f"; its stored text {stored!r} is no language's text of {call[0]} now ({_full(value)}, "
                f"{serial_to_date(value).isoformat()}): the file's values predate its inputs"
            )
