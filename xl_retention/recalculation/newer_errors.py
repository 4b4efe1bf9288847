"""Excel 365's newer error values in value cells (#FIELD!, #CONNECT!, #BLOCKED!, #UNKNOWN!, #GETTING_DATA,
#PYTHON!, #BUSY!, #EXTERNAL!, any ``#...`` the reader finds): a formula reading one gives that same error, as Excel
passes an error on unchanged, and ``ERROR.TYPE`` gives Excel's number for it.

formualizer has kinds for the seven classic errors, #SPILL! and #CALC! only (any other became #VALUE!, with status
ok: ``=A13`` of a #FIELD! showed #VALUE! and ``ERROR.TYPE`` 3 instead of 13). Such a cell is given formualizer's
#CANCELLED! (:data:`CARRIER`), which nothing else in a recalculation makes, and #CANCELLED! stands for the
workbook's newer codes (:data:`.excel_functions._core.CARRIED`, set by :func:`.engine.load`):

- one such code in the workbook: every #CANCELLED! is it (:func:`.engine.excel_code`, ``ERROR.TYPE``);
- several: a formula's #CANCELLED! is the code of the cells holding one that it reads (:func:`.kept.dependents`);
  a formula reading cells of two codes gets the one the engine meets first, as Excel passes on the first error in
  its order of evaluation (``=A1&A2`` is A1's; :func:`_first_codes`); ``ERROR.TYPE`` of one (#NIMPL!), and a
  formula where ``ERROR.TYPE`` would tell them apart, is listed naming them, with the value stored in the file.

``ERROR.TYPE`` of a newer code Microsoft gives no number for (#PYTHON!, #BUSY!, ...) is listed likewise.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

from ..cells import CellError
from .excel_functions._core import CARRIED, CARRIER
from .excel_functions.information import ERROR_NUMBERS, ERROR_TYPE_OF
from .formula_texts import position as _place
from .unsupported import Unsupported

if TYPE_CHECKING:
    from collections.abc import Mapping

    import formualizer as fz

    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = ["error_type_reason", "error_types", "settle"]

_ERROR_TYPE = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?ERROR\.TYPE\s*\(")


def _named() -> str:
    return ", ".join(CARRIED)


def error_type_reason(formula: str) -> tuple[str, str] | None:
    """(function, reason) for an ``ERROR.TYPE`` cell left #NIMPL! by a newer error value (see the module)."""
    if not CARRIED or _ERROR_TYPE.search(formula) is None:
        return None
    if len(CARRIED) > 1:
        unknown = [code for code in CARRIED if code not in ERROR_NUMBERS]
        return "ERROR.TYPE", (
            f"ERROR.TYPE of one of Excel's newer error values in this workbook ({_named()}): the embedded engine "
            "cannot tell them apart in this formula"
            + (f", and does not know Excel's number of {', '.join(unknown)}" if unknown else "")
        )
    return "ERROR.TYPE", f"Excel's ERROR.TYPE number of {CARRIED[0]} is not known to the embedded engine"


def _held(info: PackageInfo) -> dict[tuple[str, str], str]:
    """The cells holding each newer code: values, and formulas whose stored value is one (kept when listed)."""
    held = {  # the cells holding each: values, and formulas whose stored value is one (kept when listed)
        (sheet, f"{get_column_letter(c)}{r}"): code
        for sheet, cells in info.newer_errors.items()
        for (r, c), code in cells.items()
    }
    for sheet in info.newer_errors_in:
        for ref, cell in info.formulas.get(sheet, {}).items():
            if type(cell.cached) is CellError and cell.cached.code in CARRIED:
                held[(sheet, ref)] = cell.cached.code
    return held


def _reached(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], info: PackageInfo
) -> dict[tuple[str, str], set[str]]:
    """The newer codes each formula cell reads, directly or not: ``{(sheet, ref): {"#FIELD!", ...}}``."""
    from .kept import dependents

    reached: dict[tuple[str, str], set[str]] = {}
    held = _held(info)
    for code in CARRIED:
        roots = {key: key for key, found in held.items() if found == code}
        for key in dependents(workbook, roots, formulas, info):
            reached.setdefault(key, set()).add(code)
    return reached


