"""Whether a row whose id says 'Total' is a report's totals or a customer named so ("Total", "TOTAL" beside "Total
Wine & More").

:mod:`.summaries` refuses a report's summary rows by their label. In the id column, a label with the row's dates
blank is a total (a customer's order has a date); with its dates filled it may be either: Excel's pivot tables date
their grand total, and a wholesaler's customer may be called "Total". The row is a report's when its other cells
look like one's (:func:`looks_like_totals`): a number that is the sum, the average or the count of its column's
other rows (as many decimals as the cell shows), a cell left blank in a column every other row fills, or a
statistics row after it ('Count', 'Max', 'Median', 'Number of orders'). Otherwise it is a customer's row and is read
as data: a real customer is never dropped, and a dated total is still refused.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["STATISTICS", "looks_like_totals"]

#: A report's statistics rows below its total ('Count', 'Max', 'Number of orders'): the label of a summary block.
STATISTICS = re.compile(
    r"(?i)^\s*(?:count|max(?:imum)?|min(?:imum)?|median|mode|std(?:ev)?|standard[\s_-]+deviation|variance|"
    r"number[\s_-]+of\b.*|anzahl|nombre|minimum|maximum|mittelwert)\s*:?\s*$"
)
_NUMBER = re.compile(r"^\(?-?[^\d\-]{0,4}-?(\d[\d,.' \u00a0]*)[^\d]{0,4}\)?$")


def _blank(value: object) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == ""


def _number(value: object) -> tuple[float, int] | None:
    """A cell as ``(number, decimals written)``, leniently (currency signs, thousands separators, a decimal comma
    after the last separator with other than three digits after it); None for text that is no number."""
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (int, float, np.integer, np.floating)):
        if pd.isna(value):
            return None
        text = repr(float(value))
        return float(value), 0 if float(value).is_integer() else len(text.split(".")[1]) if "." in text else 6
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _NUMBER.match(text)
    if match is None:
        return None
    digits = re.sub(r"[' \u00a0]", "", match.group(1))
    negative = text.startswith(("-", "(")) or "-" in text[: match.start(1)]
    decimals = 0
    marks = [c for c in digits if c in ",."]
    last = max(digits.rfind(","), digits.rfind("."))
    decimal_mark = len(set(marks)) == 2 or (len(marks) == 1 and len(digits) - last - 1 != 3)
    if decimal_mark:  # '1,234.50', '1.234,50', '12,5': the last mark; '1,234' and '1.234.567' are thousands
        decimals = len(digits) - last - 1
        digits = re.sub(r"[,.]", "", digits[:last]) + "." + digits[last + 1 :]
    else:
        digits = re.sub(r"[,.]", "", digits)
    try:
        number = float(digits)
    except ValueError:
        return None
    return (-number if negative else number), decimals


def _agrees(value: tuple[float, int], figure: float) -> bool:
    """Whether ``value`` (a number and its decimals written) shows ``figure``."""
    number, decimals = value
    return abs(number - figure) < 1e-6 * max(1.0, abs(figure)) or round(figure, decimals) == number


def _same_dates(df: pd.DataFrame, row: int, others: np.ndarray, dates: Sequence[int]) -> np.ndarray:
    """The rows among ``others`` whose cells in the columns ``dates`` are row ``row``'s (as written); none without
    ``dates``."""
    if not dates:
        return np.arange(0)
    same = np.ones(len(others), dtype=bool)
    for position in dates:
        column = df.iloc[others, position]
        same &= (
            column.map(lambda v: "" if _blank(v) else str(v).strip()) == str(df.iat[row, position]).strip()
        ).to_numpy()
    return others[same]


def _sums(cell: object, column: pd.Series) -> bool:
    """Whether ``cell`` is a number that shows the sum of ``column``'s numbers (each of its filled cells one)."""
    value = _number(cell)
    filled = column[~column.map(_blank).to_numpy(dtype=bool)]
    numbers = [n[0] for n in map(_number, filled) if n is not None]
    return value is not None and len(numbers) >= 2 and len(numbers) == len(filled) and _agrees(value, sum(numbers))


def looks_like_totals(df: pd.DataFrame, row: int, label: int, keys: Sequence[int], dates: Sequence[int] = ()) -> bool:
    """Whether row ``row`` of ``df``, labelled a total in its id column ``label`` with its dates filled, holds a
    report's totals rather than a customer's data (see the module's docstring). ``keys``: the positions of the id
    and date columns (not compared: a total's date is any day). ``dates``: the date columns among them; a number
    that is the sum of the other rows of the row's own dates (two at least: a pivot table's grand total of its last
    month, dated with it) is a total too.

    >>> df = pd.DataFrame({"id": ["Total Wine", "Acme", "Total"], "date": ["2026-01-05", "2026-01-07", "2026-02-03"],
    ...                    "amount": ["120", "80", "45"]})
    >>> looks_like_totals(df, 2, 0, [0, 1]), looks_like_totals(df.assign(amount=["120", "80", "200.00"]), 2, 0, [0, 1])
    (False, True)
    """
    others = np.arange(row) if row > 0 else np.arange(1, len(df))  # a total sums the rows above it (or below it)
    if len(others) == 0:
        return True
    after = range(row + 1, len(df)) if row > 0 else range(0)
    for later in after:
        first = next((v for v in df.iloc[later].tolist() if not _blank(v)), None)
        if isinstance(first, str) and STATISTICS.match(first):
            return True
    cells = df.iloc[row].tolist()
    peers = _same_dates(df, row, others, dates)
    for position, cell in enumerate(cells):
        if position == label or position in keys:
            continue
        if len(peers) >= 2 and _sums(cell, df.iloc[peers, position]):
            return True
        column = df.iloc[others, position]
        filled = ~column.map(_blank).to_numpy(dtype=bool)
        if _blank(cell):
            if len(others) >= 2 and filled.all():
                return True  # a report's total leaves the columns it does not sum blank
            continue
        value = _number(cell)
        if value is None:
            continue
        numbers = [n[0] for n in map(_number, column[filled]) if n is not None]
        if not numbers:
            continue
        figures = [sum(numbers), float(len(numbers)), float(len(others))]
        if len(set(numbers)) > 1:  # an average of equal numbers is each of them: no sign of a total
            figures.append(sum(numbers) / len(numbers))
        if any(_agrees(value, figure) for figure in figures[:1]) or (
            len(set(numbers)) > 1 and any(_agrees(value, figure) for figure in figures[1:])
        ):
            return True
    return False
