"""Currencies: money columns are summed, so amounts in two currencies in one table are refused.

A money column (``mrr``, ``amount``) is read as numbers with its currency symbols and codes
dropped (:func:`~.values.parse_numbers`); before that, :func:`check_one_currency` reads which
currency each distinct value names: an ISO code before or after the number (``100 EUR``,
``USD 100``), else a symbol (``€`` is EUR, ``£`` GBP, ``₹`` INR, ...; ``$`` is a dollar of some
country: it goes with USD, or with another dollar code where a value of the column writes the two together,
``$100.00 CAD`` beside ``$5.00``, a shop's money-with-currency format; beside ``CA$120``, ``A$5`` or ``120 AUD``
alone, which dollar a bare ``$`` is cannot be told, and so for ``¥``, ``kr`` and ``Rs`` beside a code of theirs).
Values without either are of no stated currency and go with any. Two currencies in one column, or a currency column
(``currency``, ``currency_code``, Stripe's "Plan Currency", ...; :data:`CURRENCY_COLUMNS`, also after a Chargebee
prefix; or a name with a word that says currency, "Transaction Currency", "Währung", whose values are three-letter
codes: :func:`named_currency`; such names are told by :mod:`.currency_names`) with two values, are refused naming
the column, the currencies and a row of each, with the remedy: convert to one currency first, or import one currency
at a time (``--segment currency=EUR`` on the command line, ``segment='currency=EUR'`` in Python, the rows of one
currency for :mod:`xl_retention.tables`' functions: :func:`segment_said`). A table split by its currency column
(``--segment currency``) is allowed: each segment is summed in its own currency (a caller that does not split the
rows is refused: :mod:`xl_retention.tables._split`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

import numpy as np
import pandas as pd

from ._distinct import distinct, factorize
from .currency_names import (
    CURRENCY_COLUMNS,
    ISO_CODES,
    MAJOR_CODES,
    codes_column,
    converted_amounts,
    converted_hint,
    named_code,
    named_currency,
    one_currency_named,
    paired_currency,
)
from .errors import ColumnValues, DataError, bad_rows
from .segment_advice import segment_said, tables_call

__all__ = [
    "CURRENCY_COLUMNS",
    "ISO_CODES",
    "MAJOR_CODES",
    "check_currency_column",
    "check_customer_currencies",
    "check_one_currency",
    "codes_column",
    "converted_amounts",
    "converted_hint",
    "currency_of",
    "named_currency",
    "one_currency_named",
    "paired_currency",
    "segment_said",
    "segment_values",
    "stated_currency",
    "tables_call",
]

_SYMBOLS = {"€": "EUR", "£": "GBP", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₪": "ILS", "₫": "VND",
            "฿": "THB", "₴": "UAH", "₦": "NGN", "¥": "¥", "$": "$", "₱": "PHP", "₡": "CRC", "₲": "PYG", "₸": "KZT",
            "₼": "AZN", "₾": "GEL",
            # local symbols of several letters, as localised exports write them (Shopify in pt-BR: "R$ 1.234,56")
            "R$": "BRL", "US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD",
            "HK$": "HKD", "S$": "SGD", "SG$": "SGD", "MX$": "MXN", "zł": "PLN", "Kč": "CZK", "Ft": "HUF",
            "RM": "MYR", "Rp": "IDR", "Fr.": "CHF", "kr": "kr", "kr.": "kr", "Kr": "kr", "Kr.": "kr", "Rs": "Rs",
            "Rs.": "Rs",
            # as Excel's and shops' regional formats write them: ja-JP "￥1,234" and "1,234円", zh-CN "1,234元",
            # zh-TW "NT$1,200", en-ZA "R 1 200,00", tr-TR "1.200,00 TL"
            "￥": "¥", "円": "JPY", "元": "CNY", "NT$": "TWD", "R": "ZAR", "TL": "TRY"}  # fmt: skip
#: The symbols as a pattern, longest first (``R$`` before ``$``); letters only where no letter is next to them.
SYMBOL_PATTERN = "|".join(
    re.escape(s) if not s[0].isalpha() else rf"(?<![A-Za-z]){re.escape(s)}(?![A-Za-z])"
    for s in sorted(_SYMBOLS, key=len, reverse=True)
)
_CODE = re.compile(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")
_SYMBOL = re.compile(SYMBOL_PATTERN)
_DIGIT = re.compile(r"\d")
#: a character no plain number has (digits, separators, signs, brackets, spaces): a money text's code or symbol
_NOT_PLAIN = r"[^0-9.,+\-\s()']"


def currency_of(text: str) -> str | None:
    """The currency a money text names: its ISO code, else its symbol (``€`` -> ``EUR``), else None.

    >>> [currency_of(t) for t in ("€1.234,50", "100 usd", "USD 100", "$5", "C$ 5 CAD", "12.5", "R$ 5", "5 kr")]
    ['EUR', None, 'USD', '$', 'CAD', None, 'BRL', 'kr']
    """
    if not _DIGIT.search(text):
        return None
    codes = set(_CODE.findall(text))
    if len(codes) == 1:
        return codes.pop()
    if codes:
        return "/".join(sorted(codes))
    symbol = _SYMBOL.search(text)
    return _SYMBOLS[symbol.group()] if symbol else None


def _sign_with_code(text: str) -> tuple[str, str] | None:
    """The bare sign (``$``, ``¥``, ``kr``, ``Rs``) and the one ISO code a money text writes together (``$100.00 CAD``,
    ``CAD $100``, ``5 kr SEK``), else None.

    >>> _sign_with_code("$100.00 CAD"), _sign_with_code("CA$120"), _sign_with_code("120 AUD"), _sign_with_code("$5")
    (('$', 'CAD'), None, None, None)
    """
    codes = set(_CODE.findall(text))
    if len(codes) != 1:
        return None
    signs = {_SYMBOLS[m.group()] for m in _SYMBOL.finditer(text)} & set(_BARE_SIGNS)
    return (signs.pop(), codes.pop()) if len(signs) == 1 else None


#: Signs several currencies write bare, and the codes each may stand for.
_BARE_SIGNS = {"$": None, "¥": {"JPY", "CNY"}, "kr": {"SEK", "NOK", "DKK", "ISK"}, "Rs": {"INR", "PKR", "LKR", "NPR"}}


def _kin(sign: str, currencies: Sequence[str]) -> list[str]:
    """The codes of ``currencies`` a bare ``sign`` may stand for (``$``: the dollars, ``kr``: the kronor, ...).

    >>> _kin("$", ["$", "CAD", "EUR"]), _kin("kr", ["kr", "SEK"]), _kin("$", ["MXN"])
    (['CAD'], ['SEK'], ['MXN'])
    """
    kinds = _BARE_SIGNS[sign]
    if kinds is None:  # the dollars, and the pesos written with '$' (a Mexican shop's '$100.00' is MXN)
        return [c for c in currencies if len(c) == 3 and (c.endswith("D") or c in _PESOS)]
    return [c for c in currencies if c in kinds]


#: Currencies other than dollars whose sign is ``$``: the pesos of Mexico, Colombia, Chile, Argentina, Cuba, the
#: Dominican Republic and Uruguay, Nicaragua's cordoba (C$).
_PESOS = frozenset({"MXN", "COP", "CLP", "ARS", "CUP", "DOP", "UYU", "NIO"})


#: How to write each bare sign with its code, for the refusal.
_EXAMPLES = {"$": "'$100.00 USD'", "¥": "'¥500 JPY'", "kr": "'100 kr SEK'", "Rs": "'Rs 100 INR'"}


def _merged(
    found: dict[str, str], together: AbstractSet[tuple[str, str]] = frozenset(), stated: str | None = None
) -> list[str]:
    """The currencies of a column. A bare sign (``$``, ``¥``, ``kr``, ``Rs``) goes with the one code of its kind (a
    dollar, JPY or CNY, a krona or krone, a rupee) that a value of the column writes beside that sign (``together``:
    ``("$", "CAD")`` from ``$100.00 CAD``): the column then writes that currency both ways. A currency column's one
    code (``stated``: a Canadian shop's ``Currency`` CAD) says which one the bare sign is, when of its kind: ``$``
    is then CAD, and a value's ``120.00 USD`` a second currency. Beside another code never written with it
    (``120.00 USD``, ``120.00 AUD``) or a sign of its own (``CA$120``: CAD), the bare sign may be any of its kind (a
    Canadian shop's ``$`` beside its US sales, a US shop's beside its Canadian ones): two currencies.

    >>> _merged({"$": "$5", "USD": "5 USD"}), _merged({"$": "$5", "CAD": "CA$5"})
    (['$', 'USD'], ['$', 'CAD'])
    >>> _merged({"$": "$5", "CAD": "$5 CAD"}, {("$", "CAD")}), _merged({"kr": "5 kr", "SEK": "5 SEK"})
    (['CAD'], ['kr', 'SEK'])
    >>> _merged({"$": "$5", "USD": "5 USD"}, stated="CAD"), _merged({"$": "$5", "USD": "5 USD"}, stated="USD")
    (['CAD', 'USD'], ['USD'])
    """
    names = dict.fromkeys(found)
    for sign in _BARE_SIGNS:
        if sign not in names:
            continue
        if stated is not None and _kin(sign, [stated]):  # the file's currency column says which it is
            names = dict.fromkeys(stated if name == sign else name for name in names)
            continue
        codes = set(_kin(sign, list(names)))
        written = {code for s, code in together if s == sign}
        if len(codes) == 1 and codes <= written:
            del names[sign]
    return list(names)  # in order of first appearance


def check_one_currency(
    series: pd.Series,
    source: str,
    column: str,
    groups: pd.Series | None = None,
    stated: tuple[str, str] | None = None,
    twin: str = "",
) -> None:
    """Refuse a money column whose values name two currencies (see the module docstring). With ``groups`` (the
    values of the currency column the tables are split by, ``--segment currency``), each segment's amounts are
    checked on their own: ``$100`` and ``€100`` both in the rows of ``USD`` are still two currencies in one table,
    and a bare ``$`` in the rows of ``CAD`` is CAD. ``stated`` is the file's currency column and its one code
    (:func:`stated_currency`): a bare sign of its kind is that currency. ``twin``: the refusal's pointer to the
    file's amounts in one currency (:func:`~.base_amounts.base_twin_hint`: Magento's "Grand Total (Base)").

    >>> check_one_currency(pd.Series(["$100.00", "€100.00"]), "s.csv", "mrr")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv, column 'mrr': amounts in 2 currencies ($, EUR) ...
    """
    if pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(series.dtype):
        return
    if groups is not None:
        labels = groups.astype(object).where(groups.notna(), "").astype(str).str.strip().str.upper().to_numpy()
        for label in dict.fromkeys(labels):
            said = (str(groups.name), label) if re.fullmatch(r"[A-Z]{3}", label) else None
            where = f"; both in the rows of {groups.name} {label!r}"
            _check_one(series.where(labels == label), source, column, where, said)
        return
    _check_one(series, source, column, stated=stated, twin=twin)


def _check_one(
    series: pd.Series, source: str, column: str, where: str = "", stated: tuple[str, str] | None = None,
    twin: str = "",
) -> None:  # fmt: skip
    """:func:`check_one_currency` of one table's amounts; ``where`` says which rows they are, in the refusal."""
    texts = distinct(series)  # Arrow's unique (a CSV's column): no codes unless refused
    if texts is not None:  # only values with a character other than a plain number's can name a currency
        import pyarrow.compute as pc

        uniques = texts.filter(pc.match_substring_regex(texts, _NOT_PLAIN)).to_pylist()
    else:
        uniques = list(pd.unique(series))
    found: dict[str, str] = {}  # currency -> its first distinct value
    together: set[tuple[str, str]] = set()  # a bare sign and the code a value writes with it ('$100.00 CAD')
    for value in uniques:
        if isinstance(value, str):
            currency = currency_of(value)
            if currency is not None:
                found.setdefault(currency, value)
                pair = _sign_with_code(value) if len(currency) == 3 else None
                if pair is not None:
                    together.add(pair)
    code = stated[1] if stated is not None else None
    currencies = _merged(found, together, code)
    if len(currencies) > 1:
        signs = [sign for sign in _BARE_SIGNS if sign in found and code is not None and _kin(sign, [code])]
        shown = {**({code: found[signs[0]]} if signs and code else {}), **found}  # a bare '$' read as CAD: its row
        rows = [int(np.flatnonzero((series == shown[c]).to_numpy(dtype=bool, na_value=False))[0]) for c in currencies]
        problem = f"amounts in {len(currencies)} currencies ({', '.join(currencies)})"
        bare = [c for c in currencies if c in _BARE_SIGNS and _kin(c, currencies)]
        hint = ""
        if bare:  # '$100' beside 'CA$120' or '120 USD': which dollar '$' is, is not written
            hint = f"; a bare {bare[0]!r} does not say which currency: write its code ({_EXAMPLES[bare[0]]})"
        elif signs and stated is not None and not where:  # a Canadian shop's '$100.00' beside '120.00 USD'
            hint = f"; a bare {signs[0]!r} is read as {code}, the currency of column {stated[0]!r}"
        raise _refusal(source, column, problem, rows, series, hint=where + hint + twin)


