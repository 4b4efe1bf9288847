"""A money column's numbered copy: ``mrr.1`` (pandas' name for a second ``mrr``), ``MRR_2`` (a join's), beside it.

The same export after one round trip through pandas (``read_csv``/``read_excel`` rename the second ``mrr`` to
``mrr.1``) or a join that numbers a repeated name holds two columns that could be the MRR (or an order's amount),
with other amounts. Which one is meant cannot be told: the import refuses, naming both and how to choose
(``--columns mrr=NAME``), as it refuses the same name twice (H407's finding 02). A column another of our names
takes, or that the column map names, is no copy.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set
from typing import Any

from .errors import DataError
from .names import columns_option, key

__all__ = ["MONEY_NAMES", "numbered_copies", "refuse_numbered_copies"]

#: Our names whose column decides money: a numbered copy beside it could change every MRR or revenue figure.
MONEY_NAMES = ("mrr", "amount")


def numbered_copies(columns: Sequence[Any], position: int, taken: Set[int] = frozenset()) -> list[int]:
    """Positions of the columns named as a numbered copy of the column at ``position`` (its :func:`~.names.key`
    followed by ``.1`` as pandas numbers a repeated name, ``_2``/``-2``/`` 2`` as a join does, or `` (2)``), but
    those in ``taken`` (columns our other names take, or the map names).

    Formula: ``key(other) == key(column) + SEP + DIGITS`` with SEP one of ``.``, ``_`` (spaces and hyphens read as
    ``_``), or ``_(DIGITS)``. Source: pandas' ``read_csv`` duplicate-name mangling (``mrr``, ``mrr.1``).

    >>> numbered_copies(["customer_id", "mrr", "mrr.1", "MRR_2", "mrr movement", "mrr2"], 1)
    [2, 3]
    >>> numbered_copies(["Amount", "Amount Refunded", "Amount (2)"], 0, {2})
    []
    """
    own = re.escape(key(columns[position]))
    copy = re.compile(rf"{own}(?:\.[0-9]{{1,2}}|_[0-9]{{1,2}}|_\([0-9]{{1,2}}\))")
    return [p for p, c in enumerate(columns) if p != position and p not in taken and copy.fullmatch(key(c))]


def refuse_numbered_copies(
    columns: Sequence[Any], picked: Mapping[str, int], rename: Mapping[str, str], taken: Set[int], source: str
) -> None:
    """Refuse a money column (:data:`MONEY_NAMES`) picked by its name beside a numbered copy of it
    (:func:`numbered_copies`), naming both and the option that chooses. A column the map (``rename``) names is chosen.

    >>> refuse_numbered_copies(["customer_id", "month", "mrr", "mrr.1"], {"mrr": 2}, {}, {0, 1, 2}, "subs.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: subs.csv: 2 columns could be the mrr ('mrr', 'mrr.1': a repeated name \
numbered by pandas or a join): say which, e.g. --columns mrr=mrr (in Python: columns={'mrr': 'mrr'}), or remove the \
other
    >>> refuse_numbered_copies(["customer_id", "mrr", "mrr.1"], {"mrr": 2}, {"mrr": "mrr.1"}, {0, 2}, "subs.csv")
    """
    for name in MONEY_NAMES:
        if name not in picked or name in rename:
            continue
        copies = numbered_copies(columns, picked[name], taken)
        if copies:
            names = [str(columns[p]) for p in (picked[name], *copies)]
            raise DataError(
                f"{source}: {len(names)} columns could be the {name} ({', '.join(map(repr, names))}: a repeated name "
                f"numbered by pandas or a join): say which, e.g. {columns_option([(name, names[0])])} (in Python: "
                f"columns={ {name: names[0]}!r}), or remove the other",
                source=source,
                column=names[1],
            )
