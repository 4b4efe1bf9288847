"""The monthly sheets of a user's tracker as the import finds them: columns by header, months, the values typed.

:func:`read_sheets` reads every monthly sheet the workbook has (openpyxl, read-only) and refuses, in one line naming
the sheet, cell or header, what the import cannot place: a sheet the data needs missing, sheets covering different
months, months that do not follow each other, or a row that is not a month between months (a totals row).
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from ..recalculation.google_functions import GOOGLE_FROZEN
from ..sheet_names import written
from . import inplace as ip
from .answers_sheet import answers_title, month_text
from .formats import monthly_name
from .monthly import months_apart
from .template import (
    _PLACEHOLDER,
    CUSTOMERS,
    MONTH,
    MONTHLY_SHEETS,
    NPS_SCORES_TITLE,
    NPS_SUMMARY,
    PURCHASES,
    REVENUE,
    MonthlySheet,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    import pandas as pd

    from .importer import Tables

# what a missing input header most likely means, added to the refusal
_OLD_PURCHASES = (
    "; trackers made before it compute 'Repeat purchase rate' from returning customers: "
    "make a new tracker (xl-retention new NEW.xlsx --start YYYY-MM) and import into it"
)
_MISSING_WHY = {(PURCHASES.title, "repeat"): _OLD_PURCHASES, (PURCHASES.title, "returning"): _OLD_PURCHASES}
#: the input headers a tracker of the old Purchases layout has neither of ("Of whom returning" there): a sheet with one
#: of them is this layout's, its other header renamed, which a new tracker would not mend (H188's finding 02)
_OLD_LACKS = ("repeat", "returning")
#: the first template's (8b3d91a7, 2026-11-22) header over its buyers who ordered in an earlier month, which its
#: 'Repeat purchase rate' reads as REPEAT_PURCHASE_RATE's first argument (this version's returning customers)
EARLY_RETURNING_HEADER = "Of whom returning"


def _period(value: Any) -> pd.Period | None:
    if isinstance(value, dt.datetime | dt.date):
        import pandas as pd  # here: recalc's check of a tracker (copied_sheet_line) runs without pandas

        return pd.Period(value, freq="M")
    return None


@dataclass
class FoundSheet:
    """A monthly sheet as found: its columns by key, its months, the values in its month rows."""

    spec: MonthlySheet
    columns: dict[str, int]
    months: list[pd.Period]
    values: dict[int, tuple]  # row -> the row's values
    #: the template's description of the sheet (``spec`` with the sheet's own title when the user renamed it)
    template: MonthlySheet | None = None
    #: a first template's "Purchases and visits" (no repeat purchasers nor returning customers columns): its "Of whom
    #: returning" column as the ``repeat`` its rate formula reads (``{"repeat": 3}``); never written to by an import
    early: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.template is None:
            self.template = self.spec

    def is_(self, spec: MonthlySheet) -> bool:
        """Whether this is the template's sheet ``spec`` (under its title or renamed)."""
        return self.template is spec

    def column(self, key: str) -> int:
        if key not in self.columns:
            header = next(c.header for c in self.spec.columns if c.key == key)
            why = _MISSING_WHY.get((self.template.title, key), "")
            if why and any(k in self.columns for k in _OLD_LACKS):  # this layout's, a header renamed: no old tracker
                why = ""
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


