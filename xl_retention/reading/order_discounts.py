"""A discount column beside an order's amount: revenue is after discounts, as MRR is.

Square's Item Sales export has "Gross Sales", "Discounts" (``-$20.00``) and "Net Sales"; Shopify's line items have
"Lineitem price" (times "Lineitem quantity") and "Lineitem discount". Mapped to the amount before discounts, the
discount was never taken off (H36 finding 09: Jan cohort revenue 150 for 130, a free item's 30 counted), silently.
A column whose name says a discount (:func:`~.discounts.discount_columns`: ``Discounts``, "Lineitem discount",
``Rabatt``, ``remise``, ...; not mapped) holding amounts other than 0 (a coupon's code says no amount and is not read
here) says whether the amount is before or after it, in this order, by:

1. another column that is the amount less the discount in every row sold (Square's "Net Sales" beside "Gross
   Sales": the amount is before it) or the amount plus the discount (the amount is after it); or the amount less
   the discount plus the shipping and tax columns beside it (Etsy's Sold Orders: "Order Total" = "Order Value" -
   "Discount Amount" + "Shipping" + "Sales Tax": "Order Value" is before the coupon); or a column named as after
   discounts that is the amount plus them (Shopify's "Total" = "Subtotal" + "Shipping" + "Taxes": after it). A
   column named as a tax, shipping, tip, duty, refund or balance is no such column (Shopify's "Taxes" 0.00 beside a
   "Subtotal" of 10.00 after a 10.00 coupon, H433 finding 05), and two sums that disagree are refused;
2. the amount's name: before (``gross``, ``brutto``, ``price``, "list price", "before discount") or after
   (``net``, ``total``, ``paid``, ``charged``, ``due``, "after discount": Shopify's "Total" is after its
   "Discount Amount").

An amount before its discount has the discount (whatever its sign) taken off, with a note; one after it is kept;
where neither tells, or a discount is above its amount, the file is refused, naming the discount column and rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .equal_columns import equal_column, numbers_or_none
from .errors import DataError, bad_rows
from .item_coupons import order_coupon_shares
from .names import columns_option
from .names import words as name_words
from .notes import note
from .order_level import item_amount

__all__ = ["SHIPPING_WORDS", "after_discounts", "discount_words", "part_named"]

#: Words of a discount's name that say it is the shipping's (Etsy's "Shipping Discount", Amazon's
#: ``ship-promotion-discount``): off the shipping, which no amount after its shipping was taken off holds.
SHIPPING_WORDS = frozenset(
    {"ship", "shipping", "postage", "freight", "delivery", "versand", "porto", "livraison", "envio"}
)
_BEFORE = frozenset({"gross", "brutto", "price", "list", "before", "pre", "undiscounted", "original", "regular"})
_AFTER = frozenset({"net", "netto", "total", "paid", "charged", "due", "after", "discounted", "final", "collected"})


def discount_words(name: str) -> set[str]:
    """A name's words (:func:`~.names.words`), with "netto" and "brutto" of German compounds ("Nettobetrag")."""
    words = name_words(name)
    return words | {p for w in words for p in ("netto", "brutto") if w.startswith(p)}


