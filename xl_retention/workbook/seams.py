"""Where the months an import writes meet months already filled on Customers and Revenue (typed, or by an earlier
import): refused where they meet inconsistently (phantom lost customers), one line naming the sheet and months
(:func:`check_seams`, for :mod:`.fill`).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from . import inplace as ip
from .found import FoundSheet
from .template import CUSTOMERS

__all__ = ["check_seams", "filled_in", "is_formula", "number"]


def number(value: Any) -> float | int | None:
    """A table value as a cell value: whole numbers as int, NaN as blank."""
    value = value.item() if hasattr(value, "item") else value
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value) if isinstance(value, float) and value.is_integer() else value


def is_formula(value: Any) -> bool:
    """Whether a value openpyxl read (not data-only) is a formula: its text, or an array formula object."""
    array = type(value).__name__ in ("ArrayFormula", "DataTableFormula")
    return array or (isinstance(value, str) and value.startswith("="))


def filled_in(sheet: FoundSheet, row: int, keys: list[str]) -> bool:
    """Whether the month at ``row`` holds a value typed in an input column (customers at start: first month only)."""
    keys = [k for k in keys if k != "start" or row == 2]
    return any(sheet.value(row, sheet.columns[k]) not in (None, "") for k in keys if k in sheet.columns)


def _all_gained(sheet: FoundSheet, row: int) -> bool:
    """Whether the month at ``row`` holds the figures of a first month with data: every customer at its end gained
    (Customers), all its MRR new MRR with no other movement (Revenue)."""
    values = {k: sheet.value(row, c) for k, c in sheet.columns.items()}
    if sheet.is_(CUSTOMERS):
        gained, end = number(values.get("gained")), number(values.get("end"))
        return isinstance(end, int | float) and end > 0 and gained == end
    new = number(values.get("new"))
    others = [values.get(k) for k in ("expansion", "reactivation", "contraction", "churned")]
    return isinstance(new, int | float) and new > 0 and all(v in (None, "", 0) for v in others)


def check_seams(sheet: FoundSheet, movements: pd.DataFrame, inputs: dict[str, str], start: str, end_column: str,
                 source: str) -> None:  # fmt: skip
    """Refuse where months already filled (typed, or by an earlier import) meet the imported ones inconsistently
    (phantom lost customers)."""
    keys = list(inputs) + ["start"]
    first, last = movements.index[0], movements.index[-1]
    what = "customers" if sheet.is_(CUSTOMERS) else "MRR"
    each = "every customer" if sheet.is_(CUSTOMERS) else "all MRR"
    if first > sheet.months[0] and filled_in(sheet, sheet.row(first - 1), keys):
        raise ip.LayoutError(
            f"{sheet.spec.title}: {first - 1} holds figures (typed or from an earlier import), but {source} starts in "
            f"{first} with no {what} before it, so {each} in {first - 1} would show as lost in {first}; give "
            f"{source} from the first filled month on (import replaces the months its data covers), or clear the "
            f"earlier months"
        )
    typed = [m for m in sheet.months if m < first and filled_in(sheet, sheet.row(m), keys)]
    if typed:  # a blank month between: the template cannot know how many customers the data's first month starts with
        gap = f"{typed[-1] + 1} is" if typed[-1] + 1 == first - 1 else f"{typed[-1] + 1} to {first - 1} are"
        raise ip.LayoutError(
            f"{sheet.spec.title}: {typed[-1]} holds figures (typed or from an earlier import) and {gap} blank, so the "
            f"{what} at the start of {first}, where {source} starts, are unknown; give {source} from the first filled "
            f"month on, fill the months between, or clear the earlier months"
        )
    if last < sheet.months[-1] and filled_in(sheet, sheet.row(last + 1), keys):
        row, headers = sheet.row(last), {c.key: c.header for c in sheet.spec.columns}
        base = number(movements[end_column].iloc[-1])
        kept_start = sheet.value(row + 1, sheet.columns["start"]) if "start" in sheet.columns else None
        earlier = [m for m in sheet.months if m <= last and filled_in(sheet, sheet.row(m), keys)]
        if (not earlier and is_formula(kept_start) and isinstance(base, int | float) and base > 0
                and _all_gained(sheet, row + 1)):  # fmt: skip
            # the kept month was the first with figures (its start 0) and holds them so: every customer gained (all
            # MRR new), as an import of that month alone writes; after the data's months every one would be lost
            raise ip.LayoutError(
                f"{sheet.spec.title}: {last + 1} holds figures (typed or from an earlier import) made as the first "
                f"month with data, {what} at its start 0 ({each} counted as gained), but {source} ends in {last} with "
                f"{base:g} {what} at its end, so {last + 1}'s gained, lost and rates would be wrong; give {source} up "
                f"to the last filled month (import replaces the months its data covers), or clear the months after "
                f"{last}"
            )
        for key, column in inputs.items():
            before, after = number(sheet.value(row, sheet.columns[key])), number(movements[column].iloc[-1])
            if before is not None and before != after:
                raise ip.LayoutError(
                    f"{sheet.spec.title}: {last + 1} holds figures (typed or from an earlier import) after the "
                    f"imported months, following {last}'s {headers[key]!r} = {before!r}, which {source} changes to "
                    f"{after!r}; give {source} up to the last filled month, or clear the months after {last}"
                )
        if sheet.is_(CUSTOMERS):  # the typed month must follow from the imported end: no one from nowhere
            gained, end = (number(sheet.value(row + 1, sheet.columns[k])) for k in ("gained", "end"))
            base = number(movements[end_column].iloc[-1])
            if isinstance(gained, int | float) and isinstance(end, int | float) and base + gained < end:
                raise ip.LayoutError(
                    f"Customers: {last + 1} holds figures (typed or from an earlier import: {gained} gained, {end} at "
                    f"end), which cannot follow the {base} customers at the end of {last} in {source}; give {source} "
                    f"up to the last filled month, or clear the months after {last}"
                )
