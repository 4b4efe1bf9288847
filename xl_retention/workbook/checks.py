"""Checks of a tracking workbook that a formula cannot make: input the template's formulas do not read.

Two kinds, each found by :func:`unread_input` (the first one, in one line naming the cell):

The NPS summary reads a fixed block of each month's column of "NPS scores" (rows 2 to 1001 in a
new tracker; ``import --nps`` widens it to the month with the most answers). Answers pasted below
that block are not counted, and every NPS figure would still look complete. :func:`unread_answers`
finds the first such cell. A month typed by hand in the row below a monthly sheet's last month
(as one extends a list in Excel) has no formulas, and the names the Dashboard and the lifetime
value read stop above it: :func:`typed_below` finds it. ``xl-retention recalc`` and
``import --recalc`` report the file as incomplete with the first one found (docs/metrics.md, "The
workbook and the imported tables").

Why a check and not longer ranges: no fixed length covers every paste, and each extra row is read
by four formulas a month in every recalculation (bench/bench_recalc.py --phases template).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from collections import Counter
from collections.abc import Callable

from openpyxl.utils import column_index_from_string, get_column_letter, quote_sheetname

from ..score_scales import SCALE_ANSWERS, SCALE_TOP, as_nps
from ..sheet_names import written
from . import inplace as ip
from .answers_sheet import ranges
from .formats import monthly_name
from .monthly import MONTHLY_SHEETS, NPS_SCORES_TITLE, NPS_SUMMARY
from .proven_scale import NAME, key, parse_listed

_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*>([^<]+)</(?:\w+:)?f\s*>")


def _answers_read(summary: bytes, title: str) -> tuple[str | None, dict[int, int]]:
    """The sheet the NPS summary (sheet ``title``, its part's XML ``summary``) reads its answers on ('NPS scores'!B$2:
    B$1001; the one most read when the user's formulas read others too), and the last row read in each of its month
    columns (1 = A); (None, {}) where they read none from row 2."""
    answers, last_read, start = _answers_rows(summary, title)
    return (answers, last_read) if start == 2 else (None, {})


def _answers_rows(summary: bytes, title: str) -> tuple[str | None, dict[int, int], int]:
    """:func:`_answers_read`, and the first row read: 2, but below a row inserted under the month headers
    (B$3:B$1002)."""
    found: list[tuple[str, int, int, int]] = []
    for formula in _FORMULA.finditer(summary):
        for sheet, first, top, last, bottom in ranges(ip.unescape(formula.group(1))):
            if top >= 2 and first == last and sheet != title:
                found.append((sheet, column_index_from_string(first), top, bottom))
    if not found:
        return None, {}, 2
    tops = Counter(top for *_, top, _ in found)
    start = 2 if 2 in tops else tops.most_common(1)[0][0]  # the template's ranges: most of them, from one row
    read: dict[str, dict[int, int]] = {}
    for sheet, column, top, bottom in found:
        if top == start:
            rows = read.setdefault(sheet, {})
            rows[column] = max(rows.get(column, 0), bottom)
    sheet = NPS_SCORES_TITLE if NPS_SCORES_TITLE in read else max(read, key=lambda s: len(read[s]))
    return sheet, read[sheet], start


def unread_answers(path: str | os.PathLike[str]) -> str | None:
    """One line naming the first cell of "NPS scores" below the rows the NPS formulas read, or None.

    Only month columns that the NPS sheet's formulas read are looked at, each below its own last
    row read; a workbook without the two sheets or without the tracker's ``NPS_Months`` name (not a tracker: a
    team's own "NPS" sheet may read some answers on purpose) gives None. Either sheet may be renamed (the NPS
    sheet is where ``NPS_Months`` points, the answers are where its formulas read).

    Example: ``unread_answers("tracker.xlsx")`` -> ``"'NPS scores'!B1002 holds a score below row 1001, ..."``
    """
    from ..recalculation.xlsx_values import _sheet_parts

    with zipfile.ZipFile(path) as package:
        parts = _sheet_parts(package)
        names = {m.group(1).decode(): m.group(2).decode() for m in _NAME.finditer(package.read("xl/workbook.xml"))}
        mark = names.get(monthly_name(NPS_SUMMARY.title))
        if mark is None:  # no NPS_Months: a workbook of the user's own with sheets named so, not a tracker
            return None
        area = ip.unescape(mark.encode())
        title = _sheet_of(area) or NPS_SUMMARY.title  # renamed ('Survey'): where NPS_Months points
        summary = parts.get(title)
        if summary is None:
            return None
        answers, last_read, start = _answers_rows(package.read(summary), title)
        scores = parts.get(answers) if answers is not None else None
        if scores is None:
            return None
        xml = package.read(scores)
        if start > 2 and (above := _answer_above(xml, answers, set(last_read), start)) is not None:
            return above
        strings = lambda: _shared_strings(package)  # noqa: E731  (read only for a header typed as text)
        if start == 2 and (header := _header_sorted(xml, answers, set(last_read), strings)) is not None:
            return header
        proven = parse_listed(ip.unescape(names[NAME].encode()))[0] if NAME in names else set()  # import's 0-10 months
        if (scale := _other_scale(xml, answers, last_read, start, proven)) is not None:
            return scale
        beside = _unread_column(xml, set(last_read), answers)
        if beside is not None:
            return beside
        if not _rows_below(xml, min(last_read.values())):  # no row below the rows read: nothing to look at
            return None
        sheet = ip.SheetXml.parse(xml, answers)
    lowest = min(last_read.values())
    for number in sorted(n for n in sheet.rows if n > lowest):
        for ref, element in sheet.cells_in_rows(number, number):
            column = ip.split_ref(ref)[1]
            if column in last_read and number > last_read[column] and ip.has_content(element):
                below = last_read[column]
                return (
                    f"{quote_sheetname(answers)}!{ref} holds an answer below row {below}, the last row the NPS "
                    f"formulas read ({below - 1} answers a month): the answers below are not counted; import them with "
                    "xl-retention import --nps FILE --into (it widens the formulas to every answer), or move them up"
                )
    return None


def _answer_above(xml: bytes, answers: str, read: set[int], start: int) -> str | None:
    """One line naming the first answer of "NPS scores" in a column the NPS formulas read, below row 1 and above
    ``start``, the first row they read (a row inserted under the month headers, newest answers on top: Excel and
    LibreOffice move the formulas' ranges below it), or None (H189's finding 04)."""
    sheet = ip.SheetXml.parse(xml, answers)
    for row in range(2, start):
        if _month_headers(sheet, row, read):  # a title row above the headers: they are in this row
            rows = "the row" if row == 2 else "the rows"
            return (
                f"{quote_sheetname(answers)}!{get_column_letter(min(read))}{row} holds the month headers: the headers "
                f"are in row {row}, not row 1, where the answers sheet's headers are (its months are read there): "
                f"delete {rows} above them (a title can go in the sheet's name or a comment) and run again"
            )
    for ref, element in sheet.cells_in_rows(2, start - 1):
        if ip.split_ref(ref)[1] in read and b"<f" not in element and ip.has_content(element):
            if _kind(element) in _TEXT_TYPES:
                continue
            return (
                f"{quote_sheetname(answers)}!{ref} holds an answer above row {start}, the first row the NPS formulas "
                f"read (a row inserted under the month headers?): it is not counted; move the row's answers into "
                f"empty cells of their months below, then delete row{'s' if start > 3 else ''} 2"
                f"{f' to {start - 1}' if start > 3 else ''} (the formulas read from row 2 again)"
            )
    return None


_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)<")


def _month_headers(sheet: ip.SheetXml, row: int, read: set[int]) -> bool:
    """Whether ``row`` holds the month headers in the ``read`` columns: first days of consecutive months (date serials),
    as row 1 of "NPS scores" does (H189's finding 10: a title row above them)."""
    import datetime as dt

    months = []
    for column in sorted(read):
        element = sheet.cell(f"{get_column_letter(column)}{row}")
        value = _VALUE.search(element or b"")
        if value is None or _kind(element) not in (None, b"n"):
            return False
        try:
            day = dt.date(1899, 12, 30) + dt.timedelta(days=float(value.group(1)))
        except (ValueError, OverflowError):
            return False
        months.append((day.year, day.month, day.day))
    return (
        len(months) > 1
        and all(
            d == 1 and (y2 * 12 + m2) - (y * 12 + m) == 1
            for (y, m, d), (y2, m2, _) in zip(months, months[1:], strict=False)
        )
        and months[-1][2] == 1
    )


_NUMBER_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)>(?:(?!</(?:\w+:)?c>).)*?<(?:\w+:)?v\s*>([^<]*)</", re.S)
_AT = re.compile(rb"\br=\"([A-Z]{1,3})([0-9]+)\"")


