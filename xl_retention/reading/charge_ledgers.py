"""A ledger of charges and the payments that settle them: each sale would count twice.

Maxio's (Chargify's) transactions export writes every renewal as two rows: a ``Charge`` (the invoice's line, of
``kind`` ``baseline``, ``initial``, ``prorated``, ...) and the ``Payment`` that settles it, a second later, of the
same customer and amount. Read as orders, both were purchases: the revenue doubled, every buyer a repeat purchaser
(H266 finding 09). A row-type column (:func:`~.row_types.is_type_column`) holding charges and payments is such a
ledger where a payment has a charge of the same customer and amount at most :data:`SETTLED_WITHIN` before it;
:func:`refuse_charge_ledgers` refuses it, naming those payments and the way out (keep the Payment rows: the money
received). A payments export whose ``charge`` and ``payment`` rows are two kinds of sale (Stripe's balance history:
card charges beside other payment methods' payments) has no such pairs, and passes.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows

__all__ = ["CHARGES", "SETTLED_WITHIN", "refuse_charge_ledgers"]

#: Row types of a charge made to an account (an invoice's line), settled by a payment of its own row.
CHARGES = frozenset({"charge", "charges", "debit"})
#: Row types of the payment settling a charge.
_PAYMENTS = frozenset({"payment", "payments", "payment_received", "customer_payment"})
#: How long after its charge a payment of the same customer and amount is read as settling it.
SETTLED_WITHIN = np.timedelta64(7, "D")


def _text(values: Any) -> np.ndarray:
    series = pd.Series(np.asarray(values, dtype=object))
    return series.where(series.notna(), "").astype(str).str.strip().to_numpy(dtype=object)


def settling_payments(kind: np.ndarray, who: np.ndarray, amounts: np.ndarray, dates: np.ndarray) -> np.ndarray:
    """Whether each row is a payment (``kind``, spelled) with a charge of the same customer (``who``) and amount
    (``amounts``, as read) dated at most :data:`SETTLED_WITHIN` before it (``dates``, datetime64).

    >>> kind = np.array(["charge", "payment", "payment", "charge", "payment"], dtype=object)
    >>> who = np.array(["a", "a", "b", "c", "c"], dtype=object)
    >>> dates = np.array(["2026-09-03", "2026-09-03", "2026-09-04", "2026-09-01", "2026-10-20"], dtype="datetime64[D]")
    >>> settling_payments(kind, who, np.array([49.0, 49.0, 49.0, 5.0, 5.0]), dates).tolist()
    [False, True, False, False, False]
    """
    charged = np.isin(kind, list(CHARGES))
    paid = np.isin(kind, list(_PAYMENTS))
    out = np.zeros(len(kind), dtype=bool)
    if not (charged.any() and paid.any()):
        return out
    amounts = np.round(np.asarray(amounts, dtype=np.float64), 6)
    dates = np.asarray(dates).astype("datetime64[s]")
    charges = pd.DataFrame({"who": who[charged], "amount": amounts[charged], "when": dates[charged]})
    for position in np.flatnonzero(paid):
        same = charges[(charges["who"] == who[position]) & (charges["amount"] == amounts[position])]
        if same.empty or np.isnat(dates[position]):
            continue
        gap = dates[position] - same["when"].to_numpy()
        out[position] = bool(((gap >= np.timedelta64(0, "s")) & (gap <= SETTLED_WITHIN)).any())
    return out


def refuse_charge_ledgers(df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str) -> None:
    """Refuse a row-type column of ``df`` holding charges and the payments that settle them (see the module
    docstring), naming the payments. ``typed``: the columns read (customer, date, amount)."""
    from .names import keys_of
    from .orders import _TYPES
    from .row_types import type_by_values
    from .statuses import spelled

    if not {"customer_id", "date", "amount"} <= typed.keys():
        return
    who = _text(typed["customer_id"])
    dates = np.asarray(typed["date"])
    if not np.issubdtype(dates.dtype, np.datetime64):
        return
    for position, name in enumerate(map(str, df.columns)):
        if not (keys_of(name) & _TYPES or type_by_values(df, position)):
            continue
        kind = spelled(df.iloc[:, position])
        settling = settling_payments(kind, who, typed["amount"], dates)
        if settling.any():
            problem = (
                "payments beside the charges they settle, of the same customer and amount (a ledger of charges and "
                "payments, Maxio's transactions: each sale would count twice, as its charge and as its payment)"
            )
            advice = (
                "keep the Payment rows only (the money received) and the refunds, and import again; a refund naming "
                "its payment's id is taken off it with that id mapped as the order id (--columns order_id=NAME)"
            )
            raise bad_rows(
                source, name, problem, np.flatnonzero(settling), df.iloc[:, position].to_numpy(), advice=advice
            )
