"""Amounts in the currency's smallest unit (4900 for 49.00), as the billing systems' APIs write them: which money
columns hold them, and what each row's amount is divided by to be in currency units.

* **Currencies.** The divisor is 100, 1 for a zero-decimal currency (:data:`ZERO_DECIMAL`: JPY 500 is 500 yen) and
  1000 for a three-decimal one (:data:`THREE_DECIMAL`), by each row's code in the file's one currency column
  (:func:`currency_columns`, :func:`currency_divisors`).
* **Whose amounts.** Stripe's API (``cus_...`` ids, columns named as API fields), Paddle Billing's (``ctm_...``,
  ``unit_price.amount``), Stripe's ``*_decimal`` prices, Lemon Squeezy's amounts beside their ``*_formatted`` twin:
  read in cents with a note where the file says so, refused naming the column and both readings where it may be
  either, unless ``--amounts`` says (:func:`minor_unit_divisors`).

Moved out of :mod:`.revenue` (which re-exports these names), which reads what a revenue column's name says.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from .errors import DataError

__all__ = [
    "AMOUNT_UNITS",
    "API_AMOUNTS",
    "STRIPE_API_FIELDS",
    "STRIPE_ID_PREFIXES",
    "STRIPE_OBJECTS",
    "THREE_DECIMAL",
    "ZERO_DECIMAL",
    "currency_columns",
    "currency_divisors",
    "converted_twin",
    "decimal_cents",
    "formatted_twin",
    "minor_unit_divisors",
    "stripe_api_export",
    "stripe_minor_units",
]


#: Currencies whose smallest unit is the unit itself (Stripe's "zero-decimal currencies"; Paddle's lowest
#: denomination of JPY and KRW is the yen and the won): an amount of 500 is 500, not 5.00.
ZERO_DECIMAL = frozenset({"BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV",
                          "XAF", "XOF", "XPF"})  # fmt: skip
#: Currencies with three decimals (Stripe's "three-decimal currencies"): their smallest unit is a thousandth.
THREE_DECIMAL = frozenset({"BHD", "JOD", "KWD", "OMR", "TND"})


def _api_headers(names: Any) -> bool:
    """Whether every column name is written as an API's field (``amount``, ``unit_price.amount``, ``AMOUNT``: no
    space or parenthesis, one case), as Stripe's API, Sigma and warehouse syncs write them, not as its Dashboard
    ("Amount", "Customer ID", "Created (UTC)")."""
    return all(not re.search(r"[\s()]", str(n)) and str(n) in (str(n).lower(), str(n).upper()) for n in names)


def _whole_numbers(raw: Any) -> bool:
    """Whether every filled value of a money column is a whole number written without a decimal mark (text), or
    held as one (an integer column, or a float column of whole numbers: typed files say no decimal mark)."""
    import pandas as pd

    if pd.api.types.is_integer_dtype(raw.dtype):
        return True
    if pd.api.types.is_float_dtype(raw.dtype):  # a typed column (Parquet, a sync tool): 4900.0 is as whole as 4900
        numbers = raw.to_numpy(dtype=np.float64, na_value=np.nan)
        numbers = numbers[~np.isnan(numbers)]
        return bool(numbers.size) and bool((numbers == np.floor(numbers)).all())
    values = raw.dropna().astype(str).str.strip()
    values = values[values != ""]
    return bool(len(values)) and bool(values.str.fullmatch(r"-?\d+").all())


#: Money columns as the billing APIs name them, in the currency's smallest unit by the APIs' own reference (as
#: :func:`~.names.key` spells them; also after an object's prefix, ``plan.amount``, ``unit_price.amount``).
API_AMOUNTS = frozenset({
    "amount", "amount_paid", "amount_due", "amount_captured", "amount_remaining", "amount_refunded", "amount_total",
    "amount_subtotal", "subtotal", "total", "grand_total", "unit_amount", "plan_amount", "price_unit_amount",
    "plan_unit_amount",
})  # fmt: skip
#: ``--amounts``: what whole amounts of a money column are (None: told by the file, or refused where it cannot be).
AMOUNT_UNITS = ("cents", "units")


#: Stripe's amounts in cents written as a decimal string (``unit_amount_decimal``: "the same as unit_amount, in cents,
#: with at most 12 decimals", for prices of fractions of a cent; ``price_unit_amount_decimal`` as Sigma flattens it,
#: ``plan.amount_decimal``, a tier's ``flat_amount_decimal``). Chargebee's ``unit_price_in_decimal`` is in units.
_DECIMAL_CENTS = ("amount_decimal",)


def decimal_cents(column: Any) -> bool:
    """Whether a money column is named as Stripe names its amounts in cents written with decimals.

    >>> [decimal_cents(n) for n in ("unit_amount_decimal", "price_unit_amount_decimal", "plan.amount_decimal",
    ...                             "unit_price_in_decimal", "amount")]
    [True, True, True, False, False]
    """
    from .names import key

    return key(column).endswith(_DECIMAL_CENTS)


def _decimal_divisors(df: Any, ids: Any, column: str, currencies: list[str], source: str) -> np.ndarray:
    """Each row's divisor of Stripe's amounts in cents written with decimals (:func:`decimal_cents`: 9900.5 is
    99.005), with a note, in a file of Stripe's customer ids (``cus_...``); refused elsewhere: its name is Stripe's,
    its decimals say neither cents nor units, and ``--amounts`` tells."""
    import pandas as pd

    from .notes import note

    if not _all_start(ids, "cus_"):
        raise DataError(
            f"{source}: {column!r} is named as Stripe names its prices in cents written with decimals (9900.5 for "
            f"99.005), but the customer ids are not Stripe's (cus_...): in cents or in units? say which with "
            f"--amounts cents or --amounts units",
            source=source,
            column=column,
        )
    divisors = _divisors(df, currencies[0] if len(currencies) == 1 else None)
    numbers = pd.to_numeric(df[column], errors="coerce").to_numpy(dtype=np.float64)
    filled = np.flatnonzero(~np.isnan(numbers) & (divisors > 1))
    if filled.size:
        first = int(filled[0])
        amount = numbers[first] / divisors[first]
        shown = f"{amount:,.2f}" if round(amount, 2) == amount else f"{amount:,.12f}".rstrip("0")
        note(
            f"{source}: the amounts of {column!r} were read in cents, as Stripe's API writes its *_decimal prices "
            f"({df[column].iloc[first]} as {shown}); if they are units, import with "
            f"--amounts units"
        )
    return divisors


def _api_amount(column: Any) -> bool:
    """Whether a money column is named as a billing API names its amounts in the smallest unit (:data:`API_AMOUNTS`).

    >>> [_api_amount(n) for n in ("amount_paid", "unit_price.amount", "totals.grand_total", "mrr", "price")]
    [True, True, True, False, False]
    """
    from .names import key

    k = key(column)
    return k in API_AMOUNTS or k.rsplit(".", 1)[-1] in API_AMOUNTS


def currency_divisors(df: Any) -> np.ndarray:
    """Each row's divisor to currency units of a price in cents (``unit_amount`` of Stripe's): 100, but 1 for a
    zero-decimal currency (JPY 990 is 990 yen) and 1000 for a three-decimal one, by the file's one currency column
    (100 for every row without one, or with several).

    >>> import pandas as pd
    >>> currency_divisors(pd.DataFrame({"Currency": ["JPY", "usd", "kwd"]})).tolist()
    [1.0, 100.0, 1000.0]
    """
    currencies = currency_columns(df.columns)
    return _divisors(df, currencies[0] if len(currencies) == 1 else None)


def currency_columns(columns: Any) -> list[str]:
    """The columns whose name says a currency (``currency``, ``Currency Code``, Chargebee's
    ``subscriptions.currency_code``); without one, those whose last dotted part does (Paddle's price flattened:
    ``items.price.unit_price.currency_code``, beside its ``items.price.unit_price.amount``).

    >>> currency_columns(["currency_code", "items.price.unit_price.currency_code"])
    ['currency_code']
    >>> currency_columns(["id", "items.price.unit_price.amount", "items.price.unit_price.currency_code"])
    ['items.price.unit_price.currency_code']
    """
    from .names import key, keys_of

    names = [str(c) for c in columns]
    found = [c for c in names if {"currency", "currency_code"} & keys_of(c)]
    return found or [c for c in names if key(c).rsplit(".", 1)[-1] in ("currency", "currency_code")]


def _divisors(df: Any, currency: str | None) -> np.ndarray:
    """Each row's divisor to currency units of amounts in the smallest unit: 100, 1 for a zero-decimal currency,
    1000 for a three-decimal one, by the row's code in the column ``currency`` (100 without one)."""
    if currency is None:
        return np.full(len(df), 100.0)
    upper = df[currency].astype(object).where(df[currency].notna(), "").astype(str).str.strip().str.upper()
    return np.where(upper.isin(ZERO_DECIMAL), 1.0, np.where(upper.isin(THREE_DECIMAL), 1000.0, 100.0))


