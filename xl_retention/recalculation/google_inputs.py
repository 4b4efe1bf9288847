"""A tracker's input holding Google Sheets' formula that showed an error at download, named in the reasons (H332's 06).

Teams in Google Sheets fill inputs from another spreadsheet with IMPORTRANGE: ``#REF!`` until someone allows access,
``#N/A`` where nothing is found. Google's .xlsx download writes such a cell as
``IFERROR(__xludf.DUMMYFUNCTION("IMPORTRANGE(...)"),#N/A)``: the value shown, kept. The month's rates are then errors
whose reasons were empty (a ``#N/A`` taken for one the workbook asks for), did not name the cell (``customers_end is
the error value #N/A``) or spoke of a deleted cell (``#REF!`` in the formula's text: nothing was deleted).
:func:`google_error_inputs` finds those inputs; :func:`explain` gives the errors they cause their reason.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from ..cells import CellError
from ..sheet_names import written

if TYPE_CHECKING:
    from .batch_reports import CellIssue
    from .month_order import TrackerSheet

__all__ = ["explain", "google_error_inputs"]

_GOOGLE = re.compile(r'__xludf\.DUMMYFUNCTION\("((?:[^"]|"")*)"\)', re.IGNORECASE)
_CELL = re.compile(r"!\$?[A-Z]{1,3}\$?[0-9]")
_ERROR_TEXT = re.compile(r"#(?:N/A|REF!|VALUE!|DIV/0!|NAME\?|NUM!|NULL!|ERROR!)", re.IGNORECASE)


def _error_of(value: Any) -> str | None:
    """The error code a cell's computed ``value`` is or shows as text ('#N/A'); None for another value."""
    if isinstance(value, CellError):
        return value.code
    if isinstance(value, str) and _ERROR_TEXT.fullmatch(value.strip()):
        return value.strip().upper()
    return None


def google_error_inputs(
    path: str | Path, sheets: dict[str, TrackerSheet], values: dict[str, dict[str, Any]]
) -> list[tuple[str, str, str, str]]:
    """(sheet, ref, what to say, the error code) of each input cell of a tracker's monthly ``sheets`` (a column the
    template types) holding Google Sheets' download of a formula (``__xludf.DUMMYFUNCTION``) whose value is an error,
    or an error's text (``values``: the recalculation's, sheet -> cell -> value of every formula cell)."""
    from ..workbook.monthly import MONTH, template_formula_at
    from .typed_values import monthly_spec

    candidates: list[tuple[str, str, str, str]] = []  # (sheet, ref, header, code)
    for title, sheet in sheets.items():
        computed = values.get(title, {})
        if not computed:
            continue
        header = [str(h).strip() if h is not None else "" for h in sheet.rows[0]]
        if MONTH.header not in header:
            continue
        month_index = header.index(MONTH.header)
        inputs = [
            (c, header.index(c.header)) for c in monthly_spec(header).columns if c.header in header and c is not MONTH
        ]
        for row in range(sheet.first, len(sheet.rows) + 1):
            cells = sheet.rows[row - 1]
            if not isinstance(cells[month_index] if month_index < len(cells) else None, dt.date):
                break
            for column, index in inputs:
                if template_formula_at(column, row - (sheet.first - 2)):
                    continue
                ref = f"{get_column_letter(index + 1)}{row}"
                code = _error_of(computed.get(ref)) if ref in computed else None
                if code is not None:
                    candidates.append((title, ref, column.header, code))
    if not candidates:
        return []
    from .._workbooks import open_read_only

    try:
        wb = open_read_only(path)
    except Exception:  # noqa: BLE001  (not readable here: the reasons stay as they are)
        return []
    found = []
    try:
        for title, ref, header, code in candidates:
            formula = wb[title][ref].value
            match = _GOOGLE.search(formula) if isinstance(formula, str) else None
            if match is None:
                continue
            google = match.group(1).replace('""', '"')
            shown = google if len(google) <= 80 else google[:77] + "..."
            access = " (IMPORTRANGE: Allow access)" if google.upper().startswith("IMPORTRANGE") else ""
            found.append(
                (
                    title,
                    ref,
                    f"{written(title)}!{ref} ({header}) is Google Sheets' {shown}, which showed {code} when the file "
                    f"was downloaded (the download keeps the value shown): open it in Google Sheets{access} and "
                    "download the file again, or type the figure there",
                    code,
                )
            )
    finally:
        wb.close()
    return found


def _row(address: str) -> tuple[str, int]:
    sheet, _, ref = address.rpartition("!")
    digits = re.search(r"\d+", ref)
    return sheet.strip("'"), int(digits.group(0)) if digits else 0


def explain(errors: list[CellIssue], inputs: list[tuple[str, str, str, str]]) -> None:
    """Give each of ``errors`` whose reason is empty, names no cell or speaks of a deleted cell that is one of the
    ``inputs`` (:func:`google_error_inputs`) the reason of that input (the first on its sheet at or above its row,
    else the first), in place; and list each input itself, with its error and reason, where ``errors`` does not
    (a ``#N/A`` there is taken for one the workbook asks for, the text '#N/A' is no error value): before the first
    error naming it (its cause first), else last."""
    if not inputs:
        return
    from .month_order import DELETED

    for issue in errors:
        reason = issue.reason or ""
        sheet, row = _row(issue.address)
        said = next((i for i in inputs if f"{written(i[0])}!{i[1]}" in reason), None)
        if DELETED in reason and said is None:  # a cell truly deleted elsewhere: its own reason
            continue
        if reason and DELETED not in reason and _CELL.search(reason):  # a reason naming a cell: its own
            continue
        here = [i for i in inputs if i[0] == sheet and _row(f"{i[0]}!{i[1]}")[1] <= row]
        cause = said or (here[-1] if here else inputs[0])
        kept = "" if not reason or DELETED in reason else reason.rstrip(",").removesuffix(f" ({issue.error})") + ": "
        issue.reason = f"{kept}{cause[2]} ({issue.error})"
    _list_inputs(errors, inputs)


def _list_inputs(errors: list[CellIssue], inputs: list[tuple[str, str, str, str]]) -> None:
    """Each of ``inputs`` not among ``errors`` listed there (H346: the IMPORTRANGE cell itself was left out, its
    dependents alone named it), with the error it showed and its reason, in place."""
    from .batch_reports import CellIssue

    listed = {issue.address for issue in errors}
    for title, ref, said, error in inputs:
        address = f"{written(title)}!{ref}"
        if address in listed:
            continue
        at = next((i for i, issue in enumerate(errors) if address in (issue.reason or "")), len(errors))
        errors.insert(at, CellIssue(address, error, "", f"{said} ({error})"))
        listed.add(address)
