"""A tracker's newest rate typed as text over its formula, which the Dashboard passes over (H265's finding 08).

The Dashboard's latest figures are each series' last number (``LOOKUP(2,1/ISNUMBER(Customers_CRR),..)``): March's
CRR pasted from a report as the text ``'91.5%'`` over Customers!F4 left February's 93.6% on the Dashboard, dated Feb
2026, beside customers at end of March, under ``ok``; README says the Dashboard never shows the month before's figure
in place of the latest. Recalc names such a cell, the file ``incomplete``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from ..sheet_names import written

if TYPE_CHECKING:
    from .month_order import TrackerSheet

__all__ = ["skipped_rates"]


def _number(value: Any) -> bool:
    return type(value) in (int, float)


def skipped_rates(sheets: dict[str, TrackerSheet], values: dict[str, dict[str, Any]]) -> str | None:
    """One line naming each Dashboard figure's series (:data:`~xl_retention.workbook.dashboard.HEADLINES`'s rates,
    :data:`~xl_retention.workbook.dashboard.SHOP_FIGURES`) whose last month with a value holds a text typed over
    the template's formula (``values``: sheet -> cell -> the value of each formula cell, as for
    :func:`.typed_over.typed_over_formulas`), a number below it none; None where there is none."""
    from ..workbook.dashboard import HEADLINES, SHOP_FIGURES
    from ..workbook.monthly import MONTH, MONTHLY_SHEETS

    labels = {name: label for label, name, *_ in HEADLINES} | {name: label for label, name in SHOP_FIGURES}
    found: list[str] = []
    for title, sheet in sheets.items():
        rows = sheet.rows
        header = [str(h).strip() if h is not None else "" for h in rows[0]]
        if MONTH.header not in header:
            continue
        month_column = header.index(MONTH.header)
        computed = values.get(title, {})
        for spec in MONTHLY_SHEETS:
            for column in spec.columns:
                if column.name not in labels or column.formula is None or column.header not in header:
                    continue
                index = header.index(column.header)
                letter = get_column_letter(index + 1)
                text: tuple[int, Any, Any] | None = None  # the last text typed over the formula: row, month, text
                for row, cells in enumerate(rows[1:], start=2):
                    month = cells[month_column] if month_column < len(cells) else None
                    if row < sheet.first:
                        continue
                    if not isinstance(month, dt.date):
                        break
                    ref = f"{letter}{row}"
                    value = computed.get(ref, cells[index] if index < len(cells) else None)
                    if _number(value):
                        text = None
                    elif ref not in computed and isinstance(value, str) and value.strip():
                        text = (row, month, value)
                if text is not None:
                    row, month, value = text
                    found.append(
                        f"{written(title)}!{letter}{row} ({labels[column.name]} of {month:%Y-%m}) is {value!r}"
                    )
    if not found:
        return None
    many = len(found) > 1
    return (
        f"{len(found)} latest rate{'s' * many} typed as text over {'their' if many else 'its'} formula, which the "
        f"Dashboard passes over: {'; '.join(found)}: the Dashboard reads numbers only and shows an earlier month's "
        f"figure as the latest: type {'each' if many else 'it'} as a number (91.5% or 0.915), or copy the column's "
        "formula from another month's row over it"
    )
