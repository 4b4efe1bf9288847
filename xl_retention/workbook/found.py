"""The monthly sheets of a user's tracker as the import finds them: columns by header, months, the values typed.

:func:`read_sheets` reads every monthly sheet the workbook has (openpyxl, read-only) and refuses, in one line naming
the sheet, cell or header, what the import cannot place: a sheet the data needs missing, sheets covering different
months, months that do not follow each other, or a row that is not a month between months (a totals row).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd
from openpyxl.utils import get_column_letter

from . import inplace as ip
from .formats import monthly_name
from .template import CUSTOMERS, MONTH, MONTHLY_SHEETS, NPS_SCORES_TITLE, NPS_SUMMARY, PURCHASES, REVENUE, MonthlySheet

if TYPE_CHECKING:
    from .importer import Tables

# what a missing input header most likely means, added to the refusal
_OLD_PURCHASES = (
    "; trackers made before it compute 'Repeat purchase rate' from returning customers: "
    "make a new tracker (xl-retention new NEW.xlsx --start YYYY-MM) and import into it"
)
_MISSING_WHY = {(PURCHASES.title, "repeat"): _OLD_PURCHASES, (PURCHASES.title, "returning"): _OLD_PURCHASES}


def _period(value: Any) -> pd.Period | None:
    if isinstance(value, dt.datetime | dt.date):
        return pd.Period(value, freq="M")
    return None


@dataclass
class _Monthly:
    """A monthly sheet as found: its columns by key, its months, the values in its month rows."""

    spec: MonthlySheet
    columns: dict[str, int]
    months: list[pd.Period]
    values: dict[int, tuple]  # row -> the row's values

    def column(self, key: str) -> int:
        if key not in self.columns:
            header = next(c.header for c in self.spec.columns if c.key == key)
            why = _MISSING_WHY.get((self.spec.title, key), "")
            raise ip.LayoutError(f"{self.spec.title}: no column {header!r} in row 1 (the header it writes under){why}")
        return self.columns[key]

    def letter(self, key: str) -> str:
        return get_column_letter(self.column(key))

    def row(self, month: pd.Period) -> int:
        return 2 + (month - self.months[0]).n

    @property
    def last_row(self) -> int:
        return 1 + len(self.months)

    def value(self, row: int, column: int) -> Any:
        values = self.values.get(row, ())
        return values[column - 1] if column - 1 < len(values) else None


def _read_monthly(wb: Any, spec: MonthlySheet) -> _Monthly:
    rows = wb[spec.title].iter_rows(values_only=True)
    header = next(rows, ())
    found: dict[str, int] = {}
    for col, text in enumerate(header, start=1):
        if text is not None and str(text).strip() not in found:
            found[str(text).strip()] = col
    columns = {c.key: found[c.header] for c in spec.columns if c.header in found}
    sheet = _Monthly(spec, columns, [], {})
    month_col = sheet.column(MONTH.key)
    for r, values in enumerate(rows, start=2):
        cell = values[month_col - 1] if month_col - 1 < len(values) else None
        month = _period(cell)
        if month is None:
            _refuse_row_inside(spec.title, get_column_letter(month_col), r, cell, sheet.months, rows, month_col)
            break
        if sheet.months and month != sheet.months[-1] + 1:
            raise ip.LayoutError(
                f"{spec.title}!{get_column_letter(month_col)}{r} is {month}, not {sheet.months[-1] + 1}: "
                "the months of a tracking sheet must follow each other"
            )
        sheet.months.append(month)
        sheet.values[r] = values
    if not sheet.months:
        raise ip.LayoutError(f"{spec.title}: no months in column {get_column_letter(month_col)} under 'Month'")
    return sheet


def _refuse_row_inside(title: str, letter: str, r: int, cell: Any, months: list[pd.Period], rows: Any,
                       month_col: int) -> None:  # fmt: skip
    """Refuse a row that is not a month (a totals row, an empty row) with months below it, naming its cell: the
    sheet's months would end above it, and the other sheets would seem to cover more months."""
    for values in rows:
        later = _period(values[month_col - 1] if month_col - 1 < len(values) else None)
        if later is not None:
            what = f"is {cell!r}" if cell not in (None, "") else "is empty"
            above = f"{months[-1]} above, " if months else ""
            raise ip.LayoutError(
                f"{title}!{letter}{r} {what}, between months ({above}{later} below): a row that is not a month "
                "inside the months (a totals row?); move it below the last month or to another sheet"
            )


