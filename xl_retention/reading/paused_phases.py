"""An intervals file's phase with MRR 0 between phases of one subscription: a pause or a free phase, not an end.

A subscription-schedule or phases export (Stripe's subscription schedules, a pause kept as a phase, a free plan
upgraded) writes one row per phase of a subscription, its id on each. A row of MRR 0 whose end is the start of the
next phase of the same subscription id did not end with MRR 0 as a list with today's MRR gives cancelled
subscriptions (:func:`.revenue.check_ended_at_zero`): it is a phase the customer paid nothing in (inactive those
months: lost, then reactivated when a paid phase follows). Rows of one customer without a subscription id are not
read so: a cancelled subscription at today's MRR 0 followed by another one that day cannot be told from a pause.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["followed_by_phase"]


def followed_by_phase(
    df: pd.DataFrame, typed: Mapping[str, Any], names: Mapping[str, str], customers: bool = False
) -> np.ndarray:
    """Whether each row of ``df`` (an intervals file; ``typed``: its ``start``, ``end`` read) ends on the day (or the
    day before: an inclusive end) another row of the same subscription id (:func:`.repeats.record_id_columns`, or the
    column mapped as ``names["subscription_id"]``; the customer's only with ``customers``: a row continued that day by
    another of the customer's, lost by no one) starts.

    >>> df = pd.DataFrame({"subscription_id": ["s1", "s1", "s2"], "customer_id": ["a", "a", "b"]})
    >>> typed = {"start": np.array(["2024-01-01", "2024-03-01", "2024-01-05"], dtype="datetime64[us]"),
    ...          "end": np.array(["2024-03-01", "NaT", "2024-03-01"], dtype="datetime64[us]")}
    >>> followed_by_phase(df, typed, {"customer_id": "customer_id"}).tolist()
    [True, False, False]
    >>> plain = df.drop(columns="subscription_id")
    >>> [followed_by_phase(plain, typed, {"customer_id": "customer_id"}, c).tolist() for c in (False, True)]
    [[False, False, False], [True, False, False]]
    """
    from .repeats import _text, record_id_columns

    n = len(df)
    if "end" not in typed or "start" not in typed or n < 2:
        return np.zeros(n, dtype=bool)
    mapped = names.get("subscription_id")  # --columns subscription_id=NAME (reading.subscription_ids)
    columns = list(map(str, df.columns))
    ids = record_id_columns(columns, people=(names.get("customer_id"),), ids=(mapped,) if mapped else ())[:1]
    if customers and names.get("customer_id") in columns:
        ids.append(columns.index(names["customer_id"]))
    start = np.asarray(typed["start"], dtype="datetime64[us]").astype(np.int64)
    end = np.asarray(typed["end"], dtype="datetime64[us]")
    day = np.timedelta64(1, "D").astype("timedelta64[us]").astype(np.int64)  # an inclusive end: its last day
    found = np.zeros(n, dtype=bool)
    for position in ids:
        sub = pd.factorize(_text(df.iloc[:, position]))[0].astype(np.int64)
        known = (sub >= 0) & ~np.isnat(end)
        starts = pd.MultiIndex.from_arrays([sub[sub >= 0], start[sub >= 0]])
        following = [pd.MultiIndex.from_arrays([sub, end.astype(np.int64) + d]).isin(starts) for d in (0, day)]
        found |= known & (following[0] | following[1])
    return found
