"""A CSV file with a title above its header ("Orders export", "Generated 2026-03-01", a blank line, then the header).

A sheet's title block is skipped (:mod:`.excel_sheets`); in a CSV file the first line is the header, so a title
there was read as the header: "row 4 has 3 fields where the header has 1 names", or every row "with 2 fields more
than the header's", naming no cause. :func:`refuse_title_lines` names the header's row and the title instead; in a
sheet whose title block is not skipped, :func:`header_below` finds the row of the header's names for the refusal of
the missing columns.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .errors import DataError
from .names import key

__all__ = ["header_below", "refuse_title_lines"]


def _filled(fields: list[str]) -> list[str]:
    return [f.strip() for f in fields if f.strip()]


def _number(text: str) -> bool:
    try:
        float(text.replace(",", "").replace(" ", ""))
    except ValueError:
        return False
    return True


def _names(rows: list[list[str]], h: int) -> bool:
    """Whether ``rows[h]`` may be a header: two names or more (texts, none a number, none twice), followed by a row
    of as many fields."""
    cells = _filled(rows[h])
    return (
        len(cells) >= 2
        and not any(_number(c) for c in cells)
        and len(set(cells)) == len(cells)
        and len(rows[h + 1]) == len(rows[h])
    )


def _known(cells: list[str]) -> bool:
    """Whether one of ``cells`` is a column name an import reads ('Date', 'customer_id'), as :func:`key` spells it.
    The Google Analytics add-on's sheet starts with a report block ('Report Configuration', then 'Report Name',
    'Visitors' and 'Last Run On', ...), a blank row, then the data's header 'Client ID', 'Date': the block's first
    pair was named as the header (H332's finding 09)."""
    from .columns import SCHEMAS

    names = {n for required, optional in SCHEMAS.values() for n in (*required, *optional)}
    return any(key(c) in names for c in cells)


def refuse_title_lines(lines: list[str], sep: str, quotechar: str, skipped: int, source: str) -> None:
    """Refuse a CSV file whose first lines (``lines``, after ``skipped`` comment lines) are a title block: each of one
    field or none, then a line of two names or more (texts, none a number, none twice) followed by a line of as many
    fields: the header (or, past a line of several fields that is not one, a later header of the import's names: a
    date range 'From: 2026-01-01,To: 2026-03-31' above a blank line). The message names the header's row and the
    title.

    >>> refuse_title_lines(["Orders export", "", "customer_id,date", "a,2026-01-05"], ",", '"', 0, "o.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv: row 3 holds the names 'customer_id', 'date' (counting the first \
row as row 1): the header, below a title ('Orders export')? delete the rows above it
    >>> refuse_title_lines(["customer_id,date", "a,2026-01-05"], ",", '"', 0, "o.csv")  # a header first: nothing
    >>> refuse_title_lines(["Report Configuration,", "Report Name,Visitors", "Last Run On,7/1/2025", ",",
    ...                     "Client ID,Date", "111.1,20250105"], ",", '"', 0, "v.csv")  # a report block's pairs
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: v.csv: row 5 holds the names 'Client ID', 'Date' (counting the first \
row as row 1): the header, below a title ('Report Configuration', 'Report Name', ...)? delete the rows above it
    >>> refuse_title_lines(["Orders report", "From: 2026-01-01,To: 2026-03-31", "", "email,date,amount",
    ...                     "a@x.com,2026-01-05,10"], ",", '"', 0, "o.csv")  # a date range line, a blank line
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv: row 4 holds the names 'email', 'date', 'amount' (counting the \
first row as row 1): the header, below a title ('Orders report', 'From: 2026-01-01', ...)? delete the rows above it
    """
    rows = list(csv.reader(lines[:21], delimiter=sep, quotechar=quotechar))
    if len(rows) < 3 or len(_filled(rows[0])) != 1:
        return
    for h in range(1, len(rows) - 1):
        cells = _filled(rows[h])
        if len(cells) < 2:
            continue
        later = next((b for b in range(h + 1, len(rows) - 1) if _names(rows, b) and _known(_filled(rows[b]))), None)
        if not _names(rows, h):  # a date range ('From: 2026-01-01', 'To: 2026-03-31') above a blank line
            if later is None:
                return
            h = later
        elif not _known(cells) and later is not None:  # 'Report Name', 'Visitors' of a report block
            h = later
        cells = _filled(rows[h])
        titles = [c for row in rows[:h] for c in _filled(row)]
        shown = ", ".join(repr(c) for c in cells[:4]) + (", ..." if len(cells) > 4 else "")
        title = ", ".join(repr(t) for t in titles[:2]) + (", ..." if len(titles) > 2 else "")
        raise DataError(
            f"{source}: row {skipped + h + 1} holds the names {shown} (counting the first row as row 1): the header, "
            f"below a title ({title})? delete the rows above it",
            source=source,
        )


def header_below(df: pd.DataFrame, wanted: Sequence[str], source: str) -> str:
    """Where the first 20 rows of ``df`` hold a row of names, among them each of ``wanted`` (as :func:`key` spells
    them): the header below a title block that was read as the header ('Orders export', then the names), what to
    do, naming that row as the file or sheet numbers it; else "".

    >>> df = pd.DataFrame({"Orders export": ["Generated 2026-03-01", "customer_id", "a"], "": [None, "date", "x"]})
    >>> header_below(df, ["customer_id", "date"], "o.csv")
    "row 3 holds the names 'customer_id', 'date' (counting the first row as row 1): the header, below a title? \
delete the rows above it"
    """
    for p in range(min(20, len(df))):
        cells = [v.strip() for v in df.iloc[p].tolist() if isinstance(v, str) and v.strip()]
        if (
            len(cells) < 2
            or len(cells) != _filled_count(df.iloc[p].tolist())
            or not set(wanted) <= {key(c) for c in cells}
        ):
            continue
        return _below(df, p, cells, source)
    if _grouped(df):  # 'Customer' over ID and Email, 'Order' over Date, Number, Total: the names of none wanted
        return _below(df, 0, [v.strip() for v in df.iloc[0].tolist()], source)
    return ""


def _filled_count(values: list[object]) -> int:
    return sum(not (v is None or (isinstance(v, float) and np.isnan(v)) or str(v).strip() == "") for v in values)


def _grouped(df: pd.DataFrame) -> bool:
    """Whether ``df``'s header is a grouped header row (two distinct names or more, each over blank cells: a range
    merged across, ``Customer`` over A1:B1, or a group name left in the first column of its group) and its first row
    the names below it: a text in every column, none a number, none twice, above a row holding a number or a date
    (a row of data, not a second row of names).

    >>> df = pd.DataFrame([["ID", "Email", "Date"], ["1", "a@x", pd.Timestamp("2025-01-05")]],
    ...                   columns=["Customer", "", "Order"])
    >>> _grouped(df), _grouped(df.set_axis(["Customer", "Email", "Order"], axis=1))
    (True, False)
    """
    header = [str(c).strip() for c in df.columns]
    named = [c for c in header if c]
    if len(df) < 2 or len(named) < 2 or len(set(named)) != len(named) or len(named) == len(header) or not header[0]:
        return False
    first = df.iloc[0].tolist()
    cells = [v.strip() for v in first if isinstance(v, str) and v.strip()]
    if len(cells) != len(header) or len(set(cells)) != len(cells) or any(_number(c) for c in cells):
        return False
    if set(named) & set(cells):
        return False

    def datum(v: object) -> bool:  # a number or a date (a cell of data), or a number written as text ('1001')
        if isinstance(v, str):
            return _number(v)
        return isinstance(v, (int, float, np.number, datetime.date)) and _filled_count([v]) == 1

    return any(datum(v) for v in df.iloc[1].tolist())


def _below(df: pd.DataFrame, p: int, cells: list[str], source: str) -> str:
    """The refusal's advice: row ``p`` of ``df`` (``cells``: its names) is the header, as the file or sheet numbers
    it."""
    from .errors import FileRows, Source

    if isinstance(source, Source):
        where = f"row {source.header_row + 1 + p} of sheet {source.sheet!r}"
    else:
        rows = source.file_rows if isinstance(source, FileRows) else None
        skipped = getattr(df.attrs.get("dialect"), "skip_rows", 0)
        number = (int(rows[p]) if rows is not None and p < len(rows) else p + 2) + skipped
        where = f"row {number} (counting the first row as row 1)"
    shown = ", ".join(repr(c) for c in cells[:4]) + (", ..." if len(cells) > 4 else "")
    return (
        f"{where.split(' (')[0]} holds the names {shown}{where[len(where.split(' (')[0]) :]}: the header, "
        "below a title? delete the rows above it"
    )
