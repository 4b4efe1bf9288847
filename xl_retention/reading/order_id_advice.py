"""The way forward where an orders file's order id column is blank on every row (Braintree's optional "Order ID").

Braintree's transaction search download has an "Order ID" column that a merchant may fill through its API, blank in
most accounts, beside each row's own "Transaction ID" (a refund, ``credit``, naming its sale's in "Refunded
Transaction ID"). Found as the order id by its name, it was refused as "missing order ids" with no way forward (H266
finding 08). :func:`blank_order_ids_advice` names the row's own id column to map instead.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["blank_order_ids_advice"]


def blank_order_ids_advice(rows: pd.DataFrame, column: str) -> str | None:
    """Where ``column`` of ``rows`` (the file) is blank on every row, the advice to map a column holding each row's
    own id (:data:`~.repeats.RECORD_IDS`, no subscription's, filled and different on every row) as the order id;
    None otherwise.

    >>> rows = pd.DataFrame({"Transaction ID": ["a1", "b1"], "Subscription ID": ["s", "s"], "Order ID": [None, ""]})
    >>> print(blank_order_ids_advice(rows, "Order ID"))
    'Order ID' is blank on every row (an id the export may leave empty): map the column of each row's own id as the \
order id, --columns 'order_id=Transaction ID' (each row then one order; a refund naming its sale's id is taken off it)
    """
    from .names import columns_option, keys_of
    from .repeats import SUBSCRIPTION_IDS, record_id_columns

    names = list(map(str, rows.columns))
    if names.count(column) != 1:
        return None
    written = rows[column].astype(object).where(rows[column].notna(), "").astype(str).str.strip()
    if (written != "").any():
        return None
    for position in record_id_columns(names):
        name = names[position]
        if name == column or keys_of(name) & SUBSCRIPTION_IDS:
            continue
        ids = rows.iloc[:, position].astype(object).where(rows.iloc[:, position].notna(), "").astype(str).str.strip()
        if (ids != "").all() and not ids.duplicated().any():
            return (
                f"{column!r} is blank on every row (an id the export may leave empty): map the column of each row's "
                f"own id as the order id, {columns_option([('order_id', name)])} (each row then one order; a refund "
                "naming its sale's id is taken off it)"
            )
    return None