def _needed(tables: Tables) -> dict[str, str]:
    """The sheets the import writes on, each with what needs it (for the refusal when one is missing)."""
    needed: dict[str, str] = {}
    if tables.movements is not None:
        needed |= {CUSTOMERS.title: "--subscriptions", REVENUE.title: "--subscriptions"}
    for kind, frame in (("--orders", tables.purchases), ("--visits", tables.visits)):
        if frame is not None:
            needed.setdefault(PURCHASES.title, kind)
    if tables.scores is not None:
        needed |= {NPS_SUMMARY.title: "--nps", NPS_SCORES_TITLE: "--nps"}
    return needed


def renamed_sheets(wb: Any) -> dict[str, str]:
    """Monthly sheets of the template the user renamed: template title -> the sheet its months' name points to
    (Excel renames a name's references with the sheet: ``NPS_Months`` -> ``'Survey'!$A$2:$A$13``)."""
    out = {}
    for spec in MONTHLY_SHEETS:
        defined = wb.defined_names.get(monthly_name(spec.title))
        if spec.title in wb.sheetnames or defined is None:
            continue
        titles = {title for title, _ in defined.destinations if title in wb.sheetnames}
        if len(titles) == 1:
            out[spec.title] = titles.pop()
    return out


def refuse_renamed(wb: Any, name: str, added: str) -> None:
    """Refuse adding months (``added``: "the months 2026-04 to 2026-06") to a tracker with a renamed monthly sheet:
    it would keep its months while the others grow (NPS renamed 'Survey' stayed at 3 months of 6, exit 0)."""
    for template, title in renamed_sheets(wb).items():
        raise ip.LayoutError(
            f"{name}: the sheet {title!r} ({template!r} renamed?) cannot take {added} the other monthly sheets get: "
            f"rename it back to {template!r} and import again"
        )


def read_sheets(wb: Any, tables: Tables, name: str) -> dict[str, _Monthly]:
    """The monthly sheets the workbook has (all covering the same months); one line naming a sheet the data needs."""
    needed = _needed(tables)
    renamed = renamed_sheets(wb)
    for title, kind in needed.items():
        if title in renamed:  # its formulas, names and charts would take the import; growing it is not done yet
            raise ip.LayoutError(
                f"{name} has no sheet {title!r} ({renamed[title]!r} holds its months: the sheet renamed?), where the "
                f"{kind} data goes: rename {renamed[title]!r} back to {title!r} and import again"
            )
        if title not in wb.sheetnames:
            raise ip.LayoutError(
                f"{name} has no sheet {title!r}, where the {kind} data goes: put the sheet back (copy it from a new "
                "tracker: xl-retention new NEW.xlsx) or import into a tracker that has it"
            )
    sheets = {spec.title: _read_monthly(wb, spec) for spec in MONTHLY_SHEETS if spec.title in wb.sheetnames}
    if not sheets:
        raise ip.LayoutError(f"{name} has none of the monthly sheets of a tracker (xl-retention new makes one)")
    base = next(iter(sheets.values()))
    for sheet in sheets.values():
        _check_named_months(wb, sheet)
        if sheet.months[0] != base.months[0] or len(sheet.months) != len(base.months):
            raise ip.LayoutError(
                f"{sheet.spec.title} covers {sheet.months[0]} to {sheet.months[-1]}, {base.spec.title} "
                f"{base.months[0]} to {base.months[-1]}: the monthly sheets must cover the same months"
            )
    return sheets