def read_monthly(wb: Any, template: MonthlySheet, title: str) -> FoundSheet:
    spec = template if title == template.title else replace(template, title=title)
    rows = wb[title].iter_rows(values_only=True)
    header = next(rows, ())
    found: dict[str, list[int]] = {}
    for col, text in enumerate(header, start=1):
        if text is not None:
            found.setdefault(str(text).strip(), []).append(col)
    columns = {c.key: _one_column(wb, spec, template, c, found[c.header]) for c in spec.columns if c.header in found}
    if MONTH.key not in columns:
        _refuse_header_below(wb[title], spec)
    sheet = FoundSheet(spec, columns, [], {}, template)
    if template is PURCHASES and not any(k in columns for k in _OLD_LACKS) and EARLY_RETURNING_HEADER in found:
        sheet.early = {"repeat": found[EARLY_RETURNING_HEADER][0]}
    month_col = sheet.column(MONTH.key)
    for r, values in enumerate(rows, start=2):
        cell = values[month_col - 1] if month_col - 1 < len(values) else None
        month = _period(cell)
        if month is None:
            _refuse_row_inside(spec.title, get_column_letter(month_col), r, cell, sheet.months, rows, month_col)
            if isinstance(cell, str) and cell.startswith("=") and sheet.months:
                letter = get_column_letter(month_col)
                formula_months(wb, spec.title, letter, r, cell, month_col)  # the tracker's own months (H332)
                _refuse_formula_month(spec.title, letter, r, cell, sheet.months[-1])
            break
        if sheet.months:
            before = sheet.months[-1]
            cell = f"{written(spec.title)}!{get_column_letter(month_col)}{r}"
            apart = months_apart(cell, (month.year, month.month), (before.year, before.month))
            if apart is not None:  # a month's row deleted: how to put it back said (H273's item 3)
                from ..recalculation.month_order import out_of_order
                from .deleted_months import missing_months_advice

                # rows sorted otherwise, a month repeated or mistyped: recalc's words (sort, type), never "insert a
                # row" (H544's finding 01: two months swapped got a third row of one of them)
                moved = out_of_order(spec.title, wb[title].iter_rows(values_only=True), backwards_only=True)
                if moved is not None:
                    raise ip.LayoutError(moved)

                pair = (month.year, month.month), (before.year, before.month)
                raise ip.LayoutError(missing_months_advice(cell, *pair) or apart)
        sheet.months.append(month)
        sheet.values[r] = values
    if not sheet.months:
        raise ip.LayoutError(f"{spec.title}: no months in column {get_column_letter(month_col)} under 'Month'")
    return sheet


def _one_column(wb: Any, spec: MonthlySheet, template: MonthlySheet, column: Any, cols: list[int]) -> int:
    """The column of ``cols`` (those headed ``column.header`` in row 1) that is the template's: the only one, or the
    one its defined name (``Customers_End``, ``Customers_Months``) points to where the user copied the column (header
    and values, as a backup); else refuse naming the cells: the import would write into the copy and the formulas
    read the other, or extend write the new months' formulas into the copy."""
    if len(cols) == 1:
        return cols[0]
    name = column.name or (monthly_name(template.title) if column.key == MONTH.key else None)
    defined = wb.defined_names.get(name) if name else None
    try:
        areas = list(defined.destinations) if defined is not None else []
    except (ValueError, TypeError, AttributeError):  # a name openpyxl cannot take apart (#REF!)
        areas = []
    named = {ip.split_ref(area.replace("$", "").partition(":")[0])[1] for title, area in areas if title == spec.title}
    if len(named) == 1 and named <= set(cols):
        return named.pop()
    cells = " and ".join(f"{written(spec.title)}!{get_column_letter(c)}1" for c in cols)
    raise ip.LayoutError(
        f"{cells} are {'both' if len(cols) == 2 else 'all'} {column.header!r}, so it cannot be told which one the "
        f"tracker's formulas read (a copy of the column?): rename the copy ('{column.header} (copy)') or delete it, "
        "and run again"
    )


def _refuse_header_below(ws: Any, spec: MonthlySheet, deepest: int = 10) -> None:
    """Refuse a sheet whose headers are below row 1 (a title row inserted above them), naming the cell of its
    'Month' header: the tracker's months are read and written from row 2, as its formulas and the import's place
    them. Nothing to say (the caller names the missing header) where no row down to ``deepest`` holds them."""
    headers = {c.header for c in spec.columns}
    rows = ws.iter_rows(min_row=2, max_row=deepest, values_only=True)
    for r, values in enumerate(rows, start=2):
        texts = [str(v).strip() if v is not None else None for v in values]
        if MONTH.header in texts and 2 * sum(t in headers for t in texts) > len(headers):
            above = next((v for row in ws.iter_rows(max_row=r - 1, values_only=True) for v in row if v is not None), "")
            what = f" ({above!r} above them)" if above != "" else ""
            cell = f"{get_column_letter(texts.index(MONTH.header) + 1)}{r}"
            raise ip.LayoutError(
                f"{written(spec.title)}!{cell} holds the header 'Month': the headers are in row {r}, not row 1{what}, "
                f"where the tracker's headers must be (its months are read and written from row 2): delete the "
                f"row{'s' if r > 2 else ''} above them (a title can go in the sheet's name or a comment) and run again"
            )


