"""What an ``INDIRECT`` reads, where the recalculation can tell.

A cell that reads a cell without a current value is never computed from a blank (:mod:`.kept`). The
engine's dependency graph does not hold the cells an ``INDIRECT`` reaches, so every ``INDIRECT`` was
taken to read such a cell. :func:`indirect_targets` finds the references an ``INDIRECT`` call's text
names: typed text (``INDIRECT("S!A2")``), or text computed from cells (``INDIRECT("'"&A1&"'!B2")``),
which the engine evaluates in place (the text's own inputs are in the graph: a text computed from a
cell without a current value makes the cell a reader there); R1C1 text (``INDIRECT("R[-1]C",FALSE)``, relative to
the formula's cell), a defined name of a reference (``INDIRECT("Total")``, ``INDIRECT("Jan!Total")``) and a table's
column read what they name. Anything else (a name of a formula, an error, a style computed when the formula runs)
is ``None``: then the caller keeps assuming the worst.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

from ..sheet_names import NAME
from .excel_functions.arguments import _arguments as argument_spans
from .excel_functions.r1c1 import MANY_REFERENCES, NAMED, REFERENCE_TEXT, a1_of_r1c1, reference_text
from .literal_arithmetic import literal_value
from .scratch_cell import scratch_value
from .text_literals import LITERALS as _QUOTED_TEXT

__all__ = ["checked_indirect", "indirect_calls", "indirect_targets", "many_cells", "names_no_reference", "text_of"]

#: [sheet!]A1[:B2] with an optional quoted sheet name; $ signs allowed
_TARGET = re.compile(
    r"(?:(?:'(?P<quoted>(?:[^']|'')+)'|(?P<bare>[^'!:\s]+))!)?"
    r"(?P<ref>\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)"
)
#: ROW() and COLUMN() without a reference: the formula's own cell's, not the last cell's where the text is evaluated
_OWN_PLACE = re.compile(r"(?i)(?<![\w.])(?:ROW|COLUMN)\(\s*\)")
_OWN_ROW = re.compile(r"(?i)(?<![\w.])ROW\(\s*\)")
_OWN_COLUMN = re.compile(r"(?i)(?<![\w.])COLUMN\(\s*\)")

Area = tuple[str, tuple[int, int, int, int]]  # sheet, (left, top, right, bottom)


def text_of(
    workbook: Any,
    sheet: str,
    tokens: list[Token],
    place: tuple[int, int] | None = None,
    budget: list[int] | None = None,
) -> str | None:
    """The text an INDIRECT's first argument gives: typed text, or the engine's value of the expression (an array's
    texts each on a line of their own: no sheet name or reference holds a line break), evaluated in the sheet's last
    cell: ``ROW()`` and ``COLUMN()`` are those of ``place`` (the formula's own cell: row, column) where it is given."""
    solid = [t for t in tokens if t.type != Token.WSPACE]
    if len(solid) == 1 and solid[0].type == Token.OPERAND and solid[0].subtype == Token.TEXT:
        return solid[0].value[1:-1].replace('""', '"')
    expression = "".join(t.value for t in tokens).strip()
    if not expression:
        return None
    if place is not None and _OWN_PLACE.search(_QUOTED_TEXT.sub('""', expression)):
        expression = _OWN_ROW.sub(str(place[0]), _OWN_COLUMN.sub(str(place[1]), expression))
    typed = literal_value(expression)  # "A2:A"&4: no engine asked (2 ms a formula)
    if isinstance(typed, str):
        return typed
    if budget is not None:  # [how many expressions the engine may still be asked] (0.5 ms each): else none told
        if budget[0] <= 0:
            return None
        budget[0] -= 1
    value = scratch_value(workbook, sheet, f"=TEXTJOIN(CHAR(10),FALSE,{expression})")  # an array's texts too
    return value if isinstance(value, str) else None


def indirect_calls(formula: str) -> Iterator[tuple[str, list[Token]]]:
    """(the call's text, its first argument's tokens: [] for none) of each INDIRECT call of ``formula`` (with or
    without "="), in order; none for a formula the tokenizer cannot read or a call without its closing parenthesis.

    >>> [(call, "".join(t.value for t in first)) for call, first in indirect_calls('=SUM(INDIRECT(A1&"!B2"),1)')]
    [('INDIRECT(A1&"!B2")', 'A1&"!B2"')]
    """
    try:
        tokens = list(Tokenizer("=" + formula.removeprefix("=")).items)
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not understand: no call told)
        return
    for k, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or token.value.upper() != "INDIRECT(":
            continue
        try:
            spans, close = argument_spans(tokens, k)
        except (ValueError, IndexError):
            continue
        yield "".join(t.value for t in tokens[k : close + 1]), tokens[spans[0][0] : spans[0][1]] if spans else []


