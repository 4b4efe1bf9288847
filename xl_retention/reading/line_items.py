"""Orders exported one row per line item: the columns that say so, and the order id that makes their rows one order.

Shopify (and WooCommerce, Magento, ...) export one row per line item: an order of two products is two rows with the
same order id. :func:`line_item_columns` and :func:`item_columns` find the columns that say a file is such an export;
:func:`order_aliases` gives the other names of its order id column (Shopify's "Name" in a line-item export, Amazon's
``amazon-order-id``, Square's "Transaction ID" beside item columns); :func:`check_order_id` refuses a line-item export
without an order id and :func:`check_items_without_order` one whose customer has two rows at one date (each line
item would count as an order). :mod:`.orders` reads such a file's rows as orders (its docstring, "Line items").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows

__all__ = ["ITEM_NAMES", "ITEM_ORDER_ALIASES", "ORDER_ALIASES", "check_items_without_order", "check_order_id",
           "item_columns", "line_item_columns", "order_aliases"]  # fmt: skip

#: Other names of an order id column (as :func:`~xl_retention.reading.key` spells them).
#: Amazon's ``amazon-order-id``, "Order #" (Toast, Etsy's receipts), ``OrderID``, "Order Num".
ORDER_ALIASES: tuple[str, ...] = ("order_number", "order_no", "order", "order_name", "order_ref", "order_reference",
                                  "amazon_order_id", "order_#", "order_num", "orderid", "ordernumber")  # fmt: skip
#: Names (as :func:`~xl_retention.reading.key` spells them) of the columns that say a file has one row per item of an
#: order: Amazon's All Orders Report (``sku``, ``asin``, ``item-price``, ``product-name``), Square's Item Detail
#: ("Item", "SKU", "Price Point Name"), Etsy's and eBay's sold items ("Item Name", "Listing ID", "Item Number"),
#: WooCommerce's and BigCommerce's product rows ("Product Name", "Product SKU", "Variant").
ITEM_NAMES = frozenset({"sku", "asin", "item", "item_name", "item_title", "item_price", "item_status", "item_number",
                        "item_sku", "item_quantity", "product", "product_name", "product_title", "product_id",
                        "product_sku", "variant", "variant_name", "variant_id", "variant_sku", "listing_id",
                        "price_point_name", "itemization_type"})  # fmt: skip
#: Other names of the order id in a file with item columns and no order id column by name: the id of the sale the
#: items were paid in (Square's Item Detail "Transaction ID", a till's "Receipt Number"); the first one found.
ITEM_ORDER_ALIASES: tuple[str, ...] = ("transaction_id", "receipt_number", "receipt_no", "receipt_id")


def line_item_columns(names: Sequence[Any]) -> list[str]:
    """The columns that say a file has one row per line item ("Lineitem name", ``line_item_price``, ...).

    >>> line_item_columns(["Name", "Email", "Lineitem quantity", "Total"])
    ['Lineitem quantity']
    """
    from .columns import key

    return [str(n) for n in names if key(n).startswith(("lineitem", "line_item"))]


def item_columns(names: Sequence[Any]) -> list[str]:
    """The columns that say a file has one row per item of an order: line-item columns (:func:`line_item_columns`)
    and the item and product columns of :data:`ITEM_NAMES` (Amazon's ``sku``, Square's "Item").

    >>> item_columns(["amazon-order-id", "sku", "item-price", "buyer-email"])
    ['sku', 'item-price']
    """
    from .columns import keys_of

    lines = set(line_item_columns(names))
    return [str(n) for n in names if str(n) in lines or keys_of(n) & ITEM_NAMES]


def order_aliases(names: Sequence[Any]) -> dict[str, tuple[str, ...]]:
    """The aliases of ``order_id`` for a file with columns ``names``: :data:`ORDER_ALIASES`; Shopify's "Name" only
    in a line-item export; in a file with item columns (:func:`item_columns`) and no order id column by name, the
    first of :data:`ITEM_ORDER_ALIASES` it has (Square's "Transaction ID"). None beside a column named as ours
    (``order_id``, "Order ID"): it is the order id, as an exact ``customer_id`` is the customer's (WooCommerce's
    ``order_id`` beside its ``order_number`` was refused as "2 columns could be the order id": H213 finding 02).

    >>> order_aliases(["Date", "Item", "Net Sales", "Transaction ID", "Payment ID"])["order_id"][-1]
    'transaction_id'
    >>> order_aliases(["order_id", "order_number", "order_date"])
    {'order_id': ()}
    """
    from .columns import key, keys_of

    if any(key(n) == "order_id" for n in names):  # ours by name: no other column is a candidate
        return {"order_id": ()}
    aliases = ORDER_ALIASES + (("name",) if line_item_columns(names) else ())
    keys = {k for n in names for k in keys_of(n)}
    if item_columns(names) and not keys & {"order_id", *aliases}:
        aliases += tuple(a for a in ITEM_ORDER_ALIASES if a in keys)[:1]
    return {"order_id": aliases}


def check_order_id(df: pd.DataFrame, names: dict[str, str], source: str) -> None:
    """A line-item export (:func:`line_item_columns`) without an order id column is refused: each line item would
    count as an order (a repeat purchase where there was one order of two products)."""
    items = line_item_columns(df.columns)
    if items and "order_id" not in names:
        raise DataError(
            f"{source}: {items[0]!r} says one row per line item, but no order id column was found: every line item "
            f"would count as an order; map it: --columns order_id=NAME (Shopify: order_id=Name)",
            source=source,
            column=items[0],
        )


def check_items_without_order(df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str) -> None:
    """A file with item columns (:func:`item_columns`) and no order id, where a customer has two rows at one date (or
    time), is refused, naming the rows: they may be the items of one order (an order's items share its customer and
    date), each of which would count as an order (a repeat purchase where there was one order). Without such rows
    every row is an order whatever its items, and the file is read as it is."""
    items = item_columns(df.columns)
    if not items or "order_id" in names:
        return
    dates = np.asarray(typed["date"])
    dated = ~np.isnat(dates)
    pairs = pd.DataFrame({"who": np.asarray(typed["customer_id"], dtype=object), "when": dates})
    again = np.flatnonzero(pairs.duplicated(keep=False).to_numpy() & dated)
    if not again.size:
        return
    problem = (
        f"rows of one customer at one date in a file with item columns ({items[0]!r}): the items of one order would "
        "each count as an order; map the column of the order id: --columns order_id=NAME"
    )
    shown = df.iloc[:, [str(c) for c in df.columns].index(names["date"])].to_numpy()
    raise bad_rows(source, names["date"], problem, again, shown)
