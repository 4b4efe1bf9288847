"""The demo's sample orders: one order list behind its Purchases sheet and its order cohorts (``xl-retention demo``).

The demo's purchases (buyers, buyers with 2+ orders, returning buyers per month: :func:`.sample.sample_inputs`) are
counts; the order cohorts on **Cohorts** need the orders behind them. :func:`sample_orders` draws an order list
whose months give exactly those counts (customers of a month before the first one stand for the buyers who return
in the first month), and :func:`order_inputs` turns it into the tables ``xl-retention import --orders`` writes,
by the same function (:func:`xl_retention.tables.activity.order_tables`).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

#: customers whose first order is in the month before the tracker's first: the buyers who return in its first month
_EARLIER_CUSTOMERS = 700


def sample_orders(purchases: Mapping[str, Sequence[int]], start: str, seed: int = 11) -> pd.DataFrame:
    """Orders (``customer_id, date``) whose month ``start`` + m has ``buyers[m]`` buyers, ``repeat[m]`` of them with
    two orders and ``returning[m]`` who ordered in an earlier month (a returning buyer more likely a recent one);
    the rest order for the first time. Orders begin in the month before ``start``."""
    rng = np.random.default_rng(seed)
    first = pd.Period(start, freq="M")
    buyers, repeat, returning = (list(purchases[k]) for k in ("buyers", "repeat", "returning"))
    if not all(0 <= r <= b and 0 <= p <= b for b, r, p in zip(buyers, returning, repeat, strict=True)):
        raise ValueError("sample orders: returning and repeat buyers must be between 0 and the month's buyers")
    seen = np.arange(_EARLIER_CUSTOMERS)
    joined = np.full(_EARLIER_CUSTOMERS, -1)  # each customer's first month, counted from `start`
    ids: list[np.ndarray] = [seen]
    months: list[np.ndarray] = [joined.copy()]
    for m, (b, r, p) in enumerate(zip(buyers, returning, repeat, strict=True)):
        weights = 1.0 / (1.0 + 0.25 * (m - joined))
        back = rng.choice(seen, r, replace=False, p=weights / weights.sum())
        new = np.arange(seen.size, seen.size + b - r)
        month_buyers = np.concatenate([back, new])
        twice = rng.choice(month_buyers, p, replace=False)
        ids += [month_buyers, twice]
        months += [np.full(b + p, m)]
        seen = np.concatenate([seen, new])
        joined = np.concatenate([joined, np.full(new.size, m)])
    customer = np.concatenate(ids)
    offset = np.concatenate(months)
    day = rng.integers(0, 28, customer.size)
    dates = [(first + int(k)).start_time + pd.Timedelta(days=int(d)) for k, d in zip(offset, day, strict=True)]
    return pd.DataFrame({"customer_id": [f"C{c:05d}" for c in customer], "date": dates})


def order_inputs(orders: pd.DataFrame, start: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The purchases table and the order cohorts (counts) of ``orders`` from month ``start`` on, as
    ``xl-retention import --orders`` computes them."""
    from ..tables.activity import order_tables

    with warnings.catch_warnings():  # the sample orders have no amounts: no order revenue, said by a note
        warnings.simplefilter("ignore")
        purchases, cohorts, _ = order_tables(orders, start=start, source="the demo's sample orders")
    return purchases, cohorts