def check_currency_column(df: pd.DataFrame, source: str, segment: str | None = None, money: str | None = None) -> None:
    """Refuse a table whose currency column (:data:`CURRENCY_COLUMNS`) holds two currencies, unless the
    tables are split by that column (``segment``, as ``--segment`` names it). With the money column ``money``
    that one currency column goes with by name (:func:`paired_currency`: "Converted Currency" for Stripe's
    "Converted Amount"), only that one is checked: the others are the currencies of amounts not used."""
    from .names import key, keys_of

    if money is not None and named_code(money) is not None:  # 'total_usd': the currency columns are the others'
        return
    from .other_currencies import others_currencies

    paired = paired_currency(list(df.columns), money)
    if not paired and one_currency_named(money):  # HubSpot's 'Amount in company currency': 'Currency' is the deal's
        return
    others = others_currencies(list(df.columns), money)  # Stripe's customer_facing_currency beside gross's currency
    for name in df.columns:
        if segment is not None and key(segment) == key(name) or str(name) in others:
            continue
        if not named_currency(name):  # a column of codes under another name ("ccy", "curr", "Währ.")
            if paired or not _text_column(df[name]) or not codes_column(_few(df[name])):
                continue
        if paired and str(name) not in paired:
            continue
        values = df[name]
        codes, uniques = factorize(values)
        spelled = [str(u).strip().upper() for u in uniques]
        if named_currency(name) and not keys_of(name) & set(CURRENCY_COLUMNS):
            if not all(re.fullmatch(r"[A-Z]{3}|", t) for t in spelled):
                continue  # a name that only mentions currency ("Currency Rate"), its values not codes
        first: dict[str, int] = {}
        for i, text in enumerate(spelled):
            if text:  # one currency spelled several ways ('EUR', '€', 'Euro', 'euros'; 'USD', 'US$'): its code
                first.setdefault(code_of(str(uniques[i]).strip()), i)
        if len(first) > 1:
            rows = [int(np.flatnonzero(codes == i)[0]) for i in first.values()]
            problem = f"{len(first)} currencies ({', '.join(first)})"
            hint = converted_hint(list(df.columns), money, lambda c: _codes(df[c]))  # Stripe's 'Converted Amount'
            if not str(name).strip():  # no header (under a merged 'Amount', a CSV's empty last name): by its place
                raise _refusal(source, _placed(list(df.columns), name), problem, rows, values, segment="", hint=hint)
            raise _refusal(source, str(name), problem, rows, values, segment=str(name), hint=hint)


