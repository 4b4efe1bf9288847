"""An orders export as one row per order: the rows of one order id (its line items, its refund lines) made one
purchase, cancelled orders left out (:func:`one_row_per_order`, called by :func:`.orders.orders_as_paid`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows
from .values import written_values

__all__ = ["ORDER_TOTAL_NAMES", "note_refunds_without_sale", "one_row_per_order", "written_values"]


def one_row_per_order(
    typed: dict[str, Any], names: dict[str, str], cancelled: np.ndarray, source: str, shown: Any = None
) -> tuple[dict[str, Any], np.ndarray]:
    """``typed`` (the columns read, one value per row) as one row per order, cancelled orders left out; and the
    file positions of the rows kept (each order's first row that is not a refund). Without ``order_id``, the rows
    not cancelled.

    A refund row of an order (a negative amount on a row with the order's id: the shop's refund line) is taken off
    the order's amount and may be dated later than the order (when the refund was made); an order refunded in full
    (its rows sum to 0) is no purchase, as with a refunded amount column. An order whose refund rows exceed it, or
    one refunded before it was made, is refused. An order of refund rows only is a refund (left out, as a negative
    amount is).

    Raises :class:`DataError` for rows of one order with another customer or date than its first row, and for an
    order with no amount on any row. ``shown``: our column name -> a function giving its values as the file writes
    them (the amounts ``-$140.00``, the dates ``05/01/2024``),
    one per row, for the refusals to quote (else the numbers read).

    >>> typed = {"customer_id": np.array(["a", "a", "b"], dtype=object), "order_id": np.array(["1", "1", "2"],
    ...          dtype=object), "date": np.array(["2026-01-05"] * 3, dtype="datetime64[us]"),
    ...          "amount": np.array([35.0, np.nan, 20.0])}
    >>> one, kept = one_row_per_order(typed, {}, np.zeros(3, dtype=bool), "orders.csv")
    >>> one["amount"].tolist(), kept.tolist()
    ([35.0, 20.0], [0, 2])
    >>> typed["amount"] = np.array([35.0, -35.0, 20.0])  # order 1 refunded in full on its second row
    >>> one, kept = one_row_per_order(typed, {}, np.zeros(3, dtype=bool), "orders.csv")
    >>> one["amount"].tolist(), kept.tolist()
    ([20.0], [2])
    """
    rows = len(cancelled)

    def quoted(ours: str, values: Any) -> Any:  # a refusal's values: as the file writes them where it is known
        return values if not shown or ours not in shown else shown[ours]()

    if "order_id" not in typed:
        if not cancelled.any():
            return typed, np.arange(rows)
        kept = np.flatnonzero(~cancelled)
        return {k: _take(v, kept) for k, v in typed.items()}, kept
    ids = np.asarray(typed["order_id"], dtype=object)
    codes, uniques = pd.factorize(ids)
    amounts = np.asarray(typed["amount"], dtype=np.float64) if "amount" in typed else np.full(rows, np.nan)
    refund = amounts < 0  # a refund line of its order (NaN: a line item without an amount)
    after = refund if "amount" in typed else cancelled  # without amounts, a refund is told by its type (cancelled)
    _, first = np.unique(codes, return_index=True)
    if after[first].any():  # an order listed from its refund (newest first): its first row that is not one
        later = np.where(after, rows + np.arange(rows), np.arange(rows))
        first = pd.Series(later).groupby(codes).min().to_numpy()
        first = np.where(first >= rows, first - rows, first)
    head = first[codes]  # each row's order's first row (its first row that is not a refund)
    for ours in ("customer_id", "date"):
        values = np.asarray(typed[ours])
        same = values == values[head]
        if ours == "date":  # a later line item without a date (Shopify's "Paid at" is on the first row only)
            same |= np.isnat(values) & ((np.arange(rows) != head) | np.isnat(values[head]))
            early = refund & ~refund[head] & (values < values[head])
            if early.any():
                order = f"{names['order_id']} {ids[np.flatnonzero(early)[0]]!r}"
                problem = f"refund rows (negative amounts) of an order ({order}) dated before the order"
                raise bad_rows(source, names[ours], problem, np.flatnonzero(early), quoted(ours, values))
            same |= refund & ~refund[head] & (values >= values[head])  # a refund made later than its order
            if "amount" not in typed:  # a refund (Braintree's credit naming its sale), a cancellation: later, and
                same |= cancelled & (values >= values[head])  # its order left out with it (no amount to tell)
            same |= _exchanged(codes, values, refund) & (values > values[head])  # an item exchanged for the returned
        differ = np.flatnonzero(~same)
        if differ.size:
            what = "customer" if ours == "customer_id" else "date"
            order = f"{names['order_id']} {ids[differ[0]]!r}"
            problem = f"rows of one order ({order}) with another {what} than its first row"
            raise bad_rows(source, names[ours], problem, differ, quoted(ours, values))
    out = {k: _take(v, first) for k, v in typed.items() if k != "amount"}
    refunded = np.zeros(len(uniques), dtype=bool)
    if "amount" in typed:
        present = ~np.isnan(amounts)
        amounts = _once_per_order(codes, amounts, refund, names, source, ids, lambda: quoted("amount", amounts))
        present = ~np.isnan(amounts)
        totals = np.bincount(codes, weights=np.where(present, amounts, 0.0), minlength=len(uniques))
        counted = np.bincount(codes, weights=present.astype(np.float64), minlength=len(uniques))
        unpaid = np.bincount(codes, weights=cancelled.astype(np.float64), minlength=len(uniques)) > 0
        if ((counted == 0) & ~unpaid).any():  # a declined sale without an amount (Braintree's): left out, not asked
            lacking = np.flatnonzero(((counted == 0) & ~unpaid)[codes])
            raise bad_rows(source, names["amount"], "orders without an amount on any of their rows", lacking)
        refunds = np.bincount(codes, weights=refund.astype(np.float64), minlength=len(uniques)) > 0
        sold = ~refund[first]  # an order with a row that is not a refund
        over = refunds & sold & (totals < -0.005)
        if over.any():
            rows_over = np.flatnonzero(over[codes] & refund)
            order = f"{names['order_id']} {uniques[np.flatnonzero(over)[0]]!r}"
            problem = f"refund rows above their order's amount (order {order}: {totals[over][0]:g} in all)"
            raise bad_rows(source, names["amount"], problem, rows_over, quoted("amount", amounts))
        refunded = refunds & sold & (totals <= 0.005)  # refunded in full: no purchase
        out["amount"] = totals
        if (refunds & ~sold).any():  # refund rows only: the sale not in the file (an export cut at a date)
            dates = quoted("date", np.asarray(typed["date"]))
            note_refunds_without_sale(refund, codes, source, ids, dates, quoted("amount", amounts))
    dropped = (np.bincount(codes, weights=cancelled.astype(np.float64), minlength=len(uniques)) > 0) | refunded
    keep = ~dropped
    if rows and not keep.any():
        raise DataError(f"{source}: every order is cancelled, voided or refunded: no purchase to count", source=source)
    return {k: _take(v, np.flatnonzero(keep)) for k, v in out.items()}, first[keep]


#: Amount column names (as :func:`~xl_retention.reading.key` spells them) that say the order's total, not an item's.
ORDER_TOTAL_NAMES = frozenset({"total", "order_total", "grand_total", "order_grand_total", "order_amount",
                               "order_value", "order_total_amount", "total_amount", "amount_total",
                               "order_sum"})  # fmt: skip


#: Of :data:`ORDER_TOTAL_NAMES`, the names that say a total but not whose: an item's line total or the order's.
_BARE_TOTALS = frozenset({"total", "total_amount", "amount_total"})


#: Words of an amount column's name that say an item's amount ("Lineitem price", "Item Cost", "Product Total").
_ITEM_WORDS = ("item", "line", "product", "unit", "sku", "variant")


def _once_per_order(
    codes: np.ndarray,
    amounts: np.ndarray,
    refund: np.ndarray,
    names: dict[str, str],
    source: str,
    ids: np.ndarray,
    shown: Callable[[], Any],
) -> np.ndarray:
    """``amounts`` with an order's total written on each of its rows kept on its first row only (blank on the
    others), where every order of several rows with an amount carries one amount on all of them and the amount's
    column is named as an order's total (:data:`ORDER_TOTAL_NAMES`: "Order Total", exports of one row per item that
    repeat the order's columns, WooCommerce's and Magento's); summed, each order counted as many times as it has
    items. Where the name says nothing, such a file is refused naming the first such order (each item's amount, or
    the order's total repeated?); where the orders' rows carry different amounts, they are items' amounts, summed
    (under a name that says the order's total, two totals of one order are refused: the order edited between two
    exports appended).
    A bare 'Total' (:data:`_BARE_TOTALS`) says an item's line total as well as the order's: equal amounts on an
    order's rows (items at one price) are refused naming the column and the order; Shopify's 'Total', written on an
    order's first row only, never gets here (one amount per order). Orders with refund rows are left as they are."""
    from .columns import keys_of

    present = ~np.isnan(amounts) & ~refund
    size = int(codes.max(initial=-1)) + 1
    counted = np.bincount(codes, weights=present.astype(np.float64), minlength=size)
    refunded = np.bincount(codes, weights=refund.astype(np.float64), minlength=size) > 0
    several = (counted >= 2) & ~refunded
    if not several.any():
        return amounts
    rows = present & several[codes]
    frame = pd.DataFrame({"order": codes[rows], "amount": amounts[rows]})
    spread = frame.groupby("order")["amount"].agg(["min", "max"])
    column = names.get("amount", "amount")
    itemized = any(word in k for k in keys_of(column) for word in _ITEM_WORDS)  # "Lineitem price", "Item Cost"
    said = {re.sub(r"_*\(.*\)$", "", k) for k in keys_of(column)} & ORDER_TOTAL_NAMES  # "Order Total (inc tax)"
    differ = ~np.isclose(spread["min"].to_numpy(), spread["max"].to_numpy(), rtol=0, atol=0.005)
    if differ.any() and said and not said <= _BARE_TOTALS and not itemized:  # one order, two totals: edited?
        order = int(spread.index[np.flatnonzero(differ)[0]])
        edited = np.flatnonzero(rows & (codes == order))
        problem = (
            f"rows of one order ({names.get('order_id', 'order_id')} {ids[edited[0]]!r}) with two different "
            f"totals under {column!r}, the order's total (one per order: the order edited between two exports "
            "appended? which total is current cannot be told, and adding them counts it twice)"
        )
        advice = (
            "keep the row of the latest export, or, if they are its items' amounts, map amount to the items' amount "
            "column (--columns amount=NAME)"
        )
        raise bad_rows(source, column, problem, edited, shown(), advice=advice)
    if differ.any():
        return amounts  # items' amounts (some orders' rows differ): their sum is the order's
    if itemized:
        return amounts  # "Lineitem price", "Item Cost": items' amounts, whatever they are
    first = int(np.flatnonzero(rows)[0])
    repeated = np.flatnonzero(rows & (codes == codes[first]))
    if said and said <= _BARE_TOTALS:
        order = f"{names.get('order_id', 'order_id')} {ids[first]!r}"
        problem = (
            f"rows of one order ({order}) with the same amount each under a bare {column!r} (each item's total, "
            "equal by chance, to add up, or the order's total on each item's row, to count once?)"
        )
        advice = (
            "map amount to the items' price column (--columns amount=NAME), or, if it is the order's total, head its "
            "column 'Order Total'"
        )
        raise bad_rows(source, column, problem, repeated, shown(), advice=advice)
    if not said:
        problem = (
            "rows of one order with the same amount each, as on every order of several rows (the order's total on "
            "each item's row, to count once, or each item's amount, to add up?)"
        )
        advice = (
            "map the items' amount column (--columns amount=NAME), or keep the amount on each order's first row only"
        )
        raise bad_rows(source, column, problem, repeated, shown(), advice=advice)
    out = amounts.copy()
    positions = np.flatnonzero(rows)
    out[positions[pd.Series(codes[positions]).duplicated().to_numpy()]] = np.nan  # each order's first amount kept
    return out


def note_refunds_without_sale(
    refund: np.ndarray,
    codes: np.ndarray,
    source: str,
    ids: np.ndarray,
    dates: Any,
    amounts: Any = None,
    kept: np.ndarray | None = None,
) -> None:
    """Say, with a note, that the refund rows of orders of refund rows only (``refund``: each row's, ``codes``: each
    row's order; ``kept``: the rows read at all, default every row) are left out: the sale of such an order is not
    in the file (made before an export's first date), so it is not counted either, and the refund takes nothing off
    the file's purchases (docs/metrics.md: an order of refund rows only is a refund). Names how many rows and orders,
    the file, the first such order's id (``ids``) and row, its amount (``amounts``: as written, or the numbers read;
    None: no amount mapped) and date (``dates``, likewise), and what to do where the sale is in the file under
    another id.

    >>> from .notes import collected
    >>> with collected() as found:
    ...     note_refunds_without_sale(np.array([False, True]), np.array([0, 1]), "o.csv", np.array(["1", "9"]),
    ...                               np.array(["2026-01-05", "2026-01-04"], dtype="datetime64[D]"), [50.0, -20.0])
    >>> print(found[0][:111])
    o.csv: 1 refund row(s) of 1 order(s) with no sale in the file left out (order '9', row 3: -20 dated 2026-01-04)
    """
    from .errors import row_of
    from .notes import note

    kept = np.ones(len(codes), dtype=bool) if kept is None else kept
    size = int(codes.max(initial=-1)) + 1
    others = np.bincount(codes, weights=(kept & ~refund).astype(np.float64), minlength=size) > 0
    found = np.flatnonzero(refund & kept & ~others[codes])
    if not found.size:
        return
    first = int(found[0])
    said = []
    for values in (amounts, dates):
        if values is None:
            continue
        value = values[first]
        if isinstance(value, np.datetime64):
            value = str(np.datetime64(value, "D"))
        said.append(f"{value:g}" if isinstance(value, float | np.floating) else str(value).strip())
    what = f"{said[0]} dated {said[1]}" if len(said) == 2 else f"dated {said[0]}"
    note(
        f"{source}: {found.size} refund row(s) of {len(np.unique(codes[found]))} order(s) with no sale in the file "
        f"left out (order {str(ids[first])!r}, {row_of(source, first)}: {what}): a sale made before the file's first "
        "date (an export cut at a date?) is not counted either, and the refund takes nothing off the file's "
        "purchases; if its sale is in the file under another id, map the column the refund names it by "
        "(--columns order_id=NAME)"
    )


def _exchanged(codes: np.ndarray, dates: np.ndarray, refund: np.ndarray) -> np.ndarray:
    """Whether each row is not a refund and is dated the day of a refund row of its order: an exchange (a shop
    refunds the item returned and sells its replacement on one day, on the order's rows: Shopify's exchanges)."""
    if not refund.any():
        return np.zeros(len(codes), dtype=bool)
    days = np.asarray(dates).astype("datetime64[D]")
    returned = pd.MultiIndex.from_arrays([codes[refund], days[refund]])
    return ~refund & pd.MultiIndex.from_arrays([codes, days]).isin(returned)


def _take(values: Any, positions: np.ndarray) -> Any:
    if isinstance(values, pd.Series):  # its array, not a Series: the frame is built with the kept rows' index
        return values.array.take(positions)
    return np.asarray(values)[positions]
