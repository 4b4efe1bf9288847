"""Taxes beside a subscription's amount: MRR is net of tax (docs/metrics.md, "MRR is net of tax").

A billing export or an MRR file with a column of tax amounts beside the money column (``tax``, ``VAT``, ``MwSt``,
``TVA``, ``IVA``, "Sales Tax", ``tax_amount``, Stripe's invoices' "Tax" beside "Total") says a tax was charged; the
money column may be before it (net: used as it is) or after it (gross: the tax counted as recurring revenue). Which
one is told, in this order, by:

1. another column that is the sum or the difference in every row: ``amount + tax == total`` says the amount is net,
   ``amount - tax == net`` says it is gross;
2. the money column's name: net (``net``, ``netto``, ``subtotal``, ``excl``, ``HT``, "before tax") or gross
   (``gross``, ``brutto``, ``incl``, ``TTC``, ``total``, "Amount Due", ``amount_paid``);
3. the values: in every row with a tax, the tax is a VAT or sales tax rate (0.5 % to 27 % in steps of 0.25 %, and
   the odd ones: 8.875 %, 9.975 %, ...) of the amount (net) and not of the amount before it (gross: 19 of 119 is
   19 % of 100), to the cent.

A name that says net is not taken alone where a column named as a total contradicts it: ``Total`` = amount +
shipping with the tax not added (Shopify's tax-inclusive store: its 'Subtotal' includes the tax) says gross, and a
``Total`` that is no sum of the amount, the tax and a shipping column leaves it untold (both refused, unless each
tax is the rate's share of the amount: taken off).

A gross amount has its tax taken off, with a note; a net one is used as it is; where the name and the values
disagree, or neither tells, the file is refused, naming the tax column and the ways out. A column of tax rates
(``VAT %``, ``tax_rate``) or flags (``tax_exempt``) is no amount and is not read here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .deductions import deduction_read
from .equal_columns import CENT as _CENT
from .equal_columns import equal_column
from .equal_columns import numbers_or_none as _numbers
from .errors import DataError, row_of, show, source_of
from .names import columns_option, named_columns
from .names import words as _words
from .notes import note
from .order_total_taxes import by_order_total, order_value_of
from .paid_taxes import paid_tax_shares
from .tax_owners import FEE_WORDS as _FEE
from .tax_owners import without_breakdown, without_breakdown_of, without_twins
from .tax_words import GROSS_WORDS as _GROSS
from .tax_words import NET_WORDS as _NET
from .tax_words import NOT_AMOUNT_WORDS as _NOT_AMOUNT
from .tax_words import RATES
from .tax_words import TAX_WORDS as _TAX

__all__ = ["net_of_tax", "net_shares", "tax_columns", "tax_named", "without_breakdown"]


def tax_columns(columns: Sequence[Any], names: Mapping[str, str]) -> list[str]:
    """The columns whose name says a tax amount (not a rate, a flag, an id, an amount before or after tax), not used
    (``names``: ours -> theirs).

    >>> tax_columns(["amount", "VAT", "Sales Tax", "tax_rate", "Total (incl. VAT)", "MwSt.", "TaxAmount"], {})
    ['VAT', 'Sales Tax', 'MwSt.', 'TaxAmount']
    """
    return named_columns(columns, names, _TAX, _NOT_AMOUNT)


def tax_named(columns: Sequence[Any], names: Mapping[str, str]) -> bool:
    """Whether a column not used (``names``: ours -> theirs) has a tax in its name: an amount, a rate or a flag (the
    SQL engines read such a table as a file's, :mod:`xl_retention.relational.inputs`).

    >>> tax_named(["amount", "Tax Behavior"], {}), tax_named(["amount", "Plan"], {})
    (True, False)
    """
    used = {str(c) for c in names.values()}
    return any(str(c) not in used and _words(c) & _TAX for c in columns)


def _by_rates(money: np.ndarray, tax: np.ndarray) -> str | None:
    """'net' where every tax is a rate of its amount and some not of the amount before it, 'gross' the other way
    round (19 of 119: 19 % of 100), None where the values do not tell."""
    m, t = np.abs(money)[:, None], np.abs(tax)[:, None]
    net = (np.abs(t - m * RATES) <= _CENT).any(axis=1)
    gross = (np.abs(t - m * RATES / (1 + RATES)) <= _CENT).any(axis=1)
    if gross.all() and not net.all():
        return "gross"
    if net.all() and not gross.all():
        return "net"
    return None


def _by_sums(df: pd.DataFrame, money: np.ndarray, tax: np.ndarray, rows: np.ndarray, skip: set[str], source: str,
             decimal: str | None) -> tuple[str, str] | None:  # fmt: skip
    """('net', X) where another column X is amount + tax in every row with a tax, ('gross', X) where it is amount -
    tax (:func:`~.equal_columns.equal_column`); None otherwise."""
    found = equal_column(df, [money + tax, money - tax], rows, skip, source, decimal)
    return None if found is None else (("net", "gross")[found[0]], found[1])


def _total_with_shipping(
    df: pd.DataFrame, money: np.ndarray, tax: np.ndarray, rows: np.ndarray, column: str, names: Mapping[str, str],
    source: str, decimal: str | None,
) -> tuple[str, str] | None:  # fmt: skip
    """(total, shipping) where a column named as a total (``Total``) is the amount plus a shipping column (not its
    tax) in every row with a tax, the tax not added: the amount includes the tax (Shopify's orders export of a
    tax-inclusive store: 'Total' = 'Subtotal' + 'Shipping', 'Taxes' inside both). None otherwise."""
    from .shipping import shipping_columns  # shipping reads taxes' words

    listed = list(map(str, df.columns))
    money_name = str(names.get("amount", names.get("mrr")))
    skip = {column, money_name, *map(str, names.values())}
    shipped = [c for c in shipping_columns(listed, {}) if c not in skip and listed.count(c) == 1
               and not _words(c) & _TAX]  # fmt: skip
    totals = [c for c in listed if c not in skip and listed.count(c) == 1 and _words(c) & _GROSS
              and not _words(c) & (_TAX | _NET)]  # fmt: skip
    if not shipped or not totals or not (np.abs(tax[rows]) > _CENT).all():
        return None
    for shipping in shipped:
        cost = _numbers(df[shipping], source, shipping, decimal)
        if cost is None:
            continue
        cost = np.where(np.isfinite(cost), cost, 0.0)
        if not (np.abs(cost[rows]) > _CENT).any():
            continue  # no shipping in any taxed row (Etsy's 'Shipping Discount' 0): a total equal to the amount
        for total in totals:
            values = _numbers(df[total], source, total, decimal)
            if values is None or not np.isfinite(values[rows]).all():
                continue
            if (np.abs(money[rows] + cost[rows] - values[rows]) <= _CENT).all():
                return total, shipping
    return None


def _total_not_summed(
    df: pd.DataFrame, money: np.ndarray, tax: np.ndarray, rows: np.ndarray, column: str, names: Mapping[str, str],
    source: str, decimal: str | None,
) -> str | None:  # fmt: skip
    """A column named as a total (``Total``) that is not the amount + the tax (+ a shipping column, its tax or
    none) in some row with a tax: the name of an amount 'before tax' is then all that says so (Shopify's 'Subtotal'
    includes the tax in a tax-inclusive store). None where every total is such a sum, or no total is beside it."""
    from .shipping import shipping_columns  # shipping reads taxes' words

    listed = list(map(str, df.columns))
    money_name = str(names.get("amount", names.get("mrr")))
    skip = {column, money_name, *map(str, names.values())}
    totals = [c for c in listed if c not in skip and listed.count(c) == 1 and _words(c) & _GROSS
              and not _words(c) & (_TAX | _NET)]  # fmt: skip
    extras = [np.zeros(len(money))]
    from .tips import tip_columns  # Square's 'Total Collected' = 'Net Sales' + 'Tax' + 'Tip'

    for shipping in [*shipping_columns(listed, {}), *tip_columns(listed, {})]:
        cost = _numbers(df[shipping], source, shipping, decimal) if listed.count(shipping) == 1 else None
        if cost is not None:
            extras.append(np.where(np.isfinite(cost), cost, 0.0))
    if len(extras) > 1:
        extras.append(np.sum(extras[1:], axis=0))  # the shipping with its tax
    from .discounts import discount_columns  # Square's 'Gross Sales' = 'Net Sales' + its 'Discounts': no tax total

    offs = [v for c in discount_columns(df) if listed.count(c) == 1 and (v := _numbers(df[c], source, c, decimal))
            is not None]  # fmt: skip
    for total in totals:
        values = _numbers(df[total], source, total, decimal)
        if values is None or not np.isfinite(values[rows]).all():
            continue
        if any((np.abs(money[rows] + np.abs(np.nan_to_num(off[rows])) - values[rows]) <= _CENT).all() for off in offs):
            continue  # the amount before its discounts, not after its tax
        base = money[rows] + tax[rows]
        if not any((np.abs(base + extra[rows] - values[rows]) <= _CENT).all() for extra in extras):
            return total
    return None


def _before_discounts(
    df: pd.DataFrame, money: np.ndarray, rows: np.ndarray, skip: set[str], source: str, decimal: str | None
) -> np.ndarray | None:
    """The amounts less their discounts where a discount column and another column that is the amount less the
    discount in every row with a tax say the amount is before discounts (Square's 'Gross Sales' beside 'Discounts'
    and 'Net Sales' = 'Gross Sales' + 'Discounts'): a "gross" in its name then says before discounts, not with the
    tax, and the tax is a rate of what is left. None where no such pair is.

    >>> df = pd.DataFrame({"Gross Sales": ["20.00", "12.50"], "Discounts": ["0.00", "-2.00"],
    ...                    "Net Sales": ["20.00", "10.50"], "Tax": ["1.75", "0.92"]})
    >>> _before_discounts(df, np.array([20.0, 12.5]), np.array([0, 1]), {"Gross Sales", "Tax"}, "s.csv", None)
    array([20. , 10.5])
    """
    from .discounts import discount_columns

    listed = list(map(str, df.columns))
    for name in discount_columns(df):
        if name in skip or listed.count(name) != 1:
            continue
        off = _numbers(df[name], source, name, decimal)
        if off is None:
            continue
        left = money - np.abs(np.nan_to_num(off))
        if not (np.abs(np.nan_to_num(off[rows])) > _CENT).any():
            continue  # no discount in a taxed row: any column equal to the amount would pass
        if equal_column(df, [left], rows, skip | {name}, source, decimal) is not None:
            return left
    return None


def _order_discount(
    df: pd.DataFrame,
    codes: np.ndarray,
    rows: np.ndarray,
    skip: set[str],
    names: Mapping[str, str],
    source: str,
    decimal: str | None,
) -> np.ndarray:
    """Each row's order's discount, where a discount column (not the shipping's) is the same on every row of each
    order and takes something off some row with a tax (Etsy's 'Discount Amount' beside 'Order Sales Tax'): a sales
    tax is charged on the items less the coupon, on top or inside (H314 finding 03: 3.56 is 8.25 % of 36.00 + 12.00
    less 4.80; of the items alone it read as 8 % inside). Zeros otherwise."""
    from .discounts import discount_columns
    from .order_discounts import SHIPPING_WORDS, discount_words
    from .order_level import order_ranges

    listed = list(map(str, df.columns))
    known = codes >= 0
    for name in discount_columns(df):
        if name in skip or name in names.values() or listed.count(name) != 1 or discount_words(name) & SHIPPING_WORDS:
            continue
        off = _numbers(df[name], source, name, decimal)
        if off is None:
            continue
        off = np.abs(np.nan_to_num(off))
        if not (off[rows] > _CENT).any():
            continue
        low, high = order_ranges(off, codes)
        if (high - low <= _CENT).all():  # the order's, on each of its rows
            return np.where(known, off, 0.0)
    return np.zeros(len(codes))


def _rates_after_discount(
    df: pd.DataFrame, money: np.ndarray, tax: np.ndarray, rows: np.ndarray, skip: set[str], source: str,
    decimal: str | None,
) -> tuple[str, str] | None:  # fmt: skip
    """('net', D) where a discount column D takes something off some row with a tax and every tax is a tax rate of the
    amount less its discount (Etsy's Sold Orders: 'Sales Tax' 4.32 is 8 % of 'Order Value' 60.00 less 'Discount
    Amount' 6.00): the amount is before the discount and the tax; ('gross', D) the other way round; None otherwise.

    >>> df = pd.DataFrame({"Order Value": ["40.00", "60.00"], "Discount Amount": ["0", "6.00"],
    ...                    "Sales Tax": ["3.20", "4.32"]})
    >>> _rates_after_discount(df, np.array([40.0, 60.0]), np.array([3.2, 4.32]), np.array([0, 1]),
    ...                       {"Order Value", "Sales Tax"}, "s.csv", None)
    ('net', 'Discount Amount')
    """
    from .discounts import discount_columns

    listed = list(map(str, df.columns))
    for name in discount_columns(df):
        if name in skip or listed.count(name) != 1:
            continue
        off = _numbers(df[name], source, name, decimal)
        if off is None or not (np.abs(np.nan_to_num(off[rows])) > _CENT).any():
            continue  # no discount in a taxed row: the amounts alone did not tell
        found = _by_rates((money - np.abs(np.nan_to_num(off)))[rows], tax[rows])
        if found is not None:
            return found, name
    return None


def _orders_untold(
    df: pd.DataFrame, names: Mapping[str, str], money: np.ndarray, tax: np.ndarray, codes: np.ndarray,
    rows: np.ndarray, money_name: str, ways: str, skip: set[str], source: str, decimal: str | None,
) -> str:  # fmt: skip
    """The end of the refusal of an order's tax written on its item rows whose rate of the order's items (less its
    coupon) does not tell whether the items include it: the orders where a rate on top and one inside both fit to the
    cent (Etsy's 1.65 of 20.00: 8.25 % on top, 9 % inside), and the export of one row per order that tells (Etsy's
    Sold Orders, whose 'Order Total' is 'Order Value' - 'Discount Amount' + 'Shipping' + 'Sales Tax')."""
    from .order_level import named_orders, order_sums

    base = np.abs(order_sums(money, codes) - _order_discount(df, codes, rows, skip, names, source, decimal))[rows]
    paid = np.abs(tax[rows])[:, None]
    on_top = (np.abs(paid - base[:, None] * RATES) <= _CENT).any(axis=1)
    inside = (np.abs(paid - base[:, None] * RATES / (1 + RATES)) <= _CENT).any(axis=1)
    both = rows[on_top & inside]
    orders = named_orders(df, names, both).strip(" ()")
    which = (
        f"each order's tax is a tax rate of its items on top and another inside them alike, to the cent"
        f"{', in ' + orders if orders else ''}"
        if both.size
        else "each order's tax is no one tax rate of its items"
    )
    return (
        f"whether {money_name!r} includes it cannot be told ({which}): export the orders one row per order instead "
        f"(Etsy: the Sold Orders CSV, {columns_option([('amount', 'Order Value')])}, whose 'Order Total' tells); "
        f"otherwise, {ways}"
    )


def net_of_tax(
    df: pd.DataFrame,
    typed: dict[str, Any],
    names: Mapping[str, str],
    source: str,
    decimal: str | None = None,
    what: str = "MRR",
) -> dict[str, Any]:
    """``typed`` with its money column (``amount``, else ``mrr``, as the file writes it: before cents or ARR are
    converted) net of a tax column beside it (see the module docstring); refused where it cannot be told. ``what``:
    the figure the messages name ("MRR"; "revenue" for an orders file, whose Shopify 'Total' beside 'Taxes',
    WooCommerce's 'Order Total Amount' beside 'Order Total Tax Amount', Amazon's item-price beside item-tax are read
    by the same rules)."""
    money_key = "amount" if "amount" in typed else "mrr"
    if money_key not in typed or money_key not in names:
        return typed
    money_name = str(names[money_key])
    money = np.asarray(typed[money_key], dtype=np.float64)
    taxed: list[tuple[str, np.ndarray, np.ndarray]] = []
    for column in tax_columns(df.columns, names):
        if list(map(str, df.columns)).count(column) != 1:
            continue
        tax = _numbers(df[column], source, column, decimal)
        if tax is None:
            continue
        rows = np.flatnonzero(np.isfinite(tax) & (tax != 0) & np.isfinite(money) & (money != 0))
        if rows.size:
            taxed.append((column, deduction_read(df, column, tax, money, money_name, source), rows))
    if not taxed:  # no tax to take off: refused where a column, or the money's name, says it is in the amounts
        from .tax_flags import refuse_tax_included

        refuse_tax_included(df, names, source, what, decimal)
        return typed
    if len(taxed) > 1:  # Lemon Squeezy's 'tax' and 'tax_usd': the one in the amount's currency ('total', 'total_usd')
        from .currency import named_code

        own = named_code(money_name)
        taxed = [t for t in taxed if named_code(t[0]) == own] or taxed
    taxed = without_twins(taxed, money_name, [str(c) for c in df.columns], source)
    before = [c for c, _, _ in taxed]
    taxed = without_breakdown_of(taxed)  # Shopify's 'Tax 1 Value' .. 'Tax 5 Value': its 'Taxes' by rate
    fees = [c for c in before if _words(c) & _FEE and c not in {t[0] for t in taxed}]
    if fees and len(taxed) == 1:  # WooCommerce's 'fee_tax_total' in 'tax_total': the fee stays, its tax does not
        note(f"{source}: {' and '.join(map(repr, fees))} is the tax of a fee charged with the order, a part of "
             f"{taxed[0][0]!r} (no second tax); the fee itself is revenue, kept in {money_name!r}")  # fmt: skip
    column, tax, rows = taxed[0]
    if len(taxed) == 1:  # a tax in each order's own currency beside amounts converted to one: refused
        from .fx_drift import refuse_in_other_currency

        refuse_in_other_currency(df, money_name, column, rows, source, what)
    first = int(rows[0])
    ways = (
        f"if it does, map a column of amounts before tax ({columns_option([(money_key, 'NAME')])}) or write the "
        f"amounts less the tax; if it is before tax already, remove the tax column"
    )
    if len(taxed) > 1:
        raise DataError(
            f"{source}: columns {', '.join(repr(c) for c, _, _ in taxed)} hold taxes and are not used; {what} is net "
            f"of tax, and whether {money_name!r} includes them cannot be told: {ways}s",
            source=source,
            column=column,
        )
    words = _words(money_name)  # and German compounds: Nettobetrag, Bruttobetrag
    words |= {prefix for w in words for prefix in ("netto", "brutto") if w.startswith(prefix)}
    named = "net" if words & _NET else "gross" if words & _GROSS else None
    skip = {column, money_name, *map(str, names.values())}
    summed = _by_sums(df, money, tax, rows, skip, source, decimal)
    if summed is None and what == "revenue":  # Etsy's 'Order Total' = 'Order Value' - coupon + shipping + tax
        total = by_order_total(df, money, rows, skip - {column}, names, source, decimal)
        summed = None if total is None else ("net", total)
    if summed is None and named == "net":  # Gumroad's 'Net Total ($)', PayPal's 'Net': net of a fee (fee_nets)
        from .fee_nets import fee_net_verdict

        fee_net = fee_net_verdict(df, money, tax, rows, skip, column, money_name, source, decimal, what)
        if fee_net is not None and fee_net[0] == "gross":
            typed[money_key] = money - np.where(np.isfinite(tax), tax, 0.0)
            note(f"{source}: {money_name!r} includes the tax in {column!r} ({fee_net[1]}): taken off, {what} is net "
                 "of tax")  # fmt: skip
        if fee_net is not None:
            return typed
    by_values = _by_rates(money[rows], tax[rows])
    why_after = ""  # what the tax is a rate of, beyond the amount: ' less Discount Amount
    from .order_level import item_amount, order_codes, order_level, order_named, order_same, order_sums
    from .unit_prices import price_kind, unit_quantities
    from .us_sales_tax import shipped_to_us

    codes = order_codes(df, names) if what == "revenue" else None
    ordered = codes is not None and order_level(tax, codes)  # Etsy's 'Order Sales Tax' on each of its item rows
    if ordered and codes is not None and not item_amount(money_name) and order_level(money, codes):
        ordered = False  # the order's total repeated too (WooCommerce's 'Order Total Amount'): each row the order's
    if what == "revenue" and not ordered and item_amount(money_name) and order_named(column):
        if order_same(tax, df, names):  # named the order's, every order one item: each row its own order's
            codes, ordered = (np.arange(len(money)) if codes is None else codes), True
    lines = money  # each row's line: a unit's price times its quantity (H508's finding 04: 2 x 25.00, not 25.00)
    if ordered and (counts := unit_quantities(df, names, lambda s, c: _numbers(s, source, c, decimal))) is not None:
        lines = money * counts
    if what == "revenue" and summed is None and codes is not None and price_kind(money_name) == "unit":
        from .line_subtotals import lines_before_tax  # Shopify's 'Total' = 'Subtotal' + 'Shipping' + 'Taxes'

        counts = unit_quantities(df, names, lambda s, c: _numbers(s, source, c, decimal))
        whole = money if counts is None else money * counts
        if lines_before_tax(df, whole, tax, column, codes, skip, source, decimal) is not None:
            return typed  # the prices are before tax: used as they are
    if ordered:  # the order's tax: a rate of its items together, not of each; an item's name says nothing of it
        assert codes is not None
        sums = order_sums(lines, codes) - _order_discount(df, codes, rows, skip, names, source, decimal)
        summed, by_values = None, _by_rates(sums[rows], tax[rows])  # of the items less the order's coupon
        named = None if item_amount(money_name) else named
    if summed is None and named == "gross" and words & _GROSS <= {"gross", "brutto"}:  # "Gross Sales": discounts?
        left = _before_discounts(df, money, rows, skip, source, decimal)
        if left is not None:  # before discounts: the name tells nothing of the tax; the tax is a rate of what is left
            named, by_values = None, _by_rates(left[rows], tax[rows])
    if summed is None and by_values is None and not ordered and named is None:  # Etsy's coupon: 'Discount Amount'
        off = _rates_after_discount(df, money, tax, rows, skip, source, decimal)
        if off is not None:  # every tax a rate of the amount less its discount: the amount is before both
            by_values, why_after = off[0], f" less {off[1]}"
    inside = None if summed is not None else _total_with_shipping(df, money, tax, rows, column, names, source,
                                                                   decimal)  # fmt: skip
    if inside is not None and by_values != "gross":  # Shopify's tax-inclusive store: 'Total' = 'Subtotal' + shipping
        total, shipping = inside
        where = row_of(source_of(df, source), first)
        raise DataError(
            f"{source}: column {column!r} holds taxes and is not used, and {total!r} is {money_name!r} + "
            f"{shipping!r} with the taxes not added ({where}: {show(df[total].iloc[first])} = "
            f"{show(df[money_name].iloc[first])} + {show(df[shipping].iloc[first])}, {column} "
            f"{show(df[column].iloc[first])}), "
            f"so {money_name!r} includes the tax{' although its name says net' if named == 'net' else ''}; {what} is "
            f"net of tax, and the share of {column!r} in {money_name!r} cannot be told (it may hold the shipping's "
            f"tax too): map a column of amounts before tax ({columns_option([(money_key, 'NAME')])}) or write the "
            "amounts less their tax",
            source=source,
            column=column,
        )
    unsummed = None
    if summed is None and inside is None and named == "net" and by_values is None:
        unsummed = _total_not_summed(df, money, tax, rows, column, names, source, decimal)
    if unsummed is not None:  # 'Subtotal' beside 'Taxes' and a 'Total' that is not their sum: the name alone
        where = row_of(source_of(df, source), first)
        raise DataError(
            f"{source}: column {column!r} holds taxes and is not used, and {unsummed!r} is not {money_name!r} + "
            f"{column!r} ({where}: {show(df[unsummed].iloc[first])} beside {show(df[money_name].iloc[first])} and "
            f"{show(df[column].iloc[first])}), nor is each tax a tax rate of {money_name!r}; {what} is net of tax, and "
            f"whether {money_name!r} includes it cannot be told (a store's prices may include tax): {ways}",
            source=source,
            column=column,
        )
    if inside is not None:  # each tax is the rate's share of the amount: the shipping carries none
        verdict, why = "gross", f"{inside[0]!r} is {money_name} + {inside[1]} with the tax inside"
    elif summed is not None:
        verdict, why = summed[0], f"{summed[1]!r} is {money_name} {'+' if summed[0] == 'net' else '-'} {column}"
    elif named is not None and by_values in (None, named):
        verdict, why = named, f"its name says {named}"
    elif named is None and by_values is not None and ordered:
        verdict, why = (
            by_values,
            f"each order's tax is a tax rate of its items' {money_name}"
            + (" less the tax" if by_values == "gross" else ""),
        )
    elif named is None and by_values is not None and why_after:
        verdict, why = by_values, f"each tax is a tax rate of {money_name}{why_after}"
    elif named is None and by_values is not None:
        verdict, why = by_values, f"each tax is a tax rate of {money_name} less the tax"
    elif ordered and by_values is None and (us := shipped_to_us(df, sums[rows], tax[rows], rows)) is not None:
        verdict, why = "net", f"each order ships to the United States ({us!r}), where a sales tax is added at checkout"
        note(f"{source}: {column!r} is each order's tax on top of its items' {money_name!r} (a tax rate on top and "
             f"another inside them fit alike, to the cent; {why}): kept as it is, {what} is net of tax")  # fmt: skip
    elif (
        what == "revenue"
        and not ordered
        and (whole := order_value_of(df, money, rows, skip - {column}, names, source, decimal))
    ):  # Etsy's 'Order Total' = 'Order Value' - 'Discount Amount' + 'Shipping' + 'Sales Tax': the tax is inside
        verdict, why = "gross", whole
    else:
        where = row_of(source_of(df, source), first)
        told = f"whether {money_name!r} includes it cannot be told: {ways}"
        if ordered and codes is not None:  # Etsy's items: 8.25 % on top and 9 % inside alike (H327)
            told = _orders_untold(df, names, lines, tax, codes, rows, money_name, ways, skip, source, decimal)
        raise DataError(
            f"{source}: column {column!r} holds taxes ({where}: {show(df[column].iloc[first])} beside "
            f"{money_name!r} {show(df[money_name].iloc[first])}) and is not used; {what} is net of tax, and {told}",
            source=source,
            column=column,
        )
    if verdict == "gross":  # an invoice's amount paid in part: its share of the invoice's tax (paid_taxes)
        shares = paid_tax_shares(df, money_key, money_name, money, column, tax, source, decimal)
        if shares is not None:
            tax = tax * shares
    if verdict == "gross" and ordered:  # each item's share of its order's tax
        assert codes is not None
        sums = order_sums(lines, codes)  # a unit's share: its price of its order's lines
        share = np.divide(money, sums, out=np.zeros(len(money)), where=sums != 0)
        typed[money_key] = money - np.where(np.isfinite(tax), tax, 0.0) * share
        note(f"{source}: {money_name!r} includes the order's tax in {column!r} ({why}): each item's share taken off, "
             f"{what} is net of tax")  # fmt: skip
    elif verdict == "gross":
        typed[money_key] = money - np.where(np.isfinite(tax), tax, 0.0)
        note(f"{source}: {money_name!r} includes the tax in {column!r} ({why}): taken off, {what} is net of tax")
    return typed


def net_shares(gross: Any, net: Any) -> np.ndarray | None:
    """Each amount's share left once :func:`net_of_tax` took its tax off (``net`` / ``gross``; 1 where the amount is
    0 or blank), None where it took none (``net`` is ``gross``): a refund written beside a gross amount (Shopify's
    'Refunded Amount' of its 'Total') is gross too, and is taken off the net amount in this share.

    >>> net_shares(np.array([95.04, 0.0]), np.array([88.0, 0.0])).round(4).tolist()
    [0.9259, 1.0]
    """
    if net is gross:
        return None
    gross, net = np.asarray(gross, dtype=np.float64), np.asarray(net, dtype=np.float64)
    told = np.isfinite(gross) & np.isfinite(net) & (gross != 0)
    return np.divide(net, gross, out=np.ones(len(gross)), where=told)