def _placed(names: list[object], name: object) -> str:
    """A column without a name told by its place: the named column left of it, or its number.

    >>> _placed(["Order", "Amount", ""], ""), _placed(["", "Amount"], "")
    ('no name, right of Amount', 'no name, number 1')
    """
    position = [str(n) for n in names].index(str(name))
    left = next((str(n) for n in reversed(names[:position]) if str(n).strip()), None)
    return f"no name, right of {left}" if left else f"no name, number {position + 1}"


#: Currencies written as their names in a currency column (English, German, French, Spanish, Italian, Dutch).
_NAMES = {"EURO": "EUR", "EUROS": "EUR", "US DOLLAR": "USD", "US DOLLARS": "USD", "U.S. DOLLAR": "USD",
          "U.S. DOLLARS": "USD", "USDOLLAR": "USD", "DOLLAR US": "USD", "DOLLARS US": "USD", "DÓLAR": "USD",
          "POUND STERLING": "GBP", "POUNDS STERLING": "GBP", "STERLING": "GBP", "BRITISH POUND": "GBP",
          "BRITISH POUNDS": "GBP", "GB POUND": "GBP", "YEN": "JPY", "JAPANESE YEN": "JPY", "SWISS FRANC": "CHF",
          "SWISS FRANCS": "CHF", "FRANKEN": "CHF", "CANADIAN DOLLAR": "CAD", "CANADIAN DOLLARS": "CAD",
          "AUSTRALIAN DOLLAR": "AUD", "AUSTRALIAN DOLLARS": "AUD", "ZLOTY": "PLN", "ZŁOTY": "PLN", "REAL": "BRL",
          "REAIS": "BRL"}  # fmt: skip