def minor_unit_divisors(
    df: Any, ids: Any, column: str, source: str = "input", amounts: str | None = None
) -> np.ndarray | None:
    """What each row's amount in the money column ``column`` of ``df`` is divided by to be in currency units, or
    None when the amounts are in units already.

    Amounts in the smallest unit of their currency (4900 for 49.00) are what the billing systems' APIs write:

    * **Stripe** (API, Sigma, warehouse syncs): every customer id ``cus_...``, every column named as an API field
      (no spaces, one case: ``amount``, ``plan_amount``; the Dashboard writes "Amount", "Customer ID" and amounts in
      units, also once Excel has saved ``49.00`` as ``49``), one currency column of lower-case codes (``usd``);
    * **Paddle Billing** (its API flattened): every customer id ``ctm_...`` or the price column is Paddle's
      ``unit_price.amount``, with one currency column (``currency_code``);

    and in both, every amount a whole number written without a decimal mark. The divisor is then 100, 1 for
    zero-decimal currencies (:data:`ZERO_DECIMAL`: JPY 500 is 500 yen) and 1000 for three-decimal ones
    (:data:`THREE_DECIMAL`), by each row's currency. An analyst's table of whole prices looks the same (``cus_...``,
    ``usd``, ``49``: read in cents, 0.49, a hundredth of the MRR): it is read in cents, with a note, only where the
    column is named as the API names an amount (:data:`API_AMOUNTS`: ``amount_paid``, ``unit_price.amount``) and no
    amount but 0 is below one currency unit in cents (``49`` is no Stripe price), unless the file surely is Stripe's
    API's (:func:`stripe_api_export`: its ``object`` column, ``ch_`` ids beside ``amount_captured``); otherwise it is
    refused, naming the column and both readings of its first amount, unless ``amounts`` (``--amounts``) says:
    ``"cents"`` (any whole amounts, divided by each row's currency's smallest unit) or ``"units"`` (never divided).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"amount_paid": ["4900", "500"], "currency": ["usd", "jpy"]})
    >>> minor_unit_divisors(df, pd.Series(["cus_A", "cus_B"]), "amount_paid").tolist()
    [100.0, 1.0]
    >>> minor_unit_divisors(df.rename(columns={"amount_paid": "Amount"}), pd.Series(["cus_A", "cus_B"]), "Amount")
    >>> minor_unit_divisors(df.assign(amount_paid=["49.00", "5.00"]), pd.Series(["cus_A", "cus_B"]), "amount_paid")
    """
    import pandas as pd

    from .later_items import written_items  # a row of items added into its amount: its first item's, as written
    from .lemon_squeezy import is_lemon_squeezy_api, refuse_cents
    from .names import key

    names = list(map(str, df.columns))
    if amounts == "units" or names.count(column) != 1:
        return None
    from .money_currencies import money_currency_columns, values_of

    currencies = money_currency_columns(names, values_of(df))  # 'plan_currency', 'Currency ISO', 'ccy' of usd
    apis = [n for n in names if n not in currencies]  # 'Currency Code', 'Currency ISO': no API field's spelling
    if amounts == "cents":  # said by the user: whole amounts in the smallest unit, by each row's currency
        if not decimal_cents(column) and not _whole_numbers(df[column]):
            raise DataError(
                f"{source}: --amounts cents, but {column!r} has amounts with a decimal mark or that are no numbers "
                "(cents are whole): import it without --amounts, or with --amounts units",
                source=source,
                column=column,
            )
        return _divisors(df, currencies[0] if len(currencies) == 1 else None)
    from .unit_values import said_cents_divisors  # Metronome's credit type 'USD (cents)' beside 'total' 12050

    said = said_cents_divisors(df, column, source, decimal_cents(column) or _whole_numbers(df[column]))
    if said is not None:
        return said
    if decimal_cents(column):  # Stripe's unit_amount_decimal: cents with decimals, 9900.5 is 99.005
        return _decimal_divisors(df, ids, column, currencies, source)
    twin = formatted_twin(names, column)  # Lemon Squeezy's total beside total_formatted: '$9.99' tells 999 is cents
    if twin is not None and _whole_numbers(df[column]):
        told = _told_by_twin(df[column], df[twin], _divisors(df, currencies[0] if len(currencies) == 1 else None))
        if told is not None:
            return None if isinstance(told, str) else told
    converted = converted_twin(names, column) if twin is None else None  # total_usd: in total's unit
    if converted is not None and _whole_numbers(df[column]) and _whole_numbers(df[converted[0]]):
        from .lemon_squeezy import usd_twin_divisors  # noqa: PLC0415

        base = _divisors(df, currencies[0] if len(currencies) == 1 else None)
        told = _told_by_twin(df[converted[0]], df[converted[1]], base)
        if told is not None:
            return usd_twin_divisors(df, column, converted, told, base, source)
    if is_lemon_squeezy_api(names) and _whole_numbers(df[column]):  # its API: cents, 999 is 9.99 (.lemon_squeezy)
        refuse_cents(df[column], column, source)
    from .vendor_cents import vendor_cents_divisors  # Chargebee's API (refused), Baremetrics' template (cents)

    vendors = vendor_cents_divisors(
        df, column, source, lambda: _divisors(df, currencies[0] if len(currencies) == 1 else None),
        lambda: _whole_numbers(df[column]),
    )  # fmt: skip
    if vendors is not None:
        return vendors
    from .vendor_cents import refuse_api_whole_amounts, square_divisors  # Square's Money: amount_money.amount

    square = square_divisors(df, column, source, lambda: _divisors(df, currencies[0] if len(currencies) == 1 else
                             None), lambda: _whole_numbers(df[column]))  # fmt: skip
    if square is not None:
        return square
    if not currencies:  # Stripe's API or Sigma without its currency column: cents or units cannot be told
        _refuse_without_currency(df, ids, apis, column, source)
    if len(currencies) != 1:  # the tests on the columns' names first: the amounts' and ids' own cost a pass each
        return None
    if not _api_headers(apis) and not key(column).endswith("unit_price.amount") and not _all_start(ids, "ctm_"):
        return None  # neither Stripe's API fields nor Paddle's
    if not _whole_numbers(df[column]):
        return None
    text = pd.Series(ids).dropna().astype(str)
    if text.empty:
        return None
    stripe = bool(text.str.startswith("cus_").all()) and _api_headers(apis)
    paddle = bool(text.str.startswith("ctm_").all()) or key(column).endswith("unit_price.amount")
    if not (stripe or paddle) and _api_headers(apis) and _api_amount(column):  # 'amount' beside Square's ids
        refuse_api_whole_amounts(df, text, column, source, _divisors(df, currencies[0]))
    if not (stripe or paddle) or len(currencies) != 1:
        return None
    codes = df[currencies[0]].astype(object).where(df[currencies[0]].notna(), "").astype(str).str.strip()
    if stripe and not codes[codes != ""].str.fullmatch(r"[a-z]{3}").all():
        return None
    divisors = _divisors(df, currencies[0])
    system = "Stripe" if stripe else "Paddle"
    numbers = pd.to_numeric(df[column], errors="coerce").to_numpy(dtype=np.float64)
    below = (np.abs(numbers) < divisors) & (numbers != 0) & (divisors > 1)  # under one unit in cents: 49 as 0.49
    if not _api_amount(column) or (below.any() and not (stripe and stripe_api_export(df))):
        _refuse_unsure_units(written_items(df, column, df[column], first=True), divisors, column, source, system,
                             int(np.flatnonzero(below)[0]) if below.any() else None)  # fmt: skip
    _note_minor_units(written_items(df, column, df[column], first=True), divisors, column, source, system)
    return divisors


