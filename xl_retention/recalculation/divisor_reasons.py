"""Why a formula a user typed gives ``#DIV/0!``: the cell it divides by, 0 or blank (on a tracker's sheet or their own).

A user who types over a tracker's rate (``=D3/B3`` in place of ``=CRR(...)``), or writes a ratio beside it, gets
``#DIV/0!`` where the divisor is 0 or blank; the engine keeps only the code and no xl-retention function gives a reason,
so recalc listed the cell with none. Where the formula divides by a single cell (``/B3``, ``/'My Data'!$B$3``) holding
0 or blank, that cell is the reason (a division by the number 0 written in the formula, ``=1/0``, is left as the
workbook's own): ``Customers!F3: the formula divides by Customers!B3 (Customers at
start), which is 0 (#DIV/0!)``; the cells reading it get it passed on (:func:`~.reasons.pass_reasons_on`). On
a sheet of the user's own too (H199's finding 06: ``Model!B3: the formula divides by Model!B2, which is 0``): each
cell its divisor in the Python result and the JSON, while the console prints them as one kind
(:func:`division_kind`, :func:`division_line`: ``B2:D2, B3:C3, B4 (6 cells) = #DIV/0!: formulas divide by a cell
holding 0 or blank: 'My data'!A2, which is 0; ...``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..cells import CellError
from ..sheet_names import SHEET, written
from .read_cells import label as _label
from .text_literals import LITERALS as _LITERALS
from .unexplained import unexplained_errors

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["DIVISIONS", "division_kind", "division_line", "divisor_reasons"]

#: ``/B3``, ``/ 'My Data'!$B$3``, ``/0``: a single cell or a number right after a division (not a range's start, not
#: a function's name, not a part of a longer expression's first operand: ``/B3*2`` divides by B3 all the same)
_DIVISOR = re.compile(
    r"/\s*(?:(?:(" + SHEET + r")!)?\$?([A-Za-z]{1,3})\$?(\d+)(?![\w.(!:])|(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)(?![\w.(]))"
)


def _column(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _zero(value: Any) -> str | None:
    """How a divisor of ``value`` is shown when it divides by zero ("0", "blank"), else None."""
    if value is None or value == "":
        return "blank"
    if isinstance(value, bool):
        return "FALSE" if not value else None
    if isinstance(value, int | float) and value == 0:
        return "0"
    return None


#: the reason :func:`divisor_reasons` gives, passed on or not: the cell dividing, then what it divides by
_DIVISION = re.compile(
    r"^(?:" + SHEET + r")!\$?[A-Z]{1,3}\$?\d+: the formula divides by (?P<divisors>.+) \(#DIV/0!\)"
    r"(?:, from (?:" + SHEET + r")![A-Z]+[0-9]+)?$"  # passed on: the sheet as .reasons writes it (as Excel does)
)
#: the kind the console prints the reasons of :func:`divisor_reasons` under (one line for them all)
DIVISIONS = "formulas divide by a cell holding 0 or blank"
#: the most divisors a console line names
MAX_NAMED = 5


def division_kind(reason: str) -> str | None:
    """:data:`DIVISIONS` where ``reason`` is one :func:`divisor_reasons` gives (or its copy passed on, ``..., from
    S!B2``), else None: the console's one line per kind of error holds every division by 0 or blank.

    >>> division_kind("'My data'!B2: the formula divides by 'My data'!A2, which is 0 (#DIV/0!), from 'My data'!B2")
    'formulas divide by a cell holding 0 or blank'
    >>> division_kind("CRR: customers_start is 0 (no customers at the start): the ratio is undefined (#DIV/0!)")
    """
    return DIVISIONS if _DIVISION.match(reason) else None


def division_line(reasons: Sequence[str]) -> str:
    """The console's words for the cells whose ``reasons`` are :func:`division_kind`'s: one reason (its copies
    passed on aside) as it is; more, each divisor once, the first :data:`MAX_NAMED`.

    >>> division_line(["S!B2: the formula divides by S!A2, which is 0 (#DIV/0!)",
    ...                "S!B2: the formula divides by S!A2, which is 0 (#DIV/0!), from S!B2"])
    'S!B2: the formula divides by S!A2, which is 0 (#DIV/0!)'
    >>> division_line(["S!B2: the formula divides by S!A2, which is 0 (#DIV/0!)",
    ...                "S!B3: the formula divides by S!A3, which is blank and by T!C1, which is 0 (#DIV/0!)",
    ...                "S!D2: the formula divides by S!A2, which is 0 (#DIV/0!)"])
    'formulas divide by a cell holding 0 or blank: S!A2, which is 0; S!A3, which is blank; T!C1, which is 0'
    """
    found = [match for match in map(_DIVISION.match, reasons) if match is not None]
    roots = {match.group(0)[: match.end("divisors")] + " (#DIV/0!)" for match in found}
    if len(roots) == 1:
        return roots.pop()
    divisors: list[str] = []
    for match in found:
        divisors += [d for d in match["divisors"].split(" and by ") if d not in divisors]
    more = f"; and {len(divisors) - MAX_NAMED} more" if len(divisors) > MAX_NAMED else ""
    return f"{DIVISIONS}: {'; '.join(divisors[:MAX_NAMED])}{more}"


def divisor_reasons(workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed) -> int:
    """Give each ``#DIV/0!`` cell without a reason whose formula divides by a cell holding 0 or blank that cell as its
    reason, on every sheet; returns how many got one."""
    named = 0
    for sheet, ref, _place, text, _error in unexplained_errors(formulas, result, "#DIV/0!", lambda text: "/" in text):
        found = []
        for match in _DIVISOR.finditer(_LITERALS.sub('""', text)):
            if match.group(4) is not None:  # =1/0: the workbook's own, written so (tests/test_recalc_forms.py)
                continue
            where = match.group(1).strip("'").replace("''", "'") if match.group(1) else sheet
            row, column = int(match.group(3)), _column(match.group(2))
            try:
                held = workbook.get_value(where, row, column)
            except Exception:  # noqa: BLE001  (a sheet the engine does not have: nothing to name)
                continue
            shown = _zero(held)
            if shown is not None:
                cell = f"{written(where)}!{match.group(2).upper()}{row}{_label(workbook, where, row, column)}"
                if f"{cell}, which is {shown}" not in found:
                    found.append(f"{cell}, which is {shown}")
        if found:
            why = f"{written(sheet)}!{ref}: the formula divides by {' and by '.join(found)} (#DIV/0!)"
            result.values[sheet][ref] = CellError("#DIV/0!", why)
            named += 1
    return named