_UPPER_SYMBOLS = {k.upper(): v for k, v in _SYMBOLS.items()}


def code_of(text: str) -> str:
    """The ISO code of a currency column's value: a code as it is (upper case), a symbol of one currency (``€``,
    ``US$``, ``R$``, ``zł``) or its name (``Euro``, ``euros``, "US Dollar") as its code, anything else (a bare ``$``
    or ``kr``, which several currencies write) as written, upper case.

    >>> [code_of(t) for t in ("EUR", "eur", "€", "Euro", "euros", "US$", "$", "zł", "ZŁ", "kr")]
    ['EUR', 'EUR', 'EUR', 'EUR', 'EUR', 'USD', '$', 'PLN', 'PLN', 'KR']
    """
    upper = text.upper()
    if re.fullmatch(r"[A-Z]{3}", upper):
        return upper
    symbol = _SYMBOLS.get(text, _UPPER_SYMBOLS.get(upper))
    if symbol is not None and re.fullmatch(r"[A-Z]{3}", symbol):
        return symbol
    return _NAMES.get(re.sub(r"\s+", " ", upper), upper)


def _text_column(values: pd.Series) -> bool:
    return not (pd.api.types.is_numeric_dtype(values.dtype) or pd.api.types.is_bool_dtype(values.dtype))


