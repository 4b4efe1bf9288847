"""Whether a formula uses a cell only for where it is, not for its value: ``ROW(C1)``, ``ROWS(C1:C3)``,
``CELL("address",C1)``, ``ISREF(C1)``.

A cell the engine cannot compute (FORECAST.ETS without a stored value) makes every cell reading it listed, with no
value (:func:`.kept.dependents`). A formula that only asks where the cell is computes the same whatever it holds, as
Excel computes it: such a reader is left out (H51 finding 06: ``=ROWS($C$1:C1)`` running counts over a column holding
one such cell were all listed). Anything else that names the cell (an operand, a name, a range read by a function)
is a read, as before.
"""

from __future__ import annotations

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

__all__ = ["offset_constant", "offset_literal", "position_only"]

#: functions whose argument, a reference alone, is used for its place or size
_PLACES = frozenset(("ROW", "COLUMN", "ROWS", "COLUMNS", "ISREF"))
#: functions giving a reference computed when the formula runs, which may land on the cell whatever else names it
_RUN_TIME_REFERENCES = frozenset(("OFFSET", "INDIRECT"))
#: CELL's information about a reference's place
_CELL_PLACES = frozenset(('"address"', '"row"', '"col"', '"filename"'))


def _name(token: Token) -> str:
    return token.value[:-1].upper().removeprefix("_XLFN.")


def _covers(reference: str, own_sheet: str, sheet: str, row: int, column: int) -> bool | None:
    """Whether ``reference`` (a token's text) holds the cell; None when it is no A1 reference (a name)."""
    where, _, area = reference.rpartition("!")
    where = where.strip("'").replace("''", "'") if where else own_sheet
    try:
        left, top, right, bottom = range_boundaries(area.replace("$", ""))
    except (ValueError, TypeError):
        return None
    if where.lower() != sheet.lower():
        return False
    return (left or 1) <= column <= (right or 16384) and (top or 1) <= row <= (bottom or 1048576)


def _positional(items: list[Token], k: int) -> bool:
    """Whether the reference ``items[k]`` is the whole argument of ROW, COLUMN, ROWS, COLUMNS or ISREF, or the
    reference of ``CELL("address"|"row"|"col"|"filename", ref)``."""
    if k + 1 >= len(items) or items[k + 1].type != Token.FUNC or items[k + 1].subtype != Token.CLOSE:
        return False
    before = items[k - 1] if k else None
    if before is not None and before.type == Token.FUNC and before.subtype == Token.OPEN:
        return _name(before) in _PLACES
    if k < 3 or before is None or before.type != Token.SEP or before.subtype != Token.ARG:
        return False
    info, call = items[k - 2], items[k - 3]
    return (
        call.type == Token.FUNC
        and call.subtype == Token.OPEN
        and _name(call) == "CELL"
        and info.subtype == Token.TEXT
        and info.value.lower() in _CELL_PLACES
    )


def _built_range(token: Token) -> bool:
    """Whether ``token`` is part of a range operator beside a function (the tokenizer writes ``A1:INDEX(`` as one
    function token, ``):D1`` with ``:D1`` as an operand, ``A1 : INDEX(`` with ``:`` alone)."""
    value = token.value
    if token.type == Token.FUNC:
        return token.subtype == Token.OPEN and ":" in value
    return (token.type == Token.OPERAND and (value.startswith(":") or value.endswith(":"))) or (
        token.type == Token.OP_IN and value == ":"
    )


