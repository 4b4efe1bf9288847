"""RFM summary of an order table, in the ``lifetimes`` package's conventions (moving to xl_retention.tables: H1)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .._validation import to_float_array
from ..errors import NotANumberError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_PERIODS = {"D": "D", "W": "W", "M": "M"}


def rfm_summary(
    orders: pd.DataFrame,
    customer_id: str = "customer_id",
    date: str = "date",
    amount: str | None = "amount",
    period: str = "D",
    observation_end: Any = None,
) -> pd.DataFrame:
    """Frequency, recency, T and monetary value per customer from an order table (``lifetimes`` conventions).

    Orders are counted per period (``"D"`` days, ``"W"`` weeks, ``"M"`` months): several
    orders in one period are one purchase, their amounts summed. Per customer:
    frequency = purchase periods - 1 (repeat purchases); recency = last - first purchase
    period; T = observation_end's period - first purchase period; monetary_value = mean
    amount of the repeat purchases (0 without any). Orders in periods after the period of
    ``observation_end`` (default: the last order date) are ignored. ``amount=None`` skips
    monetary_value.

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 1, 2], "amount": [10.0, 20.0, 40.0, 5.0],
    ...                        "date": ["2024-01-01", "2024-01-03", "2024-01-08", "2024-01-05"]})
    >>> summary = rfm_summary(orders)
    >>> summary.loc[1].to_dict()
    {'frequency': 2.0, 'recency': 7.0, 'T': 7.0, 'monetary_value': 30.0}
    >>> summary.loc[2].to_dict()
    {'frequency': 0.0, 'recency': 0.0, 'T': 3.0, 'monetary_value': 0.0}
    """
    import pandas as pd

    if period not in _PERIODS:
        raise NotANumberError(f"period must be 'D', 'W' or 'M', got {period!r}", "period", period)
    for argument, column in (("customer_id", customer_id), ("date", date), ("amount", amount)):
        if column is not None and column not in orders.columns:
            raise NotANumberError(f"orders has no column {column!r} (the {argument} column)", argument, column)
    frame = orders[[c for c in (customer_id, date, amount) if c is not None]].copy()
    try:
        is_text = frame[date].dtype == object or pd.api.types.is_string_dtype(frame[date])
        frame[date] = pd.to_datetime(frame[date], format="mixed" if is_text else None)
    except (ValueError, TypeError) as error:
        raise NotANumberError(f"date column {date!r} holds values that are not dates: {error}", "date", None) from None
    if frame[date].isna().any():
        position = int(np.flatnonzero(frame[date].isna().to_numpy())[0])
        raise NotANumberError(f"date column {date!r} is blank at row {position}", "date", None)
    if amount is not None:
        frame[amount] = to_float_array("amount", frame[amount].to_numpy())
        if np.isnan(frame[amount].to_numpy()).any():
            position = int(np.flatnonzero(np.isnan(frame[amount].to_numpy()))[0])
            raise NotANumberError(f"amount column {amount!r} is blank at row {position}", "amount", None)
    end = frame[date].max() if observation_end is None else pd.Timestamp(observation_end)
    freq = _PERIODS[period]
    frame["_period"] = pd.PeriodIndex(frame[date].dt.to_period(freq)).asi8
    end_ordinal = pd.Period(end, freq=freq).ordinal
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