def _other_scale(xml: bytes, answers: str, read: dict[int, int], start: int, proven: set[str]) -> str | None:
    """One line naming the first month column of "NPS scores" with :data:`~xl_retention.score_scales.SCALE_ANSWERS`
    answers or more, none above :data:`~xl_retention.score_scales.SCALE_TOP`: another question's scale (a 1-5
    satisfaction question pasted there), which NPS would count as all detractors (NPS -100), or None: the rule
    ``import --nps`` refuses such a column by (H204's finding 05). Typed numbers only (no formula, no text). A column
    whose month (its row-1 date) and answers are one of ``proven`` (:func:`.proven_scale.key`: a bad month an import
    wrote from a column proven 0-10, its answers as written) is no other scale, as the NPS formula has it."""
    seen: dict[int, list[float]] = {}  # column -> [count, highest, first row, last row]
    values: dict[int, list[float]] = {}  # column -> its answers (the key of a listed month)
    above = set()
    months: dict[int, tuple[int, int]] = {}  # column -> its header's (year, month)
    for cell in _NUMBER_CELL.finditer(xml):
        attrs = cell.group(1)
        at = _AT.search(attrs)
        if at is None or _TYPE.search(attrs) not in (None,) and _TYPE.search(attrs).group(1) != b"n":
            continue
        column, row = column_index_from_string(at.group(1).decode()), int(at.group(2))
        if row == 1 and (month := _serial_month(cell.group(0))) is not None:
            months[column] = month
        if column not in read or row < start or row > read[column] or column in above:
            continue
        try:
            value = float(cell.group(2))
        except ValueError:
            continue
        if value > SCALE_TOP:
            above.add(column)
            if len(above) == len(read):
                return None
            continue
        entry = seen.setdefault(column, [0, value, row, row])
        entry[0], entry[1], entry[3] = entry[0] + 1, max(entry[1], value), row
        values.setdefault(column, []).append(value)
    for column in sorted(seen):
        count, top, first, last = seen[column]
        year, month = months.get(column, (0, 0))
        if column not in above and count >= SCALE_ANSWERS and key(year * 100 + month, values[column]) not in proven:
            letter = get_column_letter(column)
            return (
                f"{written(answers)}!{letter}{first}:{letter}{last} holds {count} answers, none above {top:g}: the "
                f"answers of a 1-{top:g} scale (a satisfaction or effort question), not of NPS's 0-10 'How likely are "
                f"you to recommend ...?' (read as NPS, {as_nps(top)}); put the 0-10 question's answers "
                "there"
            )
    return None


