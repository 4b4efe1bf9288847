"""Values already in the cells an import writes (typed by hand, or by an earlier import of other figures).

``import --into`` refuses to replace them unless ``--replace-typed`` is given (:func:`refuse_replacing`), naming the
sheets, the months, the first cells with the values they hold and the total; with the option, the report lists every
replaced cell with its old value (:func:`replaced_line`), so nothing typed is lost unseen.

>>> shown(20), shown(0.5), shown("see Bob's email"), shown(None)
('20', '0.5', '"see Bob\\'s email"', 'blank')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd

from ..recalculation.excel_functions._core import plain_number
from .inplace import LayoutError

__all__ = [
    "OPTION",
    "Replaced",
    "refuse_closed",
    "refuse_replacing",
    "replaced_line",
    "shown",
    "text_figure",
    "texts_line",
    "updated_line",
]

#: the import's option that allows replacing them
OPTION = "--replace-typed"
#: the cells the refusal names before "..."
FIRST = 6


@dataclass(frozen=True)
class Replaced:
    """A cell the import writes over: its sheet, its reference (quoted sheet!ref), its month, the value it holds."""

    sheet: str
    ref: str
    month: pd.Period | None
    old: Any
    #: a value typed over one of the template's formulas (the formula goes back), not an input
    over_formula: bool = False
    #: the value the import writes there
    new: Any = None
    #: the month the figure is of, where not ``month`` (a Cohorts cell: its cohort's month plus its months since)
    at: pd.Period | None = None
    #: the import record's group of the cell (fill's ``VISITS``), "" for the sheet's own
    group: str = ""
    #: what the cell is within its sheet and month (fill's ``put``: a column's key, ``+k`` a cohort's month k)
    label: str = ""

    @property
    def of(self) -> pd.Period | None:
        """The month the figure is of."""
        return self.at if self.at is not None else self.month


def shown(value: Any) -> str:
    """A cell's value as the report shows it: numbers as typed, text in double quotes, None as "blank"."""
    if value is None:
        return "blank"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return f'"{value}"'


def text_figure(old: Any, new: Any) -> bool:
    """Whether ``old`` is a text reading as exactly the number ``new`` the import writes (a count pasted as ``'2 '``
    or ``'95'``: the tracker reads it as its number, so it is that figure, not one that differs from the data; the
    import writes the number in its place, named by :func:`texts_line`; H349's finding 01).

    >>> text_figure("2 ", 2), text_figure(" 120 ", 120.0), text_figure("2", 3), text_figure("2,451", 2451)
    (True, True, False, False)
    """
    if not isinstance(old, str) or isinstance(new, bool) or not isinstance(new, int | float):
        return False
    read = plain_number(old.strip())
    return read is not None and float(f"{read:.15g}") == float(f"{new:.15g}")


def texts_line(cells: Sequence[Replaced]) -> str:
    """The report's line naming every cell that held the data's figure as a text, now the number."""
    each = ", ".join(f"{c.ref} (was {shown(c.old)})" for c in cells)
    many = len(cells) > 1
    return (
        f"{len(cells)} cell{'s' * many} of the imported months held the data's figure as a text, now "
        f"{'numbers' if many else 'a number'} (your own SUM, a pivot table or pandas skip a text): {each}"
    )


def _months(cells: Sequence[Replaced], of: bool = False) -> str:
    months = sorted({m for c in cells if (m := c.of if of else c.month) is not None})
    if not months:
        return ""
    return f" ({months[0]})" if len(months) == 1 else f" ({months[0]} to {months[-1]})"


def refuse_replacing(cells: Sequence[Replaced], name: str, why: str = "") -> None:
    """Raise a one-line :class:`LayoutError` naming what the import would replace, and how to go on (``why``: a
    clause saying why some of them are in the imported months)."""
    if not cells:
        return
    sheets: dict[str, list[Replaced]] = {}
    for cell in cells:
        sheets.setdefault(cell.sheet, []).append(cell)
    where = ", ".join(f"{len(on)} on {title}{_months(on)}" for title, on in sheets.items())
    first = ", ".join(f"{c.ref} = {shown(c.old)}" for c in cells[:FIRST]) + (", ..." if len(cells) > FIRST else "")
    over = sum(c.over_formula for c in cells)
    formulas = f"; {over} typed over the template's formulas, which would go back" if over else ""
    differ = "value that differs" if len(cells) == 1 else "values that differ"
    raise LayoutError(
        f"{name}: the months the import writes already hold {len(cells)} {differ} from the data (typed by hand or "
        f"by an earlier import{formulas}): {where}: {first}{'; ' + why if why else ''}; nothing was written: "
        f"to replace them, import again with {OPTION} (the console lists every replaced cell with its old value), "
        f"or clear them, or import into a copy"
    )


def refuse_closed(cells: Sequence[Replaced], name: str, through: str) -> None:
    """Raise a one-line :class:`LayoutError` naming the values an earlier import wrote in months closed when it ran
    (before the last month of its data, ``through``) that the data changes: a refresh updates only that month and
    later ones, since a change further back means another file than the one imported then, not a later one."""
    if not cells:
        return
    sheets: dict[str, list[Replaced]] = {}
    for cell in cells:
        sheets.setdefault(cell.sheet, []).append(cell)
    where = ", ".join(f"{len(on)} on {title}{_months(on, of=True)}" for title, on in sheets.items())
    first = ", ".join(f"{c.ref} {shown(c.old)} -> {shown(c.new)}" for c in cells[:FIRST])
    first += ", ..." if len(cells) > FIRST else ""
    values = "value" if len(cells) == 1 else "values"
    raise LayoutError(
        f"{name}: the data changes {len(cells)} {values} an earlier import wrote in months already closed when it ran "
        f"(its data went through {through}; a refresh updates that month and later ones): {where}: {first}; nothing "
        "was written: past months change when the file is another source (a second billing system or shop), a "
        "filtered export (active subscriptions only), today's prices and plans moved back over past months (a "
        "current-state export) or orders refunded since; combine the exports into one file, import a history export, "
        f"or, to take the new figures (a refund), import again with {OPTION} (the console lists every replaced cell "
        "with its old value)"
    )


def replaced_line(cells: Sequence[Replaced]) -> str:
    """The report's line: every replaced cell with the value it held (none left out)."""
    each = ", ".join(f"{c.ref} (was {shown(c.old)})" for c in cells)
    return (
        f"replaced {len(cells)} value{'s' * (len(cells) > 1)} already in those months (typed by hand or by an "
        f"earlier import; {OPTION}): {each}"
    )


def updated_line(cells: Sequence[Replaced]) -> str:
    """The report's line: the values an earlier import wrote (the month unchanged since) that this one updated."""
    each = ", ".join(f"{c.ref} (was {shown(c.old)})" for c in cells)
    return f"updated {len(cells)} value{'s' * (len(cells) > 1)} an earlier import wrote: {each}"