def after_discounts(
    df: pd.DataFrame, amount: np.ndarray, names: dict[str, str], source: str, decimal: str | None = None
) -> np.ndarray:
    """``amount`` (each row's, after a quantity was applied) after a discount column of ``df`` beside it (see the
    module docstring); refused where it cannot be told. ``decimal``: the file's decimal mark, None where told by
    its values."""
    from .discounts import discount_columns

    used = {str(c) for c in names.values()}
    found = []
    for name in discount_columns(df):
        if name in used or list(map(str, df.columns)).count(name) != 1:
            continue
        if (
            discount_words(name) & SHIPPING_WORDS
        ):  # Amazon's 'ship-promotion-discount': the shipping's (reading.order_shipping)
            continue
        values = numbers_or_none(df[name], source, name, decimal)
        if values is None:  # a coupon's code, a percentage: no amount
            continue
        rows = np.flatnonzero(np.isfinite(values) & (np.abs(values) > 0.005) & np.isfinite(amount) & (amount > 0))
        if rows.size:
            found.append((name, np.abs(np.where(np.isfinite(values), values, 0.0)), rows))
    money = names["amount"]
    words = discount_words(money)
    if len(found) == 1 and (shares := order_coupon_shares(df, amount, found[0][1], names)) is not None:
        return _coupon_taken_off(df, amount, shares, found[0][0], money, source)  # Etsy's items' 'Discount Amount'
    item = item_amount(money)  # 'Item Total': an item's total says nothing of its order's coupon (H314 finding 02)
    if not found or (words & _AFTER and not words & _BEFORE and not item):  # Shopify's 'Total' after its discount
        return amount
    ways = (f"map the amount after discounts ({columns_option([('amount', 'NAME')])}), or remove the discount column "
            f"if {money!r} is after it already")  # fmt: skip
    if len(found) > 1:  # Shopify's order 'Discount Amount' beside its 'Lineitem discount'
        skip = used | {n for n, _, _ in found}
        if _after_all(df, amount, [d for _, d, _ in found], skip, names, money, [n for n, _, _ in found], source,
                      decimal):  # fmt: skip
            return amount  # 'Subtotal': 'Total' = 'Subtotal' + 'Shipping' + 'Taxes' says it is after them all
        raise DataError(
            f"{source}: columns {', '.join(repr(n) for n, _, _ in found)} hold discounts beside {money!r}; revenue is "
            f"after discounts, and which of them {money!r} is before cannot be told: "
            f"{_several_ways(df, found, skip, names, money, source, decimal)}",
            source=source,
            column=found[0][0],
        )
    name, discount, rows = found[0]
    # the sums hold on every row sold, not only on those with a discount: there a tax or a shipping of 0.00 or 5.00
    # may be the amount less a discount by chance (Shopify's 'Taxes' 0.00 = 'Subtotal' 10.00 - 10.00, H433 finding 05)
    every = np.flatnonzero(np.isfinite(amount) & (amount > 0))
    told = _told(df, amount, discount, every, used | {name}, names, money, name, source, decimal)
    kinds = {kind for kind, _ in told}
    if len(kinds) > 1:  # one column says before, another after: which is right cannot be told
        shown = "; ".join(why for _, why in told)
        raise DataError(
            f"{source}: whether {money!r} is before or after the discounts in {name!r} cannot be told ({shown}, on "
            f"every row): revenue is after discounts: {ways}",
            source=source,
            column=name,
        )
    kind, why = told[0] if told else (None, "")  # 'before' or 'after' the discounts, or not told
    if kind is None and words & _BEFORE:
        kind, why = "before", "its name says before discounts"
    if kind is None and item:  # Etsy's 'Item Total' = 'Price' x 'Quantity' on a one-item order with a coupon
        kind, why = _by_unit_price(df, amount, discount, rows, names, source, decimal)
    if kind is None:
        problem = f"discounts beside {money!r}"
        advice = f"revenue is after discounts, and whether {money!r} is before or after them cannot be told: {ways}"
        if item:  # one-item orders' coupons: the orders, and the export of one row per order that tells
            from .order_level import named_orders

            problem += f" on orders of one item{named_orders(df, names, rows)}"
            advice = (
                f"revenue is after discounts, and whether {money!r} is before or after them cannot be told (no order "
                f"of several items has one, and no price column beside it tells): export the orders one row per "
                f"order instead (Etsy: the Sold Orders CSV, {columns_option([('amount', 'Order Value')])}, whose "
                f"'Order Total' tells); otherwise, {ways}"
            )
        raise bad_rows(source, name, problem, rows, df[name].to_numpy(), advice=advice)
    if kind == "after":  # another column is it plus the discount: it is after the discounts already
        return amount
    sold = np.isfinite(amount) & (amount > 0)
    out = amount - np.where(sold, discount, 0.0)
    over = np.flatnonzero(sold & (out < -0.005))
    if over.size:
        problem = f"discounts above their amount in {money!r} (whose discount they are cannot be told)"
        raise bad_rows(source, name, problem, over, df[name].to_numpy(), advice=ways)
    refunded = np.flatnonzero(np.isfinite(amount) & (amount < 0) & (discount > 0.005))  # a refund's 0.00: none
    if refunded.size:  # Square's refund row of a discounted sale: its discount given back or not cannot be told
        problem = f"discounts beside a refund (a negative amount) in {money!r} (whether they are off it cannot be told)"
        raise bad_rows(source, name, problem, refunded, df[name].to_numpy(), advice=ways)
    note(f"{source}: {money!r} is before the discounts in {name!r} ({why}): taken off, revenue is after discounts")
    return out