def formula_months(wb: Any, title: str, letter: str, r: int, formula: str, month_col: int) -> None:
    """Refuse a Month column whose months, inside the rows the tracker's month name covers (``Customers_Months``), are
    formulas (``=EDATE(A2,1)`` copied down; Google Sheets' ARRAYFORMULA, which its .xlsx download keeps as
    ``__xludf.DUMMYFUNCTION``), naming them and how to make them dates: they are the tracker's months, not months
    added by hand (H332's finding 10: the advice was to delete rows 3 on, 11 months of figures). Nothing where ``r``
    is below that name (a month added by hand: :func:`_refuse_formula_month`)."""
    from ..recalculation.month_order import _month_name_ends

    last = _month_name_ends(wb).get(title, (0, 0))[1]
    if r > last:
        return
    end = r
    column = wb[title].iter_rows(min_row=r, max_row=last, min_col=month_col, max_col=month_col, values_only=True)
    for below, (cell, *_) in enumerate(column, start=r):
        if isinstance(cell, str) and cell.startswith("="):
            end = below
    cells = f"{letter}{r}:{letter}{end}" if end > r else f"{letter}{r}"
    google = " (Google Sheets' ARRAYFORMULA, which its download keeps as a fixed value)" * (
        GOOGLE_FROZEN in formula.upper()
    )
    raise ip.LayoutError(
        f"{written(title)}!{cells} {'hold formulas' if end > r else 'holds a formula'} in the Month column "
        f"({formula[:40]!r}{google}) where the tracker's months are dates (its months run to row {last}): the months "
        "are read as typed dates; paste them as values (copy the column, then Paste Special > Values; Google Sheets: "
        "Paste special > Values only), keeping every row and figure, and run again"
    )


def _refuse_formula_month(title: str, letter: str, r: int, formula: str, last: pd.Period) -> None:
    """Refuse a formula in the Month column right below the last month (``=EDATE(A4,1)`` in a row copied down: a
    month added by hand, H189's finding 08): extend and import took it for a row of the user's under the months and
    moved it below the months they add, its figures read by nothing."""
    raise ip.LayoutError(
        f"{written(title)}!{letter}{r} holds the formula {formula[:40]!r} in the Month column, below the tracker's "
        f"last month {last} (row {r - 1}): a month added by hand (a row copied down) is left out of the Dashboard, the "
        f"lifetime value and the charts, and its figures would be left below the months added; move the figures of "
        f"rows {r} on out, delete those rows, add the months with xl-retention extend FILE --months N (or import) and "
        "type the figures into them"
    )


def _refuse_row_inside(title: str, letter: str, r: int, cell: Any, months: list[pd.Period], rows: Any,
                       month_col: int) -> None:  # fmt: skip
    """Refuse a row that is not a month (a totals row, an empty row) with months below it, naming its cell: the
    sheet's months would end above it, and the other sheets would seem to cover more months."""
    for values in rows:
        later = _period(values[month_col - 1] if month_col - 1 < len(values) else None)
        if later is not None and isinstance(cell, str) and month_text(cell.strip()) is not None:
            from ..recalculation.month_order import text_label  # a month typed as text: typed as a date (H544's 01)

            before = (months[-1].year, months[-1].month) if months else None
            raise ip.LayoutError(text_label(f"{written(title)}!{letter}{r}", cell, before))
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
        needed[NPS_SUMMARY.title] = "--nps"  # and its answers sheet (answers_sheet.answers_title)
    return needed


def _named_sheets(wb: Any, spec: MonthlySheet) -> set[str]:
    """The sheets of ``wb`` the template's names over ``spec``'s months and columns point to (``Revenue_Months``,
    ``Revenue_New``, ...): Excel renames a name's references with the sheet (``'MRR 2026'!$A$2:$A$13``)."""
    out: set[str] = set()
    for name in (monthly_name(spec.title), *(c.name for c in spec.columns if c.name)):
        defined = wb.defined_names.get(name)
        try:
            out |= {title for title, _ in defined.destinations if title in wb.sheetnames} if defined else set()
        except (ValueError, TypeError, AttributeError):  # a name openpyxl cannot take apart (#REF!): no sheet
            continue
    return out