def _serial_month(element: bytes | None) -> tuple[int, int] | None:
    """(year, month) of a cell holding the first day of a month as a date serial (1900 system), else None."""
    import datetime as dt

    value = _VALUE.search(element or b"")
    if value is None or _kind(element) not in (None, b"n"):
        return None
    try:
        serial = float(value.group(1))
        day = dt.date(1899, 12, 30) + dt.timedelta(days=serial)
    except (ValueError, OverflowError):
        return None
    return (day.year, day.month) if serial == int(serial) and day.day == 1 and serial > 366 else None


def _serial_day(element: bytes | None) -> dt.datetime | None:
    """The date and time of a cell holding a date serial after 1900-12-31 (1900 system), else None."""
    value = _VALUE.search(element or b"")
    try:
        serial = float(value.group(1)) if value is not None else 0.0
        return dt.datetime(1899, 12, 30) + dt.timedelta(minutes=round(serial * 1440)) if serial > 366 else None
    except (ValueError, OverflowError):
        return None


def _header_sorted(
    xml: bytes, answers: str, read: set[int], strings: Callable[[], list[str]] | None = None
) -> str | None:
    """One line naming the first month column of "NPS scores" whose header (row 1) is not its month (the months follow
    each other over the columns the NPS formulas read), or None: an answer sorted into the header with the column
    (Data > Sort without "Range contains column labels": the date then sits among the answers, named by the NPS as a
    number, and the answer in row 1 is read by no formula: H201's finding 12)."""
    sheet = ip.SheetXml.parse(xml, answers)
    # a month's column whose NPS formulas were cleared (a row of the NPS sheet: no formula reads it) is still a month's
    # (dated in row 1): counted among them, or the months after it were each said to be under the next one's header
    # (April's row cleared: "F1 holds May where April belongs", advice that would date May's answers April)
    dated = {
        column
        for column in range(min(read, default=1), max(read, default=0) + 1)
        if column not in read and _serial_month(sheet.cell(f"{get_column_letter(column)}1")) is not None
    }
    months = {column: _serial_month(sheet.cell(f"{get_column_letter(column)}1")) for column in sorted(read | dated)}
    place = {column: n for n, column in enumerate(months)}  # a column of the user's between two months is not read
    bases = Counter(month[0] * 12 + month[1] - 1 - place[c] for c, month in months.items() if month is not None)
    if not bases or bases.most_common(1)[0][1] < 2:
        return None  # months not dated in row 1 (text headers of the user's): not checked
    base = bases.most_common(1)[0][0]
    deleted = _deleted_month(months, answers)
    if deleted is not None:
        return deleted
    for column, month in months.items():
        index = base + place[column]
        if month is not None and month[0] * 12 + month[1] - 1 == index:
            continue
        letter, want = get_column_letter(column), (index // 12, index % 12 + 1)
        element = sheet.cell(f"{letter}1")
        value = _VALUE.search(element or b"")
        shown = value.group(1).decode() if value is not None else "nothing"
        if _serial_day(element) is not None and _kind(element) in (None, b"n"):  # a date: as a date, not 46023
            shown = f"{_serial_day(element):%Y-%m-%d}"
        if element is not None and _kind(element) in (b"s", b"str", b"inlineStr"):  # 'Jan 2026' typed (H265's 07)
            text = _text(element, strings() if strings is not None else [])
            said = f"the text {text!r}" if text is not None else "a text"
            return (
                f"{written(answers)}!{letter}1 holds {said} where the month's header, the date "
                f"{want[0]:04d}-{want[1]:02d}-01, belongs: no formula reads a text as the month: type the date "
                f"{want[0]:04d}-{want[1]:02d}-01 in {letter}1 (shown as the month by its format)"
            )
        day = _serial_day(element) if _kind(element) in (None, b"n") else None
        if day is not None and (day.year, day.month) == want:  # the month typed as another day (H259): as recalc says
            typed = f"{day:%Y-%m-%d %H:%M}" if day.time() != dt.time() else f"{day:%Y-%m-%d}"
            return (  # of the monthly sheets' months (recalculation.month_order), not an answer in the header
                f"{written(answers)}!{letter}1 is {typed}, not the first day of its month: type the month's first "
                f"day, {want[0]:04d}-{want[1]:02d}-01 (each month of the tracker is its first day)"
            )
        moved = next(
            (ref for ref, cell in sheet.cells_in_rows(2, max(sheet.rows, default=1))
             if ip.split_ref(ref)[1] == column and _serial_month(cell) == want),
            None,
        )  # fmt: skip
        where = (
            f", and {written(answers)}!{moved} holds that date among the answers (the column sorted with its header "
            f"as data?): put {want[0]:04d}-{want[1]:02d} back in {letter}1 and the answer in {moved}, and sort answers "
            "from row 2 only"
            if moved
            else f": put the month's date ({want[0]:04d}-{want[1]:02d}) back in {letter}1 and any answer there in an "
            "empty cell below"
        )
        return (
            f"{written(answers)}!{letter}1 holds {shown} where the month's header ({want[0]:04d}-{want[1]:02d}) "
            f"belongs: no formula reads an answer in row 1{where}"
        )
    return None


def _deleted_month(months: dict[int, tuple[int, int] | None], answers: str) -> str | None:
    """One line naming the first month missing between two month columns of "NPS scores" (``months``: column -> the
    month of its header, in column order) whose headers are each a month, oldest first, with a month left out: the
    column of a month not surveyed deleted (LibreOffice's Delete Columns), its NPS row left reading ``#REF!`` (H315's
    finding 07: the headers after it were said to be under the wrong month, advice that would mislabel January)."""
    dated = [(column, month) for column, month in months.items() if month is not None]
    if len(dated) < 2 or len(dated) < len(months):
        return None
    index = [month[0] * 12 + month[1] - 1 for _, month in dated]
    if any(b <= a for a, b in zip(index, index[1:], strict=False)):
        return None  # not oldest first: the check below names the header out of place
    for k in range(1, len(dated)):
        if index[k] - index[k - 1] > 1:
            gone, month, later = index[k - 1] + 1, dated[k - 1][1], dated[k][1]
            left, right = get_column_letter(dated[k - 1][0]), get_column_letter(dated[k][0])
            shown = f"{gone // 12:04d}-{gone % 12 + 1:02d}"
            return (
                f"{written(answers)} has no column for {shown}: {left}1 is {month[0]:04d}-{month[1]:02d} and "
                f"{right}1 {later[0]:04d}-{later[1]:02d} (the month's column deleted?), so the NPS sheet's row of "
                f"{shown} reads a deleted column (its cells #REF!): insert an empty column before "
                f"{written(answers)}!{right} headed {shown}-01 (a month not surveyed keeps its column, empty), and in "
                f"that NPS row write {written(answers)}!{right}$2:{right}$1001 where #REF! stands"
            )
    return None


_CELL_AT = re.compile(rb"<(?:\w+:)?c\b[^>]*?\br=\"([A-Z]{1,3})[0-9]+\"")
_CELL_START = re.compile(rb"<(?:\w+:)?c[\s>/]")


def _unread_column(xml: bytes, read: set[int], answers: str) -> str | None:
    """One line naming the first answer of "NPS scores" in a column no NPS formula reads (a month typed to the right
    of the tracker's last month, as one extends a list in Excel), or None.

    A number typed in row 2 or below counts; column A (the response numbers), formulas, text and a column headed
    with text in row 1 (a column of the user's own, "Comments") do not.
    """
    letters = {m.group(1) for m in _CELL_AT.finditer(xml)}
    unread = {letter for letter in letters if letter != b"A" and column_index_from_string(letter.decode()) not in read}
    if not unread and len(_CELL_START.findall(xml)) == sum(1 for _ in _CELL_AT.finditer(xml)):
        return None  # every cell is in column A or a column read (cells without a reference: parsed below)
    sheet = ip.SheetXml.parse(xml, answers)
    inside = range(min(read) + 1, max(read)) if read else range(0)  # a column inserted between two months
    own = {ip.split_ref(ref)[1] for ref, element in sheet.cells_in_rows(1, 1) if _kind(element) in _TEXT_TYPES}
    own -= set(inside)  # headed "Jan (late)" between two months: answers, not a column of the user's own (H189/07)
    for ref, element in sheet.cells_in_rows(2, max(sheet.rows, default=1)):
        column = ip.split_ref(ref)[1]
        if column == 1 or column in read or column in own:
            continue
        if b"<f" not in element and ip.has_content(element) and _kind(element) not in _TEXT_TYPES:
            first, last = get_column_letter(min(read)), get_column_letter(max(read))
            month = _serial_month(sheet.cell(f"{get_column_letter(column)}1")) if column in inside else None
            if month is not None:  # a month's column whose NPS formulas were cleared: not a column inserted
                return (
                    f"{quote_sheetname(answers)}!{ref} holds an answer of {month[0]:04d}-{month[1]:02d} (its header), "
                    "which no NPS formula reads (its month's formulas on the NPS sheet cleared?): its answers are not "
                    "counted; run xl-retention upgrade on the workbook, which puts the template's formulas back (your "
                    "values are kept)"
                )
            if column in inside:
                return (
                    f"{quote_sheetname(answers)}!{ref} holds an answer in a column between the months' columns that "
                    f"no NPS formula reads (a column inserted there?): its answers are not counted; move them into "
                    f"their month's column, below its other answers, and delete column {get_column_letter(column)}"
                )
            return (
                f"{quote_sheetname(answers)}!{ref} holds an answer in a column no NPS formula reads (they read columns "
                f"{first} to {last}, the tracker's months): its answers are not counted; add months with "
                "xl-retention extend FILE --months N or import --nps FILE --into (both add them at the end, formulas "
                "too)"
            )
    return None


_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*?\br=\"([0-9]+)\"")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*)>(.*?)</(?:\w+:)?c>", re.S)
_TYPE = re.compile(rb"\bt=\"([^\"]*)\"")


