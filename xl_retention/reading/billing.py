"""Billing exports: an amount per billing interval to monthly recurring revenue.

Billing systems (Stripe, Chargebee, Paddle, ...) export a price per billing interval, not
MRR. With an ``interval`` column, a subscription's MRR is::

    MRR = amount x quantity / (months per interval x interval_count)

``quantity`` (seats) and ``interval_count`` (every 3 months, ...) default to 1. Months per
interval: month 1, quarter 3, half-year 6, year 12; a week is 7 / 30.4375 months and a
day 1 / 30.4375 months (30.4375 = 365.25 / 12 days, the average Gregorian month), so a
weekly 10 is 43.48 MRR and a yearly 1,200 is 100 MRR. Spellings: ``day daily days d``,
``week weekly weeks w``, ``fortnight fortnightly bi-weekly biweekly`` (two weeks), ``semi-monthly semimonthly``
``twice a month`` (half a month: 24 a year), ``month monthly months mo m``,
``quarter quarterly quarters q``,
``half-year half_year semiannual semi-annual``, ``year yearly annual annually years yr y``
(any case); a whole number of them (Zuora's "Two Years", "Eighteen Months", ``24 months``, ``every 3 months``)
or ``biennial``/``triennial`` (``zweijährlich``, ``dreijährlich``, ``bimestral``: :data:`_MULTI_YEAR_WORDS`).
Anything else (``Multi-Year``, "Subscription Term": how many months?) is refused
naming its rows and values, and so is a number times an interval or a number of an interval said as how often
(``12x monthly``, ``Annual x2``, ``12 monthly payments``: every 12 months, or monthly, 12 times?).

The billing columns go by other names in the exports of billing systems (:data:`BILLING_ALIASES`,
matched as column names are: any case, spaces, hyphens and underscores alike): Stripe's
"Plan Amount", "Plan Interval", "Plan Interval Count", "Quantity"; Chargebee's
``plan_unit_price``, ``billing_period_unit``, ``billing_period`` (the count), ``plan_quantity``;
Recurly's ``unit_amount``, ``plan_interval_unit``, ``plan_interval_length``; Paddle's
``billing_cycle.interval``, ``billing_cycle.frequency``; Shopify's "Billing interval",
"Billing interval count". Two columns that could be one of them are refused (never one picked).
A price column whose name says cents (``unit_amount_in_cents``) is divided by 100; a ``unit_amount``
is in cents in a file of Stripe's and in units in one of Recurly's (:func:`price_in_cents`).

Chargebee's exports prefix each column with its object (``subscriptions.customer_id``,
``subscriptions.plan_unit_price``, ``subscriptions.mrr``, ``customers.id``): such a column is matched
by the name after the prefix (:func:`bare_key`), as the bare name would be, and the object's own
``id`` is the object's id (``customers.id`` is ``customer_id``, taken only when no other column is
the customer id, and refused when it differs from the one that is). A prefixed ``plan_amount``
(Chargebee's unit price x quantity) is never the price of one unit.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows

__all__ = [
    "BILLING_ALIASES",
    "DAYS_PER_MONTH",
    "MONTHS_PER_INTERVAL",
    "OBJECT_PREFIXES",
    "bare_key",
    "interval_in_text",
    "interval_months",
    "months_per_interval",
    "monthly_amounts",
]

#: Other names of the billing columns (as :func:`~xl_retention.reading.key` spells them), by our name.
#: Chargebee's ``plan_amount`` is not here: it is unit price x quantity, not the price of one unit.
BILLING_ALIASES: dict[str, tuple[str, ...]] = {
    "amount": (
        "plan_amount",  # Stripe
        "plan_unit_price",  # Chargebee
        "unit_amount",  # Recurly, Stripe prices
        "unit_amount_in_cents",  # Recurly (v2): divided by 100
        "plan_amount_in_cents",
        "unit_price",
        "plan_price",
        "price",
        "recurring_price",  # Paddle Classic
        "billing_amount",
        "product_price_in_cents",  # Maxio (Chargify): its subscription's product.price_in_cents, divided by 100
    ),
    "interval": (
        "plan_interval",  # Stripe
        "billing_period_unit",  # Chargebee
        "plan_interval_unit",  # Recurly
        "interval_unit",
        "billing_interval",  # Shopify subscriptions
        "billing_cycle.interval",  # Paddle Billing
        "billing_cycle_interval",
        "recurring_interval",  # Stripe prices
        "charge_interval_unit_type",  # Recharge
        "order_interval_unit",  # Recharge
        "product_interval_unit",  # Maxio (Chargify): product.interval_unit, month or day
    ),
    "interval_count": (
        "plan_interval_count",  # Stripe
        "billing_period",  # Chargebee: the number of billing_period_unit per period
        "plan_interval_length",  # Recurly
        "interval_length",
        "billing_interval_count",  # Shopify subscriptions
        "billing_cycle.frequency",  # Paddle Billing
        "billing_cycle_frequency",
        "recurring_interval_count",  # Stripe prices
        "charge_interval_frequency",  # Recharge
        "product_interval",  # Maxio (Chargify): product.interval, the number of interval_unit per period
    ),
    "quantity": ("plan_quantity", "subscription_quantity", "seats", "qty"),  # Chargebee: plan_quantity
}

#: The objects whose name prefixes a column of a Chargebee export (``subscriptions.mrr``), as :func:`key` spells them.
OBJECT_PREFIXES: frozenset[str] = frozenset({
    "subscriptions", "subscription", "customers", "customer", "subscription_items", "subscription_item",
    "item_prices", "item_price", "plans", "plan", "addons", "addon", "invoices", "invoice", "line_items",
    "coupons", "credit_notes", "transactions", "orders", "contract_terms", "billing_address", "shipping_address",
})  # fmt: skip

#: Aliases a column with an object prefix is never taken as: Chargebee's ``plan_amount`` is unit price x quantity.
NOT_PREFIXED_ALIASES = frozenset({"plan_amount"})


def bare_key(name_key: str) -> str | None:
    """The name after a Chargebee object prefix of a column's key (:func:`key`), None without one; an object's
    ``id`` is ``OBJECT_id`` (singular).

    >>> bare_key("subscriptions.plan_unit_price"), bare_key("customers.id"), bare_key("billing_cycle.interval")
    ('plan_unit_price', 'customer_id', None)
    """
    prefix, dot, rest = name_key.partition(".")
    if not dot or not rest or prefix not in OBJECT_PREFIXES:
        return None
    if rest == "id":
        return (prefix[:-1] if prefix.endswith("s") else prefix) + "_id"
    return rest


def check_same_ids(df: pd.DataFrame, ours: str, named: int, own: int, source: str) -> None:
    """Refuse, naming the first rows, when an object's own id (column position ``own``: ``customers.id``) differs
    from the column that is that id by its name (position ``named``: ``subscriptions.customer_id``) in a row:
    which of the two is ``ours`` cannot be told. Ids compare as they are read (:func:`~.values.clean_ids`)."""
    from .values import clean_ids

    first, second = clean_ids(df.iloc[:, named]), clean_ids(df.iloc[:, own])
    differ = (first.fillna("\0").astype(str) != second.fillna("\0").astype(str)).to_numpy()
    if differ.any():
        column, other = str(df.columns[named]), str(df.columns[own])
        problem = f"ids that differ from {other!r} (which is the {ours} cannot be told: map one, --columns {ours}=NAME)"
        raise bad_rows(source, column, problem, np.flatnonzero(differ), df.iloc[:, named].to_numpy())


#: Price columns whose unit the name does not tell: Stripe's ``unit_amount`` is in cents, Recurly's (v3) in units.
CENTS_OR_UNITS = frozenset({"unit_amount"})


def price_in_cents(name: str, cents_by_name: bool, mapped: bool, stripe_ids: Any, source: str,
                   names: Any = ()) -> bool:  # fmt: skip
    """Whether the price column ``name`` holds cents: its name says so (``cents_by_name``), or it is ``unit_amount``
    in a file of Stripe's (customer ids ``cus_...``: ``stripe_ids()`` tells). A ``unit_amount`` the column map
    names (``mapped``), or in a file of Recurly's (its columns ``names`` include ``plan_interval_unit`` or
    ``account_code``), is in units. Otherwise a ``unit_amount`` is refused: which it is cannot be told."""
    from .columns import key

    if cents_by_name:
        return True
    recurly = {"plan_interval_unit", "plan_interval_length", "account_code"} & {key(n) for n in names}
    if mapped or recurly or (bare_key(key(name)) or key(name)) not in CENTS_OR_UNITS:
        return False
    if stripe_ids():
        return True
    raise DataError(
        f"{source}: {name!r} is the price in cents in Stripe's exports and in units in Recurly's, and the file does "
        f"not tell which (no Stripe customer ids, cus_...): map amount={name} if it is in units, or rename the "
        f"column {name}_in_cents if it is in cents",
        source=source,
        column=name,
    )


#: The average Gregorian month in days (365.25 / 12): weekly and daily prices become MRR with it.
DAYS_PER_MONTH = 365.25 / 12

#: Months in one billing interval, by canonical name.
MONTHS_PER_INTERVAL: dict[str, float] = {
    "day": 1 / DAYS_PER_MONTH,
    "week": 7 / DAYS_PER_MONTH,
    "month": 1.0,
    "quarter": 3.0,
    "half_year": 6.0,
    "year": 12.0,
}

_SPELLINGS = {
    "day": ("day", "daily", "days", "d", "täglich", "taeglich", "tag", "tage", "quotidien", "diario", "dia", "dias"),
    "week": ("week", "weekly", "weeks", "w", "wk", "wöchentlich", "woechentlich", "woche", "wochen", "hebdomadaire",
             "semaine", "semanal", "semana", "semanas", "wekelijks"),
    "month": ("month", "monthly", "months", "mo", "m", "mon", "monatlich", "monat", "monate", "monaten", "mensuel",
              "mensuelle", "mois", "mensual", "mes", "meses", "mensile", "mese", "mesi", "maandelijks", "maand",
              "maanden"),
    "quarter": ("quarter", "quarterly", "quarters", "q", "qtr", "vierteljährlich", "vierteljaehrlich", "quartal",
                "quartale", "quartalsweise", "trimestriel", "trimestrielle", "trimestre", "trimestral", "trimestrale",
                "kwartaal", "driemaandelijks"),
    "half_year": ("half_year", "halfyear", "half_yearly", "semiannual", "semi_annual", "semi_annually", "semiannually",
                  "halbjährlich", "halbjaehrlich", "halbjahr", "semestriel", "semestrielle", "semestre", "semestral",
                  "semestrale", "halfjaarlijks"),
    "year": ("year", "yearly", "annual", "annually", "years", "yr", "y", "a", "jährlich", "jaehrlich", "jahr", "jahre",
             "jahren", "annuel", "annuelle", "anual", "año", "años", "annuale", "anno", "anni", "jaarlijks", "jaar"),
}  # fmt: skip
_NAMES = {spelling: name for name, spellings in _SPELLINGS.items() for spelling in spellings}
#: Every two weeks (14 / 30.4375 months, two of a week's): "Fortnightly", "Bi-weekly" (as billing and payroll write
#: it: every two weeks, never twice a week), "zweiwöchentlich", "vierzehntägig", "tweewekelijks".
_FORTNIGHTS = frozenset({"fortnight", "fortnightly", "fortnights", "biweekly", "bi_weekly", "zweiwöchentlich",
                         "zweiwoechentlich", "vierzehntägig", "vierzehntaegig", "14_tägig", "14_taegig",
                         "tweewekelijks", "two_weekly"})  # fmt: skip
#: Twice a month (24 a year, half a month each: MRR = amount x 2): "Semi-monthly", "semimonthly", "twice a month",
#: "halbmonatlich", "bimensuel" (French: twice a month; "bimestriel" is every two months), "halfmaandelijks".
#: "Bimonthly" stays refused: twice a month or every two months?
_HALF_MONTHS = frozenset({"semi_monthly", "semimonthly", "twice_a_month", "twice_monthly", "twice_per_month",
                          "half_monthly", "halbmonatlich", "zweimal_monatlich", "zweimal_im_monat", "bimensuel",
                          "bimensuelle", "deux_fois_par_mois", "halfmaandelijks", "tweemaal_per_maand"})  # fmt: skip


#: Counts spelled as words in multi-year billing periods (Zuora's "Two Years", "Eighteen Months").
_COUNT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "eighteen": 18, "twenty_four": 24, "thirty_six": 36,
}  # fmt: skip
#: Words that are a number of months by themselves, each with one meaning: every two or three years (English
#: "biennial", German "zweijährlich", French "biennal", Spanish "bienal", Italian "biennale", Dutch "tweejaarlijks"),
#: every two months (Spanish and Portuguese "bimestral", French "bimestriel", Italian "bimestrale", German
#: "zweimonatlich", Dutch "tweemaandelijks"). Not "bimonthly", "bimensual", "bimensal" (twice a month or every two
#: months?), nor "biannual" (twice a year or every two years?).
_MULTI_YEAR_WORDS = {
    "biennial": 24.0, "biennially": 24.0, "triennial": 36.0, "triennially": 36.0,
    "zweijährlich": 24.0, "zweijaehrlich": 24.0, "zweijahrlich": 24.0, "alle_zwei_jahre": 24.0,
    "dreijährlich": 36.0, "dreijaehrlich": 36.0, "dreijahrlich": 36.0, "alle_drei_jahre": 36.0,
    "biennal": 24.0, "biennale": 24.0, "bienal": 24.0, "triennal": 36.0, "triennale": 36.0, "trienal": 36.0,
    "tweejaarlijks": 24.0, "driejaarlijks": 36.0,
    "bimestral": 2.0, "bimestriel": 2.0, "bimestrielle": 2.0, "bimestrale": 2.0, "zweimonatlich": 2.0,
    "zweimonatig": 2.0, "tweemaandelijks": 2.0, "dreimonatlich": 3.0, "sechsmonatlich": 6.0,
}  # fmt: skip
_UNIT = "|".join(sorted(map(re.escape, _NAMES), key=len, reverse=True))
_COUNT = "|".join([r"\d+", *sorted(_COUNT_WORDS, key=len, reverse=True)])
#: Interval words that say how often (``monthly``, ``annual``, ``jährlich``), not a length of time: a number before
#: one (``12 monthly``, ``12 monthly payments``) may be a count of payments, not of months.
_ADVERBS = frozenset(s for s in _NAMES if s.endswith(("ly", "lich", "al", "el", "elle", "ale", "ijks", "ile", "weise"))
                     and s not in ("quartal", "quartale", "kwartaal")) | {"hebdomadaire", "diario"}  # fmt: skip
_NOUN = "|".join(sorted((re.escape(u) for u in _NAMES if u not in _ADVERBS), key=len, reverse=True))
#: "2 years", "Two Years", "every 3 months", "18_months"; a number times an interval ("12x monthly", "Annual x2",
#: "Month x 3") is not read: every 12 months, 12 monthly payments, or 12 times a month?
_PHRASES = (
    re.compile(rf"^(?:every_|per_|each_)?(?P<count>{_COUNT})_?(?P<unit>{_NOUN})$"),  # HubSpot's "Per two years"
    re.compile(rf"^(?:every|per|each)_(?P<count>other)_(?P<unit>{_UNIT})$"),  # "Every other month": 2 months
    re.compile(rf"^(?:every|per|each)_(?P<count>)(?P<unit>{_UNIT})$"),  # "Per month", "Every year": one unit
    re.compile(rf"^(?P<unit>{_UNIT})_?[x×*]_?(?P<count>1)$"),  # "Monthly x1": once a month
    re.compile(rf"^(?P<count>1)_?[x×*]_?(?P<unit>{_UNIT})$"),
)

#: "6-monthly", "3-monthly", "two-weekly" (British and Australian English: every six months, every two weeks): the
#: hyphen joins the count to its "-ly" word, as "12 monthly payments" or "12x monthly" do not.
_HYPHENED = re.compile(rf"^\s*(?P<count>{_COUNT.replace('_', ' ')})-(?P<unit>weekly|monthly|yearly)\s*$")


#: An ISO 8601 duration of one unit: ``P1M``, ``P3M``, ``P1Y``, ``P1W``, ``P7D`` (no time part: ``PT1M`` is a minute).
_ISO_PERIOD = re.compile(r"^p(\d+)([ymwd])$")
_ISO_UNITS = {"y": "year", "m": "month", "w": "week", "d": "day"}


def _spelled(value: Any) -> str:
    """A billing interval as it is looked up: lower case, spaces and hyphens as underscores, no brackets."""
    text = re.sub(r"[()\[\]]", " ", str(value)).strip().lower()
    return re.sub(r"[\s\-]+", "_", text).strip("_")


def interval_months(value: Any) -> float | None:
    """Months in one billing interval spelled ``value``: a unit (``Monthly``, ``Annual``, ``semi-annual``), a whole
    number of units (Zuora's ``Two Years``, ``Eighteen_Months``, ``24 months``, ``every 3 months``;
    German, French, Spanish, Italian, Dutch: ``jährlich``, ``12 Monate``, ``mensuel``, ``anual``, ``maandelijks``)
    or ``biennial``/``triennial``; None when it does not say how many months
    (``Multi-Year``, ``Subscription Term``, ``Specific Months``, ``biannual``: twice a year or every two years?;
    ``12x monthly``, ``Annual x2``, ``12 monthly``: every 12 months or years, or 12 payments a month or a year
    apart?), blank or 0 units.

    >>> [interval_months(v) for v in ("Annual", "Two Years", "Eighteen_Months", "24 months", "Multi-Year", None)]
    [12.0, 24.0, 18.0, 24.0, None, None]
    >>> [interval_months(v) for v in ("12x monthly", "Annual x2", "2x Yearly", "12 monthly", "Monthly x1")]
    [None, None, None, None, 1.0]
    >>> [interval_months(v) for v in ("Per two years", "P1M", "P3M", "P1Y", "Every other month", "PT1M", "P0M")]
    [24.0, 1.0, 3.0, 12.0, 2.0, None, None]
    >>> [interval_months(v) for v in ("Per month", "every year", "per")]
    [1.0, 12.0, None]
    >>> [interval_months(v) for v in ("6-monthly", "3-Monthly", "six-monthly", "two-yearly", "0-monthly", "12 monthly")]
    [6.0, 3.0, 6.0, 24.0, None, None]
    >>> [round(interval_months(v) * DAYS_PER_MONTH, 6) for v in ("Fortnightly", "Bi-weekly", "every 2 weeks")]
    [14.0, 14.0, 14.0]
    >>> [interval_months(v) for v in ("Semi-monthly", "semimonthly", "Twice a month", "halbmonatlich", "Bimonthly")]
    [0.5, 0.5, 0.5, 0.5, None]
    >>> [interval_months(v) for v in ("zweijährlich", "Dreijährlich", "bimestral", "Bimestriel", "tweejaarlijks")]
    [24.0, 36.0, 2.0, 2.0, 24.0]
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    hyphened = _HYPHENED.match(str(value).lower())
    if hyphened:  # '6-monthly': every 6 months
        count = hyphened["count"]
        number = int(count) if count.isdigit() else _COUNT_WORDS[count.replace(" ", "_")]
        return MONTHS_PER_INTERVAL[_NAMES[hyphened["unit"]]] * number if number > 0 else None
    k = _spelled(value)
    if k in _NAMES:
        return MONTHS_PER_INTERVAL[_NAMES[k]]
    if k in _FORTNIGHTS:  # 'Fortnightly', 'Bi-weekly': every two weeks
        return 2 * MONTHS_PER_INTERVAL["week"]
    if k in _HALF_MONTHS:  # 'Semi-monthly', 'twice a month': half a month
        return MONTHS_PER_INTERVAL["month"] / 2
    if k in _MULTI_YEAR_WORDS:
        return _MULTI_YEAR_WORDS[k]
    iso = _ISO_PERIOD.match(k)  # ISO 8601 (Google Play's, the App Store Server API's): P1M, P3M, P1Y, P1W
    if iso:
        number = int(iso[1])
        return MONTHS_PER_INTERVAL[_ISO_UNITS[iso[2]]] * number if number > 0 else None
    for phrase in _PHRASES:
        found = phrase.match(k)
        if found:
            count = found["count"]
            number = int(count) if count.isdigit() else {"other": 2, "": 1}.get(count) or _COUNT_WORDS[count]
            return MONTHS_PER_INTERVAL[_NAMES[found["unit"]]] * number if number > 0 else None
    return None


