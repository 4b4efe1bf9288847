"""How another locale's Excel reads a date or a number typed as text which an en-US Excel reads otherwise or not at
all, written as a text the embedded engine (which reads as an en-US Excel) reads as that value: the other reading
:mod:`.locale_results` puts in the cell to see which formulas' values depend on it.

- a date of digits both read, as two different days: ``01/02/2025`` (2 January en-US, 1 February day-first);
- a date of digits only a day-first Excel reads: ``13/01/2025`` (#VALUE! en-US), ``25.12.2025`` (a day-first
  Excel writing its dates with dots: German, Russian, ...); and its mirror, one only an en-US Excel reads:
  ``1/15/2025`` (#VALUE! day-first: month 15), read as a text the engine reads as no date (:func:`month_first_only`);
- a number with a decimal comma only a decimal-comma Excel reads: ``1,5``, ``1.234,50``, ``-0,25 %`` (#VALUE!
  en-US); whole thousands grouped with dots, ``1.200`` (1.2 en-US, 1200 with a decimal comma) and ``1.200.000``
  (#VALUE! en-US), and one comma before three digits in a cell, ``1,200`` (1200 en-US, 1.2 with a decimal comma),
  as a decimal-comma Excel reads them; ``1,234.50`` and ``1,200,000`` (no number to a decimal-comma Excel) and
  ``1,200`` written in a formula (rather a format: ``TEXT(A1,"0,000")``) as en-US reads them;
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
from functools import lru_cache

from .excel_functions.text import text_to_number

__all__ = [
    "COMMA_NUMBER",
    "DATE_TIME",
    "comma_thousands_reading",
    "day_first_only",
    "dot_thousands_reading",
    "locale_reading",
    "month_first_only",
    "reading_kind",
    "second_form",
]

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
    ('1234.50', '-0.25%', '1.234', None)
    >>> locale_reading("1/15/2025")
    '15/1/2025'

    A number in brackets, an accounting negative every Excel reads so, is read as the number inside is:
    ``(1,200)`` is -1200 to an en-US Excel and -1.2 to a decimal-comma one (H571's finding 01):

    >>> locale_reading("(1,200)"), locale_reading("(1.200)"), locale_reading("(1,5)"), locale_reading("(1,234.50)")
    ('-1.200', '-1200', '-1.5', None)
    >>> locale_reading("(£5)"), locale_reading("(1.200,50 €)")  # an amount in another currency: money_reading's
    ('-5', '-1200.50')
    """
    if not isinstance(text, str) or len(text) > 40:
        return None
    inner = _bracketed(text)
    number = _number_reading(inner) if inner is not None else None
    if number is not None:
        return "-" + number
    return (
        other_reading(text)
        or day_first_only(text)
        or month_first_only(text)
        or comma_reading(text)
        or dot_thousands_reading(text)
        or comma_thousands_reading(text)
        or money_reading(text)
        or apostrophe_reading(text)
        or space_thousands_reading(text)
        or (month_name_reading(text))
    )


#: an accounting negative: a number in brackets, no sign inside (``(1,200)``, ``( 1.5 )``)
_BRACKETED = re.compile(r"\s*\(\s*(?P<inner>[^()+\-\s][^()+\-]*?)\s*\)\s*")


def _bracketed(text: str) -> str | None:
    """The number inside an accounting negative's brackets (``(1,200)``: ``1,200``); None for any other text."""
    found = _BRACKETED.fullmatch(text)
    return None if found is None else found["inner"]


def _number_reading(text: str) -> str | None:
    """``text``'s other reading where it is a number's (a decimal comma, dots or commas before thousands, thousands
    grouped by apostrophes or spaces); None for any other (a date's, a month name's, an amount's in a currency)."""
    return (
        comma_reading(text)
        or dot_thousands_reading(text)
        or comma_thousands_reading(text)
        or apostrophe_reading(text)
        or space_thousands_reading(text)
    )


def reading_kind(text: str) -> str:
    """What another locale reads otherwise in ``text``: "money", "month", "number" (a decimal comma) or "date"."""
    text = _bracketed(text) or text
    if money_reading(text) is not None:
        return "money"
    if comma_reading(text) is not None or dot_thousands_reading(text) is not None:
        return "number"
    if comma_thousands_reading(text) is not None:
        return "number"
    if apostrophe_reading(text) is not None or space_thousands_reading(text) is not None:
        return "thousands"
    return "month" if month_name_reading(text) is not None else "date"


