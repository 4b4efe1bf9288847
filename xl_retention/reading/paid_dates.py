"""An order's payment date: blank where the order was never paid.

eBay's orders report ("Paid On Date"), WooCommerce's ``date_paid``, Shopify's "Paid at" (in an export cut to a few
columns), "Payment Date", German "Bezahlt am": an order awaiting payment (eBay cancels it after some days) has its
payment date blank. With no status column to say so, such orders were counted as purchases. A column named as the
order's payment date (:data:`PAID_DATES`; not the column read as the order's date) holding a date in some rows says
which orders were paid: an order with it blank on every row (an order's later line items carry none) is not a
purchase, as a filled cancellation date says. Where a status column speaks for the order (Shopify's Financial
Status ``authorized``, WooCommerce's ``processing`` of a cash-on-delivery order), the status decides, as it does
without the date. A value that is neither a date nor blank is refused naming the rows; a column blank in every row
says nothing (an unused column of the export). Refund rows (negative amounts) carry no payment date and are not
judged by it. The values are read once per distinct value (:func:`~._distinct.factorize`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ._distinct import factorize
from .dates import loose_datetimes
from .errors import bad_rows
from .notes import note
from .order_statuses import NOT_PAID, ORDER_STATUS_NAMES, PAID, PAID_OR_REFUNDED, STATE_NAMES, said_statuses

__all__ = ["PAID_DATES", "unpaid_by_paid_date"]

#: Names (as :func:`~xl_retention.reading.names.keys_of` spells them) of a column of the date an order was paid.
PAID_DATES = frozenset({
    "paid_at", "paid_on", "paid_on_date", "paid_date", "date_paid", "paid_time", "paid_datetime", "payment_date",
    "payment_date_time", "payment_time", "date_of_payment", "payment_received", "payment_received_at",
    "payment_received_date", "payment_received_on", "payment_completed_at", "order_paid_at", "order_paid_date",
    "bezahlt_am", "bezahlt", "bezahldatum", "zahlungsdatum", "zahlungseingang", "datum_der_zahlung",
    "date_de_paiement", "date_paiement", "paye_le", "payé_le", "date_de_reglement", "date_reglement",
    "fecha_de_pago", "fecha_pago", "pagado_el", "data_pagamento", "data_de_pagamento", "data_do_pagamento",
    "data_di_pagamento", "pagato_il", "betaaldatum", "betaald_op", "betalingsdatum",
})  # fmt: skip
#: Values that stand for no date: the order was not paid.
_NO_DATE = frozenset({"-", "--", "—", "–", "n/a", "na", "none", "null", "not paid", "unpaid", "nicht bezahlt"})


def paid_date_columns(df: pd.DataFrame, mapped: Any) -> list[int]:
    """Positions of ``df``'s columns named as an order's payment date, those mapped to one of ours left out.

    >>> paid_date_columns(pd.DataFrame(columns=["Sale Date", "Paid On Date", "Paid at"]), {"Paid at"})
    [1]
    """
    from .names import keys_of

    return [p for p, c in enumerate(df.columns) if str(c) not in mapped and keys_of(str(c)) & PAID_DATES]


def _status_said(df: pd.DataFrame) -> np.ndarray:
    """Whether each row's order status (a status column by name or by values) says paid or not paid."""
    from .names import keys_of
    from .order_columns import status_by_values

    said = np.zeros(len(df), dtype=bool)
    known = list(NOT_PAID | PAID | PAID_OR_REFUNDED)
    for position, name in enumerate(map(str, df.columns)):
        if keys_of(name) & (ORDER_STATUS_NAMES | STATE_NAMES) or status_by_values(df, position):
            said |= np.isin(said_statuses(df.iloc[:, position]), known)
    return said


def unpaid_by_paid_date(
    df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str
) -> np.ndarray | None:
    """Whether each row of ``df`` belongs to an order its payment date column says was never paid (see the module
    docstring); None when the file has no such column. :class:`DataError` naming the rows of a value that is
    neither a date nor blank."""
    from .line_statuses import unpaid_orders

    positions = paid_date_columns(df, set(names.values()))
    if not positions:
        return None
    blank = np.zeros(len(df), dtype=bool)
    found = []
    for position in positions:
        column, name = df.iloc[:, position], str(df.columns[position])
        codes, uniques = factorize(column)
        text = np.array([str(u).strip() for u in uniques], dtype=object)
        empty = (text == "") | np.isin(np.char.lower(text.astype(str)), list(_NO_DATE))
        dated = ~pd.isna(loose_datetimes(pd.Series(text, dtype=object))).to_numpy()  # two UTC offsets too
        if not (dated & ~empty).any():
            continue  # blank (or placeholders) in every row: an unused column says nothing
        odd = ~dated & ~empty
        if odd.any():
            rows = np.flatnonzero(np.isin(codes, np.flatnonzero(odd)))
            problem = (
                "values that are neither a date nor blank (whether these orders were paid cannot be told: write the "
                "date they were paid, or leave it blank where they were not)"
            )
            raise bad_rows(source, name, problem, rows, column.to_numpy())
        blank |= (codes < 0) | np.isin(codes, np.flatnonzero(empty))
        found.append(name)
    if not found:
        return None
    if "amount" in typed:  # a refund row carries no payment date
        blank &= ~(np.asarray(typed["amount"], dtype=np.float64) < 0)
    blank &= ~_status_said(df)  # a status speaks for its order
    out = unpaid_orders(typed.get("order_id"), blank)
    if out.any():
        count = int(out.sum()) if "order_id" not in typed else len(pd.unique(np.asarray(typed["order_id"])[out]))
        note(f"{source}: {count} order{'s' if count != 1 else ''} with no {' or '.join(map(repr, found))} left out as "
             f"not paid")  # fmt: skip
    return out
