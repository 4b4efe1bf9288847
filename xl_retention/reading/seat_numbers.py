"""A column named as the quantity (seats) whose values number the rows: never read as seats unasked.

A billing export's ``Quantity`` (``Seats``, ``Qty``) is taken as the quantity by its name: MRR = amount x quantity /
months per interval. A column of that name whose every row is one more than the row above (1, 2, 3, 4, 5, 6 on six
rows: :func:`~.count_columns._running_numbers`) numbers the rows, most likely (a report's line number left under that
header): read as seats, each MRR would be multiplied by its row's number (the sixth row's 10 a month read as 60),
silently. :func:`refuse_running_quantity` refuses it, naming the column, its values and both ways on; mapped
explicitly (``--columns quantity=Quantity``) it is read as seats.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .count_columns import _numbers, _running_numbers
from .errors import DataError
from .names import columns_option

__all__ = ["refuse_running_quantity"]


def refuse_running_quantity(
    df: pd.DataFrame, picked: Mapping[str, int], rename: Mapping[str, str], source: str
) -> None:
    """Refuse the column ``picked`` as ``quantity`` by its name (not in ``rename``: the user's map) whose values run
    1, 2, 3, ... one more on each row (:data:`~.count_columns.RUNNING_ROWS` rows or more).

    >>> df = pd.DataFrame({"Quantity": [1, 2, 3, 4, 5]})
    >>> refuse_running_quantity(df, {"quantity": 0}, {"quantity": "Quantity"}, "s.csv")  # mapped: seats
    >>> refuse_running_quantity(df, {"quantity": 0}, {}, "s.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv: column 'Quantity' holds 1, 2, 3, 4, 5, one more on each row than ...
    """
    if "quantity" not in picked or "quantity" in rename:
        return
    column = df.columns[picked["quantity"]]
    values = df.iloc[:, picked["quantity"]]
    if _running_numbers(values) != "ids":
        return
    numbers = _numbers(values)
    shown = ", ".join(f"{n:g}" for n in (numbers if numbers is not None else [])[:6])
    more = ", ..." if numbers is not None and len(numbers) > 6 else ""
    raise DataError(
        f"{source}: column {str(column)!r} holds {shown}{more}, one more on each row than on the row above: each "
        "row's running number, it seems, not seats; read as the quantity it would multiply each row's MRR by its "
        "row's number (MRR = amount x quantity / months per interval). A running number: remove or rename the "
        f"column; seats: map it: {columns_option([('quantity', str(column))])}",
        source=source,
        column=str(column),
    )