def _few(values: pd.Series) -> list[object]:
    """Up to 40 distinct values of a text column (more: no column of currency codes); none when its first 5,000 rows
    already hold more than 40, or a value that is no currency code (an id, a date, an amount: the column is then
    not read whole)."""
    head = {str(v).strip().upper() for v in pd.unique(values.iloc[:5000].to_numpy(dtype=object))
            if not (pd.api.types.is_scalar(v) and pd.isna(v)) and str(v).strip()}  # pd.NA: no bool  # fmt: skip
    if len(head) > 40 or not head <= ISO_CODES:
        return []
    found = distinct(values)
    uniques = found.to_pylist() if found is not None else pd.unique(values.to_numpy(dtype=object)).tolist()
    return uniques if len(uniques) <= 40 else []


def stated_currency(df: pd.DataFrame, money: str | None) -> tuple[str, str] | None:
    """The currency column that goes with the money column ``money`` (by name, :func:`paired_currency`; else the
    file's one currency column, :func:`named_currency`, of codes) and its one code, when it holds one (blanks left
    out): a Canadian shop's ``Currency`` CAD says its amounts' bare ``$`` is CAD. None otherwise.

    >>> frame = pd.DataFrame({"Total": ["$5", "$6"], "Currency": ["cad", "CAD "]})
    >>> stated_currency(frame, "Total"), stated_currency(frame.assign(Currency=["CAD", "USD"]), "Total")
    (('Currency', 'CAD'), None)
    """
    paired = paired_currency(list(df.columns), money)
    names = paired or [str(c) for c in df.columns if named_currency(c) and str(c) != str(money)]
    if len(names) != 1 or [str(c) for c in df.columns].count(names[0]) != 1:
        return None
    codes = _codes(df[names[0]])
    return (names[0], codes[0]) if len(codes) == 1 and re.fullmatch(r"[A-Z]{3}", codes[0]) else None