def _rows_below(xml: bytes, row: int) -> bytes:
    """The part of a sheet's XML from its first row numbered above ``row`` (b"" when there is none): the cheap
    test before a sheet is parsed whole (rows are stored in ascending order)."""
    for match in _ROW.finditer(xml):
        if int(match.group(1)) > row:
            return xml[match.start() :]
    return b""


def _may_hold_a_number(tail: bytes) -> bool:
    """Whether some cell in ``tail`` may hold a number (a value and no text, error or logical type)."""
    for match in _CELL.finditer(tail):
        kind = _TYPE.search(match.group(1))
        if (kind is None or kind.group(1) == b"n") and b"<v" in match.group(2) or b"<f" in match.group(2):
            return True
    return False


_NAME = re.compile(rb"<(?:\w+:)?definedName\b[^>]*\bname=\"([^\"]+)\"[^>]*>([^<]*)<")
_LAST_ROW = re.compile(r"!\$?[A-Z]{1,3}\$?[0-9]+:\$?[A-Z]{1,3}\$?([0-9]+)$")
_TEXT_TYPES = (b"s", b"str", b"inlineStr", b"e", b"b")
#: a month typed as text ("Apr 2026", "April", "2026-12", "12/2026", "Jan-26", "2026-04-01"): a month, not a row's
#: label
_MONTH_TEXT = re.compile(
    r"(?i)(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:[\s\-/.,']*(?:\d{2}|\d{4}))?"
    r"|\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?:[ T][\d:.]+)?|\d{1,2}[-/.](?:\d{1,2}[-/.])?\d{4}"
)