def _r1c1_style(tokens: list[Token]) -> bool:
    """Whether INDIRECT's second argument is FALSE or 0 typed in: R1C1-style references."""
    solid = [t for t in tokens if t.type != Token.WSPACE]
    if len(solid) != 1 or solid[0].type != Token.OPERAND:
        return False
    value = solid[0].value.upper()
    return value == "FALSE" or (solid[0].subtype == Token.NUMBER and float(value) == 0)


def _named(text: str, sheet: str, names: dict[str, dict[str, str]]) -> str:
    """The reference a defined name in INDIRECT's text stands for (``Total``: the sheet's own name first, then the
    workbook's; ``Jan!Total``: sheet Jan's own), or ``text`` as it is."""
    owner, bang, name = text.rpartition("!")
    if not bang:
        found = names.get(sheet, {}).get(text.lower()) or names.get("", {}).get(text.lower())
        return found or text
    if owner.startswith("'") and owner.endswith("'"):
        owner = owner[1:-1].replace("''", "'")
    scoped = next((v for k, v in names.items() if k and k.lower() == owner.lower()), {})
    return scoped.get(name.lower()) or text


def _a1_style(tokens: list[Token]) -> bool:
    """Whether INDIRECT's second argument (omitted, TRUE or a non-zero number) asks for A1-style references."""
    solid = [t for t in tokens if t.type != Token.WSPACE]
    if not solid:
        return True
    if len(solid) == 1 and solid[0].type == Token.OPERAND:
        value = solid[0].value.upper()
        return value == "TRUE" or (solid[0].subtype == Token.NUMBER and float(value) != 0)
    return False


_TABLE_REFERENCE = re.compile(r"\s*(" + NAME + r")\s*\[.*\]\s*", re.S)


