"""Money fields a billing vendor documents in cents, in a file written in that vendor's own field names.

Two vendors write whole amounts in the currency's smallest unit under names that say nothing of it:

* **Chargebee's API** ("plan_unit_price ... in cents", ``5000`` for 50.00; also ``plan_amount``, ``setup_fee``,
  ``mrr``, an invoice's ``total``, ``amount_paid``, ``sub_total``, a transaction's ``amount``, an item price's
  ``price``): its objects flattened to a table by a sync tool (Airbyte, Fivetran) or a script keep the field names,
  unprefixed, where Chargebee's CSV exports prefix them with the object (``subscriptions.plan_unit_price``) and write
  units (``50.00``). Such a table was read in units, every MRR 100 times too high, unless it had both ``object`` and
  ``resource_version`` (H254 finding 01: ``object`` = ``subscription`` alone, 25,000 for 250). It is told by
  Chargebee's own field names (:data:`CHARGEBEE_ONLY`: ``plan_unit_price``, ``billing_period_unit``) beside
  ``resource_version``, an ``object`` column of Chargebee's object names, or two fields only its API writes
  (:data:`CHARGEBEE_API_ONLY`: ``current_term_start``, ``next_billing_at``); a table typed by hand with
  ``plan_unit_price`` and ``billing_period_unit`` alone is not one. Its whole amounts are refused naming the column,
  the first amount read both ways and ``--amounts`` (:func:`.api_cents.refuse_chargebee_cents`), as before.
* **Baremetrics' CSV import template** (``plan_oid``, ``plan_amount``, ``customer_oid``, ``subscription_oid``...:
  "plan_amount: cents integer, $1 == 100") and its API's objects (``oid``, ``amount`` "in cents"): told by two
  columns of Baremetrics' ``oid`` ids. Its whole amounts are read in cents with a note, as the template says,
  unless one is below one currency unit in cents (``49``: 0.49, or units?), refused naming ``--amounts``
  (H254 finding 02: 25,000 for 250, read in cents only when the ids happened to be ``cus_...``).

Square's API writes every amount as a Money object, ``{"amount": 4900, "currency": "USD"}``: "the amount of money,
in the smallest denomination of the currency" (its reference); flattened, ``amount_money.amount``,
``total_money.amount``, ``price_money.amount`` (:func:`square_money`). Those are read in cents with a note. The same
amounts flattened under a plain field's name (``amount``, ``total``: a script's table of Square's payments) were read
in units, every MRR 100 times too high: whole amounts under an API field's name, beside a currency column and
customer ids as the payment APIs write them (``JDKYHBWT1D4F8MFH63DBMEB8YM``, a UUID: :func:`api_ids`; Stripe's
``cus_`` and Paddle's ``ctm_`` are told by :mod:`.smallest_units`) may be either: refused naming the column, both
readings of its first amount and ``--amounts`` (:func:`refuse_api_whole_amounts`).

``--amounts cents`` and ``--amounts units`` decide before any of this (:func:`.smallest_units.minor_unit_divisors`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy as np

from .names import key

__all__ = [
    "BAREMETRICS_CENTS",
    "baremetrics_below_problem",
    "baremetrics_note",
    "CHARGEBEE_API_ONLY",
    "CHARGEBEE_CENTS",
    "CHARGEBEE_OBJECTS",
    "CHARGEBEE_ONLY",
    "api_ids",
    "baremetrics_table",
    "chargebee_api_fields",
    "refuse_api_whole_amounts",
    "square_money",
    "vendor_cents_divisors",
    "vendor_cents_named",
]

#: Chargebee API fields in cents (its API reference: subscription, subscription item, plan, item price, invoice,
#: credit note, transaction), as :func:`~.names.key` spells them.
CHARGEBEE_CENTS = frozenset({
    "plan_unit_price", "plan_amount", "setup_fee", "mrr", "unit_price", "amount", "price", "setup_cost", "total",
    "sub_total", "amount_paid", "amount_due", "amount_adjusted", "credits_applied", "write_off_amount", "tax",
    "amount_unused", "amount_refunded", "amount_available", "amount_allocated",
})  # fmt: skip
#: Field names only Chargebee writes (its API and, prefixed, its CSV exports).
CHARGEBEE_ONLY = frozenset({
    "plan_unit_price", "billing_period_unit", "current_term_start", "current_term_end", "due_invoices_count",
    "has_scheduled_changes", "plan_free_quantity", "plan_quantity", "setup_fee", "amount_adjusted",
    "write_off_amount", "credits_applied", "amount_unused",
})  # fmt: skip
#: Fields of Chargebee's API objects that a table typed by hand has no reason to hold.
CHARGEBEE_API_ONLY = frozenset({
    "current_term_start", "current_term_end", "next_billing_at", "due_invoices_count", "has_scheduled_changes",
    "activated_at", "remaining_billing_cycles", "auto_collection", "resource_version", "deleted", "channel",
    "exchange_rate", "base_currency_code", "created_from_ip",
})  # fmt: skip
#: The values of the ``object`` field of Chargebee's API objects.
CHARGEBEE_OBJECTS = frozenset({
    "subscription", "customer", "invoice", "credit_note", "transaction", "plan", "addon", "item", "item_price",
    "subscription_item", "line_item", "coupon", "order", "quote", "unbilled_charge", "contract_term",
})  # fmt: skip
#: Baremetrics' amounts in cents (its import template's ``plan_amount``, its API's ``amount``).
BAREMETRICS_CENTS = frozenset({"plan_amount", "amount", "plan.amount", "plan_amounts.amount", "amounts.amount"})


def _unprefixed_keys(names: Iterable[Any]) -> set[str] | None:
    """The keys of ``names``, or None where one has a Chargebee object prefix (``subscriptions.plan_unit_price``:
    Chargebee's CSV export, which writes units)."""
    from .billing import bare_key

    keys = {key(n) for n in names}
    return None if any(bare_key(k) is not None for k in keys) else keys


def chargebee_api_fields(df: Any) -> list[str] | None:
    """The columns of ``df`` that tell a table of Chargebee's API objects (see the module docstring), or None.

    >>> import pandas as pd
    >>> names = ["id", "customer_id", "plan_unit_price", "billing_period_unit", "started_at"]
    >>> chargebee_api_fields(pd.DataFrame(columns=names)) is None
    True
    >>> chargebee_api_fields(pd.DataFrame({**{n: ["x"] for n in names}, "object": ["subscription"]}))
    ['object']
    >>> chargebee_api_fields(pd.DataFrame(columns=[*names, "current_term_start", "next_billing_at"]))
    ['current_term_start', 'next_billing_at']
    >>> chargebee_api_fields(pd.DataFrame(columns=["subscriptions.plan_unit_price", "subscriptions.object"])) is None
    True
    """
    columns = [str(c) for c in df.columns]
    keys = _unprefixed_keys(columns)
    if keys is None:
        return None
    by_key = {key(c): c for c in columns}
    if {"object", "resource_version"} <= keys:
        return [by_key["object"], by_key["resource_version"]]
    if not keys & CHARGEBEE_ONLY:
        return None
    if "resource_version" in keys:
        return [by_key["resource_version"]]
    if "object" in keys and columns.count(by_key["object"]) == 1:
        objects = df[by_key["object"]].dropna().astype(str).str.strip().str.lower()
        objects = objects[objects != ""]
        if len(objects) and objects.isin(CHARGEBEE_OBJECTS).all():
            return [by_key["object"]]
    found = [by_key[k] for k in sorted(keys & CHARGEBEE_API_ONLY, key=lambda k: columns.index(by_key[k]))]
    return found if len(found) >= 2 else None


def baremetrics_table(names: Iterable[Any]) -> list[str] | None:
    """The columns of Baremetrics' ``oid`` ids (its import template's ``plan_oid``, ``customer_oid``,
    ``subscription_oid``; its API's ``oid``) when there are two or more, else None.

    >>> baremetrics_table(["plan_oid", "plan_amount", "customer_oid", "subscription_oid"])
    ['plan_oid', 'customer_oid', 'subscription_oid']
    >>> baremetrics_table(["customer_id", "plan_amount", "plan_oid"]) is None
    True
    """
    found = [str(n) for n in names if key(n) == "oid" or key(n).endswith(("_oid", ".oid"))]
    return found if len(found) >= 2 else None


def vendor_cents_named(names: Iterable[Any], column: str) -> bool:
    """Whether the money column ``column`` may be a vendor's documented cents field by the column names ``names``
    alone (:func:`vendor_cents_divisors` decides by the values too): a typed table is then read as a file's.

    >>> vendor_cents_named(["id", "plan_unit_price", "billing_period_unit", "object"], "plan_unit_price")
    True
    >>> vendor_cents_named(["customer_id", "plan_unit_price", "billing_period_unit"], "plan_unit_price")
    False
    """
    listed = [str(n) for n in names]
    k = key(column)
    if k in BAREMETRICS_CENTS and baremetrics_table(listed) is not None:
        return True
    keys = _unprefixed_keys(listed)
    if k not in CHARGEBEE_CENTS or keys is None or not keys & CHARGEBEE_ONLY:
        return False
    return bool({"object", "resource_version"} & keys) or len(keys & CHARGEBEE_API_ONLY) >= 2


def vendor_cents_divisors(
    df: Any, column: str, source: str, divisors: Any, whole: Any
) -> np.ndarray | None:  # fmt: skip
    """Each row's divisor of the money column ``column`` when a vendor documents it in cents (see the module
    docstring), with a note; refused where it may be either; None where no vendor's file says so. ``divisors()``:
    each row's divisor by its currency; ``whole()``: whether every amount is whole, written without a decimal mark.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"plan_oid": ["p"], "customer_oid": ["c"], "plan_amount": ["5000"]})
    >>> vendor_cents_divisors(df, "plan_amount", "b.csv", lambda: np.array([100.0]), lambda: True).tolist()
    [100.0]
    >>> vendor_cents_divisors(df, "plan_amount", "b.csv", lambda: np.array([100.0]), lambda: False) is None
    True
    """
    k = key(column)
    if k in CHARGEBEE_CENTS and (told := chargebee_api_fields(df)) is not None and whole():
        from .api_cents import refuse_chargebee_cents

        refuse_chargebee_cents(df[column], column, source, told)
    if k not in BAREMETRICS_CENTS or baremetrics_table(df.columns) is None or not whole():
        return None
    import pandas as pd

    from .notes import note

    each = np.asarray(divisors(), dtype=np.float64)
    numbers = pd.to_numeric(df[column], errors="coerce").to_numpy(dtype=np.float64)
    below = (np.abs(numbers) < each) & (numbers != 0) & (each > 1)
    text = df[column].astype(object).where(df[column].notna(), "").astype(str).str.strip().to_numpy()
    filled = np.flatnonzero((text != "") & (each > 1))
    if not filled.size:
        return None
    if below.any():
        from .errors import bad_rows

        first = int(np.flatnonzero(below)[0])
        problem = baremetrics_below_problem(column, _written(text[first]), float(each[first]))
        raise bad_rows(source, column, problem, [first], text)
    first = int(filled[0])
    note(baremetrics_note(source, column, _written(text[first]), float(each[first])))
    return each


def _written(text: str) -> str:
    """An amount as written, a typed column's ``4900.0`` as ``4900``."""
    return text[:-2] if text.endswith(".0") else text


def baremetrics_below_problem(column: str, written: str, divisor: float) -> str:
    """The problem of an amount of Baremetrics' template below one currency unit in cents (``written``)."""
    return (
        f"whole amounts in Baremetrics' import template (its oid columns), which writes {column!r} in cents "
        f"({written} as {float(written) / divisor:,.2f}), but {written} in cents is below one currency unit: in "
        f"cents, or in units ({written}.00)? say which with --amounts cents or --amounts units"
    )


def baremetrics_note(source: Any, column: str, written: str, divisor: float) -> str:
    """The note that Baremetrics' template's amounts were read in cents, by its first amount as ``written``."""
    return (
        f"{source}: the whole amounts of {column!r} were read in cents, as Baremetrics' import template writes them "
        f"(its oid columns; {written} as {float(written) / divisor:,.2f}); if they are whole units, import with "
        f"--amounts units (or write them with a decimal mark, {written}.00)"
    )


_SQUARE_MONEY = re.compile(r"(?:^|[._])\w*money[._]amount$")
_OPAQUE = re.compile(r"(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{16,}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def square_money(column: str) -> bool:
    """Whether ``column`` is a Square Money object's amount flattened (``amount_money.amount``, ``total_money_amount``,
    ``base_price_money.amount``): in the currency's smallest unit by Square's API reference.

    >>> [square_money(c) for c in ("amount_money.amount", "Total Money Amount", "amount", "money")]
    [True, True, False, False]
    """
    return bool(_SQUARE_MONEY.search(key(column)))


def square_divisors(df: Any, column: str, source: str, divisors: Any, whole: Any) -> np.ndarray | None:
    """Each row's divisor of a Square Money amount (:func:`square_money`) of whole amounts, with a note; None
    otherwise (not one, or an amount with a decimal mark: no Money object's)."""
    if not square_money(column) or not whole():
        return None
    from .notes import note

    each = np.asarray(divisors(), dtype=np.float64)
    text = df[column].astype(object).where(df[column].notna(), "").astype(str).str.strip().to_numpy()
    filled = np.flatnonzero((text != "") & (each > 1))
    if not filled.size:
        return None
    first = int(filled[0])
    written = _written(text[first])
    note(
        f"{source}: the whole amounts of {column!r} were read in cents, as Square's API writes a Money object's "
        f"amount ({written} as {float(written) / float(each[first]):,.2f}); if they are whole units, import with "
        f"--amounts units (or write them with a decimal mark, {written}.00)"
    )
    return each


def api_ids(ids: Any) -> str | None:
    """The first of customer ``ids`` when every one is written as a payment API writes its ids, not as a person
    types them: 16 letters and digits or more, both in each (Square's ``JDKYHBWT1D4F8MFH63DBMEB8YM``), or a UUID;
    None otherwise (``C-1001``, ``acme``, an e-mail; Stripe's ``cus_`` ids are told apart by their prefix).

    >>> api_ids(["JDKYHBWT1D4F8MFH63DBMEB8YM", "0b3e8c1e-6f0a-4c4e-9d1a-2b7f0f6a1c2d"]), api_ids(["C-1001", "acme"])
    ('JDKYHBWT1D4F8MFH63DBMEB8YM', None)
    """
    import pandas as pd

    text = pd.Series(ids).dropna().astype(str).str.strip()
    text = text[text != ""]
    if text.empty or not all(_OPAQUE.fullmatch(t) or _UUID.fullmatch(t) for t in text.unique()[:10_000]):
        return None
    return str(text.iloc[0])


def refuse_api_whole_amounts(df: Any, ids: Any, column: str, source: str, divisors: np.ndarray) -> None:
    """Refuse whole amounts of ``column`` (named as an API's field, beside one currency column) whose customer
    ``ids`` are a payment API's (:func:`api_ids`): in cents or in units cannot be told (see the module docstring);
    nothing where the ids are not an API's or every row's currency has no cents."""
    first_id = api_ids(ids)
    if first_id is None:
        return
    text = df[column].astype(object).where(df[column].notna(), "").astype(str).str.strip().to_numpy()
    filled = np.flatnonzero((text != "") & (divisors > 1))
    if not filled.size:
        return
    from .errors import bad_rows

    first = int(filled[0])
    written = _written(text[first])
    problem = (
        f"whole amounts under an API field's name beside customer ids as a payment API writes them ({first_id!r}) "
        f"and currency codes: in cents, as Square's and Stripe's APIs write money ({written} as "
        f"{float(written) / float(divisors[first]):,.2f}), or in units ({written}.00)? say which with --amounts "
        "cents or --amounts units"
    )
    raise bad_rows(source, column, problem, [first], text)
