"""A tracker's input typed or pasted as a text that Excel reads by the computer's regional settings, named once with
what to do (H242's finding 03).

A count pasted from a finance report as the text ``'2,451'`` (Customers!D5) leaves every formula reading it
uncomputed (:mod:`.locale_results`: an en-US Excel reads 2451, a decimal-comma Excel 2.451 or ``#NUM!``, and the file
does not say which), and recalc listed those cells, 28 of them, as "unsupported locale" with no word of the one step
that settles it: type the figure as a number in that cell. :func:`locale_inputs_line` names each such input cell of
the tracker's monthly sheets, its header, the text and that step.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter

from .._validation import shown_text
from ..sheet_names import written
from .excel_functions._core import plain_number
from .locale_readings import apostrophe_reading, money_reading, space_thousands_reading

__all__ = [
    "locale_inputs_line",
    "misread_inputs",
    "text_numbers_line",
]

#: the cells a line names before "and N more"
FIRST = 3
#: an unsupported cell's reason (:mod:`.locale_results`): "reads the text '2,451' (Customers!D5), which Excel reads
#: by ..."
_READS = re.compile(r"^reads the text (?P<text>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\") \((?P<where>.+?)!(?P<col>[A-Z]"
                    r"{1,3})(?P<row>\d+)\), which Excel reads by")  # fmt: skip
_GROUPED = re.compile(r"\s*([-+]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?\s*")


def _readings(text: str) -> str:
    """How Excel reads ``text`` by the computer's settings, in words.

    >>> _readings("2,451")
    'an en-US Excel reads 2451, a decimal-comma Excel 2.451'
    >>> _readings("52,310.00")
    'an en-US Excel reads 52310.00, a decimal-comma Excel no number'
    >>> _readings("1.200")
    "Excel reads it by the computer's decimal separator"

    An amount in another currency than $ reads by the computer's currency, not its decimal separator (H400's task 2):

    Thousands grouped by spaces or apostrophes read by the computer's thousands separator (H486's finding 03):

    >>> _readings("1\u00a0200"), _readings("1'200")
    ('an Excel grouping thousands so reads 1200, an en-US Excel no number', 'an Excel grouping thousands so reads \
1200, an en-US Excel no number')

    >>> _readings("€210"), _readings("2.500 kr")
    ('an Excel whose currency is € reads 210, an en-US Excel no number', 'an Excel whose currency is kr reads 2500, \
an en-US Excel no number')
    """
    money = money_reading(text)
    if money is not None:
        sign = re.sub(r"[\d.,'\s()+\-\u00a0\u202f]", "", text)
        return f"an Excel whose currency is {sign} reads {money}, an en-US Excel no number"
    spaced = space_thousands_reading(text) or apostrophe_reading(text)
    if spaced is not None:
        return f"an Excel grouping thousands so reads {spaced}, an en-US Excel no number"
    grouped = _GROUPED.fullmatch(text)
    if grouped is None:
        return "Excel reads it by the computer's decimal separator"
    sign, digits, decimals = grouped.group(1), grouped.group(2), grouped.group(3) or ""
    us = f"{sign}{digits.replace(',', '')}{decimals}"
    comma = f"{sign}{digits.replace(',', '.')}" if digits.count(",") == 1 and not decimals else "no number"
    return f"an en-US Excel reads {us}, a decimal-comma Excel {comma}"


def _unquoted(where: str) -> str:
    return where[1:-1].replace("''", "'") if where.startswith("'") else where


def locale_inputs_line(tracker: Mapping[str, Any], reasons: Iterable[str]) -> str | None:
    """The line naming the input cells of ``tracker`` (:func:`.month_order.tracker_rows`: title -> its rows) whose
    text the ``reasons`` of cells not recalculated read ("reads the text '2,451' (Customers!D5), which Excel reads by
    ..."), with what to do; None where they read none (a workbook of the user's own, a formula's text)."""
    named: dict[tuple[str, int, int], tuple[str, str]] = {}
    for reason in reasons:
        found = _READS.match(reason)
        if found is None:
            continue
        title = _unquoted(found["where"])
        sheet = tracker.get(title)
        if sheet is None:
            continue
        row, column = int(found["row"]), column_index_from_string(found["col"])
        rows = sheet.rows
        held = rows[row - 1][column - 1] if row - 1 < len(rows) and column - 1 < len(rows[row - 1]) else None
        if not isinstance(held, str) or held.startswith("=") or repr(held) != found["text"]:
            continue  # a formula's result, or not the text typed there
        header = rows[0][column - 1] if column - 1 < len(rows[0]) else None
        what = _inputs().get(header.strip()) if isinstance(header, str) else None
        if what is not None and _misread_named(held, what) is not None:
            continue  # a date of digits ('1/2') in a count or amount: misread_inputs names it, both readings said
        label = f" ({header})" if isinstance(header, str) and header else ""
        cell = f"{written(title)}!{found['col']}{row}{label} is the text {shown_text(held)}"  # '2 451', no \\xa0
        read = _misread_text(held)  # '1/2 10:00' in a count: no whole number, so this line's (H426's F7)
        dated = read is not None and read[0] == "date"
        readings = _read("date", held, read[1]) if read is not None and dated else _readings(held.strip())
        named[(title, row, column)] = (cell, readings)
    if not named:
        return None
    said = list(named.values())
    why = "the file does not say which reading its Excel takes, so the formulas reading {} are not recalculated"
    if len(said) == 1:
        ((cell, readings),) = said
        return f"{cell}: type it as a number there ({readings}; {why.format('it')})"
    more = f" and {len(said) - FIRST} more such cells" if len(said) > FIRST else ""
    cells = "; ".join(f"{cell} ({readings})" for cell, readings in said[:FIRST])
    return f"type each of these as a number in its cell: {cells}{more} ({why.format('them')})"


#: an amount pasted with a dollar sign ('$800', '-$50.5'): the engine reads it as an en-US Excel does (H384's finding
#: 06), an Excel whose currency is another reads no number ('€210' is :func:`locale_inputs_line`'s)
_DOLLAR = re.compile(r"\s*([-+]?)\s*\$\s*(\d+(?:\.\d+)?)\s*")
_DOLLAR_READ = " (read as {}, as an en-US Excel reads it; an Excel whose currency is not $ reads no number there)"


def _typed_cells(
    tracker: Mapping[str, Any], formulas: Mapping[str, Iterable[str]]
) -> Iterator[tuple[str, Any, int, int, str, str, Any]]:
    """Each cell of ``tracker``'s months' rows (:func:`.month_order.tracker_rows`) under a header that holds no
    formula of its own (``formulas``: each sheet's formula cells): its sheet's title, the sheet, its row and column,
    its reference (``G4``), its header as written and what it holds.

    >>> from types import SimpleNamespace
    >>> rows = [("Month", "Churned MRR", None), (46023, "5%", 1), (46054, "=B2", 2)]
    >>> [c[4:] for c in _typed_cells({"Revenue": SimpleNamespace(rows=rows, first=2, last=3)}, {"Revenue": {"B3"}})]
    [('A2', 'Month', 46023), ('B2', 'Churned MRR', '5%'), ('A3', 'Month', 46054)]
    """
    for title, sheet in tracker.items():
        rows, own = sheet.rows, {ref.upper() for ref in formulas.get(title, ())}
        header = rows[0] if rows else ()
        last = min(len(rows), sheet.last if sheet.last is not None else len(rows))
        for row in range(max(sheet.first, 2), last + 1):
            for column, held in enumerate(rows[row - 1], 1):
                label = header[column - 1] if column - 1 < len(header) else None
                if isinstance(label, str) and (ref := f"{get_column_letter(column)}{row}") not in own:
                    yield title, sheet, row, column, ref, label, held


def text_numbers_line(tracker: Mapping[str, Any], formulas: Mapping[str, Iterable[str]]) -> str | None:
    """The line naming the input cells of ``tracker`` (:func:`.month_order.tracker_rows`) that hold a plain number as
    a text (``' 120 '``, ``'95'``, pasted from a web report or a CSV column; not a formula's, ``formulas``: each
    sheet's formula cells), with what to do; None where none does. The tracker's formulas read such a text as the
    number (README: a number pasted as text is a figure the month has), so its figures are right, but the user's
    own ``=SUM(Customers!C2:C13)``, a pivot table and pandas skip a text: the year's gained was 550 for 765 (H315's
    finding 06); an amount with a dollar sign (``'$800'``) too, said as read by an en-US Excel only (H384's finding 06),
    and a fraction as Excel types one (``'99 1/2'``, read as 99.5 by every Excel; H419).
    Thousands grouped by commas or a negative in brackets (``'1,400.50'``, ``'$10,000.00'``, ``'(500)'``) are named
    alike, each with how it is read (H571's finding 01: they fell between this line and the next); a text that
    another locale's Excel reads otherwise (``'2,451'``: 2.451 with a decimal comma) is :func:`locale_inputs_line`'s.

    >>> from types import SimpleNamespace
    >>> rows = [("Month", "Customers at start", "Customers gained"), (46023, 1000, " 120 "), (46054, None, "95")]
    >>> text_numbers_line({"Customers": SimpleNamespace(rows=rows, first=2, last=3)}, {"Customers": {"B3"}})
    "Customers!C2 (Customers gained) is the text ' 120 ', Customers!C3 (Customers gained) the text '95': the \
tracker reads them as numbers, but a SUM, a pivot table or pandas reading these cells skips a text: type them as \
numbers"
    >>> text_numbers_line({"Revenue": SimpleNamespace(rows=[("Month", "New MRR"), (46023, "$800")], first=2, last=2)},
    ...                   {})
    "Revenue!B2 (New MRR) is the text '$800' (read as 800, as an en-US Excel reads it; an Excel whose currency is not \
$ reads no number there): the tracker reads it as a number, but a SUM, a pivot table or pandas reading this cell \
skips a text: type it as a number"
    >>> text_numbers_line({"Revenue": SimpleNamespace(rows=[("Month", "New MRR"), (46023, "99 1/2")], first=2,
    ...                                               last=2)}, {})[:56]
    "Revenue!B2 (New MRR) is the text '99 1/2' (read as 99.5)"
    >>> text_numbers_line({"Revenue": SimpleNamespace(rows=[("Month", "New MRR"), (46023, "1,400.50")], first=2,
    ...                                               last=2)}, {})[:168]
    "Revenue!B2 (New MRR) is the text '1,400.50' (read as 1400.5, as an en-US Excel reads it; an Excel whose decimal \
separator is a comma reads it otherwise or as no number)"
    """
    from .excel_functions.text import text_to_number
    from .locale_readings import locale_reading

    named: list[str] = []
    for title, _sheet, _row, _column, ref, label, held in _typed_cells(tracker, formulas):
        if not isinstance(held, str):
            continue
        # Excel skips spaces only: '110\xa0' (a no-break space pasted from a web page) is no number to the tracker,
        # whose rates of that month are #VALUE!, named by their reasons (H557's finding 03); a percentage, a time or
        # a date is misread_inputs' (or typed_over's), a text another locale reads otherwise locale_inputs_line's
        number = text_to_number(held)
        if type(number) is not float or _misread_text(held) is not None or locale_reading(held) is not None:
            continue
        cell = f"{written(title)}!{ref} ({label})"
        named.append(f"{cell} {'is ' if not named else ''}the text {held!r}{_how(held, number)}")
    if not named:
        return None
    more = f" and {len(named) - FIRST} more such cells" if len(named) > FIRST else ""
    them, cells = ("it as a number", "this cell") if len(named) == 1 else ("them as numbers", "these cells")
    return (
        f"{', '.join(named[:FIRST])}{more}: the tracker reads {them}, but a SUM, a pivot table or pandas reading"
        f" {cells} skips a text: type {them}"
    )


def _how(text: str, number: float) -> str:
    """How the tracker reads ``text``, a number as written (``number``), where that is not plain to see: ``'$800'``
    and ``'1,400.50'`` as an en-US Excel reads them, ``'99 1/2'`` and ``'(500)'`` as every Excel does; "" for a plain
    number (``' 120 '``)."""
    stripped = text.strip(" ")
    if plain_number(stripped) is not None:
        return ""
    if "," in stripped:
        currency = " or whose currency is not $" if "$" in stripped else ""
        return (
            f" (read as {_number(number)}, as an en-US Excel reads it; an Excel whose decimal separator is a comma"
            f"{currency} reads it otherwise or as no number)"
        )
    dollar = _DOLLAR.fullmatch(text)
    if dollar is not None:
        return _DOLLAR_READ.format(f"{dollar[1]}{dollar[2]}")
    return f" (read as {_number(number)})"


def _fraction(text: str) -> float | None:
    """The number of a fraction typed as Excel types one, a whole number, a space and a fraction below 1 (``'99 1/2'``:
    99.5; Microsoft, "Enter a fraction"); None for another text (``'1/2'`` is a date)."""
    from .excel_functions.text_numbers import _MIXED_FRACTION, mixed_fraction

    found = _MIXED_FRACTION.fullmatch(text.strip(" "))
    return None if found is None else mixed_fraction(found)


def _number(value: float) -> str:
    """``value`` as a reason shows it: 0.05, 46025, 0.0625."""
    return str(int(value)) if float(value).is_integer() else f"{value:.10g}"


def _inputs() -> dict[str, str]:
    """The headers of the monthly sheets' count and amount inputs, each with what it holds ("number", "amount"):
    Gained, Churned MRR; not a rate or a formula's column."""
    from ..workbook.monthly import MONTHLY_SHEETS

    return {
        c.header: "amount" if c.validation == "amount" else "number"
        for spec in MONTHLY_SHEETS
        for c in spec.columns
        if c.validation in ("count", "amount")
    }


def _nps_counts() -> list[Any]:
    """The NPS sheet's columns of counts typed (responses, promoters, passives, detractors)."""
    from ..workbook.monthly import MONTHLY_SHEETS

    keys = ("responses", "promoters", "passives", "detractors")
    return [c for spec in MONTHLY_SHEETS if spec.title == "NPS" for c in spec.columns if c.key in keys]


def _misread_text(text: str) -> tuple[str, float] | None:
    """What a text Excel's arithmetic reads as a number other than the one written is, with that number: a
    percentage (``'5%'``: 0.05), a time (``'1:30'``: 0.0625) or a date (``'3-Jan'``: the day's serial, this year's);
    None for a number as written (``' 120 '``, ``'$800'``, ``'2,451'``, ``'99 1/2'``) and a text that is no number.

    >>> _misread_text("5%"), _misread_text("1:30"), _misread_text("9 AM"), _misread_text("2026-03-15")
    (('percentage', 0.05), ('time', 0.0625), ('time', 0.375), ('date', 46096.0))
    >>> _misread_text(" 120 "), _misread_text("$800"), _misread_text("(1,000)"), _misread_text("99 1/2")
    (None, None, None, None)
    >>> _misread_text("n/a"), _misread_text("12 customers")
    (None, None)
    """
    from .excel_functions.text_numbers import _FORMATTED, _time_fraction, text_to_number

    number = text_to_number(text)
    if type(number) is not float:
        return None
    stripped = text.strip(" ")
    if "%" in stripped:
        return "percentage", number
    if _FORMATTED.fullmatch(stripped) is not None or _fraction(stripped) is not None:
        return None  # a number as written, with $, thousands or in brackets; a fraction: text_numbers_line's
    return ("time" if _time_fraction(stripped, elapsed=True) is not None else "date"), number


def _typed_time(value: Any) -> tuple[str, float] | None:
    """A time typed in Excel (``1:30`` in a cell formatted ``h:mm``: openpyxl's ``datetime.time``, or a ``timedelta``
    under ``[h]:mm``) as :func:`_misread_text` gives the text ``'1:30'``: ("time", the day's fraction Excel's
    arithmetic reads, 0.0625); None for any other value (H426's finding F3).

    >>> _typed_time(dt.time(1, 30)), _typed_time(dt.timedelta(hours=36)), _typed_time(12)
    (('time', 0.0625), ('time', 1.5), None)
    """
    if isinstance(value, dt.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    elif isinstance(value, dt.timedelta):
        seconds = value.total_seconds()
    else:
        return None
    return "time", seconds / 86400


def _clock(fraction: float) -> str:
    """A day's ``fraction`` as Excel shows it under ``[h]:mm`` (``:ss`` where it has seconds): 0.0625 -> ``1:30``.

    >>> _clock(0.0625), _clock(1.5), _clock(0.5 + 5 / 86400)
    ('1:30', '36:00', '12:00:05')
    """
    seconds = round(fraction * 86400)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}" + (f":{rest % 60:02d}" if rest % 60 else "")


def _percent_format(number_format: str | None) -> bool:
    r"""Whether a cell's number format shows its number as a percentage: ``0%``, ``0.0%``; not a ``%`` in quotes or
    after a backslash (``0 "%"``), shown as a character.

    >>> _percent_format("0%"), _percent_format("#,##0.00"), _percent_format('0" %"'), _percent_format(r"0\%")
    (True, False, False, False)
    """
    return "%" in re.sub(r'"[^"]*"|\\.', "", number_format or "")


def misread_inputs(
    path: str | os.PathLike[str], tracker: Mapping[str, Any], formulas: Mapping[str, Iterable[str]]
) -> list[tuple[str, int, str]]:
    """The count and amount input cells of ``tracker`` (:func:`.month_order.tracker_rows` of the workbook at ``path``;
    not a formula's, ``formulas``) whose content Excel's arithmetic reads as a number other than the figure written,
    as :func:`.dated_inputs` gives a date typed there: a percentage typed as a text (``'5%'``: 0.05 of money, NRR
    100.5% on the Dashboard, status ok; H415's finding 01) or in Excel (5% typed: 0.05, the cell formatted ``0%``), a
    time (``'1:30'``: 0.0625, or 1:30 typed in Excel: H426's F3) or a date written as a text (``'3-Jan'``: 46025). A
    ratio's column is no input (the tracker computes its rates); a count the Customers sheet cannot have (``'12 %'``:
    0.12) is :mod:`.typed_over`'s 'no whole number' line, not said twice. A date of digits another locale reads
    otherwise (``'1/2'``) is said with both readings.

    >>> from types import SimpleNamespace
    >>> rows = [("Month", "Churned MRR", "NRR"), (dt.datetime(2026, 6, 1), "5%", "101%")]
    >>> misread_inputs("", {"Revenue": SimpleNamespace(rows=rows, first=2, last=2)}, {})
    [('Revenue', 2, "Revenue!B2 (Churned MRR) is the percentage '5%', no amount (Excel reads it as 0.05)")]
    """
    inputs = _inputs()
    found: list[tuple[str, int, str]] = []
    numbers: dict[str, dict[tuple[int, int], str]] = {}  # numbers typed: a percentage where formatted as one
    booleans: dict[str, dict[tuple[int, str], str]] = {}  # TRUE or FALSE typed: named where a formula reads it as 1/0
    counts = {c.header for c in _nps_counts()}  # the NPS counts typed, a boolean there read as 1 or 0 too
    for title, _sheet, row, column, ref, label, held in _typed_cells(tracker, formulas):
        what = inputs.get(label.strip(), "number" if isinstance(held, bool) and label.strip() in counts else None)
        if what is None:
            continue
        if isinstance(held, bool):
            booleans.setdefault(title, {})[(row, ref)] = (
                f"{written(title)}!{ref} ({label.strip()}) is {str(held).upper()}, no {what} (Excel reads it as "
                f"{int(held)})"
            )
            continue
        cell = f"{written(title)}!{ref} ({label.strip()})"
        if isinstance(held, (int, float)):  # 0%: no figure read otherwise; 15%: .typed_over's 0.15 customers
            if held != 0 and (what == "amount" or float(held).is_integer() or held < 0):
                numbers.setdefault(title, {})[(row, column)] = f"{cell} is the percentage {{}}, no {what}"
            continue
        read = _misread_named(held, what)
        if read is None:
            continue
        kind, number = read
        shown = repr(held) if isinstance(held, str) else _clock(number)  # 1:30 typed in Excel: no quotes
        found.append((title, row, f"{cell} is the {kind} {shown}, no {what} ({_read(kind, held, number)})"))
    if numbers:
        found.extend(_percentages(path, numbers))
    if booleans:
        found.extend(_booleans_read(path, booleans))
    return sorted(found, key=lambda f: (list(tracker).index(f[0]), f[1], f[2]))


def _booleans_read(
    path: str | os.PathLike[str], booleans: dict[str, dict[tuple[int, str], str]]
) -> list[tuple[str, int, str]]:
    """Of the TRUE and FALSE typed in count and amount cells (sheet -> (row, reference) -> the reason), those a formula
    of their month's row or the next one (its start) reads without testing for a boolean (``ISLOGICAL``), other than
    this version's template formula of its column: a tracker an earlier template made reads TRUE pasted over
    Customers!C3 as 1, its CRR computed from it, status ok (H469's finding 03); this version's formulas are #VALUE!
    there, the reason naming the cell."""
    from .._workbooks import open_read_only
    from ..workbook.monthly import MONTHLY_SHEETS
    from ..workbook.template import column_letter, render_formula

    found: list[tuple[str, int, str]] = []
    specs = {spec.title: spec for spec in MONTHLY_SHEETS}
    try:
        wb = open_read_only(path)
    except Exception:  # noqa: BLE001  (read once already by tracker_rows: not readable here, nothing to add)
        return found
    try:
        for title, cells in booleans.items():
            rows = {row for row, _ in cells}
            texts: dict[int, list[str]] = {}
            spec = specs.get(title)
            letters = {c.key: column_letter(spec, c.key) for c in spec.columns} if spec is not None else {}
            for cells_of in wb[title].iter_rows(min_row=min(rows), max_row=max(rows) + 1):
                for cell in cells_of:
                    value, at_row, at_column = (getattr(cell, a, None) for a in ("value", "row", "column"))
                    if not (isinstance(value, str) and value.startswith("=")):
                        continue
                    own = spec.columns[at_column - 1].formula if spec and at_column <= len(spec.columns) else None
                    try:  # (NPS's formula reads the month's scores on another sheet: no form of this row alone)
                        ours = own is not None and value == render_formula(own, letters, at_row)
                    except (KeyError, IndexError, ValueError):
                        ours = False
                    if ours:
                        continue  # this version's: a boolean there is #VALUE!, the reason naming it
                    texts.setdefault(at_row, []).append(value.upper())
            for (row, ref), reason in cells.items():
                at = re.compile(r"(?<![\w$!'.:])\$?" + ref[: -len(str(row))] + r"\$?" + str(row) + r"(?![\d\w(!:])")
                readers = [t for r in (row, row + 1) for t in texts.get(r, ()) if at.search(t)]
                if any("ISLOGICAL(" not in text for text in readers):
                    found.append((title, row, reason))
    finally:
        wb.close()
    return found


def _misread_named(held: Any, what: str) -> tuple[str, float] | None:
    """What :func:`misread_inputs` names a count's or an amount's (``what``: "number", "amount") content ``held`` as:
    (its kind, the number Excel's arithmetic reads), as :func:`_misread_text` gives a text and :func:`_typed_time` a
    time typed in Excel; None where it names nothing there. One test for both lines that could name a text such as
    ``'1/2 10:00'``, so each is named by one of them (H426's F7): :func:`locale_inputs_line` names what this leaves.
    A text a count cannot have (``'12 %'``, ``'1:30'``: 0.12, 0.0625) is :mod:`.typed_over`'s 'no whole number' line,
    not said twice; a time typed in Excel is named here, typed_over sees no number there (H426's F12).

    >>> _misread_named("1:30", "number"), _misread_named(dt.time(1, 30), "number"), _misread_named("1:30", "amount")
    (None, ('time', 0.0625), ('time', 0.0625))
    >>> _misread_named("1/2 10:00", "number"), _misread_named("2026-03-15", "number"), _misread_named("0%", "amount")
    (None, ('date', 46096.0), None)
    """
    read = _misread_text(held) if isinstance(held, str) else _typed_time(held)
    if read is None:
        return None
    kind, number = read
    if kind == "percentage" and number == 0:
        return None  # '0%': nothing read otherwise than meant
    texts_over = isinstance(held, str) and number >= 0 and (kind == "percentage" or not number.is_integer())
    if what == "number" and texts_over:
        return None  # .typed_over: "is the text '12 %', which Excel's arithmetic reads as 0.12"
    return read


def _read(kind: str, text: str, number: float) -> str:
    """How Excel reads ``text`` (a :func:`_misread_text` of ``kind`` read as ``number``), in words: a date with its
    day, both days where another locale reads it otherwise (``'1/2'``: 2 January en-US, 1 February day-first)."""
    from openpyxl.utils.datetime import from_excel

    from .locale_readings import locale_reading, month_first_only

    if kind != "date":
        return f"Excel reads it as {_number(number)}"
    day = from_excel(number)
    shown = day.date().isoformat() if day.time() == dt.time() else day.isoformat(" ", "minutes")
    other = locale_reading(text)
    if other is None:
        return f"Excel reads it as {_number(number)}, {shown}"
    if month_first_only(text) is not None:  # '1/15/2025': month 15 to a day-first Excel
        return f"an en-US Excel reads it as {_number(number)}, {shown}; a day-first Excel as no date"
    return f"an en-US Excel reads it as {_number(number)}, {shown}; a day-first Excel as {other}"


def _percentages(
    path: str | os.PathLike[str], numbers: dict[str, dict[tuple[int, int], str]]
) -> list[tuple[str, int, str]]:
    """Of the ``numbers`` typed in count and amount cells (sheet -> (row, column) -> the reason, its percentage left
    to fill), those whose cell the workbook at ``path`` formats as a percentage (5% typed in Excel: 0.05)."""
    from .._workbooks import open_read_only

    found: list[tuple[str, int, str]] = []
    try:
        wb = open_read_only(path)
    except Exception:  # noqa: BLE001  (read once already by tracker_rows: not readable here, nothing to add)
        return found
    try:
        for title, cells in numbers.items():
            rows = {row for row, _ in cells}
            widest = max(column for _, column in cells)
            for row in wb[title].iter_rows(min_row=min(rows), max_row=max(rows), max_col=widest):
                for cell in row:
                    reason = cells.get((getattr(cell, "row", 0), getattr(cell, "column", 0)))
                    value = getattr(cell, "value", None)
                    if reason is None or not _percent_format(cell.number_format) or type(value) not in (int, float):
                        continue
                    found.append((title, cell.row, f"{reason.format(f'{value * 100:.10g}%')} (Excel reads it as "
                                                   f"{_number(value)})"))  # fmt: skip
    finally:
        wb.close()
    return found
