"""The column map of one input (``--columns orders:date="Created at"``) beside the map for every input.

``--columns OURS=YOURS`` applies to every input that has the column (:func:`~xl_retention.reading.mapping_for`);
an item ``INPUT:OURS=YOURS`` (INPUT: subscriptions, orders, nps, visits) applies to that input only, before the
map for every input, and its file must have the column: so a shop's orders dated in "Created at" and its visits
in "serverDate" are imported in one run.

>>> import pandas as pd
>>> df = pd.DataFrame(columns=["Email", "serverDate"])
>>> own_map(df, {"visits": {"date": "serverDate"}}, "visits", "visits")
{'date': 'serverDate'}
>>> own_map(df, {"orders": {"date": "Created at"}}, "visits", "visits")
{}
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .. import movements as mv
from ..reading.subscription_ids import MAPPABLE

__all__ = ["own_map", "unread_line", "unused_own"]

InputColumns = Mapping[str, Mapping[str, str]]


def _names(kind: str) -> set[str]:
    """The columns an input read as ``kind`` (a schema of :data:`~xl_retention.movements.SCHEMAS`) takes."""
    required, optional = mv.SCHEMAS[kind]
    return {*required, *optional, *MAPPABLE.get(kind, ())}


def own_map(df: pd.DataFrame, input_columns: InputColumns | None, given_as: str, kind: str) -> dict[str, str]:
    """The entries of the map of the input ``given_as`` (read as ``kind``) that name one of ``kind``'s columns."""
    own = (input_columns or {}).get(given_as, {})
    return {ours: yours for ours, yours in own.items() if ours in _names(kind)}


def unused_own(input_columns: InputColumns | None, read: Mapping[str, tuple[str, set[str], set[str]]]) -> str | None:
    """The refusal for an input's own entry not read: its file lacks the column, or the input reads no such column.

    ``read``: per input given, (its file's name, the keys of its columns, the names its kinds read).
    """
    for given_as, own in (input_columns or {}).items():
        if given_as not in read:  # not given: refused by the command line
            continue
        source, present, names = read[given_as]
        for ours, yours in own.items():
            if ours not in names:
                return (
                    f"--columns {given_as}:{ours}={yours}: the {given_as} input reads no {ours!r} column (it reads "
                    f"{', '.join(sorted(names))})"
                )
            if mv.key(yours) not in present:
                return f"--columns {given_as}:{ours}={yours}: {source} has no column {yours!r}"
    return None


def unread_line(ours: str, yours: str, read: Mapping[str, tuple[str, set[str], set[str]]]) -> str:
    """The refusal for an entry of the map for every input that no input used: naming the files having the column
    (their inputs read no ``ours``) or, when none has it, every file read."""
    having = [source for source, present, _ in read.values() if mv.key(yours) in present]
    if having:
        readers = [given_as for given_as, (_, _, names) in read.items() if ours in names]
        other = f"; give it to the input that reads it ({readers[0]}:{ours}={yours})" if readers else ""
        return (
            f"--columns {ours}={yours}: {', '.join(having)} {'has' if len(having) == 1 else 'have'} the column "
            f"{yours!r}, but no input of this run reads it as {ours!r}{other}; leave it out"
        )
    return (
        f"--columns {ours}={yours}: no input file has a column {yours!r} ({', '.join(s for s, _, _ in read.values())})"
    )