#: a currency sign or code of another locale than en-US's $, before or after an amount
_CURRENCY = (
    r"(?:R\$|[£€¥₹₽₺]|CHF|EUR|GBP|SEK|DKK|NOK|PLN|CZK|HUF|BRL|RUB|TRY|INR|JPY|CNY|RON|kr\.?|zł|Fr\.|Kč|Ft|lei|kn)"
)
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
    >>> money_reading("R$ 1.200,00"), money_reading("1 200 Kč"), money_reading("₹1,20,000"), money_reading("₽1,5")
    ('1200.00', '1200', '120000', '1.5')
    """
    match = _MONEY.fullmatch(text) if isinstance(text, str) and len(text) <= 40 else None
    if match is None or not (match["pre"] or match["post"]) or bool(match["open"]) != bool(match["close"]):
        return None
    number = re.sub(r"[\s\u00a0\u202f']", "", match["number"])
    currency = match["pre"] or match["post"]
    point = currency in ("£", "GBP", "¥", "JPY", "CNY", "₹", "INR")  # a currency of '.' decimals: £2.50 is 2.5
    if currency in ("₹", "INR") and re.fullmatch(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?", number):
        number = number.replace(",", "")  # ₹1,20,000: India groups lakhs and crores by two digits
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?", number) and (
        point or not _DOTTED_THOUSANDS.fullmatch(number)
    ):
        number = number.replace(",", "")  # £1,200: commas group thousands, as en-US writes them
    elif _DOTTED_THOUSANDS.fullmatch(number) or COMMA_NUMBER.fullmatch(number):
        number = number.replace(".", "").replace(",", ".")  # €1.200,50, 12,5 €
    else:
        return None
    negative = bool(match["open"]) or "-" in (match["sign"] or "") + (match["sign2"] or "")
    return ("-" if negative else "") + number


#: a day, a month's name and a year (15. März 2024, 15-Mär-2024, 15 de marzo de 2024), or a month's name and a year
#: (März 2024: its first day), a time after it or not: the shapes :func:`month_name_reading` reads
_MONTH_DATE = re.compile(
    r"\s*(?:(?P<day>\d{1,2})\.?[\s-]*(?:de\s+)?(?P<month>[^\W\d_]{3,})\.?[\s-]*(?:de\s+)?(?P<year>\d{4}|\d{2})"
    r"|(?P<only_month>[^\W\d_]{3,})\.?[\s-]*(?:de\s+)?(?P<only_year>\d{4}))"
    r"(?:\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?\s*"
)
#: languages whose month names Excel's language lists (.locale_results) leave out, read from CLDR as written in a date
#: (Russian, Polish, Czech and Finnish write a day's month in the genitive: 15 марта 2024)
_MORE_LANGUAGES = ("ru", "pl", "cs", "fi", "tr")

#: short month names the regional settings of Windows (which Excel reads texts by) write otherwise than CLDR and
#: Excel's own MMM: German "Mär" (CLDR "März", Excel's MMM "Mrz"), as the full name they stand for
_WINDOWS_NAMES = {"mär": "märz"}


def month_name_reading(text: str) -> str | None:
    """A date written with another language's month name (``15. März 2024``, ``15 mars 2024``, ``15-Mär-2024``,
    ``15 de marzo de 2024``, ``15 марта 2024``; ``März 2024``: its first day; a time after it or not), which an en-US
    Excel does not read, as an ISO date (its time after it); None for anything else (an English month name: en-US
    reads it).

    >>> month_name_reading("15. März 2024"), month_name_reading("15 mars 2024"), month_name_reading("15 March 2024")
    ('2024-03-15', '2024-03-15', None)
    >>> month_name_reading("15-Mär-2024"), month_name_reading("15-Mrz-24"), month_name_reading("15-Märchen-2024")
    ('2024-03-15', '2024-03-15', None)
    >>> month_name_reading("15 de marzo de 2024"), month_name_reading("März 2024"), month_name_reading("15 марта 2024")
    ('2024-03-15', '2024-03-01', '2024-03-15')
    >>> month_name_reading("15. März 2024 10:00"), month_name_reading("31 février 2024"), month_name_reading("Ei 2024")
    ('2024-03-15 10:00', None, None)
    """
    shape = _MONTH_DATE.fullmatch(text) if isinstance(text, str) and len(text) <= 40 else None
    if shape is None:
        return None
    from .locale_results import _names  # noqa: PLC0415  (.locale_results reads this module)

    english, others = _names()
    if english.search(text) is not None:
        return None
    word = (shape["month"] or shape["only_month"]).lower()
    month = _month_number(_WINDOWS_NAMES.get(word, word), others)
    if month is None:
        return None
    try:
        day = dt.date(_year(shape["year"] or shape["only_year"]), month, int(shape["day"] or 1))
    except ValueError:
        return None
    if day.year < 1900:
        return None
    if shape["hour"] is None:
        return day.isoformat()
    hour, minute, second = int(shape["hour"]), int(shape["minute"]), shape["second"]
    if hour > 23 or minute > 59 or (second is not None and int(second) > 59):
        return None
    return f"{day.isoformat()} {hour:02d}:{minute:02d}" + (f":{second}" if second is not None else "")


def _month_number(word: str, others: list[tuple[re.Pattern[str], dict[str, str]]]) -> int | None:
    """The month (1-12) a lower-case ``word`` names in a language of .locale_results' lists or of
    :data:`_MORE_LANGUAGES`; None when it names none (or a day)."""
    for _, tokens in others:
        token = tokens.get(word)
        if token is not None:
            return int(token[2:-1]) + 1 if token[1] == "M" else None
    return _more_months().get(word)


@lru_cache(maxsize=1)
def _more_months() -> dict[str, int]:
    """Each lower-case month name of :data:`_MORE_LANGUAGES` (wide and abbreviated, as in a date and alone) and its
    month."""
    from babel import Locale  # noqa: PLC0415  (loaded only where a text has a month's name en-US does not read)

    names: dict[str, int] = {}
    for language in _MORE_LANGUAGES:
        cldr = Locale.parse(language)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for month in range(1, 13):
                    names.setdefault(cldr.months[context][width][month].lower().rstrip("."), month)
    return names


def is_number_reading(text: str) -> bool:
    """Whether ``text``'s other reading is a number with a decimal comma (else a date's): ``1,5``, and ``1,200``
    (1200 to en-US), in brackets too (``(1,200)``)."""
    text = _bracketed(text) or text
    return comma_reading(text) is not None or comma_thousands_reading(text) is not None


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
    other: the day-first one's is :func:`day_first_only`'s, the en-US one's :func:`month_first_only`'s.

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


def month_first_only(text: str) -> str | None:
    """The mirror of :func:`day_first_only`: where an en-US Excel reads ``text`` as a date and a day-first one reads
    none (``1/15/2025``: 15 January 2025 en-US, #VALUE! in the UK, which reads month 15), ``text`` with its first two
    numbers swapped (``15/1/2025``), which the embedded engine (en-US) reads as no date, as a day-first Excel reads
    ``text``; else None. Its year is given (``1/15``: not said how a day-first Excel reads it).

    >>> month_first_only("1/15/2025"), month_first_only("12/31/25 9:30 PM"), month_first_only("2/29/1900")
    ('15/1/2025', '31/12/25 9:30 PM', '29/2/1900')
    >>> month_first_only("01/02/2025"), month_first_only("13/01/2025"), month_first_only("1/15"), month_first_only("x")
    (None, None, None, None)
    >>> month_first_only("2/30/2025"), month_first_only("1/15/1899")
    (None, None)
    """
    date = DATE_TIME.fullmatch(text) if isinstance(text, str) and len(text) <= 40 else None
    if date is None or date.group("year") is None or not 1 <= int(date.group("first")) <= 12:
        return None
    if int(date.group("second")) <= 12 or not isinstance(text_to_number(text), float):  # en-US reads no date: None
        return None
    first, second = date.span("first"), date.span("second")
    return (
        text[: first[0]] + date.group("second") + text[first[1] : second[0]] + date.group("first") + text[second[1] :]
    )


#: thousands grouped with apostrophes (1'234.50: Switzerland's), which an en-US Excel reads as no number
_APOSTROPHE = re.compile(r"\s*[-+]?\d{1,3}(?:['\u2019]\d{3})+(?:\.\d+)?\s*%?\s*")


def apostrophe_reading(text: str) -> str | None:
    """A number with its thousands grouped by apostrophes (a Swiss Excel's ``1'234.50``) as a plain number.

    >>> apostrophe_reading("1'234.50"), apostrophe_reading("-12'000"), apostrophe_reading("1'23")
    ('1234.50', '-12000', None)
    """
    if not isinstance(text, str) or _APOSTROPHE.fullmatch(text) is None:
        return None
    return re.sub(r"['\u2019\s]", "", text)


#: thousands grouped with spaces (a space, a no-break space U+00A0 or a narrow one U+202F: France's, Sweden's,
#: Poland's, Czechia's 1 200), a decimal point or none after: no number to an en-US Excel
_SPACE_THOUSANDS = re.compile(r"\s*[-+]?[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?\s*%?\s*")


def space_thousands_reading(text: str) -> str | None:
    """A number with its thousands grouped by spaces (``1 200``, ``1\u00a0200 000``) as a plain number: 1200 to an
    Excel of a locale grouping so, #VALUE! to an en-US one (H486's finding 03: pasted into a tracker's New MRR it was
    "no number" under status ok, where ``1.200`` and ``1 200,50`` are named as the locale's).

    >>> space_thousands_reading("1 200"), space_thousands_reading("1\u00a0200 000"), space_thousands_reading("-12 500")
    ('1200', '1200000', '-12500')
    >>> space_thousands_reading("1 20"), space_thousands_reading("12 3456"), space_thousands_reading("1200")
    (None, None, None)
    """
    if not isinstance(text, str) or _SPACE_THOUSANDS.fullmatch(text) is None:
        return None
    return re.sub(r"[\s\u00a0\u202f]", "", text)


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


#: whole thousands grouped with dots (1.200, 12.500, 1.200.000): a decimal-comma Excel's thousands
_DOT_THOUSANDS = re.compile(r"\s*(?P<sign>[-+]?)(?P<digits>[1-9]\d{0,2}(?:\.\d{3})+)\s*")


def dot_thousands_reading(text: str) -> str | None:
    """Whole thousands grouped with dots as a decimal-comma Excel reads them (the dot its thousands separator), where
    an en-US Excel reads a decimal point (``1.200`` 1.2) or no number (``1.200.000``): H201 finding 10, a German
    export's churned MRR ``1.200`` taken as 1.2 beside ``900,00`` listed as the locale's.

    >>> dot_thousands_reading("1.200"), dot_thousands_reading("-12.500"), dot_thousands_reading("1.200.000")
    ('1200', '-12500', '1200000')
    >>> dot_thousands_reading("0.125"), dot_thousands_reading("1.5"), dot_thousands_reading("1.2000")
    (None, None, None)
    """
    if not isinstance(text, str):
        return None
    match = _DOT_THOUSANDS.fullmatch(text)
    if match is None:
        return None
    return match.group("sign") + match.group("digits").replace(".", "")


#: one comma before three digits (1,200; -0,125; 12,500 %): en-US's thousands, a decimal-comma Excel's decimals
_COMMA_THOUSANDS = re.compile(r"\s*(?P<sign>[-+]?)(?P<whole>\d{1,3}),(?P<decimals>\d{3})\s*(?P<percent>%?)\s*")


def comma_thousands_reading(text: str) -> str | None:
    """One comma before three digits as a decimal-comma Excel reads it (the comma its decimal separator), where an
    en-US Excel reads thousands (``1,200``: 1200 en-US, 1.2 in Germany or France): the twin of
    :func:`dot_thousands_reading` (H201 finding 10: either is read 1,000 times apart by the two Excels).

    >>> comma_thousands_reading("1,200"), comma_thousands_reading("-0,125"), comma_thousands_reading("12,500 %")
    ('1.200', '-0.125', '12.500%')
    >>> comma_thousands_reading("1,200,000"), comma_thousands_reading("1,234.50"), comma_thousands_reading("1,5")
    (None, None, None)
    """
    if not isinstance(text, str):
        return None
    match = _COMMA_THOUSANDS.fullmatch(text)
    if match is None or isinstance(text_to_number(text), str):
        return None
    return f"{match['sign']}{match['whole']}.{match['decimals']}{match['percent']}"


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
