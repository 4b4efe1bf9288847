"""The reason a DDB or DB cell of a period that is not a whole number is listed (not computed).

The engine lists ``DDB(2400,300,10,1.5)`` (:mod:`.excel_functions.typed`'s WHOLE_PERIOD): Microsoft's DDB and DB
pages say only that the period uses the life's units, and no workbook saved by Excel settles what Excel gives.
"""

from __future__ import annotations

import re

from .reason_cells import call_end

__all__ = ["fractional_period"]

_DEPRECIATION = re.compile(r"(?i)(?<![\w.])(DDB|DB)\(")


def fractional_period(formula: str) -> tuple[str, str] | None:
    """(function, reason) of a DDB or DB call whose period is not written as a whole number: the engine lists those
    (Microsoft's DDB and DB pages say only that the period uses the life's units)."""
    for match in _DEPRECIATION.finditer(formula):
        found = call_end(formula, match.end())
        if found is None or len(found[0]) < 4:
            continue
        name, period = match.group(1).upper(), found[0][3]
        try:
            number = float(period)
        except ValueError:
            number = None
        if number is not None and number == int(number):
            continue
        what = f"period {period}" if number is not None else f"period ({period}) here"
        return name, (
            f"{name}'s {what} is not a whole number: Microsoft's {name} page does not say what Excel gives "
            f"(it says only that the period uses the life's units)"
        )
    return None