def error_types(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    values: Mapping[str, dict[str, object]],
) -> list[tuple[str, int, int, str]]:
    """With several newer codes in the workbook: the ERROR.TYPE cells left #NIMPL! that read one of them only, their
    formula with ERROR.TYPE(x) as ``_XLR.ERRORTYPEOF("#FIELD!",x)`` (that code's number): (sheet, row, column, formula)
    for the engine to evaluate again. Those reading two stay listed (:func:`error_type_reason`)."""
    cells = [
        (sheet, ref)
        for sheet, found in values.items()
        for ref, value in found.items()
        if type(value) is CellError and value.code == "#NIMPL!" and _ERROR_TYPE.search(formulas[sheet][_place(ref)])
    ]
    if not cells:
        return []
    reached = _reached(workbook, formulas, info)
    out = []
    for sheet, ref in cells:
        codes = reached.get((sheet, ref), set())
        r, c = _place(ref)
        formula = workbook.get_formula(sheet, r, c) if len(codes) == 1 else None
        if formula:
            code = next(iter(codes))
            new = _ERROR_TYPE.sub(f'{ERROR_TYPE_OF}("{code}",', formula)
            out.append((sheet, r, c, new if new.startswith("=") else "=" + new))
    return out


def settle(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    values: Mapping[str, dict[str, object]],
) -> list[Unsupported]:
    """With several newer codes in the workbook: each formula result #CANCELLED! in ``values`` becomes the code of
    the cells it reads; a cell reading two codes (or none found) is removed from ``values`` and returned, to be
    listed with the value stored in the file."""
    pending = [
        (sheet, ref)
        for sheet, cells in values.items()
        for ref, value in cells.items()
        if type(value) is CellError and value.code == CARRIER
    ]
    if not pending:
        return []
    reached = _reached(workbook, formulas, info)
    several = {key: reached[key] for key in pending if len(reached.get(key, ())) > 1}
    first = _first_codes(workbook, formulas, info, reached, several) if several else {}
    listed = []
    for sheet, ref in pending:
        codes = sorted(reached.get((sheet, ref), ()))
        if len(codes) == 1 or (sheet, ref) in first:
            values[sheet][ref] = CellError(first.get((sheet, ref)) or codes[0])
            continue
        del values[sheet][ref]
        cached = info.formulas.get(sheet, {}).get(ref)
        shown = " and ".join(codes) if codes else _named()
        reason = (
            f"reads cells holding {shown} (Excel's newer error values), which the embedded engine cannot tell "
            "apart in this formula"
        )
        listed.append(
            Unsupported(sheet, ref, "error value", reason, kept=cached is not None and cached.cached is not None)
        )
    return listed


def _first_codes(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    reached: dict[tuple[str, str], set[str]],
    several: dict[tuple[str, str], set[str]],
) -> dict[tuple[str, str], str]:
    """The code each of ``several`` (formula cells left #CANCELLED! that read cells of two newer codes or more) passes
    on: the engine evaluates the workbook once per code, the cells holding the others made #NUM! (an error it passes
    on as it does #CANCELLED!, and no #N/A, which ISNA and IFNA would tell apart); the cell is that code's where it
    stays #CANCELLED! in that code's evaluation only. Left out: cells where ERROR.TYPE reads them (it tells #NUM!
    apart), directly or through other cells."""
    import formualizer as fz

    from .kept import dependents

    told = {  # ERROR.TYPE reading a newer code, and every cell reading it
        key: key
        for key in reached
        if key[0] in formulas
        and _place(key[1]) in formulas[key[0]]
        and _ERROR_TYPE.search(formulas[key[0]][_place(key[1])])
    }
    told.update(dependents(workbook, told, formulas, info) if told else {})
    probes: dict[tuple[str, int, int], str] = {}
    for (sheet, ref), code in _held(info).items():
        r, c = _place(ref)
        if workbook.get_formula(sheet, r, c):  # computed by the engine from the cells it reads
            continue
        probes[(sheet, r, c)] = code
    cells = {key: _place(key[1]) for key in several if key not in told}
    if not cells:
        return {}
    hits: dict[tuple[str, str], list[str]] = {key: [] for key in cells}
    try:
        for code in sorted({code for key in cells for code in several[key]}):
            for (sheet, r, c), held in probes.items():
                kind, text = ("Cancelled", held) if held == code else ("Num", "#NUM!")
                workbook.set_value(sheet, r, c, fz.LiteralValue.error(kind, text))
            workbook.evaluate_all()
            for key, (r, c) in cells.items():
                value = workbook.get_value(key[0], r, c)
                if isinstance(value, dict) and value.get("type") == "Error" and value.get("kind") == "Cancelled":
                    hits[key].append(code)
    finally:
        for (sheet, r, c), held in probes.items():
            workbook.set_value(sheet, r, c, fz.LiteralValue.error("Cancelled", held))
        workbook.evaluate_all()
    return {key: found[0] for key, found in hits.items() if len(found) == 1}
