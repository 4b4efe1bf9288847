"""Yes and no: the one vocabulary of the flag columns every reader of an import reads (an order's ``is_failed``,
``cancelled`` or ``Refunded?``, a subscription's ``is_active``, ``is_trial`` or ``is_paused``, a payment's
``livemode``, an invoice's ``Storno``, a survey answer's ``is_test``), as :func:`~.statuses.spelled` spells them.

A flag said true in one column and not another (``ja`` read on a trial flag and not on a cancel flag) left orders and
subscriptions counted or not by which column they happened to be in; one list for all now.

A bare name (``Failed``, ``Pending``, ``Refunded``) whose values are only the numbers 0 and 1 may be a count (the
failed attempts before a payment went through) as well as a flag: :func:`counted_or_flagged` tells which it cannot
be told of, and :func:`flag_form` which names say a flag by themselves (``is_failed``, ``Failed?``, ``has_...``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = ["BLANK", "FALSE", "NUMBERS", "TRUE", "counted_or_flagged", "flag_form"]

#: True, in the languages we read (``S``/``N``: Portuguese and Spanish sim/sí and não/no; ``J``: German ja).
TRUE = frozenset({"true", "yes", "1", "y", "1.0", "t", "x", "✓", "✔", "ja", "j", "oui", "si", "sí", "sì", "sim", "s",
                  "tak", "vrai", "wahr", "waar", "vero", "verdadero", "はい"})  # fmt: skip
#: False, in the languages we read (a blank is :data:`BLANK`, read as false or refused by each reader).
FALSE = frozenset({"false", "no", "0", "n", "0.0", "f", "nein", "non", "não", "nao", "nie", "nee", "faux", "falsch",
                   "onwaar", "falso", "いいえ"})  # fmt: skip
#: An empty cell, however the export wrote it (a dash, a database's null).
BLANK = frozenset({"", "-", "_", "none", "null", "nan", "nat"})  # "-" spelled (statuses.spelled) is "_"
#: The values of a flag written as numbers: what a count of 0 or 1 is written as too.
NUMBERS = frozenset({"0", "1", "0.0", "1.0"})
#: Words before a flag's own word that say a flag (``is_failed``, ``has_churned``, ``was_deleted``).
_FLAG_PREFIXES = ("is_", "has_", "was_", "are_", "did_", "ist_", "est_")


def flag_form(keys: Any) -> bool:
    """Whether one of a column's name ``keys`` (:func:`~.names.keys_of`) says a yes/no by itself: a question mark
    (``Failed?``), ``is_``/``has_``/``was_`` before its word (``is_failed``, ``isFailed``), ``_flag`` after it.

    >>> [flag_form({k}) for k in ("is_failed", "failed?", "has_refund", "failed_flag", "failed", "refunded")]
    [True, True, True, True, False, False]
    """
    return any(k.endswith("?") or k.startswith(_FLAG_PREFIXES) or k.endswith(("_flag", "_yn")) for k in keys)


def counted_or_flagged(said: np.ndarray, keys: Any) -> bool:
    """Whether a column named ``keys`` whose values spelled (:func:`~.statuses.spelled`) are ``said`` may be a count
    as well as a flag: its name is bare (:func:`flag_form`) and its values are only 0, 1 and blanks (a word, ``true``
    or ``yes``, says a flag; a 2 says a count).

    >>> counted_or_flagged(np.array(["0", "1", ""]), {"failed"})
    True
    >>> counted_or_flagged(np.array(["0", "1"]), {"is_failed"})
    False
    >>> counted_or_flagged(np.array(["false", "true"]), {"failed"})
    False
    """
    if flag_form(keys):
        return False
    seen = set(pd.unique(np.asarray(said, dtype=object)).tolist())
    return bool(seen - BLANK) and seen <= NUMBERS | BLANK
