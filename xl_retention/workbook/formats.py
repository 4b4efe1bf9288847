"""The template's number formats and the names of its month columns: plain text, no openpyxl.

Kept apart from ``_style`` (which builds openpyxl styles) so that reading a tracker (``checks``, run after every
recalculation) does not load openpyxl's reader and writer (issue 14).
"""

from __future__ import annotations

MONTH_FORMAT = "mmm yyyy"
PERCENT = "0.0%"
COUNT_FORMAT = "#,##0"
MONEY = "#,##0.00"
RATIO = "0.00"
POINTS = "0.0"


def monthly_name(title: str) -> str:
    """The defined name of a monthly sheet's month column: ``Purchases_and_visits_Months``.

    >>> monthly_name("Purchases and visits")
    'Purchases_and_visits_Months'
    """
    return "".join(c if c.isalpha() else "_" for c in title) + "_Months"
