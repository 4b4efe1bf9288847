"""The engine's #NAME? in a formula using no defined name but INDIRECT: the reason names the INDIRECT and its text.

The embedded engine answers #NAME? where a function taking a reference (SUM, SUMIF, ROWS) is given INDIRECT of a text
naming no cell (``SUM(INDIRECT(B1))`` with B1 ``Sheet1:Sheet3!A1``, a 3-D reference, which Excel's INDIRECT does not
take: #REF!), where Excel's INDIRECT gives #REF!. Such a cell was listed as "the embedded engine cannot resolve a name
this formula uses (every name it uses exists)" (:data:`.engine_names.ENGINE_NAME_REASON`) though the formula uses no
name: a user looked in the Name Manager for nothing. :func:`said_indirect` gives it a reason naming the INDIRECT and the
text it gives (computed by the engine): ``the embedded engine cannot compute SUM(INDIRECT(B1)) here: INDIRECT(B1)
gives the text "Sheet1:Sheet3!A1", a 3-D reference, which INDIRECT does not take (#REF! in Excel)``. A text typed in
that names no reference is #REF! before the engine computes the formula (:mod:`.literal_indirect`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .engine_names import ENGINE_NAME_REASON, uses_names
from .excel_functions.r1c1 import reference_text
from .formula_texts import position
from .indirect import indirect_calls, text_of

if TYPE_CHECKING:
    from .formula_texts import FormulaTexts

__all__ = ["indirect_reason", "said_indirect"]

#: the most texts of an array a reason shows
_SHOWN = 3
#: the function of a cell listed with :func:`indirect_reason`
FUNCTION = "INDIRECT"


def _kind(text: str, owners: list[str] | None = None) -> str:
    """What a text given to INDIRECT is, where Excel's answer to it is #REF!; "" otherwise. ``owners``: the sheets
    whose own name the text is where the formula's sheet and the workbook have none of that name.

    >>> _kind("Sheet1:Sheet3!A1"), _kind("A0"), _kind("Jan!B2")
    (', a 3-D reference, which INDIRECT does not take (#REF! in Excel)', ', which names no cell (#REF! in Excel)', '')
    >>> _kind("Nope")
    ', read as a defined name, which the engine does not resolve there'
    >>> _kind("Amt", ["Sheet2"]).endswith("on another sheet reads only with its sheet's name (#REF! in Excel)")
    True
    """
    if reference_text(text) != "#REF!":
        named = "!" not in text and "[" not in text and not any(c in text for c in ":$") and not text[-1:].isdigit()
        if named and text and owners:
            shown = " and ".join(f"'{owner}'" for owner in owners)
            return (
                f", a name only sheet {shown} defines, which a formula on another sheet reads only with its sheet's "
                "name (#REF! in Excel)"
            )
        return ", read as a defined name, which the engine does not resolve there" if named and text else ""
    sheet, bang, _ = text.rpartition("!")
    if bang and ":" in sheet.replace("''", "").strip("'"):
        return ", a 3-D reference, which INDIRECT does not take (#REF! in Excel)"
    return ", which names no cell (#REF! in Excel)"


def indirect_reason(
    workbook: Any, sheet: str, formula: str, scoped: dict[str, frozenset[str]] | None = None
) -> str | None:
    """The reason of a formula (on ``sheet``) using no defined name whose INDIRECT the engine answered #NAME?: the
    first INDIRECT whose text names no cell, else the first one, with the text (texts) it gives; None for a formula
    without INDIRECT or one the tokenizer cannot read. ``scoped``: the workbook's names by scope
    (:attr:`.package.PackageInfo.scoped_names`), so that a name only other sheets define is said to be one."""
    said: list[tuple[bool, str]] = []
    for call, first in indirect_calls(formula):
        joined = text_of(workbook, sheet, first) if first else None
        if joined is None:
            said.append((False, f"the text {call} is given cannot be computed on its own"))
            continue
        texts = joined.split("\n")
        if len(texts) > 1:
            shown = ", ".join(f'"{t}"' for t in texts[:_SHOWN]) + (" ..." if len(texts) > _SHOWN else "")
            said.append((False, f"{call} gives the texts {shown}, one reference per element"))
            continue
        kind = _kind(texts[0], _owners(texts[0], sheet, scoped or {}))
        said.append((bool(kind), f'{call} gives the text "{texts[0]}"{kind}'))
    if not said:
        return None
    chosen = next((s for bad, s in said if bad), said[0][1])
    return f"the embedded engine cannot compute this formula's INDIRECT here: {chosen}"


def _owners(text: str, sheet: str, scoped: dict[str, frozenset[str]]) -> list[str]:
    """The sheets (in ``scoped``'s order) whose own name ``text`` is, where ``sheet`` and the workbook have none."""
    key = text.lower()
    if key in scoped.get("", frozenset()) or any(k.lower() == sheet.lower() and key in v for k, v in scoped.items()):
        return []
    return [owner for owner, found in scoped.items() if owner and key in found]


def said_indirect(
    workbook: Any,
    formulas: dict[str, FormulaTexts],
    unsupported: list[Any],
    scoped: dict[str, frozenset[str]] | None = None,
) -> None:
    """Each cell listed with :data:`.engine_names.ENGINE_NAME_REASON` whose formula uses no defined name but INDIRECT
    gets :func:`indirect_reason` (function INDIRECT; ``scoped``: the workbook's names by scope)."""
    for item in unsupported:
        if item.function != "formula" or item.reason != ENGINE_NAME_REASON:
            continue
        texts = formulas.get(item.sheet)
        place = position(item.ref)
        formula = texts[place] if texts is not None and place in texts else None
        if formula is None or "INDIRECT(" not in formula.upper() or uses_names(formula):
            continue
        reason = indirect_reason(workbook, item.sheet, formula, scoped)
        if reason is not None:
            item.function, item.reason = FUNCTION, reason
