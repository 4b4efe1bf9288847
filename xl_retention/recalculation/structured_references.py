"""Excel tables' structured references as the ranges they denote, for the rewrite (:mod:`.rewrite`).

``Sales[Amount]``, ``Table1[[#This Row],[Amount]]``, ``[@Amount]``, ``Table1``, ``Table1[#All]``,
``Table1[[Col1]:[Col2]]`` become the absolute ranges they denote (``Sales!$B$2:$B$3``); ``#This Row`` outside the
table's rows is ``#VALUE!``. Column names are matched as Excel matches them: case-insensitively, with the escapes
Excel writes (``'[``, ``_x000a_`` for a line break) read.
"""

from __future__ import annotations

import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import get_column_letter, range_boundaries

from .package import Table

__all__ = ["escaped_structured", "structured_range", "structured_spans"]  # also read: _structured, _structured_in

_SPECIALS = {"#all", "#data", "#headers", "#totals", "#this row"}


def _quote(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def _area(sheet: str, top: int, left: int, bottom: int, right: int) -> str:
    first = f"${get_column_letter(left)}${top}"
    if (top, left) == (bottom, right):
        return f"{_quote(sheet)}!{first}"
    return f"{_quote(sheet)}!{first}:${get_column_letter(right)}${bottom}"


#: joins the two ends of a column range among :func:`_items` (a column's name may hold a ``:``)
_SPAN = "\x00"


def _items(inner: str) -> list[str]:
    """``[#This Row],[Amount]`` -> ``["#This Row", "Amount"]``; ``[A]:[B]`` -> ``["A\\x00B"]``; ``A`` -> ``["A"]``.

    A column inside the list may also be written without brackets (MS-XLSX 2.2.2, ``simple-column-name``):
    ``[#This Row],b`` -> ``["#This Row", "b"]``, as XlsxWriter writes ``Table1[@b]``. Names keep Excel's escapes
    (``'`` before ``[ ] # '``: ``Qty '[pcs']``), which :func:`_column_name` removes; an escaped bracket neither
    opens nor closes an item."""
    text = inner.strip()
    if not text.startswith("["):
        return [inner]
    items: list[str] = []
    current, bare, depth, k, joined = "", "", 0, 0, False

    def add(item: str) -> None:
        nonlocal joined
        if joined and items:
            items[-1] = items[-1] + _SPAN + item
        else:
            items.append(item)
        joined = False

    while k < len(text):
        char = text[k]
        if char == "'" and k + 1 < len(text):
            if depth:
                current += text[k : k + 2]
            else:
                bare += text[k : k + 2]
            k += 2
            continue
        if char == "[":
            depth += 1
            if depth == 1:
                current = ""
            else:
                current += char
        elif char == "]":
            depth -= 1
            if depth == 0:
                add(current)
            else:
                current += char
        elif depth:
            current += char
        elif char in ",:":
            if bare.strip():
                add(bare.strip())
            bare = ""
            if char == ":":
                joined = True
        else:
            bare += char
        k += 1
    if bare.strip():
        add(bare.strip())
    return items


def _column_name(text: str) -> str:
    return re.sub(r"'(.)", r"\1", text).lower()  # Excel escapes [ ] # ' with a quote


_XSTRING = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _header(name: str) -> str:
    """A table column's name as the table part stores it, with OOXML's escapes read (``MRR_x000a_(USD)``: a line
    break typed with Alt+Enter; ``_x005F_`` an underscore)."""
    return _XSTRING.sub(lambda m: chr(int(m.group(1), 16)), name) if "_x" in name else name


def _column_position(name: str, columns: list[str]) -> int:
    """The position of the column ``name`` (as a structured reference writes it) among ``columns`` (lower case, escapes
    read): the name as written ("Plan " with its space, "MRR\n(USD)"), else the only column equal but for spaces
    around; ValueError when none."""
    key = _column_name(name)
    if key in columns:
        return columns.index(key)
    loose = [c.strip() for c in columns]
    if loose.count(key.strip()) == 1:
        return loose.index(key.strip())
    spaced = [_SPACES.sub(" ", c).strip() for c in columns]  # a tab typed in a header: the table part's attribute
    key = _SPACES.sub(" ", key).strip()  # holds it as a space (XML reads a literal tab there so), the formula a tab
    if spaced.count(key) == 1:
        return spaced.index(key)
    raise ValueError(name)


_SPACES = re.compile(r"[ \t\r\n]+")


def _structured(text: str, tables: dict[str, Table], sheet: str, row: int, col: int) -> str | None:
    """The A1 range a structured reference denotes; None when it is not one (or not ours to resolve)."""
    name, bracket, rest = text.partition("[")
    if name:
        table = tables.get(name.lower())
        if table is None:
            return None
        inner = rest[:-1] if bracket and rest.endswith("]") else ""
        if bracket and not rest.endswith("]"):
            return None
    else:  # [@Amount] inside the table itself
        table = next(
            (
                t
                for t in tables.values()
                if t.sheet == sheet and t.bounds[0] <= col <= t.bounds[2] and t.bounds[1] <= row <= t.bounds[3]
            ),
            None,
        )
        if table is None or not text.endswith("]"):
            return None
        inner = text[1:-1]
    this_row = False
    if inner.startswith("@"):
        this_row, inner = True, inner[1:].strip()
    items = [i for i in _items(inner)] if inner else []
    specials = {i.strip().lower() for i in items if i.strip().lower() in _SPECIALS}
    columns = [i for i in items if i.strip().lower() not in _SPECIALS]
    this_row = this_row or "#this row" in specials
    left, top, right, bottom = table.bounds
    header_bottom = top + table.header_rows - 1
    data_top, data_bottom = top + table.header_rows, bottom - table.totals_rows
    if this_row:
        if not data_top <= row <= data_bottom:
            return "#VALUE!"
        rows = (row, row)
    elif "#all" in specials:
        rows = (top, bottom)
    else:
        wanted = []
        if "#headers" in specials and table.header_rows:
            wanted.append((top, header_bottom))
        if "#data" in specials or not specials & {"#headers", "#totals"}:
            wanted.append((data_top, data_bottom))
        if "#totals" in specials and table.totals_rows:
            wanted.append((data_bottom + 1, bottom))
        if not wanted:
            return "#REF!"
        rows = (min(w[0] for w in wanted), max(w[1] for w in wanted))
    lower = [_header(c).lower() for c in table.columns]
    first, last = left, right
    if columns:
        if len(columns) > 1:
            return None
        names = columns[0].split(_SPAN)
        try:
            positions = [_column_position(n, lower) for n in names]
        except ValueError:
            return "#REF!"
        first, last = left + min(positions), left + max(positions)
    if rows[0] > rows[1]:
        return "#REF!"
    return _area(table.sheet, rows[0], first, rows[1], last)


#: an area a resolved part of a range is: its sheet (quoted or not) or none, and cells or a range of them
_PART = re.compile(
    r"(?:(?:'(?P<quoted>(?:[^']|'')+)'|(?P<bare>[^\W\d][\w.]*))!)?"
    r"(?P<area>\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)"
)


def _range_parts(text: str) -> list[str]:
    """``text`` split at each ``:`` outside a structured reference's brackets and a quoted sheet name.

    >>> _range_parts("Tbl[[#Headers],[No]]:Tbl[[#This Row],[No]]"), _range_parts(":Tbl[Amt]"), _range_parts("T[a:b]")
    (['Tbl[[#Headers],[No]]', 'Tbl[[#This Row],[No]]'], ['', 'Tbl[Amt]'], ['T[a:b]'])
    """
    parts, current, depth, quoted, k = [], "", 0, False, 0
    while k < len(text):
        char = text[k]
        if depth and char == "'":  # an escaped character in a column's name
            current += text[k : k + 2]
            k += 2
            continue
        if char == "'" and not depth:
            quoted = not quoted
        elif char == "[" and not quoted:
            depth += 1
        elif char == "]" and not quoted:
            depth -= 1
        elif char == ":" and not depth and not quoted:
            parts.append(current)
            current = ""
            k += 1
            continue
        current += char
        k += 1
    return [*parts, current]


def structured_range(text: str, tables: dict[str, Table], sheet: str, row: int, col: int) -> str | None:
    """A range operand with a structured reference on a side of its ``:`` (``Tbl[[#Headers],[No]]:[@No]``, stored as
    ``Tbl[[#Headers],[No]]:Tbl[[#This Row],[No]]``; ``Tbl[Amt]:$B$8``; ``:Tbl[[#This Row],[Amt]]`` after a call,
    ``INDEX(Tbl[Amt],1):[@Amt]``) as the range Excel's ``:`` makes: the smallest holding every side, on the table's
    sheet (written without the sheet where that is the formula's own: the engine joins such a corner with a call's);
    the error a side is (``#REF!``); None when no side is a structured reference or the sides are not on one sheet.

    >>> t = {"tbl": Table("Tbl", "S", "A1:C6", ["No", "Item", "Amt"])}
    >>> structured_range("Tbl[[#Headers],[No]]:Tbl[[#This Row],[No]]", t, "S", 3, 1)
    '$A$1:$A$3'
    >>> structured_range("Tbl[Amt]:$B$8", t, "S", 9, 9)
    '$B$2:$C$8'
    >>> structured_range(":Tbl[[#This Row],[Amt]]", t, "S", 4, 4), structured_range("Tbl[Item]:Tbl[Amt]", t, "T", 9, 9)
    (':$C$4', "'S'!$B$2:$C$6")
    """
    parts = _range_parts(text)
    if len(parts) < 2 or not any("[" in part or part.lower() in tables for part in parts):
        return None
    boxes: list[tuple[int, int, int, int]] = []
    where: str | None = None
    for part in parts:
        if not part and part is parts[0]:  # ":Tbl[..]": the corner after a call
            continue
        resolved = _structured(part, tables, sheet, row, col) if "[" in part or part.lower() in tables else part
        if resolved is None:
            return None
        if resolved.startswith("#"):
            return resolved
        match = _PART.fullmatch(resolved.strip())
        if match is None:
            return None
        named = match["quoted"].replace("''", "'") if match["quoted"] else match["bare"] or sheet
        if where is not None and named.lower() != where.lower():
            return None
        where = named
        boxes.append(range_boundaries(match["area"].replace("$", "")))
    if not boxes or where is None:
        return None
    left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
    area = _area(where, top, left, bottom, right)
    if where.lower() == sheet.lower():
        area = area.partition("!")[2]
    return (":" if not parts[0] else "") + area


def _structured_in(text: str, tables: dict[str, Table], sheet: str, row: int, col: int) -> str:
    """``text`` (a formula without ``=``) with each structured reference made the range it denotes."""
    if "'[" in text or "']" in text:  # a name's H[[A'[b]]: read without the tokenizer (:func:`escaped_structured`)
        text = escaped_structured("=" + text, list(tables.values()), sheet, row, col)[1:]
    try:
        tokens = list(Tokenizer("=" + text).items)
    except Exception:  # not a formula the tokenizer understands: the engine decides
        return text
    for token in tokens:
        if token.type == Token.OPERAND and token.subtype == Token.RANGE and "[" in token.value:
            resolved = structured_range(token.value, tables, sheet, row, col) if ":" in token.value else None
            resolved = resolved or _structured(token.value, tables, sheet, row, col)
            if resolved is not None:
                token.value = resolved
    return "".join(t.value for t in tokens)


_WORD = re.compile(r"[\w.\\]")


def _closing(text: str, start: int) -> int | None:
    """The index of the ``]`` closing the ``[`` at ``text[start]``, Excel's escapes read (``'`` before ``[ ] # '``
    in a column's name: ``H[[A'[b]]``); None when it is not closed."""
    depth, k = 0, start
    while k < len(text):
        char = text[k]
        if char == "'":
            k += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return k
        k += 1
    return None


def structured_spans(text: str, tables: set[str]) -> list[tuple[int, int]]:
    """The (start, end) of each structured reference in ``text`` (a formula) naming one of ``tables`` (lower case),
    ``Sales[[Qty '[pcs']]]`` whole, read as Excel reads it (its escapes; texts and quoted sheet names passed over);
    also the table's own ``[@Qty]`` (no table named, not an external workbook's ``[1]Sheet!A1``)."""
    spans: list[tuple[int, int]] = []
    k, size = 0, len(text)
    while k < size:
        char = text[k]
        if char in "\"'":  # a text, or a quoted sheet name ('[Book.xlsx]Data'!A1 too)
            k += 1
            while k < size and not (text[k] == char and text[k + 1 : k + 2] != char):
                k += 2 if text[k] == char else 1
            k += 1
            continue
        start = k
        while k < size and _WORD.match(text[k]):
            k += 1
        if (
            k < size
            and text[k] == "["
            and (start == k or text[start:k].lower() in tables)
            and text[start - 1 : start] != "!"
        ):
            end = _closing(text, k)
            if end is None:
                return spans
            if start < k or not (end + 1 < size and (_WORD.match(text[end + 1]) or text[end + 1] in "!'")):
                spans.append((start, end + 1))
            k = end + 1
        elif k == start:
            k += 1
    return spans


def escaped_structured(text: str, tables: list[Table], sheet: str, row: int, col: int) -> str:
    """``text`` (a formula) with each structured reference whose column's name holds an escaped bracket
    (``H[[A'[b]]``: a column "A[b"; ``H[[A']b]]``) made the range it denotes (or ``#REF!``, ``#VALUE!`` as
    :func:`_structured` says): the tokenizer the rewrite reads formulas with counts brackets without the escapes
    (the formula was left to the engine, which gave ``#NAME?``). Other formulas are returned as they are."""
    if "'[" not in text and "']" not in text or not tables:
        return text
    by_name = {t.name.lower(): t for t in tables}
    parts: list[str] = []
    last = 0
    for start, end in structured_spans(text, set(by_name)):
        reference = text[start:end]
        if "'[" not in reference and "']" not in reference:
            continue
        resolved = _structured(reference, by_name, sheet, row, col)
        if resolved is not None:
            parts += [text[last:start], resolved]
            last = end
    return "".join(parts) + text[last:] if parts else text
