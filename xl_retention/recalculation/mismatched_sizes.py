"""Arrays of different sizes combined element by element where Excel evaluates arrays, padded as Excel pads them.

An operator (``+ - * / ^ & = <> < > <= >=``) or IF over two arrays of different sizes gives, in Excel, an array of the
larger size, the smaller one's missing elements #N/A (a single row or column stretches instead); formualizer 0.13 made
the whole result one #VALUE! (which IFERROR then hid). :func:`pad_mismatched` pads ranges and constants of known size
with EXPAND, and operands whose size is known only when the formula runs (OFFSET, FILTER, INDEX(r,0), a name of a
formula, a spilled range) with ``_XLR.PAD`` (:func:`.excel_functions.wraps.padded`), unless their text gives them
one size (two OFFSETs of the same height formula, as dynamic named ranges are).
"""

from __future__ import annotations

from typing import Any

from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

from .array_lifting import ARRAY_RESULTS, may_be_array
from .excel_functions.wraps import UNPADDED
from .formula_tokens import _A1_RANGE, _bare_name, _bounds
from .formula_tokens import argument_spans as _spans
from .intersection import _in_array_argument

__all__ = ["pad_mismatched"]

#: functions whose arguments stretch together element by element, as an operator's operands do
_TOGETHER = frozenset(("IF", "IFERROR", "IFNA"))

#: a whole column's rows and a whole row's columns: an array is never padded to so many
_WHOLE_ROWS, _WHOLE_COLUMNS = 1_048_576, 16_384
#: the operators Excel applies element by element
_ELEMENTWISE = frozenset(("+", "-", "*", "/", "^", "&", "=", "<>", "<", ">", "<=", ">="))


def _size(token: Token, names: dict[str, str] | None = None) -> tuple[int, int] | None:
    """(rows, columns) of a range typed in (``A1:A3``, ``S!$B$1:$C$2``) or of a defined name of one; None for a whole
    column, a cell, or anything else."""
    value = (names or {}).get(token.value.lower(), token.value)
    area = value.rpartition("!")[2].replace("$", "")
    if ":" not in area:
        return None
    try:
        left, top, right, bottom = range_boundaries(area)
    except (ValueError, TypeError):
        return None
    if None in (left, top, right, bottom):
        return None
    return bottom - top + 1, right - left + 1


def _is_whole(size: tuple[int, int] | None) -> bool:
    """Whether a size is a whole column's or row's (or more)."""
    return size is not None and (size[0] >= _WHOLE_ROWS or size[1] >= _WHOLE_COLUMNS)


def _whole_size(token: Token, names: dict[str, str]) -> tuple[int, int] | None:
    """(rows, columns) of whole columns or rows (``A:A`` is 1,048,576 x 1), typed in or a name's; else None."""
    value = names.get(token.value.lower(), token.value)
    if ":" not in value or _A1_RANGE.match(value) is not None:
        return None
    found = _bounds(value)
    if found is None:
        return None
    left, top, right, bottom = found[1]
    return bottom - top + 1, right - left + 1


def _unknown_size(token: Token, names: dict[str, str]) -> bool:
    """Whether a range operand's size is known only when the formula runs: a spilled range (``A1#``), a table's
    column, a defined name of a formula (``OFFSET(...)``) or of no reference we read; not a cell or a range typed in."""
    value = names.get(token.value.lower(), token.value)
    if _A1_RANGE.match(value) is not None or _bounds(value) is not None:
        return False
    return True


def _inner_size(
    tokens: list[Token], start: int, close: int, names: dict[str, str], constants: dict[int, tuple[int, Any]]
) -> tuple[int, int] | None:
    """The size of a call or bracket (``tokens[start:close + 1]``) that may give an array, where every range, name
    and array constant in it has one size (``YEAR(A1:A3)``, ``(A1:A3>0)``: that size); None where they differ or any
    size is known only when the formula runs (a call of :data:`ARRAY_RESULTS`, OFFSET, INDEX of an array, a name of
    a formula, a spilled range)."""
    sizes: set[tuple[int, int]] = set()
    for k in range(start, close + 1):
        token = tokens[k]
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = _bare_name(token.value[:-1])
            if name in ARRAY_RESULTS or (
                name in ("OFFSET", "INDEX") and may_be_array(tokens, k, _spans(tokens, k)[1] + 1, names)
            ):
                return None
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE:
            if _unknown_size(token, names):
                return None
            size = _size(token, names) or _whole_size(token, names)
            if size is not None:
                sizes.add(size)
        elif k in constants:
            sizes.add(constants[k][1])
    return sizes.pop() if len(sizes) == 1 else None