def _looks_like(wb: Any, title: str, spec: MonthlySheet) -> bool:
    """Whether row 1 of sheet ``title`` holds 'Month' and most of ``spec``'s headers (a column or two deleted)."""
    if title not in wb.sheetnames or not hasattr(wb[title], "iter_rows"):  # a chart sheet has no cells
        return False
    header = next(wb[title].iter_rows(min_row=1, max_row=1, values_only=True), ())
    found = {str(text).strip() for text in header if text is not None}
    headers = [c.header for c in spec.columns]
    return MONTH.header in found and 2 * sum(h in found for h in headers) > len(headers)


def monthly_titles(wb: Any, name: str, command: str = "import") -> dict[str, str]:
    """The workbook's monthly sheets: template title -> the title of the sheet that is it, the template's or the one
    the user renamed it to ('Revenue' -> 'MRR 2026'), found by the names over its months and columns, or, without
    them, by its headers in row 1. A sheet the names point to besides one still under the template's title, both
    with the sheet's headers (a copy), or several sheets with its headers and no names, refuse naming them, and
    the sheet the names point to (the one the Dashboard reads) for ``command`` "recalc", which does not write."""
    out: dict[str, str] = {}
    for spec in MONTHLY_SHEETS:
        named = _named_sheets(wb, spec)
        if spec.title in wb.sheetnames and named <= {spec.title}:
            out[spec.title] = spec.title
            continue
        candidates = sorted(named | ({spec.title} & set(wb.sheetnames)))
        if not named:  # no names over it (deleted): a sheet with its headers no other monthly sheet is
            candidates = [t for t in wb.sheetnames if t not in out.values() and _looks_like(wb, t, spec)]
        alike = [t for t in candidates if _looks_like(wb, t, spec)] if len(candidates) > 1 else candidates
        if len(alike) > 1:
            shown = ", ".join(repr(t) for t in alike)
            why = f"so {command} cannot tell which one its months are in"
            fix = "delete or rename the copy (its headers changed)"
            read = [t for t in alike if t in named]
            if command == "recalc" and len(read) == 1:  # nothing written: which one the figures come from
                other = next(t for t in alike if t != read[0])
                why = (
                    f"and the tracker's formulas (the Dashboard, the lifetime value) read {read[0]!r} (its names point "
                    f"there), not what is typed in {other!r}"
                )
                fix = f"type the figures in {read[0]!r}, delete {other!r} or change its headers,"
            elif command == "recalc":
                why = "so it cannot be told which one the tracker's formulas read"
            again = "import again" if command == "import" else f"run {command} again"
            raise ip.LayoutError(
                f"{name}: the sheets {shown} each look like the tracker's {spec.title!r} sheet (its headers, its "
                f"names), {why}: {fix} and {again}"
            )
        if alike:
            out[spec.title] = alike[0]
    return out


def read_sheets(
    wb: Any, tables: Tables, name: str, command: str = "import", given: str | None = None
) -> dict[str, FoundSheet]:
    """The monthly sheets the workbook has (all covering the same months), by template title, each also when the
    user renamed it (:func:`monthly_titles`: its ``spec.title`` is then the sheet's own title, ``template`` the
    template's description); one line naming a sheet the data needs. ``given``: the file's path as the user gave it
    (``name`` where None), quoted in a command to run (``xl-retention upgrade '/some/dir/my tracker.xlsx'``)."""
    from .deleted_months import can_put_back, uneven_months

    def upgrade() -> str:  # the file for `xl-retention upgrade`, where it puts deleted months back (H426's F1, F5)
        return shlex.quote(given or name) if command != "upgrade" and can_put_back(wb, name) else ""

    titles = monthly_titles(wb, name, command)
    for title, kind in _needed(tables).items():
        if title not in titles and title not in wb.sheetnames:
            raise _missing(name, title, kind)
    sheets = {s.title: read_monthly(wb, s, titles[s.title]) for s in MONTHLY_SHEETS if s.title in titles}
    if tables.scores is not None and answers_title(wb, sheets.get(NPS_SUMMARY.title), name) is None:
        raise _missing(name, NPS_SCORES_TITLE, "--nps")  # nor one the NPS formulas read (renamed: written there)
    if not sheets:
        raise ip.LayoutError(f"{name} has none of the monthly sheets of a tracker (xl-retention new makes one)")
    base = next(iter(sheets.values()))
    for title in _needed(tables):
        if title in sheets:
            _check_formula_columns(sheets[title])
    for sheet in sheets.values():
        others = [_named_last(wb, s) for s in sheets.values() if s is not sheet]
        last = max((m for m in others if m is not None), default=None)
        _check_named_months(wb, sheet, command, last, upgrade)
        if sheet.months[0] != base.months[0] or len(sheet.months) != len(base.months):
            raise ip.LayoutError(uneven_months(sheet, base, upgrade()))
    return sheets