def typed_below(path: str | os.PathLike[str]) -> str | None:
    """One line naming the first number typed below the last month of a monthly sheet, or None.

    The last month is where the sheet's month name (``Customers_Months``, ...) ends; a number in a column of
    the template (its header in row 1) below it is a month the tracker's formulas and names leave out. Text
    (the sheet's note under its months), a row labelled with text in its Month column (a totals row; a month typed as
    text, "Apr 2026", is a month) and formulas (the user's own, =SUM(C2:C7)) are not months typed in.
    """
    from ..recalculation.xlsx_values import _sheet_parts

    with zipfile.ZipFile(path) as package:
        parts = _sheet_parts(package)
        names = {m.group(1).decode(): m.group(2).decode() for m in _NAME.finditer(package.read("xl/workbook.xml"))}
        strings: list[str] | None = None  # read only for a workbook that has a tracker's monthly sheet
        for spec in MONTHLY_SHEETS:
            area = names.get(monthly_name(spec.title), "").replace("&apos;", "'").replace("&amp;", "&")
            title = _sheet_of(area) or spec.title  # a sheet the user renamed ('MRR 2026'): where its name points
            part, found = parts.get(title), _LAST_ROW.search(area)
            if part is None or found is None:
                continue
            last = int(found.group(1))
            xml = package.read(part)
            if not _may_hold_a_number(_rows_below(xml, last)):  # below the months: the sheet's note at most
                continue
            strings = _shared_strings(package) if strings is None else strings
            sheet = ip.SheetXml.parse(xml, title)
            headers = {c.header for c in spec.columns}
            columns = {ip.split_ref(ref)[1] for ref, element in sheet.cells_in_rows(1, 1) if _text(element, strings)
                       in headers}  # fmt: skip
            month_column = next(
                (
                    ip.split_ref(ref)[1]
                    for ref, element in sheet.cells_in_rows(1, 1)
                    if _text(element, strings) == "Month"
                ),
                "A",
            )
            for number in sorted(n for n in sheet.rows if n > last):
                row = list(sheet.cells_in_rows(number, number))
                label = next((element for ref, element in row if ip.split_ref(ref)[1] == month_column), None)
                if (
                    label is not None
                    and ip.has_content(label)
                    and _kind(label) in _TEXT_TYPES
                    and not _MONTH_TEXT.fullmatch((_text(label, strings) or "").strip())
                ):
                    continue  # a row of the user's own, labelled ("Average / total"): not a month ("Apr 2026" is)
                for ref, element in row:
                    kind = _kind(element)
                    typed = b"<f" not in element  # a formula of the user's (=SUM(C2:C7)) is no month typed in
                    if (
                        ip.split_ref(ref)[1] in columns
                        and typed
                        and ip.has_content(element)
                        and kind not in _TEXT_TYPES
                    ):
                        return (
                            f"{quote_sheetname(title)}!{ref} holds a figure below the tracker's last month (row "
                            f"{last}): the tracker's months end there (its names, the Dashboard and lifetime value "
                            "leave that row out, formulas copied down or not): move the figures out, add the months "
                            "with xl-retention extend FILE --months N (at the end, formulas and names too) and type "
                            "them there, or import them (xl-retention import)"
                        )
    return None