def _offset_shape(tokens: list[Token], open_index: int, names: dict[str, str]) -> tuple | None:
    """The size of an OFFSET call as its text gives it: ("size", rows, columns) for numbers typed in, else
    ("offset", height text, width text), which two OFFSETs of the same height and width formulas share."""
    spans, _ = _spans(tokens, open_index)
    if not spans:
        return None
    texts = ["".join(t.value for t in tokens[a:b]).replace("$", "").replace(" ", "").upper() for a, b in spans]
    base = [t for t in tokens[spans[0][0] : spans[0][1]] if t.type != Token.WSPACE]
    size = _size(base[0], names) if len(base) == 1 and base[0].type == Token.OPERAND else None
    if size is None and len(base) == 1 and base[0].type == Token.OPERAND and _A1_RANGE.match(base[0].value):
        size = (1, 1)
    height = texts[3] if len(texts) > 3 and texts[3] else str(size[0]) if size else None
    width = texts[4] if len(texts) > 4 and texts[4] else str(size[1]) if size else None
    if height is None or width is None:
        return None
    if height.isdigit() and width.isdigit():
        return ("size", int(height), int(width))
    return ("offset", height, width)


def _index_shape(tokens: list[Token], open_index: int, names: dict[str, str]) -> tuple | None:
    """("size", rows, columns) of ``INDEX(area, 0, column)`` (one column of the area) or ``INDEX(area, row, 0)`` (one
    row) over an area of known size, its other number a single value; None for anything else."""
    spans, _ = _spans(tokens, open_index)
    if len(spans) != 3:
        return None
    area = [t for t in tokens[spans[0][0] : spans[0][1]] if t.type != Token.WSPACE]
    size = _size(area[0], names) if len(area) == 1 and area[0].type == Token.OPERAND else None
    if size is None:
        return None
    row, column = ("".join(t.value for t in tokens[a:b]).strip() for a, b in spans[1:])
    if any(may_be_array(tokens, a, b, names) for a, b in spans[1:]) or not row or not column:
        return None
    if row == "0" and column != "0":
        return ("size", size[0], 1)
    if column == "0" and row != "0":
        return ("size", 1, size[1])
    return None


def _compatible(shapes: set[tuple | None]) -> bool:
    """Whether operands of these shapes combine without padding: one shape of OFFSET's formulas, or sizes whose rows
    (columns) are one number or 1 (a single row or column stretches).

    >>> _compatible({("size", 3, 1), ("size", 1, 4)}), _compatible({("size", 3, 1), ("size", 2, 1)})
    (True, False)
    """
    if None in shapes:
        return False
    if any(shape[0] == "offset" for shape in shapes):
        return len(shapes) == 1
    rows = {shape[1] for shape in shapes} - {1}
    columns = {shape[2] for shape in shapes} - {1}
    return len(rows) <= 1 and len(columns) <= 1


def _expanded_shape(text: str, names: dict[str, str]) -> tuple | None:
    """:func:`_shape_of` the formula of a name written in its place (``(OFFSET(S!$A$2,0,0,COUNTA(S!$A:$A)-1,1))``)."""
    from openpyxl.formula import Tokenizer

    try:
        tokens = list(Tokenizer("=" + text).items)
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read: its shape is not known)
        return None
    return _shape_of(tokens, 0, len(tokens) - 1, names) if tokens else None


def _shape_of(tokens: list[Token], start: int, end: int, names: dict[str, str]) -> tuple | None:
    """The size of an operand whose size is known only when the formula runs, as far as its text tells: the one
    shape of the OFFSET calls, ranges and constants in it (:func:`_offset_shape`), None when they differ or anything
    else in it may give an array (a spilled range, FILTER, ...)."""
    shapes: set[tuple] = set()
    k = start
    while k <= end:
        token = tokens[k]
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = _bare_name(token.value[:-1])
            close = _spans(tokens, k)[1]
            if name == "OFFSET":
                shapes.add(_offset_shape(tokens, k, names))
                k = close + 1
                continue
            if name == "INDEX" and may_be_array(tokens, k, close + 1, names):
                shape = _index_shape(tokens, k, names)  # INDEX(B2:M100,0,MATCH(..)): a column of the area
                if shape is None:
                    return None
                shapes.add(shape)
                k = close + 1
                continue
            if name in ARRAY_RESULTS:
                return None
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE and token.value.startswith("("):
            inner = _expanded_shape(token.value, names)  # a name's formula put in its place: (OFFSET(...))
            if inner is None:
                return None
            shapes.add(inner)
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE:
            if _unknown_size(token, names):
                return None
            size = _size(token, names) or _whole_size(token, names)
            if size is not None:
                shapes.add(("size", *size))
        elif token.type == Token.ARRAY and token.subtype == Token.OPEN:
            return None
        k += 1
    return shapes.pop() if len(shapes) == 1 else None


