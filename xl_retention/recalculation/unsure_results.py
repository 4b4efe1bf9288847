"""Cells whose computed value may not be Excel's, found after the evaluation from what their functions met there.

- :func:`unsure_mround_cells`: a cell calling MROUND where one call's Excel answer is not certain (a decimal halfway
  number, a last binary digit: :mod:`.excel_functions.multiples`) is listed, keeping the value Excel stored; the
  cell is evaluated once more with the calls noting (the engine keeps no trace of which cell called what).
- :func:`unsure_cells`: those, an IF inside SUMPRODUCT (TEXTJOIN, ...) of a plain formula (:mod:`.classic_if`),
  what the engine cannot compute hidden by IFERROR and the like (:mod:`.hidden_constructs`), and a database function
  whose numeric criteria label cannot be matched for certain (:func:`.database_labels.unsure_database_cells`).
- :func:`underflows`: a formula cell whose result is below Excel's smallest number (a denormal, ``=1E-310``) gets
  Excel's 0 (:mod:`.excel_functions.limits`), and the cells reading it are computed from that 0.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from .classic_if import classic_if_cells
from .database_labels import unsure_database_cells
from .excel_functions._core import FUNCTIONS, NOT_IMPLEMENTED, is_error, not_computed
from .excel_functions.limits import UNDERFLOW
from .excel_functions.multiples import UNSURE
from .formula_texts import position as cell_position
from .hidden_constructs import hidden_constructs
from .trimmed_slices import trimmed_slices
from .unsupported import Unsupported

if TYPE_CHECKING:
    from collections.abc import Callable

    import formualizer as fz

    from .formula_texts import FormulaTexts
    from .package import PackageInfo

#: a double's exponent and fraction bits (a denormal: exponent 0, fraction not)
_EXPONENT, _FRACTION = np.uint64(0x7FF0000000000000), np.uint64(0x000FFFFFFFFFFFFF)

__all__ = ["MAX_CHECKED", "hidden_not_implemented", "noted_again", "underflows", "unsure_cells", "unsure_mround_cells"]

#: at most this many MROUND cells are evaluated once more; the rest are listed unchecked (each costs an evaluation)
MAX_CHECKED = 5000
_UNCHECKED = "one of many MROUND cells not checked for a call whose Excel answer is not certain"


def unsure_cells(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    names: dict[str, dict[str, str]] | None = None,
) -> list[Unsupported]:
    """The cells of :func:`.hidden_constructs.hidden_constructs`, :func:`.classic_if.classic_if_cells` and
    :func:`unsure_mround_cells` (one listing each). ``names``: the defined names the engine does not resolve itself
    ({scope: {name in lower case: formula}}, :func:`.defined_names.defined_formulas`)."""
    found = hidden_constructs(workbook, formulas, names or {})
    for more in (
        classic_if_cells(formulas, info, info.names),
        unsure_mround_cells(workbook, formulas),
        hidden_not_implemented(workbook, formulas),
        trimmed_slices(formulas, info),  # INDEX(A:B,0,MATCH(..)) cut to the rows in use
        unsure_database_cells(workbook, formulas, info),  # DSUM(A:C,3,G1:G2) under a criteria label 2025
    ):
        listed = {(u.sheet, u.ref) for u in found}
        found += [u for u in more if (u.sheet, u.ref) not in listed]
    return found


#: functions whose result is no error when their argument is one (a cell's #NIMPL! hidden behind them)
_HIDERS = re.compile(
    r"(?<![\w.])(?:IFERROR|IFNA|ISERROR|ISERR|ISNA|ERROR\.TYPE|TYPE|ISNUMBER|ISTEXT|ISNONTEXT|ISLOGICAL|COUNT|AGGREGATE)\("
)
#: where a listed call's error is not the cell's value
_WHERE_SHOWN = "its error is hidden by IFERROR or the like; it is listed where the cell shows it"
_NOT_IMPLEMENTED_REASON = "{function} cannot compute a value here (" + _WHERE_SHOWN + ")"
_seen_before = [0]


@lru_cache(maxsize=1)
def _ours() -> re.Pattern[str]:
    """A call of one of this package's functions (upper-case text)."""
    names = sorted((name for name in FUNCTIONS if not name.startswith("_")), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:_XLFN\.)?(?:" + "|".join(map(re.escape, names)) + r")\(")


def hidden_not_implemented(workbook: fz.Workbook, formulas: dict[str, FormulaTexts]) -> list[Unsupported]:
    """Where one of this package's functions gave its "not implemented" error during the evaluation (TEXT's conditional
    format of a negative number, ...), every formula cell whose own value is no error but that calls IFERROR, ISERROR,
    COUNT or the like, and every one whose value is another error, is evaluated once more with the functions noting
    it: a cell where one gave it is listed (its value came from behind the hidden error:
    ``IFERROR(TEXT(-5,"[<0]0.0;0"),"x")`` was "x" with status ok; another of this package's functions reading it in
    the formula made it #VALUE!: ``TEXT(DISC(..),"0.00")``, ``FVSCHEDULE(DISC(..),..)`` #VALUE!, ``ERROR.TYPE`` #N/A).
    A cell only reading such a cell is not listed here: it is computed from the value the file keeps there. Nothing
    is evaluated again when no such error was given (the first :data:`MAX_CHECKED` cells only)."""
    if NOT_IMPLEMENTED.count == _seen_before[0]:
        return []
    found: list[Unsupported] = []
    checked = 0
    for sheet, texts in formulas.items():
        hiding = set(texts.places_of_shapes(lambda shape: _HIDERS.search(shape.upper())))
        chosen = texts.places_of_shapes(  # behind IFERROR and the like, or a call of ours (the one giving it is ours)
            lambda shape: _HIDERS.search(shape.upper()) or _ours().search(shape.upper())
        )
        target = workbook.sheet(sheet) if chosen else None
        for place in chosen:
            if checked >= MAX_CHECKED:
                break
            value = workbook.get_value(sheet, *place)
            if not_computed(value) or is_error(value) == (place in hiding):
                continue  # its own error: listed by what it is; a value of its own, not from behind an error
            checked += 1
            function = noted_again(workbook, target, sheet, place, NOT_IMPLEMENTED)
            if function.startswith("_XLR."):  # a criterion the rewrite refused, behind IFERROR: its own reason
                from .rewrite_refusals import HIDDEN, refusal_reason  # noqa: PLC0415

                ref = texts.refs[place]
                told = refusal_reason(workbook, sheet, ref, workbook.get_formula(sheet, *place) or "", function)
                if told is not None:  # behind IFERROR or the like, or its error made another by a function reading it
                    found.append(Unsupported(sheet, ref, told[0], told[1] + (HIDDEN if place in hiding else "")))
                    continue
            if function:
                shown = function.removeprefix("excel_").replace("_", ".")
                reason = _NOT_IMPLEMENTED_REASON.format(function=shown)
                from .refused_cases import refused_case  # noqa: PLC0415  (a cell listed only)

                case = refused_case(workbook.get_formula(sheet, *place) or "", only=shown)
                if case is None and shown in ("XIRR", "XNPV"):  # a date typed as text among its dates: its cell
                    from .dated_texts import dated_text_reason  # noqa: PLC0415

                    case = dated_text_reason(workbook, sheet, *place, workbook.get_formula(sheet, *place) or "", shown)
                if case is not None:  # IFERROR(CODE("Ω"),..), CODE("Ω")&"": the case named (H520's task 3)
                    reason = f"{case[1]} ({_WHERE_SHOWN})" if place in hiding else case[1]
                found.append(Unsupported(sheet, texts.refs[place], shown, reason))
    _seen_before[0] = NOT_IMPLEMENTED.count
    return found


def unsure_mround_cells(workbook: fz.Workbook, formulas: dict[str, FormulaTexts]) -> list[Unsupported]:
    """Every formula cell calling MROUND (or reading it element by element) where a call met a number whose Excel
    answer is not certain, with the reason; the first :data:`MAX_CHECKED` such cells are checked, the rest listed."""
    found: list[Unsupported] = []
    checked = 0
    for sheet, texts in formulas.items():
        if "MROUND" not in texts.called():
            continue
        target = workbook.sheet(sheet)
        for place in texts.places_of_shapes(lambda shape: "MROUND(" in shape.upper()):
            ref = texts.refs[place]
            checked += 1
            if checked > MAX_CHECKED:
                found.append(Unsupported(sheet, ref, "MROUND", _UNCHECKED))
                continue
            reason = noted_again(workbook, target, sheet, place, UNSURE)
            if reason:
                found.append(Unsupported(sheet, ref, "MROUND", reason))
    return found


def underflows(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    values: dict[str, dict[str, object]],
    info: PackageInfo,
    set_formulas: Callable[[fz.Workbook, list[tuple[str, int, int, str]]], None],
) -> bool:
    """Each formula cell of ``formulas`` (not an array formula's) whose value in ``values`` is a number below Excel's
    smallest, not 0, gets :data:`.limits.UNDERFLOW` around the formula the engine has: its value and what the cells
    reading it see are Excel's 0 (KB 78113). The caller evaluates again (and calls this again for a cell that
    underflows from the new values). True when any formula was set."""
    found = []
    for sheet, cells in values.items():
        if sheet not in formulas:
            continue
        for ref in _denormal_refs(cells):
            cell = info.formulas.get(sheet, {}).get(ref)
            if cell is None or cell.kind not in ("normal", "shared"):
                continue
            r, c = cell_position(ref)
            formula = (workbook.get_formula(sheet, r, c) or "").removeprefix("=")
            if formula and not formula.upper().startswith(UNDERFLOW + "("):
                found.append((sheet, r, c, f"={UNDERFLOW}(({formula}))"))
    if found:
        set_formulas(workbook, found)
    return bool(found)


def _denormal_refs(cells: dict[str, object]) -> list[str]:
    """The refs of ``cells`` whose value is a denormal (:func:`.limits.is_denormal`), told from the bits of all the
    sheet's numbers at once (a comparison would count a denormal as 0 while the processor flushes them).

    >>> _denormal_refs({"A1": 1e-310, "A2": 0.0, "A3": 2.5e-308, "A4": "x", "A5": -5e-324})
    ['A1', 'A5']
    """
    refs = [ref for ref, value in cells.items() if value.__class__ is float]
    if not refs:
        return []
    bits = np.array([cells[ref] for ref in refs], dtype=np.float64).view(np.uint64)
    hits = np.flatnonzero(((bits & _EXPONENT) == 0) & ((bits & _FRACTION) != 0))
    return [refs[i] for i in hits.tolist()]


def noted_again(workbook: fz.Workbook, target: Any, sheet: str, place: tuple[int, int], noter: Any) -> str:
    """What ``noter`` (a registered function's notes: ``start()``, ``stop()`` giving what was noted) notes while the
    engine evaluates the cell at ``place`` of ``sheet`` once more (its formula set again on ``target``, the sheet)."""
    noter.start()
    try:
        formula = workbook.get_formula(sheet, *place)
        if formula:
            target.set_formula(*place, formula if formula.startswith("=") else "=" + formula)
            workbook.evaluate_cell(sheet, *place)
    except Exception:  # noqa: BLE001  (the engine refuses to evaluate it again: nothing noted)
        pass
    finally:
        noted = noter.stop()
    return noted
