"""A hand-kept sheet's total or average row under each month, labelled in words ("Total MRR", "Grand total (USD)",
"Sum of MRR", German pivot tables' "Ergebnis", "Összesen", "Toplam", "Avg.", "Average MRR", "平均"): the month's
sum or mean, not a customer.

Read as a customer, such a row doubled the month's MRR (or added its mean) and was one customer more in every
month, silently: :func:`~.summaries.monthly_totals` tells a total by its numbers alone only with three other rows
in its month, and a label only when it names a period ("Total January"). Here an id whose words say total or
average (:data:`TOTAL_WORDS`, :data:`AVERAGE_WORDS`, any language the README's statuses are read in and the
languages of Excel's pivot tables) is refused when each of its rows is its month's total (the sum of the month's
other rows) or each is its month's average (their mean), one of its months holding two other rows at least (a
customer 'Total Wine' paying once as much as the one other customer is read).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .errors import bad_rows
from .names import camel_spaced
from .summaries import customer_ids

__all__ = ["AVERAGE_WORDS", "TOTAL_WORDS", "refuse_labelled_totals", "says_average", "says_total"]

#: Words (case folded) that say a row is a total: English, German (pivot tables' "Ergebnis", "Gesamtergebnis"),
#: French, Spanish, Portuguese, Italian, Dutch, Scandinavian, Finnish, Estonian, Polish, Czech, Slovak, Hungarian,
#: Turkish, Indonesian, Vietnamese ("tổng cộng"), Russian ("Итого", Excel's "Общий итог", "Итог"), Ukrainian, Greek,
#: Arabic, the Baltic and South Slavic languages, Basque, Kazakh: every language Excel's pivot tables are written in
#: (:data:`~.summaries.PIVOT_TOTALS`), and the CJK signs (matched anywhere: no spaces there).
TOTAL_WORDS = frozenset({
    "total", "totals", "subtotal", "subtotals", "grandtotal", "sum", "sums", "overall", "summe", "summen",
    "zwischensumme", "gesamt", "gesamtsumme", "gesamtergebnis", "ergebnis", "insgesamt", "totaux", "somme",
    "suma", "totales", "totale", "complessivo", "totaal", "eindtotaal", "totalt", "summa", "totalsumma",
    "yhteensä", "kokku", "razem", "celkem", "celkom", "spolu", "összesen", "végösszeg", "toplam", "genel",
    "jumlah", "tổng", "итого", "всего", "сумма", "итог", "итоги", "підсумок", "всього", "разом", "součet",
    "súčet", "σύνολο", "toplamı", "hovedtotal", "totalsum", "kokonaissumma", "końcowa", "ukupno", "zbroj", "zbir",
    "vsota", "skupaj", "общо", "сума", "kopsumma", "kopā", "üldkokkuvõte", "keseluruhan", "guztira", "қорытынды",
    "المجموع", "مجموع", "الإجمالي", "إجمالي", "الاجمالي", "اجمالي",
})  # fmt: skip
#: Total signs matched anywhere: CJK; Korean; Hebrew (סה"כ, "סך הכל", "סכום כולל": its quote splits the word);
#: Thai and Hindi (their vowel signs split a word into letters).
_TOTAL_SIGNS = re.compile(r"合計|合计|總計|总计|小計|小计|합계|총계|Σ|∑|סה[\"״'׳]+כ|סך הכל|סכום כולל|ผลรวม|कुल")
#: Words (case folded) that say a row is an average (or a median: with two other rows, their mean).
AVERAGE_WORDS = frozenset({
    "average", "averages", "avg", "mean", "median", "durchschnitt", "mittelwert", "schnitt", "moyenne", "médiane",
    "promedio", "media", "mediana", "média", "gemiddelde", "gemiddeld", "genomsnitt", "gjennomsnitt", "keskiarvo",
    "keskmine", "średnia", "průměr", "priemer", "átlag", "ortalama", "rata", "trung", "среднее", "средний",
})  # fmt: skip
_AVERAGE_SIGNS = re.compile(r"平均|中央値|中位数|평균")
_LETTERS = re.compile(r"[^\W\d_]+")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _LETTERS.findall(camel_spaced(text))]


def says_total(value: object) -> bool:
    """Whether ``value`` (an id) holds a total's word or sign; an e-mail never.

    >>> [says_total(v) for v in ["Total MRR", "Grand total (USD)", "Ergebnis", "Tổng cộng", "總計", "a@total.com"]]
    [True, True, True, True, True, False]
    """
    if not isinstance(value, str) or "@" in value:
        return False
    return bool(_TOTAL_SIGNS.search(value)) or any(w in TOTAL_WORDS for w in _words(value))


def says_average(value: object) -> bool:
    """Whether ``value`` (an id) holds an average's word or sign; an e-mail never.

    >>> [says_average(v) for v in ["Avg.", "Average MRR", "Media", "平均", "Median", "Acme", "mean@x.com"]]
    [True, True, True, True, True, False, False]
    """
    if not isinstance(value, str) or "@" in value:
        return False
    return bool(_AVERAGE_SIGNS.search(value)) or any(w in AVERAGE_WORDS for w in _words(value))


def refuse_labelled_totals(
    ids: pd.Series,
    codes: np.ndarray,
    amounts: np.ndarray,
    sums: np.ndarray,
    counts: np.ndarray,
    valid: np.ndarray,
    source: str,
    column: str,
    what: str = "MRR",
) -> None:
    """Refuse the rows of an id that says total (:func:`says_total`) each of whose rows is its month's other rows'
    sum, or that says average (:func:`says_average`) each of whose rows is their mean, one of its months having two
    other rows at least. ``codes``: each row's month as 0..n-1 (a row not ``valid``: a month of no rows counted),
    ``amounts``: each row's amount, ``sums``/``counts``: each month's sum and rows (the rows read).

    >>> ids = pd.Series(["a", "b", "Total MRR", "a", "Total MRR"])
    >>> codes, x = np.array([0, 0, 0, 1, 1]), np.array([10.0, 20, 30, 10, 10])
    >>> refuse_labelled_totals(ids, codes, x, np.array([60.0, 20]), np.array([3, 2]), np.ones(5, bool), "m.csv", "C")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: m.csv, column 'C': a total row of each month (its MRR is the sum of the \
month's other rows: the report's totals, not a customer) in rows 4, 6 (counting the header as row 1): 'Total MRR', \
'Total MRR': remove them
    """
    # per month (few): half its sum (a total row's amount), its mean (an average row's), the tolerance of each; an
    # average row is looked for only in months whose amounts differ (in a month of one price every row is the mean:
    # the ids of a large file would all be asked); its rows in other months need only be the mean there
    many = counts >= 2
    with np.errstate(invalid="ignore", divide="ignore"):
        tolerance = (1e-9 * np.maximum(np.abs(sums), 1.0) + 0.005) / np.maximum(counts, 1)
        half = np.where(many, sums / 2, np.nan)
        mean = np.where(many, sums / np.maximum(counts, 1), np.nan)
        squares = np.bincount(codes, weights=amounts * amounts, minlength=len(sums))
        spread = np.abs(counts * squares - sums**2) > 1e-6 * np.maximum(sums**2, 1.0)
        x = np.where(valid & (amounts > 0), amounts, np.nan)
        summed = np.abs(x - half[codes]) <= (tolerance * np.maximum(counts, 1) / 2)[codes]
        averaged = np.abs(x - mean[codes]) <= tolerance[codes]
    for marked, looked, says, kind, of, figures in (
        (summed, summed, says_total, "a total row", "sum", "totals"),
        (averaged, averaged & spread[codes], says_average, "an average row", "mean", "averages"),
    ):
        if not looked.any():
            continue
        found = pd.unique(ids.iloc[np.flatnonzero(looked)].to_numpy(dtype=object))
        candidates = [v for v in found if says(v) and not customer_ids([v])]  # 'sum_8Kq2mA7x': a customer's id
        labels = []
        for label in candidates:
            rows = np.flatnonzero(ids.eq(label).to_numpy(dtype=bool) & valid)
            if marked[rows].all() and (counts[codes[rows]] >= 3).any():
                labels.append(label)
        if labels:
            rows = np.flatnonzero(ids.isin(labels).to_numpy(dtype=bool) & valid)
            problem = (
                f"{kind} of each month (its {what} is the {of} of the month's other rows: the report's {figures}, "
                "not a customer)"
            )
            shown = {int(r): ids.iloc[int(r)] for r in rows[:5]}
            raise bad_rows(source, column, problem, rows, shown, advice="remove them")