def _refuse_without_currency(df: Any, ids: Any, apis: list[str], column: str, source: str) -> None:
    """Refuse whole amounts of a money column named as the API names them (``plan_amount``, ``amount``) in a file of
    API field names and Stripe's or Paddle's customer ids (``cus_``, ``ctm_``) with no currency column (a Sigma query
    that left it out): the API writes them in the currency's smallest unit (4900 for 49.00), an analyst's table in
    units, and without a currency not even the smallest unit is known (JPY's is the yen). Read in units, every MRR was
    100 times too high, silently (H527's finding 06). Nothing for any other file."""
    if not _api_amount(column) or not _api_headers(apis):
        return
    system = "Stripe" if _all_start(ids, "cus_") else "Paddle" if _all_start(ids, "ctm_") else None
    if system is None or not _whole_numbers(df[column]):
        return
    from .errors import bad_rows
    from .later_items import written_items

    text, first, written = _first_written(written_items(df, column, df[column], first=True))
    amount = f"{float(written) / 100:,.2f}" if written.lstrip("-").isdigit() else written
    problem = (
        f"whole amounts beside {system}'s customer ids, with no currency column: in cents, as {system}'s API writes "
        f"them ({written} as {amount} in a currency of cents), or in units ({written}.00)? say which with --amounts "
        "cents or --amounts units (or add the currency column the API gives with the amounts)"
    )
    raise bad_rows(source, column, problem, [first], text)


