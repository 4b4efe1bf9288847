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
* both say true (a "Gift Card Holder" shipped and taxed, as any product): a product, counted as sold.
* otherwise (no such columns, or one true and one false: a voucher taxed, not shipped?) the file is refused naming
  the column and the rows: whether the line is a gift card sold cannot be told.

An order's refund written as its amount is, gross (Shopify's "Refunded Amount" of its ``Total``), is of what is left
once its gift cards are taken off, in that part's own tax share (:func:`refunds_beside_gift_cards`): Kaffee 12.90
(tax 2.06) and a gift card of 50.00, ``Total`` 62.90, refunded 6.45 leaves 5.42, refunded 12.90 (or the whole
62.90) is no purchase; a refund between (part of the gift card's?) is refused naming its rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows, rows_named, said_as, source_of
from .notes import note

__all__ = [
    "GIFT_CARD_WORDS",
    "gift_card_lines",
    "net_of_gift_cards",
    "refunds_beside_gift_cards",
    "without_gift_card_orders",
]

#: Words of a line item's name that say a gift card (lower case; German compounds end in ``gutschein``).
GIFT_CARD_WORDS = ("gift card", "giftcard", "gift certificate", "gift voucher", "egift", "e-gift", "geschenkkarte",
                   "gutschein", "carte cadeau", "carte-cadeau", "bon cadeau", "chèque cadeau", "cheque cadeau",
                   "tarjeta regalo", "tarjeta de regalo", "cheque regalo", "buono regalo", "carta regalo",
                   "cadeaukaart", "cadeaubon", "presentkort", "gavekort", "lahjakortti", "vale presente",
                   "cartão presente", "cartão de presente", "karta podarunkowa", "bon podarunkowy",
                   "ギフトカード")  # fmt: skip
#: Words that end compounds (``Geschenkgutschein``, ``Weihnachtsgavekort``): no word boundary before them.
_COMPOUNDED = frozenset({"gutschein", "geschenkkarte", "cadeaukaart", "cadeaubon", "presentkort", "gavekort",
                         "lahjakortti"})  # fmt: skip
#: Not inside another word ("egift" in "Regift", "gift card" in "Gift Cardigan"); a plural ending, a digit after.
_LETTER_BEFORE, _NO_LETTER_AFTER = r"(?<![^\W\d_])", r"(?:s|e|en|n)?(?![^\W\d_])"
_SAYS = re.compile(  # Japanese writes no space between words: no boundary there
    "|".join(
        ("" if w in _COMPOUNDED or w[0] >= "\u3000" else _LETTER_BEFORE)
        + re.escape(w)
        + ("" if w[-1] >= "\u3000" else _NO_LETTER_AFTER)
        for w in GIFT_CARD_WORDS
    )
)
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


def _says(df: pd.DataFrame, column: str | None, words: frozenset[str]) -> np.ndarray:
    """Whether each row of ``column`` says one of ``words`` (yes_no's TRUE or FALSE); all False without the column."""
    from .statuses import spelled

    if column is None:
        return np.zeros(len(df), dtype=bool)
    return np.isin(spelled(df[column]), list(words))


def net_of_gift_cards(
    df: pd.DataFrame, typed: dict[str, Any], names: Mapping[str, str], source: str, decimal: str | None = None
) -> tuple[dict[str, Any], np.ndarray | None, np.ndarray | None]:
    """``typed`` with its ``amount`` net of the gift cards sold as line items (see the module docstring), whether
    each row belongs to an order of gift cards only (None where the file has no gift card line), and each row's
    amount taken off (0 on the others; None where none was); refused where a line's name says a gift card and its
    flags do not tell a gift card from a product.

    >>> df = pd.DataFrame({"Name": ["#1", "#1", "#2"], "Total": ["62.90", None, "50.00"],
    ...                    "Lineitem name": ["Kaffee", "Gift Card", "Gift Card"],
    ...                    "Lineitem price": ["12.90", "50", "50"], "Lineitem quantity": ["1", "1", "1"],
    ...                    "Lineitem requires shipping": ["true", "false", "false"],
    ...                    "Lineitem taxable": ["true", "false", "false"]})
    >>> typed = {"order_id": np.array(["#1", "#1", "#2"], dtype=object), "amount": np.array([60.84, np.nan, 50.0])}
    >>> out, only, taken = net_of_gift_cards(df, typed, {"order_id": "Name", "amount": "Total"}, "o.csv")
    >>> out["amount"].round(2).tolist(), only.tolist(), taken.tolist()
    ([10.84, nan, 0.0], [False, False, True], [50.0, 0.0, 50.0])
    """
    from .order_shipping import _read
    from .yes_no import FALSE, TRUE

    rows, column = gift_card_lines(df)
    if column is None or not rows.any():
        return typed, None, None
    shipping, taxable = _column(df, _SHIPPING), _column(df, _TAXABLE)
    rows = rows & ~(_says(df, shipping, TRUE) & _says(df, taxable, TRUE))  # a card holder shipped, taxed: a product
    if not rows.any():
        return typed, None, None
    where = source_of(df, source)
    found = np.flatnonzero(rows)
    proven = (_says(df, shipping, FALSE) & _says(df, taxable, FALSE))[found]
    if not proven.all():
        flags = " and ".join(repr(c) for c in (shipping, taxable) if c) or "no column"
        problem = (
            f"line items named as gift cards, and {flags} does not say false for them, nor true (a gift card sold is "
            "not shipped nor taxed: paid in advance for a later sale, which is the revenue; a card holder shipped and "
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
        return typed, gift_only, None
    price = _column(df, _PRICES)
    amounts = np.array(typed["amount"], dtype=np.float64)
    if price is not None and names.get("amount") == price:  # the line's own amount: the gift card's line counts 0
        taken = np.where(rows, np.nan_to_num(amounts), 0.0)
        amounts[found] = 0.0
        typed["amount"] = amounts
        _said(source, column, where, found, None, gift_only, orders)
        return typed, gift_only, taken
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
    return typed, gift_only, np.where(holds, sold[orders], 0.0)


def refunds_beside_gift_cards(
    refunded: np.ndarray, gift_cards: tuple[np.ndarray, np.ndarray], own_share: bool, source: str, column: str,
    shown: Any = None,
) -> np.ndarray:  # fmt: skip
    """``refunded`` (each row's gross refund, Shopify's "Refunded Amount" of its ``Total``) of the orders with gift
    cards sold (``gift_cards``: each row's gift cards taken off its amount, and the gross amount left) as a refund of
    what is left: unchanged where at most that (taken off in its own tax share), what is left where it is the whole
    amount (the gift card refunded too: no purchase); refused naming the rows where it is between (a part of the gift
    card's?), or where the refund's share is another column's (``own_share``: Shopify's ``Total`` beside a mapped
    ``Subtotal``, the gift card inside both).

    >>> sold, left = np.array([50.0, 50.0, 0.0]), np.array([12.90, 12.90, 20.0])
    >>> refunds_beside_gift_cards(np.array([6.45, 62.90, 5.0]), (sold, left), False, "o.csv", "R").tolist()
    [6.45, 12.9, 5.0]
    """
    sold, left = (np.nan_to_num(np.asarray(a, dtype=np.float64)) for a in gift_cards)
    taken = np.nan_to_num(np.asarray(refunded, dtype=np.float64), nan=0.0)
    holds = (sold > 0.005) & (taken > 0)
    if not holds.any():
        return refunded
    whole = holds & (taken >= left + sold - 0.005) & (not own_share)
    apart = holds & ~whole & ((taken > left + 0.005) | own_share)
    if apart.any():
        raise _refund_refusal(apart, taken, sold, left, own_share, source, column, refunded if shown is None else shown)
    return np.where(whole, left, refunded)


def _refund_refusal(apart: np.ndarray, taken: np.ndarray, sold: np.ndarray, left: np.ndarray, own_share: bool,
                    source: str, column: str, shown: Any) -> DataError:  # fmt: skip
    """The refusal of the refunds ``apart`` (:func:`refunds_beside_gift_cards`), naming the rows, their values, the
    first one's figures and the remedy: the refund of the products written alone (H366's task 4; taking the gift
    cards' lines out, as it said, would have left them inside the order's amount, counted as revenue)."""
    if own_share:  # the refund is of a total other than the amount mapped (Shopify's Total beside Subtotal)
        problem = (
            "refunds of orders with gift cards sold (taken off their amount), written of another total than the "
            "amount mapped: whether of the gift card or of the products cannot be told"
        )
        advice = (
            "map the total the refunds are written of as the amount "
            + said_as("(--columns amount=NAME)", "(columns={'amount': 'NAME'})")
            + f", or write in {column!r} the refund of the products alone, of the amount mapped"
        )
    else:
        first = int(np.flatnonzero(apart)[0])
        problem = (
            "refunds of orders with gift cards sold above the order's amount without its gift cards and below its "
            f"whole amount (the first: {taken[first]:,.2f} refunded of {left[first] + sold[first]:,.2f}, "
            f"{left[first]:,.2f} without gift cards of {sold[first]:,.2f}): whether of the gift card or of the "
            "products cannot be told"
        )
        advice = (
            f"write in {column!r} the refund of the products alone (at most the order's amount without its "
            "gift cards; its whole amount where the gift card was refunded too: the order is then no purchase), or "
            "take the order's rows out of the file"
        )
    return bad_rows(source, column, problem, np.flatnonzero(apart), shown, advice=advice)


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