def indirect_targets(
    workbook: Any,
    sheet: str,
    formula: str,
    tables: Iterable[Any] = (),
    place: tuple[int, int] | None = None,
    names: dict[str, dict[str, str]] | None = None,
    budget: list[int] | None = None,
    every: frozenset[str] | None = None,
) -> list[Area] | None:
    """The areas every ``INDIRECT`` of ``formula`` (a formula cell's text on ``sheet``, at ``place``: (row, column))
    reads, or None when one of them cannot be told (see the module docstring). A formula without ``INDIRECT`` gives
    ``[]``. A text naming a table of ``tables`` (``"T[B]"``, ``"T"&"[A]"``) reads within that table's range, one
    naming a defined name of ``names`` ({sheet or "" for the workbook's: {name in lower case: reference}}) its
    reference; R1C1 text is read from ``place`` (None: cannot be told). A name without a sheet that no scope defines
    (``every``: the workbook's names of every scope, lower case; None: not known) reads nothing: Excel's #REF!.

    >>> indirect_targets(None, "S", 'INDIRECT("A1")*2+SUM(INDIRECT("\\'My Data\\'!$B$2:C3"))')
    [('S', (1, 1, 1, 1)), ('My Data', (2, 2, 3, 3))]
    >>> indirect_targets(None, "S", 'INDIRECT("R1C1",FALSE)+INDIRECT("R[-1]C",0)', place=(5, 2))
    [('S', (1, 1, 1, 1)), ('S', (2, 4, 2, 4))]
    >>> indirect_targets(None, "S", 'INDIRECT("total")', names={"": {"total": "Data!$B$9"}})
    [('Data', (2, 9, 2, 9))]
    >>> indirect_targets(None, "S", 'INDIRECT("R1C1",FALSE)') is None
    True
    >>> indirect_targets(None, "S", 'INDIRECT("A0")+SUM(INDIRECT("Sheet1:Sheet3!A1"))')  # no reference: #REF!
    []
    >>> indirect_targets(None, "S", 'INDIRECT("Nope")', every=frozenset({"total"}))
    []
    """
    try:
        tokens = list(_tokenized(formula.removeprefix("=")))
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not understand: cannot tell)
        return None
    areas: list[Area] = []
    for k, token in enumerate(tokens):
        if not (token.type == Token.FUNC and token.subtype == Token.OPEN and token.value.upper() == "INDIRECT("):
            continue
        try:
            spans = [tokens[a:b] for a, b in argument_spans(tokens, k)[0]]
        except ValueError:  # unbalanced
            return None
        r1c1 = len(spans) == 2 and _r1c1_style(spans[1])
        if len(spans) > 2 or (len(spans) == 2 and not r1c1 and not _a1_style(spans[1])) or (r1c1 and place is None):
            return None
        joined = text_of(workbook, sheet, spans[0], place, budget)
        for text in joined.split("\n") if joined is not None else [None]:  # an array of texts: each one's
            if text is not None:
                named = _named(text.strip(), sheet, names or {})  # a name's reference is A1 style in any style
                if r1c1 and place is not None and named == text.strip():
                    named = a1_of_r1c1(named, *place)  # None: no R1C1 reference (R2, a whole row): cannot tell
                text = named
            match = _TARGET.fullmatch(text.strip()) if text is not None else None
            table = _TABLE_REFERENCE.fullmatch(text) if text is not None and match is None else None
            known = {t.name.lower(): t for t in tables}
            if table is not None and table.group(1).lower() in known:  # "T[B]": within the table, whatever part
                found_table = known[table.group(1).lower()]
                areas.append((found_table.sheet, found_table.bounds))
                continue
            if table is not None or (text is not None and not text.strip()):  # no such table, or "": #REF!, reads none
                continue
            if text is not None and reference_text(text.strip()) == "#REF!":  # "A0", "Sheet1:Sheet3!A1": #REF!
                continue
            if text is not None and names_no_reference(
                text.strip(), every, known
            ):  # "Nope", no name of any scope: #REF!
                continue
            if match is None:
                return None
            target_sheet = match["quoted"].replace("''", "'") if match["quoted"] else match["bare"] or sheet
            left, top, right, bottom = range_boundaries(match["ref"].replace("$", ""))  # "A:A": the whole column
            areas.append((target_sheet, (left or 1, top or 1, right or 16384, bottom or 1048576)))
    return areas


#: a cell's or range's text without a sheet (``B2``, ``$A$1:B3``, ``A:A``, ``2:3``): no name
_CELLS = re.compile(
    r"\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+"
)


def names_no_reference(text: str, every: frozenset[str] | None, tables: Mapping[str, Any] | None) -> bool:
    """Whether INDIRECT's ``text`` is a name without a sheet (not a cell, range or table's) that no scope of the
    workbook defines (``every``: :attr:`.package.PackageInfo.all_names`, lower case; None: cannot be told) and no
    table has (``tables``: keyed by their names, lower case), so that Excel's INDIRECT gives #REF! (the dependency
    readers and :func:`.literal_indirect._literal_indirect`'s rewrite both ask here).

    >>> [names_no_reference(t, frozenset({"total"}), None) for t in ("Nope", "Total", "B2", "A:A", "S!Nope", "")]
    [True, False, False, False, False, False]
    >>> names_no_reference("Nope", None, None), names_no_reference("Sales", frozenset(), {"sales": None})
    (False, False)
    """
    if every is None or not text or "!" in text or "[" in text or _CELLS.fullmatch(text):
        return False
    return reference_text(text) == text and text.lower() not in every and text.lower() not in (tables or {})