def _all_start(ids: Any, prefix: str) -> bool:
    """Whether every filled id starts with ``prefix`` (the first id tested first: most files fail there)."""
    import pandas as pd

    text = pd.Series(ids).dropna().astype(str)
    return not text.empty and text.iloc[0].startswith(prefix) and bool(text.str.startswith(prefix).all())


#: Endings of a column's name (:func:`~.names.key`) that say it shows the money column named before them as text.
_FORMATTED = ("_formatted", "_display", "_pretty", "_text")


def formatted_twin(names: Any, column: str) -> str | None:
    """The column of ``names`` that shows the money column ``column`` written as money (Lemon Squeezy's
    ``total_formatted`` beside ``total``, ``amount_display``), or None.

    >>> formatted_twin(["id", "total", "total_formatted", "subtotal_formatted"], "total")
    'total_formatted'
    """
    from .names import key

    wanted = {key(column) + end for end in _FORMATTED}
    found = [str(n) for n in names if key(n) in wanted]
    return found[0] if len(found) == 1 else None


def converted_twin(names: Any, column: str) -> tuple[str, str] | None:
    """(base column, its formatted twin) where the money column ``column`` is the base's amount converted to US
    dollars, as Lemon Squeezy's API writes it (``total_usd`` beside ``total`` and ``total_formatted``: "a positive
    integer in cents" both): the base's twin tells the unit of both. None otherwise.

    >>> converted_twin(["total", "total_usd", "total_formatted"], "total_usd")
    ('total', 'total_formatted')
    >>> converted_twin(["total", "total_usd"], "total_usd")
    """
    from .names import key

    if not key(column).endswith("_usd"):
        return None
    bases = [str(n) for n in names if key(n) == key(column)[: -len("_usd")]]
    if len(bases) != 1:
        return None
    twin = formatted_twin(names, bases[0])
    return (bases[0], twin) if twin is not None else None


