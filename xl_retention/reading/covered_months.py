"""The last month an orders export covers: the month of its last order, paid or not.

The purchase tables end with the orders' last month (docs/metrics.md, "Months"): a month without rows is never
written as 0 buyers, since nothing says the business had no orders then. An export whose last month holds only
orders refunded in full, cancelled or not paid (or refund rows) does say it: the file has orders of that month, none
of them a purchase. Its tables ended a month early, the note calling the export cut short ("2026-10 is the last
month of orders.csv (its last order) ... export it up to 2026-11", the file running to 2026-11-03). The reading keeps
the month of the latest dated row of the file, before the rows that are no purchase are left out
(:func:`covered_month`), in ``frame.attrs[COVERED_MONTH]``; the tables run to it, its months after the last purchase
written as 0 buyers, with a note (:func:`unpaid_months_note`).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["COVERED_MONTH", "covered_month", "unpaid_after", "unpaid_months_note"]

#: ``frame.attrs`` key of the month ordinal (months since 1970-01) of a prepared orders table's latest dated row,
#: counted or not (:func:`covered_month`).
COVERED_MONTH = "covered_month"


def covered_month(dates: Any) -> int | None:
    """The month ordinal (months since 1970-01, as ``pd.Period``'s) of the latest of ``dates`` (``datetime64``,
    NaT skipped), None where none is a date.

    >>> covered_month(np.array(["2026-10-03", "NaT", "2026-11-03"], dtype="datetime64[us]"))
    682
    >>> covered_month(np.array(["NaT"], dtype="datetime64[us]")) is None
    True
    """
    values = np.asarray(dates)
    if not np.issubdtype(values.dtype, np.datetime64):
        return None
    values = values[~np.isnat(values)]
    if not values.size:
        return None
    return int(values.max().astype("datetime64[M]").astype(np.int64))


def unpaid_months_note(source: str, last_paid: int | None, covered: int) -> str:
    """The note on the months after the last purchase (``last_paid``, a month ordinal; None: no purchase at all) to
    ``covered``, the file's last month: its orders are none of them a purchase, so those months are 0 buyers.

    >>> print(unpaid_months_note("orders.csv", 681, 682))
    orders.csv: none of the orders of 2026-11 was paid (refunded in full, cancelled or unpaid; or refunds): 2026-11 \
is written with 0 buyers (its rates blank), not left out as a month after the export's end
    >>> print(unpaid_months_note("orders.csv", 680, 682))
    orders.csv: no order from 2026-10 to 2026-11 was paid (those of 2026-11, the file's last month, were refunded in \
full, cancelled or unpaid; or refunds): those months are written with 0 buyers (their rates blank), not left out as \
months after the export's end
    """
    first = pd.Period(ordinal=covered if last_paid is None else last_paid + 1, freq="M")
    last = pd.Period(ordinal=covered, freq="M")
    if first == last:
        return (
            f"{source}: none of the orders of {last} was paid (refunded in full, cancelled or unpaid; or refunds): "
            f"{last} is written with 0 buyers (its rates blank), not left out as a month after the export's end"
        )
    return (
        f"{source}: no order from {first} to {last} was paid (those of {last}, the file's last month, were refunded "
        "in full, cancelled or unpaid; or refunds): those months are written with 0 buyers (their rates blank), not "
        "left out as months after the export's end"
    )


_ENDING = "after the export's end"


def unpaid_after(text: str, through: Any) -> bool:
    """Whether ``text`` is a note of :func:`unpaid_months_note` on a month after ``through`` (``--through``'s month):
    the tables end before it, so the note says nothing true of them.

    >>> unpaid_after(unpaid_months_note("orders.csv", 681, 682), pd.Period("2026-10", "M"))
    True
    >>> unpaid_after(unpaid_months_note("orders.csv", 681, 682), pd.Period("2026-11", "M"))
    False
    """
    if not text.endswith(_ENDING) or " 0 buyers " not in text:
        return False
    months = [pd.Period(m, freq="M") for m in re.findall(r"\b\d{4}-\d{2}\b", text)]
    return bool(months) and max(months) > pd.Period(through, freq="M")