def _check_named_months(wb: Any, sheet: _Monthly) -> None:
    """Refuse, naming the cell, a month row below the end of the sheet's month name (``Customers_Months``, ...): a
    month added by hand (a row copied down) that the names the Dashboard, the lifetime value and the charts read
    leave out, so figures imported there would be left out too. A tracker without the name is not checked."""
    defined = wb.defined_names.get(monthly_name(sheet.spec.title))
    try:
        destinations = list(defined.destinations) if defined is not None else []
    except (ValueError, TypeError, AttributeError):  # a name openpyxl cannot take apart (#REF!): not a range
        return
    if len(destinations) != 1 or destinations[0][0] != sheet.spec.title:
        return
    start = re.match(r"[A-Z]+([0-9]+)", destinations[0][1].replace("$", ""))
    if start is not None and int(start.group(1)) > 2:  # a month inserted above the first: no formulas, no names
        first = int(start.group(1))
        raise ip.LayoutError(
            f"{sheet.spec.title}!{sheet.letter(MONTH.key)}2 is the month {sheet.months[0]}, above the tracker's first "
            f"month (row {first}, where its names start): a month added by hand is left out of the Dashboard, the "
            f"lifetime value and the charts, and the first month's customers at start are read from row 2; delete "
            f"{'row 2' if first == 3 else f'rows 2 to {first - 1}'} (for earlier months, make a tracker that starts "
            f"there: xl-retention new NEW.xlsx --start {sheet.months[0]})"
        )
    end = re.search(r"([0-9]+)$", destinations[0][1].replace("$", ""))
    if end is None or int(end.group(1)) >= sheet.last_row:
        return
    row = int(end.group(1)) + 1
    if row < 2:
        return
    month = sheet.months[row - 2]
    raise ip.LayoutError(
        f"{sheet.spec.title}!{sheet.letter(MONTH.key)}{row} is the month {month}, below the tracker's last month "
        f"(row {row - 1}, where its names end): a month added by hand is left out of the Dashboard, the lifetime "
        f"value and the charts, and so would the figures imported there; delete the rows from {row} on and import "
        "again (import adds months at the end, formulas and names too)"
    )


# a range of "NPS scores" in a formula of the NPS sheet, as openpyxl reads it ('NPS scores'!B$2:B$1001)
_ANSWERS = re.compile(r"NPS scores'?!\$?([A-Z]{1,3})\$?([0-9]+):\$?([A-Z]{1,3})\$?([0-9]+)")


def check_answer_ranges(summary: _Monthly, columns: dict[pd.Period, int], rows: int, months: Any) -> None:
    """Refuse, naming the cell, when a formula of the NPS sheet in one of ``months`` reads other cells of "NPS scores"
    than the ones the import writes that month's answers to: rows 2 to ``rows`` + 1 of the column under the month's
    header (``columns``). A row inserted under the month headers (the formulas then read from row 3: every month's
    first answer left out) or columns moved would otherwise give wrong figures silently.
    """
    for month in months:
        if month not in summary.months or month not in columns:
            continue
        letter, row = get_column_letter(columns[month]), summary.row(month)
        for column in summary.spec.columns:
            if column.formula is None or column.key not in summary.columns:
                continue
            formula = summary.value(row, summary.columns[column.key])
            for found in _ANSWERS.finditer(formula if isinstance(formula, str) else ""):
                if found.group(1, 2, 3, 4) != (letter, "2", letter, str(rows + 1)):
                    ref = f"{get_column_letter(summary.columns[column.key])}{row}"
                    raise ip.LayoutError(
                        f"{summary.spec.title}!{ref} ({month}) reads 'NPS scores'!{found.group(1)}{found.group(2)}:"
                        f"{found.group(3)}{found.group(4)}, but {month}'s answers go under its header in rows 2 to "
                        f"{rows + 1} ({letter}2:{letter}{rows + 1}): a row inserted under the month headers or a "
                        "column moved? Undo it (or import into a new tracker: xl-retention new NEW.xlsx)"
                    )


_COHORT_HEADER = re.compile(r"Month ([0-9]+)")


def check_cohort_headers(wb: Any, title: str, top: int, left: int, right: int, name: str) -> None:
    """Refuse, naming the cell, when the "Month k" headers above the cohort triangle ``name`` (row ``top`` - 1,
    columns ``left`` to ``right``) do not count up from Month 0 where the counts are written by position: a column
    inserted or deleted inside the triangle would put each cohort's later months under the wrong header.
    """
    if top < 2:
        return
    header = next(wb[title].iter_rows(min_row=top - 1, max_row=top - 1, min_col=left, max_col=right,
                                      values_only=True), ())  # fmt: skip
    for k, text in enumerate(header):
        found = _COHORT_HEADER.fullmatch(str(text).strip()) if text is not None else None
        if found is not None and int(found.group(1)) != k:
            ref = f"{get_column_letter(left + k)}{top - 1}"
            raise ip.LayoutError(
                f"{title}!{ref} is {text!r}, but it is column {k + 1} of the cohort table {name}, where month {k} "
                "goes: a column inserted or deleted inside the table? Undo it (or import into a new tracker: "
                "xl-retention new NEW.xlsx)"
            )


__all__ = ["check_answer_ranges", "check_cohort_headers", "read_sheets"]
