"""RFM summary of an order table, in the ``lifetimes`` package's conventions (the input of BG/NBD and Gamma-Gamma).

numpy only at import time (``xl_retention.models`` re-exports :func:`rfm_summary` and must
import without pandas); pandas and the date reader are imported when it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import NotANumberError, RetentionInputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["rfm_summary"]

#: A period's letter -> pandas' frequency: days, weeks, months, years ("A", annual, is "Y": a donor's gift years,
#: BG/BB's opportunities).
_PERIODS = {"D": "D", "W": "W", "M": "M", "Y": "Y", "A": "Y"}


def _refusal(error: Exception, columns: dict[str, str]) -> NotANumberError:
    """The import's refusal ``error`` (a :class:`~xl_retention.reading.DataError`) as this function's, naming the
    argument whose column it names (``"orders"`` for any other column)."""
    column = getattr(error, "column", None)
    argument = next((ours for ours, name in columns.items() if name == column), "orders")
    text = str(error).replace("--columns order_id=", "order_id=")  # this function's argument, not import's option
    text = text.replace("columns={'customer_id': 'NAME'}", "customer_id='NAME'")  # its argument, not ReadOptions
    if argument == "date":
        said = "is blank" if "missing dates" in text else "holds values that are not dates"
        return NotANumberError(f"date column {column!r} {said}: {text}", "date", None)
    if argument == "customer_id" and "missing customer ids" in text:
        return NotANumberError(f"customer_id column {column!r} is blank: {text}", "customer_id", None)
    if argument == "amount":
        return NotANumberError(f"amount column {column!r}: {text}", "amount", None)
    return NotANumberError(text, argument, None)


def rfm_summary(
    orders: pd.DataFrame,
    customer_id: str = "customer_id",
    date: str = "date",
    amount: str | None = "amount",
    period: str = "D",
    observation_end: Any = None,
    *,
    order_id: str | None = None,
    dayfirst: bool | None = None,
    date_format: str | None = None,
) -> pd.DataFrame:
    """Frequency, recency, T and monetary value per customer from an order table (``lifetimes`` conventions).

    Orders are counted per period (``"D"`` days, ``"W"`` weeks, ``"M"`` months, ``"Y"`` or ``"A"`` calendar years):
    several orders in one period are one purchase, their amounts summed. Per customer:
    frequency = purchase periods - 1 (repeat purchases); recency = last - first purchase
    period; T = observation_end's period - first purchase period; monetary_value = mean
    amount of the repeat purchases (0 without any). With ``period="Y"`` (a donor's gifts, once a year at most counted)
    frequency, recency and T are BG/BB's history (x, t_x, n) in yearly opportunities: ``bgbb_fit(s["frequency"],
    s["recency"], s["T"])``. Orders in periods after the period of
    ``observation_end`` (default: the last date in the table, refunds and unpaid orders included; None or a blank,
    NaN, NaT or ``""``, as a blank cell gives it, takes it) are ignored. A month, quarter or year given as the end
    (``"2024-03"``, ``"March 2024"``, ``"2024"``, a ``Period``) is its last day, all of it observed; a number or a
    logical is refused (pandas would read 20240331 as nanoseconds after 1970).
    ``amount=None`` skips monetary_value (an amount column the import finds by its name, ``amount``, ``Total``, is
    still read: its refunds and refund rows say which orders were paid).

    The table is read by ``xl-retention import``'s own reading of an orders file
    (:func:`~xl_retention.reading.preparation.prepare`, the same code): the rows of one order are one order
    (``order_id``, or the column the import finds: Shopify's "Name" in a line-item export, ``order_id``, Amazon's
    ``amazon-order-id``), dated by its first row and with that row's status, its amount the sum of its rows'
    (Shopify's ``Total`` on its first row only); a line-item export without an order id is refused. Orders that
    were not paid are left out as the import leaves them out: a status (whatever its column's name: values
    ``cancelled``, ``voided``, ``failed``, ``pending``, ``refunded``), a type saying a refund, a cancelled or
    refunded flag; a refunded amount column or an order's refund row is taken off its amount (refunded in full: no
    purchase); a status the import refuses (neither paid nor unpaid) is refused here too. Customer ids are the
    import's (surrounding spaces dropped, ``0123`` is not ``123``, an e-mail address in lower case).

    Refunds: a row with a negative amount and no order of its own is not a purchase. It is left out before
    anything is counted (as ``xl-retention import`` leaves it out of the purchases
    table), so a refund never counts as a repeat purchase; a customer with refunds only
    is not in the result.

    Dates are read as :func:`xl_retention.reading.parse_dates` reads them: one format for
    the whole column (``13/02/2024`` proves the column day-first); a column whose day/month
    order cannot be told needs ``dayfirst`` (True: ``03/04/2025`` is 3 April) or
    ``date_format`` (a strftime format such as ``"%d/%m/%Y"``).

    Raises :class:`~xl_retention.errors.RetentionInputError` naming ``period`` for an unknown period;
    :class:`~xl_retention.errors.NotANumberError` naming the argument for an unknown column, an ``observation_end``
    after today (or before every order; a number, a logical or a text that is no date: RetentionInputError), dates
    that do not parse, blank dates and amounts that are not numbers, and
    the import's refusals of an orders file (naming the column and rows).

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

    from ..reading import DataError, parse_dates
    from ..reading.columns import ReadOptions
    from ..reading.date_arguments import end_argument
    from ..reading.frames import pandas_table
    from ..reading.preparation import prepare

    if period not in _PERIODS:
        raise RetentionInputError(
            f"period must be 'D' (days), 'W' (weeks), 'M' (months) or 'Y' (years; 'A' too), got {period!r}",
            "period",
            period,
        )
    arguments = {"customer_id": customer_id, "date": date, "amount": amount, "order_id": order_id}
    for argument, column in arguments.items():
        if column is not None and column not in orders.columns:
            raise NotANumberError(f"orders has no column {column!r} (the {argument} column)", argument, column)
    columns = {ours: str(name) for ours, name in arguments.items() if name is not None}
    try:
        options = ReadOptions(dayfirst=dayfirst, date_format=date_format)
        table = pandas_table(orders, "orders")
        frame, _ = prepare(table, "orders", columns, "orders", options)
        # the default end: the table's last date, its refunds and unpaid orders included (as lifetimes takes it)
        every = parse_dates(table[date], "orders", date, options.dates(), allow_blank=True)
    except DataError as error:
        raise _refusal(error, columns) from None
    last_date = pd.Timestamp(every[~pd.isna(every)].max()) if len(every) else pd.NaT
    money = "amount" in frame.columns
    if money:  # refunds are not purchases
        frame = frame[frame["amount"].to_numpy() >= 0]
    # '01/12/2014' read as the orders' dates are (day-first: 1 December), not month-first (reading.date_arguments)
    given = end_argument(observation_end, "observation_end", options.dates(), table[date])  # a month: its last day
    end = last_date if given is None else given
    if end is not pd.NaT and end.tzinfo is not None:  # an instant: its date as written in its zone, as the orders'
        end = end.tz_localize(None)
    freq = _PERIODS[period]
    frame = frame.assign(_period=pd.PeriodIndex(frame["date"].dt.to_period(freq)).asi8)
    end_ordinal = pd.Period(end, freq=freq).ordinal
    if given is not None and len(frame) and end_ordinal < int(frame["_period"].min()):  # never an empty table
        first = frame["date"].min().date()
        problem = f"is before every order (the first on {first}): no customer is observed"
        raise NotANumberError(f"observation_end {observation_end!r} ({end.date()}) {problem}", "observation_end", end)
    today = pd.Timestamp.today().normalize()
    if given is not None and end.normalize() > today:  # T would count days not observed yet as days without purchases
        problem = (
            f"is after today ({today.date()}): the days after today are not observed yet, and T would count them as "
            "days without purchases; give today's date or an earlier one"
        )
        raise NotANumberError(f"observation_end {observation_end!r} ({end.date()}) {problem}", "observation_end", end)
    frame = frame[frame["_period"] <= end_ordinal]  # orders of the end's own period count, as in lifetimes
    per_period = frame.groupby(["customer_id", "_period"], sort=True)
    if amount is not None:
        purchases = per_period["amount"].sum().reset_index()
    else:
        purchases = per_period.size().reset_index()[["customer_id", "_period"]]
    grouped = purchases.groupby("customer_id", sort=True)["_period"]
    first, last, count = grouped.min(), grouped.max(), grouped.count()
    summary = pd.DataFrame(
        {
            "frequency": (count - 1).astype(np.float64),
            "recency": (last - first).astype(np.float64),
            "T": (end_ordinal - first).astype(np.float64),
        }
    )
    if amount is not None:
        is_first = purchases["_period"].to_numpy() == purchases["customer_id"].map(first).to_numpy()
        repeat = purchases[~is_first]
        summary["monetary_value"] = repeat.groupby("customer_id")["amount"].mean().reindex(summary.index).fillna(0.0)
    summary.index.name = customer_id
    return summary