#: the most sheet-level names written into one INDIRECT (a function takes 255 arguments: the text and the pairs)
_MOST_NAMED = 120


def many_cells(value: str) -> bool:
    """Whether a reference typed in (``C1:C3``, ``S!$A$1:$B$1``, ``A:A``) covers more than one cell."""
    area = value.rpartition("!")[2].replace("$", "")
    if ":" not in area:
        return False
    try:
        left, top, right, bottom = range_boundaries(area)
    except (ValueError, TypeError):
        return True
    return None in (left, top, right, bottom) or (left, top) != (right, bottom)


def _array_texts(tokens: list[Token], names: dict[str, str]) -> bool:
    """Whether an INDIRECT's text is made from an array: a range of several cells, a name of one or an array typed in
    (``{"Jan","Feb"}``) joined with ``&`` at the top of its first argument (not inside another call, such as
    ``MATCH(x,B1:B9,0)``)."""
    for k, b in _first_argument_tops(tokens, 0, len(tokens)):
        item = tokens[k]
        if item.type == Token.OPERAND and item.subtype == Token.RANGE:
            if many_cells(names.get(item.value.lower(), item.value)):
                return True
        elif item.type == Token.ARRAY and item.subtype == Token.OPEN:  # {"Jan","Feb"}
            inner = tokens[k + 1 : b]
            close = next((j for j, t in enumerate(inner) if t.type == Token.ARRAY and t.subtype == Token.CLOSE), 0)
            if any(t.type == Token.SEP for t in inner[:close]):
                return True
    return False


#: text functions taking one value in each argument, which Excel answers element by element when given an array
#: (``SUBSTITUTE(F1:F3,"'","''")``, ``TRIM(F1:F2)``): an INDIRECT's text made with them is an array of texts too
_ELEMENTWISE = frozenset(
    "SUBSTITUTE TRIM CLEAN UPPER LOWER PROPER LEFT RIGHT MID REPLACE REPT TEXT CONCATENATE LEN".split()
)


def _first_argument_tops(tokens: list[Token], start: int, end: int) -> Iterator[tuple[int, int]]:
    """(index, end of its argument) of every token at the top of the first argument of each INDIRECT from ``start`` to
    ``end``: not inside another call, but for the calls of :data:`_ELEMENTWISE` (``SUBSTITUTE(F1:F3,"'","''")``),
    each element of whose answer is one of the array given."""
    for i in range(start, end):
        token = tokens[i]
        if token.type != Token.FUNC or token.subtype != Token.OPEN or token.value.upper() != "INDIRECT(":
            continue
        try:
            a, b = argument_spans(tokens, i)[0][0]
        except (ValueError, IndexError):
            continue
        calls: list[bool] = []  # for each call open around the token: whether it is answered element by element
        for k in range(a, b):
            item = tokens[k]
            if item.type == Token.FUNC:
                if item.subtype == Token.OPEN:
                    calls.append(_bare(item.value) in _ELEMENTWISE)
                elif calls:
                    calls.pop()
            elif all(calls):
                yield k, b


#: the functions Excel answers reference by reference when an INDIRECT gives them an array of references
_PER_REFERENCE = frozenset("SUMIF SUMIFS COUNTIF COUNTIFS AVERAGEIF AVERAGEIFS MAXIFS MINIFS N".split())
#: the most elements an array of texts is written out for
_MOST_UNROLLED = 64


def _size(value: str) -> tuple[int, int] | None:
    area = value.rpartition("!")[2].replace("$", "")
    try:
        left, top, right, bottom = range_boundaries(area)
    except (ValueError, TypeError):
        return None
    if None in (left, top, right, bottom):
        return None
    return bottom - top + 1, right - left + 1


