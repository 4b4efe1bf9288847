"""A billing export's free quantity: seats or units included in the price, not charged.

Chargebee's ``plan_free_quantity`` ("only the quantity more than this will be charged"), a "Free Quantity",
``included_units`` or ``free_seats`` column beside a per-seat price and a quantity says that the customer pays for
the quantity above it: 5 seats with 2 free at 10 a seat is 30 a month, not 50. The import's MRR is price x quantity
(docs/metrics.md), so such a column with a free quantity above 0 on any row is refused, naming it and its rows (H68
finding 10: January MRR 100 for 80, exit 0); one that is 0 or blank everywhere changes nothing. Asked of the
column's distinct values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows
from .names import key, keys_of

__all__ = ["free_quantity_columns", "refuse_free_quantities"]

_FREE = frozenset({"free", "included", "inclusive", "gratis", "kostenlos", "inklusive", "inklusiv", "gratuit"})
_COUNTED = frozenset({"quantity", "quantities", "qty", "seats", "seat", "units", "unit", "users", "licenses",
                      "licences", "license", "licence", "lizenzen", "plaetze", "menge", "anzahl"})  # fmt: skip

PROBLEM = (
    "a free quantity (seats or units included in the price: only the quantity above it is charged), which the import "
    "does not take off (MRR = price x quantity would count the free ones)"
)
#: What to do about :data:`PROBLEM`, after its rows and values.
ADVICE = "write the quantity charged, or convert the amounts to what each customer pays and remove the column"


def free_quantity_columns(names: Any) -> list[str]:
    """The columns of ``names`` named as a free or included quantity.

    >>> free_quantity_columns(["subscriptions.plan_free_quantity", "Free Quantity", "included_units", "FreeSeats",
    ...                        "plan_quantity", "free_trial", "Included?"])
    ['subscriptions.plan_free_quantity', 'Free Quantity', 'included_units', 'FreeSeats']
    """
    found = []
    for name in names:
        for k in (key(name), *keys_of(name)):
            words = set(re.split(r"[^a-z0-9]+", k.lower())) - {""}
            if words & _FREE and words & _COUNTED:
                found.append(str(name))
                break
    return found


def refuse_free_quantities(df: pd.DataFrame, names: Mapping[str, str], source: str) -> None:
    """Refuse a free quantity column of ``df`` (not mapped) holding a number above 0, naming its rows."""
    titles = [str(c) for c in df.columns]
    used = {str(c) for c in names.values()}
    for name in free_quantity_columns(titles):
        if name in used:
            continue
        column = df.iloc[:, titles.index(name)]
        uniques = pd.unique(column.to_numpy(dtype=object))
        numbers = pd.to_numeric(pd.Series(uniques, dtype=object), errors="coerce").to_numpy(dtype=np.float64)
        charged = [u for u, n in zip(uniques, numbers, strict=True) if n > 0]
        if charged:
            rows = np.flatnonzero(column.isin(charged).to_numpy(dtype=bool))
            raise bad_rows(source, name, PROBLEM, rows, column.to_numpy(), advice=ADVICE)
