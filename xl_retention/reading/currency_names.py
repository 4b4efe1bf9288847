"""Currency columns and amounts told by their names: which column holds currencies (:data:`CURRENCY_COLUMNS`,
:func:`named_currency`, a column of codes whatever its name: :func:`codes_column`), which currency column goes with
a money column (:func:`paired_currency`: Stripe's "Converted Currency" with "Converted Amount"), a money column in the
company's one currency (:func:`one_currency_named`) or whose name states its currency (:func:`named_code`:
``total_usd``), and the amounts in one currency beside amounts in several (:func:`converted_amounts`). The refusals
of two currencies that use them are :mod:`.currency`'s, which re-exports these names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pandas as pd

__all__ = [
    "CURRENCY_COLUMNS",
    "ISO_CODES",
    "MAJOR_CODES",
    "codes_column",
    "converted_amounts",
    "converted_hint",
    "named_code",
    "named_currency",
    "one_currency_named",
    "paired_currency",
]

#: Names of a currency column (as :func:`~xl_retention.reading.key` spells them).
CURRENCY_COLUMNS: tuple[str, ...] = (
    "currency",
    "currency_code",
    "currency_iso",
    "plan_currency",  # Stripe
    "subscription_currency",
    "billing_currency",
    "presentment_currency",  # Shopify
    "order_currency",
    "price_currency",
    "converted_currency",  # Stripe: the currency of "Converted Amount"
    "settlement_currency",
)


def paired_currency(names: Sequence[object], money: str | None) -> list[str]:
    """The currency columns of ``names`` that go with the money column ``money``, by their names: Stripe's
    "Converted Currency" with "Converted Amount", "Currency" with "Amount", Braintree's "Settlement Currency ISO Code"
    with "Settlement Amount" (the words before ``amount`` and before ``currency`` alike; after ``currency``, ``code``,
    ``iso`` or ``iso code`` only); a money column named without ``amount``, by one of its words before ``currency``
    (App Store Connect's "Proceeds Currency" with "Developer Proceeds", "Customer Currency" with "Customer Price");
    empty when none does.

    >>> names = ["Amount", "Currency", "Converted Amount", "Converted Currency"]
    >>> paired_currency(names, "Converted Amount"), paired_currency(names, "Amount"), paired_currency(names, "Total")
    (['Converted Currency'], ['Currency'], [])
    >>> paired_currency(["Currency ISO Code", "Settlement Currency ISO Code"], "Settlement Amount")
    ['Settlement Currency ISO Code']
    >>> paired_currency(["Buyer Currency", "Merchant Currency"], "Amount (Merchant Currency)")  # Google Play's
    ['Merchant Currency']
    >>> paired_currency(["Customer Currency", "Proceeds Currency"], "Developer Proceeds")  # App Store Connect's
    ['Proceeds Currency']

    A column named as the money column and "Currency" goes with it (Salesforce's "Amount (converted) Currency" with
    "Amount (converted)", "Amount Currency" with "Amount"); a money column named as in the company's currency
    (:func:`one_currency_named`: HubSpot's "Amount in company currency") has none:

    >>> names = ["Amount Currency", "Amount", "Amount (converted) Currency", "Amount (converted)"]
    >>> paired_currency(names, "Amount (converted)"), paired_currency(names, "Amount")
    (['Amount (converted) Currency'], ['Amount Currency'])
    >>> paired_currency(["Amount", "Currency", "Amount in company currency"], "Amount in company currency")
    []
    """
    from .names import key

    named = re.search(r"\(([^()]*currency[^()]*)\)", str(money or ""), re.IGNORECASE)  # 'Amount (Merchant Currency)'
    if named and (found := [str(n) for n in names if key(n) == key(named.group(1))]):
        return found
    if money is None:
        return []
    own = {f"{key(money)}_currency{s}" for s in _CODE_SUFFIXES}  # Salesforce's "Amount (converted) Currency"
    if found := [str(n) for n in names if key(n) in own]:
        return found
    if one_currency_named(money):  # HubSpot's "Amount in company currency": the deal's 'Currency' is another's
        return []
    if "amount" not in key(money):  # App Store's "Developer Proceeds" with "Proceeds Currency": a word of it
        spelled = {f"{w}_currency{s}" for w in re.split(r"[_.()\s]+", key(money)) if w for s in _CODE_SUFFIXES}
        return [str(n) for n in names if key(n) in spelled]
    prefix = key(money).split("amount")[0] + "currency"
    return [str(n) for n in names if key(n) in {prefix + s for s in _CODE_SUFFIXES}]


#: Words before "currency" in a money column's name that say the one currency of the account, not each row's:
#: HubSpot's "Amount in company currency", "Amount (Home Currency)", "Total in reporting currency".
_ONE_CURRENCY = re.compile(
    r"(?:^|_)(?:company|account|home|base|reporting|corporate|functional|organi[sz]ation)_currency(?:_|$)"
)


def one_currency_named(money: object) -> bool:
    """Whether the money column's name says its amounts are in the one currency of the company or account
    (:data:`_ONE_CURRENCY`): a currency column beside it holds the currencies of other amounts (HubSpot's deal
    'Currency', of its 'Amount').

    >>> [one_currency_named(n) for n in ("Amount in company currency", "Amount (Home Currency)", "Amount", "Currency")]
    [True, True, False, False]
    """
    from .names import key

    return bool(_ONE_CURRENCY.search(key(str(money)).replace("(", "").replace(")", "")))


#: What may follow ``currency`` in the name of an amount's currency column: "Currency", "Currency Code",
#: "Currency ISO Code" (Braintree), ``currency_iso``.
_CODE_SUFFIXES = ("", "_code", "_iso_code", "_iso")


def converted_amounts(
    names: Sequence[object], money: str | None, codes_of: Callable[[str], list[str]]
) -> list[tuple[str, str, str]]:
    """The other amount columns of ``names`` whose own currency column holds one currency: Stripe's "Converted
    Amount" (in the account's currency, "Converted Currency") beside "Amount" (each charge's), a processor's
    "Settlement Amount" ("Settlement Currency"). Each as (amount column, its currency column, the code);
    ``codes_of(name)`` gives a column's distinct codes (upper case, blanks left out).

    >>> names = ["Amount", "Currency", "Converted Amount", "Converted Amount Refunded", "Converted Currency"]
    >>> codes = {"Currency": ["EUR", "USD"], "Converted Currency": ["USD"]}
    >>> converted_amounts(names, "Amount", codes.__getitem__)
    [('Converted Amount', 'Converted Currency', 'USD')]
    """
    from .names import key

    found = []
    for name in map(str, names):
        own = {f"{key(name)}_currency{s}" for s in _CODE_SUFFIXES}  # Salesforce's 'Amount (converted) Currency'
        if str(money) == name or not (key(name).endswith("amount") or any(key(n) in own for n in names)):
            continue
        paired = paired_currency(names, name)
        if len(paired) == 1 and paired != paired_currency(names, money):
            codes = codes_of(paired[0])
            if len(codes) == 1:
                found.append((name, paired[0], codes[0]))
    return found


def converted_hint(names: Sequence[object], money: str | None, codes_of: Callable[[str], list[str]]) -> str:
    """The refusal's pointer to an amount column in one currency (:func:`converted_amounts`; or one whose name says
    it, Lemon Squeezy's ``total_usd`` beside ``total``: :func:`named_code`), or ""."""
    from .names import columns_option, key

    found = [(name, repr(currency), code) for name, currency, code in converted_amounts(names, money, codes_of)]
    if not found and money is not None:  # the same name with a code: 'total_usd' beside 'total'
        found = [(str(n), "its name", code) for n in names if (code := named_code(n)) is not None
                 and re.sub(rf"(?:^|_){code.lower()}(?:_|$)", "_", key(n)).strip("_") == key(money)]  # fmt: skip
    if not found:
        return ""
    name, by, code = found[0]
    return f"; {name!r} holds the amounts in one currency ({code}, by {by}): import it with " + columns_option(
        [("amount", name)]
    )


def named_code(name: object) -> str | None:
    """The currency a money column's name states, a major one's code as a word of it: Lemon Squeezy's ``total_usd``,
    "Amount (EUR)", "USD Total"; None when it states none (or two).

    >>> [named_code(n) for n in ("total_usd", "Amount (EUR)", "USD Total", "total", "usd_to_eur")]
    ['USD', 'EUR', 'USD', None, None]
    """
    from .names import key

    codes = {w.upper() for w in re.split(r"[_.()\s]+", key(name))} & MAJOR_CODES
    return codes.pop() if len(codes) == 1 else None


#: ISO 4217 codes of the currencies in use.
ISO_CODES = frozenset("""
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLF
CLP CNH CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL
HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL
MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD
RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX
USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
""".split())  # fmt: skip
#: The currencies most trade is in: a column of codes holds one of them, where a column of plan or region codes that
#: happen to be currency codes too ("ALL", "TOP") does not.
MAJOR_CODES = frozenset(
    "USD EUR GBP JPY CHF CAD AUD NZD CNY HKD SGD INR BRL MXN SEK NOK DKK PLN CZK HUF ZAR KRW TRY RUB AED ILS".split()
)


def codes_column(values: Sequence[object]) -> bool:
    """Whether the distinct ``values`` of a column (blanks left out) are currency codes, two or more, one of them a
    major currency's: a currency column whatever its name ("ccy", "curr", "Cur.", "denomination", "unit").

    >>> codes_column(["EUR", "jpy ", ""]), codes_column(["EUR"]), codes_column(["ALL", "TOP"])
    (True, False, False)
    >>> codes_column(["EUR", "USD", "x"])
    False
    """
    codes = {str(v).strip().upper() for v in values
             if not (pd.api.types.is_scalar(v) and pd.isna(v)) and str(v).strip()}  # pd.NA: no bool  # fmt: skip
    return len(codes) > 1 and codes <= ISO_CODES and bool(codes & MAJOR_CODES)


#: Words that make a column's name say currency (as :func:`~xl_retention.reading.key` spells them): English, German,
#: French, Spanish, Italian, Portuguese, Polish. Such a column is a currency column when its values are codes.
_CURRENCY_WORDS = frozenset(
    {"currency", "währung", "wahrung", "devise", "moneda", "valuta", "divisa", "moeda", "waluta"}
)


def named_currency(name: object) -> bool:
    """Whether a column's name says it holds currencies: one of :data:`CURRENCY_COLUMNS` (also after a Chargebee
    prefix: ``subscriptions.currency_code``), or a word of it says currency ("Transaction Currency",
    ``Account.Currency``, "Currency (ISO)", "Währung").

    >>> [named_currency(n) for n in ("subscriptions.currency_code", "Account.Currency", "Währung", "Plan", "cur")]
    [True, True, True, False, False]
    """
    from .names import key, keys_of

    if keys_of(name) & set(CURRENCY_COLUMNS):
        return True
    return bool(set(re.split(r"[_.()\s]+", key(name))) & _CURRENCY_WORDS)