def _after_all(
    df: pd.DataFrame,
    amount: np.ndarray,
    discounts: list[np.ndarray],
    skip: set[str],
    names: dict[str, str],
    money: str,
    columns: list[str],
    source: str,
    decimal: str | None,
) -> str | None:
    """Why ``amount`` (the column ``money``) is after every discount column (``columns``, their ``discounts``) by the
    file's own sums on every row sold (:func:`_told`: each says after, none before: Shopify's 'Total' = 'Subtotal'
    + 'Shipping' + 'Taxes'), else None."""
    every = np.flatnonzero(np.isfinite(amount) & (amount > 0))
    if not every.size:
        return None
    said = []
    for name, discount in zip(columns, discounts, strict=True):
        told = _told(df, amount, discount, every, skip, names, money, name, source, decimal)
        if not told or {kind for kind, _ in told} != {"after"}:
            return None
        said.append(told[0][1])
    return said[0]


def _several_ways(
    df: pd.DataFrame,
    found: list[tuple[str, np.ndarray, np.ndarray]],
    skip: set[str],
    names: dict[str, str],
    money: str,
    source: str,
    decimal: str | None,
) -> str:
    """The advice of a refusal of several discount columns beside ``money``: a column the file's sums prove after
    all of them (Shopify's 'Subtotal', by its 'Total') named to map, where there is one; else to map one, or to keep
    only the discount column the amount is before (each read as one column is: its note says how)."""
    listed = [str(c) for c in df.columns]
    for column in listed:
        if column in skip or listed.count(column) != 1 or part_named(column):
            continue
        values = numbers_or_none(df[column], source, column, decimal)
        if values is None:
            continue
        why = _after_all(df, values, [d for _, d, _ in found], skip | {column}, {**names, "amount": column}, column,
                         [n for n, _, _ in found], source, decimal)  # fmt: skip
        if why is not None:
            return (
                f"map the amount after discounts, {columns_option([('amount', column)])} ({why} on every row sold: "
                f"after them), or remove every discount column but the one {money!r} is before"
            )
    return (
        f"map the amount after discounts ({columns_option([('amount', 'NAME')])}), or remove every discount column "
        f"but the one {money!r} is before (all of them if {money!r} is after them already)"
    )


def _by_unit_price(
    df: pd.DataFrame,
    amount: np.ndarray,
    discount: np.ndarray,
    rows: np.ndarray,
    names: dict[str, str],
    source: str,
    decimal: str | None,
) -> tuple[str | None, str]:
    """('before', why) where an item's amount is a price column (named a unit's price or a price: before discounts,
    as the module docstring reads such a name) times the quantity in every row with a discount (Etsy's 'Item Total'
    = 'Price' x 'Quantity' beside a one-item order's 'Discount Amount' 0.90: the coupon is not off it, H327);
    ('after', why) where it is that less the discount in every such row; (None, '') otherwise. A price whose name
    does not say before discounts (``Net Price``, ``Final Price``, ``Price Paid``: after them; ``Item Cost``: not
    told) tells nothing: the amount equal to it times the quantity may be after the discount too.

    >>> df = pd.DataFrame({"Quantity": ["1", "2"], "Price": ["9.00", "4.00"], "Item Total": ["9.00", "8.00"]})
    >>> names = {"amount": "Item Total"}
    >>> _by_unit_price(df, np.array([9.0, 8.0]), np.array([0.9, 0.0]), np.array([0]), names, "i.csv", None)[0]
    'before'
    >>> _by_unit_price(df, np.array([8.1, 8.0]), np.array([0.9, 0.0]), np.array([0]), names, "i.csv", None)[0]
    'after'
    """
    from .columns import keys_of
    from .unit_prices import price_kind

    listed = list(map(str, df.columns))
    used = {str(c) for c in names.values()}
    counted = names.get("quantity") or next(
        (c for c in listed if c not in used and keys_of(c) & {"quantity"} and listed.count(c) == 1), None
    )
    if counted is None or listed.count(counted) != 1:
        return None, ""
    quantity = numbers_or_none(df[counted], source, counted, decimal)
    if quantity is None or not np.isfinite(quantity[rows]).all():
        return None, ""
    for price in listed:
        if price in used or listed.count(price) != 1 or price_kind(price) not in ("unit", "price"):
            continue
        said = discount_words(price)  # 'Price', 'Unit Price', 'List Price'; not 'Net Price', 'Final Price', 'Item Cost'
        if said & _AFTER or not said & _BEFORE:
            continue
        values = numbers_or_none(df[price], source, price, decimal)
        if values is None or not np.isfinite(values[rows]).all():
            continue
        line = values[rows] * quantity[rows]
        if (np.abs(amount[rows] - line) <= 0.005 + 1e-9).all():
            return "before", f"{names['amount']!r} is {price!r} x {counted!r}, a price before discounts"
        if (np.abs(amount[rows] - (line - discount[rows])) <= 0.005 + 1e-9).all():
            return "after", f"{names['amount']!r} is {price!r} x {counted!r} less the discount"
    return None, ""


