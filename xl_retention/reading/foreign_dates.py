"""What a refusal of a date column says of dates written in another language's layout: Japanese and Chinese
``2024年1月5日`` (months ``2024年1月``) and Korean ``2024년 1월 5일``, which ``--date-format`` reads (the format is
named, built from the values and checked on all of them), and month names of another language than English (German
``5. Januar 2024``, French ``13 févr. 2024``, Spanish ``5 ene 2024``), which no format reads: the refusal says that
month names are read in English only and how to write the dates instead. A day written as an English ordinal
(``January 31st, 2024``) is read without its suffix (:func:`without_ordinals`).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = ["foreign_date_hint", "with_cjk_meridiem", "without_ordinals"]

#: A day written as an ordinal ("January 31st, 2024", "1st February 2024"): its suffix, which pandas' format guess
#: keeps as a literal of the format ('%B %dst, %Y': 'March 2nd, 2024' then does not match).
_ORDINAL = re.compile(r"(?<![\d.:/-])(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)


def without_ordinals(texts: np.ndarray, sample_size: int = 200) -> np.ndarray:
    """``texts`` (distinct date texts) with a day's ordinal suffix taken off (``January 31st, 2024`` is
    ``January 31, 2024``) where the column writes days so (a sample of ``sample_size`` shows one beside a month's
    name); else ``texts`` itself.

    >>> without_ordinals(np.array(["January 31st, 2024", "March 2nd, 2024", "3rd Mar 2024"], dtype=object)).tolist()
    ['January 31, 2024', 'March 2, 2024', '3 Mar 2024']
    >>> without_ordinals(np.array(["2024-01-31", "2024-02-01"], dtype=object)).tolist()
    ['2024-01-31', '2024-02-01']
    """
    step = max(1, len(texts) // sample_size)
    sample = [str(t) for t in texts[::step][:sample_size]]
    if not any(_ORDINAL.search(t) and any(c.isalpha() for c in _ORDINAL.sub("", t)) for t in sample):
        return texts
    return np.array([_ORDINAL.sub(r"\1", str(t)) for t in texts], dtype=object)


#: British English's (CLDR en-GB) and French's short September, 'Sept' ('Sept 2026', '5 Sept. 2026'), which no
#: format reads (``%b`` is 'Sep').
_SEPT = re.compile(r"(?i)(?<![a-z])sept(?![a-z])")


def with_sep(texts: np.ndarray) -> np.ndarray:
    """``texts`` (distinct date texts) with September's short name 'Sept' written 'Sep' (H200 finding 08); else
    ``texts`` itself.

    >>> with_sep(np.array(["Aug 2026", "Sept 2026", "5 Sept 2026", "September 2026"], dtype=object)).tolist()
    ['Aug 2026', 'Sep 2026', '5 Sep 2026', 'September 2026']
    """
    if not any(_SEPT.search(str(t)) for t in texts):
        return texts
    return np.array([_SEPT.sub("Sep", str(t)) for t in texts], dtype=object)


#: A year-first date and a 12-hour time after a Korean, Chinese or Japanese word for AM or PM: Google Sheets' Timestamp
#: in a Korean locale ('2026. 9. 1 오후 8:55:00'), a Chinese one ('2026/9/1 下午8:55:00'), a Japanese one ('午後').
_MERIDIEM = re.compile(
    r"(\d{4})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\.?\s*(오전|오후|上午|下午|午前|午後)\s*(\d{1,2}):(\d{2})(?::(\d{2}))?"
)
_PM = frozenset({"오후", "下午", "午後"})


def with_cjk_meridiem(texts: np.ndarray) -> np.ndarray:
    """``texts`` (distinct date texts) as ISO 8601 with a 24-hour time where every one is a year-first date with a
    12-hour time after a Korean, Chinese or Japanese AM/PM word (H330's finding 03: no format reads them, ``%p``
    reads AM and PM only); else ``texts`` itself.

    >>> with_cjk_meridiem(np.array(["2026. 9. 1 오후 8:55:00", "2026. 9. 2 오전 12:05:09"], dtype=object)).tolist()
    ['2026-09-01 20:55:00', '2026-09-02 00:05:09']
    >>> with_cjk_meridiem(np.array(["2026/9/1 下午12:30:00", "2026/10/1 上午9:01:00"], dtype=object)).tolist()
    ['2026-09-01 12:30:00', '2026-10-01 09:01:00']
    >>> with_cjk_meridiem(np.array(["2026. 9. 1 오후 8:55:00", "2026-09-01"], dtype=object)).tolist()
    ['2026. 9. 1 오후 8:55:00', '2026-09-01']
    """
    found = [_MERIDIEM.fullmatch(str(t).strip()) for t in texts]
    if not found or not all(found):
        return texts
    out = []
    for match in found:
        year, month, day, word, hour, minute, second = match.groups()
        hour24 = int(hour) % 12 + (12 if word in _PM else 0)
        if not 1 <= int(hour) <= 12:
            return texts
        out.append(f"{year}-{int(month):02d}-{int(day):02d} {hour24:02d}:{minute}:{second or '00'}")
    return np.array(out, dtype=object)


#: A year, a month and maybe a day with their CJK counters: 年 月 日 (Japanese, Chinese), 년 월 일 (Korean).
_CJK = re.compile(
    r"(\d{4})(\s*)(年|년)(\s*)(\d{1,2})(\s*)(月|월)(?:(\s*)(\d{1,2})(\s*)(日|일))?(\s+\d{1,2}:\d{2}(:\d{2})?)?"
)
#: Month names and abbreviations of German, French, Spanish, Portuguese, Italian and Dutch that are not English.
_MONTHS = frozenset({
    "januar", "jänner", "jaenner", "februar", "märz", "mär", "mrz", "maerz", "mai", "juni", "juli", "oktober", "okt",
    "dezember", "dez", "janvier", "janv", "février", "févr", "fevrier", "fevr", "mars", "avril", "avr", "juin",
    "juillet", "juil", "août", "aout", "septembre", "octobre", "novembre", "décembre", "decembre", "déc", "enero",
    "ene", "febrero", "marzo", "abril", "abr", "mayo", "junio", "julio", "agosto", "ago", "septiembre", "setiembre",
    "octubre", "noviembre", "diciembre", "dic", "janeiro", "fevereiro", "fev", "março", "marco", "maio", "junho",
    "julho", "setembro", "outubro", "out", "novembro", "dezembro", "gennaio", "gen", "febbraio", "aprile", "maggio",
    "mag", "giugno", "giu", "luglio", "lug", "settembre", "set", "ottobre", "ott", "dicembre", "januari", "februari",
    "maart", "mrt", "mei", "augustus",
})  # fmt: skip


def _fits(texts: list[str], fmt: str) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = pd.to_datetime(pd.Series(texts, dtype=object), format=fmt, errors="coerce")
    return not parsed.isna().any()


def foreign_date_hint(values: Iterable[object]) -> str:
    """The hint for a refusal of ``values`` (a date column's distinct texts that no layout reads), else "".

    >>> foreign_date_hint(["2024年1月5日", "2024年12月20日"])
    " (dates written 2024年1月5日: read them with --date-format '%Y年%m月%d日')"
    >>> foreign_date_hint(["2024년 1월 5일"])
    " (dates written 2024년 1월 5일: read them with --date-format '%Y년 %m월 %d일')"
    >>> foreign_date_hint(["2024年1月5日 10:30", "2024年2月20日 11:00"])
    " (dates written 2024年1月5日 10:30: read them with --date-format '%Y年%m月%d日 %H:%M')"
    >>> foreign_date_hint(["2024年1月"])
    " (months written 2024年1月: read them with --date-format '%Y年%m月')"
    >>> foreign_date_hint(["5. Januar 2024"]).startswith(" (month names in another language than English ('Januar')")
    True
    >>> foreign_date_hint(["5 January 2024"])
    ''
    """
    texts = [str(v).strip() for v in values]
    if not texts:
        return ""
    first = _CJK.fullmatch(texts[0])
    if first is not None:
        g = first.groups("")
        fmt = f"%Y{g[1]}{g[2]}{g[3]}%m{g[5]}{g[6]}" + (f"{g[7]}%d{g[9]}{g[10]}" if g[8] else "")
        if g[11]:  # a time after it: '2024年1月5日 10:30'
            fmt += g[11][: len(g[11]) - len(g[11].lstrip())] + ("%H:%M:%S" if g[12] else "%H:%M")
        if all(_CJK.fullmatch(t) for t in texts) and _fits(texts, fmt):
            what = "dates" if g[8] else "months"
            return f" ({what} written {texts[0]}: read them with --date-format '{fmt}')"
    for text in texts:
        for word in re.findall(r"[^\W\d_]+", text.lower()):
            if word in _MONTHS:
                shown = re.search(re.escape(word), text, re.IGNORECASE)
                name = shown.group(0) if shown else word
                return (
                    f" (month names in another language than English ({name!r}): the import reads English month "
                    f"names only with a day (a month and its year are read: 'Juni 2026'); write the dates as"
                    f" YYYY-MM-DD (in Excel: format the column as dates before saving), "
                    f"or with English month names (--date-format '%d %B %Y' reads '5 January 2024'))"
                )
    return ""
