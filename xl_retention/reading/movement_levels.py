"""A monthly MRR table whose rows also say the month's movement (dbt's ``fct_mrr``): snapshots, not a movements log.

dbt-labs' mrr-playbook model ``fct_mrr`` (and the tables built after it) has one row per customer and month:
``date_month``, ``customer_id``, ``mrr`` (the month's MRR), ``is_active``, ``mrr_change`` and ``change_category``
(``new``, ``upgrade``, ``downgrade``, ``churn``, ``reactivation``, blank when the MRR did not change), a row of MRR 0
in the month a customer churned. Its ``change_category`` holds the words of an MRR movements log's types
(:func:`.unmapped.movement_column`), but the table is each customer's MRR per month: read as snapshots, it is counted
right. A movements log (ChartMogul's activities: a row at each change only, on its day) read so would be wrong (a
customer with no change in a month has no row in it: lost), so a snapshots file with such a column is read as one
row per customer and month only where its rows show it (:func:`check_movement_levels`):

* each customer is on one row a month, every month from its first row to its last (no month left out);
* each customer's last row is in the file's last month or has MRR 0 (its churn: a log's last change of a customer
  still paying is in any month);
* each row's movement word agrees with its MRR beside the row of the month before: ``new`` on a customer's first
  row, ``upgrade`` (``expansion``) where it rose, ``downgrade`` (``contraction``) where it fell and stayed above 0,
  ``churn`` where it fell to 0, ``reactivation`` where it rose from 0, blank where it did not change.

Otherwise the file is refused as an MRR movements log, naming the first row that shows it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, row_of
from .notes import note

__all__ = ["check_movement_levels", "movements_log_error"]

_NEW = frozenset({"new", "new_business", "new_biz"})
_UP = frozenset({"upgrade", "expansion"})
_DOWN = frozenset({"downgrade", "contraction"})
_CHURN = frozenset({"churn", "churned"})
_BACK = frozenset({"reactivation", "reactivated"})


def movements_log_error(source: str, column: str, shown: str, why: str = "") -> DataError:
    """The refusal of a subscriptions file whose column ``column`` (values ``shown``) says each row is a movement of
    MRR; ``why``: what in its rows shows it is not one row per customer and month (a snapshots file's)."""
    return DataError(
        f"{source}: column {column!r} says each row is a movement of MRR ({shown}): an MRR movements log "
        f"(ChartMogul's or Baremetrics' activities), not one row per subscription nor per customer and month (read "
        f"so, expansions add up and churn rows are never lost){why}; export subscriptions (start, end, MRR) or each "
        f"customer's MRR per month",
        source=source,
        column=column,
    )


def _agrees(word: str, previous: float | None, mrr: float) -> bool:
    """Whether the movement ``word`` (spelled as statuses are) says the change from ``previous`` (None: the
    customer's first row) to ``mrr``."""
    if word in _NEW:
        return previous is None and mrr > 0
    if previous is None:
        return word == "" and mrr > 0  # a first row left blank: no movement said
    if word in _UP:
        return 0 < previous < mrr
    if word in _DOWN:
        return 0 < mrr < previous
    if word in _CHURN:
        return mrr == 0 < previous
    if word in _BACK:
        return previous == 0 < mrr
    return word == "" and mrr == previous


def check_movement_levels(
    df: pd.DataFrame, typed: Mapping[str, Any], names: Mapping[str, str], source: str, column: str
) -> None:
    """Refuse a snapshots file (``typed``: its ``customer_id``, ``month`` and ``mrr`` read, a row of ``df`` each)
    whose column ``column`` holds an MRR movements log's types, unless its rows are one per customer and month (see
    the module docstring): then it is read as snapshots, said in a note.

    >>> df = pd.DataFrame({"change_category": ["new", "upgrade", "churn", "new", None]})
    >>> typed = {"customer_id": np.array(["a", "a", "a", "b", "b"], dtype=object),
    ...          "month": np.array(["2026-01", "2026-02", "2026-03", "2026-02", "2026-03"], dtype="datetime64[us]"),
    ...          "mrr": np.array([10.0, 20.0, 0.0, 5.0, 5.0])}
    >>> check_movement_levels(df, typed, {"month": "date_month", "mrr": "mrr"}, "f.csv", "change_category")
    >>> typed["mrr"][1] = 5.0
    >>> check_movement_levels(df, typed, {"month": "date_month", "mrr": "mrr"}, "f.csv", "change_category")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: f.csv: column 'change_category' says each row is a movement of MRR \
(churn, new, upgrade): an MRR movements log (ChartMogul's or Baremetrics' activities), not one row per subscription \
nor per customer and month (read so, expansions add up and churn rows are never lost); read as each customer's MRR \
per month, row 3 says 'upgrade' where 'mrr' goes from 10 to 5; export subscriptions (start, end, MRR) or each \
customer's MRR per month
    """
    from .statuses import SEPARATORS

    raw = df.iloc[:, [str(c) for c in df.columns].index(column)]
    written = [str(v).strip() for v in raw if isinstance(v, str) and str(v).strip()]
    shown = ", ".join(sorted(set(written))[:5])
    words = np.array(
        [re.sub(SEPARATORS, "_", v.strip().lower()) if isinstance(v, str) else "" for v in raw], dtype=object
    )
    ids = pd.factorize(pd.Series(typed["customer_id"], dtype=object))[0]
    months = np.asarray(typed["month"], dtype="datetime64[us]").astype("datetime64[M]").astype(np.int64)
    mrr = np.asarray(typed["mrr"], dtype=float)
    order = np.lexsort((months, ids))
    last_month = months.max() if len(months) else 0
    mrr_name, month_name = names.get("mrr", "mrr"), names.get("month", "month")

    def refused(row: int, why: str) -> DataError:
        return movements_log_error(source, column, shown, f"; read as each customer's MRR per month, "
                                   f"{row_of(source, int(row))} {why}")  # fmt: skip

    def month_text(value: int) -> str:
        return str(np.datetime64(int(value), "M"))

    for position, row in enumerate(order):
        previous = order[position - 1] if position and ids[order[position - 1]] == ids[row] else None
        following = order[position + 1] if position + 1 < len(order) and ids[order[position + 1]] == ids[row] else None
        if previous is not None and months[row] == months[previous]:
            raise refused(row, f"is a second row of its customer in {month_text(months[row])}")
        if previous is not None and months[row] != months[previous] + 1:
            raise refused(row, f"follows its customer's row of {month_text(months[previous])} with no row between")
        if following is None and months[row] != last_month and mrr[row] != 0:
            last = month_text(last_month)
            raise refused(row, f"is its customer's last, in {month_text(months[row])} with {mrr_name!r} {mrr[row]:g}: "
                               f"not lost (MRR 0) and not in the last month, {last}")  # fmt: skip
        before = None if previous is None else float(mrr[previous])
        if np.isnan(mrr[row]) or not _agrees(words[row], before, float(mrr[row])):
            said = f"says {raw.iloc[row]!r}" if words[row] else "says no movement"
            change = f"is {mrr[row]:g}" if before is None else f"goes from {before:g} to {mrr[row]:g}"
            raise refused(row, f"{said} where {mrr_name!r} {change}")
    note(
        f"{source}: column {column!r} names each month's movement of MRR ({shown}) and agrees with {mrr_name!r} "
        f"month to month, one row per customer and {month_name!r}: read as each customer's MRR per month"
    )
