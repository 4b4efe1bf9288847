"""The reasons of formulas the rewrite or the engine refused (split from :mod:`.unsupported`): a formula written out
longer than the engine reads (:func:`too_long`), and a call the rewrite put in a formula's place to refuse it
(:func:`name_refusals`: ``_XLR.NOSEQUENCE(..)``, an error criterion)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from openpyxl.utils.cell import get_column_letter

from ..sheet_names import written
from .excel_functions.criteria_runtime import OUTSIDE_CRITERION
from .excel_functions.wraps import CLASSIC_LAMBDA
from .refused_criteria import refused_criterion_reason

if TYPE_CHECKING:
    import formualizer as fz

    from .unsupported import Unsupported

__all__ = ["TOO_LONG", "name_refusals", "too_long"]

#: the engine's refusal of a formula longer than it reads: "Formula token limit exceeded (max 16384)"
_LIMIT = re.compile(r"Formula (source byte|token|AST node) limit exceeded \(max (\d+)\)")
#: the reason of a formula whose rewrite for the engine is longer than it reads (:func:`too_long`)
TOO_LONG = (
    "written out in the forms the embedded engine computes (each name put in, arrays and lookups spelled out), this "
    "formula is longer than the engine reads ({what} limit of {limit} exceeded), so it is not computed; split it over "
    "several cells (={formula})"
)


def too_long(workbook: fz.Workbook, sheet: str, row: int, column: int, formula: str) -> tuple[str, str] | None:
    """("formula", :data:`TOO_LONG`) where the engine refused the formula it was given at ``sheet``'s ``row``,
    ``column`` as longer than it reads (``#ERROR!: Malformed formula: ... Formula token limit exceeded (max 16384)``:
    a named dynamic range written in 10 times over gave 16,385 tokens, and the cell was listed as asking SEQUENCE
    for fewer than one row); None otherwise."""
    try:
        held = workbook.get_formula(sheet, row, column) or ""
    except Exception:  # noqa: BLE001  (a cell the engine cannot give: the general reason stays)
        return None
    found = _LIMIT.search(held) if "#ERROR!" in held[:20] else None
    if found is None:
        return None
    what = {"source byte": "its byte", "AST node": "its node"}.get(found.group(1), "its token")
    shown = formula if len(formula) <= 60 else formula[:57] + "..."
    said = TOO_LONG.format(what=what, limit=f"{int(found.group(2)):,}", formula=shown.removeprefix("="))
    if _template_formula(formula):  # the template's own, computed as a plain formula: entered as an array formula
        said = said.replace("; split it over several cells", _UPGRADE, 1)
    return "formula", said


#: what to do about the template's own formula the engine does not read (entered as an array formula: H315's 01)
_UPGRADE = (
    "; it is the template's own formula, which is computed as a plain formula (this one is entered as an array "
    "formula?): run xl-retention upgrade on the tracker, which writes it back plain"
)


def _template_formula(formula: str) -> bool:
    """Whether ``formula`` is one of the Lifetime value sheet's formulas of this version's template (its notes C5
    and C8 are the template's longest)."""
    from ..workbook.formula_text import formula_key
    from ..workbook.lifetime_forms import _current_lifetime

    key = formula_key(formula if formula.startswith("=") else f"={formula}")
    return any(isinstance(f, str) and formula_key(f) == key for f in _current_lifetime().values())


#: the rewrites' own refusals (a call put in a formula's place, or in one of its branches), as reasons
_REFUSALS = (
    (
        "_XLR.ONECELL(",
        "LET",
        "a LET name bound to a value that may be a range (IF, CHOOSE or another function passing one) is read as one "
        "value in a formula without Excel 365's dynamic-array flag (as openpyxl and pandas write them), and it gives "
        "several cells here: Excel takes a range's cell in the formula's row or column (implicit intersection), an "
        "array's first value, which the embedded engine does not tell apart, so it does not compute it",
    ),
    (
        "_XLR.CLASSICLAMBDA(",
        "LAMBDA",
        "a name defined as a LAMBDA is called with a range of several cells here, in a formula without Excel 365's "
        "dynamic-array flag (as openpyxl and pandas write them; Excel 365 saves such a call it typed with the flag): "
        "whether Excel then reads the range's cell in the formula's row or column, the call's first value or the "
        "whole range is not documented, so the embedded engine does not compute it (entered as an array formula, "
        "it is computed)",
    ),
    (
        "_XLR.UNPADDED(",
        "array arithmetic",
        "Excel pads an array to a whole column's 1,048,576 rows here (#N/A below the shorter one), which the "
        "embedded engine does not",
    ),
    (
        "_XLR.CHOSENARRAYS(",
        "CHOOSECOLS",
        "CHOOSECOLS or CHOOSEROWS is given an array of column (row) numbers here ({1,3}, a range of numbers); "
        "Microsoft's pages do not say what Excel returns for one, so the embedded engine does not compute it",
    ),
    (
        "_XLR.NOSEQUENCE(",
        "SEQUENCE",
        "SEQUENCE is asked for fewer than one row or column here (0, a blank cell, a negative number); Microsoft's "
        "SEQUENCE page does not say what Excel returns then, so the embedded engine does not compute it",
    ),
    (
        "_XLR.TAKEMORE(",
        "TAKE",
        "TAKE is given more rows or columns than its array has here; Microsoft's TAKE page does not say what Excel "
        "returns then (its errors are #CALC! for 0 and #NUM! for an array too large), so the embedded engine does not "
        "compute it",
    ),
    (
        "_XLR.MANYREFS(",
        "INDIRECT",
        "INDIRECT is given an array of texts here (one reference per element in Excel, as in a SUMIF over several "
        "sheets), which the embedded engine does not compute",
    ),
    (
        "_XLR.LONGREFUSED(",
        "criteria",
        "Excel compares a criterion here at 15 significant digits (a 16-digit id, a number with a fraction) in a "
        'form the embedded engine cannot compare that way (a "<>" criterion in AVERAGEIF(S), MAXIFS or MINIFS, two '
        "such criteria in one call, one beside a typed number's)",
    ),
    (
        "_XLR.ERRORCRITERION(",
        "criteria",
        "a criterion here is an error value (a cell or expression giving #N/A, or one typed in); whether Excel then "
        "counts the cells holding that error is not documented, so the embedded engine does not compute it",
    ),
    (
        "_XLR.FORMATTEDREFUSED(",
        "criteria",
        'a criterion here is a number written with %, $ or thousands separators ("10%": 0.1) and its range holds such '
        'text ("10%" as text); whether Excel matches that text is not documented, so the embedded engine does not '
        "compute it",
    ),
    (
        "_XLR.NUMBERTEXTREFUSED(",
        "criteria",
        "a criterion here is a number (0.1) and its range holds the same number as text (a date written as text, or "
        'a number written with %, $ or thousands separators: "10%"); whether Excel matches that text is not '
        "documented, so the embedded engine does not compute it",
    ),
)


_OUTSIDE = re.compile(re.escape(OUTSIDE_CRITERION) + r"\(([^()]*)\)")
_OUTSIDE_REASON = (
    "the criterion {range} is several cells where one value is taken: in a classic (non-array) formula Excel takes "
    "the one in the formula's own row or column, and {cell} is in neither, so the criterion is #VALUE!; whether Excel "
    "then counts the cells holding #VALUE! is not documented, so the embedded engine does not compute it (entered as "
    "an array formula, or in SUMPRODUCT, each of its cells is a criterion)"
)


def name_refusals(
    unsupported: list[Unsupported], rewritten: list[tuple[str, int, int, str]], workbook: Any = None
) -> None:
    """Give a cell listed with the general reason ("cannot compute this formula") the reason its rewrite refused it
    for (:data:`_REFUSALS`), where the rewrite put one of those calls in. Where it put in several (a criterion's
    error and its number as text), the cell is evaluated once more in ``workbook`` (the engine's) to tell the one
    that refused it; each is given, joined by "or", where that cannot be told."""
    general = {
        (u.sheet, u.ref): u
        for u in unsupported
        if u.function == "formula" and "longer than the engine reads" not in u.reason
    }
    # the whole formula refused (a named LAMBDA's call: "cannot compute DOUBLE here", the name read as a function)
    whole = {(u.sheet, u.ref): u for u in unsupported if u.reason.startswith("the embedded engine cannot compute ")}
    if not general and not whole:
        return
    for sheet, r, c, new in rewritten:
        place = (sheet, f"{get_column_letter(c)}{r}")
        item = whole.get(place) if new.startswith(f"={CLASSIC_LAMBDA}(") else general.get(place)
        if item is None:
            continue
        outside = _OUTSIDE.search(new)
        if outside is not None:  # its criterion is an error value too: this reason alone says why
            item.function = "criteria"
            item.reason = _OUTSIDE_REASON.format(range=outside.group(1), cell=f"{written(item.sheet)}!{item.ref}")
            continue
        kinds = _texts_kinds(workbook, sheet, new) if workbook is not None and "NUMBERTEXTREFUSED(" in new else ""
        found = [
            (function, refused_criterion_reason(new, call, kinds) or reason)
            for call, function, reason in _REFUSALS
            if call in new
        ]
        if len({reason for _, reason in found}) > 1 and workbook is not None:  # which one refused: evaluated again
            refused = _refused_by(workbook, sheet, (r, c))
            found = [f for f, (call, _, _) in zip(found, [x for x in _REFUSALS if x[0] in new], strict=True)
                     if call == refused + "("] or found  # fmt: skip
        if found:  # several a rewrite may have put in (branches), where which one refused is not told apart
            item.function, item.reason = found[0][0], "; or ".join(dict.fromkeys(reason for _, reason in found))


#: what a reason given behind IFERROR adds
HIDDEN = "; its error is hidden here by IFERROR or the like"


def refusal_reason(workbook: Any, sheet: str, ref: str, formula: str, name: str) -> tuple[str, str] | None:
    """(function, reason) of the refusing call ``name`` (``_XLR.NUMBERTEXTREFUSED``) in the cell ``ref`` of ``sheet``
    whose engine formula is ``formula``, as :func:`name_refusals` gives it; None where ``name`` is no refusal."""
    call = name + "("
    outside = _OUTSIDE.search(formula)
    if call == OUTSIDE_CRITERION + "(" and outside is not None:
        return "criteria", _OUTSIDE_REASON.format(range=outside.group(1), cell=f"{written(sheet)}!{ref}")
    for refusal, function, reason in _REFUSALS:
        if refusal == call:
            kinds = _texts_kinds(workbook, sheet, formula) if "NUMBERTEXTREFUSED(" in call else ""
            return function, refused_criterion_reason(formula, call, kinds) or reason
    return None


def _texts_kinds(workbook: Any, sheet: str, rewritten: str) -> str:
    """How the texts of the range a number-text refusal in ``rewritten`` names are written (dates, formatted
    numbers: :func:`.refused_criteria.number_text_kinds`); "" where the range cannot be read."""
    from .refused_criteria import each_pairs, number_text_kinds  # noqa: PLC0415

    found = re.search(r'_XLR\.NUMBERTEXTREFUSED\(\s*"(?:[^"]|"")*"\s*,\s*"((?:[^"]|"")*)"', rewritten)
    pairs = each_pairs(rewritten) if found is None else []  # the array route's, its ranges named there
    if found is None and len({area for _, area in pairs}) != 1:
        return ""
    area = found.group(1).replace('""', '"') if found is not None else pairs[0][1]
    reference = area if "!" in area else "'" + sheet.replace("'", "''") + "'!" + area
    try:
        page = workbook.range_page(reference, offset=0, limit=65_536, include_values=True)
    except Exception:  # noqa: BLE001  (the engine cannot page it: the reason names both kinds)
        return ""
    return number_text_kinds([item.value for item in page.items if isinstance(item.value, str)])


def _refused_by(workbook: Any, sheet: str, place: tuple[int, int]) -> str:
    """The name of the refusing function (``_XLR.ERRORCRITERION``) that gives the cell at ``place`` its error, noted
    while the engine evaluates it once more; "" where none is noted."""
    from .excel_functions._core import NOT_IMPLEMENTED  # noqa: PLC0415
    from .unsure_results import noted_again  # noqa: PLC0415

    return noted_again(workbook, workbook.sheet(sheet), sheet, place, NOT_IMPLEMENTED)
