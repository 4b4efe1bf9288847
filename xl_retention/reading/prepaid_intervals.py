"""A prepaid subscription's order interval beside its charge interval (Recharge): refused, naming both columns.

Recharge's subscriptions export writes how often a subscription is charged (``charge_interval_frequency``, taken as
the interval count) and how often it ships an order (``order_interval_frequency``; ``shipping_interval_frequency``
in its migration template), both in ``order_interval_unit``. Where they differ the subscription is prepaid: charged
every 3 months for 3 monthly orders. Whether its ``price`` is the charge's (the legacy prepaid product priced at the
whole upfront amount: MRR = price / 3) or one order's (prepaid plans of variant level plans, whose charge Recharge
computes as the price times the orders: MRR = price / 1) the export does not say, so one reading or the other is 3
times off. Such rows are refused naming both columns, the first row and its two frequencies; rows whose two
frequencies are equal (not prepaid) read as before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .errors import DataError, TableRows, row_of, source_of
from .names import key

__all__ = ["ORDER_FREQUENCIES", "refuse_prepaid_intervals"]

#: The columns of how often an order ships, beside the charge's interval count (:func:`~.names.key`).
ORDER_FREQUENCIES = frozenset({"order_interval_frequency", "shipping_interval_frequency"})


def _numbers(values: pd.Series) -> np.ndarray:
    return pd.to_numeric(values.astype(object).map(lambda v: str(v).strip()), errors="coerce").to_numpy(
        dtype=np.float64
    )


def refuse_prepaid_intervals(
    df: pd.DataFrame, names: Mapping[str, str], source: str, positions: Sequence[int] | None = None
) -> None:
    """Refuse rows whose order frequency differs from the charge's interval count (see the module docstring).
    ``positions``: the data rows of ``source`` that ``df``'s rows are (a database's rows fetched by
    :func:`~xl_retention.relational.prepaid_rows.refuse_prepaid_table`), named so; a table's by their values.

    >>> df = pd.DataFrame({"price": [30, 90], "charge_interval_frequency": [1, 3], "order_interval_frequency": [1, 1]})
    >>> names = {"amount": "price", "interval_count": "charge_interval_frequency"}
    >>> try:
    ...     refuse_prepaid_intervals(df, names, "subs.csv")
    ... except DataError as error:
    ...     print(str(error)[:93])
    subs.csv: row 3: 'charge_interval_frequency' is 3 and 'order_interval_frequency' 1: a prepaid
    """
    count = names.get("interval_count")
    columns = [str(c) for c in df.columns]
    if count is None or columns.count(count) != 1:
        return
    used = {key(c) for c in names.values()}
    for column in columns:
        if key(column) not in ORDER_FREQUENCIES or key(column) in used or columns.count(column) != 1:
            continue
        charge, order = _numbers(df[count]), _numbers(df[column])
        differ = np.flatnonzero((charge != order) & ~np.isnan(charge) & ~np.isnan(order))
        if not len(differ):
            continue
        at = int(differ[0])
        c, o = charge[at], order[at]
        price = names.get("amount") or names.get("mrr")
        what = repr(price) if price else "the price"
        where = row_of(source_of(df, source), at)
        if positions is not None and not isinstance(source, TableRows):
            where = row_of(source, int(positions[at]))
        raise DataError(
            f"{source}: {where}: {count!r} is {c:g} and {column!r} {o:g}: a prepaid "
            f"subscription (charged every {c:g} intervals for {c / o:g} orders); whether {what} is the charge's "
            f"(MRR = price / {c:g} intervals) or one order's (MRR = price / {o:g} intervals) the export does not "
            f"say; import the prepaid subscriptions with a column of the price per charge or per month (mrr), or "
            f"remove them",
            source=source,
            column=column,
        )
