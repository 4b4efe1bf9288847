"""Whole columns given to this package's fits and aggregates (``=SBG_FIT(C:J)``), cut to the rows in use.

A cohort triangle or a customer list typed over whole columns is what a finance user writes in Excel; the engine
hands such an argument to the function as all of its 1,048,576 rows, so ``=SBG_FIT(C:J)`` over a 15-cell triangle
took 47-72 s and 1 GB (H278's finding 03) where ``=SBG_FIT(C1:J2)`` takes a second. The arguments the core takes
whole (:attr:`xl_retention.registry.Argument.whole`: a table of cohorts, a column of customers' figures) read blank
rows as nothing (a cohort row or customer with no figures), so the rows below the last one in use give the same
result as Excel's whole column (checked for every such function: tests/test_h281_whole_column_fits.py).
:func:`bound_whole_arguments` writes each such whole column as the area from row 1 to the last row in use in the
call's whole columns (one common last row, so that columns read side by side keep one length); a sheet where a
dynamic array may spill into those columns (its rows unknown before the evaluation) is left as it is. Whole rows
(``=SBG_FIT(1:2)``, cohorts across) are cut the same way, to the last column in use in the call's whole rows, and a
defined name referring to a whole column or row (``Tri``: C!$C:$J) is written as the area it is cut to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token, TokenizerError
from openpyxl.utils.cell import column_index_from_string, get_column_letter

from .formula_tokens import _WHOLE

__all__ = ["bound_whole_arguments"]

#: the last row in use in columns (left, right) of a sheet, formulas included; None when it cannot be known
RowsIn = Callable[[str, int, int], "int | None"]
#: the last column in use in rows (top, bottom) of a sheet, formulas included; None when it cannot be known
ColumnsIn = Callable[[str, int, int], "int | None"]


@lru_cache(maxsize=1)
def _whole_positions() -> dict[str, frozenset[int]]:
    """Our functions -> the positions of the arguments their core takes whole."""
    from ..registry import FUNCTIONS  # noqa: PLC0415  (the metrics' own modules: loaded with the engine, not before)

    positions = {f.name: frozenset(k for k, a in enumerate(f.args) if a.whole) for f in FUNCTIONS}
    return {name: found for name, found in positions.items() if found}


@lru_cache(maxsize=1)
def _calls() -> re.Pattern[str]:
    names = "|".join(sorted(map(re.escape, _whole_positions()), key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w])(?:_xludf\.)?(?:{names})\(")


def _bare(name: str) -> str:
    upper = name.upper()
    for prefix in ("_XLUDF.", "_XLFN."):
        upper = upper.removeprefix(prefix)
    return upper


def _sheet(prefix: str, sheet: str) -> str:
    named = prefix[:-1]
    return named[1:-1].replace("''", "'") if named.startswith("'") else named or sheet


def bound_whole_arguments(
    text: str,
    sheet: str,
    rows_in: RowsIn | None,
    columns_in: ColumnsIn | None = None,
    names: dict[str, str] | None = None,
) -> str:
    """``text`` (a formula with ``=``) with each whole column given to an argument our function takes whole written
    from row 1 to the last row in use in that call's whole columns, each whole row from column A to the last column
    in use in its whole rows; ``text`` itself where there is none or the extent in use cannot be known (``rows_in``
    or ``columns_in`` None or answering None). ``sheet``: the formula's sheet; ``names``: the defined names visible
    there, lower-cased, and what they refer to (one whole column or row there is cut and written in the name's place).

    >>> bound_whole_arguments("=SBG_FIT(C:J)", "S", lambda s, a, b: 2)
    '=SBG_FIT($C$1:$J$2)'
    >>> bound_whole_arguments("=INDEX(BGNBD_FIT(D!A:A,D!B:B,D!$C:$C),1,2)+SUM(A:A)", "S", lambda s, a, b: 9 - a)
    '=INDEX(BGNBD_FIT(D!$A$1:$A$8,D!$B$1:$B$8,D!$C$1:$C$8),1,2)+SUM(A:A)'
    >>> bound_whole_arguments("=SBG_FIT(C:J)", "S", lambda s, a, b: None)
    '=SBG_FIT(C:J)'
    >>> bound_whole_arguments("=SBG_FIT(1:2)", "S", None, lambda s, a, b: 8)
    '=SBG_FIT($A$1:$H$2)'
    >>> bound_whole_arguments("=SBG_FIT(Tri)", "S", lambda s, a, b: 2, None, {"tri": "'C'!$C:$J"})
    "=SBG_FIT('C'!$C$1:$J$2)"
    """
    named = _whole_names(names)
    if (rows_in is None and columns_in is None) or (":" not in text and not named) or _calls().search(text) is None:
        return text
    try:
        tokens = Tokenizer(text).items
    except TokenizerError:
        return text
    changed = False
    stack: list[tuple[str, int, list[tuple[Token, str]]]] = []  # open calls: (name, position, wholes given)
    for token in tokens:
        if token.subtype == Token.OPEN:  # a call, a bracket or an array constant's braces
            stack.append((_bare(token.value[:-1]) if token.type == Token.FUNC else "", 0, []))
        elif token.type == Token.SEP and token.subtype == Token.ARG and stack:
            name, position, wholes = stack[-1]
            stack[-1] = (name, position + 1, wholes)
        elif token.subtype == Token.CLOSE and stack:
            name, _, wholes = stack.pop()
            if name and wholes:
                changed = _bounded(wholes, sheet, rows_in, columns_in) or changed
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE and stack:
            name, position, wholes = stack[-1]
            reference = named.get(token.value.lower(), token.value)
            if _WHOLE.match(reference) is not None and position in _whole_positions().get(name, ()):
                wholes.append((token, reference))
    return "=" + "".join(t.value for t in tokens) if changed else text


def _whole_names(names: dict[str, str] | None) -> dict[str, str]:
    """The names of ``names`` referring to one whole column or row (``'C'!$C:$J``), with that reference."""
    found = {}
    for name, target in (names or {}).items():
        reference = target.strip().removeprefix("=")
        if _WHOLE.match(reference) is not None:
            found[name.lower()] = reference
    return found


def _bounded(wholes: list[tuple[Token, str]], sheet: str, rows_in: RowsIn | None, columns_in: ColumnsIn | None) -> bool:
    """One call's whole columns written down to their common last row in use, its whole rows across to their common
    last column in use; False when a kind's extent cannot be known (that kind left as it is)."""
    columns, rows = [], []
    for token, reference in wholes:
        match = _WHOLE.match(reference)
        assert match is not None
        prefix = match.group("sheet") or ""
        if match.group("c1"):
            first, final = sorted(column_index_from_string(match.group(c).upper()) for c in ("c1", "c2"))
            columns.append((token, prefix, first, final))
        else:
            first, final = sorted(int(match.group(r)) for r in ("r1", "r2"))
            rows.append((token, prefix, first, final))
    changed = False
    for spans, extent in ((columns, rows_in), (rows, columns_in)):
        last = _last(spans, sheet, extent)
        if last is None:
            continue
        for token, prefix, first, final in spans:
            if spans is columns:
                token.value = f"{prefix}${get_column_letter(first)}$1:${get_column_letter(final)}${last}"
            else:
                token.value = f"{prefix}$A${first}:${get_column_letter(last)}${final}"
        changed = True
    return changed


def _last(spans: list[tuple[Token, str, int, int]], sheet: str, extent: RowsIn | ColumnsIn | None) -> int | None:
    """The common last row (column) in use across the whole columns (rows) ``spans``; None when there are none or
    it cannot be known."""
    if not spans or extent is None:
        return None
    last = 0
    for _, prefix, first, final in spans:
        used = extent(_sheet(prefix, sheet), first, final)
        if used is None:
            return None
        last = max(last, used)
    return max(last, 1)