def _coupon_taken_off(
    df: pd.DataFrame, amount: np.ndarray, shares: np.ndarray, name: str, money: str, source: str
) -> np.ndarray:
    """``amount`` less each item's share of its order's coupon (:func:`~.item_coupons.order_coupon_shares`), with a
    note; a coupon above its order's items is refused, naming the rows."""
    sold = np.isfinite(amount) & (amount > 0)
    out = np.where(sold, amount - shares, amount)
    over = np.flatnonzero(sold & (out < -0.005))
    if over.size:
        problem = f"order discounts above their order's items in {money!r} (whose discount they are cannot be told)"
        raise bad_rows(source, name, problem, over, df[name].to_numpy())
    note(
        f"{source}: {name!r} is the order's discount, written on each of its item rows: taken off {money!r} once per "
        "order, each item its share of the order's items (revenue is after discounts)"
    )
    return out


def _by_totals(
    df: pd.DataFrame,
    amount: np.ndarray,
    discount: np.ndarray,
    rows: np.ndarray,
    skip: set[str],
    names: dict[str, str],
    source: str,
    decimal: str | None,
) -> tuple[str | None, list[str]]:
    """(X, the columns added) where another column X is the amount less the discount plus the shipping
    and tax columns beside it (those with a value in ``rows``) in every row of ``rows`` (Etsy's
    Sold Orders: 'Order Total' = 'Order Value' - 'Discount Amount' + 'Shipping' + 'Sales Tax'); (None, []) otherwise.
    A shipping column named as a discount (Etsy's 'Shipping Discount' of a free-shipping coupon) is taken off, not
    added, and is listed as '- Shipping Discount'.

    >>> df = pd.DataFrame({"Order Value": ["40", "60"], "Discount Amount": ["0", "6"], "Shipping": ["5", "5"],
    ...                    "Sales Tax": ["3.20", "4.32"], "Order Total": ["48.20", "63.32"]})
    >>> _by_totals(df, np.array([40.0, 60.0]), np.array([0.0, 6.0]), np.array([1]),
    ...            {"Order Value", "Discount Amount"}, {"amount": "Order Value"}, "o.csv", None)
    ('Order Total', ['Shipping', 'Sales Tax'])
    """
    shipping, taxes, parts, offs = _parts(df, rows, skip, names, source, decimal)
    if not parts:
        return None, []
    signed = {c: -np.abs(v) if c in offs else v for c, v in parts.items()}  # 'Shipping Discount': off the shipping
    total = amount - discount + np.sum(list(signed.values()), axis=0)
    found = equal_column(df, [total], rows, skip | set(shipping) | set(taxes), source, decimal, unless=part_named)
    added = [f"- {c}" if c in offs else c for c in parts]
    return (None, []) if found is None else (found[1], added)


def _told(
    df: pd.DataFrame,
    amount: np.ndarray,
    discount: np.ndarray,
    rows: np.ndarray,
    skip: set[str],
    names: dict[str, str],
    money: str,
    name: str,
    source: str,
    decimal: str | None,
) -> list[tuple[str, str]]:
    """What the file's own sums say of ``money`` and the discount column ``name``, each a ('before' or 'after', why),
    the sums holding on every row of ``rows`` (every row sold): another column that is the amount less the discount
    or plus it (:func:`_by_sums`), the amount less the discount plus the shipping and tax (:func:`_by_totals`), or
    the amount plus them, under a name that says after discounts (:func:`_by_parts`)."""
    told = []
    if (verdict := _by_sums(df, amount, discount, rows, skip, source, decimal)) is not None:
        kind, column = verdict
        told.append((kind, f"{column!r} is {money} {'-' if kind == 'before' else '+'} {name}"))
    for by in (_by_totals, _by_parts):
        column, added = by(df, amount, discount, rows, skip, names, source, decimal)
        if column is not None:
            plus = "".join(f" {c}" if c[:2] in ("+ ", "- ") else f" + {c}" for c in added)
            kind = "before" if by is _by_totals else "after"
            told.append((kind, f"{column!r} is {money}{f' - {name}' if kind == 'before' else ''}{plus}"))
    return told


