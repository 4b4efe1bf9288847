"""Shipping inside an order's amount: order revenue is net of shipping, as MRR is (docs/metrics.md).

An orders export writes what the buyer paid for delivery beside the order's money (Shopify's ``Shipping`` beside
``Subtotal``, ``Taxes`` and ``Total``; WooCommerce's ``order_shipping`` and ``order_shipping_tax``; BigCommerce's
"Shipping Cost (inc tax)" and "Shipping Cost (ex tax)"; Magento's "Shipping and Handling"; Etsy's ``Shipping`` and
"Shipping Discount"; Amazon's ``shipping-price`` and ``shipping-tax``). It pays the carrier, not for the product.

Whether the amount mapped holds the shipping is told by another column that is the amount less the shipping
(``Total`` - ``Shipping`` = ``Subtotal``) or plus it, else by the amount's name (``Total``, ``grand``, ``paid``: with
it; ``Subtotal``, ``price``: without); otherwise the file is refused naming the shipping column.

Where it holds it, the shipping is taken off net of its own tax, as the amount's tax is (:mod:`.taxes` took it off
before): the shipping's tax is in the order's tax column (Shopify's ``Taxes``, BigCommerce's "Tax Total") or in a
column of its own (WooCommerce's ``order_shipping_tax``, Amazon's ``shipping-tax``). The shipping net of its tax is:

1. a column named so ("Shipping Cost (ex tax)"; the one "(inc tax)" beside it is not read);
2. a shipping column beside a column of its tax (the tax written apart: WooCommerce, Amazon), or with its tax less
   that column ("Shipping Cost (inc tax)" - "Shipping Cost Tax");
3. the shipping column as written where no tax is charged in that row (or the file has no tax column), where another
   column is the amount net of tax less it (Shopify's tax-exclusive store: ``Total`` - ``Taxes`` - ``Shipping`` =
   ``Subtotal``: the tax was added on top of both), or where the tax is a tax rate of the amount without the
   shipping and of no rate of the amount with it (the shipping is not taxed);
4. the shipping less the rate's share where the tax is inside a total that is another column plus the shipping
   (Shopify's tax-inclusive store: ``Total`` = ``Subtotal`` + ``Shipping``, ``Taxes`` inside) and each tax is the
   share of one tax rate of the total (19 % of 4.95 inside: 4.16).

Otherwise the file is refused, naming the shipping and tax columns and a row. A shipping discount (Etsy's "Shipping
Discount") is taken off the shipping, whatever its sign. A column of the shipping's tax is no tax of the amount's:
:func:`shipping_taxes` names those for :func:`~.taxes.net_of_tax` to leave out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .deductions import deduction_read
from .duties import net_of_duties
from .equal_columns import CENT as _CENT
from .equal_columns import column_equal
from .errors import DataError, row_of, said_as, show, source_of
from .names import columns_option
from .names import words as _words
from .notes import note
from .order_level import item_amount, order_codes, order_level, order_named, order_same
from .shipping import _COUNTS, _NOT_AMOUNT, _SHIPPING, _WITH, _WITHOUT, shipping_columns
from .taxes import _TAX, RATES, _numbers, tax_columns, without_breakdown

__all__ = ["order_net_of_shipping", "shipping_taxes"]

#: Words of a shipping column's name that say it is without its tax, or with it.
_EX = frozenset({"ex", "exc", "excl", "excluding", "exkl", "net", "netto", "ohne", "ht", "without", "pretax"})
_INC = frozenset({"inc", "incl", "including", "inkl", "gross", "brutto", "ttc", "mit", "with"})
_DISCOUNT = frozenset({"discount", "discounts", "promotion", "promo", "coupon", "rabatt", "remise", "descuento"})


def _kind(column: str) -> str:
    """'tax' (the shipping's tax), 'ex' (without its tax), 'inc' (with it), 'discount' or 'plain'."""
    words = _words(column)
    if words & _DISCOUNT:
        return "discount"
    if words & _EX:
        return "ex"
    if words & _INC:
        return "inc"
    return "tax" if words & _TAX else "plain"


def shipping_taxes(columns: Any, names: Mapping[str, str]) -> list[str]:
    """The columns of a shipping's own tax ("order_shipping_tax", "shipping-tax", "Shipping Cost Tax"), not used.

    >>> shipping_taxes(["order_total", "order_shipping", "order_shipping_tax", "Shipping Cost (inc tax)"], {})
    ['order_shipping_tax']
    """
    return [c for c in shipping_columns(list(columns), names) if _kind(c) == "tax"]


def _read(df: pd.DataFrame, columns: list[str], source: str, decimal: str | None) -> dict[str, np.ndarray]:
    listed = list(map(str, df.columns))
    found = {}
    for column in columns:
        if listed.count(column) == 1 and (values := _numbers(df[column], source, column, decimal)) is not None:
            found[column] = np.where(np.isfinite(values), values, 0.0)
    return found


def _one_rate(part: np.ndarray, of: np.ndarray, inside: bool) -> np.ndarray:
    """Each row's one tax rate with ``part`` = ``of`` x rate (``inside``: x rate / (1 + rate)), NaN where none or
    more than one fits to the cent."""
    shares = RATES / (1 + RATES) if inside else RATES
    fits = np.abs(np.abs(part)[:, None] - np.abs(of)[:, None] * shares) <= _CENT
    found = np.full(len(part), np.nan)
    one = fits.sum(axis=1) == 1
    found[one] = RATES[fits[one].argmax(axis=1)]
    return found


#: Words beside a shipping's that say an amount holds it ('incl. shipping', 'with shipping', 'inkl. Versandkosten').
_HOLDS = frozenset({"incl", "including", "include", "includes", "included", "inc", "with", "inkl", "inklusive",
                    "inclus", "incluse", "inclusa", "incluido", "incluidos", "incluso", "mit", "avec", "con",
                    "com"})  # fmt: skip
#: Shipping in a name whose words alone do not say it: French 'frais de port', British 'P&P' (postage and packing).
_SHIPPING_PHRASES = re.compile(r"(?i)frais\s+de\s+port|\bp\s*&\s*p\b|\bp\s*and\s*p\b")


def shipping_named(money: str) -> bool:
    """Whether an amount's name says it holds the shipping (:func:`refuse_shipping_named`'s test): an engine's table
    so named is read as a file's, to be refused as a file is (``relational``; H196's request 3).

    >>> [shipping_named(n) for n in ("Amount incl. P&P", "Total frais de port inclus", "Total", "Shipping Total")]
    [True, True, False, False]
    """
    words = _words(money)
    shipping = bool(words & _SHIPPING) or _SHIPPING_PHRASES.search(money) is not None
    return shipping and bool(words & _HOLDS or "inclus" in money.lower())


#: Words beside a shipping word that say the amount is the order's, with or without its shipping ("Total excl.
#: shipping", "Net sales before delivery"), not the shipping itself.
_ORDERS_OWN = frozenset({
    "order", "orders", "subtotal", "sub", "net", "item", "items", "product", "products", "sale", "sales", "revenue",
    "before", "after", "less", "minus", "excl", "excluding", "exclusive", "ex", "exkl", "exklusive", "ohne", "without",
    "sans", "hors", "sin", "senza", "zonder", "pre", "bestellung", "commande", "pedido", "ordine",
})  # fmt: skip


def shipping_alone(money: str) -> bool:
    """Whether an amount's name says it is the shipping itself ('Shipping', 'Versandkosten', 'Shipping Total',
    'Frais de port'), not an order's amount with or without it: no order revenue (:func:`refuse_shipping_alone`).

    >>> [shipping_alone(n) for n in ("Shipping", "Versandkosten", "Shipping Total", "Frais de port", "Delivery Fee")]
    [True, True, True, True, True]
    >>> [shipping_alone(n) for n in ("Total", "Total excl. shipping", "Amount incl. P&P", "Shipping Method")]
    [False, False, False, False]
    """
    words = _words(money)
    if not (words & _SHIPPING or _SHIPPING_PHRASES.search(money)) or shipping_named(money):
        return False
    return not words & (_ORDERS_OWN | _NOT_AMOUNT | _COUNTS)


def refuse_shipping_alone(money: str, source: str) -> None:
    """Refuse an order amount whose name says it is the shipping alone (:func:`shipping_alone`): its sums would be
    what buyers paid the carrier, and order revenue is net of shipping (docs/metrics.md).

    >>> refuse_shipping_alone("Versandkosten", "o.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv: 'Versandkosten' (taken as amount) is the shipping by its name, and \
order revenue is net of shipping: map amount to the orders' amounts (columns={'amount': 'NAME'}: a subtotal, or a \
total beside the shipping column)
    """
    if shipping_alone(money):
        raise _shipping_refusal(
            money,
            source,
            f"{money!r} (taken as amount) is the shipping by its name, and order revenue is net of shipping: map "
            "amount to the orders' amounts ({mapped}: a subtotal, or a total beside the shipping column)",
        )


def refuse_shipping_named(money: str, source: str) -> None:
    """Refuse an order amount whose name says it holds the shipping ("Total (incl. shipping)", "Gesamt inkl.
    Versandkosten", "Total frais de port inclus", "Amount incl. P&P") where no column of the shipping is beside it:
    revenue is net of shipping, and how much to take off cannot be told (H200 finding 10).

    >>> refuse_shipping_named("Total (incl. shipping)", "o.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv: 'Total (incl. shipping)' says by its name that it includes the \
shipping and no column holds the shipping; revenue is net of shipping: give the amounts without it (columns=\
{'amount': 'NAME'}), or a column of the shipping beside them
    >>> refuse_shipping_named("Total", "o.csv"), refuse_shipping_named("Shipping Total", "o.csv")
    (None, None)
    """
    if shipping_named(money):
        raise _shipping_refusal(
            money,
            source,
            f"{money!r} says by its name that it includes the shipping and no column holds the shipping; revenue is "
            "net of shipping: give the amounts without it ({mapped}), or a column of the shipping beside them",
        )


def _shipping_refusal(money: str, source: str, problem: str) -> DataError:
    """The refusal of an order amount that is, or holds, the shipping by its name: ``problem`` (its ``{mapped}``
    the mapping of another amount column as the CLI or Python says it) after the file's name, naming the column."""
    mapped = said_as(columns_option([("amount", "NAME")]), "columns={'amount': 'NAME'}")  # the CLI's or Python's
    return DataError(f"{source}: {problem.replace('{mapped}', mapped)}", source=source, column=money)


def _beside_after_discount(
    df: pd.DataFrame, gross: np.ndarray, candidates: list[np.ndarray], tax: np.ndarray, rows: np.ndarray,
    skip: set[str], source: str, decimal: str | None, seen: dict[str, np.ndarray | None],
) -> bool | None:  # fmt: skip
    """False where a discount column (not the shipping's) takes something off a row with shipping and another column
    is the amount less that discount plus the shipping (and its tax) in every such row: the amount does not hold the
    shipping (Etsy's 'Order Total' = 'Order Value' - 'Discount Amount' + 'Shipping' + 'Sales Tax'); None otherwise."""
    from .discounts import discount_columns

    listed = list(map(str, df.columns))
    for name in discount_columns(df):
        if name in skip or listed.count(name) != 1:
            continue
        off = _read(df, [name], source, decimal).get(name)
        if off is None or not (np.abs(off[rows]) > 0.005).any():
            continue
        left = gross - np.abs(off)
        for shipping in candidates:
            if column_equal(df, left + shipping, rows, skip | {name}, source, decimal, seen) or column_equal(
                df, left + shipping + tax, rows, skip | {name}, source, decimal, seen
            ):
                return False
    return None


def _subtotal_less_discount(
    df: pd.DataFrame, left: np.ndarray, rows: np.ndarray, skip: set[str], source: str, decimal: str | None,
    seen: dict[str, np.ndarray | None],
) -> tuple[str, str] | None:  # fmt: skip
    """(X, D) where a discount column D (not the shipping's) takes something off some of ``rows`` and another column X
    is ``left`` plus it in every one of ``rows`` (WooCommerce: 'Order Total Amount' - 'Order Total Tax Amount' -
    'Order Shipping Amount' = 'Order Subtotal Amount' - 'Cart Discount Amount', H314 finding 05); None otherwise."""
    from .discounts import discount_columns

    listed = list(map(str, df.columns))
    for name in discount_columns(df):
        if name in skip or listed.count(name) != 1 or _kind(name) != "discount" or _words(name) & _SHIPPING:
            continue
        off = _read(df, [name], source, decimal).get(name)
        if off is None or not (np.abs(off[rows]) > 0.005).any():
            continue
        found = column_equal(df, left + np.abs(off), rows, skip | {name}, source, decimal, seen)
        if found is not None:
            return found, name
    return None


def order_net_of_shipping(
    df: pd.DataFrame,
    typed: dict[str, Any],
    gross: np.ndarray,
    names: Mapping[str, str],
    source: str,
    decimal: str | None = None,
) -> dict[str, Any]:
    """``typed`` with its ``amount`` (already net of tax, ``gross``: as written) net of the shipping inside it
    (see the module docstring); refused where whether it holds the shipping, or the shipping's tax, cannot be told.
    Import duties inside it are taken off first (:func:`~.duties.net_of_duties`)."""
    if "amount" not in typed or "amount" not in names:
        return typed
    typed = net_of_duties(df, typed, names, source, decimal)  # Shopify's 'Duties' inside 'Total' (reading.duties)
    money_name = str(names["amount"])
    refuse_shipping_alone(money_name, source)  # 'Shipping' mapped as amount: the carrier's, no order revenue
    found = shipping_columns(df.columns, names)
    read = _read(df, found, source, decimal)
    if not read:
        refuse_shipping_named(money_name, source)
        return typed
    codes = order_codes(df, names) if item_amount(money_name) else None  # Etsy's 'Item Total' beside the order's
    level = [c for c, v in read.items() if codes is not None and order_level(v, codes)]  # 'Order Shipping'
    if item_amount(money_name):  # named as the order's beside an item's amount: one item per order proves nothing
        level += [c for c, v in read.items() if c not in level and order_named(c) and order_same(v, df, names)]
    if level and all(c in level or not np.any(v) for c, v in read.items()):
        note(f"{source}: {' and '.join(map(repr, level))} is each order's shipping, on each of its item rows: not in "
             f"{money_name!r}, an item's amount")  # fmt: skip
        return typed
    kinds = {c: _kind(c) for c in read}
    gross = np.asarray(gross, dtype=np.float64)
    read = {c: v if kinds[c] == "discount" else deduction_read(df, c, v, gross, money_name, source)
            for c, v in read.items()}  # 'Shipping' -5.00 beside 'Total' 105.00: its size  # fmt: skip
    net = np.asarray(typed["amount"], dtype=np.float64)
    zero = np.zeros(len(net))

    def total(kind: str) -> np.ndarray:
        return np.sum([v for c, v in read.items() if kinds[c] == kind] or [zero], axis=0)

    off = np.sum([np.abs(v) for c, v in read.items() if kinds[c] == "discount"] or [zero], axis=0)
    has = {k for k in kinds.values() if (total(k) != 0).any()}
    ex, inc, own_tax, plain = total("ex") - off, total("inc") - off, total("tax"), total("plain") - off
    written = ex if "ex" in has else inc if "inc" in has else plain  # the shipping as the amount may hold it
    rows = np.flatnonzero((written != 0) & np.isfinite(gross) & (gross != 0))
    if not rows.size:
        return typed
    first = int(rows[0])
    where = row_of(source_of(df, source), first)
    off_names = [repr(c) for c in read if kinds[c] == "discount"]  # Etsy's 'Shipping Discount': off it, not in it
    shown = " and ".join(repr(c) for c in read if kinds[c] != "discount") + (
        f" less {' and '.join(off_names)}" if off_names else ""
    )
    named = next((c for c in read if kinds[c] != "discount" and read[c][first] != 0), next(iter(read)))
    skip = {money_name, *read, *map(str, names.values())}
    taxes = [c for c in tax_columns(df.columns, {**names, **{f"shipping {c}": c for c in read}})]
    tax_read = without_breakdown(_read(df, taxes, source, decimal))  # Shopify's 'Tax 1 Value': 'Taxes' by rate
    tax = np.sum(list(tax_read.values()) or [zero], axis=0)
    seen: dict[str, np.ndarray | None] = {}  # each column's numbers, read once for all the sums asked about
    # does the amount hold the shipping? another column is it less the shipping, or plus it; else its name
    candidates = [written, written + own_tax, plain + inc + ex, net - gross + written]
    held = None
    for shipping in candidates:
        if column_equal(df, gross - shipping, rows, skip, source, decimal, seen):
            held = True
            break
        if column_equal(df, gross + shipping, rows, skip, source, decimal, seen) or column_equal(
            df, gross + shipping + tax, rows, skip, source, decimal, seen
        ):  # Etsy's 'Order Value' + 'Shipping' + 'Sales Tax' = 'Order Total'
            held = False
            break
    if held is None:  # Etsy's coupon: 'Order Value' - 'Discount Amount' + 'Shipping' + 'Sales Tax' = 'Order Total'
        held = _beside_after_discount(df, gross, candidates, tax, rows, skip, source, decimal, seen)
    own = _words(money_name)
    if held is None and item_amount(money_name):  # 'Item Total': an item's total says nothing of an order's shipping
        own = own - _WITH
    if held is None:
        held = True if own & _WITH and not own & _WITHOUT else False if own & _WITHOUT and not own & _WITH else None
    if held is None:
        raise DataError(
            f"{source}: column {named!r} holds shipping ({where}: {show(df[named].iloc[first])} "
            f"beside {money_name!r} {show(df[money_name].iloc[first])}) and is not used; revenue is net of shipping, "
            "and "
            f"whether {money_name!r} includes it cannot be told: if it does, map a column of amounts without shipping "
            f"({columns_option([('amount', 'NAME')])}) or write the amounts less the shipping; if it does not, "
            "remove the shipping columns",
            source=source,
            column=named,
        )
    if not held:
        return typed
    _refuse_other_currency(df, money_name, list(read), source)  # Magento's base-currency 'Shipping and Handling'
    from .fx_drift import refuse_in_other_currency

    for column, values in read.items():  # shipping in each order's own currency beside a converted 'Total (USD)'
        shipped = np.flatnonzero((values != 0) & np.isfinite(values))
        refuse_in_other_currency(df, money_name, column, shipped, source, "revenue", part="shipping")
    taxed = (tax != 0) & np.isfinite(tax)
    apart = _own_tax_written(df, [c for c in read if kinds[c] == "tax"], rows, source, decimal)
    if "ex" in has:
        shipping_net, why = ex, "its name says without tax"
    elif "tax" in has or apart:  # WooCommerce's shipping_tax 0.00 in each row with shipping: no tax on it
        shipping_net = inc - own_tax if "inc" in has else plain
        why = "its tax is written apart" + ("" if "tax" in has else f" ({apart!r}: 0 in each row with shipping)")
    else:
        shipping_net = written.copy()
        why = "no tax is charged in its rows" if tax_read else "the file has no tax column"
        asked = rows[taxed[rows]]
        if "inc" in has and asked.size:
            shipping_net, why = _inside(
                df, gross, written, tax, asked, skip, money_name, (source, decimal, seen), named, list(tax_read)
            )
        elif asked.size:
            told = column_equal(df, net - written, asked, skip, source, decimal, seen)
            after = (
                None
                if told is not None
                else _subtotal_less_discount(df, net - written, asked, skip, source, decimal, seen)
            )  # WooCommerce's coupon: 'Order Subtotal Amount' - 'Cart Discount Amount'
            if told is not None:
                why = f"{told!r} is {money_name} less its tax and the shipping"
            elif after is not None:
                why = f"{after[0]!r} - {after[1]!r} is {money_name} less its tax and the shipping"
            elif (
                np.isfinite(_one_rate(tax[asked], net[asked] - written[asked], False)).all()
                and not np.isfinite(_one_rate(tax[asked], net[asked], False)).all()
            ):
                why = "each tax is a tax rate of the amount without the shipping"
            else:
                shipping_net, why = _inside(
                    df, gross, written, tax, asked, skip, money_name, (source, decimal, seen), named, list(tax_read)
                )
    # the shipping's own tax (a column of it, or "(inc tax)" less "(ex tax)") is still in an amount whose tax was
    # taken off unless the order's tax holds it (Shopify's 'Taxes', BigCommerce's 'Tax Total'): told by another
    # column, else by the tax's name saying a total; WooCommerce's 'order_tax' is the cart's alone
    own = own_tax if "tax" in has else inc - ex if {"ex", "inc"} <= has else zero
    left = np.where(np.isfinite(net) & (net != gross), own, 0.0)
    both = np.flatnonzero((left != 0) & taxed)
    if both.size:
        apart = column_equal(df, gross - tax - shipping_net - own, both, skip, source, decimal, seen) is not None
        inside = column_equal(df, gross - tax - shipping_net, both, skip, source, decimal, seen) is not None
        if not apart and not inside:  # else by the rates: the order's tax a rate of the items without or with it
            items = gross[both] - tax[both] - shipping_net[both]
            apart = bool(np.isfinite(_one_rate(tax[both], items - own[both], False)).all())
            inside = bool(np.isfinite(_one_rate(tax[both] - own[both], items, False)).all())
        if inside == apart:
            first = int(both[0])
            taxes = " and ".join(repr(c) for c in tax_read)
            own_names = [c for c in read if kinds[c] == "tax"] or [c for c in read if kinds[c] == "inc"]
            raise DataError(
                f"{source}: whether {taxes} holds the shipping's tax in {own_names[0]!r} cannot be told "
                f"({row_of(source_of(df, source), first)}: {show(df[own_names[0]].iloc[first])} beside "
                f"{show(df[next(iter(tax_read))].iloc[first])}); revenue is net of tax and shipping, and the "
                "shipping's tax would be taken off twice or not at all: map a column of amounts without tax and "
                f"shipping ({columns_option([('amount', 'NAME')])}), or write the amounts less them",
                source=source,
                column=own_names[0],
            )
        if inside:
            left = zero
    taken = shipping_net + left
    typed["amount"] = np.where(np.isfinite(net), net - taken, net)
    note(f"{source}: {money_name!r} includes the shipping in {shown} ({why}): taken off net of its tax, revenue is "
         "net of shipping")  # fmt: skip
    return typed


def _own_tax_written(
    df: pd.DataFrame, columns: list[str], rows: np.ndarray, source: str, decimal: str | None
) -> str | None:
    """The column of the shipping's own tax (WooCommerce's ``shipping_tax``) written in each of ``rows`` (those with
    shipping), as a number: 0.00 there says the shipping carried no tax, so it is net as written; None where no such
    column is written in every one of them (a blank says nothing)."""
    listed = list(map(str, df.columns))
    for column in columns:
        values = _numbers(df[column], source, column, decimal) if listed.count(column) == 1 else None
        if values is not None and np.isfinite(values[rows]).all():
            return column
    return None


def _inside(
    df: pd.DataFrame, gross: np.ndarray, written: np.ndarray, tax: np.ndarray, rows: np.ndarray, skip: set[str],
    money_name: str, read: tuple[str, str | None, dict[str, np.ndarray | None]], column: str, tax_names: list[str],
) -> tuple[np.ndarray, str]:  # fmt: skip
    """The shipping less its tax where the tax is inside a total that is another column plus the shipping and each
    tax is one rate's share of the total (Shopify's tax-inclusive store); refused otherwise."""
    source, decimal, seen = read  # seen: the columns' numbers read before
    sums = column_equal(df, gross - written, rows, skip, source, decimal, seen)
    rate = _one_rate(tax[rows], gross[rows], True)
    if sums is not None and np.isfinite(rate).all():
        shipping = written.copy()
        shipping[rows] = np.round(written[rows] / (1 + rate), 2)
        return shipping, f"{money_name} is {sums} + the shipping, each tax one rate's share of it"
    first = int(rows[0])
    taxes = " and ".join(repr(c) for c in tax_names)
    raise DataError(
        f"{source}: column {column!r} holds shipping inside {money_name!r} ({row_of(source_of(df, source), first)}: "
        f"{show(df[column].iloc[first])} of {show(df[money_name].iloc[first])}) beside the tax in {taxes}, and whether "
        f"{column!r} includes its own tax cannot be told ({taxes} may hold it); revenue is net of tax and shipping: "
        "map a column "
        f"of amounts without tax and shipping ({columns_option([('amount', 'NAME')])}), write the shipping without "
        "its tax, or add a column of the shipping's tax",
        source=source,
        column=column,
    )


def _refuse_other_currency(df: pd.DataFrame, money: str, columns: list[str], source: str) -> None:
    """Refuse shipping written in another currency than the amount (Magento's grid: "Shipping and Handling" in the
    store's base currency, "$5.00", beside "Grand Total (Purchased)" in the customer's, "€46.00"): taken off, it
    would subtract dollars from euros."""
    from .currency import currency_of

    def currencies(column: str) -> set[str]:
        values = df[column]
        if pd.api.types.is_numeric_dtype(values.dtype):
            return set()
        return {c for t in values.dropna().astype(str).unique() if (c := currency_of(t)) is not None}

    own = currencies(money)
    for column in columns:
        theirs = currencies(column)
        if own and theirs and own != theirs:
            raise DataError(
                f"{source}: column {column!r} holds shipping in {', '.join(sorted(theirs))} beside {money!r} in "
                f"{', '.join(sorted(own))}; revenue is net of shipping, and it cannot be taken off an amount in "
                f"another currency: map the amount in the shipping's currency (Magento's 'Grand Total (Base)'; "
                f"{columns_option([('amount', 'NAME')])})",
                source=source,
                column=column,
            )
