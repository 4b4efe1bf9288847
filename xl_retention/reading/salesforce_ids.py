"""Salesforce's two forms of one record id: 15 characters (reports, case-sensitive) and 18 (the API, Data Loader,
Excel Connector, flows: the same 15 and a 3-character checksum of which letters are capitals).

A sheet built from both (older rows from a report, newer ones from Data Loader) writes one account as
``0015g00000AbCdE`` and ``0015g00000AbCdEAAV``: read as two customers, a renewal became a loss and a new customer.
Where a customer id column holds an 18-character id whose last 3 characters are the checksum of its first 15
(:func:`checksum`) and whose 15-character form is in the column too, every such 18-character id of the column is read
as its 15-character form, with a note naming a pair (:func:`one_salesforce_id`). Ids are compared on the column's
distinct values.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._distinct import arrow_codes, factorize
from .notes import note

__all__ = ["ALPHABET", "checksum", "one_salesforce_id"]

#: The checksum's letters: the one at a 5-bit mask of capitals.
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"


def checksum(short: str) -> str:
    """The 3-character suffix Salesforce adds to a 15-character id: for each 5 characters, the letter of the mask of
    its capitals (first character the lowest bit).

    >>> checksum("0015g00000AbCdE"), checksum("001000000000000")
    ('AAV', 'AAA')
    """
    return "".join(
        ALPHABET[sum(1 << j for j, c in enumerate(short[i : i + 5]) if "A" <= c <= "Z")] for i in range(0, 15, 5)
    )


def one_salesforce_id(ids: pd.Series, where: str) -> pd.Series:
    """``ids`` with each 18-character Salesforce id as its 15-character form where the column holds both forms of one
    id (see the module docstring); ``ids`` itself otherwise. ``where`` names the file and column in the note.

    >>> one_salesforce_id(pd.Series(["0015g00000AbCdE", "0015g00000AbCdEAAV", "0015g00000XyZaBAAV"]), "c.csv").tolist()
    ['0015g00000AbCdE', '0015g00000AbCdE', '0015g00000XyZaB']
    """
    encoded = arrow_codes(ids)
    if encoded is not None:  # Arrow text (a CSV's column): the lengths of its distinct ids by Arrow, no Python loop
        import pyarrow.compute as pc

        lengths = pc.utf8_length(encoded[1]).to_numpy(zero_copy_only=False)
        if not (lengths == 18).any() or not (lengths == 15).any():  # no pair possible: every column but such a one
            return ids
    codes, distinct = factorize(ids)
    lengths = np.fromiter((len(v) if isinstance(v, str) else 0 for v in distinct), dtype=np.int64, count=len(distinct))
    if not (lengths == 18).any() or not (lengths == 15).any():
        return ids
    text = pd.Series(distinct, dtype=object).map(lambda v: v if isinstance(v, str) else "")
    long = text[text.str.fullmatch(r"[A-Za-z0-9]{18}")]
    if long.empty:
        return ids
    valid = long[[checksum(v[:15]) == v[15:] for v in long]]
    short = set(text[text.str.fullmatch(r"[A-Za-z0-9]{15}")])
    paired = valid[valid.str[:15].isin(short)]
    if paired.empty:
        return ids
    read = text.to_numpy(dtype=object).copy()
    read[valid.index.to_numpy()] = valid.str[:15].to_numpy()
    first = str(paired.iloc[0])
    note(
        f"{where}: Salesforce's 18-character ids read as their 15-character form, as the column holds both forms of "
        f"one id ({first!r} and {first[:15]!r}: one account)"
    )
    values = np.append(np.where(text.to_numpy() == "", distinct, read), None).astype(object)
    return pd.Series(values[codes], index=ids.index, dtype=object).where(codes >= 0, ids)
