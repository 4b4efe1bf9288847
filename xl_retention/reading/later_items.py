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

__all__ = ["ADDED_ITEMS", "added_later_items", "later_item_columns", "refuse_later_items", "written_items"]

#: ``df.attrs`` key of the amounts as the file writes them where :func:`added_later_items` added later items into
#: the amount (its column then holds numbers): the amount's column -> each row's first item's amount (``3000``) and
#: items (``1 x 3000 + 5 x 1000`` where added, else its amount), by index label (:class:`_Written`). A message quoting
#: the column quotes these (:func:`written_items`), not the sum (8000), which no cell of the file shows.
ADDED_ITEMS = "added_items"

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


def _text(df: pd.DataFrame, column: str | None, lower: bool = True) -> np.ndarray:
    """The stripped (lower-case) text of ``column`` ('' where blank, or where there is no such column)."""
    if column is None:
        return np.full(len(df), "", dtype=object)
    values = df[column]
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip()
    return (text.str.lower() if lower else text).to_numpy()


class _Written:
    """A money column's amounts as the file writes them (:data:`ADDED_ITEMS`): ``first``, each row's first item's;
    ``items``, each row's items where they were added (else its amount). Kept as it is when pandas copies a frame's
    ``attrs`` (never copied, equal to itself only: pandas compares the ``attrs`` of frames it concatenates)."""

    __slots__ = ("first", "items")

    def __init__(self, first: pd.Series, items: pd.Series) -> None:
        self.first, self.items = first, items

    def __copy__(self) -> _Written:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> _Written:
        return self


def written_items(df: pd.DataFrame, column: str, values: Any, first: bool = False) -> Any:
    """``values`` (``df``'s column ``column``, in ``df``'s order) with each row whose later items were added into it
    (:data:`ADDED_ITEMS`) as the file writes it: a row's items (``1 x 3000 + 5 x 1000``) where they were added, or
    with ``first`` its first item's amount (``3000``), and every other row's amount as written; ``values`` itself
    where no later item was added.

    >>> frame = pd.DataFrame({"items[0].quantity": ["1", "2"], "items[0].price": ["3000", "3000"],
    ...                       "items[1].quantity": ["5", ""], "items[1].price": ["1000", ""]})
    >>> names = {"quantity": "items[0].quantity", "amount": "items[0].price"}
    >>> df, _ = added_later_items(frame, frame[list(names.values())].set_axis(list(names), axis=1), names, "s.csv")
    >>> written_items(df, "items[0].price", df["items[0].price"].to_numpy(dtype=object)).tolist()
    ['1 x 3000 + 5 x 1000', '3000']
    >>> df["items[0].price"].tolist(), written_items(df, "items[0].price", df["items[0].price"], first=True).tolist()
    ([8000.0, 3000.0], ['3000', '3000'])
    """
    written = df.attrs.get(ADDED_ITEMS, {}).get(column)
    if written is None or len(values) != len(df):
        return values
    found = (written.first if first else written.items).reindex(df.index)
    out = np.where(found.notna().to_numpy(), found.to_numpy(dtype=object), np.asarray(values, dtype=object))
    return pd.Series(out, index=values.index, name=values.name) if isinstance(values, pd.Series) else out


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
    texts: list[tuple[np.ndarray, np.ndarray | None, np.ndarray]] = []  # the same, as the file writes them
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
        sure = ~np.isnan(quantity) & (price >= 0) & (quantity >= 0) & ~(price0 < 0) & ~(quantity0 < 0)  # a credit:
        # a negative price or quantity, the first item's or this one's, is no item paid with it (refused, as before)
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
        said = _text(df, quantity_column, lower=False) if quantity_column else None
        texts.append((filled, said, _text(df, price_column, lower=False)))
        added |= filled
        dropped += columns
        shown.append(f"{quantity_column!r} x {price_column!r}" if quantity_column else repr(price_column))
    if not added.any():
        return df, out
    first_row = int(np.flatnonzero(added)[0])
    amount_column = names[price_name]
    price_text = _text(df, amount_column, lower=False)
    quantity_text = _text(df, names.get("quantity"), lower=False)
    rows_written: dict[int, tuple[str, str]] = {}  # each row's first amount and items as the file writes them
    for r in np.flatnonzero(added):
        items = [f"{quantity_text[r]} x {price_text[r]}" if "quantity" in names else price_text[r]]
        items += [p[r] if q is None else f"{q[r]} x {p[r]}" for f, q, p in texts if f[r]]
        rows_written[int(r)] = (price_text[r], " + ".join(items))
    before = df[amount_column].to_numpy(dtype=object)  # each row's amount as the file writes it (ADDED_ITEMS)
    items_written = before.copy()
    for r, (_, items) in rows_written.items():
        items_written[r] = items
    new_amount = np.where(added, total, price0)
    new_quantity = np.where(added, 1.0, quantity0)
    df = df.drop(columns=dropped).copy()
    df[amount_column] = new_amount
    if df.index.is_unique:  # the amounts as written, by index label: the rows a later step keeps keep theirs
        written = _Written(pd.Series(before, index=df.index), pd.Series(items_written, index=df.index))
        df.attrs[ADDED_ITEMS] = {**df.attrs.get(ADDED_ITEMS, {}), amount_column: written}
    out = out.copy()
    out[price_name] = new_amount
    if "quantity" in names:
        df[names["quantity"]] = new_quantity
        out["quantity"] = new_quantity
    r = first_row
    terms = rows_written[r][1]  # as the file writes them: 1 x 3000 + 5 x 1000
    rows = int(added.sum())
    note(
        f"{source}: the subscriptions' later items ({', '.join(shown[:2])}{', ...' if len(shown) > 2 else ''}) "
        f"were added into {amount_column!r} on {rows} row{'s' if rows != 1 else ''}, each paid with the first item "
        f"in its interval and currency (row {row_number(source, r)}: {terms} = {total[r]:.15g}, read as quantity 1)"
    )
    return df, out
