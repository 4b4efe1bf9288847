"""A payment attempt that failed before its order was paid: dunning's declined charge and its paid retry.

A billing system's transactions export (Recurly's, Chargebee's, Braintree's) lists each attempt to collect an
invoice: a charge declined on 10 October and its retry paid on 13 October are two rows of one invoice. Mapped as the
order id, the invoice's rows were one order whose first row, the declined attempt, gave its date (the paid retry's
refused as "another date than its first row"), and the order with a declined row counted as not paid. So
(:func:`failed_attempts`) a row whose status says the payment failed (declined, failed, error, ...) in an order that
has a row whose status says paid is an attempt that did not go through: left out (no payment, and no cancellation
of the order), as a refund line that failed is. An order whose rows all failed stays not paid.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .order_statuses import ORDER_STATUS_NAMES, PAID, said_statuses

__all__ = ["FAILED", "failed_attempts"]

#: Statuses (as :func:`~.orders.said_statuses` spells them) of a payment attempt that did not go through.
FAILED = frozenset({"failed", "declined", "failure", "timeout", "error", "processor_declined", "gateway_rejected",
                    "settlement_declined", "refused"})  # fmt: skip


def failed_attempts(df: pd.DataFrame, order_ids: Any) -> np.ndarray:
    """Whether each row of ``df`` is a failed attempt of an order (``order_ids``: each row's) paid by another row
    (see the module docstring), by the file's status column.

    >>> df = pd.DataFrame({"status": ["declined", "success", "declined", "cancelled", "success"]})
    >>> failed_attempts(df, ["1003", "1003", "1005", "1006", "1006"]).tolist()
    [True, False, False, False, False]
    """
    from .columns import keys_of

    out = np.zeros(len(df), dtype=bool)
    columns = [p for p, c in enumerate(map(str, df.columns)) if keys_of(c) & ORDER_STATUS_NAMES]
    if len(columns) != 1 or not len(df):
        return out
    status = said_statuses(df.iloc[:, columns[0]])
    failed = np.isin(status, list(FAILED))
    if not failed.any():
        return out
    codes = pd.factorize(np.asarray(order_ids, dtype=object))[0]
    known = codes >= 0
    paid = np.bincount(codes[known], weights=np.isin(status, list(PAID))[known], minlength=codes.max() + 1) > 0
    return failed & known & paid[np.where(known, codes, 0)]
