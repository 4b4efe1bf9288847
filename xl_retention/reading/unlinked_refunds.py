"""Refund rows that name their sale in a column not mapped as the order id: their sale would count whole.

A payments or transactions export writes a refund as a row of its own (Recurly's transactions: type ``refund``,
amount 50.00, beside the purchase of invoice 1004), linked to its sale by the invoice's or the order's number. With
no order id mapped, a refund row is left out (docs/metrics.md: refunds are not purchases) and its sale counts whole:
a sale refunded in full was still a purchase, silently (H161 finding 04). So (:func:`refuse_unlinked_refunds`) in a
file without an order id, a refund row (a negative amount, or a type that says refund) whose value in an id-like
column not used named as a sale's (``invoice_number``, "Order #"; never a subscription's id, which renewals share,
nor a product's SKU) is also on a sale row of the same customer is refused, naming the column and the rows: mapped
as the order id, the refund is taken off its sale.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows

__all__ = ["refuse_unlinked_refunds"]

#: Words of a column's name that say the id of a sale: an invoice's, an order's, a receipt's number.
_SALE_IDS = frozenset({"invoice", "order", "receipt", "bill", "rechnung", "rechnungsnummer", "bestellung",
                       "bestellnummer", "facture", "commande", "factura", "pedido", "fattura", "ordine"})  # fmt: skip


def refuse_unlinked_refunds(df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str) -> None:
    """Refuse the refund rows of ``df`` (a type or status that says a refund, or a negative amount) that name a sale
    of their customer in an id-like column not mapped (see the module docstring). ``typed``: the columns read."""
    from .columns import keys_of
    from .names import columns_option, words
    from .order_columns import _id_like
    from .orders import _REFUND_TYPES, _TYPES
    from .repeats import subscription_id_columns
    from .statuses import spelled

    if "order_id" in typed or "amount" not in typed or len(df) < 2:
        return
    refund = np.asarray(typed["amount"], dtype=np.float64) < 0
    for position, name in enumerate(map(str, df.columns)):  # a row of its own whose type says refund (Recurly's)
        if keys_of(name) & _TYPES:
            refund |= np.isin(spelled(df.iloc[:, position]), list(_REFUND_TYPES))
    if not refund.any() or refund.all():
        return
    who = pd.Series(np.asarray(typed["customer_id"], dtype=object)).astype(str).to_numpy()
    mapped = {str(c) for c in names.values()} | set(subscription_id_columns(df.columns))  # renewals share these
    for position, name in enumerate(map(str, df.columns)):
        column = df.iloc[:, position]
        if name in mapped or not words(name) & _SALE_IDS or not _id_like(name, column):
            continue  # a product's SKU on a sale and its refund is no sale's id
        text = column.astype(object).where(column.notna(), "").astype(str).str.strip().to_numpy()
        pairs = pd.Series(who + "\x00" + text)
        sold = set(pairs[~refund & (text != "")])
        named = np.flatnonzero(refund & (text != "") & pairs.isin(sold).to_numpy())
        if named.size:
            problem = (
                f"refund rows that name their sale in {name!r}, which is not mapped as the order id (a refund row "
                "is left out, and its sale would count whole)"
            )
            advice = f"map it, {columns_option([('order_id', name)])}, to take each refund off its sale"
            raise bad_rows(source, name, problem, named, column.to_numpy(), advice=advice)
