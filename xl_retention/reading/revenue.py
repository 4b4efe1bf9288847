"""What a revenue column's name says about its unit, and MRR that contradicts the dates it comes with.

* **Per year.** MRR is per month. A column whose name says annual recurring revenue or annual contract value
  (``ARR``, ``arr_usd``, ``ACV``, "Annual Recurring Revenue", "Annual Contract Value") taken as ``mrr`` is
  divided by 12 (ARR is 12 x MRR by definition). Another name that says a year (``annual_revenue``,
  ``yearly_total``) taken as ``mrr`` is refused: whether it recurs cannot be told.
* **Cents.** A money column whose name says cents (``mrr_cents``, ``amount_in_cents``) is divided by 100, as a
  billing export's price in cents is.
* **The current MRR.** An interval that ended (an ``end`` date) with MRR 0, beside intervals with MRR above 0,
  is what a customer list gives with today's MRR (0 once cancelled): taken as it is, the customer would vanish
  from every month and their churn with them. Such rows are refused, naming them: give the MRR they paid (or
  the price and the billing interval), or remove them if they were free plans.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from .errors import DataError, bad_rows

__all__ = [
    "ENDED_AT_ZERO",
    "ENDED_AT_ZERO_ADVICE",
    "MRR_DUST",
    "check_ended_at_zero",
    "currency_divisors",
    "decimal_cents",
    "formatted_twin",
    "in_units",
    "minor_unit_divisors",
    "per_month",
    "says_cents",
    "says_unit",
    "stripe_api_export",
    "stripe_minor_units",
]

ENDED_AT_ZERO = (
    "subscriptions that ended with MRR 0, as a list with today's MRR gives them (a cancelled customer would vanish "
    "from every month, and their churn with them)"
)
#: What to do about :data:`ENDED_AT_ZERO`, after its rows and values.
ENDED_AT_ZERO_ADVICE = (
    "give the MRR they paid, or the price and the billing interval; remove them if they were free plans"
)
_PER_YEAR_EXACT = ("arr", "acv", "annual_recurring_revenue", "annual_contract_value")
_YEAR_WORDS = ("annual", "annually", "yearly", "year", "years", "per_year", "annuel", "annuelle", "annee", "année",
               "anual", "anuales", "annuale", "annuali", "jaarlijks", "jaar", "årlig", "arlig", "jahr", "jährlich",
               "jahrlich", "roczny", "roczna")  # fmt: skip
#: German compounds that start with the year: "Jahresbeitrag", "Jahresumsatz", "Jahresgebühr".
_YEAR_PREFIXES = ("jahres", "jährlich", "jahrlich")
#: Words that say a money column is in the currency's smallest unit (English, German "Cent", French "centimes",
#: Spanish "céntimos", Portuguese "centavos", Italian "centesimi"; "minor" units; British "pence").
_CENT_WORDS = frozenset({"cents", "cent", "centimes", "centime", "céntimos", "centimos", "centavos", "centesimi",
                         "minor", "pence", "kopeks", "kopecks", "groszy", "cts", "¢", "öre", "øre", "rappen",
                         "paise"})  # fmt: skip
#: Words that say a rate per year made of a shorter period's (annualized, a run rate): 12 x MRR, divided by 12 as ARR
#: is ("Annualized Revenue", "annualised_mrr", "Revenue Run Rate"; a run rate whose name says a month is monthly).
_ANNUALIZED_PREFIXES = ("annualiz", "annualis")
_MONTH_WORDS = frozenset({"mrr", "month", "monthly", "months", "mo", "monat", "monatlich", "mensuel", "mensuelle",
                          "mois", "mensual", "mensal", "mensile", "maandelijks", "miesięczny"})  # fmt: skip
#: A year as twelve months ("12-month value", "12 Monate", TTM/LTM: trailing or last twelve months), as a key.
_TWELVE_MONTHS = re.compile(
    r"(?:^|_)(?:12|twelve|zwölf|zwoelf|douze|doce|dodici|twaalf)_?(?:months?|m|mo|monate?n?|mois|meses|mesi|maanden)"
    r"(?:_|$)|(?:^|_)(?:ttm|ltm)(?:_|$)|trailing_twelve|last_twelve"
)


def says_cents(name: Any) -> bool:
    """Whether a money column's name says it is in cents ("mrr_cents", "MRR in Cent", "centimes", "mrr_minor").

    >>> [says_cents(n) for n in ("mrr_cents", "MRR in Cent", "mrr_minor", "centimes", "MRR", "Percent")]
    [True, True, True, True, False, False]
    """
    return bool(_CENT_WORDS & set(_words(name)[1])) or "¢" in str(name)


def _says_year(words: list[str], k: str = "") -> bool:
    """Whether a name's ``words`` (its key ``k``) say a year: "Yearly Fee", "Jahresumsatz", "Per Annum", "Fee p.a.",
    "12-month value", "TTM revenue"."""
    pairs = set(zip(words, words[1:], strict=False))
    return (
        any(w in _YEAR_WORDS or w.startswith(_YEAR_PREFIXES) for w in words)
        or "annum" in words
        or ("p", "a") in pairs
        or bool(_TWELVE_MONTHS.search(k))
    )


#: A money column's name written short or in another language, brought to the words
#: :func:`~xl_retention.reading.billing.interval_in_text` reads: "Price/yr", "Fee p/a", "Price pa", "Price/wk",
#: "Price/day", "Prix/an", "Precio/año", "Price (12 mo)".
_PERIODS_WRITTEN_SHORT = (
    (re.compile(r"(?<![a-z])p\s*/\s*a(?![a-z])|(?<![a-z])pa(?![a-z])"), " yearly "),
    (re.compile(r"(?<![a-z])yrs?(?![a-z])"), " yearly "),
    (re.compile(r"(?<![a-z])wks?(?![a-z])"), " weekly "),
    (re.compile(r"(?:/|(?<![a-z])(?:per|pro|par|por|a)\s+)\s*(?:day|tag|jour|d[ií]a)(?![a-z])"), " daily "),
    (re.compile(r"(?:/|(?<![a-z])(?:par|por|pro)\s+)\s*(?:an|año|ano|jahr)(?![a-z])"), " yearly "),
    (re.compile(r"(\d+)\s+(mo|m)(?![a-z])"), r"\1\2"),
)
#: A billing interval's months as said in a refusal.
_PERIOD_WORDS = {12.0: "year", 3.0: "quarter", 6.0: "half-year", 0.5: "half a month"}


def name_months(name: Any) -> float | None:
    """The months of the one period a money column's name says (a year 12, a quarter 3, a week 7 / 30.4375), as a
    plan's name is read (:func:`~xl_retention.reading.billing.interval_in_text`), short forms and other languages
    too; None when it says none or two.

    >>> [name_months(n) for n in ("Price/yr", "Fee p/a", "Prix/an", "Quarterly fee", "Price (12 mo)", "MRR", "Price")]
    [12.0, 12.0, 12.0, 3.0, 12.0, None, None]
    >>> [round(name_months(n) * 30.4375, 6) for n in ("Price per week", "Price/wk", "Daily rate", "Price/day")]
    [7.0, 7.0, 1.0, 1.0]
    """
    from .billing import interval_in_text

    text = str(name).lower().replace("_", " ")
    for pattern, word in _PERIODS_WRITTEN_SHORT:
        text = pattern.sub(word, text)
    return interval_in_text(text)


def _period_word(months: float) -> str:
    """'year', 'quarter', 'week', 'day', or '3 months' of a period of ``months``."""
    from .billing import DAYS_PER_MONTH

    days = round(months * DAYS_PER_MONTH, 6)
    if days in (1.0, 7.0, 14.0):
        return {1.0: "day", 7.0: "week", 14.0: "fortnight"}[days]
    return _PERIOD_WORDS.get(months, f"{months:g} months")


def _annualized(words: list[str]) -> bool:
    """Whether a name's ``words`` say a rate per year made of a shorter period's (:data:`_ANNUALIZED_PREFIXES`,
    a run rate that names no month).

    >>> [_annualized(_words(n)[1]) for n in ("Annualized Revenue", "Revenue Run Rate", "MRR run rate", "Revenue")]
    [True, True, False, False]
    """
    if any(w.startswith(_ANNUALIZED_PREFIXES) for w in words):
        return True
    return (
        ("run", "rate") in set(zip(words, words[1:], strict=False)) or "runrate" in words
    ) and not _MONTH_WORDS & set(words)


def _words(name: Any) -> tuple[str, list[str]]:
    from .columns import key

    k = key(name)
    return k, [w for w in k.replace(".", "_").replace("(", "_").replace(")", "_").split("_") if w]


def says_unit(name: Any) -> bool:
    """Whether a money column's name says cents or a year (its values are then converted or refused).

    >>> says_unit("ARR"), says_unit("mrr_cents"), says_unit("MRR")
    (True, True, False)
    """
    k, words = _words(name)
    return (
        bool({"arr", "acv"} & set(words))
        or says_cents(name)
        or _says_year(words, k)
        or _annualized(words)
        or any(p in k for p in _PER_YEAR_EXACT[2:])
        or name_months(name) not in (None, 1.0)
    )


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
    if decimal_cents(column):  # Stripe's unit_amount_decimal: cents with decimals, 9900.5 is 99.005
        return _decimal_divisors(df, ids, column, currencies, source)
    twin = formatted_twin(names, column)  # Lemon Squeezy's total beside total_formatted: '$9.99' tells 999 is cents
    if twin is not None and _whole_numbers(df[column]):
        told = _told_by_twin(df[column], df[twin], _divisors(df, currencies[0] if len(currencies) == 1 else None))
        if told is not None:
            return None if isinstance(told, str) else told
    if is_lemon_squeezy_api(names) and _whole_numbers(df[column]):  # its API: cents, 999 is 9.99 (.lemon_squeezy)
        refuse_cents(df[column], column, source)
    if len(currencies) != 1:  # the tests on the columns' names first: the amounts' and ids' own cost a pass each
        return None
    if {"object", "resource_version"} <= {key(n) for n in names} and _whole_numbers(df[column]):
        from .api_cents import refuse_chargebee_cents

        refuse_chargebee_cents(df[column], column, source)  # Chargebee's API: cents; its CSV exports: units
    if not _api_headers(apis) and not key(column).endswith("unit_price.amount") and not _all_start(ids, "ctm_"):
        return None  # neither Stripe's API fields nor Paddle's
    if not _whole_numbers(df[column]):
        return None
    text = pd.Series(ids).dropna().astype(str)
    if text.empty:
        return None
    stripe = bool(text.str.startswith("cus_").all()) and _api_headers(apis)
    paddle = bool(text.str.startswith("ctm_").all()) or key(column).endswith("unit_price.amount")
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
        _refuse_unsure_units(df[column], divisors, column, source, system, int(np.flatnonzero(below)[0]) if
                             below.any() else None)  # fmt: skip
    _note_minor_units(df[column], divisors, column, source, system)
    return divisors


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


def _refuse_unsure_units(
    values: Any, divisors: np.ndarray, column: str, source: str, system: str, row: int | None
) -> None:
    """Refuse whole amounts that may be in cents (as ``system``'s API writes them) or in units, naming the column and
    both readings of its first amount (that of ``row``: one below a unit in cents), and the option that says."""
    from .errors import bad_rows

    text = values.astype(object).where(values.notna(), "").astype(str).str.strip().to_numpy()
    filled = np.flatnonzero((text != "") & (divisors > 1))
    first = row if row is not None else int(filled[0]) if filled.size else 0
    written = text[first][:-2] if text[first].endswith(".0") else text[first]
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
    from .notes import note

    text = values.astype(object).where(values.notna(), "").astype(str).str.strip().to_numpy()
    filled = np.flatnonzero(text != "")
    if not filled.size or not (divisors[filled] > 1).any():
        return
    first = int(filled[divisors[filled] > 1][0])
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


def in_units(values: np.ndarray, name: Any, divisors: Any = 100.0) -> np.ndarray:
    """``values`` of the column ``name`` in currency units: divided by ``divisors`` (100, or each row's currency's
    smallest unit: :func:`currency_divisors`, 1 for JPY, as Recurly's ``*_in_cents`` of yen are yen; or a function
    giving them, called only then) when the name says cents.

    >>> in_units(np.array([4900.0]), "mrr_cents").tolist(), in_units(np.array([49.0]), "MRR").tolist()
    ([49.0], [49.0])
    """
    if not says_cents(name):
        return values
    return values / (divisors() if callable(divisors) else divisors)


def per_year_name(name: Any) -> bool:
    """Whether a money column's name says a year's amount that :func:`per_month` divides by 12 (ARR, ACV, an
    annualized revenue, a run rate).

    >>> per_year_name("ARR"), per_year_name("MRR")
    (True, False)
    """
    k, words = _words(name)
    return any(w in words for w in ("arr", "acv")) or any(p in k for p in _PER_YEAR_EXACT[2:]) or _annualized(words)


def per_month(values: np.ndarray, name: Any, source: str, divisors: Any = 100.0) -> np.ndarray:
    """``values`` of the column ``name`` taken as MRR, per month and in units (see the module docstring).

    >>> per_month(np.array([1200.0]), "ARR", "subs.csv").tolist()
    [100.0]
    """
    from .pre_discount import refuse_pre_discount_mrr

    refuse_pre_discount_mrr(name, source)  # 'MRR before discount', 'Undiscounted MRR': MRR is after discounts
    k, words = _words(name)
    if per_year_name(name):
        return in_units(values, name, divisors) / 12  # ARR, ACV, an annualized revenue, a run rate: 12 x MRR
    months = name_months(name)
    if _says_year(words, k) or months not in (None, 1.0):
        period = "year" if _says_year(words, k) else _period_word(months)
        raise DataError(
            f"{source}: {str(name)!r} (taken as mrr) says a {period}, and MRR is per month: whether it is recurring "
            f"revenue cannot be told; map mrr to a monthly column, or give a billing interval column ({period}) and "
            f"map amount={name}",
            source=source,
            column=str(name),
        )
    return in_units(values, name, divisors)


def check_ended_at_zero(
    typed: dict[str, Any],
    names: dict[str, str],
    source: str,
    shown: Any = None,
    discounts: Any = None,
    phases: Any = None,
    shared: Any = None,
) -> None:
    """Refuse intervals that ended with MRR 0 beside intervals with MRR above 0 (see the module docstring), quoting
    ``shown`` (the MRR column as the file writes it, ``$0.00``, or a function giving it), else the numbers read.
    ``discounts``: the rows of a subscription's discount lines, read as 0 (:mod:`.discount_lines`): not refused;
    ``phases``: the rows whose subscription's next phase starts at their end (:mod:`.paused_phases`): not refused;
    ``shared``: a family member's rows (RevenueCat's FAMILY_SHARED, :mod:`.family_shares`): never paid, not refused."""
    if "end" not in typed:
        return
    mrr = np.asarray(typed["mrr"], dtype=np.float64)
    ended = ~np.isnat(np.asarray(typed["end"]))
    zero = ended & (mrr == 0)
    if discounts is not None:
        zero &= ~np.asarray(discounts, dtype=bool)
    if phases is not None:  # a pause or a free phase between phases of one subscription: no end
        zero &= ~np.asarray(phases, dtype=bool)
    if shared is not None:
        zero &= ~np.asarray(shared, dtype=bool)
    if zero.any() and (mrr > 0).any():
        rows = np.flatnonzero(zero)
        raise bad_rows(source, names["mrr"], ENDED_AT_ZERO, rows, _written(mrr, shown), advice=ENDED_AT_ZERO_ADVICE)


#: An MRR (a month's, in currency units) nearer 0 than this is 0, no activity: binary rounding of a computed 0
#: (``0.3 - (0.1 + 0.2)`` is -5.55e-17), never a price; read alike by the engines (relational.inputs).
MRR_DUST = 1e-9


def check_negative_mrr(typed: dict[str, Any], names: dict[str, str], source: str, shown: Any = None) -> None:
    """Refuse rows with an MRR below 0 (a billing price below 0: its MRR is), quoting ``shown`` (the money column as
    the file writes it: ``-$50.00``, ``(50,00 €)``), else the numbers read. An MRR within :data:`MRR_DUST` of 0 is
    0 (``typed["mrr"]`` set so): rounding of a computed 0, whichever its sign.

    >>> typed = {"mrr": np.array([5.0, -50 / 12])}  # a yearly price
    >>> try:
    ...     check_negative_mrr(typed, {"mrr": "amount"}, "s.csv", lambda: ["$60", "-$50.00"])
    ... except DataError as error:
    ...     print(error)
    s.csv, column 'amount': negative MRR in row 3 (counting the header as row 1): '-$50.00'
    """
    mrr = np.asarray(typed["mrr"], dtype=np.float64)
    dust = (mrr != 0) & (np.abs(mrr) < MRR_DUST)  # 0.3 - (0.1 + 0.2): 0 but for binary rounding (H202's finding 07)
    if dust.any():
        mrr = np.where(dust, 0.0, mrr)
        old = typed["mrr"]
        typed["mrr"] = mrr if isinstance(old, np.ndarray) else type(old)(mrr, index=old.index, name=old.name)
    if (mrr < 0).any():
        raise bad_rows(source, names["mrr"], "negative MRR", np.flatnonzero(mrr < 0), _written(mrr, shown))


def _written(read: Any, shown: Any) -> Any:
    """The values to quote: ``shown`` (the file's values, or a function giving them), else the values ``read``."""
    return read if shown is None else shown() if callable(shown) else shown
