"""Tables per segment on the pandas path: the reference the engines are tested against, and ``--backend pandas``.

The rule (``docs/metrics.md``, "Segments"): a customer counts, in every month, in the segment of
their first active month (subscriptions: the first month with MRR above 0; orders: their first
order, refunds left out; visits: their first visit; several rows there: the smallest segment).
Each segment's tables are the tables of its customers alone, over the months of the whole
data, so that the segments add up to the whole business. A survey answer counts in its own
row's segment. A blank segment is ``(blank)``.

>>> subs = pd.DataFrame({"customer_id": ["a", "a", "b"], "month": ["2024-01", "2024-02", "2024-02"],
...                      "mrr": [10, 20, 5], "plan": ["Basic", "Pro", "Pro"]})
>>> split_rows(subs, "snapshots", "plan")["Basic"]["customer_id"].tolist()
['a', 'a']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..reading import DataError, ReadOptions, key, prepare
from ..reading.errors import said_as
from ..reading.inclusive_ends import FILE_LAST_DAY_ENDS, LAST_DAY_ENDS
from ..reading.months import EVERY_MONTH_OBSERVED
from ..reading.paypal import paypal_orders
from ..reading.scores import FILE_SCALE_CHECKED
from ..reading.snapshot_rows import kept_segments
from ..tables._months import month_ordinals, observed_from, observed_until
from ..tables._split import split_by_caller

__all__ = ["BLANK_SEGMENT", "by_segment", "segment_labels", "split_rows"]

#: The segment of rows whose segment column is blank.
BLANK_SEGMENT = "(blank)"
#: A currency's code (in a column named as currencies, ``--segment currency``: typed two ways, upper-cased).
CODE = "[A-Za-z]{3}"


def _segment_name(names: list[str], segment: str, source: str) -> str:
    """The one column of ``names`` that ``segment`` names (matched as column names are); DataError otherwise."""
    found = [n for n in names if key(n) == key(segment)]
    if not found:
        listing = ", ".join(repr(str(c)) for c in names)
        raise DataError(
            f"{source}: no column {segment!r} (given as {said_as('--segment', 'segment=')}); columns found: {listing}",
            source=source,
            column=segment,
        )
    if len(found) > 1:
        raise DataError(
            f"{source}: {len(found)} columns match {segment!r} ({', '.join(map(repr, found))})",
            source=source,
            column=found[0],
        )
    return found[0]


def segment_labels(df: pd.DataFrame, segment: str, source: str) -> np.ndarray:
    """Each row's segment label in the column ``segment`` names: text as ids are read (whole numbers as digits, spaces
    stripped), blanks ``(blank)``; two values that differ only in capitals, spaces, apostrophes or hyphens (``Pro``
    and ``PRO``) are refused, naming both and their rows (:mod:`~xl_retention.reading.segment_spellings`); in a column
    named as currencies, a code is labelled upper case whatever its case (Stripe's ``usd`` is ``USD``)."""
    from ..reading.currency import named_currency
    from ..reading.segment_spellings import refuse_lookalike_segments
    from ..reading.values import clean_ids

    name = _segment_name(list(map(str, df.columns)), segment, source)
    position = [str(c) for c in df.columns].index(name)
    series = df.iloc[:, position]
    if series.dtype == np.float32:  # a REAL's 0.1 as written (a file's 0.1), not its double's 0.10000000149011612
        series = pd.Series([float(str(v)) for v in series.to_numpy()], index=series.index, dtype=object)
    text = clean_ids(series.astype(object) if not pd.api.types.is_object_dtype(series) else series)
    currency = named_currency(name)
    if currency:  # a currency's code ('usd', 'USD') is that currency, labelled upper case (USD)
        codes = text.str.fullmatch(CODE).fillna(False).astype(bool)
        text = text.astype(object).where(~codes, text.str.upper())
    refuse_lookalike_segments(text, series, source, name, currency)  # 'EUR' beside '€' too
    return text.astype(object).where(text.notna(), BLANK_SEGMENT).astype(str).to_numpy()


def split_rows(
    df: pd.DataFrame,
    kind: str,
    segment: str,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
) -> dict[str, pd.DataFrame]:
    """The rows of ``df`` (as given) by segment, each customer's rows in their segment (see the module docstring)."""
    typed, names = prepare(df, kind, columns, source, options)
    every = segment_labels(df, segment, source)
    if kind == "answers":  # the file's score column passed the scale check: a segment's answers are that question's
        answers = {s: df[every == s] for s in sorted(set(every))}
        for part in answers.values():
            part.attrs[FILE_SCALE_CHECKED] = True
        return answers
    kept = typed.attrs.get("positions")  # an orders file's rows kept (line items and cancelled orders left out)
    labels = kept_segments(every, typed.attrs)  # a snapshots file's joined rows: the smallest of those that pay
    who = "visitor_id" if kind == "visits" else "customer_id"
    ids = typed[who].astype(str).to_numpy()
    when = {"snapshots": "month", "intervals": "start"}.get(kind, "date")
    moment = typed[when].to_numpy()
    if kind in ("snapshots", "intervals"):
        moment = month_ordinals(moment)
        counts = typed["mrr"].to_numpy() > 0
        if kind == "intervals" and "end" in typed:  # a plan left within a month counts nowhere (tables._spans)
            from ..tables._spans import uncounted_short_intervals

            codes, end = pd.factorize(typed["customer_id"])[0], typed["end"].to_numpy()
            counts &= ~uncounted_short_intervals(codes, typed["start"].to_numpy(), end, moment, month_ordinals(end))
    else:
        counts = typed["amount"].to_numpy() >= 0 if "amount" in typed else np.ones(len(typed), dtype=bool)
    rows = pd.DataFrame({"id": ids[counts], "at": moment[counts], "segment": labels[counts]})
    first = rows.groupby("id")["at"].transform("min")
    owner = rows[rows["at"] == first].groupby("id")["segment"].min()
    if kept is not None:  # each row of the file in its customer's segment (an order's other rows with it)
        from ..reading.orders import customers_of_orders, orders_of_parents
        from ..reading.values import clean_ids, emails_in_lower_case

        people = df[names[who]]
        if kind == "orders" and "order_id" in names:  # an order's later items, blank there: its customer's
            orders = orders_of_parents(df[names["order_id"]], df, names.get("amount"), names.values())
            people = customers_of_orders(people, orders)
        ids = emails_in_lower_case(clean_ids(people)).astype(str).to_numpy()
    mine = pd.Series(ids).map(owner).to_numpy()
    parts = {s: df[mine == s] for s in sorted(set(owner))}
    for part in parts.values():  # the whole file was checked for missing months: a segment's may have none
        part.attrs[EVERY_MONTH_OBSERVED] = True
        if LAST_DAY_ENDS in typed.attrs:  # its ends are read as the whole file's are (contracts' last days or not)
            part.attrs[FILE_LAST_DAY_ENDS] = typed.attrs[LAST_DAY_ENDS]
    return parts


def by_segment(
    compute: Callable[..., Any],
    df: pd.DataFrame,
    kind: str,
    segment: str,
    months: pd.PeriodIndex,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
    **kwargs: Any,
) -> Any:
    """``compute(rows, start, end, columns=, source=, options=)`` per segment over ``months``, stacked.

    Returns what ``compute`` returns (a frame, or a tuple of frames) with ``segment`` as the
    first index level; None members stay None.
    """
    if kind == "orders":  # PayPal's ledger as its orders first: a refund's row names the shop, not its payment's payer
        df, columns = paypal_orders(df, dict(columns or {}), source, (segment,))
    parts = split_rows(df, kind, segment, columns=columns, source=source, options=options)
    start, end = (months[0], months[-1]) if len(months) else (None, None)
    # a segment without rows in the whole's first or last months had none then: 0, not unknown
    with observed_from(start), observed_until(end), split_by_caller():  # the segment's refusals lifted (tables._split)
        results = {s: compute(rows, start, end, columns=columns, source=source, options=options, **kwargs)
                   for s, rows in parts.items()}  # fmt: skip
    if not results:
        return None
    sample = next(iter(results.values()))
    if isinstance(sample, tuple):
        stacked = [_stack({s: r[i] for s, r in results.items()}) for i in range(len(sample))]
        return type(sample)(*stacked)
    return _stack(results)


def _stack(frames: dict[str, Any]) -> Any:
    if any(f is None for f in frames.values()):
        return None
    first = next(iter(frames.values()))
    return pd.concat(frames, names=["segment", first.index.name])
