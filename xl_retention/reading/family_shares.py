"""A subscription shared with a family member: the member's row pays nothing, the purchaser's row carries the price.

RevenueCat's Scheduled Data Export (one row per transaction) says with ``ownership_type`` whether a row is the
purchaser's (``PURCHASED``) or a family member's access through Apple's Family Sharing (``FAMILY_SHARED``):
RevenueCat's "Data Export Version 3" change log ("ownership_type can be used to distinguish between transactions
that originated from a purchase and those granted through Family Sharing") and its "Apple Family Sharing" guide. The
member's row is priced 0 and its access runs as long as the purchaser's; it is no customer and no MRR of its own
(the purchaser's row counts the subscription once). So (:func:`family_shared`):

* a ``FAMILY_SHARED`` row priced 0 adds nothing: it is not refused as a subscription that "ended with MRR 0"
  (:func:`~.revenue.check_ended_at_zero`: it has not ended, it never paid);
* a ``FAMILY_SHARED`` row with a price is refused naming its rows: the purchaser's row carries the price, so it
  would count the subscription twice (or a purchaser's row is labelled so; which cannot be told);
* an ``ownership_type`` value other than these two (or blank) is refused naming it.

Likewise a row of RevenueCat's ``store`` ``promotional`` priced 0 (an entitlement granted in RevenueCat, "for
entitlements granted via a promo in RevenueCat": its SDKs' ``Store.PROMOTIONAL``) in a file of RevenueCat's (its
``rc_original_app_user_id`` column) never paid: it adds nothing, and is not refused as ended with MRR 0.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows
from .names import key

__all__ = ["family_shared", "may_pay_nothing"]

#: The ownership column's name (as :func:`~.names.key` spells it) and its values (upper case).
OWNERSHIP = "ownership_type"
SHARED, PURCHASED = "FAMILY_SHARED", "PURCHASED"
#: A RevenueCat file's own column, its store column and the store of a granted entitlement.
REVENUECAT, STORE, PROMOTIONAL = "rc_original_app_user_id", "store", "promotional"


def _text(values: pd.Series) -> np.ndarray:
    return values.astype(object).where(values.notna(), "").map(lambda v: str(v).strip().upper()).to_numpy()


def _promotional(df: pd.DataFrame, paid: np.ndarray) -> np.ndarray | None:
    """The rows of a RevenueCat file whose store is ``promotional`` and price 0, None in another file."""
    keys = {key(c): c for c in df.columns}
    if REVENUECAT not in keys or STORE not in keys:
        return None
    return (_text(df[keys[STORE]]) == PROMOTIONAL.upper()) & (paid == 0)


def may_pay_nothing(columns: Any) -> bool:
    """Whether a file of ``columns`` may hold rows :func:`family_shared` finds (by the names alone)."""
    keys = {key(c) for c in columns}
    return OWNERSHIP in keys or {REVENUECAT, STORE} <= keys


def family_shared(df: pd.DataFrame, price: Any, source: str) -> np.ndarray | None:
    """The rows of ``df`` that are a family member's share, or a RevenueCat promotional grant, priced 0 (``price``:
    each row's price or MRR as read), None without an ``ownership_type`` column or RevenueCat's ``store``. Raises
    :class:`~.errors.DataError` naming a shared row with a price or an ownership not known.

    >>> df = pd.DataFrame({"ownership_type": ["PURCHASED", "FAMILY_SHARED"]})
    >>> family_shared(df, np.array([9.99, 0.0]), "rc.csv").tolist()
    [False, True]
    """
    paid = np.asarray(price, dtype=np.float64)
    granted = _promotional(df, paid)
    found = [c for c in df.columns if key(c) == OWNERSHIP]
    if len(found) != 1:
        return granted
    column = found[0]
    said = _text(df[column])
    odd = ~np.isin(said, [SHARED, PURCHASED])
    if odd.any():
        raise bad_rows(source, str(column), "ownership types not known as PURCHASED or FAMILY_SHARED (whether the "
                       "row is the purchaser's cannot be told)", np.flatnonzero(odd), df[column],
                       advice="write PURCHASED where the row's customer pays, FAMILY_SHARED where a family member's "
                       "access is shared")  # fmt: skip
    shared = said == SHARED
    priced = shared & np.isfinite(paid) & (paid != 0)
    if priced.any():
        raise bad_rows(source, str(column), "family members' rows with a price (the purchaser's row carries the "
                       "price: counted here too, the subscription would count twice)", np.flatnonzero(priced),
                       df[column], advice="write their price as 0, or remove them")  # fmt: skip
    return shared if granted is None else shared | granted
