"""Header cells written on several lines (Alt+Enter in Excel: "Customer⏎ID", "Signup⏎date") as one line.

Excel keeps the line break inside the cell, and a CSV file saved from it holds the name quoted over two lines. The
names are matched by their words (:func:`~.names.key` treats any whitespace as one separator), and refusals quote
them: ``'Customer\\nID'`` reads as a name with a backslash in it, where the user sees the words "Customer ID". So a
name's line breaks (with the spaces around them) become one space when the file is read, a no-break space (a header
copied from a web page, quoted ``'Customer\\xa0ID'``) a space, and characters of no width are left out; nothing else
in the name changes, and the file itself is never touched.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

__all__ = ["has_line_break", "header_on_one_line", "one_line_headers"]

_BREAK = re.compile(r"[ \t\u00a0]*[\r\n\u2028\u2029\v\f]+[\s]*")
#: Spaces a web page or a PDF leaves in a name (no-break, narrow, figure spaces), which messages quote as '\xa0'.
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2009\u200a\u3000]")
#: Characters of no width ("Customer\u200bID" reads "CustomerID"): what the user sees is the name without them.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")


def has_line_break(name: Any) -> bool:
    """Whether a header name holds a line break (Alt+Enter in an Excel cell).

    >>> has_line_break("Customer\\nID"), has_line_break("Customer ID")
    (True, False)
    """
    return isinstance(name, str) and _BREAK.search(name) is not None


def _unusual(name: Any) -> bool:
    return isinstance(name, str) and (has_line_break(name) or bool(_SPACES.search(name) or _INVISIBLE.search(name)))


def one_line(name: Any) -> Any:
    """``name`` with each line break (and the spaces around it) as one space, a no-break space as a space and
    characters of no width left out; other names as they are.

    >>> one_line("Signup\\r\\n date"), one_line(" Total "), one_line(3), one_line("Customer\\xa0ID\\u200b")
    ('Signup date', ' Total ', 3, 'Customer ID')
    """
    if not _unusual(name):
        return name
    name = _SPACES.sub(" ", _INVISIBLE.sub("", name))
    return _BREAK.sub(" ", name).strip() if has_line_break(name) else name


def one_line_headers(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with its header names on one line (:func:`one_line`), in place; ``df`` itself is returned.

    >>> one_line_headers(pd.DataFrame(columns=["Customer\\nID", "MRR"])).columns.tolist()
    ['Customer ID', 'MRR']
    """
    names = list(df.columns)
    if any(_unusual(n) for n in names):
        df.columns = [one_line(n) for n in names]
    return df


def header_on_one_line(lines: list[str], quote: str = '"') -> list[str]:
    """``lines`` (a CSV file's first lines) with the header's lines joined by a space where a quoted name goes on
    over several of them (Alt+Enter in Excel), so that the separator is counted on the whole header.

    >>> header_on_one_line(['"Customer', 'ID";Month;MRR', 'c1;2026-01;10'])
    ['"Customer ID";Month;MRR', 'c1;2026-01;10']
    """
    end = 0
    while end < len(lines) - 1 and "".join(lines[: end + 1]).count(quote) % 2 == 1 and end < 20:
        end += 1
    return [" ".join(lines[: end + 1]), *lines[end + 1 :]] if end else lines
