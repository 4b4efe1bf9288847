"""Ids that differ only in what Excel and the eye pass over: capitals, spaces, apostrophes, hyphens.

One customer typed or pasted two ways (``ACME GmbH`` and ``Acme GmbH``, ``Anna  Schmidt`` with two spaces,
``O'Neil`` and ``O’Neil`` from Word's autocorrect, ``Müller-Lang`` and ``Müller‐Lang`` with U+2010) was two
customers: a phantom loss and a new customer in the month the spelling changed (H36 finding 10: churned MRR 100,
CRR 0.5), silently. Excel's MATCH and COUNTIF take ``ACME GmbH`` and ``Acme GmbH`` as one. Which is meant cannot be
told (two companies may differ by a capital only in a system that tells them apart), so two such spellings of one
file's ids are refused, naming both and their rows. (Characters of no width and a no-break space inside an id are
folded silently: :func:`~.values.visible_text`.)

Asked of each distinct id (:func:`~._distinct.distinct`), by Arrow's kernels: ids in one case and without two spaces
or characters outside ASCII (most machine ids) cost an ASCII lower-casing and a comparison.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import numpy as np
import pandas as pd

from ._distinct import distinct
from .errors import ColumnValues, bad_rows

__all__ = ["folded", "lookalike_advice", "lookalike_problem", "lookalike_spellings", "refuse_lookalike_ids"]

_APOSTROPHES = "\u2019\u2018\u02bc\u00b4`\u2032"
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2212\u00ad\ufe63\uff0d"
_SPACES = re.compile(r"\s+")
#: A machine's id (no space; a digit or an underscore: Stripe's ``cus_AbC``, a base62 key): its capitals tell ids apart.
_MACHINE = re.compile(r"[^\s]*[0-9_][^\s]*")
_MACHINE_ASCII = r"^[^ \t\n\r\f\v\x1c-\x1f]*[0-9_][^ \t\n\r\f\v\x1c-\x1f]*$"  # the same, for ASCII text in Arrow


def folded(text: str) -> str:
    """``text`` as Excel's lookups compare it: any case (not a machine's id, :data:`_MACHINE`), one space for many,
    ``'`` for curly apostrophes, ``-`` for Unicode hyphens and dashes.

    >>> folded("O’Neil  Ltd"), folded("ACME GmbH"), folded("Müller\u2010Lang"), folded("cus_AbC")
    ("o'neil ltd", 'acme gmbh', 'müller-lang', 'cus_AbC')
    """
    text = unicodedata.normalize(
        "NFC", text.translate({ord(c): "'" for c in _APOSTROPHES} | {ord(c): "-" for c in _HYPHENS})
    )
    if not _MACHINE.fullmatch(text):  # a name's capitals: 'ACME GmbH' is 'Acme GmbH'
        text = text.casefold()
    return _SPACES.sub(" ", text)


def _may_collide(ids: pd.Series) -> bool:
    """Whether two distinct ids may fold alike: an id with an upper-case ASCII letter, two spaces running or a
    character outside ASCII (Arrow's kernels on the distinct ids); True for a column that is not Arrow text."""
    found = distinct(ids)
    if found is None:
        return True
    import pyarrow.compute as pc

    if pc.all(pc.string_is_ascii(found)).as_py() is False or pc.any(pc.match_substring(found, "  ")).as_py():
        return True
    # ASCII from here: a machine's id keeps its capitals (folded), so only the others' capitals can make twins (the
    # pattern is _MACHINE's, with Python's ASCII whitespace spelled out for Arrow's RE2)
    names = pc.filter(found, pc.invert(pc.match_substring_regex(found, _MACHINE_ASCII)))
    return len(names) > 0 and pc.all(pc.equal(pc.ascii_lower(names), names)).as_py() is False


def refuse_lookalike_ids(ids: pd.Series, series: pd.Series, source: str, column: str, what: str) -> None:
    """Refuse two distinct ids (``ids``: cleaned; ``series``: as written) that are one under :func:`folded`, naming
    both and their rows (``what``: "customer ids").

    >>> refuse_lookalike_ids(*(2 * [pd.Series(["ACME GmbH", "b", "Acme GmbH"])]), "o.csv", "Customer", "customer ids")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'Customer': customer ids that differ only in capitals, \
spaces, apostrophes or hyphens ('ACME GmbH' and 'Acme GmbH': one customer typed two ways, or two? Excel's MATCH and \
COUNTIF take them as one) in rows 2, 4 (counting the header as row 1): 'ACME GmbH', 'Acme GmbH': write each \
customer's id one way, or give two customers ids that differ otherwise
    """
    if pd.api.types.is_numeric_dtype(ids.dtype) or not _may_collide(ids):
        return
    spellings = lookalike_spellings(pd.unique(ids.dropna().to_numpy(dtype=object)))
    if spellings:
        rows = np.flatnonzero(ids.isin(spellings).to_numpy(dtype=bool))
        problem, advice = lookalike_problem(what, spellings), lookalike_advice(what)
        raise bad_rows(source, column, problem, rows, ColumnValues(series), advice=advice)


def lookalike_spellings(uniques: Any) -> list[Any]:
    """The first spellings of one id among ``uniques`` (distinct ids) that are one under :func:`folded`, [] for none
    (an e-mail's capitals are one address: the reading lowers them, only its other differences count). The rule of
    :func:`refuse_lookalike_ids`, asked of a database table's distinct ids too (:mod:`xl_retention.relational`).

    >>> lookalike_spellings(["ACME GmbH", "b", "Acme GmbH", "Ann@X.com", "ann@x.com"])
    ['ACME GmbH', 'Acme GmbH']
    """
    uniques = list(uniques)
    base = pd.Series([u.lower() if isinstance(u, str) and "@" in u else u for u in uniques], dtype=object)
    keys = pd.Series([folded(u) if isinstance(u, str) else u for u in uniques], dtype=object)
    spelled = pd.DataFrame({"key": keys, "base": base}).drop_duplicates()
    twins = spelled["key"].duplicated(keep=False)
    if not twins.any():
        return []
    first = spelled["key"][twins].iloc[0]
    return [u for u, k in zip(uniques, keys, strict=True) if k == first]


def lookalike_problem(what: str, spellings: list[Any]) -> str:
    """The refusal's words for ``spellings`` of one id (:func:`lookalike_spellings`; ``what``: "customer ids");
    :func:`lookalike_advice` says what to do, after the rows."""
    who = "visitor" if what.startswith("visitor") else "customer"
    both = " and ".join(map(repr, spellings[:3]))
    return (
        f"{what} that differ only in capitals, spaces, apostrophes or hyphens ({both}: one {who} typed two ways, or "
        f"two? Excel's MATCH and COUNTIF take them as one)"
    )


def lookalike_advice(what: str) -> str:
    """What to do about :func:`lookalike_problem`'s ids (``what``: "customer ids")."""
    who = "visitor" if what.startswith("visitor") else "customer"
    return f"write each {who}'s id one way, or give two {who}s ids that differ otherwise"
