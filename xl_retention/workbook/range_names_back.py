"""The template's range names a user deleted (in Google Sheets' Named ranges, or Excel's Name Manager), defined again
by ``xl-retention upgrade`` where the tracker's formulas read them (H346; KNOWN's Google Sheets item).

A team keeping the tracker in Google Sheets deletes a named range it does not recognise (``Customers_Churn``) and
downloads the file: the Dashboard's churn (C9) and the Lifetime value's churn (B5, then B7, B8) are ``#NAME?``, and
the notes reading ``LTV_Churn_Error_Row`` (a name defined by a formula over ``Customers_Churn``) cannot be computed.
recalc named the name and its range; ``upgrade`` said "its formulas are this version's already (nothing changed)"
(:mod:`.names_back` defined again only the names defined by a formula, which Google drops). :func:`range_names_back`
defines again each of the template's names over a range that a formula of the workbook reads (a cell's, or a defined
name's: ``LTV_Churn_Error_Row`` reads ``Customers_Churn``) and the workbook lacks, where the range is found as the
template has it:

- a monthly sheet's column (``Customers_Churn``): the column under the template's header in row 1, wherever it is,
  over the sheet's month rows (``'Customers'!$G$2:$G$13`` for 12 months); the months' name over the Month column;
- a Lifetime value input or figure (``LTV_Churn``): column B of the row whose label (column A) is the template's;
- the Cohorts sheet's fits and survivors (``SBG_Alpha``, ``Cohort_Counts``): the template's cells for the tracker's
  number of months, where column A holds the template's label there (the months of the survivors' rows).

A name that cannot be found so (its column's header renamed, the row's label changed, the sheet deleted) is named in
the note as not defined again, with why, and recalc keeps naming the cells that read it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from openpyxl.utils import get_column_letter, quote_sheetname

from . import inplace as ip

__all__ = ["RANGES_BACK", "range_names_back"]

#: how upgrade's note on the range names it defined again starts (:data:`.names_back.NAMES_BACK`'s words, so that the
#: report says the file changed and ``upgrade --recalc`` recalculates)
RANGES_BACK = "defined the template's names"

_F_TEXT = re.compile(rb"<(?:[\w.\-]+:)?f\b[^>]*>([^<]+)</(?:[\w.\-]+:)?f\s*>")
_DEFINED = re.compile(rb"<(?:\w+:)?definedName\b([^>]*)>([^<]*)<")
#: the Cohorts sheet's names (:func:`.sheets.cohorts_sheet`), whose cells depend on the number of months
_COHORT = (
    "Cohort_Counts",
    "Cohort_Retention",
    "Order_Cohort_Counts",
    "Order_Cohort_Share",
    "SBG_Projection",
    "SBG_Alpha",
    "SBG_Beta",
    "SBG_Log_Likelihood",
    "BDW_Alpha",
    "BDW_Beta",
    "BDW_Log_Likelihood",
    "BDW_C",
)


def _template_ranges(sheets: dict[str, Any]) -> dict[str, tuple[str, str, str]]:
    """Each of the monthly sheets' names -> (the sheet's title, the column's key, its header), months' names too."""
    from .formats import monthly_name
    from .monthly import MONTH

    out: dict[str, tuple[str, str, str]] = {}
    for sheet in sheets.values():
        template = sheet.template
        for column in template.columns:
            if getattr(column, "name", None):
                out[column.name] = (sheet.spec.title, column.key, column.header)
        out[monthly_name(template.title)] = (sheet.spec.title, MONTH.key, MONTH.header)
    return out


def _template_sheet(months: int, cohorts: bool) -> tuple[Any, dict[str, tuple[str, int, str]]]:
    """The template's Lifetime value sheet (``cohorts``: its Cohorts sheet for ``months`` months) as a new tracker
    has it, and its names -> (the sheet's title, the range's first row, its address without the sheet)."""
    from openpyxl import Workbook

    from .lifetime_value import lifetime_sheet
    from .monthly import COHORTS_TITLE, LIFETIME_TITLE
    from .sheets import cohorts_sheet

    wb = Workbook()
    if cohorts:  # a cohort's month in column A: compared as a date (:func:`_same`)
        firsts = [dt.date(2001 + i // 12, 1 + i % 12, 1) for i in range(months)]
        return cohorts_sheet(wb, COHORTS_TITLE, firsts, [], []), _cells_of(wb)
    return lifetime_sheet(wb, LIFETIME_TITLE, {}), _cells_of(wb)


def _cells_of(wb: Any) -> dict[str, tuple[str, int, str]]:
    out = {}
    for name, defined in wb.defined_names.items():
        try:
            ((title, ref),) = list(defined.destinations)
        except (ValueError, TypeError, AttributeError):  # a named formula: not a range
            continue
        row = int(re.search(r"\d+", ref).group(0))
        out[name] = (title, row, ref)
    return out


def _cohort_cells(months: int) -> dict[str, tuple[str, int, str, Any]]:
    """The Cohorts sheet's names the template's formulas read -> (title, row, address, the label in column A of that
    row) for ``months`` months, as :func:`.sheets.cohorts_sheet` lays them out (the survivors from row 4, their shares
    below, then the sBG fit's and the BdW fit's rows): found without building the sheet (15 s for 120 months)."""
    from .monthly import COHORTS_TITLE

    last = get_column_letter(months + 1)
    month = dt.date(2001, 1, 1)  # a cohort's month: any date (:func:`_same`)
    shares = months + 7
    fit = 2 * months + 10
    out = {
        "Cohort_Counts": (COHORTS_TITLE, 4, f"$B$4:${last}${3 + months}", month),
        "Cohort_Retention": (COHORTS_TITLE, shares, f"$B${shares}:${last}${shares + months - 1}", month),
    }
    for letter, name in zip("BCD", ("SBG_Alpha", "SBG_Beta", "SBG_Log_Likelihood"), strict=True):
        out[name] = (COHORTS_TITLE, fit, f"${letter}${fit}", "fit")
    for letter, name in zip("BCDE", ("BDW_Alpha", "BDW_Beta", "BDW_Log_Likelihood", "BDW_C"), strict=True):
        out[name] = (COHORTS_TITLE, fit + 1, f"${letter}${fit + 1}", "BdW fit")
    return out


@functools.cache
def _lifetime_cells() -> dict[str, tuple[str, int, str, Any]]:
    """The template's Lifetime value names -> (title, row, address, the label in column A of that row): built once a
    process (0.1 s)."""
    ws, cells = _template_sheet(0, False)
    return {name: (title, row, ref, ws.cell(row=row, column=1).value) for name, (title, row, ref) in cells.items()}


def _labels(wb: Any, title: str) -> list[Any]:
    """Column A of sheet ``title`` of the read-only workbook ``wb``, row 1 first."""
    return [row[0] if row else None for row in wb[title].iter_rows(min_col=1, max_col=1, values_only=True)]


def _cohorts_of(wb: Any, labels: dict[str, list[Any]]) -> int:
    """The number of cohorts of the Cohorts sheet of ``wb`` (read-only): its signup months in column A from row 4, one
    after another (fewer than the monthly sheets' months where it could not grow with them: a Cohorts sheet left
    behind, :mod:`.cohorts_behind`); 0 without the sheet. ``labels``: column A of the sheets read, filled in."""
    from .monthly import COHORTS_TITLE

    if COHORTS_TITLE not in wb.sheetnames:
        return 0
    if COHORTS_TITLE not in labels:
        labels[COHORTS_TITLE] = _labels(wb, COHORTS_TITLE)
    count = 0
    for label in labels[COHORTS_TITLE][3:]:
        if not isinstance(label, dt.date):
            break
        count += 1
    return count


def _same(label: Any, template: Any) -> bool:
    if isinstance(template, dt.date):  # a cohort's month: the sheet's own months, any of them
        return isinstance(label, dt.date)
    return label == template


def _read_names(package: ip.Package, candidates: set[str], named: dict[str, str]) -> set[str]:
    """Those of ``candidates`` (upper case) a formula of ``package``'s sheets reads, or one of the named formulas
    (``named``: name -> its formula: the workbook's and the template's, which :mod:`.names_back` adds) that one reads
    (``LTV_Churn_Error_Row`` reads ``Customers_Churn``)."""
    from .upgrade_cells import _names_in

    uses = {name.upper(): {n.upper() for n in _names_in(formula)} & candidates for name, formula in named.items()}
    uses = {name: read for name, read in uses.items() if read}
    sought = candidates | set(uses)
    if not candidates:
        return set()
    seek = re.compile("|".join(re.escape(c) for c in sorted(sought)).encode(), re.I)
    read: set[str] = set()
    for part in package.parts.values():
        data = package.data.get(part) if part is not None else None
        if data is None or seek.search(data) is None:
            continue
        for text in {m.group(1) for m in _F_TEXT.finditer(data) if seek.search(m.group(1))}:
            read |= {n.upper() for n in _names_in(ip.unescape(text))} & sought
    for name in read & set(uses):
        read |= uses[name]
    return read & candidates


def _workbook_names(package: ip.Package) -> dict[str, str]:
    """The workbook-level names of ``package`` -> their text (a sheet's own names left out)."""
    out = {}
    for match in _DEFINED.finditer(package.data.get("xl/workbook.xml", b"")):
        name = ip.attribute(match.group(1), b"name")
        if name is not None and ip.attribute(match.group(1), b"localSheetId") is None:
            out[name.decode()] = ip.unescape(match.group(2))
    return out


def range_names_back(package: ip.Package, wb: Any, sheets: dict[str, Any]) -> list[str]:
    """Define again in ``package`` each of the template's range names that a formula reads and the workbook lacks
    (``wb``: the workbook read only; ``sheets``: its monthly sheets, :func:`.found.read_sheets`); the notes saying
    which (with their ranges) and which could not be found, none where none is missing.

    Example: ``Customers_Churn`` deleted from a 12-month tracker -> defined as ``'Customers'!$G$2:$G$13``, the note
    "defined the template's names Customers_Churn ('Customers'!$G$2:$G$13), which the tracker's formulas read and
    this workbook did not define (deleted: in Google Sheets, Data > Named ranges): the cells reading them are computed
    again".
    """
    from .lifetime_forms import _lifetime_title
    from .lifetime_value import LIFETIME_NAMED
    from .named_formulas import add_names

    have = _workbook_names(package)
    upper = {n.upper() for n in have}
    monthly = _template_ranges(sheets)
    lifetime = _lifetime_cells()
    base = next(iter(sheets.values()), None)
    months = len(base.months) if base is not None else 0
    ours = {
        **dict.fromkeys(monthly, "monthly"),
        **dict.fromkeys(lifetime, "fixed"),
        **dict.fromkeys(_COHORT, "cohort"),
    }
    missing = {n.upper(): n for n in ours if n.upper() not in upper}
    named = {**LIFETIME_NAMED, **{n: t for n, t in have.items() if "!" not in t}}
    read = _read_names(package, set(missing), named)
    if not read:
        return []
    defined: dict[str, str] = {}
    lost: list[str] = []
    cohort_template: tuple[Any, dict[str, tuple[str, int, str]]] | None = None
    cohort_months: int | None = None
    labels: dict[str, list[Any]] = {}
    for key in sorted(read, key=lambda k: list(ours).index(missing[k])):
        name = missing[key]
        kind = ours[name]
        if kind == "monthly":
            title, column_key, header = monthly[name]
            sheet = next(s for s in sheets.values() if s.spec.title == title)
            if column_key not in sheet.columns:
                lost.append(f"{name} (no column {header!r} in row 1 of {quote_sheetname(title)})")
                continue
            letter = get_column_letter(sheet.columns[column_key])
            defined[name] = f"{quote_sheetname(title)}!${letter}$2:${letter}${sheet.last_row}"
            continue
        if kind == "fixed":
            title, row, ref, template_label = lifetime[name]
            actual = _lifetime_title(wb)
        else:
            if cohort_months is None:  # the sheet's own cohorts: it may be behind the monthly sheets (H354)
                cohort_months = _cohorts_of(wb, labels) or months
            quick = _cohort_cells(cohort_months) if cohort_months else {}
            if name in quick:
                title, row, ref, template_label = quick[name]
            else:  # a name no template formula reads (a formula of the user's): the sheet built to find it
                if cohort_template is None:
                    cohort_template = _template_sheet(cohort_months, True) if cohort_months else (None, {})
                ws, cells = cohort_template
                if name not in cells:
                    lost.append(f"{name} (no Cohorts table of the template's for {cohort_months} months)")
                    continue
                title, row, ref = cells[name]
                template_label = ws.cell(row=row, column=1).value
            actual = title if title in wb.sheetnames else None
        if actual is None:
            lost.append(f"{name} (no sheet {quote_sheetname(title)})")
            continue
        if actual not in labels:
            labels[actual] = _labels(wb, actual)
        here = labels[actual]
        if not (row <= len(here) and _same(here[row - 1], template_label)):
            lost.append(f"{name} ({quote_sheetname(actual)}!A{row} is not the template's {template_label!r})")
            continue
        defined[name] = f"{quote_sheetname(actual)}!{ref}"
    notes = []
    if defined:
        add_names(package, defined)
        listed = ", ".join(f"{n} ({r})" for n, r in defined.items())
        notes.append(
            f"{RANGES_BACK} {listed}, which the tracker's formulas read and this workbook did not define (deleted: in "
            "Google Sheets, Data > Named ranges): the cells reading them are computed again"
        )
    if lost:
        notes.append(
            "upgrade cannot define again the template's names "
            + ", ".join(lost)
            + ", which the tracker's formulas read: define each in Formulas > Name Manager (Google Sheets: Data > "
            "Named ranges) over the cells a new tracker's has (xl-retention new)"
        )
    return notes