#: Words beside an interval word that change or blur it: the plan's name then says no one interval.
_VAGUE = frozenset({"multi", "specific", "custom", "several", "semi", "half", "every", "bi", "tri", "twice", "x"})


#: Interval words other than the ones :data:`_SPELLINGS` knows, as they are written in plan names: per annum, CJK
#: (年間プラン, 年額, 包年, 月額), read as the English word before the words are split.
_IN_NAMES = (
    (re.compile(r"\bp\.\s?a\.?(?![a-z])|\bper\s+annum\b|\bpro\s+jahr\b|\bpar\s+an\b"), " yearly "),
    (re.compile(r"年間|年額|年払|年付|包年|年费|年費|年度|年契約|年プラン"), " yearly "),
    (re.compile(r"月額|月払|月間|月付|包月|月费|月費|月プラン"), " monthly "),
    (re.compile(r"四半期|季付|季度"), " quarterly "),
    (re.compile(r"\bbi[\s_-]?weekly\b|\bzwei[\s_-]?w(?:ö|oe)chentlich\b"), " fortnightly "),  # 'Pro Bi-weekly'
    (re.compile(r"\bsemi[\s_-]?monthly\b|\btwice[\s_-](?:a|per)[\s_-]month\b"), " semimonthly "),  # 'Pro Semi-monthly'
)
#: German and Dutch compounds a plan's name starts with an interval in: Jahresabo, Jahreslizenz, Monatsabo.
_PREFIXES = (("halbjahres", 6.0), ("jahres", 12.0), ("monats", 1.0), ("quartals", 3.0), ("jaar", 12.0),
             ("maand", 1.0))  # fmt: skip
