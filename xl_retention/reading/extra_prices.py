"""Prices a billing export's subscription pays beside its plan's amount: add-ons, and extras under other names.

MRR = amount x quantity / months per interval takes one price per row, so a price paid beside it in a column of its
own would be left out of the MRR. One rule finds such columns, not used as ours (:func:`paid_beside_columns`), and
:func:`refuse_add_ons` refuses them, naming the column and its rows:

* an add-on by name (:func:`add_on_columns`: ``add_on``/``addon``: Recurly's
  ``subscription_add_on_unit_amount_in_cents``, ``addon_quantity``, Chargebee's ``addons.*``) holding a value other
  than blank or 0 (a price, a quantity, an id);
* an extra under another name (:func:`extra_price_columns`: "Support Plan Price", "Module Price", "Storage Fee",
  "Extras", "Premium Support", "Zusatzoptionen"): a name whose words (:func:`~.names.words`, camel case split) say a
  price, a fee or an extra (:data:`_EXTRA_WORDS`) and none of a one-time charge, a total, a balance, a tax or a
  discount (:data:`_NOT_EXTRA`: "Setup Fee", ``UsageTotal``, ``SupportLifetimeValue``, ``premiumDiscount``), holding
  amounts other than 0 that are not the amount itself (a twin: "Plan Price" beside "Amount"), nor the amount
  converted into a currency its name states (:func:`converted_twin`: RevenueCat's ``price_in_usd`` beside
  ``price_in_purchased_currency``, which was refused with advice to add the USD price into the EUR amount).

The ways out: add them into the amount (per interval), or remove the column where they are free or not paid every
interval (a one-time fee). An amount that holds them already is read (:func:`holds_add_ons`: Recurly's
``total_recurring_amount``, every row unit price x quantity + ``add_ons_total``; a total with no unit price beside).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .discounts import names_a_discount
from .errors import DataError, bad_rows
from .names import columns_option, key, keys_of
from .names import words as _words

__all__ = ["add_on_columns", "converted_twin", "extra_price_columns", "paid_beside_columns", "refuse_add_ons"]

#: Words (or beginnings of words) of a column's name that say a price paid, or an extra to the plan.
_EXTRA_WORDS = ("price", "prices", "preis", "prix", "precio", "prezzo", "fee", "fees", "gebühr", "gebuhr", "extra",
                "extras", "option", "options", "module", "modules", "support", "storage", "premium", "overage",
                "usage", "surcharge", "zusatz", "aufpreis", "supplement", "supplément", "upgrade", "metered",
                "hosting", "maintenance", "wartung")  # fmt: skip
#: Words that, beside "amount" (one of :data:`_NOT_EXTRA`: PayPal's "Fee Amount" is the processor's fee), still say a
#: recurring extra's amount: "Usage Amount", "Metered Amount", "Additional Seats Amount", "Overage Amount".
_EXTRA_AMOUNT_WORDS = frozenset({"usage", "metered", "metering", "overage", "overages", "additional", "extra",
                                 "extras", "surcharge", "supplement"})  # fmt: skip
#: German compounds ending in a fee ("Nutzungsgebühren": usage fees; "Wartungsgebühr", "Zuschlag"), a word each...
_GERMAN_FEES = ("gebühr", "gebühren", "gebuhr", "gebuhren", "gebuehr", "gebuehren", "zuschlag", "zuschläge",
                "zuschlage", "zuschlaege")  # fmt: skip
#: ... unless it begins with a one-time charge's, a processor's or a penalty's word ("Einrichtungsgebühr": setup fee,
#: "Transaktionsgebühr", "Mahngebühr": a late fee, "Versandkostenzuschlag").
_GERMAN_NOT_FEES = ("einrichtung", "aktivierung", "bearbeitung", "anmelde", "aufnahme", "einmal", "mahn", "versand",
                    "storno", "kündigung", "kundigung", "verspätung", "verspatung", "säumnis", "saumnis",
                    "rücklastschrift", "rucklastschrift", "transaktion", "zahlung", "bank", "paypal",
                    "stripe")  # fmt: skip
#: Words of a price that replaces the amount where it is filled, not paid beside it: a negotiated price beside the
#: list price ("Special Price", "Contract Price", "Custom Price", "Individueller Preis", "Prix spécial", "Precio
#: especial")...
_REPLACING = frozenset({"special", "contract", "contracted", "custom", "negotiated", "agreed", "individual",
                        "individueller", "individuelle", "individuell", "override", "overridden", "spécial",
                        "négocié", "negocie", "contrat", "contractuel", "especial", "negociado", "personalizado",
                        "contrato", "speciale", "contratto", "personalizzato"})  # fmt: skip
#: ... and German compounds of one ("Sonderpreis", "Vertragspreis", "Aktionspreis", "Kundenpreis").
_GERMAN_PRICES = ("preis", "preise")
_GERMAN_REPLACING = ("sonder", "vertrag", "aktion", "vorzug", "individual", "kunden", "einführung", "einfuhrung",
                     "verhandl", "vereinbart", "sonderkondition")  # fmt: skip
#: Words that say the column is no recurring extra: a one-time charge, a total or a balance, a tax, a discount, the
#: plan's own price in another form (list, unit, before or after), an id, a date, a count.
_NOT_EXTRA = frozenset({
    "setup", "set", "onboarding", "installation", "install", "activation", "one", "once", "onetime", "einmalig",
    "shipping", "versand", "tax", "taxes", "vat", "mwst", "discount", "coupon", "rabatt", "total", "totals", "sum",
    "lifetime", "ltv", "balance", "spent", "paid", "due", "refund", "refunded", "credit", "credits", "deposit",
    "unbilled", "id", "count", "quantity", "qty", "rate", "percent", "pct", "currency", "date", "unit", "list",
    "original", "regular", "msrp", "compare", "old", "previous", "new", "before", "after", "gross", "net", "base",
    "mrr", "arr", "amount", "per", "interval", "cycle", "period", "trial", "late", "cancellation", "penalty", "name",
    "code", "type", "status", "description", "sku", "tier",
})  # fmt: skip


def add_on_columns(columns: Sequence[Any], names: Mapping[str, str]) -> list[Any]:
    """The add-on columns of a billing export (their name says ``add_on``/``addon``: Recurly's
    ``subscription_add_on_unit_amount_in_cents``, ``addon_quantity``, Chargebee's ``addons.*``) that are not used as
    ours (``names``: ours -> theirs), in their order; the SQL backends' mirror (relational.mirrors) uses it too.

    Chargebee's list encoding is read alike: ``subscriptions.addons[unit_price][0]`` is an add-on's, and a list's
    later item (``subscription_items[unit_price][1]``, beside the same list's ``[0]``: a second item, an add-on or a
    charge) is paid beside the first; so is an API list's flattened later item (``items[1].quantity``) where its first
    item has a column used (:mod:`.later_items`).

    >>> add_on_columns(["customer_id", "addon_quantity", "addons.unit_price", "Add-on total", "Addonis"], {})
    ['addon_quantity', 'addons.unit_price', 'Add-on total', 'Addonis']
    >>> add_on_columns(["s.addons[unit_price][0]", "s.items[unit_price][0]", "s.items[unit_price][1]", "a[1]"], {})
    ['s.addons[unit_price][0]', 's.items[unit_price][1]']
    """
    from .later_items import later_item_columns

    used = {key(c) for c in names.values()}
    keys = {key(c) for c in columns}
    items = {c for found in later_item_columns(columns, names).values() for c in found}  # 'items[1].quantity'
    out = []
    for column in columns:
        k = key(column)
        later = _LATER_ITEM.match(k)  # 'subscription_items[unit_price][1]' beside '...[0]'
        if k not in used and (str(column) in items or
                              {"add_on", "addon", "addons", "add_ons"} & set(re.split(r"[._\[\]]", k)) or
                              "add_on" in k or k.startswith(("addon", "addons.")) or
                              (later is not None and f"{later.group(1)}[0]" in keys)):  # fmt: skip
            out.append(column)
    return out


#: A column of a list's later item in Chargebee's list encoding: its name, then ``[N]`` with N of 1 or more.
_LATER_ITEM = re.compile(r"^(.*\])\[0*[1-9]\d*\]$")


def extra_price_columns(columns: Any, names: Mapping[str, str]) -> list[str]:
    """The columns not used whose name says a recurring extra price, an add-on under another name (see the module
    docstring).

    >>> extra_price_columns(["amount", "Support Plan Price", "Setup Fee", "Extras", "Plan Price", "Lifetime Value"],
    ...                     {"amount": "amount"})
    ['Support Plan Price', 'Extras']
    >>> extra_price_columns(["amount", "StorageFee", "UsageTotal", "SupportLifetimeValue", "premiumDiscount"], {})
    ['StorageFee']
    >>> extra_price_columns(["Amount", "Usage Amount", "Fee Amount", "Nutzungsgebühren", "Additional Seats Amount"], {})
    ['Usage Amount', 'Nutzungsgebühren', 'Additional Seats Amount']
    """
    from .billing import BILLING_ALIASES

    used = {str(c) for c in names.values()}
    prices = {"amount", *BILLING_ALIASES["amount"]}  # the plan's own price ('Plan Price', 'Unit Price')
    add_ons = {str(c) for c in add_on_columns(columns, names)}
    out = []
    for column in map(str, columns):
        words = _words(column)
        if column in used or column in add_ons or keys_of(column) & prices or names_a_discount(column):
            continue  # a discount ('Preisnachlass', 'Price Reduction'): reading.discounts refuses it as one
        if converted_twin(column, names.get("amount", names.get("mrr"))):
            continue  # RevenueCat's 'price_in_usd' beside 'price_in_purchased_currency': the price converted
        if words & _NOT_EXTRA and not (words & _NOT_EXTRA <= {"amount"} and words & _EXTRA_AMOUNT_WORDS):
            continue  # 'Setup Fee', 'Fee Amount'; not 'Usage Amount'
        if (
            any(w.startswith(_EXTRA_WORDS) or _german_fee(w) for w in words)
            or replaces_amount(column)
            or ("amount" in words and words & _EXTRA_AMOUNT_WORDS)
        ):  # 'Additional Seats Amount'
            out.append(column)
    return out


def converted_twin(column: str, money: str | None) -> bool:
    """Whether ``column`` is the amount ``money`` converted into the currency its name states, not a price paid
    beside it: its name is the amount's words and a currency code the amount's name does not state (RevenueCat's
    ``price_in_usd`` beside ``price_in_purchased_currency``, "Price (USD)" beside "Price (local currency)").

    >>> converted_twin("price_in_usd", "price_in_purchased_currency"), converted_twin("Price (USD)", "Price")
    (True, True)
    >>> converted_twin("Storage Fee USD", "price_in_purchased_currency"), converted_twin("price_usd", "price_usd")
    (False, False)
    """
    from .currency import named_code

    code = named_code(column)
    if money is None or code is None or named_code(money) == code:
        return False
    rest = _words(column) - {code.lower(), "in"}
    return bool(rest) and rest <= _words(money)


def replaces_amount(column: str) -> bool:
    """Whether ``column``'s name says a price that replaces the amount where it is filled (a negotiated price beside
    the list price: :data:`_REPLACING`, :data:`_GERMAN_REPLACING`), not one paid beside it.

    >>> replaces_amount("Sonderpreis"), replaces_amount("Contract Price"), replaces_amount("Support Price")
    (True, True, False)
    """
    words = _words(column)
    if any(w.endswith(_GERMAN_PRICES) and w.startswith(_GERMAN_REPLACING) for w in words):
        return True
    return bool(words & _REPLACING) and any(w.startswith(("price", "preis", "prix", "precio", "prezzo")) for w in words)


def _german_fee(word: str) -> bool:
    """Whether ``word`` is a German compound naming a recurring fee (:data:`_GERMAN_FEES`, :data:`_GERMAN_NOT_FEES`).

    >>> _german_fee("nutzungsgebühren"), _german_fee("einrichtungsgebühr"), _german_fee("gebühr")
    (True, False, True)
    """
    return word.endswith(_GERMAN_FEES) and not word.startswith(_GERMAN_NOT_FEES)


def paid_beside_columns(columns: Sequence[Any], names: Mapping[str, str]) -> list[str]:
    """The columns of a price paid beside the plan's, not used: add-ons by name, then extras under other names (see
    the module docstring); what :func:`refuse_add_ons` reads.

    >>> paid_beside_columns(["amount", "addon_quantity", "Storage Fee", "Setup Fee"], {"amount": "amount"})
    ['addon_quantity', 'Storage Fee']
    """
    return [str(c) for c in add_on_columns(columns, names)] + extra_price_columns(columns, names)


def _filled_add_on(values: pd.Series) -> np.ndarray:
    """The rows of an add-on column holding a value other than blank or 0 (a price, a quantity, an id)."""
    from ._distinct import stripped_text
    from .number_texts import zero_texts

    text = pd.Series(stripped_text(values)).str.lower()
    return ~(text.isin(["", "none", "false", "no"]).to_numpy() | zero_texts(text))  # 0, 0.00, 0,00


def _filled_extra(df: pd.DataFrame, column: str, money: str | None, source: str) -> np.ndarray | None:
    """The rows of an extra price column holding an amount other than 0 that is not the amount written again; None
    where it holds words ('Premium', 'yes'): no amount."""
    from .values import parse_numbers

    listed = list(map(str, df.columns))
    try:
        values = parse_numbers(df[column], source, column, allow_blank=True)
    except DataError:
        return None
    filled = ~np.isnan(values) & (values != 0)
    if money is not None and listed.count(str(money)) == 1:
        try:
            amount = parse_numbers(df[str(money)], source, str(money), allow_blank=True)
            filled &= ~(np.abs(values - amount) <= 0.005)  # the amount itself, written again
        except DataError:
            pass
    return filled


_ADD_ON_PROBLEM = (
    "add-on prices or quantities, which the subscription pays beside its plan (MRR = amount x quantity / months per "
    "interval leaves them out): add them into the amount (price x quantity + add-on price x add-on quantity, per "
    "interval), or remove the column if they are free"
)
_EXTRA_PROBLEM = (
    "prices beside the amount, which the subscription pays beside its plan (MRR = amount x quantity / months per "
    "interval takes one price a row): add them into the amount (per interval), or remove the column where they are "
    "not paid every interval (a one-time fee)"
)

_REPLACING_PROBLEM = "prices that replace the amount where they are filled (a negotiated price beside the list price)"
_REPLACING_ADVICE = (
    "MRR counts the price each customer pays, one a row, so the two are not added up: write each row's price paid "
    "into {amount!r} (where {column!r} is filled, its price) and remove {column!r}, or fill the blank cells of "
    "{column!r} with the price in {amount!r} and map it ({option}; in Python: columns={{'amount': {column!r}}})"
)

#: Words of a price that is the customer's (gross), and of an amount that is the seller's share of it (net).
_CUSTOMERS = frozenset({"customer", "customers", "buyer", "consumer", "subscriber"})
_PROCEEDS = frozenset({"proceeds", "payout", "payouts", "earnings", "developer", "partner", "seller", "publisher"})


def _gross_of(column: str, money: str | None) -> bool:
    """Whether ``column`` is the customer's price of the payment whose proceeds the amount ``money`` is (App Store's
    'Customer Price' beside 'Developer Proceeds'), not a price paid beside it.

    >>> _gross_of("Customer Price", "Developer Proceeds"), _gross_of("Support Price", "Developer Proceeds")
    (True, False)
    """
    return money is not None and bool(_words(column) & _CUSTOMERS) and bool(_words(money) & _PROCEEDS)


def _column_numbers(df: pd.DataFrame, column: str, source: str) -> np.ndarray | None:
    """The numbers of ``df``'s one column ``column`` (a blank is 0); None where it holds words or is named twice."""
    from .values import parse_numbers

    if list(map(str, df.columns)).count(column) != 1:
        return None
    try:
        return np.nan_to_num(parse_numbers(df[column], source, column, allow_blank=True), nan=0.0)
    except DataError:
        return None