def _unrolled(tokens: list[Token], names: dict[str, str], array: bool) -> bool:
    """The first call of :data:`_PER_REFERENCE` whose INDIRECTs are given an array of texts made from one range
    (``SUMIF(INDIRECT("'"&Sheets&"'!A:A"),"x",INDIRECT("'"&Sheets&"'!B:B"))``) written out element by element, as
    Excel answers it where arrays are evaluated (an array formula, SUMPRODUCT):
    ``VSTACK(SUMIF(INDIRECT("'"&INDEX(Sheets,1)&"'!A:A"),..),SUMIF(..INDEX(Sheets,2)..))`` (HSTACK for a row). The
    range must be a column or row of at most :data:`_MOST_UNROLLED` cells, and the call must hold no other array.
    Changes ``tokens`` in place; False when it cannot (the caller lists the formula)."""
    stack: list[int] = []
    for i, token in enumerate(tokens):
        if token.type == Token.FUNC and token.subtype == Token.CLOSE:
            stack.pop() if stack else None
            continue
        if token.type != Token.FUNC or token.subtype != Token.OPEN:
            continue
        if token.value.upper() == "INDIRECT(" and _array_texts(tokens[i : _closing(tokens, i) + 1], names):
            break
        stack.append(i)
    else:
        return False
    if not stack or not (array or any(_bare(tokens[k].value) == "SUMPRODUCT" for k in stack)):
        return False  # a classic formula: Excel intersects the range with the formula's row or column
    start = stack[-1]
    if _bare(tokens[start].value) not in _PER_REFERENCE:
        return False
    end = _closing(tokens, start)
    inside = _indirect_text_ranges(tokens, start, end, names)  # (token index, reference) of each array made into text
    sources = {names.get(v.lower(), v).replace("$", "").lower() for _, v in inside}
    if len(sources) != 1:
        return False
    for k in range(start + 1, end):
        item = tokens[k]
        if k not in dict(inside) and item.type == Token.OPERAND and item.subtype == Token.RANGE:
            if many_cells(names.get(item.value.lower(), item.value)):
                return False  # another array in the call (criteria of several cells): not written out
        if item.type == Token.ARRAY:
            return False
    reference = inside[0][1]
    size = _size(names.get(reference.lower(), reference))
    if size is None or min(size) != 1 or max(size) > _MOST_UNROLLED:
        return False
    places = dict(inside)
    copies = []
    for n in range(1, max(size) + 1):
        copies.append(
            "".join(
                f"INDEX({t.value},{n})" if k in places else t.value
                for k, t in enumerate(tokens[start : end + 1], start)
            )
        )
    stacked = ("VSTACK(" if size[1] == 1 else "HSTACK(") + ",".join(copies) + ")"
    text = "=" + "".join(t.value for t in tokens[:start]) + stacked + "".join(t.value for t in tokens[end + 1 :])
    tokens[:] = list(Tokenizer(text).items)
    return True


def _bare(value: str) -> str:
    name = value.rstrip("(").upper()
    for prefix in ("_XLFN._XLWS.", "_XLFN.", "_XLWS."):
        name = name.removeprefix(prefix)
    return name


def _closing(tokens: list[Token], start: int) -> int:
    depth = 0
    for k in range(start, len(tokens)):
        if tokens[k].type == Token.FUNC:
            depth += 1 if tokens[k].subtype == Token.OPEN else -1
            if depth == 0:
                return k
    return len(tokens) - 1


def _indirect_text_ranges(tokens: list[Token], start: int, end: int, names: dict[str, str]) -> list[tuple[int, str]]:
    """(index, reference) of the ranges of several cells (or names of them) at the top of the first argument of each
    INDIRECT from ``start`` to ``end``."""
    found = []
    for k, _ in _first_argument_tops(tokens, start, end):
        item = tokens[k]
        if (
            item.type == Token.OPERAND
            and item.subtype == Token.RANGE
            and many_cells(names.get(item.value.lower(), item.value))
        ):
            found.append((k, item.value))
    return found


