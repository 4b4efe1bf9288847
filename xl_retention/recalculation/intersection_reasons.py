"""Why a classic formula is #VALUE! where it reads a range as one value: the range has no cell in its row or column.

``=SUM(N(+B7:M7))`` in A1, ``=B7:M7+0``, ``=SUM(B7:M7*2)``, ``=ABS(B7:M7)``: an operator, or a function taking one
value, reads the range as the one cell of it in the formula's own column (a one-row range) or row (a one-column
range) -- Excel's implicit intersection, which its classic (non-array) formulas apply and Excel 365 shows as ``@``
-- and a cell outside the range's columns (rows) gets #VALUE!, as in Excel (``=SUM(A1:A3*B1:B3)`` entered normally in
another row: MrExcel's "Normal v Array formulae"; in its own rows, A2*B2). The rewrite (:mod:`.intersection`) writes
such a range as ``#VALUE!`` and the engine keeps only the code, so the cell was listed with no reason.
:func:`intersection_reasons` names the range and the row or column the formula misses: ``+B7:M7 reads S!B7:M7 as
one value, the cell in the formula's own column (a classic, non-array formula's implicit intersection), and S!A1 is
in column A, outside columns B-M: to read each of its cells, enter the formula as an array formula (Ctrl+Shift+Enter)
(#VALUE!)``.

(LibreOffice 7.4 reads ``SUM(+B7:M7)`` as the whole range, 78 for 1..12, where Excel intersects; its ``N(B7:M7)``
is #VALUE! where Excel's is the first cell, :mod:`.first_cells`.)
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..cells import CellError
from .classic_spills import reference_result
from .defined_names import defined_formulas
from .formula_texts import position
from .formula_tokens import _bare_name, _bounds
from .intersection import SPOT, _implicit
from .lambda_calls import named_lambdas
from .let_companions import let_companions
from .let_references import let_inlined
from .moved_reasons import moved_cause
from .one_value_reads import one_value_reason, read_as_one_value
from .unexplained import unexplained_errors
from .value_origins import evaluated

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["intersection_reasons"]

#: the #VALUE! cells looked at (each a tokenizing of its formula; no evaluation)
MAX_LOOKED_AT = 1000


def intersection_reasons(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    result: Computed,
    names: dict[str, dict[str, str]] | None = None,
    path: str | os.PathLike[str] | None = None,
) -> int:
    """Give each #VALUE! cell without a reason, a classic formula's, that reads a range as one value where the range
    has no cell in its row or column (:func:`.intersection._implicit`) and whose formula the engine was given with
    ``#VALUE!`` there, that reason; returns how many got one. ``names``: the defined names of references by scope
    ("" the workbook's); ``path``: the workbook's package, whose names defined as a LAMBDA are read as called in place
    (``=Id(B5:C5)+0`` as ``=LAMBDA(x,x)(B5:C5)+0``)."""
    named = 0
    lambdas: dict[str, dict[str, str]] | None = None  # the names defined by a formula, by scope (read once, if needed)
    for sheet, ref, place, text, _error in unexplained_errors(formulas, result, "#VALUE!", _has_range, MAX_LOOKED_AT):
        if ref in result.members.get(sheet, {}) or _array_formula(formulas, sheet, place):
            continue
        if path is not None and "(" in text:  # =Id(B5:C5)+0 of a name Id = LAMBDA(x,x): LAMBDA(x,x)(B5:C5)+0
            lambdas = _formula_names(path) if lambdas is None else lambdas
            text = _called_in_place(text, {**lambdas.get("", {}), **lambdas.get(sheet, {})})
        try:
            engine = workbook.get_formula(sheet, *place) or ""
        except Exception:  # noqa: BLE001  (a cell the engine cannot give)
            continue
        written_error, spots = "#VALUE!" in engine.upper(), SPOT.upper() + "(" in engine.upper()
        if "#VALUE!" in text.upper() or not (written_error or spots):
            continue  # no range of it was written as #VALUE! or intersected when it runs (or it types #VALUE!)
        visible = {**(names or {}).get("", {}), **(names or {}).get(sheet, {})}
        reason = None
        if written_error:
            reason = _cause(sheet, ref, place, text, visible) or _result_cause(sheet, ref, place, text)
        if reason is None and written_error and "LET(" in text.upper():  # =LET(a,B5:C5,a+0) in column E: a's
            reason = _cause(sheet, ref, place, let_inlined(text) or text, visible)  # range, as B5:C5+0
        if reason is None and written_error and "LET(" in text.upper():  # =LET(a,IF(..,B5:C5,..),a+0): as its
            reason = _cause(sheet, ref, place, (let_companions("=" + text) or "=").removeprefix("="), visible)
        moved = reason is None
        if moved:  # =LET(a,INDEX(B2:C4,2,0),a+0), =OFFSET(B2,1,0,1,2)*2, =LAMBDA(x,x)(B5:C5) in column E
            reason = moved_cause(sheet, ref, place, text)
        if reason is not None and caused(workbook, sheet, place, engine, spots=moved):
            result.values[sheet][ref] = CellError("#VALUE!", f"{reason} (#VALUE!)")
            named += 1
    return named + _argument_reasons(workbook, formulas, result, names)


def _formula_names(path: str | os.PathLike[str]) -> dict[str, dict[str, str]]:
    """The package's names defined by a formula, by scope (:func:`.defined_names.defined_formulas`); none where the
    package is not read."""
    try:
        return defined_formulas(str(path))
    except Exception:  # noqa: BLE001  (no package read: no name followed)
        return {}


def _called_in_place(text: str, defined: dict[str, str]) -> str:
    """``text`` (a formula, with or without ``=``) with each call of a name of ``defined`` (lower case -> its formula)
    that is a LAMBDA written as that LAMBDA called in place, as the rewrite gives it to the engine; as it is when
    there is none (or the text is not read)."""
    if not defined:
        return text
    try:
        tokens = list(Tokenizer("=" + text.removeprefix("=")).items)
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read: as it is)
        return text
    called = named_lambdas(tokens, defined)
    return called[0].removeprefix("=") if called is not None else text


def _argument_reasons(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    result: Computed,
    names: dict[str, dict[str, str]] | None,
) -> int:
    """Give each #VALUE! cell whose xl-retention function said only "F: argument is the error value #VALUE!" (or, of
    a range argument, "F: scores holds the error value #VALUE! in cell 1 of scores") where that argument reads a range
    as one value with no cell in the formula's row or column (``=CRR(G2:G6*1,..)``, ``=NPS(A1:A7*1)`` in row 10) why:
    the range, the row missed, and what to write instead; returns how many got one."""
    from .error_arguments import _ERROR_ARGUMENT, _argument_text  # noqa: PLC0415  (error_arguments imports ours)

    named = 0
    looked_at = 0
    for sheet, cells in result.values.items():
        texts = formulas.get(sheet)
        if texts is None:
            continue
        for ref, value in list(cells.items()):
            if type(value) is not CellError or value.code != "#VALUE!" or not value.message:
                continue
            message = value.message
            held = _HELD_ERROR.match(message)  # =NPS(A1:A7*1): the one value, #VALUE!, given as a range of one cell
            if held is not None:
                message = f"{held['function']}: {held['argument']} is the error value #VALUE! (#VALUE!)"
            found = _ERROR_ARGUMENT.match(message)
            place = position(ref)
            if found is None or found["error"] != "#VALUE!" or place not in texts:
                continue
            looked_at += 1
            if looked_at > MAX_LOOKED_AT:
                return named
            if ref in result.members.get(sheet, {}) or _array_formula(formulas, sheet, place):
                continue
            argument = _argument_text(message, texts[place])
            if argument is None or _bounds(argument.strip()) is not None:
                continue  # a bare range is given to the function whole, not read as one value
            visible = {**(names or {}).get("", {}), **(names or {}).get(sheet, {})}
            cause = _cause(sheet, ref, place, argument, visible, called=held is None)  # NPS: its array formula
            if cause is None:
                continue
            head = message.rpartition(" (")[0]
            cells[ref] = CellError("#VALUE!", f"{head}: {cause} (#VALUE!)")
            named += 1
    return named


#: a range-taking function's reason for its one cell holding #VALUE! (``NPS: scores holds the error value #VALUE! in
#: cell 1 of scores (#VALUE!)``): a classic formula's argument read as one value gives such a range (H490's finding 05)
_HELD_ERROR = re.compile(
    r"^(?P<function>[A-Z_][A-Z0-9_.]*): (?P<argument>\w+) holds the error value #VALUE! in cell 1 of (?P=argument) "
    r"\(#VALUE!\)$"
)


def caused(workbook: fz.Workbook, sheet: str, place: tuple[int, int], engine: str, spots: bool = False) -> bool:
    """Whether the formula the engine was given at ``place`` (each range without a cell there written ``#VALUE!``)
    gives no #VALUE! with those written 0: the ranges are its cause (``IF(FALSE,B7:M7+0,"x"+1)``'s is "x"+1).
    ``spots``: each intersection made when the formula runs (``_XLR.SPOT(..)``, OFFSET's) takes the first cell too."""
    try:
        tokens = Tokenizer(engine if engine.startswith("=") else "=" + engine).items
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read: not said)
        return False
    for k, token in enumerate(tokens):
        if token.type == Token.OPERAND and token.subtype == Token.ERROR and token.value.upper() == "#VALUE!":
            token.value, token.subtype = "0", Token.NUMBER
        elif _marked_index(tokens, k):  # INDEX(B2:C4,2,0) without a cell there: IFERROR(#VALUE!), one argument
            token.value = "("
        elif spots and token.type == Token.FUNC and token.value.upper() == SPOT.upper() + "(":
            token.value = "MIN(1,"  # SPOT(place, first, count, other): every argument 1 or more
    held = evaluated(workbook, sheet, *place, "=" + "".join(t.value for t in tokens))
    return not (isinstance(held, dict) and str(held.get("kind", "")).upper() in ("#VALUE!", "VALUE"))


def _marked_index(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` opens the rewrite's ``IFERROR(#VALUE!)`` (:func:`.intersection._index_error`): an INDEX
    call read as one value with no cell in the formula's row or column, a call of one argument the engine refuses."""
    return (
        tokens[k].type == Token.FUNC
        and tokens[k].subtype == Token.OPEN
        and tokens[k].value.upper() == "IFERROR("
        and k + 2 < len(tokens)
        and tokens[k + 1].value.upper() in ("#VALUE!", "0")
        and tokens[k + 2].type == Token.FUNC
        and tokens[k + 2].subtype == Token.CLOSE
    )


def _has_range(text: str) -> bool:
    return ":" in text or any(c.isalpha() for c in text)


def _array_formula(formulas: dict[str, FormulaTexts], sheet: str, place: tuple[int, int]) -> bool:
    """Whether the formula at ``place`` is an array formula (Ctrl+Shift+Enter or Excel 365's dynamic array)."""
    texts = formulas.get(sheet)
    if texts is None:
        return False
    try:
        cell = texts._cells[texts.refs[place]]  # noqa: SLF001  (the scanned cell's attributes)
    except (AttributeError, KeyError):
        return False
    return getattr(cell, "kind", "normal") == "array" or bool(getattr(cell, "attrs", {}).get("cm"))


def _cause(
    sheet: str, ref: str, place: tuple[int, int], text: str, names: dict[str, str], called: bool = False
) -> str | None:
    """The first range ``text`` (the formula of ``sheet!ref`` at ``place``) reads as one value that has no cell in the
    formula's row or column, and why; None where there is none. ``called``: ``text`` is an argument of an
    xl-retention function (the advice is its dynamic form or one cell)."""
    try:
        tokens = [t for t in Tokenizer("=" + text).items if t.type != Token.WSPACE]
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read)
        return None
    row, column = place
    calls: list[list] = []  # [function, argument position, its opening token] of each open call
    for i, token in enumerate(tokens):
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            calls.append([_bare_name(token.value[:-1]), 0, i])
        elif token.type == Token.FUNC and token.subtype == Token.CLOSE and calls:
            calls.pop()
        elif token.type == Token.SEP and token.subtype == Token.ARG and calls:
            calls[-1][1] += 1
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE:
            reference = names.get(token.value.lower(), token.value)
            if _implicit(reference, row, column) != "#VALUE!" or not read_as_one_value(tokens, i, calls):
                continue
            return one_value_reason(sheet, ref, place, tokens, i, reference, called)
    return None


def _result_cause(sheet: str, ref: str, place: tuple[int, int], text: str) -> str | None:
    """Why a classic formula giving a range as its result (``=LET(a,B5:C5,a)`` in column E, :mod:`.classic_spills`)
    is #VALUE!: the range has no cell in the formula's row or column; None for any other formula."""
    reference = reference_result(text)
    if reference is None or _implicit(reference, *place) != "#VALUE!":
        return None
    try:
        tokens = list(Tokenizer("=" + reference).items)
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read)
        return None
    return one_value_reason(sheet, ref, place, tokens, 0, reference) if len(tokens) == 1 else None