def holds_add_ons(df: pd.DataFrame, column: str, names: Mapping[str, str], source: str) -> bool:
    """Whether the mapped amount already holds the add-on column ``column`` (Recurly's ``total_recurring_amount``:
    ``unit_amount`` x ``quantity`` + ``add_ons_total``): where the file has the plan's price of one unit beside it
    (``unit_amount``, "Unit Price"), when every row proves amount = unit price x quantity + ``column``; where it has
    none, when the amount's name says total.

    >>> frame = pd.DataFrame({"quantity": ["1", "1"], "unit_amount": ["49.00", "60.00"],
    ...                       "add_ons_total": ["0.00", "15.00"], "total_recurring_amount": ["49.00", "75.00"]})
    >>> holds_add_ons(frame, "add_ons_total", {"amount": "total_recurring_amount"}, "s.csv")
    True
    >>> holds_add_ons(frame, "add_ons_total", {"amount": "unit_amount"}, "s.csv")
    False
    >>> holds_add_ons(frame.assign(total_recurring_amount="49.00"), "add_ons_total",
    ...               {"amount": "total_recurring_amount"}, "s.csv")
    False
    """
    from .billing import BILLING_ALIASES

    money = names.get("amount")
    if money is None or "total" not in _words(money, whole=False):
        return False  # 'unit_amount', 'Amount': the plan's price, the add-ons beside it
    units = [c for c in map(str, df.columns) if c != str(money) and keys_of(c) & {"amount", *BILLING_ALIASES["amount"]}]
    units = [c for c in units if "total" not in _words(c, whole=False)]
    if not units:
        return True  # its name says total, and no plan's price to tell otherwise
    amount, unit, add_on = (_column_numbers(df, c, source) for c in (str(money), units[0], column))
    if amount is None or unit is None or add_on is None:
        return False
    count = names.get("quantity") or next(
        (c for c in map(str, df.columns) if keys_of(c) & {"quantity", *BILLING_ALIASES["quantity"]}), None
    )
    quantity = np.ones(len(df)) if count is None else _column_numbers(df, str(count), source)
    if quantity is None:
        return False
    return bool(np.all(np.abs(amount - (unit * quantity + add_on)) <= 0.005))


