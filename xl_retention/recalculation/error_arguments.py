"""The cell an xl-retention function's error argument comes from: "churn_rate is the error value #VALUE!" named.

``=CLV(100,0.8,B1)`` with B1 ``#VALUE!`` (``=CRR(A1,1,10)``, 'n/a' typed in A1): the function's own reason, "CLV:
churn_rate is the error value #VALUE!", named no cell, where ``=B1*2`` got B1's reason passed on ("CRR: ... got
'n/a', in S!A1 (#VALUE!), from S!B1"). :func:`error_arguments` clears such a reason where the argument reads one cell
holding that error, so that :func:`~.reasons.pass_reasons_on` passes that cell's reason on; the reason it keeps
where none is found names the cell: "CLV: churn_rate is the error value #N/A in S!B1 (#VALUE!)".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..cells import CellError
from ..registry import BY_NAME
from ..sheet_names import NAME, SHEET, written
from .formula_texts import position
from .literal_reasons import _argument_cells
from .read_cells import SINGLE as _SINGLE
from .xlsx_values import Resized

if TYPE_CHECKING:
    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["error_arguments"]

_NAME_TOKEN = re.compile(r"(?<![\w.$'!\[\]])(" + NAME + r")(?![\w.(!\[])")

_ERROR_ARGUMENT = re.compile(
    r"^(?P<function>[A-Z_][A-Z0-9_.]*): (?P<argument>\w+) is the error value (?P<error>#[A-Z0-9/!?]+) "
    r"\((?P<code>#[A-Z0-9/!?]+)\)$"
)


def error_arguments(
    formulas: dict[str, FormulaTexts],
    result: Computed,
    names: dict[str, dict[str, str]] | None = None,
    text_of: Callable[[str, str, str], str] | None = None,
) -> dict[tuple[str, str], str]:
    """Clear the reason "F: argument is the error value #X (#VALUE!)" of each error cell whose formula gives that
    argument from one cell holding ``#X`` as its own code (that cell's reason passed on later); returns, by (sheet,
    cell), the reason naming that cell, for the cells whose reason nothing passes on. Another code, or a range
    holding it (``SUM(T!B2:B3)``): the reason names the cell at once, "... is the error value #N/A in S!A2".
    ``names``: the defined names of a reference by scope (``Churn``: S!$B$1); ``text_of(sheet, cell, formula)``: the
    formula with its structured references as ranges."""
    sheets = {sheet.lower(): sheet for sheet in result.values}
    cleared: dict[tuple[str, str], str] = {}
    for sheet, cells in result.values.items():
        texts = formulas.get(sheet)
        if texts is None:
            continue
        for ref, value in cells.items():
            spilled = value if type(value) is Resized else None  # =SBG_SURVIVAL(K1,L1,A6:A10) spilled (H296's 05)
            value = value.value if spilled is not None else value
            if type(value) is not CellError or not value.message or position(ref) not in texts:
                continue
            found = _ERROR_ARGUMENT.match(value.message)
            if found is None or found["code"] != value.code:
                continue
            formula = texts[position(ref)] if text_of is None else text_of(sheet, ref, texts[position(ref)])
            read = _argument_cells(_ERROR_ARGUMENT, value.message, formula) or []
            read += _argument_names(value.message, formula, sheet, names)  # =CLV(100,0.8,Churn)
            for written_ref in read:
                match = _SINGLE.fullmatch(written_ref)
                if match is None:
                    continue
                quoted = match.group(1)
                where = sheets.get(quoted.strip("'").replace("''", "'").lower()) if quoted else sheet
                target = f"{match.group(2).upper()}{match.group(3)}"
                held = result.values.get(where or "", {}).get(target)
                if type(held) is CellError and held.code == found["error"]:
                    head = value.message.rpartition(" (")[0]
                    reason = f"{head} in {written(where or sheet)}!{target} ({value.code})"
                    if held.code == value.code and spilled is None:  # its reason passed on (pass_reasons_on)
                        cleared[(sheet, ref)] = reason
                        cells[ref] = CellError(value.code)
                    else:
                        _put(result, sheet, ref, CellError(value.code, reason), spilled)
                    break
            else:  # =CLV(100,0.8,SUM(T!B2:B3)): the first cell, row by row, of a range it reads holding #X
                text = _named_areas(_argument_text(value.message, formula) or "", sheet, names)
                held_at = _in_areas(text or "", sheet, sheets, result, found["error"])
                if held_at is not None:
                    head = value.message.rpartition(" (")[0]
                    named = CellError(value.code, f"{head} in {written(held_at[0])}!{held_at[1]} ({value.code})")
                    _put(result, sheet, ref, named, spilled)
    return cleared


def _put(result: Computed, sheet: str, ref: str, error: CellError, spilled: Resized | None) -> None:
    """``error`` in ``sheet!ref``; where ``ref`` anchors a dynamic array (``spilled``), its spill range kept."""
    result.values[sheet][ref] = Resized(error, spilled.ref) if spilled is not None else error


def as_anchor_named(result: Computed, sheet: str, anchor: str, formula: str, reason: str) -> str:
    """A spilled cell's ``reason`` (its element's: "SBG_SURVIVAL: alpha is the error value #SPILL! (#VALUE!)") as its
    array's first cell ``anchor`` (whose ``formula`` gives that argument as one cell, the same for every element)
    names that error argument ("... #SPILL! in S!K1, because ..."); else ``reason`` (B7:B10 of B6's spill, H296's
    finding 05)."""
    held = result.values.get(sheet, {}).get(anchor)
    held = held.value if type(held) is Resized else held
    found = _ERROR_ARGUMENT.match(reason)
    if found is None or type(held) is not CellError or not held.message or held.code != found["code"]:
        return reason
    argument = (_argument_text(reason, formula) or "").strip()
    if _SINGLE.fullmatch(argument) is None:  # a range: each element reads its own cell
        return reason
    head = reason.rpartition(" (")[0]
    named = held.message.startswith(f"{head} in ") and held.message[len(head) + 4 :].replace("'", "").upper()
    cell = argument.replace("$", "").replace("'", "").upper()
    return held.message if named and named.startswith(cell if "!" in cell else f"{sheet.upper()}!{cell}") else reason


_AREA = re.compile(r"(?<![\w.$])(?:(" + SHEET + r")!)?\$?([A-Za-z]{1,3})\$?(\d+):\$?([A-Za-z]{1,3})\$?(\d+)(?![\w(!])")


def _in_areas(text: str, sheet: str, sheets: dict[str, str], result: Computed, error: str) -> tuple[str, str] | None:
    """(sheet, cell) of the first formula cell, row by row, of the first range ``text`` reads that holds ``error``."""
    for match in _AREA.finditer(text):
        where = sheets.get(match.group(1).strip("'").replace("''", "'").lower()) if match.group(1) else sheet
        if where is None:
            continue
        (left, top), (right, bottom) = (
            position(match.group(2).upper() + match.group(3))[::-1],
            position(match.group(4).upper() + match.group(5))[::-1],
        )
        inside = [
            (position(ref), ref)
            for ref, held in result.values.get(where, {}).items()
            if type(held) is CellError and held.code == error
            and min(top, bottom) <= position(ref)[0] <= max(top, bottom)
            and min(left, right) <= position(ref)[1] <= max(left, right)
        ]  # fmt: skip
        if inside:
            return where, min(inside)[1]
    return None


def _named_areas(text: str, sheet: str, names: dict[str, dict[str, str]] | None) -> str:
    """``text`` with each defined name of a range (``Rates``: 'My data'!$C$1:$C$2) written as that range."""
    if not names:
        return text
    targets = {n.lower(): t.strip().removeprefix("=") for scope in ("", sheet) for n, t in names.get(scope, {}).items()}

    def target(match: re.Match[str]) -> str:
        found = targets.get(match.group(1).lower(), "")
        return found if _AREA.fullmatch(found) else match.group(0)

    return _NAME_TOKEN.sub(target, text)


def _argument_text(message: str, formula: str) -> str | None:
    """The text of the argument the reason ``message`` names, in ``formula`` calling the function once."""
    from .literal_reasons import _LITERALS
    from .reason_cells import _arguments

    found = _ERROR_ARGUMENT.match(message)
    function = BY_NAME.get(found["function"]) if found is not None else None
    if found is None or function is None:
        return None
    specs = [a.name for a in function.args]
    calls = _arguments(_LITERALS.sub('""', formula), function.name)
    k = specs.index(found["argument"]) if found["argument"] in specs else len(specs)
    if len(calls) != 1 or k >= len(calls[0]):
        return None
    return calls[0][k]


def _argument_names(message: str, formula: str, sheet: str, names: dict[str, dict[str, str]] | None) -> list[str]:
    """The cells (``S!$B$1``) the defined names of one cell in the argument ``message`` names read."""
    text = _argument_text(message, formula)
    if text is None or not names:
        return []
    targets = {n.lower(): t for scope in ("", sheet) for n, t in names.get(scope, {}).items()}
    cells = []
    for token in _NAME_TOKEN.findall(text):
        target = targets.get(token.lower(), "").strip().removeprefix("=")
        if _SINGLE.fullmatch(target) and "!" in target:
            cells.append(target)
    return cells


#: "NRR: start_mrr is the error value #N/A in Revenue!K6 (#VALUE!)", maybe passed on (", from Revenue!Q6")
_NAMED_ERROR = re.compile(
    r"^(?P<head>[A-Z_][A-Z0-9_.]*: \w+ is the error value (?P<error>#[A-Z0-9/!?]+) in "
    r"(?P<sheet>"
    + SHEET
    + r")!(?P<cell>[A-Z]{1,3}\d+)) (?P<code>\(#[A-Z0-9/!?]+\))(?P<tail>(?:, from "
    + SHEET
    + r"!\S+)?)$"
)


def error_argument_causes(result: Computed) -> int:
    """Each reason naming the cell an error argument comes from (:func:`error_arguments`: another code than the
    cell's own, so not passed on) given that cell's own reason, its first cause: "NRR: start_mrr is the error value
    #N/A in Revenue!K6, because XLOOKUP: 'teams' (Revenue!C21) is not in Plans[Plan] (#VALUE!)"; returns how many."""
    sheets = {sheet.lower(): sheet for sheet in result.values}
    given = 0
    for sheet, cells in result.values.items():
        for ref, value in cells.items():
            spilled = value if type(value) is Resized else None
            value = value.value if spilled is not None else value
            if type(value) is not CellError or not value.message:
                continue
            found = _NAMED_ERROR.match(value.message)
            if found is None:
                continue
            quoted = found["sheet"]
            where = sheets.get((quoted[1:-1].replace("''", "'") if quoted.startswith("'") else quoted).lower())
            held = result.values.get(where or "", {}).get(found["cell"])
            if type(held) is not CellError or not held.message or held.code != found["error"]:
                continue
            cause = held.message.split(", from ")[0].removesuffix(f" ({held.code})")
            caused = CellError(value.code, f"{found['head']}, because {cause} {found['code']}{found['tail']}")
            _put(result, sheet, ref, caused, spilled)
            given += 1
    return given
