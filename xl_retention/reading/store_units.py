"""An app store's amounts per unit: App Store Connect's "Developer Proceeds" and "Customer Price" beside "Units".

Apple's field reference for its Subscriber and Sales reports defines "Developer Proceeds" as the proceeds of each
item delivered and "Customer Price" as the price of each, and aggregates a report's rows by "Units": a row of 2 units
at 6.99 is 13.98. Their names say neither one unit nor the line (:func:`~.unit_prices.price_kind`: "" and "price"),
so the units were ignored (October's 13.98 read as 6.99, H266 finding 14). :func:`per_unit_amount` tells such an
amount, in a file with the report's own columns beside it, as one unit's: multiplied by its units
(:func:`~.order_columns.priced_by_quantity`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["per_unit_amount"]

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
