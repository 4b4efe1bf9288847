"""An order's total as the sum of its parts, telling whether an amount holds its tax (docs/metrics.md: Etsy's Sold
Orders, whose "Order Total" is "Order Value" less "Discount Amount" plus ``Shipping`` and "Sales Tax": such a column
says the tax was added on top).

* :func:`by_order_total`: another column is the amount less a discount plus the shipping and the tax: the amount
  ("Order Value") is before the tax, net;
* :func:`order_value_of`: the amount is another column less a discount plus the shipping and the tax: the amount
  ("Order Total", and so its twin after refunds, "Adjusted Order Total") is the total charged, the tax inside.

:func:`~.taxes.net_of_tax` asks them where the tax's own sum with the amount tells nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .equal_columns import equal_column
from .equal_columns import numbers_or_none as _numbers

__all__ = ["by_order_total", "order_value_of"]


def by_order_total(
    df: pd.DataFrame, money: np.ndarray, rows: np.ndarray, skip: set[str], names: Mapping[str, str], source: str,
    decimal: str | None,
) -> str | None:  # fmt: skip
    """X where another column X is the amount less a discount column plus the shipping and tax columns beside it in
    every row with a tax (Etsy's Sold Orders: 'Order Total' = 'Order Value' - 'Discount Amount' + 'Shipping' + 'Sales
    Tax'; :func:`~.order_discounts._by_totals`): the tax was added on top of the amount, which is net. None otherwise
    (H327: 'Sales Tax' 1.98 of 'Order Value' 24.00 is 8.25 % on top and 9 % inside to the cent, and 3.56 of 48.00
    less a 4.80 coupon read as 8 % inside the 48.00, taken off every order).

    >>> df = pd.DataFrame({"Order Value": ["24.00", "48.00"], "Discount Amount": ["0", "4.80"],
    ...                    "Shipping": ["4.50", "4.50"], "Sales Tax": ["1.98", "3.56"],
    ...                    "Order Total": ["30.48", "51.26"]})
    >>> by_order_total(df, np.array([24.0, 48.0]), np.array([0, 1]), {"Order Value"}, {"amount": "Order Value"},
    ...                "o.csv", None)
    'Order Total'
    """
    from .discounts import discount_columns
    from .order_discounts import SHIPPING_WORDS, _by_totals, discount_words

    listed = list(map(str, df.columns))
    offs: list[tuple[str, np.ndarray]] = [("", np.zeros(len(money)))]
    for name in discount_columns(df):
        if name in skip or listed.count(name) != 1 or discount_words(name) & SHIPPING_WORDS:
            continue
        off = _numbers(df[name], source, name, decimal)
        if off is not None:
            offs.append((name, np.abs(np.nan_to_num(off))))
    for name, off in offs:
        verdict, added = _by_totals(df, money, off, rows, skip | {name}, names, source, decimal)
        if verdict is not None and (name or len(added) > 1):  # beyond amount + tax (told by _by_sums)
            return verdict  # the total column (order_discounts._by_totals)
    return None


def order_value_of(
    df: pd.DataFrame, money: np.ndarray, rows: np.ndarray, skip: set[str], names: Mapping[str, str], source: str,
    decimal: str | None,
) -> str | None:  # fmt: skip
    """Why the amount holds the tax where it is another column X less a discount column plus the shipping and tax
    columns beside it in every row with a tax (Etsy's Sold Orders read at 'Order Total': 'Order Value' - 'Discount
    Amount' + 'Shipping' - 'Shipping Discount' + 'Sales Tax'; the tax was added on top of X, and the amount is the
    total charged, :func:`by_order_total` the other way round); None otherwise (H453 finding 01: 3.00 of 48.00 is
    6.25 % on top, read as against its name 'Total').

    >>> df = pd.DataFrame({"Order Value": ["40.00", "100.00"], "Discount Amount": ["0", "10.00"],
    ...                    "Shipping": ["5.00", "0"], "Sales Tax": ["3.00", "0"], "Order Total": ["48.00", "90.00"]})
    >>> order_value_of(df, np.array([48.0, 90.0]), np.array([0]), {"Order Total"}, {"amount": "Order Total"},
    ...                "o.csv", None)
    "'Order Total' is 'Order Value' + 'Shipping' + 'Sales Tax'"
    """
    from .discounts import discount_columns
    from .order_discounts import SHIPPING_WORDS, _parts, discount_words, part_named

    _, taxes, parts, offs = _parts(df, rows, skip, dict(names), source, decimal)
    if not set(parts) & set(taxes):
        return None
    added = np.sum([-np.abs(v) if c in offs else v for c, v in parts.items()], axis=0)
    listed = list(map(str, df.columns))
    discounts: list[tuple[str, np.ndarray]] = [("", np.zeros(len(money)))]
    for name in discount_columns(df):
        if (
            name not in skip
            and name not in parts
            and listed.count(name) == 1
            and not discount_words(name) & SHIPPING_WORDS
        ):
            off = _numbers(df[name], source, name, decimal)
            if off is not None:
                discounts.append((name, np.abs(np.nan_to_num(off))))
    money_name = str(names.get("amount", names.get("mrr")))
    for name, off in discounts:
        found = equal_column(df, [money + off - added], rows, skip | set(parts) | {name}, source, decimal, part_named)
        if found is not None:
            terms = "".join(f" - {c!r}" if c in offs else f" + {c!r}" for c in parts)
            return f"{money_name!r} is {found[1]!r}{f' - {name!r}' if name else ''}{terms}"
    return None