def _sheet_of(area: str) -> str | None:
    """The sheet a defined name's range is on: ``'MRR 2026'!$A$2:$A$13`` -> ``MRR 2026``; None without one.

    >>> _sheet_of("'MRR ''26'!$A$2:$A$13"), _sheet_of("Revenue!$A$2:$A$13"), _sheet_of("#REF!")
    ("MRR '26", 'Revenue', None)
    """
    found = re.match(r"^(?:'((?:[^']|'')+)'|([^'!]+))!\$?[A-Z]", area)
    if found is None:
        return None
    return found.group(1).replace("''", "'") if found.group(1) is not None else found.group(2)


def _kind(element: bytes) -> bytes | None:
    """A cell element's type attribute (``t``), None for a number."""
    return ip.attribute(element[: element.find(b">")], b"t")


def _text(element: bytes, strings: list[str]) -> str | None:
    """A header cell's text: shared (looked up in sharedStrings.xml) or inline."""
    kind = ip.attribute(element[: element.find(b">")], b"t")
    if kind == b"inlineStr":
        return re.sub(rb"<[^>]+>", b"", element[element.find(b">") + 1 :]).decode("utf-8")
    value = re.search(rb"<(?:\w+:)?v>([^<]*)<", element)
    if value is None:
        return None
    if kind == b"s":
        return strings[int(value.group(1))] if int(value.group(1)) < len(strings) else None
    return value.group(1).decode("utf-8")


