"""The month and day names a date format shows: English, or those of its locale tag (``[$-40C]mmmm`` is "mars").

A tag is a Windows locale id in hex (``[$-40C]``, ``[$€-407]``) or a language tag (``[$-fr-FR]``). English and German
names are Excel's own (German abbreviations as Excel writes them: "Mrz", "So"); the full names of the languages in
:data:`_FROM_CLDR` come from the Unicode CLDR through Babel, checked against LibreOffice 7.4's locale data for all
twelve months and seven days (French, Spanish, Italian, Dutch, Portuguese, Swedish, Danish, Norwegian Bokmål: the
names Windows gives too). Others are refused with the reason (:class:`FormatNotSupported`, the cell is listed), never
shown in English: a language whose month names change with their use (Polish "marzec" / "marca", Russian, Finnish),
Japanese and Chinese (CLDR "3月" where LibreOffice shows "三月"), Norwegian Nynorsk ("søndag" / "sundag"); and the
abbreviated names of every language but English and German, which Excel takes from Windows' locale data and other
sources write otherwise (LibreOffice's German "Mär" for Excel's "Mrz", Spanish "mar" or "mar.").
"""

from __future__ import annotations

import locale
import re
from functools import lru_cache
from typing import NamedTuple

__all__ = ["FormatNotSupported", "Names", "names_gap", "section_names"]


class FormatNotSupported(ValueError):
    """A number format this package cannot apply faithfully (its message says what in it, in words)."""


class Names(NamedTuple):
    """A language's month and day names (Sunday first); an abbreviation list None where it is not known."""

    months: list[str]
    short_months: list[str] | None
    days: list[str]
    short_days: list[str] | None
    tag: str = ""


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]  # fmt: skip
_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
ENGLISH = Names(_MONTHS, [m[:3] for m in _MONTHS], _DAYS, [d[:3] for d in _DAYS])
_GERMAN = Names(
    ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
     "Dezember"],
    ["Jan", "Feb", "Mrz", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
    ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
    ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
)  # fmt: skip
#: languages whose full month and day names CLDR (Babel) gives as Excel shows them
_FROM_CLDR = frozenset(("fr", "es", "it", "nl", "pt", "sv", "da", "nb"))
#: a locale tag: [$-407], [$€-407], [$-de-DE]
_LOCALE = re.compile(r"\[\$[^\]-]*-([^\]]+)\]")
_NAME_CODES = re.compile(r"(?i)mmm|ddd")
#: what is no code in a section (quoted text, escapes, fills, brackets), then the runs of m and d codes
_NOT_CODES = re.compile(r'"[^"]*"?|\\.|_.|\*.|\[[^\]]*\]?')
_RUNS = re.compile(r"(?i)m+|d+")


def _locale_of(tag: str) -> str | None:
    """The CLDR locale (``fr_FR``) of a tag (``40C``, ``fr-FR``), None when it names none.

    >>> _locale_of("40C"), _locale_of("C0A"), _locale_of("fr-CA"), _locale_of("407"), _locale_of("F800")
    ('fr_FR', 'es_ES', 'fr_CA', 'de_DE', None)
    """
    if re.fullmatch(r"[0-9A-Fa-f]+", tag):
        lcid = int(tag, 16)
        return locale.windows_locale.get(lcid & 0xFFFF) if lcid <= 0xFFFF else None
    return tag.replace("-", "_") if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*", tag) else None


@lru_cache(maxsize=64)
def _names_of(tag: str) -> Names | str:
    """The names a tag's language shows, or why they are not known (a text)."""
    found = _locale_of(tag)
    language = (found or "").split("_")[0].lower()
    if language == "en":
        return ENGLISH
    if language == "de":
        return _GERMAN._replace(tag=tag)
    if language not in _FROM_CLDR:
        return f"month or day names of the locale [$-{tag}]" + (f" ({found.replace('_', '-')})" if found else "")
    from babel import Locale  # noqa: PLC0415  (loaded for such a format only)

    cldr = Locale.parse(found)
    months = [cldr.months["format"]["wide"][m] for m in range(1, 13)]
    days = [cldr.days["format"]["wide"][(d + 6) % 7] for d in range(7)]  # CLDR counts from Monday (0)
    return Names(months, None, days, None, tag)


def section_names(section: str) -> Names:
    """The names a date section shows: its locale tag's, English without one (or without month or day names).

    >>> section_names("[$-40C]mmmm").months[2], section_names("[$-C0A]dddd").days[1], section_names("mmmm").months[0]
    ('mars', 'lunes', 'January')
    >>> section_names("[$-407]mmm yyyy").short_months[2], section_names("[$-40C]dd/mm/yyyy") is ENGLISH
    ('Mrz', True)
    >>> section_names("[$-419]mmmm")
    Traceback (most recent call last):
    ...
    xl_retention.recalculation.excel_functions.locale_names.FormatNotSupported: month or day names of the locale \
[$-419] (ru-RU)
    """
    plain = re.sub(r'"[^"]*"|\\.', "", section)
    tags = _LOCALE.findall(plain)
    if not tags or not _NAME_CODES.search(_LOCALE.sub("", plain)):
        return ENGLISH
    found = _names_of(tags[-1].strip())
    if isinstance(found, str):
        raise FormatNotSupported(found)
    return found


def short_names_gap(names: Names, code: str) -> str:
    """Why the abbreviations ``code`` (``mmm`` or ``ddd``) asks for are not shown in ``names``' language."""
    what = "month" if code[0] in "mM" else "day"
    return (
        f"abbreviated {what} names of the locale [$-{names.tag}] (Excel takes them from Windows' locale data, which "
        "other sources abbreviate otherwise)"
    )


def names_gap(fmt: str) -> str | None:
    """Why the month or day names the number format ``fmt`` shows are not known, in words; None when they are.

    >>> names_gap("[$-40C]mmmm yyyy"), names_gap("[$-415]dddd"), names_gap("mmm"), names_gap("[$-40C]mmm")[:40]
    (None, 'month or day names of the locale [$-415] (pl-PL)', None, 'abbreviated month names of the locale [$')
    """
    for section in fmt.split(";"):
        try:
            names = section_names(section)
        except FormatNotSupported as gap:
            return str(gap)
        if names.short_months is None or names.short_days is None:
            for run in _RUNS.findall(_NOT_CODES.sub("", section)):
                if len(run) == 3:
                    return short_names_gap(names, run)
    return None
