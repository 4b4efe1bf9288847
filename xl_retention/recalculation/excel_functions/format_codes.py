"""Number formats written in the codes of another language's Excel, which TEXT must not read as en-US codes.

TEXT's format text is stored in the file as the author typed it, in the codes of the language of the author's Excel,
and is not translated (a German Excel's ``TEXT(A1;"MMMM JJJJ")`` is stored ``TEXT(A1,"MMMM JJJJ")`` and shows
"Januar 2026"; German J is the year and T the day, French and Spanish a the year and j the day, Italian g the day; a
German or French Excel writes ``#.##0,00`` where an en-US one writes ``#,##0.00``). The file does not say which
language the author's Excel used, so a format holding a letter that is no en-US code, or the separators of a decimal
comma, is never read as en-US ("January JJJJ", "1234.5000 €"): :func:`foreign_codes` says what in it is foreign,
:func:`.number_format.format_value` refuses it (TEXT's "not implemented" error), and :func:`foreign_format_cells`
lists the cells whose TEXT has such a format in the formula or in the cell it names (or one showing month or day
names the engine does not have, :func:`.locale_names.names_gap`), before any wrapper (``IFERROR``) could hide the
refusal; the recalculation keeps Excel's stored value there (:mod:`..kept`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils import column_index_from_string

from .locale_names import names_gap

if TYPE_CHECKING:
    from ..formula_texts import FormulaTexts

#: what is no code in a format section: quoted text, escaped characters, spaces and fills, and bracketed tags
_NOT_CODES = re.compile(r'"[^"]*"?|\\.|_.|\*.|\[[^\]]*\]?')
#: the letters en-US Excel reads as codes: General, AM/PM and A/P, E+ and E-, and the date and time codes
_EN_US_CODES = re.compile(r"(?i)general|am/pm|a/p|e[+-]|[ymdhse]")
#: letters another language's Excel reads as date or time codes: J, T (German year, day), a, j (French), g (Italian
#: day, Polish hour), u (Dutch hour), r (Polish and Czech year), v, k, p (Finnish year, month, day), n (Hungarian day),
#: o (Italian hour), b (Thai Buddhist year), and every letter beyond ASCII (Swedish å, Hungarian é, Russian Г, Д);
#: c, f, i, l, q, w, x and z are no code in any language: a literal everywhere, as en-US Excel shows them
_FOREIGN_LETTER = re.compile(r"(?i)[abgjknoprtuv]|[^\W\d_a-z]")
#: a comma among the decimals, none before the point: #.##0,00, 0.000,00 (en-US #,#.##.##,# groups thousands first)
_DECIMAL_COMMA = re.compile(r"^[^,]*?[0#?]\.[0#?.]*,[0#?]")
_HASH_BEFORE_ZERO = re.compile(r"[0#?]\.##0(?![0#?])")  # #.##0, #.###.##0: points grouping thousands
_GROUP = re.compile(r"[0#?],([0#?]+)(?![0#?])")  # 0,0 % and # ##0,00: a decimal comma, not thousands
_DATE_SECTION = re.compile(r"(?i)[ymdhs]|am/pm|a/p")
_FOREIGN_REASON = (
    "TEXT's format {fmt} holds {what}, which is no format code of an en-US Excel: the codes of another language's "
    "Excel (German J is the year and T the day, French a the year and j the day), which the file does not name"
)

#: the system's date and time formats (Format Cells' "*Wednesday, March 14, 2012" and "*1:30:55 PM"): [$-F800] the
#: long date, [$-F400] the time, and their language tags [$-x-sysdate], [$-x-systime]
_SYSTEM_TAG = re.compile(r"(?i)\[\$[^\]-]*-(F800|F400|x-sysdate|x-systime)\]")
_SYSTEM_REASON = (
    "TEXT's format {fmt} holds {what}: Excel shows it as the regional settings of the computer that opens the file "
    "write it, whatever codes follow the tag (Format Cells marks it with *), and the file does not record those "
    "settings"
)


@lru_cache(maxsize=512)
def foreign_codes(fmt: str) -> str | None:
    """What in the number format ``fmt`` is no en-US code (a letter, or the separators of a decimal comma), in words;
    None when every code is en-US's.

    >>> foreign_codes("MMMM JJJJ"), foreign_codes("#.##0,00 €"), foreign_codes("0,0 %")
    ('the letter J', 'a comma among the decimals (a decimal comma)', 'a comma before 1 digit (a decimal comma)')
    >>> foreign_codes('mmmm yyyy" Januar"'), foreign_codes("#,##0.00_);[Red](#,##0.00)"), foreign_codes("0.00E+00")
    (None, None, None)
    >>> foreign_codes("[$-F800]dddd, mmmm dd, yyyy"), foreign_codes("[$-x-systime]h:mm:ss AM/PM")
    ("the tag [$-F800], the computer's long date format", "the tag [$-x-systime], the computer's time format")
    """
    system = _SYSTEM_TAG.search(fmt)
    if system is not None:  # the computer's format, not these codes: no en-US reading of them (H543's finding 04)
        kind = "long date" if system.group(1).upper() in ("F800", "X-SYSDATE") else "time"
        return f"the tag {system.group(0)}, the computer's {kind} format"
    for section in re.split(";", _NOT_CODES.sub("", fmt)):
        letters = _FOREIGN_LETTER.search(_EN_US_CODES.sub("", section))
        if letters is not None:
            return f"the letter {letters.group(0)}"
        if _DATE_SECTION.search(section.replace("@", "")) and not re.search(r"(?i)e[+-]", section):
            continue  # a date or time: its dots and commas are literals in every language
        if _DECIMAL_COMMA.search(section):
            return "a comma among the decimals (a decimal comma)"
        if _HASH_BEFORE_ZERO.search(section):
            return "a point before ##0 (a point grouping thousands)"
        for group in () if "." in section else _GROUP.finditer(section):
            if len(group.group(1)) != 3:
                count = len(group.group(1))
                return f"a comma before {count} digit{'s' if count > 1 else ''} (a decimal comma)"
    return None


_SEPARATORS_REASON = (
    "TEXT's format {fmt} holds {what}, which an en-US Excel reads otherwise (a point is its decimal point, a comma "
    "groups thousands) than a decimal-comma Excel (German, French) does: the file does not name the language of the "
    "Excel that wrote it"
)


def foreign_reason(fmt: str, what: str, where: str = "") -> str:
    """The reason a cell is listed for TEXT's format ``fmt`` holding ``what`` (:func:`foreign_codes`); ``where``: the
    cell holding the format, as ``"Z1: "``, when the formula names it. A letter is no en-US code; separators are
    en-US codes read otherwise by a decimal-comma Excel (``0.##0``: 1234.560 in en-US, 1.235 in German).

    >>> foreign_reason("0.##0", "a point before ##0 (a point grouping thousands)")[-68:]
    'does: the file does not name the language of the Excel that wrote it'
    """
    template = (
        _FOREIGN_REASON
        if what.startswith("the letter")
        else _SYSTEM_REASON
        if what.startswith("the tag")
        else _SEPARATORS_REASON
    )
    return template.format(fmt=where + _quoted(fmt), what=what)


def _quoted(fmt: str) -> str:
    return '"' + fmt.replace('"', '""') + '"'


_TEXT_CALL = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?TEXT\(")
_CELL = re.compile(r"(?:(?P<sheet>'(?:[^']|'')+'|[^'!:]+)!)?\$?(?P<col>[A-Za-z]{1,3})\$?(?P<row>\d+)")


def _format_arguments(formula: str) -> Iterator[Token]:
    """The second argument of each TEXT call of ``formula`` when it is one token (a text or a reference)."""
    try:
        tokens = Tokenizer("=" + formula).items
    except Exception:
        return
    stack: list[list[Any]] = []  # per open function or bracket: [is TEXT, argument index, tokens of argument 2]
    for token in tokens:
        if token.type == Token.WSPACE:
            continue
        opens = token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN)
        closes = token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN)
        if closes and stack:
            is_text, _, second = stack.pop()
            if is_text and len(second) == 1:
                yield second[0]
        if stack and stack[-1][1] == 1 and not (token.type == Token.SEP and token.subtype == Token.ARG):
            stack[-1][2].append(token)
        if opens:
            stack.append(
                [token.type == Token.FUNC and token.value[:-1].upper().removeprefix("_XLFN.") == "TEXT", 0, []]
            )
        elif token.type == Token.SEP and token.subtype == Token.ARG and stack:
            stack[-1][1] += 1


def foreign_format_cells(
    formulas: dict[str, FormulaTexts], value_at: Callable[[str, int, int], Any]
) -> Iterator[tuple[str, str, str, str]]:
    """(sheet, ref, function, reason) of each formula cell calling TEXT with a format of another language's codes
    (:func:`foreign_codes`), given in the formula (``TEXT(A1,"TT.MM.JJJJ")``) or as one cell's reference whose
    value ``value_at(sheet, row, column)`` is such a format (``TEXT(A1,$Z$1)``, the format then named with its cell).
    """
    for sheet, texts in formulas.items():
        if "TEXT(" not in texts.upper_text():  # one test per sheet (made once): most have none
            continue
        for place, master in texts.master_texts():
            if "TEXT(" not in master.upper() or _TEXT_CALL.search(master) is None:  # (the substring first: cheaper)
                continue
            for token in _format_arguments(texts[place]):
                fmt, where = None, ""
                if token.subtype == Token.TEXT:
                    fmt = token.value[1:-1].replace('""', '"')
                elif token.subtype == Token.RANGE:
                    cell = _CELL.fullmatch(token.value)
                    if cell is None:
                        continue
                    named = cell.group("sheet")
                    target = named.strip("'").replace("''", "'") if named else sheet
                    value = value_at(target, int(cell.group("row")), column_index_from_string(cell.group("col")))
                    if isinstance(value, str):
                        fmt, where = value, f"{token.value.replace('$', '')}: "
                what = foreign_codes(fmt) if fmt else None
                if what is not None:
                    yield sheet, texts.refs[place], "TEXT", foreign_reason(fmt, what, where)
                    break
                gap = names_gap(fmt) if fmt else None
                if gap is not None:  # [$-419]mmmm, [$-40C]mmm: names the engine does not have (.locale_names)
                    reason = (
                        f"TEXT's format {where}{_quoted(fmt)} shows the {gap}, which the embedded engine does not have"
                    )
                    yield sheet, texts.refs[place], "TEXT", reason
                    break
