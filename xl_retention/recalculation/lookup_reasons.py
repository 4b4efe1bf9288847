"""Why a lookup gives #N/A: the value it looks for is not where it looks.

``=D21*XLOOKUP(C21,Plans[Plan],Plans[Price])`` with ``teams`` typed in C21 (the Plans table has ``team``) is #N/A,
as in Excel (Microsoft's XLOOKUP page: no match and no if_not_found give #N/A), and so is every cell summing or
reading it; the engine keeps only the code, so recalc listed them all with no reason. :func:`lookup_reasons` gives
such a cell the lookup that found nothing, evaluated in its place: ``XLOOKUP: 'teams' (Revenue!C21) is not in
Plans[Plan] (#N/A)``; :func:`~.reasons.pass_reasons_on` carries it to the cells reading it. Only exact lookups
(XLOOKUP and XMATCH by default, VLOOKUP and HLOOKUP with FALSE, MATCH with 0) whose value looked for is no error.
A number looked for in a date-formatted cell, or computed (``DATE(2027,1,1)``) and looked for in a range of
date-formatted numbers, is shown as the date the user sees (``MATCH: 2027-01-01 is not in Bridge!$A$2:$A$13``, not its
serial 46388: H383's finding 02), a time of day as its time (``12:00:00`` for 0.5); a number typed in the formula
(``=MATCH(5,A2:A3,0)``) is shown as typed, whatever the range's format (H388's findings 4 and 5).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cells import CellError
from ..sheet_names import written
from .defined_names import NAME_READ, name_target
from .formula_texts import AREA as _AREA
from .formula_texts import position
from .read_cells import SINGLE as _SINGLE
from .read_cells import cells_read as _cells_read
from .reason_cells import call_end
from .reason_numbers import reason_number as _full
from .unexplained import unexplained_errors
from .value_origins import evaluated

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["lookup_argument", "lookup_dates", "lookup_reasons"]

_LOOKUP = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(XLOOKUP|XMATCH|VLOOKUP|HLOOKUP|MATCH)\(")
#: the most #N/A cells looked at (each costs a few evaluations)
MAX_LOOKED_AT = 100
#: the probe's answer where the lookup finds its value (or looks for a blank): no reason
_FOUND = "_xlr_found"
#: a lookup range written as cells (``Bridge!$A$2:$A$13``), the whole argument
_RANGE = re.compile(r"\s*" + _AREA + r"\s*")
#: a number typed in the formula as the value looked for (``5``, ``-0.5``, ``(1E3)``, ``50%``): shown as typed
_NUMBER = re.compile(r"\s*\(*\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?%?\s*\)*\s*", re.IGNORECASE)
#: the most cells of a lookup range whose formats are looked at for the first number's
_MAX_FORMATS = 1000


_FALSE = re.compile(r"\(*\s*(?:FALSE(?:\(\s*\))?|[-+]?0+(?:\.0*)?)\s*\)*", re.IGNORECASE)
_TRUE = re.compile(r"\(*\s*(?:TRUE(?:\(\s*\))?|[-+]?0*[1-9]\d*(?:\.\d*)?)\s*\)*", re.IGNORECASE)


def _exact(name: str, args: list[str]) -> bool | str:
    """Whether the call looks for an exact match (where #N/A means the value is not there): True, False, or, where its
    match argument is no constant (a cell, ``NOT(B1)``), the Excel condition that says so, evaluated with the lookup.
    ``FALSE()`` is how LibreOffice saves every FALSE (H427's finding 04: the reason was lost), ``0.0`` a zero.

    >>> _exact("VLOOKUP", ["a", "A1:B2", "2", "FALSE()"]), _exact("VLOOKUP", ["a", "A1:B2", "2", "TRUE"])
    (True, False)
    >>> _exact("VLOOKUP", ["a", "A1:B2", "2", "$D$1"]), _exact("MATCH", ["a", "A1:A2", "0.0"])
    ('NOT($D$1)', True)
    >>> _exact("MATCH", ["a", "A1:A2"]), _exact("MATCH", ["a", "A1:A2", "D1"])
    (False, 'D1=0')
    """
    if name in ("XLOOKUP", "XMATCH"):
        mode = args[4 if name == "XLOOKUP" else 2] if len(args) > (4 if name == "XLOOKUP" else 2) else ""
        return mode.strip() == "" or bool(_FALSE.fullmatch(mode))
    if name in ("VLOOKUP", "HLOOKUP"):
        if len(args) != 4 or not args[3].strip():  # VLOOKUP(a,r,2) and VLOOKUP(a,r,2,): approximate, Excel's default
            return False
        mode = args[3].strip()
        return True if _FALSE.fullmatch(mode) else False if _TRUE.fullmatch(mode) else f"NOT({mode})"
    if len(args) != 3 or not args[2].strip():  # MATCH(a,r): 1, less than or equal
        return False
    mode = args[2].strip()
    return True if _FALSE.fullmatch(mode) else False if _TRUE.fullmatch(mode) or mode.startswith("-") else f"{mode}=0"


def _where(name: str, args: list[str]) -> str:
    if name == "VLOOKUP":
        return f"the first column of {args[1]}"
    if name == "HLOOKUP":
        return f"the first row of {args[1]}"
    return args[1]


def _shown(value: Any, dated: bool = False, date1904: bool = False) -> str:
    """The value as the reason shows it; a number as the date it is where ``dated`` (shown as a date by its cell or
    the cells it is looked for in): ``2027-01-01`` for 46388, a time of day after it where there is one, a time of
    day alone below 1 (openpyxl's ``from_excel`` gives a ``datetime.time`` there).

    >>> _shown(46388.0, dated=True), _shown(46388.5, dated=True), _shown(46388.0), _shown("teams")
    ('2027-01-01', '2027-01-01 12:00:00', '46388', "'teams'")
    >>> _shown(0.5, dated=True), _shown(0.375, dated=True, date1904=True), _shown(0.5)
    ('12:00:00', '09:00:00', '0.5')
    """
    if dated and isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < 2958466:
        import datetime as dt  # noqa: PLC0415

        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel  # noqa: PLC0415

        try:
            day = from_excel(value, CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900)
        except (ValueError, OverflowError):  # no date Python can hold: the number as it is
            day = None
        if isinstance(day, dt.datetime):
            if day.time() == dt.time.min:
                return day.date().isoformat()
            return day.isoformat(sep=" ", timespec="seconds")
        if isinstance(day, dt.time):
            return day.isoformat(timespec="seconds")
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, int | float):
        return _full(value)
    return str(value)


def _calls(text: str) -> list[tuple[str, list[str]]]:
    calls = []
    for match in _LOOKUP.finditer(text):
        found = call_end(text, match.end())
        if found is not None and len(found[0]) >= 2:
            calls.append((match.group(1).upper(), found[0]))
    return calls


class _Dates:
    """Whether a cell of the workbook at ``path`` is date-formatted (its formats read on the first question only)."""

    def __init__(self, path: str | Path | None) -> None:
        self._formats: Any = None
        self._path = path

    def dated(self, sheet: str, ref: str) -> bool:
        if self._path is None:
            return False
        if self._formats is None:
            from .chart_labels import CellFormats  # noqa: PLC0415  (a lookup finding nothing only)

            self._formats = CellFormats(self._path)
        from openpyxl.styles.numbers import is_date_format  # noqa: PLC0415

        return is_date_format(self._formats(sheet.lower(), ref))

    @property
    def date1904(self) -> bool:
        return bool(self._formats is not None and self._formats.date1904)


def lookup_dates(path: str | Path | None) -> _Dates:
    """The number formats of the workbook at ``path`` (read on the first question), which show a date looked for as
    a date: one for all the reasons of a recalculation (:func:`lookup_argument`'s ``dates``)."""
    return _Dates(path)


def lookup_reasons(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    result: Computed,
    path: str | Path | None = None,
    names: dict[str, dict[str, str]] | None = None,
    dates: _Dates | None = None,
) -> int:
    """Give each #N/A cell without a reason whose formula makes an exact lookup that finds nothing that lookup:
    ``XLOOKUP: 'teams' (Revenue!C21) is not in Plans[Plan] (#N/A)``; returns how many got one. ``path``: the
    workbook's file, whose number formats show a date looked for as a date (``MATCH: 2027-01-01 is not in ..``),
    also through a defined name of the cell or range (``names``: by scope; ``MATCH(Wanted,Months,0)``)."""
    named = 0
    dates = dates if dates is not None else _Dates(path)
    for sheet, ref, place, text, _error in unexplained_errors(formulas, result, "#N/A", _LOOKUP.search, MAX_LOOKED_AT):
        try:
            engine = workbook.get_formula(sheet, *place) or ""
        except Exception:  # noqa: BLE001  (a cell the engine cannot give)
            continue
        reason = _cause(workbook, sheet, place, text, engine, dates, names)
        if reason is not None:
            result.values[sheet][ref] = CellError("#N/A", f"{reason} (#N/A)")
            named += 1
    return named


def _cause(
    workbook: fz.Workbook,
    sheet: str,
    place: tuple[int, int],
    text: str,
    engine: str,
    dates: _Dates | None = None,
    names: dict[str, dict[str, str]] | None = None,
) -> str | None:
    """The first exact lookup of ``text`` (the formula as typed, then ``engine``, as the engine holds it), evaluated
    in ``sheet``'s cell at ``place``, that finds nothing: ``XLOOKUP: 'teams' (Revenue!C21) is not in Plans!A2:A7``.
    A defined name (``names``) looked for or looked in is read as the cell or range it stands for."""
    engine = engine.removeprefix("=").replace("$", "")
    asked: set[str] = set()
    for name, args in _calls(text) + _calls(engine):  # the user's own text first (Plans[Plan], as written)
        key = name + "(" + ",".join(args).replace(" ", "").upper()
        exact = _exact(name, args)
        if exact is False or key in asked:  # the engine's printing of the same call: asked once
            continue
        asked.add(key)
        # one evaluation (each costs ~10 ms in a large workbook): the value looked for where the lookup is #N/A (and
        # its match argument, where no constant, asks for an exact match)
        call, value = f"{name}({','.join(args)})", args[0]
        missing = f"ISNA({call})" if exact is True else f"IFERROR(AND(ISNA({call}),{exact}),FALSE)"
        sought = evaluated(
            workbook, sheet, *place, f'=IF({missing},IF(ISBLANK({value}),"{_FOUND}",{value}),"{_FOUND}")'
        )
        if sought is None or sought == _FOUND or isinstance(sought, dict | list):  # found, blank, error or array
            continue
        cell, dated = "", False
        if _NUMBER.fullmatch(args[0]):  # =MATCH(5,A2:A3,0): the 5 typed, not 1900-01-05 of the dated range
            return f"{name}: {_shown(sought)} is not in {_where(name, args)}"
        value = _named(names, sheet, args[0])  # =MATCH(Wanted,..), Wanted =S!$D$1: S!D1, its format
        if _SINGLE.fullmatch(value):
            for _, where, letters, row, _column, _held in _cells_read(workbook, _SINGLE, value, sheet):
                cell = f" ({written(where)}!{letters.upper()}{row})"
                dated = dates is not None and dates.dated(where, f"{letters.upper()}{row}")
        number = isinstance(sought, int | float) and not isinstance(sought, bool)
        if number and not dated and dates is not None:  # =MATCH(DATE(2027,1,1),Bridge!$A$2:$A$13,0): the range's
            dated = _dated_range(workbook, dates, sheet, name, _named(names, sheet, args[1]))  # or Months'
        shown = _shown(sought, dated, dates.date1904 if dates is not None else False)
        return f"{name}: {shown}{cell} is not in {_where(name, args)}"
    return None


def _named(names: dict[str, dict[str, str]] | None, sheet: str, text: str) -> str:
    """``text`` (an argument) as the reference the defined name it is stands for (:func:`.defined_names.name_target`:
    the sheet's own name before the workbook's); ``text`` stripped where it is no such name."""
    text = text.strip()
    target = name_target(names, sheet, text) if names and NAME_READ.fullmatch(text) else None
    return target.removeprefix("=").strip() if target else text


def _dated_range(workbook: fz.Workbook, dates: _Dates, sheet: str, name: str, text: str) -> bool:
    """Whether the first number of the cells a lookup searches (``text``: a range written as cells; VLOOKUP's first
    column, HLOOKUP's first row) is date-formatted; False for a table's column, a name or a range holding no number."""
    found = _RANGE.fullmatch(text)
    if found is None:
        return False
    from openpyxl.utils.cell import get_column_letter, range_boundaries  # noqa: PLC0415

    where = found.group(1).strip("'").replace("''", "'") if found.group(1) else sheet
    try:
        left, top, right, bottom = range_boundaries(found.group(2).replace("$", "").upper())
    except ValueError:
        return False
    top, bottom = top or 1, bottom or 1048576
    right = left if name == "VLOOKUP" else right
    bottom = top if name == "HLOOKUP" else bottom
    looked = 0
    for row in range(top, bottom + 1):
        for column in range(left, right + 1):
            looked += 1
            if looked > _MAX_FORMATS:
                return False
            try:
                held = workbook.get_value(where, row, column)
            except Exception:  # noqa: BLE001  (a sheet the engine does not have)
                return False
            if isinstance(held, int | float) and not isinstance(held, bool):
                return dates.dated(where, f"{get_column_letter(column)}{row}")
    return False


#: "CRR: customers_end is the error value #N/A (#VALUE!)": an argument the formula itself looks up
_NA_ARGUMENT = re.compile(r"^[A-Z_][A-Z0-9_.]*: \w+ is the error value #N/A \((?P<code>#[A-Z0-9/!?]+)\)$")


def lookup_argument(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    reason: str,
    sheet: str,
    ref: str,
    names: dict[str, dict[str, str]] | None = None,
    dates: _Dates | None = None,
) -> str:
    """``reason`` ("CRR: customers_end is the error value #N/A (#VALUE!)") with the lookup in the error cell's
    formula that finds nothing: ``..., because VLOOKUP: 'zz' is not in the first column of Raw!A1:B4 (#VALUE!)``;
    else ``reason`` as it is. ``dates`` (:func:`lookup_dates`): a date looked for shown as the date, as
    :func:`lookup_reasons` shows it (``2026-03-01``, not 46082)."""
    found = _NA_ARGUMENT.match(reason)
    place = position(ref)
    if found is None or place not in formulas.get(sheet, {}):
        return reason
    try:
        engine = workbook.get_formula(sheet, *place) or ""
    except Exception:  # noqa: BLE001  (a cell the engine cannot give)
        return reason
    cause = _cause(workbook, sheet, place, formulas[sheet][place], engine, dates, names)
    if cause is None:
        return reason
    return f"{reason[: found.start('code') - 2]}, because {cause} ({found['code']})"
