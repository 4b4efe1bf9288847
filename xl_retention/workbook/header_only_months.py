"""Month columns of "NPS scores" right of a tracker's last month that hold their header alone (H265's finding 02).

A hand-kept tracker whose last month's rows were deleted on every monthly sheet (Edit > Delete Rows in LibreOffice:
the month in progress, 2026-12) keeps that month's column on "NPS scores", its header 2026-12 the template wrote and no
answer below it. ``extend`` refused it as "typed right of the tracker's last month ... move that column's answers into
an answers file": there is no answer to move. Such a column, where the month extend adds would go (the column after
the last month's, in order), is the new month's own: :func:`header_only_months` gives those months, which extend
leaves out of the columns it checks, writing that month's column as for any month it adds.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["header_only_months"]


def header_only_months(ws: Any, columns: dict[pd.Period, int], last: pd.Period, added: list[pd.Period]) -> list[Any]:
    """The months of ``columns`` (month -> column, 1 = A, on the answers sheet ``ws``) after ``last`` that are among
    ``added``, each in the column the month after ``last``'s plus its distance from ``last``, with nothing below its
    header: the months ``extend`` writes there as its own."""
    start = columns.get(last)
    if start is None:
        return []
    beyond = {month: col for month, col in columns.items() if month > last}
    found = []
    for month, col in sorted(beyond.items()):
        if month not in added or col != start + (month - last).n:
            return []  # a column out of its place: the refusal names it
        if any(
            value not in (None, "") for (value,) in ws.iter_rows(min_row=2, min_col=col, max_col=col, values_only=True)
        ):
            return []  # answers there: the refusal names the column, to move them
        found.append(month)
    return found