def segment_values(df: pd.DataFrame, segment: str | None) -> pd.Series | None:
    """The column of ``df`` that ``segment`` names (matched as column names are), None without one."""
    from .names import key

    found = [p for p, c in enumerate(df.columns) if segment is not None and key(c) == key(segment)]
    return df.iloc[:, found[0]] if len(found) == 1 else None


def check_customer_currencies(df: pd.DataFrame, source: str, segment: str | None, customer: str | None) -> None:
    """With the tables split by a currency column (``--segment currency``, ``currency=USD``), refuse a customer whose
    rows name two currencies, naming the customer, the currencies and a row of each: a customer counts in the segment
    of their first month, so their later amounts in another currency would be added to that segment's (x's EUR plan
    in the USD tables, 20 USD + 100 EUR summed as 120). Rows without a customer id (an order's later line items) or
    without a currency go with any.

    >>> frame = pd.DataFrame({"customer_id": ["x", "y", "x"], "currency": ["USD", "USD", "eur"]})
    >>> check_customer_currencies(frame, "o.csv", "currency", "customer_id")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'currency': customer 'x' has amounts in 2 currencies ...
    """
    from .names import key
    from .values import clean_ids, emails_in_lower_case

    if segment is None or customer is None or not named_currency(segment):
        return
    found = [str(c) for c in df.columns if key(c) == key(segment)]
    if len(found) != 1 or [str(c) for c in df.columns].count(customer) != 1:
        return
    written = df[found[0]].astype(object).where(df[found[0]].notna(), "").astype(str).str.strip()
    codes = written.map({w: code_of(w) if w else w for w in pd.unique(written)})  # 'EUR', '€', 'Euro': one currency
    ids = emails_in_lower_case(clean_ids(df[customer]))
    pairs = pd.DataFrame({"id": ids.to_numpy(dtype=object), "code": codes.to_numpy(dtype=object),
                          "at": np.arange(len(df))})  # fmt: skip
    pairs = pairs[pairs["id"].notna() & (pairs["code"] != "")]
    counts = pairs.groupby("id", sort=False)["code"].nunique()
    mixed = counts[counts > 1]
    if mixed.empty:
        return
    who = mixed.index[0]
    mine = pairs[pairs["id"] == who]
    first = mine.drop_duplicates("code")
    rows = first["at"].tolist()
    listing = ", ".join(first["code"])
    problem = f"customer {who!r} has amounts in {len(first)} currencies ({listing})" + (
        f" and {len(mixed) - 1} more customers have too" if len(mixed) > 1 else ""
    )
    error = bad_rows(source, found[0], problem, rows, ColumnValues(df[found[0]]))
    raise DataError(
        f"{error}; with {segment_said(segment)}, a customer counts in one segment, that of their first month, and all "
        "their amounts are added up in its tables: convert that customer's amounts to one currency, or give them an "
        "id of their own per currency",
        source=source,
        column=found[0],
        rows=error.rows,
        row_count=error.row_count,
    )


def _codes(values: pd.Series) -> list[str]:
    """The distinct currency codes of a column, upper case, blanks left out."""
    _, uniques = factorize(values)
    return sorted({str(u).strip().upper() for u in uniques} - {""})


def _refusal(source: str, column: str, problem: str, rows: Sequence[int], values: pd.Series,
             segment: str | None = None, hint: str = "") -> DataError:  # fmt: skip
    """The refusal naming the rows (a row of each currency), with ``hint`` and the remedy."""
    error = bad_rows(source, column, problem, rows, ColumnValues(values))
    if segment is None:
        how = "with a currency column: " + segment_said("currency=EUR")
    elif not segment.strip():  # a column without a name cannot be given to --segment (segment=)
        code = str(values.iloc[rows[-1]]).strip()
        how = "give the column a name in the header row, e.g. Currency, then: " + segment_said(f"Currency={code}")
    else:
        how = segment_said(f"{segment}={str(values.iloc[rows[-1]]).strip()}")  # pasted as it is
    remedy = f"; amounts are added up: convert them to one currency first, or import one currency at a time ({how})"
    return DataError(
        str(error) + hint + remedy, source=source, column=column, rows=error.rows, row_count=error.row_count
    )
