"""RFM summary of an order table, in the ``lifetimes`` package's conventions (the input of BG/NBD and Gamma-Gamma).

numpy only at import time (``xl_retention.models`` re-exports :func:`rfm_summary` and must
import without pandas); pandas and the date reader are imported when it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import NotANumberError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["rfm_summary"]

_PERIODS = {"D": "D", "W": "W", "M": "M"}


def _paid(orders: pd.DataFrame, frame: pd.DataFrame, amount: str | None) -> np.ndarray:
    """Whether each order was paid, by the import's rules (:func:`~xl_retention.reading.orders.cancelled_rows`: a
    status, type, cancelled or refunded flag, whatever the status column's name); an amount refunded in part
    (:func:`~xl_retention.reading.orders.refunded_column`) is taken off ``frame[amount]`` in place, one refunded in
    full is no purchase. A status the import refuses is a :class:`~xl_retention.errors.NotANumberError` naming it."""
    from ..reading import DataError, parse_numbers
    from ..reading.order_columns import check_invoices_and_payments
    from ..reading.orders import cancelled_rows, refunded_column, take_refunds

    others = orders.drop(columns=[c for c in frame.columns if c in orders.columns])
    try:
        check_invoices_and_payments(others, "orders")
        refunded = refunded_column(others, "orders", amount) if amount is not None else None
        full = np.zeros(len(orders), dtype=bool)
        if refunded is not None and amount is not None:
            taken = parse_numbers(others[refunded], "orders", refunded, allow_blank=True)
            kept, full = take_refunds(frame[amount].to_numpy(), taken, "orders", refunded, amount)
            frame[amount] = kept
        return ~(cancelled_rows(others, "orders", refunds=refunded is not None) | full)
    except DataError as error:
        raise NotANumberError(f"orders: {error}", "orders", None) from None


def rfm_summary(
    orders: pd.DataFrame,
    customer_id: str = "customer_id",
    date: str = "date",
    amount: str | None = "amount",
    period: str = "D",
    observation_end: Any = None,
    *,
    dayfirst: bool | None = None,
    date_format: str | None = None,
) -> pd.DataFrame:
    """Frequency, recency, T and monetary value per customer from an order table (``lifetimes`` conventions).

    Orders are counted per period (``"D"`` days, ``"W"`` weeks, ``"M"`` months): several
    orders in one period are one purchase, their amounts summed. Per customer:
    frequency = purchase periods - 1 (repeat purchases); recency = last - first purchase
    period; T = observation_end's period - first purchase period; monetary_value = mean
    amount of the repeat purchases (0 without any). Orders in periods after the period of
    ``observation_end`` (default: the last date in the table, refunds included) are ignored. ``amount=None`` skips
    monetary_value.

    Orders that were not paid are left out as ``xl-retention import`` leaves them out: a status (whatever its
    column's name: values ``cancelled``, ``voided``, ``failed``, ``refunded``), a type saying a refund, a cancelled or
    refunded flag; a refunded amount column is taken off the amount (refunded in full: no purchase); a status the
    import refuses (neither paid nor unpaid) is refused here too.

    Refunds: a row with a negative amount is not a purchase. It is left out before
    anything is counted (as ``xl-retention import`` leaves it out of the purchases
    table), so a refund never counts as a repeat purchase; a customer with refunds only
    is not in the result.

    Dates are read as :func:`xl_retention.reading.parse_dates` reads them: one format for
    the whole column (``13/02/2024`` proves the column day-first); a column whose day/month
    order cannot be told needs ``dayfirst`` (True: ``03/04/2025`` is 3 April) or
    ``date_format`` (a strftime format such as ``"%d/%m/%Y"``). Ids are compared as the
    importer compares them (surrounding spaces dropped, ``0123`` is not ``123``).

    Raises :class:`~xl_retention.errors.NotANumberError` naming the argument for an unknown
    period or column, dates that do not parse, blank dates and amounts that are not numbers.

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 1, 2, 1], "amount": [10.0, 20.0, 40.0, 5.0, -20.0],
    ...                        "date": ["2024-01-01", "2024-01-03", "2024-01-08", "2024-01-05", "2024-01-09"]})
    >>> summary = rfm_summary(orders)
    >>> summary.loc[1].to_dict()
    {'frequency': 2.0, 'recency': 7.0, 'T': 8.0, 'monetary_value': 30.0}
    >>> summary.loc[2].to_dict()
    {'frequency': 0.0, 'recency': 0.0, 'T': 4.0, 'monetary_value': 0.0}
    """
    import pandas as pd

    from ..reading import DataError, DateOptions, clean_ids, parse_dates, parse_numbers
    from ..reading.date_arguments import date_argument
    from ..reading.values import refuse_bad_ids

    if period not in _PERIODS:
        raise NotANumberError(f"period must be 'D', 'W' or 'M', got {period!r}", "period", period)
    for argument, column in (("customer_id", customer_id), ("date", date), ("amount", amount)):
        if column is not None and column not in orders.columns:
            raise NotANumberError(f"orders has no column {column!r} (the {argument} column)", argument, column)
    try:
        options = DateOptions(dayfirst=dayfirst, date_format=date_format)
        dates = parse_dates(orders[date], "orders", date, options)
    except DataError as error:
        if "missing dates" in str(error):
            raise NotANumberError(f"date column {date!r} is blank: {error}", "date", None) from None
        raise NotANumberError(f"date column {date!r} holds values that are not dates: {error}", "date", None) from None
    ids = clean_ids(orders[customer_id])
    try:  # blank, '#N/A', or a long id Excel saved as 7.12346E+12: one customer of many (rows named as the import's)
        refuse_bad_ids(ids, orders[customer_id], "orders", customer_id, "customer ids")
    except DataError as error:
        blank = f"customer_id column {customer_id!r} is blank: " if ids.isna().any() else ""
        raise NotANumberError(f"{blank}{error}", "customer_id", None) from None
    frame = pd.DataFrame({customer_id: ids.to_numpy(), date: dates}, index=orders.index)
    last_date = frame[date].max()
    if amount is not None:
        try:
            frame[amount] = parse_numbers(orders[amount], "orders", amount)
        except DataError as error:
            raise NotANumberError(f"amount column {amount!r}: {error}", "amount", None) from None
    frame = frame[_paid(orders, frame, amount)]  # cancelled, voided, refunded in full: left out, as the import does
    if amount is not None:
        frame = frame[frame[amount].to_numpy() >= 0]  # refunds are not purchases
    # '01/12/2014' read as the orders' dates are (day-first: 1 December), not month-first (reading.date_arguments)
    given = date_argument(observation_end, "observation_end", options, orders[date])
    end = last_date if given is None else pd.Timestamp(given)
    freq = _PERIODS[period]
    frame["_period"] = pd.PeriodIndex(frame[date].dt.to_period(freq)).asi8
    end_ordinal = pd.Period(end, freq=freq).ordinal
    if given is not None and len(frame) and end_ordinal < int(frame["_period"].min()):  # never an empty table
        first = frame[date].min().date()
        problem = f"is before every order (the first on {first}): no customer is observed"
        raise NotANumberError(f"observation_end {observation_end!r} ({end.date()}) {problem}", "observation_end", end)
    frame = frame[frame["_period"] <= end_ordinal]  # orders of the end's own period count, as in lifetimes
    per_period = frame.groupby([customer_id, "_period"], sort=True)
    if amount is not None:
        purchases = per_period[amount].sum().reset_index()
    else:
        purchases = per_period.size().reset_index()[[customer_id, "_period"]]
    grouped = purchases.groupby(customer_id, sort=True)["_period"]
    first, last, count = grouped.min(), grouped.max(), grouped.count()
    summary = pd.DataFrame(
        {
            "frequency": (count - 1).astype(np.float64),
            "recency": (last - first).astype(np.float64),
            "T": (end_ordinal - first).astype(np.float64),
        }
    )
    if amount is not None:
        is_first = purchases["_period"].to_numpy() == purchases[customer_id].map(first).to_numpy()
        repeat = purchases[~is_first]
        summary["monetary_value"] = repeat.groupby(customer_id)[amount].mean().reindex(summary.index).fillna(0.0)
    summary.index.name = customer_id
    return summary