#: A number of units in a plan's name: '12 months', '1 Jahr', '3 Monate', '12-month', '24M', '12mo'.
#: Units of one or two letters only written next to the number (``24M``, not ``Pro 5 a``).
_LONG_UNIT = "|".join(sorted((re.escape(u) for u in _NAMES if len(u) > 2), key=len, reverse=True))
_SHORT_UNIT = "|".join(sorted((re.escape(u) for u in _NAMES if len(u) <= 2), key=len, reverse=True))
_COUNTED = re.compile(rf"(?<![0-9a-zà-ÿß])(\d+)(?:[\s_-]*({_LONG_UNIT})|({_SHORT_UNIT}))(?![0-9a-zà-ÿß])")


def _word_months(word: str) -> float | None:
    if len(word) >= 4 and word in _NAMES:
        return MONTHS_PER_INTERVAL[_NAMES[word]]
    if word in _FORTNIGHTS:
        return 2 * MONTHS_PER_INTERVAL["week"]
    if word in _HALF_MONTHS:
        return MONTHS_PER_INTERVAL["month"] / 2
    if word in _MULTI_YEAR_WORDS:
        return _MULTI_YEAR_WORDS[word]
    for prefix, months in _PREFIXES:  # 'jahresabo', not 'jahres' alone (a word of _NAMES or nothing)
        if word.startswith(prefix) and len(word) > len(prefix) + 1 and word not in _NAMES:
            return months
    return None