def named_rows(wb: Any, sheet: FoundSheet) -> tuple[int, int] | None:
    """The first and last rows of ``sheet``'s month name (``Customers_Months``); None without one (or one pointing
    elsewhere, or not a range)."""
    defined = wb.defined_names.get(monthly_name(sheet.template.title))
    try:
        destinations = list(defined.destinations) if defined is not None else []
    except (ValueError, TypeError, AttributeError):  # a name openpyxl cannot take apart (#REF!): not a range
        return None
    if len(destinations) != 1 or destinations[0][0] != sheet.spec.title:
        return None
    rows = [int(r) for r in re.findall(r"[A-Z]+([0-9]+)", destinations[0][1].replace("$", ""))]
    return (rows[0], rows[-1]) if rows else None


def _named_last(wb: Any, sheet: FoundSheet) -> pd.Period | None:
    """The last month of ``sheet`` its month name covers; None without one."""
    rows = named_rows(wb, sheet)
    if rows is None or not 2 <= rows[1] <= sheet.last_row:
        return None
    return sheet.months[rows[1] - 2]


def copied_sheet_line(path: str | Path) -> str | None:
    """For ``recalc`` (which writes nothing), the line :func:`monthly_titles` refuses a tracker at ``path`` with where
    two sheets each look like one of its monthly sheets (a copy of Customers called "Customers", the original
    renamed, still the one the Dashboard reads: H189's finding 09), without the file's name; else None (a workbook
    that cannot be read here: the recalculation's own refusal says why). The file is opened only where a monthly
    sheet's month name (``Customers_Months``) is missing or points away from a sheet under the template's title."""
    from .._workbooks import open_read_only
    from ..recalculation.typed_over import workbook_names

    titles, names = workbook_names(path)
    if all(
        monthly_name(spec.title) in names
        and (spec.title not in titles or names[monthly_name(spec.title)][0] == spec.title)
        for spec in MONTHLY_SHEETS
    ):  # each month name over its own sheet (or a renamed one): no copy under its title to tell apart
        return None

    try:
        wb = open_read_only(path)
    except Exception:  # noqa: BLE001  (not readable here: the recalculation says why)
        return None
    try:
        monthly_titles(wb, "", "recalc")
    except ip.LayoutError as error:
        return str(error).removeprefix(": ")
    finally:
        wb.close()
    return None


def _check_formula_columns(sheet: FoundSheet) -> None:
    """Refuse, as extend does when it writes the formulas, a sheet the import writes on where a column the
    template's formulas read was deleted ('Churn rate': 'Churn rates so far' beside it, the Dashboard's latest CRR and
    the lifetime value's churn read its #REF! name): the import would succeed and leave them errors, unsaid. A
    column earlier templates lacked (:data:`_MISSING_WHY`: their formulas do not read it), or an input column, is
    left to the import's own refusal where it writes there ("the header it writes under")."""
    keys = {c.key for c in sheet.spec.columns if c.formula is not None}  # an input's header: the import's refusal
    for column in sheet.spec.columns:
        if column.formula is None or column.key not in sheet.columns:
            continue
        for key in (match[1] for match in _PLACEHOLDER.finditer(column.formula)):
            if key in keys and key not in sheet.columns and (sheet.template.title, key) not in _MISSING_WHY:
                needs = next(c.header for c in sheet.spec.columns if c.key == key)
                raise ip.LayoutError(
                    f"{sheet.spec.title}: no column {needs!r} in row 1, which the formula of {column.header!r} needs"
                )


