"""An export's summary rows at its end ("Total", "Grand Total", "Subtotal", "Sum", "Gesamt", "Totaux"): a report's
totals, not a customer's row.

Read as data, a total row with a date was one more customer whose amount is the sum of all others (revenue
doubled, one buyer more), silently; one without a date stopped with "missing dates", which names no cause. The
rows at the end of a table (or right below its header) whose id column, or first filled cell with the row's ids and
dates blank, says total or average (the whole cell, any case, a colon after it) are refused with every row after the
first (a report's 'Count', 'Max' below its 'Total'), naming the row and the cell: remove them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows
from .names import camel_spaced
from .summary_cells import _sums, looks_like_totals

__all__ = [
    "SUMMARY",
    "customer_ids",
    "refuse_monthly_totals",
    "refuse_repeated_headers",
    "refuse_subtotal_ids",
    "refuse_summary_rows",
    "refuse_unlabelled_totals",
]

#: The labels of a pivot table's total and grand total rows in the other languages Excel ships (a regular expression's
#: alternatives, whole cells, any case): Russian "Общий итог", "Итог"; Ukrainian "Загальний підсумок"; Czech "Celkový
#: součet", "Celkem"; Slovak "Celkový súčet"; Hungarian "Végösszeg"; Turkish "Genel Toplam" ("Összesen" and
#: "Toplam" alone are found by their sums: :mod:`.total_labels`); Greek "Γενικό σύνολο"; Korean "총합계"; Arabic
#: "الإجمالي الكلي", "المجموع"; Hebrew "סכום כולל", 'סה"כ'; Danish "Hovedtotal";
#: Norwegian "Totalsum"; Finnish "Kokonaissumma"; Polish "Suma końcowa"; Croatian "Sveukupni zbroj", "Ukupno";
#: Slovenian "Skupna vsota", "Skupaj"; Serbian "Ukupni zbir"; Bulgarian "Обща сума", "Общо"; Lithuanian "Bendroji
#: suma", "Iš viso"; Latvian "Kopsumma", "Kopā"; Estonian "Üldkokkuvõte", "Kokku"; Romanian "Total general"; Thai
#: "ผลรวมทั้งหมด"; Vietnamese "Tổng Cuối", "Tổng cộng"; Indonesian "Total Keseluruhan"; Malay "Jumlah Besar";
#: Kazakh "Жалпы қорытынды"; Hindi "कुल योग"; Basque "Guztira". Read as a customer, each doubled its month's MRR.
PIVOT_TOTALS = (
    r"общий[\s_-]+итог|итоги?|загальний[\s_-]+підсумок|підсумок|всього|разом|celkov[ýy][\s_-]+sou[čc]et|celkem|"
    r"celkov[ýy][\s_-]+s[úu][čc]et|celkom|spolu|v[ée]g[öo]sszeg|genel[\s_-]+toplam|"
    r"γενικό[\s_-]+σύνολο|σύνολο|총합계|합계|총계|(?:ال)?إجمالي(?:[\s_-]+الكلي)?|(?:ال)?اجمالي|(?:ال)?مجموع(?:[\s_-]+الكلي)?|"
    r"סכום[\s_-]+כולל|סה[\"״'׳]+כ|סך[\s_-]+הכל|hovedtotal|totalsum|kokonaissumma|suma[\s_-]+ko[ńn]cowa|"
    r"sveukupni[\s_-]+zbroj|ukupno|skupna[\s_-]+vsota|skupaj|ukupni[\s_-]+zbir|обща[\s_-]+сума|общо|"
    r"bendroji[\s_-]+suma|i[šs][\s_-]+viso|kopsumma|kop[āa]|[üu]ldkokkuv[õo]te|kokku|total[\s_-]+general|"
    r"ผลรวมทั้งหมด|ผลรวม|t[ổo]ng[\s_-]+(?:cu[ốo]i|c[ộo]ng)|total[\s_-]+keseluruhan|jumlah[\s_-]+besar|jumlah|"
    r"жалпы[\s_-]+қорытынды|कुल[\s_-]+योग|कुल|guztira"
)
#: A cell that says a row is a summary of the rows above it (English, German, French, Spanish, Dutch, Italian,
#: Swedish and Norwegian, Finnish, Polish, Portuguese, Russian, Japanese and Chinese: Excel's pivot tables write
#: "Gesamtergebnis", "Eindtotaal", "Totalt", "Total geral", "Итого", "総計").
SUMMARY = re.compile(
    r"(?i)^\s*(?:grand[\s_-]*totals?|totals?|sub[\s_-]*totals?|sum|summe|gesamt(?:summe|ergebnis)?|zwischensumme|"
    r"total[\s_-]+g[ée]n[ée]ral|totaux|suma[\s_-]+total|totale(?:[\s_-]+complessivo)?|(?:eind|sub)?totaal|totales?|"
    r"totalt|totalsumma|summa|yhteens[äa]|razem|average|avg|mean|durchschnitt|moyenne|promedio|gemiddelde|"
    r"insgesamt|total[\s_-]+geral|итого|всего|合計|小計|総計|合计|小计|总计|" + PIVOT_TOTALS + r")"
    r"\s*:?\s*$"
)
#: How many rows at the end of a table are looked at (a report ends with a few totals and statistics at most).
LAST_ROWS = 10


def _blank(value: object) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == ""


def _says_total(value: object) -> bool:
    return isinstance(value, str) and SUMMARY.match(value) is not None


def _label(df: pd.DataFrame, row: int, ids: list[int], keys: list[int]) -> int | None:
    """The position of row ``row``'s summary label (:data:`SUMMARY`), else None.

    The label is an id column's cell (``ids``: a report writes it where the customer is named), or the row's first
    filled cell when the row's other key cells (``keys``: ids and dates) are blank: a plan, a segment or a comment
    that says 'Average' beside a customer's id or an answer's date is that customer's data. With no key columns
    named (``keys`` empty), the first filled cell decides.
    """
    cells = df.iloc[row].tolist()
    for position in ids:
        if _says_total(cells[position]):
            return position
    first = next((p for p, v in enumerate(cells) if not _blank(v)), None)
    if first is None or not _says_total(cells[first]):
        return None
    return first if all(p == first or _blank(cells[p]) for p in keys) else None


def refuse_summary_rows(
    df: pd.DataFrame, source: str, ids: Sequence[str] = (), keys: Sequence[str] = (), subtotals: bool = True
) -> None:
    """Refuse (:class:`~.errors.DataError` naming the first such row and its cell) a report's summary block: the
    first summary row among the last :data:`LAST_ROWS` (with every row after it, whatever they say: 'Count', 'Max',
    'Median', 'Number of orders' below a 'Total' are the report's too), or the first row below the header when it
    is one (a report's grand total written above its rows).

    A summary row's label (:data:`SUMMARY`, the whole cell, any case) is in an id column (``ids``, the file's
    column names), or is its first filled cell with its other key columns (``keys``: ids and dates) blank; a text
    column's 'Average' (a plan, a comment) beside a customer's id or an answer's date is data. With no ``keys``
    given, a row's first filled cell decides. With ``subtotals`` (the default), each id column's subtotal rows are
    refused first (:func:`refuse_subtotal_ids`, wherever they are); the reading of a large file asks that in a
    thread of its own.

    >>> refuse_summary_rows(pd.DataFrame({"customer_id": ["a", "Total", "Count"], "amount": ["1", "1", "1"]}),
    ...                     "o.csv", ["customer_id"], ["customer_id"])
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'customer_id': a summary row of the export (its totals, \
not data) in row 3 (counting the header as row 1): 'Total': remove it
    >>> refuse_summary_rows(pd.DataFrame({"plan": ["Pro", "Average"], "customer_id": ["a", "b"]}),
    ...                     "o.csv", ["customer_id"], ["customer_id"])
    """
    names = [str(c) for c in df.columns]
    id_positions = [names.index(c) for c in dict.fromkeys(ids) if c in names]
    key_positions = [names.index(c) for c in dict.fromkeys([*ids, *keys]) if c in names]
    for position in id_positions if subtotals else ():  # 'Total January' between the months, its amount blank
        refuse_subtotal_ids(df.iloc[:, position], source, names[position])
    dates = [p for p in key_positions if p not in id_positions]

    def label(row: int) -> int | None:  # a customer named 'Total' with a dated order is data (reading.summary_cells)
        cell = _label(df, row, id_positions, key_positions)
        if cell is None or cell not in id_positions or not dates or any(_blank(df.iat[row, p]) for p in dates):
            return cell
        return cell if looks_like_totals(df, row, cell, key_positions, dates) else None

    first: tuple[int, int] | None = None
    for row in range(max(len(df) - LAST_ROWS, 0), len(df)):  # the first summary row of the block at the end
        cell = label(row)
        if cell is not None:
            first = (row, cell)
            break
    if first is None:  # a report's totals right below its header (Google Analytics' and pivot tables' Grand total)
        cell = label(0) if len(df) else None
        first = (0, cell) if cell is not None else None
    if first is None:
        if id_positions:  # no label: a row of blank ids and dates whose figure is its column's sum (H213 finding 08)
            refuse_unlabelled_totals(df, source, id_positions, key_positions)
        return
    row, column = first
    same = _same_labels(df, row, column) if column in id_positions else np.array([row])
    if same.size > 1:  # a 'Total' below each month's rows too (H370's finding 01): all of them named at once
        values = {int(r): df.iat[int(r), column] for r in same[:5]}
        problem = "a summary row of each group of rows and of the whole export (its totals, not data)"
        raise bad_rows(source, str(df.columns[column]), problem, same, values, advice="remove them")
    values = {row: df.iat[row, column]}
    problem = "a summary row of the export (its totals, not data)"
    raise bad_rows(source, str(df.columns[column]), problem, np.array([row]), values, advice="remove it")


def _same_labels(df: pd.DataFrame, row: int, column: int) -> np.ndarray:
    """The rows whose cell of the id column at position ``column`` says the same summary label as row ``row``'s
    (the export's summary row at its end: the same text, any case and spaces around it): a report's total below each
    month's rows, named with it. Asked only of a refusal: each distinct id is compared once.

    >>> frame = pd.DataFrame({"customer": ["a", "b", "Total", "a", " total", "Totals"], "mrr": [1, 2, 3, 4, 7, 9]})
    >>> _same_labels(frame, 4, 0).tolist()
    [2, 4]
    """
    cells = df.iloc[:, column]
    label = str(df.iat[row, column]).strip().casefold()
    distinct = pd.unique(cells.dropna().to_numpy(dtype=object))
    said = [v for v in distinct if isinstance(v, str) and v.strip().casefold() == label]
    return np.flatnonzero(cells.isin(said).to_numpy(dtype=bool))


def refuse_unlabelled_totals(df: pd.DataFrame, source: str, ids: Sequence[int], keys: Sequence[int]) -> None:
    """Refuse a report's totals row without a label, right below the header or at the end: its id and date cells
    (the positions ``keys``, ``ids`` among them) blank and a number that is the sum of its column's other rows (two
    at least, each a number): named as the totals it is, not as a sale or a visit without an id.

    >>> refuse_unlabelled_totals(pd.DataFrame({"date": [None, "2026-10-01", "2026-10-05"], "customer_id": [None, "a",
    ...     "b"], "amount": ["46.00", "30.00", "16.00"]}), "o.csv", [1], [1, 0])
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'amount': a summary row of the export (its totals, not \
data: its ids and dates blank, its figure the sum of the other rows) in row 2 (counting the header as row 1): \
'46.00': remove it
    >>> refuse_unlabelled_totals(pd.DataFrame({"date": ["2026-10-01", None], "customer_id": ["a", None],
    ...     "amount": ["30.00", "30.00"]}), "o.csv", [1], [1, 0])
    """
    if not ids or len(df) < 3:
        return
    for row in dict.fromkeys((0, len(df) - 1)):
        if not all(_blank(df.iat[row, p]) for p in keys):
            continue
        others = np.delete(np.arange(len(df)), row)
        for position in range(df.shape[1]):
            if position not in keys and _sums(df.iat[row, position], df.iloc[others, position]):
                problem = (
                    "a summary row of the export (its totals, not data: its ids and dates blank, its figure the sum "
                    "of the other rows)"
                )
                values = {row: df.iat[row, position]}
                raise bad_rows(source, str(df.columns[position]), problem, np.array([row]), values, advice="remove it")


#: The byte-order mark Excel's "CSV UTF-8" starts a file with: inside a file, where files were appended.
_BOM = "\ufeff"


def _unmarked(cell: object) -> str:
    """A cell's text without a byte-order mark, and, after one, without the quotes around it: an appended file's BOM
    keeps the CSV reader from seeing its first field's opening quote (``\ufeff"Sale Date"``, H314 finding 07).

    >>> _unmarked('\ufeff"Sale Date"'), _unmarked(" id ")
    ('Sale Date', 'id')
    """
    text = str(cell).strip()
    if text.startswith(_BOM):
        text = text[1:].strip()
        if len(text) >= 2 and text[0] == text[-1] == '"':
            text = text[1:-1].replace('""', '"').strip()
    return text


def _repeats(cells: list[object], names: list[str]) -> bool:
    """Whether a row's filled cells, two at least, are each its own column's name (any case)."""
    filled = [(_unmarked(c).casefold(), n) for c, n in zip(cells, names, strict=True) if not _blank(c)]
    return len(filled) >= 2 and all(c == n for c, n in filled)


def refuse_repeated_headers(df: pd.DataFrame, source: str) -> None:
    """Refuse a data row that repeats the header (each of its filled cells, two at least, is its own column's name,
    any case, after a byte-order mark: Excel's "CSV UTF-8" files start with one): files appended with their headers
    (``cat jan.csv feb.csv``), named as such rather than as a date that does not parse.

    >>> refuse_repeated_headers(pd.DataFrame({"id": ["a", "id"], "date": ["2024-01-05", "Date"]}), "o.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'id': rows that repeat the header (files appended with \
their headers?) in row 3 (counting the header as row 1): 'id': remove them
    """
    names = [str(c).strip().casefold() for c in df.columns]
    if len(df) == 0 or sum(1 for n in names if n) < 2:
        return
    first = next(p for p, n in enumerate(names) if n)  # a repeated header has its names as written: one compare
    written = str(df.columns[first]).replace(_BOM, "")  # appended "CSV UTF-8" files: each header after a BOM
    values = df.iloc[:, first]
    if not (pd.api.types.is_object_dtype(values.dtype) or pd.api.types.is_string_dtype(values.dtype)):
        return  # a column of numbers or dates holds no header's text (and pyarrow's int64 cannot be compared to it)
    said = values.isin([written, _BOM + written, f'{_BOM}"{written}"'])  # the quotes a BOM hid from the reader
    candidates = np.flatnonzero(said.fillna(False).to_numpy(dtype=bool))
    rows = [int(r) for r in candidates if _repeats(df.iloc[int(r)].tolist(), names)]
    if rows:
        column = first
        problem = "rows that repeat the header (files appended with their headers?)"
        shown = {r: df.iat[r, column] for r in rows}
        raise bad_rows(source, str(df.columns[column]), problem, np.array(rows), shown, advice="remove them")


#: An id written as a machine or a shop writes a customer's (no space; a digit or an '@': '1042', 'cus_Q1mZ7a',
#: a UUID, an e-mail; or Stripe's and Paddle's prefix and mixed-case letters, 'cus_QmZaBcXyTrWq'): a report's total
#: row is labelled in words ('Insgesamt', '合計', 'ALL'), never so. One character again ('0', '99999', '----') is a
#: placeholder, not a customer's number (:data:`_ONE_MARK`).
_ONE_MARK = re.compile(r"(\S)\1*")
_CUSTOMER_ID = re.compile(r"\S*[0-9@]\S*|[a-z]{2,5}_(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{8,}")


#: A total's word in an id written with no space ('Total_2024', 'GRAND_TOTAL_2024', 'TOTAL1', 'Summe_2024',
#: 'GrandTotal2024'): a report's total row labelled as a database writes it, never a customer's id; compared with
#: the id's words (split at anything but a letter, and at camel case), or a CJK/Cyrillic total anywhere in it.
_TOTAL_WORDS = frozenset({"total", "totals", "subtotal", "subtotals", "sum", "sums", "summe", "summen",
                          "zwischensumme", "gesamt", "gesamtsumme", "insgesamt", "totaal", "totale", "totales",
                          "somme", "suma", "grand", "grandtotal", "all", "overall", "итого", "всего"})  # fmt: skip
_TOTAL_SIGN = re.compile(r"合計|合计|總計|总计|小計|小计|합계|Σ|∑")
_LETTERS = re.compile(r"[^\W\d_]+")


def _id_says_total(text: str) -> bool:
    """Whether ``text`` (an id) holds a total's word (:data:`_TOTAL_WORDS`, :data:`_TOTAL_SIGN`); an e-mail never."""
    if "@" in text:
        return False
    return bool(_TOTAL_SIGN.search(text)) or any(
        w.lower() in _TOTAL_WORDS for w in _LETTERS.findall(camel_spaced(text))
    )


def customer_ids(ids: Sequence[object]) -> list[object]:
    """The ``ids`` (few: a candidate total row's) written as a customer's id is, not as a total's label
    (:data:`_CUSTOMER_ID`, and no total's word: :data:`_TOTAL_WORDS`): a customer whose MRR is every month the sum of
    the others' is read.

    >>> customer_ids(["cus_Q1mZ7a", "cus_QmZaBcXyTrWq", "1042", "a@x.com", "Insgesamt", "ALL_CUSTOMERS", "Σ (12)", "0"])
    ['cus_Q1mZ7a', 'cus_QmZaBcXyTrWq', '1042', 'a@x.com']
    >>> customer_ids(["Total_2024", "GRAND_TOTAL_2024", "Total-FY24", "TOTAL1", "Summe_2024", "GrandTotal2024"])
    []
    >>> customer_ids(["合計2024", "sub_1MxQ2a", "summit_42"])
    ['sub_1MxQ2a', 'summit_42']
    """
    said = [str(i).strip() for i in ids]
    return [
        i
        for i, t in zip(ids, said, strict=True)
        if _CUSTOMER_ID.fullmatch(t) and not _ONE_MARK.fullmatch(t) and not _id_says_total(t)
    ]


def refuse_monthly_totals(kind: str, typed: Mapping[str, Any], names: Mapping[str, str], source: str) -> None:
    """:func:`monthly_totals` of a snapshots table's MRR (``typed``: the columns read, ``names``: the file's names),
    or an orders table's amounts."""
    if kind == "snapshots":
        monthly_totals(typed["customer_id"], typed["month"], typed["mrr"], source, names["customer_id"], "MRR")
    elif kind == "orders" and "amount" in typed:
        monthly_totals(typed["customer_id"], typed["date"], typed["amount"], source, names["customer_id"], "amount")


#: A total word beside a date or a month written in digits ("Total 2024-01", "Summe 01/2024", "2024-01 total"): a
#: month's subtotal whose period :data:`~.no_one_ids.SUBTOTAL` (period words) does not spell.
_TOTAL_WORD = r"(?:totals?|sub[\s_-]*totals?|sum|summe|zwischensumme|gesamt(?:summe)?|totaal|totale|totales|somme|suma)"
_DIGIT_DATE = r"(?:\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{4}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})"
DATED_TOTAL = (
    rf"(?i)^\s*(?:{_TOTAL_WORD}[\s:,_-]*(?:(?:for|of|für|du|de|del)\s+)?{_DIGIT_DATE}"
    rf"|{_DIGIT_DATE}[\s:,_-]*{_TOTAL_WORD})[\s:.]*$"
)


#: What to do about :func:`refuse_subtotal_ids`' rows, after them (the engines' path says it too).
SUBTOTAL_ADVICE = "remove them"


def refuse_subtotal_ids(ids: pd.Series, source: str, column: str) -> None:
    """Refuse the rows whose id (``ids``: an id column as the file writes it) is a subtotal's label ("Total January",
    "Total 2024-01", "Monthly total", "Zwischensumme": :func:`~.no_one_ids.subtotal_labels`, :data:`DATED_TOTAL`)
    wherever they are and whatever their amount: in an orders or visits file each row is an order or a visit, so a
    hand-kept sheet's subtotal row between the months, its amount blank or not its month's sum (or no amount column
    at all), was one more buyer or visitor each month, silently; with its amount blank, it stopped as a missing
    value, which names no cause. The distinct ids are asked once (Arrow's regular expressions where the column is
    Arrow text, a few microseconds an id).

    >>> refuse_subtotal_ids(pd.Series(["a", "b", "Total January", "a", "Total February"]), "o.csv", "customer_id")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'customer_id': subtotal rows (a month's or a period's \
totals, not a customer) in rows 4, 6 (counting the header as row 1): 'Total January', 'Total February': remove them
    >>> refuse_subtotal_ids(pd.Series(["a", "Total 2024-01"], dtype="str"), "o.csv", "customer_id")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'customer_id': subtotal rows (a month's or a period's \
totals, not a customer) in row 3 (counting the header as row 1): 'Total 2024-01': remove them
    >>> refuse_subtotal_ids(pd.Series(["Total Wine", "May", "Sum 2024", "2024-01-05"], dtype="str"), "o.csv", "id")
    """
    from ._distinct import distinct
    from .no_one_ids import SUBTOTAL, subtotal_labels

    found = distinct(ids)
    if found is not None:
        import pyarrow.compute as pc

        hits = pc.or_(pc.match_substring_regex(found, SUBTOTAL), pc.match_substring_regex(found, DATED_TOTAL))
        if not pc.any(hits).as_py():
            return
        candidates = [v for v in found.filter(hits).to_pylist() if v is not None]
    else:
        candidates = list(pd.unique(ids.dropna().to_numpy(dtype=object)))
    dated = re.compile(DATED_TOTAL)
    labels = subtotal_labels(candidates) + [v for v in candidates if isinstance(v, str) and dated.match(v.strip())]
    if labels:
        rows = np.flatnonzero(ids.isin(labels).to_numpy(dtype=bool))
        problem = "subtotal rows (a month's or a period's totals, not a customer)"
        shown = {int(r): ids.iloc[int(r)] for r in rows[:5]}
        raise bad_rows(source, column, problem, rows, shown, advice=SUBTOTAL_ADVICE)


#: A datetime64 unit's ticks per day (the units a date column is read in; others go through numpy's calendar).
_PER_DAY = {"D": 1, "h": 24, "m": 1_440, "s": 86_400, "ms": 86_400_000, "us": 86_400_000_000,
            "ns": 86_400_000_000_000}  # fmt: skip
_NAT = np.iinfo(np.int64).min
_CHUNK = 1 << 20  # rows per step of the passes below: their temporaries stay small (no page faults at 10M rows)


def _month_numbers(dates: np.ndarray) -> np.ndarray:
    """Each date's month as months since January 1970 (int64), :data:`_NAT` for NaT: the whole days of each date
    (integer division of its ticks), then each day of the column's span to its month by numpy's calendar once per
    distinct day (numpy's conversion per row is slow: 1.5 s for 10 million rows). A new array; ``dates`` is kept.

    >>> _month_numbers(np.array(["2024-01-31", "NaT", "1969-12-31T23:00"], dtype="datetime64[us]")).tolist()
    [648, -9223372036854775808, -1]
    """
    unit, count = np.datetime_data(dates.dtype) if dates.dtype.kind == "M" else ("", 0)
    if unit not in _PER_DAY or count != 1:
        return np.asarray(dates).astype("datetime64[M]").astype(np.int64)
    ticks, per_day = dates.view(np.int64), _PER_DAY[unit]
    out = np.empty(len(ticks), dtype=np.int64)
    low, high = np.iinfo(np.int64).max, np.iinfo(np.int64).min
    for start in range(0, len(ticks), _CHUNK):  # each row's day (floor division: before 1970 too), its span
        part, days = ticks[start : start + _CHUNK], out[start : start + _CHUNK]
        np.floor_divide(part, per_day, out=days)
        known = part != _NAT
        if known.any():
            low = min(low, int(days.min(where=known, initial=low)))
            high = max(high, int(days.max(where=known, initial=high)))
        days[~known] = _NAT
    if low > high:
        return out
    months = np.arange(low, high + 1).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    for start in range(0, len(out), _CHUNK):
        days = out[start : start + _CHUNK]
        known = days != _NAT
        days[known] = months[days[known] - low]
    return out


def _refuse_subtotal_labels(ids: pd.Series, summed: np.ndarray, source: str, column: str) -> None:
    """Refuse the rows of ids that are a subtotal's label ("Total January", "Monthly total":
    :func:`~.no_one_ids.subtotal_labels`) among those with a row that is its month's other rows' sum (``summed``):
    one other row suffices where the label says so."""
    from .no_one_ids import subtotal_labels

    candidates = pd.unique(ids.iloc[np.flatnonzero(summed)].to_numpy(dtype=object))  # few: the labels are asked
    labels = subtotal_labels(candidates)
    if labels:
        rows = np.flatnonzero(ids.isin(labels).to_numpy(dtype=bool))
        problem = "subtotal rows (a month's or a period's totals, not a customer)"
        shown = {int(r): ids.iloc[int(r)] for r in rows[:5]}
        raise bad_rows(source, column, problem, rows, shown, advice=SUBTOTAL_ADVICE)


def monthly_totals(
    ids: pd.Series, months: np.ndarray, amounts: np.ndarray, source: str, column: str, what: str = "MRR"
) -> None:
    """Refuse a report's total row per month whatever its label: an id whose every row's amount is the sum of the
    other rows of its month (three of them at least, in two months at least), as a BI report's "Insgesamt", "合計"
    or "Total geral" row between the months is; counted as a customer, it doubles the month's MRR. (With two others,
    a customer paying as much as both every month, 150 beside 100 and 50, is as likely: only a label tells, and
    one that says a subtotal, "Total January", "Monthly total", is refused with one other row of its month at least:
    :func:`~.no_one_ids.subtotal_labels`, asked of the few ids of such rows.) An id written as a customer's is
    ('cus_Q1mZ7a', '1042', an e-mail: :func:`customer_ids`) is a customer paying as much as the others, and read.
    ``months``: each row's month (datetime64), ``amounts`` its amount (NaN for none).

    >>> ids = pd.Series(["a", "b", "c", "Sum it", "a", "b", "c", "Sum it"])
    >>> months = np.array(["2024-01"] * 4 + ["2024-02"] * 4, dtype="datetime64[M]")
    >>> monthly_totals(ids, months, np.array([100.0, 50, 10, 160, 100, 60, 10, 170]), "s.csv", "customer_id")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv, column 'customer_id': a total row of each month (its MRR is the \
sum of the month's other rows: the report's totals, not a customer) in rows 5, 9 (counting the header as row 1): \
'Sum it', 'Sum it': remove them; a customer of that name whose MRR is every month the others' sum cannot be told \
from them: write its customer id, a number or an e-mail

    An id written as a customer's is (:func:`customer_ids`) is a customer paying as much as the others:

    >>> monthly_totals(ids.replace("Sum it", "cus_Q1mZ7a"), months, np.array([100.0, 50, 10, 160] * 2), "s", "c")
    """
    if len(ids) < 3:
        return
    month = _month_numbers(np.asarray(months))
    x = np.asarray(amounts, dtype=np.float64)
    valid = ids.notna().to_numpy() & ~np.isnan(x) & (month != _NAT)
    if not valid.any():
        return
    # each month's sum and row count with numpy: the months as codes 0..size-1 (in place), the rows of no month or
    # amount in a sink code 'size' whose sum is NaN (no row matches it), then bincount: no grouping, no copies
    low = int(month.min(where=valid, initial=np.iinfo(np.int64).max))
    size = int(month.max(where=valid, initial=low)) - low + 1
    codes = month
    codes -= low
    codes[~valid] = size
    sums, counts = np.bincount(codes, weights=x, minlength=size + 1), np.bincount(codes, minlength=size + 1)
    sums[size], counts[size] = np.nan, 0
    tolerance = 1e-9 * np.maximum(np.abs(sums), 1.0) + 0.005
    # a month's total row is an amount above 0 that is half its month's sum (the others add up to it), in a month
    # of two rows at least (below four, only a subtotal's label tells it); found in steps of rows
    summed = np.zeros(len(ids), dtype=bool)
    for start in range(0, len(ids), _CHUNK):
        c, xv = codes[start : start + _CHUNK], x[start : start + _CHUNK]
        summed[start : start + _CHUNK] = (xv > 0) & (counts[c] >= 2) & (np.abs(2 * xv - sums[c]) <= tolerance[c])
    from .total_labels import refuse_labelled_totals  # 'Total MRR', 'Ergebnis', 'Avg.' each month: by label and sum

    if not summed.any():  # no row is its month's total: no id to look at (most files; the ids are never grouped)
        refuse_labelled_totals(ids, codes, x, sums, counts, valid, source, column, what)  # an 'Avg.' row's mean
        return
    wide = summed & (counts[codes] >= 4)
    if len(ids) >= 8 and wide.any():
        _refuse_each_months_total(ids, wide, codes, valid, source, column, what)
    _refuse_subtotal_labels(ids, summed, source, column)  # 'Total January' below a month's orders: by its label
    refuse_labelled_totals(ids, codes, x, sums, counts, valid, source, column, what)


def _refuse_each_months_total(
    ids: pd.Series, marked: np.ndarray, codes: np.ndarray, valid: np.ndarray, source: str, column: str, what: str
) -> None:
    """:func:`monthly_totals`' refusal of an id whose every row is its month's total (``marked``), in two months at
    least (``codes``: each row's month; ``valid``: the rows with an id, a month and an amount)."""
    positions = np.flatnonzero(marked)
    candidates = pd.unique(ids.iloc[positions].to_numpy(dtype=object))  # the ids that have such a row (few)
    rows = np.flatnonzero(ids.isin(candidates).to_numpy() & valid)  # every row of those ids, only those
    frame = pd.DataFrame({"id": ids.iloc[rows].to_numpy(dtype=object), "m": codes[rows], "summed": marked[rows]},
                         index=rows)  # fmt: skip
    per_id = frame.groupby("id", sort=False)
    found = per_id.agg(all_summed=("summed", "all"), months=("m", "nunique"))
    totals = found.index[found["all_summed"] & (found["months"] >= 2)]
    totals = [t for t in totals if not customer_ids([t])]  # 'cus_Q1mZ7a', '1042', an e-mail: a customer's id
    if len(totals) == 0:
        return
    rows = frame.index[frame["id"].isin(totals)].to_numpy()
    problem = (
        f"a total row of each month (its {what} is the sum of the month's other rows: the report's totals, not a "
        "customer)"
    )
    advice = (
        f"remove them; a customer of that name whose {what} is every month the others' sum cannot be told from them: "
        "write its customer id, a number or an e-mail"
    )
    raise bad_rows(source, column, problem, rows, {int(r): ids.iloc[int(r)] for r in rows[:5]}, advice=advice)