def checked_indirect(tokens: list[Token], names: dict[str, str] | None, array: bool = False) -> bool:
    """Each A1-style ``INDIRECT(text)`` left after the rewrite of references typed in as text, its text read as Excel
    reads it: ``INDIRECT(_XLR.REFTEXT(text))`` (:func:`.excel_functions.r1c1.reference_text`: a text that names no
    reference is #REF!, where the engine gave #NAME?, #VALUE! or a value), and in a workbook with sheet-level names
    (``names``: the names visible here, lower case, each sheet's own ones qualified by its title,
    :func:`.defined_names.qualify`) ``_XLR.NAMED(text,"jan!total","Jan!$B$1",...)`` inside it, for ``Sheet!Name`` text
    (:func:`.excel_functions.r1c1.named`; the engine's INDIRECT reads none: #REF!). No names past
    :data:`_MOST_NAMED`. A text not typed in is read once more first: ``IF(ISERROR(text),T(text),INDIRECT(..))``, so
    that an error is passed on as Excel does (``INDIRECT(A1)`` of a cell holding #N/A is #N/A; the engine's #VALUE!,
    so ``IFNA(INDIRECT(A1),0)`` was #VALUE!). Changes ``tokens`` in place; True when it did.
    """
    unrolled = 0
    while _array_texts(tokens, names or {}):  # INDIRECT("'"&C1:C3&"'!B2"): one call per element, or listed
        if unrolled >= 8 or not _unrolled(tokens, names or {}, array):
            tokens[:] = list(Tokenizer(f"={MANY_REFERENCES}()").items)
            return True
        unrolled += 1
    qualified = [(key, value) for key, value in (names or {}).items() if "!" in key]
    quote = '"'
    pairs = ",".join(
        f"{quote}{k.replace(quote, quote * 2)}{quote},{quote}{v.replace(quote, quote * 2)}{quote}" for k, v in qualified
    )
    changed = False
    for i, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or token.value.upper() != "INDIRECT(":
            continue
        try:
            spans = argument_spans(tokens, i)[0]
        except ValueError:
            continue
        if any(not tokens[k].value and tokens[k].type != Token.WSPACE for k in range(i + 1, spans[-1][1])):
            continue  # already rewritten (an R1C1 text read as A1: .rewrite)
        if len(spans) > 2 or (len(spans) == 2 and not _a1_style(tokens[spans[1][0] : spans[1][1]])):
            continue
        a, b = spans[0]
        if a >= b:
            continue
        text = "".join(tokens[k].value for k in range(a, b)).strip()
        solid = [t for t in tokens[a:b] if t.type != Token.WSPACE]
        typed = len(solid) == 1 and solid[0].type == Token.OPERAND and solid[0].subtype == Token.TEXT
        named = qualified and len(qualified) <= _MOST_NAMED
        tokens[a].value = f"{REFERENCE_TEXT}(" + (f"{NAMED}(" if named else "") + tokens[a].value
        tokens[b - 1].value += (f",{pairs})" if named else "") + ")"
        if not typed:  # INDIRECT(A1) of a cell holding #N/A is #N/A in Excel, the engine's INDIRECT made it #VALUE!
            token.value = f"IF(ISERROR({text}),T({text}),{token.value}"  # T: the error as a value, not a reference
            close = argument_spans(tokens, i)[1]
            tokens[close].value += ")"
        changed = True
    return changed


@functools.lru_cache(maxsize=4096)
def _tokenized(formula: str) -> tuple[Token, ...]:
    """The tokens of ``formula`` (without "="), read once per text: a formula filled down is one text many times
    (``INDIRECT("A"&ROW())``, ``OFFSET(A$2,0,0,ROW()-1)``). Raises what the tokenizer raises."""
    return tuple(Tokenizer("=" + formula).items)
