"""A thousands separator told by the currency's minor units: ``¥1,000``, ``1,000円``, ``₩1,000`` and ``₫10,000`` are
a thousand (ten thousand) whatever the file's decimal mark.

``1,000`` alone is one thousand or one and three thousandths (:func:`~.values.parse_numbers` refuses it, asking for
``--decimal``). In a currency without a minor unit (the yen, the won, the dong, the Icelandic krona, the Chilean
peso: ISO 4217's minor units as the CLDR data of :mod:`babel` give them) an amount has no decimals, so a mark followed
by three digits can only group thousands. The currency is the one the text writes (its ISO code, ``1,000 JPY``, or
its symbol, ``₩``, ``円``), else the file's currency column's one code (``1,000`` beside ``Currency`` ``JPY``). A sign
that several currencies write (``¥``: JPY or CNY; ``kr``: SEK, NOK, DKK or ISK; ``$``) is the column's code where
that is one it writes (``$15.000`` beside ``CLP``); else it decides when one of them has no
minor unit and none has three decimals (the reading as decimals would give more than any of them has). A currency
with minor units (``$1,000``: USD; KWD's three) tells nothing: the column, or ``--decimal``, must.
"""

from __future__ import annotations

import re

from .currency import _BARE_SIGNS, currency_of

__all__ = ["groups_thousands"]

#: The ISO codes of the currencies written with a bare ``$`` (dollars, pesos): a file's currency column of one of
#: them says which its texts' ``$`` is.
_DOLLAR_SIGN = frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN", "CLP", "COP", "ARS", "UYU", "CUP",
                          "DOP", "BSD", "BBD", "BZD", "BMD", "BND", "FJD", "GYD", "JMD", "KYD", "LRD", "NAD", "SBD",
                          "SRD", "TTD", "XCD"})  # fmt: skip
_MARK = re.compile(r"^[1-9]\d{0,2}(?:([.,])\d{3})(?:\1\d{3})*$")  # 1,000 or 10.000.000: one mark, groups of three


def _digits(code: str) -> int | None:
    """The minor units of the ISO currency ``code`` (JPY 0, USD 2, KWD 3); None for no currency code."""
    from babel.numbers import get_currency_precision

    from .currency import ISO_CODES

    return get_currency_precision(code) if code in ISO_CODES else None


def groups_thousands(text: str, body: str, stated: str | None = None) -> bool:
    """Whether the marks of ``body`` (the digits and marks of the money text ``text``: ``1,000``) group thousands
    because its currency has no minor unit (see the module docstring); ``stated``: the file's currency code.

    >>> [groups_thousands(t, "1,000") for t in ("¥1,000", "1,000円", "₩1,000", "1,000 JPY", "$1,000", "1,000")]
    [True, True, True, True, False, False]
    >>> groups_thousands("1,000", "1,000", "JPY"), groups_thousands("12.500", "12.500", "KWD")
    (True, False)
    >>> groups_thousands("¥0,125", "0,125"), groups_thousands("1,000 USD", "1,000", "JPY")
    (False, False)
    >>> groups_thousands("$15.000", "15.000", "CLP"), groups_thousands("$15.000", "15.000", "USD")
    (True, False)
    >>> groups_thousands("¥1,000", "1,000", "JPY"), groups_thousands("kr 1.000", "1.000", "SEK")
    (True, False)
    """
    if not _MARK.match(body):
        return False
    found = currency_of(text) or stated
    if found in _BARE_SIGNS and stated in (_BARE_SIGNS[found] or _DOLLAR_SIGN):
        found = stated  # '$15.000' beside Currency CLP: the column says which peso or dollar the bare '$' is
    if found is None:
        return False
    kinds = _BARE_SIGNS.get(found)
    codes = sorted(kinds) if isinstance(kinds, (set, frozenset)) else [found]
    digits = [d for code in codes if (d := _digits(code)) is not None]
    if len(digits) != len(codes):  # '$' (which dollar?), two codes, a sign of no ISO code
        return False
    return min(digits) == 0 and max(digits) < 3
