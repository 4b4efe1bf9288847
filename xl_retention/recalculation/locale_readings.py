"""How another locale's Excel reads a date or a number typed as text which an en-US Excel reads otherwise or not at
all, written as a text the embedded engine (which reads as an en-US Excel) reads as that value: the other reading
:mod:`.locale_results` puts in the cell to see which formulas' values depend on it.

- a date of digits both read, as two different days: ``01/02/2025`` (2 January en-US, 1 February day-first);
- a date of digits only a day-first Excel reads: ``13/01/2025`` (#VALUE! en-US), ``25.12.2025`` (a day-first
  Excel writing its dates with dots: German, Russian, ...);
- a number with a decimal comma only a decimal-comma Excel reads: ``1,5``, ``1.234,50``, ``-0,25 %`` (#VALUE!
  en-US). ``1,234``, which en-US reads as 1234, is read as en-US reads it;
- an amount in another currency than en-US's ``$`` (``£1,200``, ``€1.200,50``, ``2.500 kr``: #VALUE! en-US), read as
  an Excel of that currency reads it (:func:`money_reading`), and a date with another language's month name
  (``15. März 2024``, ``15 mars 2024``: :func:`month_name_reading`).

Each reading is given in two forms of the same value (``2025-01-13`` and ``1/13/2025``; ``1234.50`` and
``01234.50``): a formula whose value is the same with either and differs from the en-US one depends on the reading;
one whose value differs between the two (``LEN(A1)``, ``A1&" x"``) reads the characters, which every Excel reads
alike.
"""

from __future__ import annotations

import datetime as dt
import re

from .excel_functions.text import text_to_number

__all__ = ["COMMA_NUMBER", "DATE_TIME", "day_first_only", "locale_reading", "reading_kind", "second_form"]

#: a date of digits read by the date order (its year may be left out) with a time or not: 03/04/2025 10:00, 1/2
DATE_TIME = re.compile(
    r"\s*(?P<first>\d{1,2})\s*(?P<sep>[/-])\s*(?P<second>\d{1,2})(?:\s*(?P=sep)\s*(?P<year>\d{4}|\d{2}))?"
    r"(?:\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second_of_minute>\d{2}(?:[.,]\d+)?))?"
    r"(?:\s*(?P<half>[AaPp]\.?[Mm]\.?))?)?\s*"
)
#: a date written with dots, day first, its year given (25.12.2025, 1.2.25), a time after it or not
_DOTTED = re.compile(r"\s*(?P<date>\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2}))(?P<rest>(?:\s+\d{1,2}:\d{2}\S*(?:\s*\S+)?)?\s*)")
#: a number written with a decimal comma (1,5; 1.234,50; -0,25 %; 1 234,5)
COMMA_NUMBER = re.compile(r"\s*[-+]?\d{1,3}(?:[.\s\u00a0\u202f']\d{3})*,\d+\s*%?\s*|\s*[-+]?\d+,\d+\s*%?\s*")
#: an ISO date the engine reads, a time after it or not (a reading's first form)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(.*)")


def locale_reading(text: str) -> str | None:
    """``text`` as another locale's Excel reads it, where that differs from an en-US Excel's reading (see the module
    docstring): an ISO date or a plain number the engine reads; else None.

    >>> locale_reading("01/02/2025"), locale_reading("13/01/2025"), locale_reading("25.12.2025 10:00")
    ('2025-02-01', '2025-01-13', '2025-12-25 10:00')
    >>> locale_reading("1.234,50"), locale_reading("-0,25 %"), locale_reading("1,234"), locale_reading("05/05/2025")
    ('1234.50', '-0.25%', None, None)
    """
    if not isinstance(text, str) or len(text) > 40:
        return None
    return (
        other_reading(text)
        or day_first_only(text)
        or comma_reading(text)
        or money_reading(text)
        or (month_name_reading(text))
    )


def reading_kind(text: str) -> str:
    """What another locale reads otherwise in ``text``: "money", "month", "number" (a decimal comma) or "date"."""
    if money_reading(text) is not None:
        return "money"
    if comma_reading(text) is not None:
        return "number"
    return "month" if month_name_reading(text) is not None else "date"


#: a currency sign or code of another locale than en-US's $, before or after an amount
_CURRENCY = r"(?:[£€¥₹]|CHF|EUR|GBP|SEK|DKK|NOK|PLN|kr\.?|zł|Fr\.)"
_MONEY = re.compile(
    r"\s*(?P<open>\()?\s*(?P<sign>[-+])?\s*(?P<pre>" + _CURRENCY + r")?\s*(?P<sign2>[-+])?\s*"
    r"(?P<number>\d[\d.,'\s\u00a0\u202f]*?)\s*(?P<post>" + _CURRENCY + r")?\s*(?P<close>\))?\s*"
)
#: thousands grouped with dots, a decimal comma or none after (1.200, 1.200,50): a European amount
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")