def position_only(text: str, own_sheet: str, sheet: str, row: int, column: int) -> bool:
    """Whether the formula ``text`` (without ``=``, in ``own_sheet``) names the cell (``sheet``, ``row``,
    ``column``) only as the reference of a place or size (:func:`_positional`), at least once.

    >>> position_only("ROW(C1)+ROWS($C$1:C3)", "S", "S", 1, 3), position_only("ROW(C1)+C1", "S", "S", 1, 3)
    (True, False)
    >>> position_only('CELL("address",S!C1)', "T", "S", 1, 3), position_only('CELL("contents",C1)', "S", "S", 1, 3)
    (True, False)
    >>> position_only("ROWS(Data)", "S", "S", 1, 3), position_only("SUM(C1:C3)", "S", "S", 1, 3)
    (False, False)
    >>> position_only("OFFSET(A1,ROW(C1)-1,2)", "S", "S", 1, 3)
    False
    >>> position_only("ROW(C1)+SUM(INDEX(A1:A5,1):INDEX(D1:D5,1))", "S", "S", 1, 3)  # A1:D1 when it runs
    False
    """
    upper = text.upper()
    if "ROW" not in upper and "COLUMN" not in upper and "ISREF(" not in upper and "CELL(" not in upper:
        return False  # most readers: no tokenizing
    try:
        items = [t for t in Tokenizer("=" + text).items if t.type != Token.WSPACE]
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read: a read, as before)
        return False
    found = False
    for k, token in enumerate(items):
        if token.type == Token.FUNC and token.subtype == Token.OPEN and _name(token) in _RUN_TIME_REFERENCES:
            return False  # OFFSET(A1,ROW(C1)-1,2) lands on the cell through another reference: a read
        if _built_range(token):
            return False  # INDEX(A1:A5,1):INDEX(D1:D5,1): a range built when the formula runs may cover the cell
        if token.type != Token.OPERAND or token.subtype != Token.RANGE:
            continue
        covers = _covers(token.value, own_sheet, sheet, row, column)
        if covers is None:
            return False  # a name: what it holds is not looked into
        if covers:
            if not _positional(items, k):
                return False
            found = True
    return found


def offset_literal(inner: list[Token], at: int, sheet: str) -> tuple[tuple[int, int, int, int], int] | None:
    """((left, top, right, bottom), the index after its close) of the ``OFFSET(`` call opening at ``inner[at]``
    (tokens without spaces) over a reference of ``sheet`` typed in, moved and sized by numbers typed in
    (``OFFSET(H1,0,0,3,1)``: H1:H3); None for anything else (a name, a computed argument, a height of 0)."""
    if inner[at].value[:-1].upper().removeprefix("_XLFN.") != "OFFSET":
        return None
    reference = inner[at + 1] if at + 1 < len(inner) else None
    if reference is None or reference.type != Token.OPERAND or reference.subtype != Token.RANGE:
        return None
    where, _, area = reference.value.rpartition("!")
    if where and where.strip("'").replace("''", "'").lower() != sheet.lower():
        return None
    try:
        left, top, right, bottom = range_boundaries(area.replace("$", ""))
    except (ValueError, TypeError):
        return None
    if None in (left, top, right, bottom):
        return None
    numbers: list[int] = []
    k = at + 2
    while k < len(inner) and inner[k].type == Token.SEP and inner[k].subtype == Token.ARG:
        sign = 1
        k += 1
        if k < len(inner) and inner[k].type == Token.OP_PRE and inner[k].value in "+-":
            sign = -1 if inner[k].value == "-" else 1
            k += 1
        if k >= len(inner) or inner[k].subtype != Token.NUMBER or not inner[k].value.isdigit():
            return None
        numbers.append(sign * int(inner[k].value))
        k += 1
    if not 2 <= len(numbers) <= 4 or k >= len(inner) or inner[k].subtype != Token.CLOSE:
        return None
    rows, columns = numbers[0], numbers[1]
    height = numbers[2] if len(numbers) > 2 else bottom - top + 1  # type: ignore[operator]
    width = numbers[3] if len(numbers) > 3 else right - left + 1  # type: ignore[operator]
    if height <= 0 or width <= 0:
        return None
    first_row, first_column = top + rows, left + columns  # type: ignore[operator]
    if first_row < 1 or first_column < 1:
        return None
    return (first_column, first_row, first_column + width - 1, first_row + height - 1), k + 1


def offset_constant(
    tokens: list[Token], inner: list[Token], at: int, start: int, sheet: str, info: str
) -> tuple[int, str] | None:
    """(the index of the call's close in ``tokens``, the constant) of ``CELL(info, OFFSET(..))``, ``ROWS(OFFSET(..))``
    or ``COLUMNS(OFFSET(..))`` (``inner``: the tokens after the call's opening at ``tokens[start]``, without spaces;
    ``inner[at]``: the OFFSET), for :func:`.own_cycles.position_cycles`; None where the OFFSET is no
    :func:`offset_literal`."""
    found = offset_literal(inner, at, sheet)
    if found is None or found[1] >= len(inner) or inner[found[1]].subtype != Token.CLOSE:
        return None
    (left, top, right, bottom), after = found
    constants = {"row": str(top), "col": str(left), "rows": str(bottom - top + 1), "columns": str(right - left + 1)}
    constants["address"] = f'"${get_column_letter(left)}${top}"'
    return (tokens.index(inner[after], start), constants[info]) if info in constants else None