def pad_mismatched(tokens: list[Token], array: bool, names: dict[str, str] | None = None) -> bool:
    """Ranges of different sizes combined by an operator where Excel evaluates arrays (an array formula, SUMPRODUCT's
    arguments): Excel applies the operator over the larger size, the smaller range's missing elements #N/A
    (``{=SUM(IFERROR(A1:A3/B1:B2,0))}`` is A1/B1 + A2/B2); the engine made the whole result one #VALUE! (which
    IFERROR then hid). In a chain of operators whose operands are ranges typed in, defined names of ranges (``names``:
    lower case -> A1 reference), array constants, single values or calls, each range short of the largest rows or
    columns (and not one row or column, which stretches) is ``EXPAND(range, rows, columns)``, padded with #N/A; so
    are IF's arguments where its condition may be an array, which stretch together (``IF(A1:A3>0,B1:B2)``; a
    condition of one value returns the chosen argument unpadded: ``IF(D1="x",A1:A3,C1:C2)`` is C1:C2; IFERROR's and
    IFNA's alike, by their value argument). Where an operand's size is known only when
    the formula runs (a call giving an array: OFFSET, FILTER, INDEX(r,0); a name of a formula; a spilled range),
    every operand that may be an array is ``_XLR.PAD(operand, the others)``, padded then (:func:`.wraps.padded`).
    Changes ``tokens`` in place (tokenized again where it wrapped calls); True when it did.

    >>> from openpyxl.formula import Tokenizer
    >>> tokens = list(Tokenizer("=SUM(IFERROR(A1:A3/B1:B2,0))").items)
    >>> pad_mismatched(tokens, True), "".join(t.value for t in tokens)
    (True, 'SUM(IFERROR(A1:A3/EXPAND(B1:B2,3,1),0))')
    >>> tokens = list(Tokenizer("=COUNT(A1:A3+OFFSET(B1,0,0,2,1))").items)
    >>> pad_mismatched(tokens, True), "".join(t.value for t in tokens)
    (True, 'COUNT(_XLR.PAD(A1:A3,OFFSET(B1,0,0,2,1))+_XLR.PAD(OFFSET(B1,0,0,2,1),A1:A3))')
    """
    names = names or {}
    changed = False
    stack: list[list] = []  # [function or bracket, argument position, IF's members, IF's known, open index,
    #   whether IF's condition (IFERROR's value) may be an array: then its arguments stretch together]
    chains: list[list[int]] = [[]]  # per open level: the operand tokens of its current chain
    constants: dict[int, tuple[int, tuple[int, int]]] = {}  # an array constant's "{": (its "}", its size)
    calls: dict[int, int] = {}  # a call or bracket that may give an array, as an operand: its closing token
    unknown: set[int] = set()  # operands whose size is known only when the formula runs
    wrapped: dict[int, str] = {}  # the text after an operand's last token: ",others)" of _XLR.PAD
    derived: dict[int, tuple[int, int] | None] = {}  # a call's or a name's size, from the ranges in it
    known: list[bool] = [True]
    operators: list[int] = [0]
    refused: list[bool] = []  # an array to pad to a whole column's rows: the formula is not computed (UNPADDED)

    def size_of(k: int) -> tuple[int, int] | None:
        if k in constants:
            return constants[k][1]
        return derived[k] if k in derived else _size(tokens[k], names) or _whole_size(tokens[k], names)

    def last_of(k: int) -> int:
        return constants[k][0] if k in constants else calls.get(k, k)

    def text_of(k: int) -> str:
        return "".join(t.value + wrapped.get(j, "") for j, t in enumerate(tokens[k : last_of(k) + 1], start=k))

    def pad(members: list[int]) -> None:
        nonlocal changed
        if any(k in unknown for k in members):
            arrays = [k for k in members if k in unknown or size_of(k) is not None]
            if len(arrays) < 2:
                return
            shapes = {
                _shape_of(tokens, k, last_of(k), names) if k in unknown else ("size", *size_of(k)) for k in arrays
            }
            if _compatible(shapes):  # (RegionDyn=D1)*SalesDyn: two OFFSETs of one height
                return
            if any(k not in unknown and _is_whole(size_of(k)) for k in arrays):
                refused.append(True)  # a whole column with an array of another size: padded to 1,048,576 rows
                return
            texts = {k: text_of(k) for k in arrays}
            for k in arrays:
                others = ",".join(texts[j] for j in arrays if j != k)
                tokens[k].value = "_XLR.PAD(" + tokens[k].value
                wrapped[last_of(k)] = wrapped.get(last_of(k), "") + f",{others})"
            changed = True
            return
        sizes = {k: size_of(k) for k in members}
        sized = [s for s in sizes.values() if s is not None]
        if len(sized) < 2:
            return
        rows, columns = max(s[0] for s in sized), max(s[1] for s in sized)
        if _is_whole((rows, columns)):  # a whole column: the same size or one row (column) is left to the engine
            if not _compatible({("size", *s) for s in sized}):
                refused.append(True)  # {=SUM(IFERROR((A:A>0)*B1:B3,0))}: B1:B3 padded to 1,048,576 rows in Excel
            return
        for k, s in sizes.items():
            if s is None or s == (rows, columns):
                continue
            want = (rows if s[0] != 1 else 1, columns if s[1] != 1 else 1)
            if want != s:
                tokens[k].value = "EXPAND(" + tokens[k].value
                wrapped[last_of(k)] = wrapped.get(last_of(k), "") + f",{want[0]},{want[1]})"
                changed = True

    def close_chain(end: int | None = None) -> None:
        members, ok, count = chains[-1], known[-1], operators[-1]
        top = stack[-1] if stack else None
        if top is not None and top[0] in _TOGETHER and top[1] == 0 and end is not None:
            # IF's condition (IFERROR's value) ends here: one value chooses a whole argument, unpadded
            top[5] = may_be_array(tokens, top[4] + 1, end, names)
        if top is not None and top[0] in _TOGETHER and top[5]:  # an array condition: stretched together at its end
            top[2].extend(members)
            top[3] = top[3] and ok
        elif ok and count and len(members) >= 2 and (array or _in_array_argument(stack)):
            pad(members)
        chains[-1], known[-1], operators[-1] = [], True, 0

    skip_to = -1
    for i, token in enumerate(tokens):
        if token.type == Token.WSPACE or i <= skip_to:
            continue
        if token.type == Token.ARRAY and token.subtype == Token.OPEN:  # {1;2}: an operand of a known size
            end, rows, columns, row_columns = i + 1, 1, 1, 1
            while end < len(tokens) and not (tokens[end].type == Token.ARRAY and tokens[end].subtype == Token.CLOSE):
                if tokens[end].type == Token.SEP and tokens[end].subtype == Token.ROW:
                    rows, row_columns = rows + 1, 1
                elif tokens[end].type == Token.SEP:
                    row_columns += 1
                    columns = max(columns, row_columns)
                end += 1
            constants[i], skip_to = (end, (rows, columns)), end
            chains[-1].append(i)
            continue
        opens = token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY)
        closes = token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY)
        if opens:
            if token.value.startswith(":"):  # INDEX(..):INDEX(..): a range operator, not element by element
                known[-1] = False
            stack.append([_bare_name(token.value[:-1]) if token.type == Token.FUNC else "(", 0, [], True, i, False])
            chains.append([])
            known.append(token.type != Token.ARRAY)
            operators.append(0)
        elif closes:
            close_chain(i)
            chains.pop(), known.pop(), operators.pop()
            if stack:
                name, _, members, ok, start, together = stack.pop()
                if together and ok and len(members) >= 2 and (array or _in_array_argument(stack)):
                    pad(members)  # {=SUM(IFERROR(IF(A1:A3>0,B1:B2),0))}: B1:B2 padded to three rows
                after = next((t for t in tokens[i + 1 :] if t.type != Token.WSPACE), None)
                if name == "LAMBDA" or (
                    after is not None and after.type == Token.PAREN and after.subtype == Token.OPEN
                ):
                    known[-1] = False  # LAMBDA(x,x*2)(v): a LAMBDA called in place, not an operand of known shape
                elif may_be_array(tokens, start, i + 1, names):  # a call or bracket giving an array: an operand
                    calls[start] = i
                    chains[-1].append(start)
                    inner = _inner_size(tokens, start, i, names, constants)
                    if inner is None:
                        unknown.add(start)
                    else:
                        derived[start] = inner
        elif token.type == Token.SEP:
            close_chain(i)
            if token.subtype == Token.ARG and stack:
                stack[-1][1] += 1
        elif token.type == Token.OP_IN:
            if token.value in _ELEMENTWISE:
                operators[-1] += 1
            else:  # the union or intersection operator: not element by element
                known[-1] = False
        elif token.type == Token.OPERAND:
            if token.subtype == Token.RANGE:
                chains[-1].append(i)
                if _unknown_size(token, names):
                    unknown.add(i)
                elif token.value.lower() in names:
                    derived[i] = _size(token, names)
            elif token.subtype not in (Token.NUMBER, Token.TEXT, Token.LOGICAL, Token.ERROR):
                known[-1] = False
    close_chain()
    if refused:  # listed as not computable (Excel's stored value kept), never one #VALUE! (0 after IFERROR)
        from openpyxl.formula import Tokenizer

        tokens[:] = list(Tokenizer(f"={UNPADDED}()").items)
        return True
    if wrapped:
        from openpyxl.formula import Tokenizer

        text = "=" + "".join(t.value + wrapped.get(k, "") for k, t in enumerate(tokens))
        tokens[:] = list(Tokenizer(text).items)
    return changed
