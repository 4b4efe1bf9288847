"""A subscription's later items in an API list flattened to columns: ``items[1].*`` beside the ``items[0].*`` mapped.

An API's subscription holds a list of items (Paddle Billing's ``items``, Chargebee's ``subscription_items``, Stripe's
``items.data``), flattened to CSV one column per nested field: ``items[0].quantity``,
``items[0].price.unit_price.amount``, ``items[1].quantity``, ``items[1].price.unit_price.amount``, ... Mapping the
first item's price and quantity (``amount=items[0].price.unit_price.amount``) takes one item a row: a second item (an
add-on, extra seats) is paid beside it, and MRR = amount x quantity / months per interval would leave it out.

:func:`later_item_columns` finds the columns of a list's later items (``[1]`` and after) where a column of the same
list's first item is used; :func:`refuse_later_items` refuses the rows where such an item is filled (its price, or
its quantity where its price is not in the file, is other than blank or 0), naming the item's price and quantity
columns. Chargebee's own list encoding (``subscription_items[unit_price][1]``) is read by
:func:`~.extra_prices.add_on_columns`.

The ways out: each item on a row of its own with the subscription's id (:mod:`.subscription_items`: their MRRs are
added up), or each row's price x quantity of every item added into the amount (per interval).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows
from .names import key

__all__ = ["later_item_columns", "refuse_later_items"]

#: A column of a list's first item, dotted: the list's name, ``[0]``, then the item's field (``.price.amount``).
_FIRST = re.compile(r"^(.*?)\[0\](\..+)$")


def _lists(names: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """The lists whose first item has a column used: list name (as :func:`~.names.key` spells it) -> ours -> the
    field after ``[0]`` (``.price.amount``)."""
    out: dict[str, dict[str, str]] = {}
    for ours, theirs in names.items():
        found = _FIRST.match(key(theirs))
        if found is not None and found.group(1):
            out.setdefault(found.group(1), {})[ours] = found.group(2)
    return out


def later_item_columns(columns: Sequence[Any], names: Mapping[str, str]) -> dict[tuple[str, int], list[str]]:
    """The columns of each later item (``[1]`` and after) of a list whose first item has a column used (``names``:
    ours -> theirs), by (list, item's number), in the file's order.

    >>> later_item_columns(["items[0].quantity", "items[0].price.amount", "items[1].quantity", "items[1].price.amount",
    ...                     "items[10].quantity", "tags[1]", "items[1]"], {"quantity": "items[0].quantity"})
    {('items', 1): ['items[1].quantity', 'items[1].price.amount'], ('items', 10): ['items[10].quantity']}
    >>> later_item_columns(["items[0].quantity", "items[1].quantity"], {"amount": "plan.amount"})
    {}
    """
    lists = _lists(names)
    out: dict[tuple[str, int], list[str]] = {}
    for column in map(str, columns):
        k = key(column)
        for name in lists:
            found = re.match(rf"^{re.escape(name)}\[0*([1-9]\d*)\]\.", k)
            if found is not None:
                out.setdefault((name, int(found.group(1))), []).append(column)
    return out


def _filled(values: pd.Series, source: str, column: str) -> np.ndarray:
    """The rows holding a value other than blank or 0 (a number other than 0, or any word where no number)."""
    from .extra_prices import _filled_add_on
    from .values import parse_numbers

    try:
        numbers = parse_numbers(values, source, column, allow_blank=True)
    except DataError:
        return _filled_add_on(values)
    return ~np.isnan(numbers) & (numbers != 0)


def refuse_later_items(df: pd.DataFrame, names: Mapping[str, str], source: str) -> None:
    """Refuse the rows of a subscriptions export whose later item (``items[1].*`` beside the ``items[0].*`` mapped)
    is filled, naming the item's price and quantity columns and the rows (see the module docstring).

    >>> frame = pd.DataFrame({"items[0].quantity": ["1", "1"], "items[0].price": ["3000", "3000"],
    ...                       "items[1].quantity": ["5", ""], "items[1].price": ["1000", ""]})
    >>> try:
    ...     refuse_later_items(frame, {"quantity": "items[0].quantity", "amount": "items[0].price"}, "s.csv")
    ... except DataError as error:
    ...     print(str(error)[:95])
    s.csv, column 'items[1].price': a second item of the subscription ('items[1].quantity' x 'items
    """
    lists = _lists(names)
    by_key = {key(c): str(c) for c in df.columns}
    for (name, number), columns in later_item_columns(df.columns, names).items():
        fields = lists[name]
        mine = {ours: by_key.get(f"{name}[{number}]{field}") for ours, field in fields.items()}
        price = next((mine[o] for o in ("amount", "mrr") if mine.get(o)), None)
        quantity = mine.get("quantity")
        checked = [price] if price else [quantity] if quantity else columns  # the price tells a free item
        listed = list(map(str, df.columns))
        filled = np.zeros(len(df), dtype=bool)
        for column in checked:
            if listed.count(column) == 1:
                filled |= _filled(df[column], source, column)
        if not filled.any():
            continue
        shown = checked[0]
        first = {ours: names[ours] for ours in fields}
        what = f"{quantity!r} x {price!r}" if price and quantity else ", ".join(map(repr, columns[:3]))
        mapped = ", ".join(f"{ours}={theirs}" for ours, theirs in first.items())
        ordinal = {1: "second", 2: "third", 3: "fourth"}.get(number, "later")
        raise bad_rows(
            source,
            shown,
            f"a {ordinal} item of the subscription ({what}, beside the first one mapped: {mapped}), which the "
            "subscription pays beside it: MRR = amount x quantity / months per interval takes one item a row and "
            "would leave it out",
            np.flatnonzero(filled),
            df[shown].to_numpy(),
            advice=(
                "write each item on a row of its own with the subscription's id, start and end (the items of one "
                "subscription are added up), or add each item's price x quantity into the amount (per interval); "
                f"remove the columns {name}[{number}].* where that item is not paid every interval (a one-time charge)"
            ),
        )