def refuse_add_ons(df: pd.DataFrame, names: Mapping[str, str], source: str) -> None:
    """Refuse a billing export with a price paid beside its amount (see the module docstring), naming the column and
    its rows.

    >>> frame = pd.DataFrame({"amount": ["10", "20"], "UsageTotal": ["250", "30"], "StorageFee": ["0", "5"]})
    >>> try:
    ...     refuse_add_ons(frame, {"amount": "amount"}, "s.csv")
    ... except DataError as error:
    ...     print(str(error)[:48])
    s.csv, column 'StorageFee': prices beside the am
    """
    from .later_items import later_item_columns, refuse_later_items

    add_ons = [str(c) for c in add_on_columns(df.columns, names)]
    money = names.get("amount", names.get("mrr"))
    if money is None:  # no amount to be beside: the price per interval is not mapped (reading.billing asks for it)
        return
    refuse_later_items(df, names, source)  # 'items[1].quantity' beside the 'items[0].quantity' mapped
    items = {c for found in later_item_columns(df.columns, names).values() for c in found}  # not filled: free
    listed = list(map(str, df.columns))
    for column in paid_beside_columns(df.columns, names):
        if column in items:
            continue
        if column in add_ons and holds_add_ons(df, column, names, source):
            continue  # Recurly's 'total_recurring_amount' = unit_amount x quantity + add_ons_total: held in it
        if column in add_ons:
            filled: np.ndarray | None = _filled_add_on(df[column])
        elif listed.count(column) == 1:
            filled = _filled_extra(df, column, money, source)
        else:
            continue
        if filled is not None and filled.any() and column not in add_ons and _gross_of(column, money):
            raise DataError(
                f"{source}: column {column!r} is the customer's price of the payment whose proceeds {money!r} holds "
                f"(App Store's 'Customer Price' and 'Developer Proceeds': one payment before and after the store's "
                f"commission), not a price paid beside it: MRR counts one of them, so do not add them up: remove "
                f"{column!r} to count the proceeds, or map it ({columns_option([('amount', column)])}) to count what "
                "customers pay",
                source=source,
                column=column,
            )
        if filled is not None and filled.any() and column not in add_ons and replaces_amount(column):
            option = columns_option([("amount", column)])
            raise bad_rows(source, column, _REPLACING_PROBLEM, np.flatnonzero(filled), df[column].to_numpy(),
                           advice=_REPLACING_ADVICE.format(amount=money, option=option, column=column))  # fmt: skip
        if filled is not None and filled.any():
            problem = _ADD_ON_PROBLEM if column in add_ons else _EXTRA_PROBLEM
            held = [c for c in listed if c not in (money, column) and "total" in _words(c, whole=False)]
            held = [c for c in held if column in add_ons and holds_add_ons(df, column, {**names, "amount": c}, source)]
            advice = None  # Recurly's 'total_recurring_amount' beside 'unit_amount': the amount that holds them
            if held and listed.count(held[0]) == 1:
                advice = f"{held[0]!r} holds them: map it ({columns_option([('amount', held[0])])})"
            raise bad_rows(source, column, problem, np.flatnonzero(filled), df[column].to_numpy(), advice=advice)
