"""The calls of one function in the #VALUE! cells left without a reason, and the values of their arguments: shared by
the steps that read a call's arguments as the function does to name its #VALUE! (:mod:`.regex_reasons`,
:mod:`.numbervalue_reasons`).

:func:`unexplained_calls` yields each call (its arguments' texts, not inside a text typed in) of each such cell;
:func:`name_call` gives the cell the call's reason where the call is its cause (the cell's further calls are then
passed over); :func:`argument_value` reads an argument's text: typed in, one cell's value, or what its expression
gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..cells import CellError
from ..sheet_names import written
from .read_cells import SINGLE as _SINGLE
from .read_cells import cells_read as _cells_read
from .reason_cells import call_end
from .text_literals import LITERALS as _LITERALS
from .text_value_reasons import caused
from .unexplained import unexplained_errors
from .value_origins import evaluated

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["Call", "argument_value", "name_call", "unexplained_calls"]


@dataclass(frozen=True)
class Call:
    """One call in the formula of a #VALUE! cell without a reason."""

    sheet: str
    ref: str
    place: tuple[int, int]
    formula: str
    #: the match of the call's name and opening bracket (its groups the caller's pattern's)
    match: re.Match[str]
    #: its top-level argument texts (:func:`.reason_cells.call_end`)
    arguments: list[str]
    #: the call as written, name to closing bracket
    text: str


def unexplained_calls(
    formulas: dict[str, FormulaTexts], result: Computed, call: re.Pattern[str], limit: int
) -> Iterator[Call]:
    """Each closed call ``call`` finds (its match ending at the opening bracket) outside the texts typed in, in the
    formula of each #VALUE! cell of ``result`` without a reason (at most ``limit`` cells: :mod:`.unexplained`); once
    a call gave its cell a reason (:func:`name_call`), the cell's further calls are passed over."""
    for sheet, ref, place, formula, _error in unexplained_errors(formulas, result, "#VALUE!", call.search, limit):
        bare = _LITERALS.sub(lambda m: "_" * len(m.group(0)), formula)  # no call found inside a text
        for match in call.finditer(bare):
            end = call_end(formula, match.end())
            if end is None:
                continue
            yield Call(sheet, ref, place, formula, match, end[0], formula[match.start() : end[1]])
            if result.values[sheet][ref].message:
                break


def name_call(
    workbook: fz.Workbook, result: Computed, call: Call, reason: str, stand_ins: tuple[str, ...] = ("0",)
) -> bool:
    """Give ``call``'s cell the reason ``reason`` (``REGEXTEST: the pattern ...``; its code appended) where the call
    is the cause of its #VALUE! (:func:`.text_value_reasons.caused`, the call written as one of ``stand_ins``);
    whether it was given."""
    if not any(caused(workbook, call.sheet, call.place, call.formula, call.text, s) for s in stand_ins):
        return False
    result.values[call.sheet][call.ref] = CellError("#VALUE!", f"{reason} (#VALUE!)")
    return True


def argument_value(workbook: fz.Workbook, sheet: str, place: tuple[int, int], argument: str) -> tuple[str, Any]:
    """(where it is said to come from, the value) of an argument text: typed in (""), one cell's value (`` in
    S!A2``), or what the expression gives (`` (what ... gives)``); None where not read."""
    argument = argument.strip()
    if _LITERALS.fullmatch(argument):
        return "", argument[1:-1].replace('""', '"')
    if _SINGLE.fullmatch(argument):
        for _, where, letters, row, _column, held in _cells_read(workbook, _SINGLE, argument, sheet):
            return f" in {written(where)}!{letters.upper()}{row}", held
        return "", None
    return f" (what {argument} gives)", evaluated(workbook, sheet, *place, "=" + argument)
