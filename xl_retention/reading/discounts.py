"""Discounts in billing exports: a coupon or a discount lowers what a customer pays, so it changes the MRR.

A billing export's price per interval is the list price (Stripe's "Amount", Chargebee's ``plan_unit_price``);
what the customer pays, and so the MRR (as Stripe, ChartMogul and Baremetrics count it), is after
discounts. A column whose name says a discount (``discount``, ``coupon``, ``promo``, ``voucher``: Stripe's
"Coupon", ``discount_percent``, ``coupon_ids``; a coupon's "Percent Off" and "Amount Off"; German ``Rabatt``,
French ``remise``, Spanish ``descuento``, Italian ``sconto``, Dutch ``korting``; ``rebate``) with a value in any row
cannot be left out: such rows are
refused, naming the column and the rows (a coupon's id does not say how much it takes off). Values that
say no discount (blank, a zero however written: ``0``, ``0,00``, ``0%``, ``0,00 €``; ``none``, ``no``, ``-``) pass.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows
from .notes import note
from .number_texts import zero_texts

__all__ = ["check_discounts", "discount_columns", "names_a_discount", "percent_columns"]

_WORDS = ("discount", "coupon", "promo", "voucher", "percent_off", "amount_off", "rabat", "remise", "descuento",
          "sconto", "korting", "rebate", "gutschein", "nachlass", "ermäßigung", "ermassigung", "reduction",
          "réduction", "rabais", "desconto", "скидка", "zniżka", "znizka")  # fmt: skip
#: A percentage ("50%", "12,5 %"): in a billing export, beside the price, a discount whatever the column's name...
_PERCENT = re.compile(r"-?\d+(?:[.,]\d+)?\s*%")
#: ... unless its name says a tax, a share or a rate of something else.
_NOT_DISCOUNT = re.compile(
    r"(?i)tax|(?<![a-z])(?:vat|ust|tva|iva|gst|hst)(?![a-z])|mwst|steuer|impuesto|imposta|share|margin|commission|"
    r"probab|progress|usage|utili[sz]ation|churn|growth|completion|health"
)
_NONE = frozenset({"", "0", "0%", "0.0", "0.00", "none", "no", "-", "false", "n/a", "null", "nan"})

PROBLEM = "discounts that lower what the customer pays"
#: What to do about :data:`PROBLEM`, said after its rows and values (:func:`~.errors.bad_rows`'s ``advice``).
ADVICE = (
    "MRR is after discounts (the price per interval is the list price): convert the prices to what each customer "
    "pays first, or remove the column if they already are"
)


def names_a_discount(name: object) -> bool:
    """Whether a column's name says a discount or a coupon (:data:`_WORDS`, in the name's key).

    >>> names_a_discount("Preisnachlass"), names_a_discount("Price Reduction"), names_a_discount("Sonderpreis")
    (True, True, False)
    """
    from .columns import key

    return any(w in key(name) for w in _WORDS)


def discount_columns(df: pd.DataFrame) -> list[str]:
    """The columns of ``df`` whose name says a discount or a coupon.

    >>> discount_columns(pd.DataFrame(columns=["Customer ID", "Coupon", "discount_percent", "Amount"]))
    ['Coupon', 'discount_percent']
    """
    return [str(c) for c in df.columns if names_a_discount(c)]


def _percentages(df: pd.DataFrame, name: str) -> bool:
    """Whether the column ``name`` (one of that name) holds percentages only ("50%"), one of them not 0, and its name
    says no tax or rate of something else (:data:`_NOT_DISCOUNT`): a discount under a name of no language above."""
    if list(map(str, df.columns)).count(name) != 1 or _NOT_DISCOUNT.search(name):
        return False
    column = df[name]
    if pd.api.types.is_numeric_dtype(column.dtype) or pd.api.types.is_bool_dtype(column.dtype):
        return False
    text = column.dropna().astype(str).str.strip()
    text = text[text != ""]
    return bool(len(text)) and bool(text.str.fullmatch(_PERCENT.pattern).all()) and not zero_texts(text).all()


def percent_columns(df: pd.DataFrame, used: Sequence[str] = ()) -> list[str]:
    """The columns of ``df`` not ``used`` that hold percentages (``"50%"``: a discount whatever the name).

    >>> percent_columns(pd.DataFrame({"Aktion": ["50%", None], "VAT": ["19%", "7%"], "Plan": ["a", "b"]}))
    ['Aktion']
    """
    named = set(discount_columns(df)) | set(used)
    return [c for c in map(str, df.columns) if c not in named and _percentages(df, c)]


#: Words of an amount's name that say it is what is charged, after discounts (WooCommerce's ``order_total``, "Grand
#: Total", "Amount Paid"): a discount beside it is inside it.
_CHARGED = frozenset({"total", "totals", "grand", "paid", "charged", "due", "collected", "final", "discounted"})


def _inside_total(df: pd.DataFrame, name: str, amount: str | None, source: str, decimal: str | None) -> bool:
    """Whether the discount column ``name`` holds amounts (numbers, not a coupon's code) beside an ``amount`` whose
    name says what is charged (:data:`_CHARGED`): the total is after the discount, told with a note."""
    from .names import words
    from .values import parse_numbers

    listed = list(map(str, df.columns))
    said = words(amount) if amount is not None else set()
    if not said & _CHARGED and not any(w.startswith("gesamt") for w in said) or listed.count(name) != 1:
        return False
    if said & {"before", "pre", "gross", "list", "brutto", "undiscounted"}:
        return False
    try:
        parse_numbers(df[name], source, name, decimal=decimal, allow_blank=True)
    except DataError:
        return False
    return True


def check_discounts(
    df: pd.DataFrame, source: str, used: Sequence[str] = (), amount: str | None = None, decimal: str | None = None
) -> None:
    """Refuse the rows of a billing export where a discount column holds a discount (see the module docstring), or a
    column not ``used`` (the file's columns read) holds percentages ("50%" beside the price: a discount whatever its
    name, "Gutschein", "Nachlass"; not a tax rate's column). A discount's amounts beside an ``amount`` named as what
    is charged (WooCommerce's ``cart_discount`` beside ``order_total``) are inside it: kept, with a note.

    >>> check_discounts(pd.DataFrame({"Coupon": [None, "", "0%"]}), "subs.csv")
    >>> check_discounts(pd.DataFrame({"Coupon": [None, "HALFOFF"]}), "subs.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: subs.csv, column 'Coupon': discounts that lower what the customer pays in \
row 3 (counting the header as row 1): 'HALFOFF': MRR is after discounts (the price per interval is the list price): \
convert the prices to what each customer pays first, or remove the column if they already are
    """
    named = discount_columns(df)
    inside: list[str] = []  # discounts inside a total
    for name in named + [c for c in map(str, df.columns) if c not in named and c not in set(used)]:
        if name not in named and not _percentages(df, name):
            continue
        column = df[name] if list(map(str, df.columns)).count(name) == 1 else df.loc[:, df.columns == name].iloc[:, 0]
        text = column.astype(object).where(column.notna(), "").astype(str).str.strip().str.lower()
        rows = np.flatnonzero(~(text.isin(_NONE).to_numpy() | zero_texts(text)))  # '0,00', '0 %' too
        if rows.size and name in named and _inside_total(df, name, amount, source, decimal):
            inside.append(name)
            continue
        if rows.size:
            raise bad_rows(source, name, PROBLEM, rows, column.to_numpy(), advice=ADVICE)
    if inside:
        note(f"{source}: {amount!r} is what is charged, after the discounts in {' and '.join(map(repr, inside))} "
             "(its name says a total): kept, MRR is after discounts")  # fmt: skip