def _told_by_twin(values: Any, shown: Any, divisors: np.ndarray) -> np.ndarray | str | None:
    """What whole amounts ``values`` are, as their twin written as money (``shown``: ``$9.99`` beside ``999``) says:
    ``divisors`` where each shown amount is its amount in the smallest unit (cents), ``"units"`` where it is the
    amount itself; None where the twin cannot be read or says neither (another amount: nothing is told)."""
    from .errors import DataError
    from .values import parse_numbers

    try:
        amounts = parse_numbers(values, "twin", "amount", allow_blank=True)
        written = parse_numbers(shown, "twin", "shown", allow_blank=True)
    except DataError:
        return None
    both = ~np.isnan(amounts) & ~np.isnan(written) & (amounts != 0)
    if not both.any():
        return None
    if np.allclose(written[both] * divisors[both], amounts[both], rtol=0, atol=0.5):
        return divisors if (divisors[both] != 1).any() else "units"
    if np.allclose(written[both], amounts[both], rtol=0, atol=0.005):
        return "units"
    return None


#: The values of the ``object`` field of Stripe's API objects that a payments or subscriptions export lists.
STRIPE_OBJECTS = frozenset({"charge", "invoice", "subscription", "payment_intent", "checkout.session", "refund",
                            "invoiceitem", "line_item", "subscription_item", "balance_transaction"})  # fmt: skip
