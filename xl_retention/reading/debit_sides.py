"""An amount written on two sides, a credit column and a debit column: Adyen's "Gross Credit (GC)" beside "Gross
Debit (GC)".

Adyen's settlement details report writes a payment settled in "Gross Credit (GC)" and its refund, on a row of its
own (Type ``Refunded``), in "Gross Debit (GC)", the credit left blank. Mapped as the amount, the credit column left
each refund without an amount (its row then refused as its order's row of another date, H453's finding 03). So
(:func:`credit_filled`), where the amount mapped is named as a credit side and the column of the same name with
"debit" for "credit" is in the file, a row whose credit is blank and whose debit is filled has the debit as a
negative amount, with a note, where the file's type column says the row is a refund, a return or a chargeback
(Adyen's ``Refunded``, ``Chargeback``); such a row of another type, or in a file without a type column (a ledger's
debit may be an invoice), is refused, and so is a row with both sides filled (a net of the two, or two movements,
cannot be told).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .errors import bad_rows
from .names import words

__all__ = ["credit_filled", "debit_twin", "debit_written"]

_CREDIT = re.compile(r"(?i)\bcredit\b")
#: "credit" words that name no side of an amount: a credit note, a card, a balance of store credit
_NOT_A_SIDE = frozenset({"note", "notes", "card", "cards", "memo", "balance", "limit"})


def debit_twin(columns: list[str], column: str) -> str | None:
    """The debit side of the credit column ``column`` among ``columns`` (its name with "debit" for "credit"), or None.

    >>> debit_twin(["Gross Debit (GC)", "Gross Credit (GC)", "Net Debit (NC)"], "Gross Credit (GC)")
    'Gross Debit (GC)'
    >>> debit_twin(["Credit Note", "Debit Note"], "Credit Note"), debit_twin(["Credit", "Debit"], "Credit")
    (None, 'Debit')
    """
    if not _CREDIT.search(column) or words(column) & _NOT_A_SIDE:
        return None
    wanted = _CREDIT.sub(lambda m: "Debit" if m.group(0)[0].isupper() else "debit", column)
    found = [c for c in columns if c.lower() == wanted.lower()]
    return found[0] if len(found) == 1 and columns.count(found[0]) == 1 else None


def debit_written(df: pd.DataFrame, column: str, values: np.ndarray) -> np.ndarray:
    """``values`` (the credit column ``column`` of ``df`` as written) with each row whose credit is blank and whose
    debit twin is filled as the file writes it there (``30.00 of 'Gross Debit (GC)' (taken back)``), for a note or
    refusal to quote the value the row holds, not the blank credit (``nan``; H542's finding 02).

    >>> frame = pd.DataFrame({"Gross Debit (GC)": [None, "30.00"], "Gross Credit (GC)": ["100.00", None]})
    >>> debit_written(frame, "Gross Credit (GC)", frame["Gross Credit (GC)"].to_numpy(dtype=object)).tolist()
    ['100.00', "30.00 of 'Gross Debit (GC)' (taken back)"]
    """
    columns = [str(c) for c in df.columns]
    twin = debit_twin(columns, column)
    if twin is None:
        return values
    debit = df.iloc[:, columns.index(twin)]
    taken = ~_filled(pd.Series(values, dtype=object)) & _filled(debit)
    if not taken.any():
        return values
    out = np.asarray(values, dtype=object).copy()
    out[taken] = [f"{str(v).strip()} of {twin!r} (taken back)" for v in debit.to_numpy(dtype=object)[taken]]
    return out


def _filled(values: pd.Series) -> np.ndarray:
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip()
    return (text != "").to_numpy()


def _typed_refunds(df: pd.DataFrame) -> np.ndarray | None:
    """Each row of ``df`` whose type column (:func:`~.row_types.is_type_column`) says a refund, a return or a
    chargeback; None where the file has no type column, or more than one."""
    from .disputes import REVERSALS
    from .orders import _REFUND_TYPES
    from .row_types import is_type_column
    from .statuses import spelled

    found = [p for p in range(df.shape[1]) if is_type_column(df, p)]
    if len(found) != 1:
        return None
    return np.isin(spelled(df.iloc[:, found[0]]), list(_REFUND_TYPES - REVERSALS))


def credit_filled(df: pd.DataFrame, series: pd.Series, column: str, source: str) -> pd.Series:
    """``series`` (the amount column ``column`` of ``df``) with the rows whose credit is blank given their debit, as
    a negative amount, where ``column`` is a credit side with a debit twin (see the module docstring). Raises
    :class:`~.errors.DataError` naming the rows with both sides filled.

    >>> frame = pd.DataFrame({"Type": ["Settled", "Refunded"], "Gross Debit (GC)": [None, "20.00"],
    ...                       "Gross Credit (GC)": ["100.00", None]})
    >>> credit_filled(frame, frame["Gross Credit (GC)"], "Gross Credit (GC)", "s.csv").tolist()
    ['100.00', '-20.00']
    """
    columns = [str(c) for c in df.columns]
    twin = debit_twin(columns, str(column))
    if twin is None or columns.count(str(column)) != 1:
        return series
    debit = df[twin]
    credit, debited = _filled(series), _filled(debit)
    both = credit & debited
    if both.any():
        shown = {int(p): f"{series.iloc[p]} beside {debit.iloc[p]}" for p in np.flatnonzero(both)}
        problem = (f"a credit and a debit ({twin!r}) on one row: whether its amount is their net or two movements "
                   "cannot be told")  # fmt: skip
        raise bad_rows(source, str(column), problem, np.flatnonzero(both), shown,
                       advice="write each movement on a row of its own, the debit's credit blank")  # fmt: skip
    taken = ~credit & debited
    if not taken.any():
        return series
    refunds = _typed_refunds(df)
    if refunds is None or not refunds[taken].all():  # an invoice's debit in a ledger is no refund: told by the type
        rows = np.flatnonzero(taken & ~refunds) if refunds is not None else np.flatnonzero(taken)
        shown = {int(p): str(debit.iloc[p]) for p in rows}
        said = "no type column says they are refunds" if refunds is None else "their type says no refund"
        problem = (f"amounts in the debit side {twin!r} with the credit blank, and {said}: whether each is an amount "
                   "taken back (a refund) or a sale written on that side cannot be told")  # fmt: skip
        raise bad_rows(source, twin, problem, rows, shown,
                       advice="write them as negative amounts in the amount column, or leave the rows out")  # fmt: skip
    from .notes import note

    text = debit.astype(object).where(debit.notna(), "").astype(str).str.strip()
    negated = text.map(lambda v: v[1:] if v.startswith("-") else "-" + v)
    count = int(taken.sum())
    note(f"{source}: {twin!r} beside {str(column)!r}: a row's debit with its credit blank is an amount taken back "
         f"(a refund or a chargeback), read as negative ({count} row{'s' * (count != 1)})")  # fmt: skip
    return series.astype(object).where(~taken, negated.astype(object))
