"""Whether a table's customer ids need the file rules' reading of two forms of one id (Salesforce's 15- and
18-character ids, :mod:`xl_retention.reading.salesforce_ids`): such a table is read as a file's is."""

from __future__ import annotations

from typing import Any

import ibis.expr.types as ir

__all__ = ["salesforce_pairs"]


def salesforce_pairs(con: Any, table: ir.Table, names: dict[str, str]) -> bool:
    """Whether the customer id column holds an 18-character id whose first 15 characters are an id of the column too
    (Salesforce's two forms of one id): one query."""
    column = names.get("customer_id")
    if column is None or column not in table.columns or not table.schema()[column].is_string():
        return False
    ids = table[column]
    long = table.filter(ids.length() == 18).select(p=ids.substr(0, 15)).distinct()
    short = table.filter(ids.length() == 15).select(p=ids).distinct()
    return int(con.execute(long.join(short, "p").count())) > 0