#: Prefixes of the ids of those objects (``ch_3N...``, ``sub_1P...``).
STRIPE_ID_PREFIXES = ("ch_", "py_", "pi_", "in_", "sub_", "si_", "cs_", "txn_", "re_", "il_", "ii_")
#: Fields only Stripe's API (and Sigma, its tables) writes beside an amount: an analyst's table has none of them.
STRIPE_API_FIELDS = frozenset({"livemode", "amount_captured", "amount_refunded", "balance_transaction",
                               "balance_transaction_id", "payment_intent", "payment_intent_id", "billing_reason",
                               "collection_method", "cancel_at_period_end", "current_period_start",
                               "current_period_end", "hosted_invoice_url", "receipt_url", "failure_code"})  # fmt: skip


def stripe_api_export(df: Any) -> bool:
    """Whether ``df`` (a table whose columns are named as API fields, with ``cus_`` customer ids) surely is an export
    of Stripe's API or Sigma, not an analyst's table of whole prices: an ``object`` column whose every value names a
    Stripe object (``charge``, ``subscription``), or an ``id`` column whose every value is a Stripe object's id
    (``ch_...``, ``sub_...``) beside a field only the API writes (:data:`STRIPE_API_FIELDS`: ``livemode``,
    ``amount_captured``, ``balance_transaction``). Its amounts are then in the smallest currency unit, below one
    unit too (a 50-cent charge).

    >>> import pandas as pd
    >>> stripe_api_export(pd.DataFrame({"object": ["charge"], "amount": ["50"]}))
    True
    >>> charges = pd.DataFrame({"id": ["ch_1", "ch_2"], "amount": ["50", "75"], "amount_refunded": ["0", "0"]})
    >>> stripe_api_export(charges), stripe_api_export(charges.drop(columns="amount_refunded"))
    (True, False)
    """
    from .names import key

    by_key = {key(c): c for c in map(str, df.columns) if list(map(str, df.columns)).count(c) == 1}

    def texts(name: str) -> Any:
        values = df[by_key[name]]
        values = values[values.notna()].astype(str).str.strip()
        return values[values != ""]

    if "object" in by_key:
        objects = texts("object")
        if len(objects) and objects.str.lower().isin(STRIPE_OBJECTS).all():
            return True
    if "id" in by_key and STRIPE_API_FIELDS & set(by_key):
        ids = texts("id")
        return bool(len(ids)) and bool(ids.str.startswith(STRIPE_ID_PREFIXES).all())
    return False


