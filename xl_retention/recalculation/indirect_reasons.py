"""INDIRECT of a text naming a sheet the workbook does not have: the #REF! says which sheet and where to fix it.

Excel updates references when a sheet is renamed ("Data 2025" to "Données 2025"), never the text inside INDIRECT, and
INDIRECT of a reference to no sheet is #REF! (Microsoft's INDIRECT page: "If ref_text refers to ... an invalid
reference, INDIRECT returns the #REF! error value"). recalc gave that #REF! (:mod:`.literal_indirect`) with no reason,
and an xl-retention function given it said only "customers_end is the error value #REF!". :func:`indirect_reasons`
names the text, the missing sheet and the workbook's sheets for the cell itself (``Synthèse!A3:
INDIRECT("'Data 2025'!C2") names the sheet 'Data 2025', which the workbook does not have (renamed or deleted? its
sheets: 'Données 2025', 'Synthèse'): write the sheet's name again in the formula (#REF!)``); :func:`indirect_origin`
adds it to the reason of a function whose argument is such an INDIRECT.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..cells import CellError
from ..registry import BY_NAME
from ..sheet_names import written
from .formula_texts import position
from .reason_cells import _arguments

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["indirect_origin", "indirect_reasons"]

#: INDIRECT of a text typed in: ``INDIRECT("'Data 2025'!C2")``, ``INDIRECT("Feb!R2C3",FALSE)``
_INDIRECT = re.compile(r'(?i)(?<![\w.])INDIRECT\(\s*"((?:[^"]|"")*)"\s*(?:,\s*[^()]*?)?\)')
#: "CRR: customers_end is the error value #REF! (#VALUE!)", "NPS: scores holds the error value #REF! in cell 1 of
#: scores (#VALUE!)": an argument given the #REF!
_GIVEN = re.compile(r"^(?P<function>[A-Z_][A-Z0-9_.]*): (?P<argument>\w+) (?:is|holds) the error value #REF!")
#: the sheets a reason lists before "..."
FIRST = 5


def _missing(text: str, sheets: list[str]) -> str | None:
    """What to say of the first INDIRECT in ``text`` (a formula or an argument) whose text names a sheet not among
    ``sheets``; None where none does."""
    known = {s.lower() for s in sheets}
    for found in _INDIRECT.finditer(text):
        reference = found.group(1).replace('""', '"').strip()
        name, bang, _ = reference.rpartition("!")
        if not bang:
            continue
        if name.startswith("'") and name.endswith("'") and len(name) > 1:
            name = name[1:-1].replace("''", "'")
        if "[" in name or not name or name.lower() in known:  # another workbook's ([Book]Sheet): not said here
            continue
        more = f" and {len(sheets) - FIRST} more" if len(sheets) > FIRST else ""
        listed = ", ".join(f"'{s}'" for s in sheets[:FIRST]) + more
        return (
            f"INDIRECT(\"{found.group(1)}\") names the sheet '{name}', which the workbook does not have (renamed or "
            f"deleted? its sheets: {listed})"
        )
    return None


def indirect_reasons(workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed) -> int:
    """Give each #REF! cell without a reason whose formula takes INDIRECT of a text naming a sheet the workbook does
    not have what :func:`_missing` says; returns how many got one."""
    named = 0
    sheets: list[str] | None = None
    for sheet, cells in result.values.items():
        texts = formulas.get(sheet)
        if texts is None:
            continue
        for ref, value in cells.items():
            if type(value) is not CellError or value.code != "#REF!" or value.message:
                continue
            place = position(ref)
            if place not in texts or "INDIRECT" not in texts[place].upper():
                continue
            sheets = list(workbook.sheet_names) if sheets is None else sheets
            said = _missing(texts[place], sheets)
            if said is not None:
                why = f"{written(sheet)}!{ref}: {said}: write the sheet's name again in the formula (#REF!)"
                result.values[sheet][ref] = CellError("#REF!", why)
                named += 1
    return named


def indirect_origin(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    reason: str,
    sheet: str,
    ref: str,
    names: dict[str, dict[str, str]] | None = None,
) -> str:
    """``reason`` (a registry function's, of the cell ``sheet!ref``) saying an argument is the error value #REF!,
    with the INDIRECT of that argument naming a sheet the workbook does not have said: ``CRR: customers_end is the
    error value #REF!: INDIRECT("'Data 2025'!C2") names the sheet 'Data 2025', ...: write the sheet's name again in
    Synthèse!A1 (#VALUE!)``; else as it is."""
    found = _GIVEN.match(reason)
    function = BY_NAME.get(found["function"]) if found is not None else None
    arguments = [a.name for a in function.args] if function is not None else []
    place = position(ref)
    if found is None or found["argument"] not in arguments or place not in formulas.get(sheet, {}):
        return reason
    k = arguments.index(found["argument"])
    texts = {args[k] for args in _arguments(formulas[sheet][place], function.name) if k < len(args)}
    if len(texts) != 1:
        return reason
    said = _missing(texts.pop(), list(workbook.sheet_names))
    if said is None:
        return reason
    head, _, code = reason.rpartition(" (")
    return f"{head}: {said}: write the sheet's name again in {written(sheet)}!{ref} ({code}"
