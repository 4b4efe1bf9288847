"""Import duties inside an order's amount: a duty is a tax paid to customs, no more revenue than VAT is (Shopify
Markets' ``Duties`` inside its ``Total``), so order revenue leaves it out, as it leaves out tax and shipping.

A column of duties beside the amount mapped (``Duties``, "Import Duties", "Customs Duty", ``Zoll``, ``droits de
douane``), not used, with a value other than blank or 0, is read so: where another column is the amount (net of
tax) less the duties, or less the duties and a shipping column, in every row with a duty (Shopify: ``Total`` -
``Taxes`` - ``Duties`` - ``Shipping`` = ``Subtotal``), or the amount's name says a total, the duties are in the amount
and are taken off, with a note; where another column is the amount plus them, or its name says a subtotal or a
price, the amount is without them; otherwise the file is refused naming the duties column and a row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .equal_columns import column_equal
from .errors import DataError, row_of, show, source_of
from .inside_amounts import amounts_inside
from .names import columns_option, named_columns
from .names import words as _words
from .notes import note

__all__ = ["duty_columns", "net_of_duties"]

_DUTIES = frozenset({"duty", "duties", "customs", "zoll", "zölle", "zoelle", "douane", "douanes", "arancel",
                     "aranceles", "dazi", "dazio", "tariff", "tariffs"})  # fmt: skip
_NOT_AMOUNT = frozenset({"percent", "percentage", "pct", "rate", "rates", "id", "date", "type", "name", "note",
                         "count", "code", "number", "status", "paid", "payer", "by", "free", "included", "mode",
                         "method", "terms", "ddp", "dap", "hs", "value", "declared", "country", "tax"})  # fmt: skip


def duty_columns(columns: Any, names: Mapping[str, str]) -> list[str]:
    """The columns whose name says import duties (not a rate, a code, who pays them), not used.

    >>> duty_columns(["Total", "Duties", "Duty Rate", "Customs Duty", "HS Code", "Duties Paid By", "Zoll"], {})
    ['Duties', 'Customs Duty', 'Zoll']
    """
    return named_columns(columns, names, _DUTIES, _NOT_AMOUNT)


def net_of_duties(
    df: pd.DataFrame, typed: dict[str, Any], names: Mapping[str, str], source: str, decimal: str | None = None
) -> dict[str, Any]:
    """``typed`` with its ``amount`` (net of tax already) net of the import duties inside it (see the module
    docstring); refused where whether it holds them cannot be told."""
    from .order_shipping import _read
    from .shipping import _WITH, _WITHOUT, shipping_columns

    found = amounts_inside(df, typed, names, source, decimal, duty_columns(df.columns, names))
    if found is None:
        return typed
    read, duties, amount, rows, money_name, shown = (found.read, found.part, found.amount, found.rows,
                                                     found.money_name, found.shown)  # fmt: skip
    shipped = _read(df, shipping_columns(df.columns, names), source, decimal)
    skip = {money_name, *read, *shipped, *map(str, names.values())}
    seen: dict[str, np.ndarray | None] = {}
    for shipping, cost in [("", np.zeros(len(amount))), *shipped.items()]:
        if (less := column_equal(df, amount - duties - cost, rows, skip, source, decimal, seen)) is not None:
            why = f"{less!r} is {money_name} less them{f' and {shipping!r}' if shipping else ''}"
            break
        if column_equal(df, amount + duties + cost, rows, skip, source, decimal, seen) is not None:
            return typed  # 'Subtotal' + 'Duties' = 'Total': the amount is without them
    else:
        own = _words(money_name)
        if own & _WITHOUT and not own & _WITH:
            return typed
        if not own & _WITH:
            first = int(rows[0])
            column = next(c for c, v in read.items() if v[first] != 0)
            raise DataError(
                f"{source}: column {column!r} holds import duties ({row_of(source_of(df, source), first)}: "
                f"{show(df[column].iloc[first])} beside {money_name!r} {show(df[money_name].iloc[first])}) and is not "
                f"used; a duty is a tax paid to customs, no revenue, and whether {money_name!r} includes it cannot be "
                f"told: map a column of amounts without duties ({columns_option([('amount', 'NAME')])}: Shopify's "
                "'Subtotal'), or remove the duties column if the amounts are without them",
                source=source,
                column=column,
            )
        why = "its name says a total"
    typed["amount"] = amount - duties
    note(f"{source}: {money_name!r} includes the import duties in {shown} ({why}): taken off, a duty is a tax paid "
         "to customs, not revenue")  # fmt: skip
    return typed
