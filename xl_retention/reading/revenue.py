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

Amounts in the currency's smallest unit as the billing APIs write them (:func:`.smallest_units.minor_unit_divisors`,
the currency divisors) are read in :mod:`.smallest_units`.
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
    "in_units",
    "per_month",
    "says_cents",
    "says_unit",
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


#: A money column's scale said in its name (a finance report's or a board pack's): thousands ("MRR (k$)", "($K)",
#: "(000s)", "in thousands", German reports' "TEUR" and "Tsd. EUR") or millions ("ARR ($M)", "Mio.", "mn", "bn").
_SCALES = (
    ("thousands", 1_000, r"k|k\$|\$k|k€|€k|k£|£k|000s?|'000s?|thousands?|tausend|milliers|teur|tusd|tchf|tsd|t€"),
    ("millions", 1_000_000, r"m\$|\$m|m€|€m|m£|£m|mio|mill|millions?|millionen|mn|meur|musd"),
    ("billions", 1_000_000_000, r"bn|b\$|\$b|mrd|billions?|milliarden"),
)
_SCALE_AT = r"(?:^|(?<=[\s(\[_/-]))(?:{})(?:$|(?=[\s)\]_/.,-]))"


def said_scale(name: Any) -> tuple[str, int] | None:
    """The scale a money column's name says its amounts are in ("thousands", 1000), or None: an amount so written is
    no currency unit, and read as one it is a thousand (a million) times too small (H569's finding 04: "MRR (k$)" of
    1.2 was MRR 1.2, not 1,200).

    >>> [said_scale(n) for n in ("MRR (k$)", "MRR (000s)", "Umsatz (TEUR)", "ARR ($M)", "MRR", "Kosten", "mrr_k")]
    [('thousands', 1000), ('thousands', 1000), ('thousands', 1000), ('millions', 1000000), None, None, ('thousands', \
1000)]
    """
    text = str(name).lower()
    for scale, factor, words in _SCALES:
        if re.search(_SCALE_AT.format(words), text):
            return scale, factor
    return None


def refuse_scaled(name: Any, source: str, taken_as: str) -> None:
    """Refuses a money column whose name says its amounts are in thousands or millions (:func:`said_scale`),
    naming it: read as currency units they would be silently a thousand times too small."""
    said = said_scale(name)
    if said is None:
        return
    scale, factor = said
    raise DataError(
        f"{source}: {str(name)!r} (taken as {taken_as}) says its amounts are in {scale}: read as currency units they "
        f"would be {factor:,} times too small; give the amounts in currency units (the column times {factor:,}) "
        "and map that column",
        source=source,
        column=str(name),
    )


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


def in_units(values: np.ndarray, name: Any, divisors: Any = 100.0) -> np.ndarray:
    """``values`` of the column ``name`` in currency units: divided by ``divisors`` (100, or each row's currency's
    smallest unit: :func:`.smallest_units.currency_divisors`, 1 for JPY, as Recurly's ``*_in_cents`` of yen are
    yen; or a function giving them, called only then) when the name says cents.

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
    refuse_scaled(name, source, "mrr")  # 'MRR (k$)': 1.2 is 1,200
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