def _shared_strings(package: zipfile.ZipFile) -> list[str]:
    from openpyxl.reader.strings import read_string_table

    name = next((n for n in package.namelist() if n.lower() == "xl/sharedstrings.xml"), None)
    if name is None:
        return []
    with package.open(name) as stream:
        return [str(text) for text in read_string_table(stream)]


def unread_input(path: str | os.PathLike[str], given: str | None = None) -> str | None:
    """The first input the tracker's formulas do not read (:func:`.inserted_rows.inserted_row`,
    :func:`unread_answers`, :func:`typed_below`) or read wrong (:func:`.template_cells.template_cells_off`: the
    template's formulas cleared or rewired by moved cells; :func:`.future_months.future_figures`: figures typed in
    months that have not begun; :func:`.future_months.in_progress_zeros`: the month in progress typed 0;
    :mod:`.months_not_closed`: a cohort count of a month not closed, the month in progress typed by hand;
    :mod:`.deleted_names`: the template's names left #REF! by deleted columns; :mod:`.cohorts_behind`: Cohorts left
    at fewer months than the others; :mod:`.deleted_months`: an empty month's row deleted, or one typed back, with
    the remedy extend gives, upgrade named with the file as ``given``), or None."""
    from .cohort_counts_area import one_read
    from .cohorts_behind import cohorts_behind
    from .deleted_months import deleted_month_row, typed_back_line
    from .deleted_names import deleted_names
    from .future_months import future_figures, in_progress_zeros
    from .inserted_rows import inserted_row
    from .months_not_closed import future_cohort_count, typed_in_progress
    from .template_cells import template_cells_off

    with one_read():  # the survivors triangle read once for the two checks reading it
        return (
            deleted_names(path)
            or inserted_row(path)
            or unread_answers(path)
            or typed_back_line(path, given)  # a deleted month typed back: upgrade, Undo or a backup (H426's F2, F13)
            or typed_below(path)
            or template_cells_off(path)
            or future_figures(path)
            or in_progress_zeros(path)
            or typed_in_progress(path)
            or future_cohort_count(path)
            or cohorts_behind(path)
            or deleted_month_row(path)
        )


__all__ = ["typed_below", "unread_answers", "unread_input"]