def interval_in_text(value: Any) -> float | None:
    """Months of the one billing interval a text names (a plan's name: ``Pro (billed annually)``, ``pro_yearly``,
    ``price_pro_annual``, ``Pro Jahresabo``, ``Pro p.a.``, ``Pro 年間プラン``, ``Pro - 12 months``, ``Pro 3 Monate``),
    None when it names none or two.

    >>> [interval_in_text(v) for v in ("Pro (billed annually)", "pro_yearly", "Pro Monthly", "Pro", "year or month")]
    [12.0, 12.0, 1.0, None, None]
    >>> [interval_in_text(v) for v in ("Multi-Year", "Specific Months", "Semi Annual", "Pro 5 users")]
    [None, None, None, None]
    >>> [interval_in_text(v) for v in ("Pro - 12 months", "Pro 1 Jahr", "Pro 3 Monate", "Pro Jahresabo", "Pro p.a.")]
    [12.0, 12.0, 3.0, 12.0, 12.0]
    >>> [interval_in_text(v) for v in ("Pro 年間プラン", "Pro 24M", "Pro 1 year 12 months", "Pro Monatsabo")]
    [12.0, 24.0, None, 1.0]
    >>> [interval_in_text(v) for v in ("12 monthly payments", "Pro 3-monthly", "12x monthly")]
    [None, None, None]
    >>> [round(interval_in_text(v) * DAYS_PER_MONTH, 6) for v in ("Pro Fortnightly", "Pro (Bi-weekly)")]
    [14.0, 14.0]
    >>> [interval_in_text(v) for v in ("Pro Semi-monthly", "Pro (twice a month)", "Pro semi annual")]
    [0.5, 0.5, None]
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).lower()
    for pattern, word in _IN_NAMES:
        text = pattern.sub(word, text)
    counted = [(int(n), long or short) for n, long, short in _COUNTED.findall(text)]
    if any(unit in _ADVERBS for _, unit in counted):
        return None  # '12 monthly payments', '3-monthly': 12 payments a month apart, or every 3 months?
    text = _COUNTED.sub(" ", text)
    words = re.split(r"[^0-9a-zà-ÿß]+", text)
    if any(w in _VAGUE or w in _COUNT_WORDS or any(c.isdigit() for c in w) for w in words):
        return None  # 'Multi-Year', 'Specific Months', 'Semi Annual', 'Pro 5 users', 'billed every 3 months': not read
    found = {MONTHS_PER_INTERVAL[_NAMES[u]] * n for n, u in counted if n > 0}
    found |= {m for m in map(_word_months, words) if m is not None}
    if len(counted) > 1 or any(n == 0 for n, _ in counted):
        return None
    return found.pop() if len(found) == 1 else None


#: The refusal of a billing interval :func:`interval_months` cannot read.
UNREAD_INTERVALS = (
    "billing intervals that are not day, week, month, quarter, half-year or year, or a whole number of them "
    "('Two Years', '18 months', 'every 3 months': a value such as 'Multi-Year' does not say how many months, "
    "nor does '12x monthly', every 12 months or 12 monthly payments?)"
)
#: What to do about :data:`UNREAD_INTERVALS`, after its rows and values.
UNREAD_INTERVALS_ADVICE = "map interval to a column that says how many months each interval is"


def months_per_interval(series: pd.Series, source: str, column: str) -> np.ndarray:
    """Months in each row's billing interval (float64, :func:`interval_months`); unknown or blank intervals raise
    ``DataError`` naming the rows and values.

    >>> months_per_interval(pd.Series(["Monthly", "year", "annual", "Two Years"]), "subs.csv", "interval").tolist()
    [1.0, 12.0, 12.0, 24.0]
    """
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    found = [interval_months(u) or interval_in_text(u) for u in np.asarray(uniques, dtype=object)]  # 'Pro Annual'
    months = np.array([np.nan if m is None else m for m in found] + [np.nan], dtype=np.float64)
    per_row = months[codes]
    if np.isnan(per_row).any():
        unread = np.flatnonzero(np.isnan(per_row))
        raise bad_rows(source, column, UNREAD_INTERVALS, unread, series.to_numpy(), advice=UNREAD_INTERVALS_ADVICE)
    return per_row


def monthly_amounts(
    amount: np.ndarray,
    months: np.ndarray,
    quantity: np.ndarray | None = None,
    interval_count: np.ndarray | None = None,
) -> np.ndarray:
    """MRR = amount x quantity / (months x interval_count), element by element (see the module docstring).

    >>> monthly_amounts(np.array([1200.0, 100.0, 50.0]), np.array([12.0, 1.0, 1.0]), np.array([1.0, 1.0, 3.0])).tolist()
    [100.0, 100.0, 150.0]
    """
    per_month = amount / months
    if interval_count is not None:
        per_month = per_month / interval_count
    if quantity is not None:
        per_month = per_month * quantity
    return per_month
