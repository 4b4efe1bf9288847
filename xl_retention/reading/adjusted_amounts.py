"""Amounts after refunds beside the amounts of the sale: Etsy's "Adjusted Order Total" beside "Order Total".

Etsy's Sold Orders export writes each order's amounts as sold ("Order Value", "Order Total", "Order Net") and as
kept after refunds ("Adjusted Order Total", "Adjusted Net Order Amount"); an order refunded in part or in full shows
only in the adjusted columns (its status stays ``Completed``). So a refund is lost wherever the adjusted column is
not read:

* the amount mapped is the sale's, the adjusted column's twin ("Order Total", "Order Net") or another amount of
  the sale ("Order Value"): the rows whose adjusted amount differs from its twin are refused, naming the adjusted
  column (:data:`~.document_types.ADJUSTED_PROBLEM`), as counted at the sale's amount the refund would be ignored;
* the amount mapped is the adjusted column: an order it says was refunded in full (0.00 where its twin says a sale)
  is no purchase, as an order refunded in full is by a refunded amount column (docs/metrics.md), and so it is where
  no amount is mapped (buyers only); an order refunded in part is still a purchase, and what the amount kept holds
  beside the goods (the tax, the shipping) is told by its twin's sums, the sale's, and taken off in the share kept
  (:func:`net_in_share`: a refund of the whole total is taken off in the share left, docs/metrics.md).

A column's twin is the column of the same words without the adjusting one (``adjusted``, ``after refunds``, ...)
and without ``amount`` ("Adjusted Net Order Amount" is "Order Net"'s); only an order's whole amount (a total, a net,
the order's) is read so: a fee's or a tax's pair ("Adjusted Card Processing Fees") is not an amount of the order,
and an item's price adjusted ("Adjusted Price") may be a discount's. A name ending with the adjusting word
(Chargebee's "Amount Adjusted") is the part adjusted, not the amount after it (:mod:`.written_off`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .document_types import _ADJUSTED, ADJUSTED_PROBLEM, check_adjusted_amounts
from .equal_columns import numbers_or_none
from .errors import DataError, bad_rows, row_of, show, source_of
from .names import key
from .notes import note

__all__ = ["adjusted_pairs", "adjusted_refunds", "net_in_share", "unadjusted_filled"]

#: Words of a pair that is not an amount of the order (a fee kept by the marketplace, a tax).
_NOT_AMOUNTS = frozenset({"fee", "fees", "tax", "taxes", "vat", "gebühr", "gebühren", "frais", "comisión", "comision"})
#: Words of an order's amount as a whole (Etsy's "Order Total", "Order Net"): an item's price adjusted may be a
#: discount's, not a refund's.
_ORDER_AMOUNTS = frozenset({"order", "total", "net", "gesamt", "gesamtbetrag", "summe", "netto", "commande"})
#: Words that name no part of what an amount is ("Adjusted Net Order Amount" is "Order Net").
_NO_PART = frozenset({"amount", "betrag", "montant", "importe"})


def _parts(name: Any) -> tuple[frozenset[str], bool]:
    """The words of ``name`` that say what amount it is, and whether it names an amount after refunds."""
    text = key(name)
    adjusted = False
    for word in sorted(_ADJUSTED, key=len, reverse=True):
        if word in text and not text.endswith("_" + word) and text != word:
            adjusted = True
            text = text.replace(word, "_")
    return frozenset(w for w in text.split("_") if w) - _NO_PART, adjusted


def adjusted_pairs(columns: Any) -> list[tuple[int, int]]:
    """The positions of each column of an amount after refunds and of its twin, the sale's amount.

    >>> adjusted_pairs(["Order Value", "Order Total", "Order Net", "Adjusted Order Total",
    ...                 "Adjusted Card Processing Fees", "Card Processing Fees", "Adjusted Net Order Amount"])
    [(3, 1), (6, 2)]
    >>> adjusted_pairs(["Amount", "Amount Adjusted"]), adjusted_pairs(["Price", "Adjusted Price"])  # not kept
    ([], [])
    """
    parts = [_parts(c) for c in columns]
    found = []
    for position, (words, adjusted) in enumerate(parts):
        if not adjusted or not words & _ORDER_AMOUNTS or words & _NOT_AMOUNTS:
            continue  # 'Adjusted Price' (a discount?), 'Adjusted Card Processing Fees': not what the order kept
        twins = [p for p, (other, said) in enumerate(parts) if not said and other == words]
        if len(twins) == 1:
            found.append((position, twins[0]))
    return found


def adjusted_refunds(df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str,
                     read_numbers: Any) -> np.ndarray:  # fmt: skip
    """The rows of ``df`` refunded in full by an amount after refunds (no purchase), where the amount read is that
    column or none is; :class:`~.errors.DataError` naming the rows where another amount read would ignore a refund.
    ``read_numbers(series, column)`` reads a number column (blanks allowed).

    >>> frame = pd.DataFrame({"Order Value": ["40", "40"], "Order Total": ["45", "45"],
    ...                       "Adjusted Order Total": ["45", "0.00"]})
    >>> numbers = lambda s, c: pd.to_numeric(s).to_numpy()
    >>> adjusted_refunds(frame, {}, {}, "o.csv", numbers).tolist()
    [False, True]
    >>> adjusted_refunds(frame, {"amount": np.array([40.0, 40.0])}, {"amount": "Order Value"}, "o.csv", numbers)
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'Adjusted Order Total': amounts adjusted after the sale that \
differ from 'Order Value' (Etsy's 'Adjusted Order Total' is the amount kept after refunds: counted at 'Order Value' a \
refund would be ignored): read the amount kept, --columns amount='Adjusted Order Total' (an order refunded in full is \
then no purchase), or remove this column where 'Order Value' is right in row 3 (counting the header as row 1): '0.00'
    """
    check_adjusted_amounts(df, typed, names, source, read_numbers)  # the amount's own name, "adjusted" (Etsy)
    full = np.zeros(len(df), dtype=bool)
    mapped = key(names["amount"]) if "amount" in typed and "amount" in names else None
    after = mapped is not None and _parts(names["amount"])[1]  # the amount read is one after refunds
    columns = [str(c) for c in df.columns]
    pairs = sorted(adjusted_pairs(columns), key=lambda pair: key(columns[pair[1]]) != mapped)  # the amount's first
    for position, twin in pairs:
        name = columns[position]
        if after and mapped != key(name):
            continue  # another pair: the amount read has its refunds
        kept = np.asarray(read_numbers(df.iloc[:, position], name), dtype=np.float64)
        sold = np.asarray(read_numbers(df.iloc[:, twin], columns[twin]), dtype=np.float64)
        if mapped is None or after:
            full |= (kept == 0) & ~np.isnan(sold) & (sold != 0)  # refunded in full: no purchase
            continue
        differ = np.flatnonzero(~np.isnan(kept) & ~np.isnan(sold) & (np.abs(kept - sold) > 0.005))
        if differ.size:
            problem = ADJUSTED_PROBLEM.format(amount=names["amount"], column=name)
            raise bad_rows(source, name, problem, differ, df.iloc[:, position].to_numpy())
    return full


def unadjusted_filled(df: pd.DataFrame, series: pd.Series, column: str) -> pd.Series:
    """``series`` (the amount column ``column`` of ``df``) with its blanks filled from its twin where it is an amount
    after refunds: Etsy leaves "Adjusted Order Total" blank on an order never adjusted, whose amount kept is then its
    "Order Total" (H143 finding 03: mapped as its refusal advised, such orders were refused as having no amount).

    >>> frame = pd.DataFrame({"Order Total": ["45.90", "30.00"], "Adjusted Order Total": [None, "15.00"]})
    >>> unadjusted_filled(frame, frame["Adjusted Order Total"], "Adjusted Order Total").tolist()
    ['45.90', '15.00']
    """
    columns = [str(c) for c in df.columns]
    for position, twin in adjusted_pairs(columns):
        if columns[position] == str(column) and columns.count(columns[twin]) == 1:
            text = series.astype(object).where(series.notna(), "").astype(str).str.strip()
            return series.astype(object).where(text != "", df.iloc[:, twin].astype(object))
    return series


def sold_twin(df: pd.DataFrame, names: Mapping[str, str]) -> str | None:
    """The sale's amount whose amount after refunds is the amount mapped ("Order Total" where "Adjusted Order Total"
    is read), each column once in ``df``; None where the amount read is no such column.

    >>> frame = pd.DataFrame(columns=["Order Value", "Order Total", "Adjusted Order Total"])
    >>> sold_twin(frame, {"amount": "Adjusted Order Total"}), sold_twin(frame, {"amount": "Order Total"})
    ('Order Total', None)
    """
    columns = [str(c) for c in df.columns]
    mapped = str(names.get("amount", ""))
    for position, twin in adjusted_pairs(columns):
        if columns[position] == mapped and columns.count(mapped) == 1 and columns.count(columns[twin]) == 1:
            return columns[twin]
    return None


Nets = Callable[[dict[str, Any], dict[str, str]], dict[str, Any]]


def net_in_share(
    df: pd.DataFrame, typed: dict[str, Any], names: Mapping[str, str], source: str, decimal: str | None, nets: Nets
) -> dict[str, Any]:
    """``typed`` with its amount net of what ``nets(typed, names)`` takes off an order's amount (its tax, shipping,
    tips, as the file writes it). Where the amount read is one after refunds (Etsy's "Adjusted Order Total"), that
    is told by its twin, the sale's amount ("Order Total" = "Order Value" - "Discount Amount" + ``Shipping`` + "Sales
    Tax" on every row; the amount kept breaks those sums on each order refunded in part), and taken off the amount
    kept in its share: a refund is of the whole total, so each part keeps the share left (H453 finding 04: 40.00 +
    5.00 shipping, 3.00 kept, was 3.00 - 5.00 = -2.00, the purchase and its month gone; now 40 x 3 / 45 = 2.67).
    A refusal of the twin says it was read for the amount kept."""
    twin = sold_twin(df, names)
    sale = None if twin is None else numbers_or_none(df[twin], source, twin, decimal)
    if twin is None or sale is None:
        return nets(typed, dict(names))
    kept = np.asarray(typed["amount"], dtype=np.float64)
    sale = np.where(np.isfinite(sale), sale, kept)  # a sale's total left blank: the amount kept is the whole
    adjusted = str(names["amount"])
    try:  # the amount kept is no column for the sums (reading.equal_columns): named, so left out of them
        net = nets({**typed, "amount": sale}, {**names, "amount": twin, f"adjusted {adjusted}": adjusted})
    except DataError as error:
        raise DataError(
            f"{error} ({adjusted!r} is {twin!r} after refunds: what it holds is told by {twin!r})",
            source=error.source, column=error.column, rows=error.rows, row_count=error.row_count,
        ) from error  # fmt: skip
    left = np.asarray(net["amount"], dtype=np.float64)
    told = np.isfinite(sale) & np.isfinite(left) & (sale != 0)
    share = np.divide(left, sale, out=np.ones(len(sale)), where=told)
    typed["amount"] = np.where(np.isfinite(kept), kept * share, kept)
    refunded = np.flatnonzero(np.isfinite(kept) & told & (np.abs(kept - sale) > 0.005) & (np.abs(share - 1) > 1e-9))
    if refunded.size:
        first = int(refunded[0])
        where, shown = row_of(source_of(df, source), first), show(df[adjusted].iloc[first])
        whole = int((np.abs(kept[refunded]) <= 0.005).sum())  # 0.00 kept: refunded in full (H508's finding 07)
        part = refunded.size - whole
        counts = [(n, how) for n, how in ((part, "part"), (whole, "full")) if n]
        said = f"{counts[0][0]} order{'s' if counts[0][0] > 1 else ''} refunded in {counts[0][1]}"
        said += "".join(f", {n} in {how}" for n, how in counts[1:])  # '1 order refunded in part, 1 in full'
        note(f"{source}: {adjusted!r} is {twin!r} after refunds: what was taken off {twin!r} is taken off the amount "
             f"kept in the share left ({where}: {shown} kept of {sale[first]:.2f}, {typed['amount'][first]:.2f} of "
             f"revenue; {said})")  # fmt: skip
    return typed
