"""Formulas over a tracker's months follow the months an import adds.

Growing a tracker (:mod:`xl_retention.workbook.growth`) stretches its defined names, chart series, tables,
validations and formats to the new months. A formula typed in a cell can read the months directly too: a total of
the user's own on the Dashboard (``=SUM(Customers!C2:C25)``), an average on a sheet of their own
(``=AVERAGE(Revenue!M3:M25)``), a conditional format or validation reading them. :func:`stretch_formulas` stretches
those the same way: a range of more than one month (row) that ends at the sheet's old last month ends at the new
one; on "NPS scores" a range of more than one month column ending at the old last column ends at the new one.

Left as they are: one cell (``=Customers!D25``, the old last month itself), one row, references inside text
(``"C2:C25"``), references to another workbook (``[1]Customers!C2:C25``), and in the month rows of the monthly
sheets' template columns (each month's own formulas) every range not anchored with ``$`` at both ends: a running
count ``COUNT($D$2:D25)`` is the month's own, while ``=D25/SUM($D$2:$D$25)`` (a share of every month) is stretched.
A column of the user's own beside them is as any other sheet (``M2 =SUM(C2:C25)``, a total), but a range ending on
its cell's row (that month's own window).
Nor is, anywhere, a range whose end moves with its cell in a formula filled down (or right on "NPS scores"): a
rolling average ``=AVERAGE(Customers!C5:C7)`` under ``=AVERAGE(Customers!C4:C6)``, or a running total
``=SUM(Customers!C$2:C7)``, is its row's window, which stretching would widen (3 months made 6, silently).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from functools import lru_cache

from openpyxl.formula.translate import Translator
from openpyxl.utils import column_index_from_string, get_column_letter, quote_sheetname

from ..reading.notes import note
from . import inplace as ip
from .inplace import escape
from .monthly import FIRST_ROW, MONTHLY_SHEETS, NPS_SCORES_TITLE

__all__ = ["stretch_formula", "stretch_formulas"]

_P = rb"(?:[A-Za-z_][\w.\-]*:)?"
_F = re.compile(rb"(<" + _P + rb"f\b[^>]*>)([^<]*)(</" + _P + rb"f\s*>)")
_RULE_FORMULA = re.compile(rb"(<" + _P + rb"formula[12]?\b[^>]*>)([^<]*)(</" + _P + rb"formula[12]?\s*>)")
# a sparkline of Excel 2010's (in the sheet's extLst): the range it draws (<xm:f>) and the cell it is drawn in
_SPARKLINE = re.compile(rb"<" + _P + rb"sparkline\b[^>]*>.*?</" + _P + rb"sparkline\s*>", re.S)
_SPARK_CELL = re.compile(rb"<" + _P + rb"sqref\b[^>]*>([^<]*)</")


def stretch_formula(text: str, sheet: str, rows: tuple[int, int] | None = None, columns: tuple[int, int] | None = None,
                    local: bool = False, fixed: bool = False, filled: bool = False,
                    own: int | None = None) -> str:  # fmt: skip
    """``text`` (a formula, with or without its ``=``) with its ranges over ``sheet``'s months stretched.

    ``rows=(old_last, new_last)``: a range of two or more rows ending at ``old_last`` ends at ``new_last``;
    ``columns`` likewise for columns. ``local``: references without a sheet name are ``sheet``'s (a formula on
    that sheet). ``fixed``: only ranges anchored with ``$`` at both ends (``$C$2:$C$4``, a total of every month
    beside the months), not a running range (``$C$2:C4``, a month's own formula). ``filled``: the formula is the
    one of the cell before it filled down (or right), so a range whose end is not anchored with ``$`` is its cell's
    own window (a rolling average, a running total): left alone. ``own``: the formula's row; a range ending there
    (the row's own window, ``=AVERAGE(C2:C4)`` typed in row 4) is left alone.

    >>> stretch_formula("=SUM(Customers!C2:C4)+Customers!D4+SUM(Customers!B4:E4)", "Customers", rows=(4, 7))
    '=SUM(Customers!C2:C7)+Customers!D4+SUM(Customers!B4:E4)'
    >>> stretch_formula('=IF(A1="Customers!C2:C4","",[1]Customers!C2:C4)', "Customers", rows=(4, 7))
    '=IF(A1="Customers!C2:C4","",[1]Customers!C2:C4)'
    >>> stretch_formula("=AVERAGE(Customers!C2:C4)+SUM(Customers!C$2:C$4)", "Customers", rows=(4, 7), filled=True)
    '=AVERAGE(Customers!C2:C4)+SUM(Customers!C$2:C$7)'
    """

    def area(match: re.Match[str], piece: str) -> str:
        if match.group(7) is None or (match.start() > 0 and piece[match.start() - 1] in "]!"):
            return match.group(0)
        name = match.group(1)
        if name is not None and ip._unquote(name) != sheet or name is None and not local:
            return match.group(0)
        r1, r2 = int(match.group(5)), int(match.group(9))
        c1, c2 = column_index_from_string(match.group(3)), column_index_from_string(match.group(7))
        by_rows = rows is not None and r1 < r2 and (not fixed or match.group(4) == match.group(8) == "$")
        by_columns = columns is not None and c1 < c2 and (not fixed or match.group(2) == match.group(6) == "$")
        by_rows = by_rows and not (filled and match.group(8) != "$")  # a filled window ends at its own row
        by_rows = by_rows and not (r2 == own and match.group(8) != "$")  # its row's own window; $D$2:$D$4: all
        by_columns = by_columns and not (filled and match.group(6) != "$")
        if not by_rows and not by_columns:
            return match.group(0)
        return ip.extend_refs(match.group(0), sheet, rows if by_rows else None, columns if by_columns else None,
                              local=local)  # fmt: skip

    return ip.areas_outside_text(text, area)


def _in_xml(pattern: re.Pattern[bytes], xml: bytes, sheet: str, rows: tuple[int, int] | None,
            columns: tuple[int, int] | None, local: bool, fixed: bool = False,
            filled: bool = False, own: int | None = None) -> bytes:  # fmt: skip
    def one(match: re.Match[bytes]) -> bytes:
        inner = ip.unescape(match.group(2))
        new = stretch_formula(inner, sheet, rows, columns, local, fixed, filled, own)
        return match.group(0) if new == inner else match.group(1) + escape(new).encode() + match.group(3)

    return pattern.sub(one, xml)


def _formula(element: bytes | None) -> str | None:
    """The formula text of a ``<c>`` element (without ``=``), or None."""
    found = _F.search(element) if element is not None else None
    return ip.unescape(found.group(2)) if found is not None and found.group(2).strip() else None


def _filled(before: str | None, before_ref: str, formula: str | None, ref: str) -> bool:
    """Whether ``formula`` (at ``ref``) is ``before`` (the formula at ``before_ref``) filled down or right: its
    relative references moved by one row or column (openpyxl's :class:`~openpyxl.formula.translate.Translator`)."""
    if before is None or formula is None:
        return False
    moved = _translated(before, before_ref, ref)
    return moved is not None and moved.removeprefix("=") == formula.removeprefix("=")


@lru_cache(maxsize=1 << 16)
def _translated(before: str, before_ref: str, ref: str) -> str | None:
    """``before`` (at ``before_ref``) moved to ``ref``; None where the translator cannot read it. Cached: growing asks
    it again for every monthly sheet stretched, and the cells of every sheet (the Cohorts triangles grow with the
    square of the months)."""
    try:
        return Translator("=" + before, origin=before_ref).translate_formula(ref)
    except Exception:  # noqa: BLE001  (a formula the translator cannot read: taken as typed alone)
        return None


def stretch_formulas(package: ip.Package, sheet: str, rows: tuple[int, int] | None = None,
                     columns: tuple[int, int] | None = None, month_rows: int | None = None,
                     monthly: Collection[str] | None = None, answers: str = NPS_SCORES_TITLE,
                     template_columns: Mapping[str, Collection[int]] | None = None) -> int:  # fmt: skip
    """Stretch every cell formula, conditional-format and validation formula of ``package`` over ``sheet``'s months
    (see :func:`stretch_formula`); returns how many cells changed, and notes each (``Mine!A1 =SUM(Customers!C2:C4) ->
    =SUM(Customers!C2:C7)``, :mod:`xl_retention.reading.notes`: the import lists them).

    ``month_rows``: the last month row of the monthly sheets now; in their rows ``FIRST_ROW`` to it (each month's
    own formulas) only ranges anchored at both ends are stretched (``=D2/SUM($D$2:$D$25)``, a share of every month,
    not ``COUNT($D$2:D25)``); every cell of the answers sheet (``answers``: "NPS scores" or its new name) is left
    alone. Sheets whose markup the
    in-place editor does not know are left alone. ``monthly``: the titles of the monthly sheets (the template's by
    default; a sheet the user renamed under its own). ``template_columns``: the template's columns of each monthly
    sheet, by title; a cell of a month row in another column (a total of the user's own beside the months,
    ``Customers!M2 =SUM(C2:C4)``) is stretched as on any other sheet, but a range ending on its own row.
    """
    template_columns = template_columns or {}
    monthly = {spec.title for spec in MONTHLY_SHEETS} if monthly is None else set(monthly)
    quoted = escape(sheet).encode()
    changed = 0
    for title, part in package.parts.items():
        if part is None or part not in package.data or title == answers:
            continue
        local = title == sheet
        if not local and title not in package.sheets and quoted not in package.data[part]:
            continue  # names the sheet nowhere (a quick test on the raw part)
        try:
            xml = package.sheet(title)
        except ip.LayoutError:
            continue
        skip = (FIRST_ROW, month_rows) if title in monthly and month_rows is not None else None
        original: dict[str, str] = {}  # the formulas before stretching, by cell: is the next one filled from it?
        for number in sorted(xml.rows):
            row = xml.rows[number]
            fixed = skip is not None and skip[0] <= number <= skip[1]
            if not row.edited and not _F.search(row.raw):
                continue
            for ref, element in list(xml.cells_in_rows(number, number)):
                formula = _formula(element)
                column = column_index_from_string(ref.rstrip("0123456789"))
                side = fixed and title in template_columns and column not in template_columns[title]
                before = f"{ref.rstrip('0123456789')}{number - 1}" if rows is not None else (
                    f"{get_column_letter(column - 1)}{number}" if column > 1 else None)  # fmt: skip
                # only a formula naming the sheet (or on it) can change: the others are not read by the translator
                mentions = formula is not None and (local or sheet in formula or sheet.replace("'", "''") in formula)
                filled = mentions and before is not None and _filled(original.get(before), before, formula, ref)
                if mentions and side and not filled and rows is not None and formula is not None:
                    # the first of a filled run:
                    below = f"{ref.rstrip('0123456789')}{number + 1}"  # the next row's is this one filled down
                    after = dict(xml.cells_in_rows(number + 1, number + 1)).get(below)
                    filled = after is not None and _filled(formula, ref, _formula(after), below)
                if formula is not None:
                    original[ref] = formula
                new = _in_xml(_F, element, sheet, rows, columns, local, fixed and not side, filled,
                              number if side else None)  # fmt: skip
                if new != element:
                    xml.put(ref, new)
                    changed += 1
                    note(f"{title}!{ref} ={formula} -> ={_formula(new)}")  # said by the import (fill.py)
        tail = _rules(_sparklines(xml.tail, title, sheet, rows, columns), title, sheet, rows, columns, local)
        xml.tail = _in_xml(_RULE_FORMULA, tail, sheet, rows, columns, local)
        xml.tail = _in_xml(_F, xml.tail, sheet, rows, columns, local)  # Excel 2010's formats' and validations' <xm:f>
    return changed


#: a conditional format or validation, Excel 2010's in the extLst too (its formulas in <xm:f>, its range in <xm:sqref>)
_RULES = re.compile(rb"<(" + _P + rb")(conditionalFormatting|dataValidation)\b(?:[^>]*/>|.*?</\1\2\s*>)", re.S)
_KIND = {b"conditionalFormatting": "conditional format", b"dataValidation": "validation"}


def _rules(tail: bytes, title: str, sheet: str, rows: tuple[int, int] | None, columns: tuple[int, int] | None,
           local: bool) -> bytes:  # fmt: skip
    """``tail`` with the formulas of its conditional formats and validations over ``sheet``'s months stretched, each
    that changes noted (``validation Mine!A1: Customers!$A$2:$A$25 -> Customers!$A$2:$A$28``: a list of the months,
    a rule comparing with their average), as a cell's formula is: the user learns what now reads the new months."""

    def one(match: re.Match[bytes]) -> bytes:
        element = match.group(0)
        new = _in_xml(_F, _in_xml(_RULE_FORMULA, element, sheet, rows, columns, local), sheet, rows, columns, local)
        if new != element:
            start = element[: element.find(b">") + 1]
            sqref = ip.attribute(start, b"sqref") or ((found := _SPARK_CELL.search(element)) and found.group(1))
            where = f"{quote_sheetname(title)}!{ip.unescape(sqref or b'')}"
            pairs = [
                (ip.unescape(a.group(2)), ip.unescape(b.group(2)))
                for pattern in (_RULE_FORMULA, _F)
                for a, b in zip(pattern.finditer(element), pattern.finditer(new), strict=False)
                if a.group(2) != b.group(2)
            ]
            old, grown = ("; ".join(p[i] for p in pairs) for i in (0, 1))
            note(f"{_KIND[match.group(2)]} {where}: {old} -> {grown}")
        return new

    return _RULES.sub(one, tail)


def _sparklines(tail: bytes, title: str, sheet: str, rows: tuple[int, int] | None,
                columns: tuple[int, int] | None) -> bytes:  # fmt: skip
    """``tail`` (a sheet part after its cells) with the ranges its sparklines draw over ``sheet``'s months stretched
    as a chart's series are, each noted (``sparkline Customers!L2: Customers!D2:D4 -> Customers!D2:D6``)."""

    def one(match: re.Match[bytes]) -> bytes:
        new = _in_xml(_F, match.group(0), sheet, rows, columns, local=False)
        if new != match.group(0):
            cell = _SPARK_CELL.search(new)
            where = f"{quote_sheetname(title)}!{cell.group(1).decode()}" if cell else quote_sheetname(title)
            old, grown = (ip.unescape(found.group(2)) if (found := _F.search(x)) else "" for x in (match.group(0), new))
            note(f"sparkline {where}: {old} -> {grown}")
        return new

    return _SPARKLINE.sub(one, tail)
