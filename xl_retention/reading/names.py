"""Column names as they are matched (:func:`key`, :func:`keys_of`) and the ``--columns`` option that maps them."""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping, Sequence, Set
from typing import Any

from .billing import bare_key

__all__ = ["camel_spaced", "columns_option", "key", "keys_of", "words"]


def key(name: Any) -> str:
    """A column name as it is matched: lower case, spaces, hyphens and underscores as one ``_``."""
    return re.sub(r"[\s\-_]+", "_", str(name).replace("\ufeff", "").strip().lower()).strip("_")


def keys_of(name: Any) -> set[str]:
    """The keys a column matches by: :func:`key`, and the name after a Chargebee object prefix
    (:func:`~.billing.bare_key`: ``subscriptions.mrr`` is also ``mrr``), and a camel-case name's key with its words
    apart (``IsCancelled`` is also ``is_cancelled``, ``isRefunded`` ``is_refunded``: an API's or an ORM's dump).

    >>> sorted(keys_of("IsCancelled")), sorted(keys_of("subscriptions.mrr")), sorted(keys_of("is_test"))
    (['is_cancelled', 'iscancelled'], ['mrr', 'subscriptions.mrr'], ['is_test'])
    """
    full = key(name)
    bare = bare_key(full)
    found = {full} if bare is None else {full, bare}
    spaced = camel_spaced(name)
    if spaced != str(name):
        found |= keys_of(spaced)
    return found


#: Where a camel-case name's words meet: a lower-case letter before a capital ("TaxAmount", "premiumDiscount").
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: What parts a name's words: anything but a digit or a (Latin-1) lower-case letter, after the name is lower-cased.
_NOT_WORD = re.compile(r"[^0-9a-zà-ÿ]+")


def camel_spaced(name: Any) -> str:
    """``name`` with a space where its camel-case words meet ("TotalRefunded": "Total Refunded").

    >>> camel_spaced("TotalRefunded"), camel_spaced("MRR (USD)")
    ('Total Refunded', 'MRR (USD)')
    """
    return _CAMEL.sub(" ", str(name))


def words(name: Any, whole: bool = True) -> set[str]:
    """The words of a column's name, lower case, split at anything but a letter or a digit (spaces, ``_``, ``.``,
    punctuation) and at camel case, with each camel-case run whole too ("TaxAmount": tax, amount and taxamount, so
    that a rule asking for a compound, or for the beginning of a word such as "brutto" in "Bruttopreis", finds it);
    ``whole=False``: without the runs whole (a rule comparing two names' words: "ConvertedMRR" is converted, mrr).

    >>> sorted(words("UsageTotal")), sorted(words("support_plan-price (EUR)")), sorted(words("MwSt."))
    (['total', 'usage', 'usagetotal'], ['eur', 'plan', 'price', 'support'], ['mw', 'mwst', 'st'])
    >>> sorted(words("ConvertedMRR", whole=False)), sorted(words("mrr_usd", whole=False))
    (['converted', 'mrr'], ['mrr', 'usd'])
    """
    text = str(name)
    parts = (camel_spaced(text), text) if whole else (camel_spaced(text),)
    return {w for part in parts for w in _NOT_WORD.split(part.lower())} - {""}


def named_columns(columns: Any, names: Mapping[str, str], said: Set[str], not_amount: Set[str]) -> list[str]:
    """The columns of ``columns`` not used (``names``: ours -> theirs) whose name has one of the words ``said`` and
    none of ``not_amount`` (a rate, a date, an id): amounts of that kind (:func:`.taxes.tax_columns`,
    :func:`.tips.tip_columns`, :func:`.duties.duty_columns`).

    >>> named_columns(["Tip", "Tip Rate", "Total", "amount"], {"amount": "amount"}, {"tip"}, {"rate"})
    ['Tip']
    """
    used = {str(c) for c in names.values()}
    return [str(c) for c in columns if str(c) not in used and words(c) & said and not words(c) & not_amount]


def columns_option(items: Sequence[tuple[str, str]]) -> str:
    """The ``--columns`` option mapping each of our names to a column of yours, as a shell takes it.

    A name with a comma or a double quote goes in double quotes (the option's items are CSV fields), and the value
    is quoted for a POSIX shell (:func:`shlex.quote`) when it holds spaces or other special characters, so the
    option can be pasted as it is.

    >>> columns_option([("start", "Start Date"), ("end", "End Date")])
    "--columns 'start=Start Date,end=End Date'"
    >>> columns_option([("customer_id", "NAME")])
    '--columns customer_id=NAME'
    >>> print(columns_option([("score", "How likely, 0-10?")]))
    --columns 'score="How likely, 0-10?"'
    """
    fields = []
    for ours, theirs in items:
        if "," in theirs or '"' in theirs:
            theirs = '"' + theirs.replace('"', '""') + '"'
        fields.append(f"{ours}={theirs}")
    return "--columns " + shlex.quote(",".join(fields))
