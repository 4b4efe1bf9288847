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
  ``churn`` where it fell to 0, ``reactivation`` where it rose from 0, blank where it did not change: equal at 15
  significant digits, as the movements are counted (29.98 beside 19.99 + 9.99 written as 29.979999999999997 is no
  movement, docs/metrics.md); there a word of a rise or a fall is taken too, as dbt's model writes one for any
  ``mrr_change`` other than 0.

Otherwise the file is refused as an MRR movements log, naming the first row that shows it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._validation import equal_at_15_digits
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


def _month_text(value: int) -> str:
    return str(np.datetime64(int(value), "M"))


def _refusal(
    position: int, order: np.ndarray, mrr: np.ndarray, months: np.ndarray, words: np.ndarray, raw: pd.Series,
    last_month: int, same: np.ndarray, mrr_name: str, refused: Any,
) -> DataError:  # fmt: skip
    """The refusal naming the row at ``position`` (in customer and month order), the first whose check fails, by
    the first check it fails: a second row of a month, a month left out, a paying customer's last row before the
    last month, a movement's word its MRR does not show."""
    row = order[position]
    previous = order[position - 1] if same[position] else None
    if previous is not None and months[row] == months[previous]:
        return refused(row, f"is a second row of its customer in {_month_text(months[row])}")
    if previous is not None and months[row] != months[previous] + 1:
        return refused(row, f"follows its customer's row of {_month_text(months[previous])} with no row between")
    following = position + 1 < len(order) and same[position + 1]
    if not following and months[row] != last_month and mrr[row] != 0:
        last = _month_text(last_month)
        return refused(row, f"is its customer's last, in {_month_text(months[row])} with {mrr_name!r} "
                            f"{mrr[row]:g}: not lost (MRR 0) and not in the last month, {last}")  # fmt: skip
    before = None if previous is None else float(mrr[previous])
    said = f"says {raw.iloc[row]!r}" if words[row] else "says no movement"
    change = f"is {mrr[row]:g}" if before is None else f"goes from {before:g} to {mrr[row]:g}"
    return refused(row, f"{said} where {mrr_name!r} {change}")


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
    spelled = {v: re.sub(SEPARATORS, "_", v.strip().lower()) for v in pd.unique(raw.dropna()) if isinstance(v, str)}
    words = raw.map(spelled).fillna("").to_numpy(dtype=object)  # each distinct value spelled once
    ids = pd.factorize(pd.Series(typed["customer_id"], dtype=object))[0]
    months = np.asarray(typed["month"], dtype="datetime64[us]").astype("datetime64[M]").astype(np.int64)
    mrr = np.asarray(typed["mrr"], dtype=float)
    order = np.lexsort((months, ids))
    last_month = months.max() if len(months) else 0
    mrr_name, month_name = names.get("mrr", "mrr"), names.get("month", "month")
    # the rows in customer and month order, each beside its customer's row before (vectorized: a table of millions)
    i, m, w = ids[order], months[order], words[order]
    level = mrr[order]
    same = np.zeros(len(order), dtype=bool)
    same[1:] = i[1:] == i[:-1]  # the row before is its customer's
    follows = np.zeros(len(order), dtype=bool)
    follows[:-1] = same[1:]  # the row after is its customer's
    before = np.full(len(order), np.nan)
    before[1:] = level[:-1]
    before[~same] = np.nan
    up, down, churn, back, new = (np.isin(w, list(k)) for k in (_UP, _DOWN, _CHURN, _BACK, _NEW))
    blank = w == ""
    with np.errstate(invalid="ignore"):
        agrees = np.where(
            ~same,
            (new | blank) & (level > 0),
            (up & (before > 0) & (level > before)) | (down & (level > 0) & (level < before))
            | (churn & (level == 0) & (before > 0)) | (back & (before == 0) & (level > 0))
            | (blank & equal_at_15_digits(level, before)),  # 19.99 + 9.99 beside 29.98: no movement (docs/metrics.md)
        )  # fmt: skip
        month_before = np.concatenate([[0], m[:-1]])
        bad = (same & (m != month_before + 1)) | (~follows & (m != last_month) & (level != 0)) | ~agrees
    if bad.any():

        def refused(row: int, why: str) -> DataError:
            where = f"; read as each customer's MRR per month, {row_of(source, int(row))} {why}"
            return movements_log_error(source, column, shown, where)

        position = int(np.argmax(bad))  # the first row, in customer and month order, that shows a log
        raise _refusal(position, order, mrr, months, words, raw, last_month, same, mrr_name, refused)
    note(
        f"{source}: column {column!r} names each month's movement of MRR ({shown}) and agrees with {mrr_name!r} "
        f"month to month, one row per customer and {month_name!r}: read as each customer's MRR per month"
    )
