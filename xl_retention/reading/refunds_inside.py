"""A refunded amount already out of the order's amount mapped: Square's "Total Collected" is "Net Sales" + ``Tax`` +
``Tip`` less its "Partial Refunds", so mapped by it, its refunds must not be taken off again (H433 finding 02:
30.00 sold, 10.00 refunded, Total Collected 20.00 counted 10.00; 15.00 refunded of 30.00 left no purchase).

The file's own columns tell: another column is the amount (net of the tax, shipping and tips taken off it) plus the
refunded amount on every row sold, one refunded at least (Square's "Net Sales": 20.00 + 10.00 = 30.00, and 50.00 +
0.00 = 50.00 where nothing was refunded). That column is the amount before its refund; the refund, written as the
amount mapped is (gross: Square's refund of 10.80 holds its 0.80 of tax), is taken off it once, in its share of the
gross amount before the refund (Net Sales 30.00, Tax 2.40, refunded 10.80: 30.00 x 10.80 / 32.40 = 10.00 taken off,
20.00 left); refunded in full, no purchase. A column named as a tax, a shipping, a tip, a refund or a balance is no
such column (:func:`.order_discounts.part_named`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .equal_columns import equal_column

__all__ = ["refunds_inside", "refunds_of_total", "unproven_refunds"]


def refunds_inside(
    df: pd.DataFrame,
    amount: Any,
    taken: Any,
    names: dict[str, str],
    refund_column: str,
    source: str,
    decimal: str | None,
    net_share: np.ndarray | None,
) -> tuple[np.ndarray, np.ndarray] | None:
    """(the amounts before their refunds, each refund's share to take off them) where another column of ``df`` is
    ``amount`` + ``taken`` (the refunded amounts) on every row sold (see the module docstring), with a note; None
    where none is. ``net_share``: each amount's share left once its tax, shipping and tips were taken off, None
    where none was.

    >>> frame = pd.DataFrame({"Net Sales": ["50.00", "30.00"], "Partial Refunds": ["0.00", "-10.00"],
    ...                       "Total Collected": ["50.00", "20.00"]})
    >>> before, share = refunds_inside(frame, np.array([50.0, 20.0]), np.array([0.0, 10.0]),
    ...     {"amount": "Total Collected"}, "Partial Refunds", "t.csv", None, None)
    >>> before.tolist(), share.tolist()
    ([50.0, 30.0], [1.0, 1.0])
    """
    from .notes import note
    from .order_discounts import part_named

    amount = np.asarray(amount, dtype=np.float64)
    refunds = np.nan_to_num(np.asarray(taken, dtype=np.float64), nan=0.0)
    refunded = np.isfinite(amount) & (refunds > 0.005)
    rows = np.flatnonzero(np.isfinite(amount) & ((amount > 0) | refunded))
    if not refunded.any() or not rows.size:
        return None
    skip = {str(c) for c in names.values()} | {refund_column}
    found = equal_column(df, [amount + refunds], rows, skip, source, decimal, unless=part_named)
    if found is None:
        return None
    column = found[1]
    before, shares = _before_refunds(amount, refunds, net_share)
    count = int(refunded.sum())
    note(
        f"{source}: {names['amount']!r} is after the refunds in {refund_column!r} ({column!r} is it plus them): "
        f"taken off once, not again ({count} refunded row{'s' if count != 1 else ''})"
    )
    return before, shares


def _before_refunds(
    amount: np.ndarray, refunds: np.ndarray, net_share: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """The amounts (after their refunds) before them, and each refund's share to take off them: of the gross amount
    before the refund, where ``net_share`` of it is left once its tax, shipping and tips were taken off."""
    refunded = np.isfinite(amount) & (refunds > 0.005)
    before = np.where(np.isfinite(amount), amount + refunds, amount)
    share = np.ones(len(amount)) if net_share is None else np.asarray(net_share, dtype=np.float64)
    gross = np.divide(amount, share, out=amount.copy(), where=np.isfinite(amount) & (share != 0))
    whole = gross + refunds  # the gross amount before the refund (Square's Net Sales + Tax + Tip)
    told = refunded & (whole > 0.005)
    return before, np.where(told, np.divide(before, whole, out=np.ones(len(amount)), where=told), 1.0)


#: Words of an amount's name saying it is what is left of a sale (after what, it does not say: refunds too?).
_LEFT = frozenset({"net", "netto", "collected", "remaining", "payout", "proceeds"})
#: Words of a refund in an amount's name ("Net Sales before refunds"), and words saying before or after them.
_REFUND = frozenset({"refund", "refunds", "refunded", "returns", "erstattung", "erstattungen", "remboursements"})
_BEFORE = frozenset({"before", "pre", "excl", "excluding", "ex", "without", "gross", "ohne", "vor", "avant"})
_AFTER = frozenset({"after", "less", "minus", "net", "incl", "including", "nach", "abzüglich", "apres", "après"})


def unproven_refunds(
    df: pd.DataFrame, amount: Any, taken: Any, names: dict[str, str], refund_column: str, source: str,
    decimal: str | None, net_share: np.ndarray | None,
) -> tuple[np.ndarray, np.ndarray] | None:  # fmt: skip
    """Where no column tells whether the refunds in ``refund_column`` are in the amount mapped (:func:`refunds_inside`,
    :func:`refunds_of_total`, a Total's or a fee's share found none), and the amount's name says it is what is left of
    a sale (``Net Sales``, "Net Amount", "Amount Collected": :data:`_LEFT`; WooCommerce's Analytics net sales are
    after the refunds, Square's before them), the name decides where it says so ("Net Sales before refunds": taken
    off, None; "Net Sales after refunds": already out, (the amounts before them, each refund's share) as
    :func:`refunds_inside` gives), and a column equal to the amount less them proves them out of it (None: taken
    off); otherwise the file is refused naming the columns and how to say it (H457 task 3). None, taken off as
    docs/metrics.md says, where the amount's name says nothing of the kind (Stripe's ``Amount``, a ``Total``).

    >>> from .errors import DataError
    >>> frame = pd.DataFrame({"Net Sales": ["60.00", "50.00"], "Refunded Amount": ["40.00", "0.00"]})
    >>> try:
    ...     unproven_refunds(frame, np.array([60.0, 50.0]), np.array([40.0, 0.0]), {"amount": "Net Sales"},
    ...                      "Refunded Amount", "o.csv", None, None)
    ... except DataError as error:
    ...     print(str(error)[:82])
    o.csv: 'Refunded Amount' holds refunds (row 2: '40.00' beside 'Net Sales' '60.00')
    >>> renamed = frame.rename(columns={"Net Sales": "Net Sales after refunds"})
    >>> before, share = unproven_refunds(renamed, np.array([60.0, 50.0]), np.array([40.0, 0.0]),
    ...     {"amount": "Net Sales after refunds"}, "Refunded Amount", "o.csv", None, None)
    >>> before.tolist(), share.tolist()
    ([100.0, 50.0], [1.0, 1.0])
    """
    from .errors import DataError, row_of, show, source_of
    from .names import columns_option, words
    from .notes import note
    from .order_discounts import part_named

    name = names.get("amount")
    said = words(name) if name is not None else set()
    if name is None or not said & _LEFT:
        return None
    amount = np.asarray(amount, dtype=np.float64)
    refunds = np.nan_to_num(np.asarray(taken, dtype=np.float64), nan=0.0)
    refunded = np.isfinite(amount) & (refunds > 0.005)
    if not refunded.any():
        return None
    if said & _REFUND:
        if said & _BEFORE:
            return None
        if said & _AFTER:
            count = int(refunded.sum())
            note(
                f"{source}: {name!r} is after the refunds in {refund_column!r} (its name says so): taken off once, not "
                f"again ({count} refunded row{'s' if count != 1 else ''})"
            )
            return _before_refunds(amount, refunds, net_share)
    rows = np.flatnonzero(np.isfinite(amount) & ((amount > 0) | refunded))
    skip = {str(c) for c in names.values()} | {refund_column}
    if equal_column(df, [amount - refunds], rows, skip, source, decimal, unless=part_named) is not None:
        return None  # Square's 'Total Collected' is 'Net Sales' less its 'Partial Refunds': they are out of it
    first = int(np.flatnonzero(refunded)[0])
    where = row_of(source_of(df, source), first)
    listed = [str(c) for c in df.columns]
    shown = lambda c: show(df.iloc[first, listed.index(c)])  # noqa: E731
    raise DataError(
        f"{source}: {refund_column!r} holds refunds ({where}: {shown(refund_column)} beside {name!r} {shown(name)}) "
        f"and the name of {name!r} says it is what is left of a sale, not whether the refunds are out of it already "
        "(no column is it plus them, or it less them): whether to take them off cannot be told: map the amount "
        f"before the refunds ({columns_option([('amount', 'NAME')])}), or rename {name!r} to say it "
        f"({name + ' before refunds'!r}: taken off; {name + ' after refunds'!r}: kept as it is)",
        source=source,
        column=refund_column,
    )


def refunds_of_total(
    df: pd.DataFrame, amount: Any, taken: Any, names: dict[str, str], refund_column: str, source: str,
    decimal: str | None,
) -> np.ndarray | None:  # fmt: skip
    """Each refund's share to take off ``amount`` where the refunds are written of a total holding the tax, tips and
    shipping beside the amount: another column is the amount plus those columns less the refund on every row sold
    (Square's "Total Collected" = "Net Sales" + ``Tax`` + ``Tip`` - "Partial Refunds"; "Net Sales" mapped, a refund
    of 10.80 of 30.00 + 2.40 takes 30.00 x 10.80 / 32.40 = 10.00 off it, not 10.80), with a note; None where no
    column is, or no refunded row has such a part.

    >>> frame = pd.DataFrame({"Net Sales": ["50.00", "30.00"], "Tax": ["4.00", "2.40"],
    ...                       "Partial Refunds": ["0.00", "-10.80"], "Total Collected": ["54.00", "21.60"]})
    >>> refunds_of_total(frame, np.array([50.0, 30.0]), np.array([0.0, 10.8]), {"amount": "Net Sales"},
    ...                  "Partial Refunds", "t.csv", None).round(4).tolist()
    [1.0, 0.9259]
    """
    from .notes import note
    from .order_discounts import part_named
    from .order_shipping import _read
    from .shipping import shipping_columns
    from .taxes import tax_columns, without_breakdown
    from .tips import tip_columns

    amount = np.asarray(amount, dtype=np.float64)
    refunds = np.nan_to_num(np.asarray(taken, dtype=np.float64), nan=0.0)
    refunded = np.isfinite(amount) & (amount > 0) & (refunds > 0.005)
    if not refunded.any():
        return None
    columns = [str(c) for c in df.columns]
    skip = {str(c) for c in names.values()} | {refund_column}
    listed = lambda found: [c for c in found if c not in skip and columns.count(c) == 1]  # noqa: E731
    taxes = without_breakdown(_read(df, listed(tax_columns(df.columns, names)), source, decimal))
    others = _read(df, listed(shipping_columns(df.columns, names) + tip_columns(df.columns, names)), source, decimal)
    parts = {c: np.nan_to_num(v) for c, v in {**taxes, **others}.items()}
    added = np.sum(list(parts.values()), axis=0) if parts else np.zeros(len(amount))
    if not (np.abs(added[refunded]) > 0.005).any():
        return None
    rows = np.flatnonzero(np.isfinite(amount) & (amount > 0))
    whole = amount + added  # the gross amount before the refund
    found = equal_column(df, [whole - refunds], rows, skip | set(parts), source, decimal, unless=part_named)
    if found is None:
        return None
    told = refunded & (whole > 0.005)
    shares = np.where(told, np.divide(amount, whole, out=np.ones(len(amount)), where=told), 1.0)
    count = int(told.sum())
    note(
        f"{source}: {refund_column!r} is the refunded part of {found[1]!r} ({' + '.join([names['amount'], *parts])} "
        f"less it): taken off {names['amount']!r} in its share ({count} refunded row{'s' if count != 1 else ''})"
    )
    return shares
