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

__all__ = ["added_later_items", "later_item_columns", "refuse_later_items"]

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


#: A later item's field that must be its first item's for the two to be paid together (an interval, a currency).
_SHARED = re.compile(r"interval|frequency|billing_cycle|billing_period|period_unit|currency")
#: A later item's field that says whether it is paid every interval, and the values that say it is.
_PAID = {"status": {"active", ""}, "recurring": {"true", "1", "yes", ""}, "item_type": {"addon", "plan", ""}}


def _text(df: pd.DataFrame, column: str | None) -> np.ndarray:
    """The stripped lower-case text of ``column`` ('' where blank, or where there is no such column)."""
    if column is None:
        return np.full(len(df), "", dtype=object)
    values = df[column]
    return values.astype(object).where(values.notna(), "").astype(str).str.strip().str.lower().to_numpy()


def added_later_items(
    df: pd.DataFrame, out: pd.DataFrame, names: Mapping[str, str], source: str, decimal: str | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``df`` and ``out`` (its columns as ours) with each row's later items of a list (``items[1].*`` beside the
    ``items[0].*`` mapped as amount and quantity) added into the amount, where each such item is sure to be paid with
    the first one: its interval's and currency's fields (where the file has them) are the first item's on the row,
    its status active, recurring, an add-on (where said), its price and quantity numbers. The amount becomes the
    first item's price x quantity plus each later item's, the quantity 1 (MRR = amount x quantity / months per
    interval), with a note; the later items' columns are dropped from ``df``. Where a row's item is not sure, nothing
    is changed, and :func:`refuse_later_items` refuses it.

    >>> frame = pd.DataFrame({"items[0].quantity": ["1", "1"], "items[0].price": ["3000", "3000"],
    ...                       "items[1].quantity": ["5", ""], "items[1].price": ["1000", ""]})
    >>> names = {"quantity": "items[0].quantity", "amount": "items[0].price"}
    >>> ours = frame[list(names.values())].set_axis(list(names), axis=1)
    >>> df, out = added_later_items(frame, ours, names, "s.csv")
    >>> out["amount"].tolist(), out["quantity"].tolist(), list(df.columns)
    ([8000.0, 3000.0], [1.0, 1.0], ['items[0].quantity', 'items[0].price'])
    """
    from .errors import row_number
    from .notes import note
    from .values import parse_numbers

    price_name = next((o for o in ("amount", "mrr") if o in names), None)
    later = later_item_columns(df.columns, names)
    if price_name is None or not later or list(map(str, df.columns)) != list(dict.fromkeys(map(str, df.columns))):
        return df, out
    lists = _lists(names)
    by_key = {key(c): str(c) for c in df.columns}

    def number(column: str) -> np.ndarray:
        return parse_numbers(df[column], source, column, decimal=decimal, allow_blank=True)

    try:
        price0 = number(names[price_name])
        quantity0 = number(names["quantity"]) if "quantity" in names else np.ones(len(df))
    except Exception:  # noqa: BLE001 (read as before; the reading refuses with its own reason)
        return df, out
    total = np.where(np.isnan(quantity0), np.nan, price0 * quantity0)
    added = np.zeros(len(df), dtype=bool)
    dropped: list[str] = []
    shown: list[str] = []
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # each later item's rows filled, quantity, price
    for (name, item), columns in later.items():
        fields = lists[name]
        if price_name not in fields:
            return df, out
        price_column = by_key.get(f"{name}[{item}]{fields[price_name]}")
        quantity_column = by_key.get(f"{name}[{item}]{fields['quantity']}") if "quantity" in fields else None
        if price_column is None:
            return df, out
        try:
            price = number(price_column)
            quantity = number(quantity_column) if quantity_column else np.ones(len(df))
        except Exception:  # noqa: BLE001
            return df, out
        filled = ~np.isnan(price) & (price != 0)
        sure = ~np.isnan(quantity)
        for column in columns:
            field = key(column)[len(f"{name}[{item}]") :]
            first = by_key.get(f"{name}[0]{field}")
            if _SHARED.search(field):  # paid with the first item only in its interval and currency
                sure &= first is not None and bool(first) and (_text(df, column) == _text(df, first))
            last = field.rsplit(".", 1)[-1]
            if last in _PAID:
                sure &= np.isin(_text(df, column), list(_PAID[last]))
        if (filled & ~sure).any():
            return df, out  # an item not sure to be paid with the first: refused (refuse_later_items)
        total = total + np.where(filled, price * quantity, 0.0)
        parts.append((filled, quantity, price))
        added |= filled
        dropped += columns
        shown.append(f"{quantity_column!r} x {price_column!r}" if quantity_column else repr(price_column))
    if not added.any():
        return df, out
    first_row = int(np.flatnonzero(added)[0])
    amount_column = names[price_name]
    new_amount = np.where(added, total, price0)
    new_quantity = np.where(added, 1.0, quantity0)
    df = df.drop(columns=dropped).copy()
    df[amount_column] = new_amount
    out = out.copy()
    out[price_name] = new_amount
    if "quantity" in names:
        df[names["quantity"]] = new_quantity
        out["quantity"] = new_quantity
    r = first_row
    terms = [f"{quantity0[r]:g} x {price0[r]:g}"] + [f"{q[r]:g} x {p[r]:g}" for f, q, p in parts if f[r]]
    rows = int(added.sum())
    note(
        f"{source}: the subscriptions' later items ({', '.join(shown[:2])}{', ...' if len(shown) > 2 else ''}) "
        f"were added into {amount_column!r} on {rows} row{'s' if rows != 1 else ''}, each paid with the first item "
        f"in its interval and currency (row {row_number(source, r)}: {' + '.join(terms)} = {total[r]:g}, read as "
        "quantity 1)"
    )
    return df, out
