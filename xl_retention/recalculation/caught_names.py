"""A name the workbook does not define, given to a function that takes an error as a value: Excel's ``#NAME?`` there.

Excel evaluates a name no definition has (deleted in the Name Manager, or never made) as the error value ``#NAME?``,
which flows into the function around it as any error does: ``=ISERROR(FOO)`` is TRUE, ``=ISNA(FOO)`` FALSE,
``=ERROR.TYPE(FOO)`` 5, ``=COUNT(FOO,1)`` 1, ``=COUNTA(FOO,1)`` 2 (Microsoft's IS functions, ERROR.TYPE, COUNT and
COUNTA pages; LibreOffice gives the same). The engine fails the whole cell with #NAME? instead (IFERROR aside), where
Excel's own file may store TRUE (H516's finding 04). :func:`caught_names` writes such a name, where one of
:data:`CATCHING`'s functions is given it (at any depth), as the error literal ``#NAME?``; a cell using the name
elsewhere too (``=FOO``, ``=FOO+1``, ``=FOO+ISNA(FOO)``) is left alone: its #NAME? gets the reason naming the name
(:mod:`.undefined_names`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..cells import CellError
from .excel_functions.arguments import rewrite_arguments
from .formula_texts import position
from .formula_tokens import _bare_name, argument_spans
from .undefined_totals import undefined_name

if TYPE_CHECKING:
    from .formula_texts import FormulaTexts

__all__ = ["CATCHING", "caught_names"]

#: the functions whose value for an error argument is no error (an IS function's FALSE or TRUE, ERROR.TYPE's number,
#: TYPE's 16, COUNT leaving it out, COUNTA counting it); IFERROR(FOO,0) the engine gives itself, and a name used
#: under IFERROR only is no use inside these (the tracker's Dashboard C6 keeps its #NAME? and reason)
CATCHING = frozenset(
    (
        "ISERROR", "ISERR", "ISNA", "ISNUMBER", "ISTEXT", "ISNONTEXT", "ISLOGICAL", "ISBLANK", "ISREF",
        "ERROR.TYPE", "TYPE", "COUNT", "COUNTA",
    )
)  # fmt: skip
_HINT = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in sorted(CATCHING)) + r")\(")
#: LET and LAMBDA name parameters of their own: such a formula is left to the engine
_BINDERS = frozenset(("LET", "LAMBDA"))


def caught_names(
    formulas: dict[str, FormulaTexts],
    values: dict[str, dict[str, Any]],
    path: str | Path,
    skip: set[tuple[str, str]],
) -> list[tuple[str, str, str]]:
    """(sheet, ref, formula) of each ``#NAME?`` cell (``values``, the engine's) not in ``skip`` whose formula gives a
    name the workbook at ``path`` does not define to one of :data:`CATCHING`'s functions, the formula with each such
    use written ``#NAME?`` (and Excel's argument checks made explicit: COUNT leaves an error argument out)."""
    waiting = [
        (sheet, ref)
        for sheet, cells in values.items()
        for ref, value in cells.items()
        if type(value) is CellError and value.code == "#NAME?" and not value.message and (sheet, ref) not in skip
    ]
    found: list[tuple[str, str, str]] = []
    defined: dict[str, str] | None = None
    for sheet, ref in waiting:
        texts = formulas.get(sheet)
        place = position(ref)
        if texts is None or place not in texts or _HINT.search(texts[place].upper()) is None:
            continue
        if defined is None:
            from .undefined_names import package_names  # noqa: PLC0415  (a workbook with a #NAME? only: lazy_reasons)

            defined = package_names(path)
            if defined is None:
                return []
        new = caught_in("=" + texts[place], set(defined))
        if new is not None:
            found.append((sheet, ref, rewrite_arguments(new)))
    return found


def caught_in(formula: str, known: set[str]) -> str | None:
    """``formula`` with each name not in ``known`` (lower case) written ``#NAME?`` when each is given, at any depth, to
    one of :data:`CATCHING`'s functions; None when there is none, or one is used elsewhere too (the tracker's
    Dashboard B6 reading a deleted Customers_CRR in and out of ISERROR: its #NAME? and the reason naming the name
    stay, a refusal where the answer would be a silent "").

    >>> caught_in("=ISERROR(FOO)", set()), caught_in("=FOO+ISNA(FOO)", set()), caught_in("=ISERROR(Rate)", {"rate"})
    ('=ISERROR(#NAME?)', None, None)
    >>> caught_in("=COUNT(SUM(FOO),1)", set()), caught_in("=FOO", set()), caught_in("=ISERROR(LET(x,1,x))", set())
    ('=COUNT(SUM(#NAME?),1)', None, None)
    """
    try:
        tokens = Tokenizer(formula).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer cannot read: left to the engine)
        return None
    opens = [k for k, t in enumerate(tokens) if t.type == Token.FUNC and t.subtype == Token.OPEN]
    if any(_bare_name(tokens[k].value[:-1]) in _BINDERS for k in opens):
        return None
    inside = [False] * len(tokens)
    for k in opens:
        if _bare_name(tokens[k].value[:-1]) in CATCHING:
            close = argument_spans(tokens, k)[1]
            for j in range(k + 1, min(close, len(tokens))):
                inside[j] = True
    uses = [k for k, token in enumerate(tokens) if undefined_name([token], known) is not None]
    if not uses or not all(inside[k] for k in uses):  # =FOO+ISNA(FOO): its #NAME? and the reason naming FOO
        return None
    for k in uses:
        tokens[k] = Token("#NAME?", Token.OPERAND, Token.ERROR)
    return "=" + "".join(token.value for token in tokens)
