"""The template's names defined by a formula, lost by a Google Sheets round trip, said and defined again (H332's 01).

The Lifetime value notes (C5, C8) read two names whose value is a formula (:data:`.lifetime_value.LIFETIME_NAMED`:
``LTV_Churn_Error_Row``, ``LTV_MRR_Run_Row``). Google Sheets' named ranges can only be ranges, so a tracker uploaded
there and downloaded as .xlsx comes back without them (every range name survives). The notes read them inside
IFERROR: no ``#NAME?`` shows, C5 is a bare ``#N/A`` and C8 gives the wrong advice ("type a number there" for an error
that starts on Revenue). recalc names the names missing (:func:`missing_names_line`); upgrade defines them again
(:func:`names_back`) and says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["NAMES_BACK", "missing_names", "missing_names_line", "names_back"]

#: how upgrade's note on the names it defined again starts
NAMES_BACK = "defined the template's names"


def missing_names(formulas: Iterable[Any], names: set[str]) -> dict[str, str]:
    """The template's named formulas (name -> its formula) that ``formulas`` (cell values: those that are formulas
    count) read and ``names`` (the workbook's names) lacks, where the names they read themselves are there."""
    from .lifetime_value import LIFETIME_NAMED
    from .upgrade_cells import _names_in

    read: set[str] = set()
    for formula in formulas:
        if isinstance(formula, str) and formula.startswith("="):
            read |= {n.upper() for n in _names_in(formula)}
    have = {n.upper() for n in names}
    return {
        name: formula
        for name, formula in LIFETIME_NAMED.items()
        if name.upper() in read and name.upper() not in have and {n.upper() for n in _names_in(formula)} <= have
    }


def names_back(package: Any, formulas: Iterable[Any], names: set[str], title: str) -> str | None:
    """Define again in ``package`` the template's named formulas the ``formulas`` of sheet ``title`` read and the
    workbook lacks (``names``); the note saying so, or None where none is missing."""
    from openpyxl.utils import quote_sheetname

    from .named_formulas import add_names

    missing = missing_names(formulas, names)
    if not missing:
        return None
    add_names(package, missing)
    names |= set(missing)
    listed = ", ".join(missing)
    return (
        f"{NAMES_BACK} {listed}, which the notes of {quote_sheetname(title)} read and this workbook did not define "
        "(Google Sheets keeps only names of ranges): the notes say again which cell an error comes from"
    )


def missing_names_line(path: Any, errors: Iterable[Any] = ()) -> str | None:
    """recalc's line naming the template's named formulas the Lifetime value sheet of the workbook at ``path`` reads
    and the workbook does not define; None where none is missing (or the file is no tracker with that sheet). The
    sheet is found under any title the user gave it (:func:`.lifetime_forms._lifetime_title`: 'CLV'). Each of
    ``errors`` (recalc's cell issues: ``address``, ``reason``) without a reason whose cell there reads a missing name
    (its notes, C5 and C8) gets the line as its reason: a bare #N/A otherwise."""
    import zipfile

    from openpyxl.utils import get_column_letter

    from .._workbooks import open_read_only
    from .lifetime_forms import _lifetime_title
    from .lifetime_value import LIFETIME_NAMED
    from .upgrade_cells import _names_in

    try:  # every name there (the workbook's part read alone): nothing else is read
        with zipfile.ZipFile(path) as package:
            part = package.read("xl/workbook.xml")
        if all(f'name="{name}"'.encode() in part for name in LIFETIME_NAMED):
            return None
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    try:
        wb = open_read_only(path)
    except Exception:  # noqa: BLE001  (not readable here: the recalculation's own words stand)
        return None
    try:
        title = _lifetime_title(wb)
        if title is None:
            return None
        cells = {
            f"{get_column_letter(column)}{row}": value
            for row, values in enumerate(wb[title].iter_rows(min_col=2, max_col=3, values_only=True), start=1)
            for column, value in enumerate(values, start=2)
        }
        missing = missing_names(cells.values(), set(wb.defined_names))
    finally:
        wb.close()
    if not missing:
        return None
    names = ", ".join(missing)
    line = (
        f"the template's name{'s' * (len(missing) > 1)} {names}, which the notes of the '{title}' sheet read, "
        f"{'are' if len(missing) > 1 else 'is'} not defined in this workbook (Google Sheets keeps only names of "
        "ranges): those notes cannot say which cell an error comes from (a bare #N/A, or the wrong advice): run "
        "xl-retention upgrade on the file, which defines them again"
    )
    wanted = {name.upper() for name in missing}
    reading = {
        ref
        for ref, value in cells.items()
        if isinstance(value, str) and value.startswith("=") and {n.upper() for n in _names_in(value)} & wanted
    }
    for issue in errors:
        sheet, _, ref = str(issue.address).rpartition("!")
        if issue.reason or sheet.strip("'").replace("''", "'") != title:
            continue
        if ref.replace("$", "").upper() in reading:
            issue.reason = line
    return line
