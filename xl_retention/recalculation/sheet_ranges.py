"""3-D references (``Jan:Mar!B2``: the cell on every sheet from Jan to Mar, in the workbook's tab order).

formualizer 0.13 cannot read them. :func:`expand_sheet_ranges` writes one as the list of its sheets'
references where a function takes several references and treats them alike (``SUM(Jan:Mar!B2)`` is
``SUM(Jan!B2,Feb!B2,Mar!B2)``), which is what Excel computes; anywhere else the formula is left as it
is (the engine then cannot compute it, and the cell is listed as unsupported).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..sheet_names import BARE, CHARACTER, SHEET, unquoted, written

#: the functions whose references Excel reads alike one by one (Excel's list of functions taking 3-D references)
FUNCTIONS = frozenset(
    (
        "SUM AVERAGE AVERAGEA COUNT COUNTA MAX MAXA MIN MINA PRODUCT STDEV STDEVA STDEVP STDEVPA VAR VARA VARP "
        "VARPA STDEV.S STDEV.P VAR.S VAR.P SUMSQ"
    ).split()
)
_PREFIXES = ("_XLFN._XLWS.", "_XLFN.", "_XLWS.")
#: a 3-D reference: two sheet names (quoted together when either needs it), "!", a cell or range
THREE_D = re.compile(
    r"^(?:'(?P<quoted>(?:[^']|'')+?)'|(?![A-Za-z]{1,3}\d+:)(?P<bare>" + BARE + ":" + BARE + r"))!"  # A1:S!A3: a cell
    r"(?P<area>\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)$"
)  # cells, ranges, whole columns (Jan:Mar!B:B) and rows

#: a cheap test for a 3-D reference somewhere in a formula (a superset: "Jan:Mar!", "'Feb:Sheet 4'!"); also over a
#: sheet's formulas one per line (``FormulaTexts.upper_text``): a quoted name never spans a line, so each colon's
#: search stops at its line's end (it ran to the text's end: quadratic, 380 s for 10,000 rows of ``SUM(A2:C2)``)
THREE_D_HINT = re.compile(CHARACTER + ":" + CHARACTER + r"+!|:(?:[^'\n]|'')*'!")
_CELL = r"\$?[A-Za-z]{1,3}\$?\d+"
_EDGE = _CELL + r"|\$?[A-Za-z]{1,3}|\$?\d+"
#: a range whose second corner names its sheet: ``A1:Gone!A3`` (a bare ``A1`` is no sheet's name, which Excel writes
#: quoted: no 3-D reference), ``S!A1:Gone!A3``, ``S!A:Gone!A``
_CORNERS = re.compile(
    r"^(?:(?P<left>" + SHEET + r")!(?:" + _EDGE + r")|" + _CELL + r"):(?P<right>" + SHEET + r")!(?:" + _EDGE + r")$"
)


def sheets_of(reference: str, sheets: list[str]) -> tuple[list[str], str] | None:
    """(the sheets a 3-D ``reference`` spans, in tab order, and its area) or None when it is not one of ``sheets``.

    >>> sheets_of("Jan:Mar!B2", ["Summary", "Jan", "Feb", "Mar"])
    (['Jan', 'Feb', 'Mar'], 'B2')
    >>> sheets_of("'Feb:Sheet 4'!B2:C3", ["Jan", "Feb", "Mar", "Sheet 4"])
    (['Feb', 'Mar', 'Sheet 4'], 'B2:C3')
    >>> sheets_of("Jan:Feb!$B:$B", ["Jan", "Feb"])
    (['Jan', 'Feb'], '$B:$B')
    """
    match = THREE_D.match(reference)
    if match is None:
        return None
    span = match.group("quoted").replace("''", "'") if match.group("quoted") else match.group("bare")
    if span.count(":") != 1:
        return None
    first, last = span.split(":")
    lower = [s.lower() for s in sheets]
    if first.lower() not in lower or last.lower() not in lower:
        return None
    i, j = sorted((lower.index(first.lower()), lower.index(last.lower())))
    return sheets[i : j + 1], match.group("area")


def missing_sheets(reference: str, sheets: list[str], names: Collection[str] = ()) -> list[str]:
    """The sheets a 3-D ``reference`` names, or the corners of a range (``A1:Gone!A3``, ``S!A1:Gone!A3``), that
    ``sheets`` does not have (Excel's ``#REF!``: the sheet is gone, whatever the range operator would give for corners
    on two sheets); [] for another reference, one whose sheets are all there, or one whose first is none of ``sheets``
    but one of the defined ``names`` (lower case): ``Start:S!A4`` is the range from the name Start to S!A4
    (.named_corners).

    >>> missing_sheets("Jan:Mar!B2", ["Jan", "Feb"]), missing_sheets("'Apr:Jun 2'!B2", ["Jan"])
    (['Mar'], ['Apr', 'Jun 2'])
    >>> missing_sheets("Jan:Mar!B2", ["Mar", "Jan"]), missing_sheets("Data!B2", [])
    ([], [])
    >>> missing_sheets("Go:S!A4", ["S"], {"go"}), missing_sheets("Go:T!A4", ["S"], {"go"})
    ([], [])
    >>> missing_sheets("A1:Gone!A3", ["S"]), missing_sheets("'Gone 2'!A1:S!A3", ["S"]), missing_sheets("A1:S!A3", ["S"])
    (['Gone'], ['Gone 2'], [])
    """
    match = THREE_D.match(reference)
    if match is None:
        corners = _CORNERS.match(reference)
        if corners is None:
            return []
        lower = {s.lower() for s in sheets}
        named = [unquoted(corners.group(side)) for side in ("left", "right") if corners.group(side)]
        return list(dict.fromkeys(name for name in named if name.lower() not in lower))
    span = match.group("quoted").replace("''", "'") if match.group("quoted") else match.group("bare")
    if span.count(":") != 1:
        return []
    lower = {s.lower() for s in sheets}
    first = span.split(":")[0].lower()
    if first not in lower and first in names:
        return []
    return list(dict.fromkeys(name for name in span.split(":") if name.lower() not in lower))


def bracketed(expanded: str) -> str:
    """A name's formula in brackets where the name stood; a 3-D reference as it is (``Jan:Mar!$B$2``: one reference,
    which :func:`expand_sheet_ranges` then writes out where SUM, COUNT ... take it, as Excel reads it).

    >>> bracketed("Jan:Mar!$B$2"), bracketed("'Jan 25:Mar 25'!$B$2"), bracketed("T!$A$1+1")
    ('Jan:Mar!$B$2', "'Jan 25:Mar 25'!$B$2", '(T!$A$1+1)')
    """
    return expanded if THREE_D.match(expanded) else f"({expanded})"


def _qualified(sheet: str, area: str) -> str:
    return written(sheet) + "!" + area


def expand_sheet_ranges(text: str, sheets: list[str], names: Collection[str] = ()) -> str:
    """``text`` (a formula with ``=``) with each 3-D reference that is a whole argument of one of :data:`FUNCTIONS`
    written as its sheets' references, and each naming a sheet the workbook does not have written ``#REF!`` (Excel's
    value; .missing_references names the sheet) unless it is a defined name's range (``names``: lower case,
    :func:`missing_sheets`); ``text`` itself when there is none.

    >>> expand_sheet_ranges("=SUM(Jan:Mar!B2)*2", ["Jan", "Feb", "Mar"])
    '=SUM(Jan!B2,Feb!B2,Mar!B2)*2'
    >>> expand_sheet_ranges("=Jan:Mar!B2+1", ["Jan", "Feb", "Mar"])  # not an argument of such a function
    '=Jan:Mar!B2+1'
    >>> expand_sheet_ranges("=SUM(Jan:Mar!B2)+Jan:Mar!B2", ["Jan", "Feb"])  # no sheet Mar
    '=SUM(#REF!)+#REF!'
    """
    if "!" not in text or ":" not in text:
        return text
    try:
        tokens = Tokenizer(text).items
    except Exception:  # noqa: BLE001  (not a formula the tokenizer reads: the engine decides)
        return text
    changed = False
    stack: list[str] = []
    meaningful = [t for t in tokens if t.type != Token.WSPACE]
    for i, token in enumerate(meaningful):
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = token.value[:-1].upper()
            for prefix in _PREFIXES:
                name = name.removeprefix(prefix)
            stack.append(name)
        elif token.type == Token.FUNC and token.subtype == Token.CLOSE:
            if stack:
                stack.pop()
        elif (
            token.type == Token.OPERAND and token.subtype == Token.RANGE and missing_sheets(token.value, sheets, names)
        ):
            token.value = "#REF!"
            changed = True
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE and stack and stack[-1] in FUNCTIONS:
            before, after = meaningful[i - 1], meaningful[i + 1] if i + 1 < len(meaningful) else None
            alone = (before.type == Token.SEP and before.subtype == Token.ARG) or (
                before.type == Token.FUNC and before.subtype == Token.OPEN
            )
            alone = (
                alone
                and after is not None
                and (
                    (after.type == Token.SEP and after.subtype == Token.ARG)
                    or (after.type == Token.FUNC and after.subtype == Token.CLOSE)
                )
            )
            spanned = sheets_of(token.value, sheets) if alone else None
            if spanned is not None:
                token.value = ",".join(_qualified(sheet, spanned[1]) for sheet in spanned[0])
                changed = True
    return "=" + "".join(t.value for t in tokens) if changed else text
