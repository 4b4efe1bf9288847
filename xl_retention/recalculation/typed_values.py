"""How the lines of values typed over a tracker's formulas name a cell's value and find its sheet's columns: shared by
:mod:`.typed_over`, :mod:`.typed_over_lifetime`, :mod:`.formula_starts` and :mod:`.google_inputs`."""

from __future__ import annotations

from typing import Any

__all__ = ["monthly_spec", "same_number", "shown_value"]


def shown_value(value: Any) -> str:
    """A cell's value as the lines of values typed over name it.

    >>> shown_value(125.0), shown_value(0.5), shown_value("12 %"), shown_value(None)
    ('125', '0.5', "'12 %'", 'blank')
    """
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return repr(value)
    if value is None:
        return "blank"
    return str(value)


def monthly_spec(header: list[str]) -> Any:
    """The template's monthly sheet whose headers row 1 holds most of."""
    from ..workbook.monthly import MONTHLY_SHEETS

    return max(MONTHLY_SHEETS, key=lambda spec: sum(c.header in header for c in spec.columns))


def same_number(given: float, typed: Any) -> bool:
    """Whether ``typed`` is a number equal to ``given`` but for a float's rounding."""
    return type(typed) in (int, float) and abs(given - typed) <= 1e-9 * max(1.0, abs(given), abs(typed))
