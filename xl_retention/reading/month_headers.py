"""Column headers that are months: a wide table of MRR with one column per month, which the import cannot read.

A hand-kept "MRR by month" sheet writes ``Customer | Plan | Jan-24 | Feb-24 | ...``: its month headers are typed
text (``Jan 2024``, ``2024-01``), or Excel date cells formatted ``mmm-yy`` (read as ``2024-01-01 00:00:00``), or
names such as ``mrr_2024_01``, ``Jan-24``, or the months' names alone (``Jan``, ``Feb``). Two of them or more make the
refusal say so and how to unpivot the table, the headers shown as months (``2024-01``), never as Python datetimes
(:func:`month_headers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["month_header", "month_headers"]

_NAMES = ("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
          "september|october|november|december")  # fmt: skip
_DATE_CELL = re.compile(r"(\d{4})-(\d{2})-\d{2}(?: 00:00:00)?")
_TEXT = re.compile(
    rf"\d{{4}}[-/.]\d{{1,2}}|[A-Za-z]{{3,9}}[ \-]\d{{4}}|(?i:{_NAMES})[ \-']\d{{2}}|(?i:{_NAMES})"
    r"|[A-Za-z][A-Za-z ]*[_ \-]\d{4}[_\-]\d{1,2}"
)


def month_headers(columns: Iterable[Any]) -> list[str]:
    """The headers of ``columns`` that are months, as the user sees them (a date cell's as ``YYYY-MM``); none when
    fewer than two.

    >>> month_headers(["Customer", "2024-01-01 00:00:00", "2024-02-01 00:00:00", "Total"])
    ['2024-01', '2024-02']
    >>> month_headers(["customer_id", "mrr_2024_01", "mrr_2024_02"]), month_headers(["id", "Jan", "Feb", "Mar"])
    (['mrr_2024_01', 'mrr_2024_02'], ['Jan', 'Feb', 'Mar'])
    >>> month_headers(["Customer", "Jan-24", "Feb-24"]), month_headers(["customer_id", "month", "mrr"])
    (['Jan-24', 'Feb-24'], [])
    """
    found = [shown for column in columns if (shown := month_header(column)) is not None]
    return found if len(found) >= 2 else []


def month_header(column: Any) -> str | None:
    """The month ``column`` (a header) names, as the user sees it, or None when it names none.

    >>> month_header("2024-01-01 00:00:00"), month_header("Jan 2026"), month_header("Plan")
    ('2024-01', 'Jan 2026', None)
    """
    text = str(column).strip()
    cell = _DATE_CELL.fullmatch(text)
    if cell is not None:
        return f"{cell.group(1)}-{cell.group(2)}"
    return text if _TEXT.fullmatch(text) else None
