"""What a refusal of a date column says of dates written in another language's layout: Japanese and Chinese
``2024年1月5日`` (months ``2024年1月``) and Korean ``2024년 1월 5일``, which ``--date-format`` reads (the format is
named, built from the values and checked on all of them), and month names of another language than English (German
``5. Januar 2024``, French ``13 févr. 2024``, Spanish ``5 ene 2024``), which no format reads: the refusal says that
month names are read in English only and how to write the dates instead.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable

import pandas as pd

__all__ = ["foreign_date_hint"]

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
                    f"names only; write the dates as YYYY-MM-DD (in Excel: format the column as dates before saving), "
                    f"or with English month names (--date-format '%d %B %Y' reads '5 January 2024')"
                )
    return ""
