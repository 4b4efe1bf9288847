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
    from .statuses import spelled

    if "amount" not in typed or len(df) < 2:
        return
    refund = np.asarray(typed["amount"], dtype=np.float64) < 0
    for position, name in enumerate(map(str, df.columns)):  # a row of its own whose type says refund (Recurly's)
        if keys_of(name) & _TYPES:
            refund |= np.isin(spelled(df.iloc[:, position]), list(_REFUND_TYPES))
    if not refund.any() or refund.all():
        return
    if "order_id" in typed:  # a refund on a credit invoice of its own (Recurly's 2001) names its sale elsewhere
        orders = pd.Series(np.asarray(typed["order_id"], dtype=object)).astype(str).str.strip()
        refund &= ~orders.isin(set(orders[~refund])).to_numpy()  # (H515's finding 04): its order has no sale
        if not refund.any():
            return
        _refuse_refunds_of_records(df, _customers(typed), refund, _mapped(df, names), source, names["order_id"])
        return
    who, mapped = _customers(typed), _mapped(df, names)
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
    _refuse_refunds_of_records(df, who, refund, mapped, source)


def _customers(typed: dict[str, Any]) -> np.ndarray:
    return pd.Series(np.asarray(typed["customer_id"], dtype=object)).astype(str).to_numpy()


def _mapped(df: pd.DataFrame, names: dict[str, str]) -> set[str]:
    """The columns mapped, and the subscription ids (which renewals share: no sale's id)."""
    from .repeats import subscription_id_columns

    return {str(c) for c in names.values()} | set(subscription_id_columns(df.columns))


def _refuse_refunds_of_records(
    df: pd.DataFrame, who: np.ndarray, refund: np.ndarray, mapped: set[str], source: str, order: str | None = None
) -> None:
    """Refuse the refund rows that name, in a column not mapped (Maxio's ``payment_id``), the record id of a sale row
    of the same customer in another column (its ``id``): mapped as the order id, that record id column takes each
    refund off its sale (:func:`~.order_parents.orders_of_parents`); left as it is, the sale counted whole. ``order``:
    the column mapped as the order id, where one is (its refund rows' orders have no sale: Recurly's credit invoice)."""
    from .names import columns_option
    from .repeats import record_id_columns

    def text(position: int) -> np.ndarray:
        column = df.iloc[:, position]
        return column.astype(object).where(column.notna(), "").astype(str).str.strip().to_numpy()

    records = [p for p in record_id_columns(df.columns) if str(df.columns[p]) not in mapped]
    for link in range(df.shape[1]):
        name = str(df.columns[link])
        if name in mapped or link in records and not _names_a_sale(name) or not _names_an_id(name):
            continue
        linked = text(link)
        for own in records:
            if own == link:
                continue
            ids = text(own)
            sold = set(pd.Series(who + "\x00" + ids)[~refund & (ids != "")])
            pairs = pd.Series(who + "\x00" + linked)
            named = np.flatnonzero(refund & (linked != "") & (linked != ids) & pairs.isin(sold).to_numpy())
            if named.size:
                record = str(df.columns[own])
                mapping = "no order id is mapped" if order is None else f"their order id ({order!r}) is no sale's"
                problem = (
                    f"refund rows that name their sale's {record!r} in {name!r}, and {mapping} (a refund row is left "
                    "out, and its sale would count whole)"
                )
                advice = (
                    f"map the sales' id, {columns_option([('order_id', record)])}, to take each refund off its sale"
                )
                raise bad_rows(source, name, problem, named, df.iloc[:, link].to_numpy(), advice=advice)


def _names_an_id(name: str) -> bool:
    """Whether a column's name says an id or a number (``payment_id``, "Original Transaction", ``ref``).

    >>> _names_an_id("payment_id"), _names_an_id("Reference"), _names_an_id("product"), _names_an_id("amount")
    (True, True, False, False)
    """
    from .columns import key

    return key(name).endswith(("id", "number", "no", "num", "ref", "reference", "transaction"))


def _names_a_sale(name: str) -> bool:
    """Whether a record id column's name says another record's id, a sale's (``payment_id``, ``charge_id``), not the
    row's own (``id``, ``uuid``)."""
    from .columns import keys_of

    return bool(keys_of(name) & {"payment_id", "charge_id", "payment_intent_id", "transaction_id", "invoice_id"})
