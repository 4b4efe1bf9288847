"""Salesforce's two forms of one record id in the SQL printed by ``xl-retention sql`` (:mod:`.sql`), read as
``xl-retention import`` reads them (:mod:`xl_retention.reading.salesforce_ids`): where an input's customer id column
holds an 18-character id whose last 3 characters are the checksum of its first 15 and whose 15-character form is in
the column too, every such 18-character id of the column is read as its 15-character form (one account, not a loss and
a new customer). In Ibis, for the dialects whose SQL reads ids as the import does (DuckDB, PostgreSQL:
:func:`.sql_written_ids.as_written`); the others compare ids as written, which their header says.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from ..reading.salesforce_ids import ALPHABET

__all__ = ["checksum", "one_salesforce_id"]

_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_OTHERS = "abcdefghijklmnopqrstuvwxyz0123456789"


def _marks(ids: ir.StringValue) -> ir.StringValue:
    """``ids`` with each ASCII capital as ``1`` and each other ASCII letter or digit as ``0`` (anything else as it
    is): an id of ``[A-Za-z0-9]`` alone is all ``0`` and ``1``."""
    return ids.translate(_CAPITALS + _OTHERS, "1" * len(_CAPITALS) + "0" * len(_OTHERS))


def checksum(marks: ir.StringValue) -> ir.StringValue:
    """The 3-character suffix Salesforce adds to a 15-character id (:func:`~xl_retention.reading.salesforce_ids.
    checksum`), of the id's :func:`_marks`: for each 5 characters, the letter of :data:`ALPHABET` at the mask of its
    capitals (first character the lowest bit).

    >>> t = ibis.memtable({"s": ["0015g00000AbCdE", "001000000000000"]})
    >>> ibis.to_pandas(t.select(c=checksum(_marks(t.s)))).c.tolist()  # doctest: +SKIP
    ['AAV', 'AAA']
    """
    parts = []
    for start in range(0, 15, 5):
        mask = sum(((marks.substr(start + j, 1) == "1").ifelse(1 << j, 0) for j in range(5)), ibis.literal(0))
        parts.append(ibis.literal(ALPHABET).substr(mask, 1))
    return parts[0] + parts[1] + parts[2]


def one_salesforce_id(table: ir.Table, who: str = "customer_id") -> ir.Table:
    """``table`` whose ids (column ``who``, read as the import reads them) that are Salesforce's 18-character form of
    an id are its 15-character form where the column holds both forms of one id (see the module docstring): one
    count of the pairs, over the column's distinct ids, joined to every row."""
    ids = table[who]
    marks = _marks(ids)
    valid = marks.re_search("^[01]{18}$") & (ids.substr(15, 3) == checksum(marks))
    shorts = table.filter(marks.re_search("^[01]{15}$")).select(__p=ids).distinct()
    longs = table.filter(valid).select(__p=ids.substr(0, 15)).distinct()
    found = longs.join(shorts, "__p").aggregate(__pairs=ibis._.count())
    rows = table.cross_join(found)
    read = rows[who]
    folded = (rows.__pairs > 0) & _marks(read).re_search("^[01]{18}$") & (read.substr(15, 3) == checksum(_marks(read)))
    return rows.mutate(**{who: folded.ifelse(read.substr(0, 15), read)}).select(*table.columns)
