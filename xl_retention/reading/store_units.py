"""An app store's amounts per unit: App Store Connect's "Developer Proceeds" and "Customer Price" beside "Units".

Apple's field reference for its Subscriber and Sales reports defines "Developer Proceeds" as the proceeds of each
item delivered and "Customer Price" as the price of each, and aggregates a report's rows by "Units": a row of 2 units
at 6.99 is 13.98. Their names say neither one unit nor the line (:func:`~.unit_prices.price_kind`: "" and "price"),
so the units were ignored (October's 13.98 read as 6.99, H266 finding 14). :func:`per_unit_amount` tells such an
amount, in a file with the report's own columns beside it, as one unit's: multiplied by its units
(:func:`~.order_columns.priced_by_quantity`).

A refund is a row of Units -1 whose per-unit amount is positive (6.30) or, as "Customer Price ... a negative value
indicates a refund" says, negative too: -6.30 x -1 was read as a sale of 6.30 (H357's task 1). Either sign says a
refund: the row's amount is negative (:func:`store_line_amounts`), and it is taken off the purchase it refunds
(:mod:`.store_refunds`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["per_unit_amount", "store_line_amounts", "store_report"]

#: App Store Connect's amounts of one unit (as :func:`~.columns.keys_of` spells them).
_PER_UNIT = frozenset({"developer_proceeds", "customer_price"})
#: Columns that say the file is App Store Connect's report: its currencies of the proceeds and of the price.
_REPORT = frozenset({"proceeds_currency", "currency_of_proceeds", "customer_currency"})


def per_unit_amount(columns: Sequence[Any], amount: Any) -> bool:
    """Whether ``amount`` (a column of the file of ``columns``) is App Store Connect's amount of one unit beside its
    "Units" (see the module docstring).

    >>> per_unit_amount(["Event Date", "Developer Proceeds", "Proceeds Currency", "Units"], "Developer Proceeds")
    True
    >>> per_unit_amount(["Date", "Developer Proceeds", "Units"], "Developer Proceeds")  # no report's currency
    False
    """
    from .columns import keys_of

    keys = {k for c in columns for k in keys_of(c)}
    return bool(keys_of(amount) & _PER_UNIT and "units" in keys and keys & _REPORT)


def store_report(columns: Sequence[Any]) -> bool:
    """Whether ``columns`` are App Store Connect's report's: its "Units" beside its currency of the proceeds or of
    the price.

    >>> store_report(["Event Date", "Developer Proceeds", "Proceeds Currency", "Units"]), store_report(["Units"])
    (True, False)
    """
    from .columns import keys_of

    keys = {k for c in columns for k in keys_of(c)}
    return bool("units" in keys and keys & _REPORT)


def store_line_amounts(amounts: Any, units: Any) -> Any:
    """Each row's amount of App Store Connect's per-unit ``amounts`` by its ``units``: their product, negative where
    either is (a refund, its per-unit amount written with or without its sign; see the module docstring).

    >>> store_line_amounts(np.array([6.3, 6.3, -6.3, 9.99]), np.array([-1.0, 1.0, -1.0, 2.0])).tolist()
    [-6.3, 6.3, -6.3, 19.98]
    """
    product = np.asarray(amounts, dtype=np.float64) * np.asarray(units, dtype=np.float64)
    refund = (np.asarray(amounts, dtype=np.float64) < 0) | (np.asarray(units, dtype=np.float64) < 0)
    return np.where(refund, -np.abs(product), product)
