"""An order's coupon written on each of its item rows (Etsy's "Sold Order Items": "Discount Amount" 5.00 on both
rows of an order of two items, as its ``Order Shipping`` is), beside an item's amount (``Item Total``: the item's
price x quantity, before the order's coupon).

Such a discount is the order's, not each row's (:mod:`.order_level`): it is taken off the order once, each item
bearing its share of the order's items (H254 finding 06: items 30.00 + 2 x 10.00 with a 5.00 coupon were read as
50.00, the coupon neither taken off nor refused, for 45.00). Whether an item's amount is before its order's coupon
is not told by its name's "total" (``Item Total`` is the item's, the coupon the order's).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .order_level import item_amount, order_codes, order_level, order_sums

__all__ = ["order_coupon_shares"]


def order_coupon_shares(
    df: pd.DataFrame, amount: np.ndarray, discount: np.ndarray, names: Mapping[str, str]
) -> np.ndarray | None:
    """Each row's share of its order's discount (``discount``: its size on each row, the same on every row of an
    order) by its amount's share of the order's items, where the amount mapped is an item's
    (:func:`~.order_level.item_amount`) and the discount is the order's (:func:`~.order_level.order_level`); None
    otherwise.

    >>> frame = pd.DataFrame({"Order ID": ["1", "1", "2"], "Item Total": ["30", "20", "30"]})
    >>> order_coupon_shares(frame, np.array([30.0, 20.0, 30.0]), np.array([5.0, 5.0, 3.0]),
    ...                     {"amount": "Item Total", "order_id": "Order ID"}).tolist()
    [3.0, 2.0, 3.0]
    """
    money = names.get("amount")
    if money is None or not item_amount(money):
        return None
    codes = order_codes(df, names)
    if codes is None or not order_level(discount, codes):
        return None
    amount = np.nan_to_num(np.asarray(amount, dtype=np.float64))
    sold = np.where(amount > 0, amount, 0.0)
    items = order_sums(sold, codes)
    discount = np.nan_to_num(np.asarray(discount, dtype=np.float64))
    return np.where(items > 0.005, discount * sold / np.where(items > 0.005, items, 1.0), 0.0)