def _missing(name: str, title: str, kind: str) -> ip.LayoutError:
    return ip.LayoutError(
        f"{name} has no sheet {title!r}, where the {kind} data goes: put the sheet back (copy it from a new tracker: "
        "xl-retention new NEW.xlsx) or import into a tracker that has it"
    )


def _check_named_months(
    wb: Any,
    sheet: FoundSheet,
    command: str = "import",
    others: pd.Period | None = None,
    upgrade: Callable[[], str] = str,
) -> None:
    """Refuse, naming the cell, a month row below the end of the sheet's month name (``Customers_Months``, ...): a
    month added by hand (a row copied down) that the names the Dashboard, the lifetime value and the charts read
    leave out, so figures imported there would be left out too. A tracker without the name is not checked.
    ``others``: the last month the other monthly sheets' month names cover: a month up to it was deleted from this
    sheet and typed back (H397's finding 04), put back whole, not deleted again; ``upgrade()``: the file to name in
    ``xl-retention upgrade`` where it rebuilds that row, else ""."""
    defined = wb.defined_names.get(monthly_name(sheet.template.title))
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
    if others is not None and month <= others:  # the other sheets have it: deleted here and typed back
        from .deleted_months import typed_back

        cell = f"{sheet.spec.title}!{sheet.letter(MONTH.key)}{row}"
        raise ip.LayoutError(typed_back(cell, month, others, sheet.spec.title, upgrade()))
    raise ip.LayoutError(
        f"{sheet.spec.title}!{sheet.letter(MONTH.key)}{row} is the month {month}, below the tracker's last month "
        f"(row {row - 1}, where its names end): a month added by hand is left out of the Dashboard, the lifetime "
        f"value and the charts, and so would the figures {'imported' if command == 'import' else 'typed'} there; "
        + (
            f"delete the rows from {row} on and import again (import adds months at the end, formulas and names too)"
            if command == "import"
            else f"move the figures of rows {row} on out, delete those rows, run {command} "
            "again and type the figures into the months it adds (formulas and names too)"
        )
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


def _held(value: Any) -> bool:
    """Whether a cell holds a figure other than 0 (text too: something was put there)."""
    if value is None or value == "":
        return False
    return not (isinstance(value, int | float) and not isinstance(value, bool) and value == 0)


def check_history(sheets: dict[str, FoundSheet], tables: Tables) -> None:
    """Refuse orders or visits that start after months already holding buyers or visitors.

    Returning customers (and the order cohorts) and returning visitors of a month need every earlier order or
    visit; the workbook keeps only counts, so a file of the next month alone would count everyone as new.
    """
    checks = (("orders", tables.purchases, "buyers", "returning customers and order cohorts", "order"),
              ("visits", tables.visits, "visitors", "returning visitors", "visit"))  # fmt: skip
    for kind, frame, key, what, event in checks:
        sheet = sheets.get(PURCHASES.title)
        if frame is None or not len(frame) or sheet is None or key not in sheet.columns:
            continue
        first = frame.index[0]
        held = [m for m in sheet.months if m < first and _held(sheet.value(sheet.row(m), sheet.columns[key]))]
        if held:
            source = tables.sources.get(kind, Path(f"the {kind}")).name
            span = f"{held[0]} holds" if len(held) == 1 else f"{held[0]} to {held[-1]} hold"
            header = next(c.header for c in sheet.spec.columns if c.key == key)
            raise ip.LayoutError(
                f"{sheet.spec.title}: {span} {header!r} (typed or from an earlier import), but {source} starts in "
                f"{first}: its {what} need every earlier {event}, which the workbook does not keep; import the "
                f"whole history (every {event} since {held[0]} in one file; import replaces the months it covers)"
            )


__all__ = ["FoundSheet", "check_cohort_headers", "check_history", "named_rows", "read_monthly", "read_sheets"]