def money_reading(text: str) -> str | None:
    """An amount in another currency than ``$``, which an en-US Excel reads as no number, as a plain number: thousands
    grouped with dots or a decimal comma read as Europe writes them, else as en-US writes them (``£1,200``).

    >>> money_reading("£1,200"), money_reading("€1.200,50"), money_reading("2.500 kr"), money_reading("(£5)")
    ('1200', '1200.50', '2500', '-5')
    >>> money_reading("$1,200"), money_reading("1,200"), money_reading("£"), money_reading("CHF 1'200.50")
    (None, None, None, '1200.50')
    >>> money_reading("£2.500"), money_reading("€2.500")
    ('2.500', '2500')
    """
    match = _MONEY.fullmatch(text) if isinstance(text, str) and len(text) <= 40 else None
    if match is None or not (match["pre"] or match["post"]) or bool(match["open"]) != bool(match["close"]):
        return None
    number = re.sub(r"[\s\u00a0\u202f']", "", match["number"])
    point = (match["pre"] or match["post"]) in ("£", "GBP", "¥", "₹")  # a currency of '.' decimals: £2.50 is 2.5
    if re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?", number) and (
        point or not _DOTTED_THOUSANDS.fullmatch(number)
    ):
        number = number.replace(",", "")  # £1,200: commas group thousands, as en-US writes them
    elif _DOTTED_THOUSANDS.fullmatch(number) or COMMA_NUMBER.fullmatch(number):
        number = number.replace(".", "").replace(",", ".")  # €1.200,50, 12,5 €
    else:
        return None
    negative = bool(match["open"]) or "-" in (match["sign"] or "") + (match["sign2"] or "")
    return ("-" if negative else "") + number


#: a day, a month's name and a year (15. März 2024, 15-Mär-2024): the shape :func:`month_name_reading` reads
_MONTH_DATE = re.compile(r"\s*\d{1,2}\.?[\s-]*[^\W\d_]{3,}\.?[\s-]*\d{2,4}\s*")


#: short month names the regional settings of Windows (which Excel reads texts by) write otherwise than CLDR and
#: Excel's own MMM: German "Mär" (CLDR "März", Excel's MMM "Mrz"), as the full name they stand for
_WINDOWS_NAMES = {"mär": "März"}
_WINDOWS_FORMS = re.compile(r"(?i)(?<![^\W\d_])(?:" + "|".join(_WINDOWS_NAMES) + r")(?![^\W\d_])")


def month_name_reading(text: str) -> str | None:
    """A date written with another language's month name (``15. März 2024``, ``15 mars 2024``, ``15-Mär-2024``),
    which an en-US Excel does not read, as an ISO date; None for anything else (an English month name: en-US reads it).

    >>> month_name_reading("15. März 2024"), month_name_reading("15 mars 2024"), month_name_reading("15 March 2024")
    ('2024-03-15', '2024-03-15', None)
    >>> month_name_reading("15-Mär-2024"), month_name_reading("15-Mrz-24"), month_name_reading("15-Märchen-2024")
    ('2024-03-15', '2024-03-15', None)
    """
    if not isinstance(text, str) or len(text) > 40 or _MONTH_DATE.fullmatch(text) is None:
        return None
    from .locale_results import _names  # noqa: PLC0415  (.locale_results reads this module)

    english, others = _names()
    if english.search(text) is not None:
        return None
    text = _WINDOWS_FORMS.sub(lambda m: _WINDOWS_NAMES[m.group(0).lower()], text)
    for pattern, tokens in others:
        found = pattern.search(text)
        if found is None or tokens.get(found.group(1).lower(), "  ")[1] != "M":
            continue
        rest = text[: found.start()] + " " + text[found.end() :]
        numbers = re.findall(r"\d+", rest)
        if re.fullmatch(r"[\s\d.,/-]*", rest) is None or len(numbers) != 2 or len(numbers[0]) > 2:
            return None
        try:
            day = dt.date(_year(numbers[1]), int(tokens[found.group(1).lower()][2:-1]) + 1, int(numbers[0]))
        except ValueError:
            return None
        return day.isoformat() if day.year >= 1900 else None
    return None


def is_number_reading(text: str) -> bool:
    """Whether ``text``'s other reading is a number with a decimal comma (else a date's)."""
    return comma_reading(text) is not None


def second_form(reading: str) -> str:
    """The same value as ``reading`` (:func:`locale_reading`'s) written otherwise, which the engine reads alike.

    >>> second_form("2025-01-13"), second_form("2025-04-03 10:00"), second_form("1234.50"), second_form("-0.25%")
    ('1/13/2025', '4/3/2025 10:00', '01234.50', '-00.25%')
    """
    iso = _ISO.fullmatch(reading)
    if iso is not None:
        return f"{int(iso.group(2))}/{int(iso.group(3))}/{iso.group(1)}{iso.group(4)}"
    sign = reading[:1] if reading[:1] in "+-" else ""
    return sign + "0" + reading[len(sign) :]


