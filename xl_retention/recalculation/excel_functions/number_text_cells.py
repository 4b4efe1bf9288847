"""Text cells Excel reads as numbers or dates in arithmetic, found in a workbook's package before the evaluation.

Split from :mod:`.number_texts` (which rewrites the formulas reading them): the shared strings and inline texts that
may be formatted numbers ("1,234", "$1,200", "(50)") or dates typed as text that Excel reads as serials ("15-Jan",
"1/15", a year before 1900), each text tried once (:func:`misread`), and the cells holding them
(:func:`shared_candidates`, :func:`text_cells`).

>>> misread("(50)"), misread("abc")
(-50.0, None)
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from openpyxl.utils.cell import column_index_from_string

from .text_numbers import text_to_number

__all__ = ["NOT_A_NUMBER", "misread", "shared_candidates", "text_cells"]

#: a shared string that may be a formatted number (digits with a thousands separator, currency sign or parentheses)
#: a day and month typed without a year ("15-Jan", "1 March", "Jan 15", "Jan-24", "1/15"): the current year's date to
#: Excel (a month's name and digits no day of it, "Dec-32", is that month of a year: text_to_number reads both)
#: (a month's English name or its three letters, as strptime's %B and %b read them: "Month 1" is no date, and is
#: not tried against every date pattern)
_MONTH = (
    rb"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?"
    rb"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY_MONTH = rb"\d{1,2}[-\s/]" + _MONTH + rb"|" + _MONTH + rb"[-\s]?\d{1,2}|\d{1,2}/\d{1,2}"  # "March1" too
_DAY_MONTH_TEXT = re.compile(_DAY_MONTH.decode())
#: a date with its year that DATEVALUE reads (:func:`.text_numbers.text_to_number`) and the engine's arithmetic does not
#: ("2026/01/15", "15 January 2026", "15-January-2026", "Jan-2026", "1/2026"), with an optional time
_OTHER_DATE = (
    rb"(?:\d{4}/\d{1,2}/\d{1,2}|\d{1,2}[-\s]"
    + _MONTH
    + rb"[-\s]\d{2,4}|"
    + _MONTH
    + rb"-\d{4}|\d{1,2}/\d{4})(?:\s+\d{1,2}:\d{1,2}(?::\d{1,2})?(?:\.\d*)?(?:\s*(?i:am|pm))?)?"
)
_OTHER_DATE_TEXT = re.compile(_OTHER_DATE.decode())
#: a date or time the engine reads in arithmetic but not as the argument of a function of one number ("1/15/2026",
#: "2026-01-15", "Jan 2026", "January 15, 2026", "12:00", "10:30 PM"): ROUND("1/15/2026",0) is #VALUE! there; a time
#: of any shape text_to_number reads ("0:0:60", minutes and seconds "23:59.5") or refuses (an hour above 23:
#: "24:00", which the engine read as 0)
_TIME = rb"(?:\d{1,5}:\d{1,5}(?::\d{1,5})?(?:\.\d*)?(?:\s*(?i:am|pm|a|p))?|\d{1,2}\s*(?i:am|pm))"  # 9 AM, 8:00 a
_ENGINE_DATE = (
    rb"(?:(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|"
    + _MONTH
    + rb"\s\d{4}|"
    + _MONTH
    + rb"\s\d{1,2},?\s\d{4})(?:\s+"
    + _TIME
    + rb")?|"
    + _TIME
    + rb")"
)
_ENGINE_DATE_TEXT = re.compile(_ENGINE_DATE.decode())
#: a whole number and a fraction ("99 16/32", "-1 1/4"): a number to Excel (.text_numbers), #VALUE! to the engine
_FRACTION = rb"[+\-]?\d{1,15}\s+\d{1,15}/\d{1,15}"
_FRACTION_TEXT = re.compile(_FRACTION.decode())
#: an ISO 8601 date and time joined by its "T" ("2026-01-31T10:00:00", an API's or a CSV export's timestamp): text to
#: Excel, which reads no such form (typed in, it stays text; DATEVALUE and arithmetic give #VALUE!, whence the usual
#: DATEVALUE(LEFT(A1,10))+TIMEVALUE(MID(A1,12,8))), where the engine's arithmetic read it as the date and time
_ISO_T = rb"\d{4}-\d{1,2}-\d{1,2}T\d{1,2}:\d{1,2}(?::\d{1,2})?(?:\.\d*)?"
_ISO_T_TEXT = re.compile(_ISO_T.decode())
#: a date of 1900 or before ("12/31/1899", "29-Feb-1900"): Excel reads none but its 29 February 1900 (misread)
_EARLY_DATE = rb"[^<]{0,30}?(?<![\d.,])(?:1[0-8]\d\d|190[0-3])(?![\d.,])[^<]{0,30}?"
_SHARED_CANDIDATE = re.compile(
    rb"<t(?:\s[^>]*)?>\s*(?:[(+\-$]*\s*[+\-$]*[\d.,]*\d[\d.,]*(?:[eE][+-]?\d+)?\s*%?\s*\)?|"
    + _DAY_MONTH
    + rb"|"
    + _OTHER_DATE
    + rb"|"
    + _ENGINE_DATE
    + rb"|"
    + _FRACTION
    + rb"|"
    + _EARLY_DATE
    + rb"|"
    + _ISO_T
    + rb")\s*</t>"
)
#: an inline string's text shaped like a number (its cell is then looked for): "1,234", "$5", "(50)", "15-Jan"
#: (a space other than " " around it: U+00A0, U+2000..U+200A, U+202F, U+3000, in UTF-8; :func:`misread`)
_ODD_SPACE = rb"\xc2\xa0|\xe2\x80[\x80-\x8a\xaf]|\xe3\x80\x80"
_INLINE_CANDIDATE = re.compile(
    rb"<t(?:\s[^>]*)?>((?:[\s(+\-$]|"
    + _ODD_SPACE
    + rb")*[\d.,]*\d[\d.,]*(?:[eE][+-]?\d+)?(?:[\s%)]|"
    + _ODD_SPACE
    + rb")*|\s*(?:"
    + _DAY_MONTH
    + rb"|"
    + _OTHER_DATE
    + rb"|"
    + _ENGINE_DATE
    + rb"|"
    + _FRACTION
    + rb"|"
    + _EARLY_DATE
    + rb"|"
    + _ISO_T
    + rb")\s*)</t>"
)
#: a text with a space other than " " at an end: looked at one by one (:func:`misread`)
_ODD_SPACED = re.compile(rb"\d(?:" + _ODD_SPACE + rb")+</t>|<t(?:\s[^>]*)?>(?:" + _ODD_SPACE + rb")+\d")
_CELL_HEAD = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_SI = re.compile(rb"<si>(.*?)</si>|<si/>|<si\s*/>", re.DOTALL)
_T = re.compile(rb"<t(?:\s[^>]*)?>([^<]*)</t>")
#: a text or inline-string cell: reference, type, body
_TEXT_CELL = re.compile(
    rb'<c\s(?=[^>]*\br="([A-Z]{1,3})(\d+)")(?=[^>]*\bt="(s|inlineStr)")[^>]*(?<!/)>(.*?)</c>', re.DOTALL
)


def misread(text: str) -> float | None:
    """:func:`_misread`, remembered per text and year (a sheet of 100,000 cells holds a few distinct texts such as
    '2026-10', each tried against a dozen date forms once, not once per cell)."""
    return _misread(text, dt.date.today().year)


@lru_cache(maxsize=1 << 16)
def _misread(text: str, year: int) -> float | None:
    """The number Excel reads from ``text`` in arithmetic where the engine gives #VALUE! (a formatted number:
    thousands separators, a currency sign, accounting parentheses), or where a function of one number does
    (``ROUND("1/15/2026",0)``, ``INT("12:00")``: a date or time the engine reads in arithmetic alone), else None.

    A day and month without a year ("15-Jan", "1 March") is the current year's date (the engine says #VALUE!). A date
    with its year typed in a form DATEVALUE reads and the engine's arithmetic does not ("2026/01/15", "15 January
    2026", "Jan-2026") is DATEVALUE's date (:func:`.text_numbers.text_to_number`, one reading for both).
    A date of 1900 or before typed as text: Excel's 29 February 1900 is 60 (the engine says #VALUE!), a date before
    1900 is no number to Excel, :data:`NOT_A_NUMBER` (the engine counts back from 0: "12/31/1899" is 0).

    ``year``: the current year (a day and month alone are its dates; the cache is keyed on it).

    >>> misread("1,234"), misread("$1,200"), misread("(50)"), misread("12"), misread("5%"), misread("Jan 5, 2024")
    (1234.0, 1200.0, -50.0, None, None, 45296.0)
    >>> misread("1/15/2026"), misread("2026-01-15"), misread("Jan 2026"), misread("12:00"), misread("10:30 PM")
    (46037.0, 46037.0, 46023.0, 0.5, 0.9375)
    >>> misread("2/29/1900"), misread("1900-02-28"), misread("12/31/1899") is NOT_A_NUMBER, misread("1899")
    (60.0, 59.0, True, None)
    >>> misread("c1401"), misread("INV-1800"), misread("31-Dec-1899") is NOT_A_NUMBER
    (None, None, True)
    >>> misread("2026/01/15"), misread("15 January 2026"), misread("Jan-2026"), misread("2026/01/15 12:00")
    (46037.0, 46037.0, 46023.0, 46037.5)
    >>> misread("99 16/32"), misread("-1 1/4"), misread("1 3/2"), misread("37:30"), misread("24:99") is NOT_A_NUMBER
    (99.5, -1.25, None, 1.5625, True)
    >>> misread("9 AM"), misread("4:00 p"), misread("March1") == misread("March 1") is not None
    (0.375, 0.6666666666666666, True)
    >>> misread("2026-01-31T10:00:00") is NOT_A_NUMBER, misread("2026-01-31T10:00:00Z"), misread("2026-01-31 10:00")
    (True, None, 46053.416666666664)

    A number or date with a tab, a line break or another space than " " at either end (pasted from a web page or a
    chat: ``800\\t``, ``185\\u00a0``) is no number to Excel (#VALUE!: CLEAN and SUBSTITUTE take them off), where the
    engine's arithmetic skips them all (H265's finding 01): :data:`NOT_A_NUMBER`.

    >>> misread("800\\t") is NOT_A_NUMBER, misread("118\\n") is NOT_A_NUMBER, misread(" 185\\u00a0") is NOT_A_NUMBER
    (True, True, True)
    >>> misread(" 185 "), misread("$1,200 "), misread("n/a\\t")
    (None, 1200.0, None)
    """
    spaced = text.strip(" ")
    if spaced != spaced.strip():  # "800\t", "118\n", "185\u2009": Excel's arithmetic skips spaces (" ") alone
        return NOT_A_NUMBER if isinstance(text_to_number(spaced.strip()), float) else None  # (the engine: 800)
    if _ISO_T_TEXT.fullmatch(text.strip()) is not None:
        return NOT_A_NUMBER
    if _EARLY_YEAR.search(text) is not None and _DATE_SIGN.search(text) is not None:
        value = text_to_number(text)  # Excel's 29 February 1900 is 60, an earlier date no number (#VALUE!)
        if isinstance(value, float):
            return value
        stripped = text.strip()  # a date the engine counts back from 0 is #VALUE!; an id 'c1401' is no date at all
        dated = (_ENGINE_DATE_TEXT, _DAY_MONTH_TEXT, _OTHER_DATE_TEXT)
        return NOT_A_NUMBER if any(form.fullmatch(stripped) is not None for form in dated) else None
    if _FRACTION_TEXT.fullmatch(text.strip()) is not None:  # "99 16/32"*1: 99.5 (a fraction of 1 or more: text)
        value = text_to_number(text)
        return value if isinstance(value, float) else None
    if _ENGINE_DATE_TEXT.fullmatch(text.strip()) is not None:  # ROUND("1/15/2026",0): the engine's #VALUE!
        value = text_to_number(text)
        if isinstance(value, float):
            return value
        # a time Excel does not read (an hour above 23: TEXT("24:99",..) keeps the text in the pycel corpus, Excel's
        # own values) the engine read as another time ("24:00" 0, "1/31/2024 24:00" the day's start): #VALUE!
        return NOT_A_NUMBER if ":" in text else None
    if "," not in text and "$" not in text and "(" not in text:
        stripped = text.strip()
        if _DAY_MONTH_TEXT.fullmatch(stripped) is None and _OTHER_DATE_TEXT.fullmatch(stripped) is None:
            return None
        value = text_to_number(text)
        return value if isinstance(value, float) else None
    if not re.search(r"\d", text) or re.search(r"[A-DF-Za-df-z]", text):
        return None
    value = text_to_number(text)
    return value if isinstance(value, float) else None


#: a year of 1903 or before (Excel's calendar starts on 1 January 1900, its 1904 date system's in 1904), and a sign
#: the text is a date besides
_EARLY_YEAR = re.compile(r"(?<![\d.,])(?:1[0-8]\d\d|190[0-3])(?![\d.,])")
_DATE_SIGN = re.compile(r"[/A-Za-z]|\d-|-\d")
#: :func:`misread`'s answer for a date typed as text that Excel does not read as a number ("12/31/1899"): #VALUE!
NOT_A_NUMBER = float("nan")


def shared_candidates(shared_xml: bytes) -> dict[int, float]:
    """Index -> number of the shared strings (``xl/sharedStrings.xml``'s bytes) the engine misreads (:func:`misread`).

    >>> shared_candidates(b'<sst><si><t>a</t></si><si><t>1,234</t></si><si><r><t>(5</t></r><r><t>0)</t></r></si></sst>')
    {1: 1234.0, 2: -50.0}
    """
    if not _SHARED_CANDIDATE.search(shared_xml) and b"<r>" not in shared_xml and not _ODD_SPACED.search(shared_xml):
        return {}
    found: dict[int, float] = {}
    for index, match in enumerate(_SI.finditer(shared_xml)):
        body = match.group(1) or b""
        if b"<rPh" in body:
            body = re.sub(rb"<rPh.*?</rPh>", b"", body, flags=re.DOTALL)
        text = _unescape(b"".join(_T.findall(body)))
        number = misread(text)
        if number is not None:
            found[index] = number
    return found


def _unescape(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    if "&" not in text:
        return text
    import html  # noqa: PLC0415  (on first use: issue 14, a command's start)

    return html.unescape(text)


def _with_references(sheet_xml: bytes) -> bytes:
    """The sheet's XML with an ``r`` attribute on every ``<c>``: the attribute is optional (a cell follows the one
    before it in its row), and the cells below are found by it (:func:`..package.with_references`, which the
    package scan has already applied: nothing is left to add then).

    >>> _with_references(b'<row r="2"><c t="s"><v>0</v></c><c r="C2"/><c/></row>')
    b'<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2"/><c r="D2"/></row>'
    """
    from ..package import with_references  # the package scan imports this module

    return with_references(sheet_xml)


def text_cells(sheet_xml: bytes, candidates: dict[int, float]) -> set[tuple[int, int]]:
    """The (row, column) of a sheet's cells (its XML) holding text :func:`misread` reads: shared strings among
    ``candidates`` or inline strings.

    >>> sorted(text_cells(b'<c r="A1" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><t>$5</t></is></c>', {1: 1.0}))
    [(1, 1), (2, 2)]
    >>> sorted(text_cells(b'<c r="A1" t="s"/><c r="B1"><v>1</v></c><c s="2" r="C1" t="s"><v>1</v></c>', {1: 1.0}))
    [(1, 3)]
    """
    sheet_xml = _with_references(sheet_xml)
    cells = set()
    if b"inlineStr" in sheet_xml:  # only the inline texts shaped like a number are looked at, not every cell
        for match in _INLINE_CANDIDATE.finditer(sheet_xml):
            if misread(_unescape(match.group(1))) is None:
                continue
            start = sheet_xml.rfind(b"<c ", 0, match.start())
            head = sheet_xml[start : sheet_xml.find(b">", start) + 1] if start >= 0 else b""
            found = _CELL_HEAD.search(head)
            if found is not None and b'"inlineStr"' in head:
                cells.add((int(found.group(2)), column_index_from_string(found.group(1).decode())))
    if not candidates:
        return cells
    for match in _TEXT_CELL.finditer(sheet_xml):
        column, row, kind, body = match.groups()
        if kind == b"s":
            value = re.search(rb"<v>\s*(\d+)\s*</v>", body)
            if value is not None and int(value.group(1)) in candidates:
                cells.add((int(row), column_index_from_string(column.decode())))
    return cells
