"""Gift cards sold as an order's line items: paid in advance for a later sale, which is the revenue (once).

Shopify exports a gift card sold as a line item of its order: "Lineitem name" ``Gift Card`` (or the shop's own name,
``Geschenkgutschein 50 €``, ``Carte cadeau``), "Lineitem requires shipping" false, "Lineitem taxable" false, its
price in the order's "Total". The later order paid with the card (Payment Method ``gift_card``) is revenue too, so
counted as sold the same money counted twice, and an order of a gift card alone made its buyer a buyer (H360's
finding 01). README: revenue is net of "gift cards sold (... taken off with a note where another column proves it,
refused otherwise)", as :mod:`.tips` reads Square's "Gift Card Sales" column.

So (:func:`net_of_gift_cards`) in a file of line items (:func:`~.line_items.item_columns`), a line whose name says a
gift card (:data:`GIFT_CARD_WORDS`, in several languages) is read so:

* both the "requires shipping" and the "taxable" column say false (what proves a gift card sold: not shipped, not
  taxed, as Shopify writes every gift card): its price times its quantity is taken off its order's amount (the
  amount mapped, Shopify's ``Total`` on the order's first row, net of tax and shipping already), or, where the amount
  is the line's own ("Lineitem price"), its line counts 0; an order of gift cards only is no purchase (left out:
  its buyer bought nothing yet). A note names the column, the lines and the amount taken off.
* otherwise (no such columns, or one says true: a card holder shipped, a voucher taxed?) the file is refused naming
  the column and the rows: whether the line is a gift card sold cannot be told.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows, rows_named, source_of
from .notes import note

__all__ = ["GIFT_CARD_WORDS", "gift_card_lines", "net_of_gift_cards", "without_gift_card_orders"]

#: Words of a line item's name that say a gift card (lower case; German compounds end in ``gutschein``).
GIFT_CARD_WORDS = ("gift card", "giftcard", "gift certificate", "gift voucher", "egift", "e-gift", "geschenkkarte",
                   "gutschein", "carte cadeau", "carte-cadeau", "bon cadeau", "chèque cadeau", "cheque cadeau",
                   "tarjeta regalo", "tarjeta de regalo", "cheque regalo", "buono regalo", "carta regalo",
                   "cadeaukaart", "cadeaubon", "presentkort", "gavekort", "lahjakortti", "vale presente",
                   "cartão presente", "cartão de presente", "karta podarunkowa", "bon podarunkowy",
                   "ギフトカード")  # fmt: skip
_SAYS = re.compile("|".join(re.escape(w) for w in GIFT_CARD_WORDS))
#: Names (as :func:`~.columns.keys_of` spells them) of a line item's name, its flags, price, quantity, discount.
_NAMES = frozenset({"lineitem_name", "line_item_name", "lineitem_title", "line_item_title", "item_name", "item_title",
                    "product_name", "product_title", "item", "product"})  # fmt: skip
_SHIPPING = frozenset({"lineitem_requires_shipping", "line_item_requires_shipping", "requires_shipping"})
_TAXABLE = frozenset({"lineitem_taxable", "line_item_taxable", "taxable"})
_PRICES = frozenset({"lineitem_price", "line_item_price", "item_price"})
_QUANTITIES = frozenset({"lineitem_quantity", "line_item_quantity", "item_quantity", "quantity"})
_DISCOUNTS = frozenset({"lineitem_discount", "line_item_discount"})


def _column(df: pd.DataFrame, names: frozenset[str]) -> str | None:
    from .columns import keys_of

    return next((str(c) for c in df.columns if keys_of(c) & names), None)


def gift_card_lines(df: pd.DataFrame) -> tuple[np.ndarray, str | None]:
    """Whether each row of ``df`` (a file of line items) is a line whose name says a gift card, and the name column
    (None where the file has no line item names).

    >>> df = pd.DataFrame({"Name": ["#1", "#2", "#2"],
    ...                    "Lineitem name": ["Kaffee", "Geschenkgutschein 50 €", "Gift Card"]})
    >>> rows, column = gift_card_lines(df)
    >>> rows.tolist(), column
    ([False, True, True], 'Lineitem name')
    """
    from .line_items import item_columns

    column = _column(df, _NAMES)
    if column is None or not item_columns(df.columns):
        return np.zeros(len(df), dtype=bool), None
    values = df[column]
    text = values.astype(object).where(values.notna(), "").astype(str).str.lower()
    return text.str.contains(_SAYS).to_numpy(dtype=bool), column


def _false(df: pd.DataFrame, column: str | None, rows: np.ndarray) -> np.ndarray:
    from .statuses import spelled
    from .yes_no import FALSE

    if column is None:
        return np.zeros(len(rows), dtype=bool)
    return np.isin(spelled(df[column].iloc[rows]), list(FALSE))


def net_of_gift_cards(
    df: pd.DataFrame, typed: dict[str, Any], names: Mapping[str, str], source: str, decimal: str | None = None
) -> tuple[dict[str, Any], np.ndarray | None]:
    """``typed`` with its ``amount`` net of the gift cards sold as line items (see the module docstring), and whether
    each row belongs to an order of gift cards only (None where the file has no gift card line); refused where a
    line's name says a gift card and its flags do not prove one.

    >>> df = pd.DataFrame({"Name": ["#1", "#1", "#2"], "Total": ["62.90", None, "50.00"],
    ...                    "Lineitem name": ["Kaffee", "Gift Card", "Gift Card"],
    ...                    "Lineitem price": ["12.90", "50", "50"], "Lineitem quantity": ["1", "1", "1"],
    ...                    "Lineitem requires shipping": ["true", "false", "false"],
    ...                    "Lineitem taxable": ["true", "false", "false"]})
    >>> typed = {"order_id": np.array(["#1", "#1", "#2"], dtype=object), "amount": np.array([60.84, np.nan, 50.0])}
    >>> out, only = net_of_gift_cards(df, typed, {"order_id": "Name", "amount": "Total"}, "o.csv")
    >>> out["amount"].round(2).tolist(), only.tolist()
    ([10.84, nan, 0.0], [False, False, True])
    """
    from .order_shipping import _read

    rows, column = gift_card_lines(df)
    if column is None or not rows.any():
        return typed, None
    where = source_of(df, source)
    found = np.flatnonzero(rows)
    shipping, taxable = _column(df, _SHIPPING), _column(df, _TAXABLE)
    proven = _false(df, shipping, found) & _false(df, taxable, found)
    if not proven.all():
        flags = " and ".join(repr(c) for c in (shipping, taxable) if c) or "no column"
        problem = (
            f"line items named as gift cards, and {flags} does not say false for them (a gift card sold is not shipped "
            "nor taxed: paid in advance for a later sale, which is the revenue; a card holder or a voucher shipped or "
            "taxed is a product): whether they are gift cards sold cannot be told"
        )
        advice = (
            "remove the lines of gift cards sold (and take their price off their order's amount), or export the "
            "line items' 'requires shipping' and 'taxable' columns (Shopify's orders export has them)"
        )
        raise bad_rows(where, column, problem, found[~proven], df[column].to_numpy(), advice=advice)
    if "order_id" not in typed:
        raise DataError(
            f"{source}: line items named as gift cards in column {column!r} ({rows_named(where, found[:3])}) and no "
            "order id: which order's amount holds them cannot be told; map the order id column, "
            "--columns order_id=NAME",
            source=source,
            column=column,
        )
    orders, _ = pd.factorize(pd.Series(np.asarray(typed["order_id"], dtype=object)))
    size = int(orders.max(initial=-1)) + 1
    gift_only = (np.bincount(orders, weights=(~rows).astype(np.float64), minlength=size) == 0)[orders]
    if "amount" not in typed:
        _said(source, column, where, found, None, gift_only, orders)
        return typed, gift_only
    price = _column(df, _PRICES)
    amounts = np.array(typed["amount"], dtype=np.float64)
    if price is not None and names.get("amount") == price:  # the line's own amount: the gift card's line counts 0
        amounts[found] = 0.0
        typed["amount"] = amounts
        _said(source, column, where, found, None, gift_only, orders)
        return typed, gift_only
    read = _read(df, [c for c in (price, _column(df, _QUANTITIES), _column(df, _DISCOUNTS)) if c], source, decimal)
    if price is None or price not in read:
        raise bad_rows(where, column, "line items named as gift cards, and no line item price column says their price "
                       "(what to take off the order's amount cannot be told)", found, df[column].to_numpy(),
                       advice="export the line items' price column (Shopify's 'Lineitem price')")  # fmt: skip
    quantity = _column(df, _QUANTITIES)
    each = read[price] * (read[quantity] if quantity in read else 1.0)
    discount = _column(df, _DISCOUNTS)
    each = each - (np.abs(read[discount]) if discount in read else 0.0)
    sold = np.bincount(orders, weights=np.where(rows, each, 0.0), minlength=size)
    holds = ~np.isnan(amounts) & (sold[orders] != 0)
    amounts[holds] = amounts[holds] - sold[orders][holds]
    below = holds & (amounts < -0.005)
    if below.any():
        problem = f"orders whose amount is less than the gift cards sold in them (column {column!r})"
        raise bad_rows(where, names["amount"], problem, np.flatnonzero(below), df[names["amount"]].to_numpy())
    typed["amount"] = np.where(holds & (np.abs(amounts) < 0.005), 0.0, amounts)
    _said(source, column, where, found, float(np.where(rows, each, 0.0).sum()), gift_only, orders)
    return typed, gift_only


def _said(source: str, column: str, where: Any, found: np.ndarray, total: float | None, gift_only: np.ndarray,
          orders: np.ndarray) -> None:  # fmt: skip
    alone = len(np.unique(orders[gift_only]))
    taken = f" ({total:,.2f})" if total is not None else ""
    shown = rows_named(where, found[:5]) + (" ..." if len(found) > 5 else "")
    left = f"; {alone} order(s) of gift cards only left out, no purchase" if alone else ""
    note(
        f"{source}: {len(found)} gift card line(s) of {column!r} sold{taken}, {shown}, taken off their orders' "
        f"amount (not shipped, not taxed: gift cards sold){left}: a gift card is paid in advance for a later sale, "
        "which is the revenue"
    )


def without_gift_card_orders(
    typed: dict[str, Any], kept: np.ndarray, gift_only: np.ndarray | None
) -> tuple[dict[str, Any], np.ndarray]:
    """``typed`` (one row per order, at the file positions ``kept``) without the orders of gift cards only."""
    from .order_rows import _take

    if gift_only is None or not gift_only[kept].any():
        return typed, kept
    rows = np.flatnonzero(~gift_only[kept])
    return {k: _take(v, rows) for k, v in typed.items()}, kept[rows]