def part_named(column: str) -> bool:
    """Whether ``column``'s name says a part of an order's amount or beside it (a tax, a shipping, a tip, a duty, a
    refund, a discount, a balance): never the amount after discounts, whatever its values."""
    from .discounts import names_a_discount
    from .duties import duty_columns
    from .refunded_amounts import refunded_columns
    from .shipping import shipping_columns
    from .taxes import tax_columns
    from .tips import tip_columns

    listed = [column]
    return bool(
        tax_columns(listed, {}) or shipping_columns(listed, {}) or tip_columns(listed, {}) or duty_columns(listed, {})
        or refunded_columns(listed) or names_a_discount(column) or discount_words(column) & _NOT_AFTER
    )  # fmt: skip


#: Words of a column's name that say it is no amount after discounts (Shopify's "Outstanding Balance").
_NOT_AFTER = frozenset({"balance", "outstanding", "refund", "refunded", "refunds", "fee", "fees"})


def _by_sums(df: pd.DataFrame, amount: np.ndarray, discount: np.ndarray, rows: np.ndarray, skip: set[str],
             source: str, decimal: str | None) -> tuple[str, str] | None:  # fmt: skip
    """('before', X) where another column X is amount - discount in every row of ``rows``, ('after', X) where it
    is amount + discount (:func:`~.equal_columns.equal_column`); None otherwise. A column named as a tax, a shipping,
    a refund, ... (:func:`part_named`) is no such column: Shopify's 'Taxes' 0.00 beside a 'Subtotal' of 10.00 after
    a discount of 10.00 says nothing of it (H433 finding 05)."""
    found = equal_column(df, [amount - discount, amount + discount], rows, skip, source, decimal, unless=part_named)
    return None if found is None else (("before", "after")[found[0]], found[1])


def _by_parts(
    df: pd.DataFrame,
    amount: np.ndarray,
    discount: np.ndarray,
    rows: np.ndarray,
    skip: set[str],
    names: dict[str, str],
    source: str,
    decimal: str | None,
) -> tuple[str | None, list[str]]:
    """(X, the columns added) where another column X, named as after discounts (``Total``, ``paid``), is the amount
    plus the shipping and tax columns beside it in every row of ``rows``, the discount not taken off (Shopify's
    ``Total`` = ``Subtotal`` + ``Shipping`` + ``Taxes``: its ``Subtotal`` is after the discount); (None, []) otherwise.

    >>> df = pd.DataFrame({"Subtotal": ["10", "50"], "Discount Amount": ["10", "0"], "Shipping": ["5", "0"],
    ...                    "Taxes": ["0", "0"], "Total": ["15", "50"]})
    >>> _by_parts(df, np.array([10.0, 50.0]), np.array([10.0, 0.0]), np.array([0, 1]),
    ...           {"Subtotal", "Discount Amount"}, {"amount": "Subtotal"}, "o.csv", None)
    ('Total', ['Shipping'])
    """
    shipping, taxes, parts, offs = _parts(df, rows, skip, names, source, decimal)
    total = amount + np.sum(
        [-np.abs(v) if c in offs else v for c, v in parts.items()] or [np.zeros(len(amount))], axis=0
    )

    def unless(column: str) -> bool:
        said = discount_words(column)
        return not said & _AFTER or bool(said & _BEFORE) or part_named(column)

    found = equal_column(df, [total], rows, skip | set(shipping) | set(taxes), source, decimal, unless=unless)
    return (None, []) if found is None else (found[1], [f"- {c}" if c in offs else c for c in parts])


def _parts(
    df: pd.DataFrame, rows: np.ndarray, skip: set[str], names: dict[str, str], source: str, decimal: str | None
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray], dict[str, np.ndarray], set[str]]:
    """The shipping and tax columns beside the amount (not in ``skip``), those with a value in ``rows`` (0 where
    blank), and the shipping columns named as a discount (Etsy's 'Shipping Discount': off the shipping)."""
    from .discounts import discount_columns
    from .order_shipping import _read
    from .shipping import shipping_columns
    from .taxes import tax_columns, without_breakdown

    shipping = _read(df, [c for c in shipping_columns(df.columns, names) if c not in skip], source, decimal)
    taxes = without_breakdown(_read(df, [c for c in tax_columns(df.columns, names) if c not in skip], source, decimal))
    parts = {c: np.nan_to_num(v) for c, v in {**shipping, **taxes}.items() if (np.abs(v[rows]) > 0.005).any()}
    return shipping, taxes, parts, set(discount_columns(df)) & set(shipping)