def _first_written(values: Any, counted: Any = True, row: int | None = None) -> tuple[np.ndarray, int, str]:
    """``values`` as the file writes them (stripped, blanks ""), the row to name (``row``, or the first filled one
    where ``counted``; 0 in a column without one) and its amount as written (``4900.0`` as ``4900``): the amount a
    refusal of whole amounts quotes."""
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip().to_numpy()
    filled = np.flatnonzero((text != "") & counted)
    first = row if row is not None else int(filled[0]) if filled.size else 0
    return text, first, text[first][:-2] if text[first].endswith(".0") else text[first]


def _refuse_unsure_units(
    values: Any, divisors: np.ndarray, column: str, source: str, system: str, row: int | None
) -> None:
    """Refuse whole amounts that may be in cents (as ``system``'s API writes them) or in units, naming the column and
    both readings of its first amount (that of ``row``: one below a unit in cents), and the option that says."""
    from .errors import bad_rows

    text, first, written = _first_written(values, divisors > 1, row)
    reasons = [] if _api_amount(column) else [f"{column!r} is not named as the API names its amounts"]
    if row is not None:
        reasons.append(f"{written} in cents is below one currency unit")
    problem = (
        f"whole amounts beside {system}'s customer ids and currency codes: in cents, as {system}'s API writes them "
        f"({written} as {float(written) / float(divisors[first]):,.2f}), or in units ({written}.00)? "
        f"({'; '.join(reasons)}): say which with --amounts cents or --amounts units"
    )
    raise bad_rows(source, column, problem, [first], text)


def _note_minor_units(values: Any, divisors: np.ndarray, column: str, source: str, system: str) -> None:
    """Say that the amounts of ``column`` were read in the smallest currency unit, with the file's first amount as it
    was read: the rule is the export's (its API's amounts are cents), and an analyst's file of whole prices (``49``
    for 49.00) looks the same (:mod:`.notes`)."""
    import pandas as pd

    from .notes import note

    text = values.astype(object).where(values.notna(), "").astype(str).str.strip().to_numpy()
    filled = np.flatnonzero(text != "")
    if not filled.size or not (divisors[filled] > 1).any():
        return
    divided = filled[divisors[filled] > 1]
    zero = pd.to_numeric(pd.Series(text[divided]), errors="coerce").to_numpy(dtype=np.float64) == 0
    first = int(divided[~zero][0] if (~zero).any() else divided[0])  # 0 as 0.00 shows nothing of the rule
    written = text[first][:-2] if text[first].endswith(".0") else text[first]  # a typed column's 4900.0
    amount = float(written) / float(divisors[first])
    note(
        f"{source}: the whole amounts of {column!r} were read in cents, the currency's smallest unit, as {system}'s "
        f"API writes them ({written} as {amount:,.2f}); if they are whole units, import with --amounts units (or "
        f"write them with a decimal mark, {written}.00)"
    )


def stripe_minor_units(df: Any, ids: Any, column: str) -> bool:
    """Whether the money column ``column`` of ``df`` holds amounts in the smallest currency unit
    (:func:`minor_unit_divisors` says what each is divided by).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"amount_paid": ["4900", "9900"], "currency": ["usd", "usd"]})
    >>> stripe_minor_units(df, pd.Series(["cus_A", "cus_B"]), "amount_paid")
    True
    """
    return minor_unit_divisors(df, ids, column) is not None