def other_reading(text: str) -> str | None:
    """``text``, a date of digits, as a day-first Excel reads it (an ISO date, which the engine reads so) where both
    that Excel and an en-US one read it, as two different days (a wrong date, silently); else None. A time after it
    is kept (``03/04/2025 10:00``: 3 April at 10:00), and a date without its year is of the current year (Microsoft's
    DATEVALUE page: "If the year portion of the date_text argument is omitted, DATEVALUE uses the current year from
    your computer's built-in clock"). A text only one of them reads ("15/04/2025", "1/15/2026") is an error in the
    other: the day-first one's is :func:`day_first_only`'s.

    >>> other_reading("01/02/2025"), other_reading("1/2/25"), other_reading("05/05/2025"), other_reading("x")
    ('2025-02-01', '2025-02-01', None, None)
    >>> other_reading("1,234"), other_reading("15/04/2025"), other_reading("01.02.2025"), other_reading("3/1/1899")
    (None, None, None, None)
    >>> other_reading("03/04/2025 10:00"), other_reading("3/4/25 9:05:30 PM"), other_reading("1/2") is not None
    ('2025-04-03 10:00', '2025-04-03 21:05:30', True)
    >>> other_reading("5/5 10:00"), other_reading("1/2 25:00"), other_reading("1/2/2025 12:30 AM")
    (None, None, '2025-02-01 00:30')
    """
    date = DATE_TIME.fullmatch(text) if isinstance(text, str) and len(text) <= 40 else None
    if date is None:
        return None
    first, second = int(date.group("first")), int(date.group("second"))
    year = dt.date.today().year if date.group("year") is None else _year(date.group("year"))
    try:
        us, local = dt.date(year, first, second), dt.date(year, second, first)
    except ValueError:
        return None
    if us == local or year < 1900:  # before 1900: no date to any Excel
        return None
    return _with_clock(local, date)


def day_first_only(text: str) -> str | None:
    """The date (ISO, its time after it) a day-first Excel reads ``text`` as where an en-US one reads none
    (``13/01/2025``: #VALUE! in en-US, 13 January 2025 in the UK; ``25.12.2025``: 25 December in Germany); else None.

    >>> day_first_only("13/01/2025"), day_first_only("01/02/2025"), day_first_only("1/13/2025"), day_first_only("x")
    ('2025-01-13', None, None, None)
    >>> day_first_only("01.02.2025"), day_first_only("25.12.25 9:30"), day_first_only("13/01"), day_first_only("1.2")
    ('2025-02-01', '2025-12-25 09:30', None, None)
    """
    if not isinstance(text, str) or len(text) > 40:
        return None
    dotted = _DOTTED.fullmatch(text)
    date = DATE_TIME.fullmatch(dotted.group("date").replace(".", "/") + dotted.group("rest") if dotted else text)
    if date is None or date.group("year") is None:  # 13/1: not said how an en-US Excel reads it
        return None
    year = _year(date.group("year"))
    first, second = int(date.group("first")), int(date.group("second"))
    if dotted is None:
        try:
            dt.date(year, first, second)
            return None  # en-US reads it too (other_reading when the days differ)
        except ValueError:
            pass
    try:
        local = dt.date(year, second, first)
    except ValueError:
        return None
    return _with_clock(local, date) if year >= 1900 else None


def comma_reading(text: str) -> str | None:
    """A number with a decimal comma an en-US Excel reads as no number, as a plain number (its ``%`` kept).

    >>> comma_reading("1,5"), comma_reading("1 234,5"), comma_reading("1,234"), comma_reading("0,25")
    ('1.5', '1234.5', None, '0.25')
    """
    if not isinstance(text, str) or COMMA_NUMBER.fullmatch(text) is None or not isinstance(text_to_number(text), str):
        return None
    digits = text.strip()
    percent = digits.endswith("%")
    digits = re.sub(r"[.\s\u00a0\u202f']", "", digits.rstrip("%")).replace(",", ".")
    return digits + "%" * percent


def _year(digits: str) -> int:
    year = int(digits)
    return year + (2000 if year <= 29 else 1900) if len(digits) == 2 else year  # Excel's two-digit years: to 2029


def _with_clock(day: dt.date, date: re.Match[str]) -> str | None:
    """``day`` (ISO) with the time of ``date`` (a :data:`DATE_TIME` match) after it; None where that is no time."""
    if date.group("hour") is None:
        return day.isoformat()
    hour, minute = int(date.group("hour")), int(date.group("minute"))
    half = (date.group("half") or "").replace(".", "").upper()
    if half and not 1 <= hour <= 12:
        return None
    if half:
        hour = hour % 12 + (12 if half == "PM" else 0)
    if hour > 23 or minute > 59:
        return None
    seconds = date.group("second_of_minute")
    if seconds is not None and float(seconds.replace(",", ".")) >= 60:
        return None
    return f"{day.isoformat()} {hour:02d}:{minute:02d}" + (f":{seconds}" if seconds is not None else "")
