"""Numbers written as text, as the user means them.

Text is read with one decimal mark for the column. ``12.50`` and ``12,50`` are
read when the column tells which mark it uses (a comma followed by other than three
digits, or a point and a comma in one value, decides); thousands separators
(``1,234.50``, ``1.234,50``, ``1 234,50``) and currency symbols or codes (``$``, ``€``,
``£``, ``EUR``, ...) are dropped; whole units written ``49,-`` or ``49.–`` are 49.00. A value
that stays ambiguous (``1,234`` in a column with nothing else to tell), and text that is
not a number, are refused naming the value; so are the numbers of one decimal convention in
a column of the other's (``1 234,56`` among ``12.50``: :mod:`.decimal_conventions`).
``decimal`` (``--decimal``) states the mark. TRUE/FALSE are never numbers.
"""

from __future__ import annotations

import re
from decimal import Decimal

import numpy as np
import pandas as pd

from ._distinct import factorize
from .cell_marks import own_marks, workbook
from .currency import SYMBOL_PATTERN
from .decimal_conventions import minority_mark, own_mark
from .errors import ColumnValues, advice_apart, bad_rows, said_as
from .minor_units import groups_thousands
from .notes import note

__all__ = ["parse_numbers", "zero_texts"]

_CURRENCY = re.compile(rf"^(?:[A-Z]{{3}}\s?)?(?:{SYMBOL_PATTERN})?\s*|\s*(?:{SYMBOL_PATTERN})?(?:\s?[A-Z]{{3}})?$")
_SPACES = re.compile(r"[\s\u00a0\u202f'\u2019]")  # Swiss thousands: 1'234.50, 1’234.50
_POINT_GROUPS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d*)?$")  # 1,234.50
_INDIAN_GROUPS = re.compile(r"^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d*)?$")  # 1,23,456.50: lakhs and crores (en-IN)
_COMMA_GROUPS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d*)?$")  # 1.234,50
_COMMA_DECIMAL = re.compile(r"^\d*,\d+$")  # 12,50
_THOUSANDS_ONLY = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+$")  # 1.234: a decimal point, or a thousands point?
_GROUPED = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")
_PLAIN = re.compile(r"^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
_DIGITS = frozenset("0123456789")
_WHOLE_MARK = re.compile(r"\d[.,]\s?[-\u2013\u2014]")  # 49,- : a mark before whole units' dash, no decimal mark
_WHOLE_UNITS = re.compile(r"^(\d[\d.,'\s\u00a0\u202f\u2019]*[.,])\s?[-\u2013\u2014]$")  # 49,- 1.049,- 49.–: 49.00


#: A zero as any file writes it: either decimal mark, a percent sign, a currency symbol or code (``0,00``, ``0.0``,
#: ``0 %``, ``0,00 €``, ``$0.00``, ``EUR 0,00``, ``-0,00``, ``0,-``).
_ZERO = re.compile(
    rf"(?:[A-Z]{{3}}\s?)?(?:{SYMBOL_PATTERN})?\s*[+\-\u2212]?\s*(?:{SYMBOL_PATTERN})?\s*0*(?:[.,]0*)?\s*"
    rf"(?:[-\u2013\u2014]|%|(?:{SYMBOL_PATTERN})?(?:\s?[A-Z]{{3}})?)"
)


def zero_texts(values: pd.Series | np.ndarray) -> np.ndarray:
    """Whether each value is a zero as the file writes it, whatever its decimal mark (:data:`_ZERO`); a blank is
    no zero (ask for it apart), nor is a lone sign or symbol.

    >>> zero_texts(pd.Series(["0", "0,00", "0.00", "0 %", "0,00 €", "$0.00", "EUR 0,00", "-0,0", "0,-", "0,01", "",
    ...                       "-", "€", "10", None])).tolist()
    [True, True, True, True, True, True, True, True, True, False, False, False, False, False, False]
    """
    text = pd.Series(values, dtype=object).astype(str).where(pd.notna(pd.Series(values, dtype=object)), "").str.strip()
    zero = text.str.fullmatch(_ZERO.pattern) & text.str.contains("0", regex=False)
    return zero.fillna(False).to_numpy(dtype=bool)


def _body(text: str) -> tuple[bool, str]:
    """(negative, the digits and marks) of a number text: sign, parentheses, currency and spaces dropped."""
    negative = False
    body = text.strip()
    if body[:1] in _DIGITS and body[-1:] in _DIGITS:  # no sign, symbol, code or dash to drop: '1.234,50'
        return False, _SPACES.sub("", body)  # (no symbol begins or ends with a digit; the regexes below cost 35 us)
    if _CURRENCY.sub("", body).strip() in ("-", "\u2212") and body not in ("-", "\u2212"):  # Accounting's ' $ -   '
        return False, "0"
    if body[:1] == "'" and body[1:2] in ("-", "+"):  # a CSV injection guard before a sign: '-9.99 is -9.99
        body = body[1:]  # (exporters prefix ' to a cell starting with = + - @, as OWASP's CSV Injection page advises)
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1].strip()
    if body.startswith(("-", "+", "\u2212")):
        negative, body = negative ^ (body[0] != "+"), body[1:].strip()
    body = _CURRENCY.sub("", body).strip()
    if whole := _WHOLE_UNITS.match(body):  # a mark and a dash after whole units (49,-): no SAP minus (50.00-)
        body = whole[1] + "00"
    if body.startswith("(") and body.endswith(")") and not negative:  # Accounting's ' $ (30.00)': -30
        negative, body = True, body[1:-1].strip()
    if body.startswith(("-", "\u2212")) and not negative:  # $-5
        negative, body = True, body[1:]
    elif body.endswith(("-", "\u2212")) and not negative and body[:-1].strip()[-1:].isdigit():  # SAP's 50.00-
        negative, body = True, body[:-1].strip()
    return negative, _SPACES.sub("", body)


def _decimal_of(texts: list[str]) -> str | None:
    """The decimal mark a column of number texts shows (``"."``, ``","``), or None when none shows."""
    comma, point = _marks(texts)
    if comma and not point:
        return ","
    if point and not comma:
        return "."
    return None


def _marks(texts: list[str]) -> tuple[bool, bool]:
    """Whether some of ``texts`` show a decimal comma, and whether some show a decimal point.

    >>> _marks(["1.234,50", "12"]), _marks(["1,234.50", "1.234,50"])
    ((True, False), (True, True))
    """
    comma = point = False
    for text in texts:
        body = _body(text)[1]
        if "," in body and "." in body:
            if body.rfind(",") > body.rfind("."):
                comma = True
            else:
                point = True
        elif _COMMA_DECIMAL.match(body) and not re.match(r"^\d{1,3},\d{3}$", body):
            comma = True
        elif "." in body and not _COMMA_GROUPS.match(body):
            point = True
        elif body.count(".") > 1 and _COMMA_GROUPS.match(body):
            comma = True  # 1.200.000: points that group thousands, so the comma is the decimal mark
        elif (body.count(",") > 1 and _POINT_GROUPS.match(body)) or _INDIAN_GROUPS.match(body):
            point = True  # 1,200,000 or 1,23,456: commas that group digits, so the point is the decimal mark
    return comma, point


def _convention(texts: list[str], mark: str) -> str:
    """How the first of ``texts`` writing the convention of decimal ``mark`` shows it: one with the mark itself, else
    one whose other mark only groups thousands ('1.234.567' has no decimal comma).

    >>> _convention(["12.50", "1.234.567", "7,25"], ","), _convention(["12,50", "1,234,567"], ".")
    ("with a decimal comma ('7,25')", "with commas grouping thousands ('1,234,567', the decimal point's convention)")
    """
    ours = [text for text in texts if _marks([text]) == ((True, False) if mark == "," else (False, True))]
    said = "comma" if mark == "," else "point"
    if marked := [text for text in ours if mark in _body(text)[1]]:
        return f"with a decimal {said} ({marked[0]!r})"
    other = "points" if mark == "," else "commas"
    return f"with {other} grouping thousands ({ours[0]!r}, the decimal {said}'s convention)"


def _number_text(text: str, decimal: str | None) -> float | None:
    """One stripped text as a number under ``decimal`` (None: the text alone must tell); None if it is not one."""
    negative, body = _body(text)
    if decimal is None and body.count(".") > 1 and _COMMA_GROUPS.match(body):
        body = body.replace(".", "")  # 1.234.567: two points can only separate thousands
    elif not body or (decimal is None and "," not in body and _COMMA_GROUPS.match(body) and "." in body):
        return None  # 1.234 with nothing in the column to tell
    if decimal == "," or (decimal is None and _COMMA_DECIMAL.match(body) and not re.match(r"^\d{1,3},\d{3}$", body)):
        if _COMMA_GROUPS.match(body) or _COMMA_DECIMAL.match(body) or _PLAIN.match(body.replace(",", ".")):
            body = body.replace(".", "").replace(",", ".") if _COMMA_GROUPS.match(body) else body.replace(",", ".")
        else:
            return None
    elif _POINT_GROUPS.match(body):
        if decimal is None and "." not in body:
            return None  # 1,234: a thousand and more, or one and a bit
        body = body.replace(",", "")
    elif _INDIAN_GROUPS.match(body):  # 1,23,456: commas two digits apart are no decimal comma
        body = body.replace(",", "")
    if not _PLAIN.match(body):
        return None
    value = float(body)
    return -value if negative else value


def _other_convention(texts: dict[int, str], codes: np.ndarray) -> list[int]:
    """The keys of ``texts`` (a column's values by their code in ``codes``) whose decimal mark is the one fewer rows
    write (:func:`~.decimal_conventions.minority_mark`), where the column writes both; [] where it writes one.

    >>> _other_convention({0: "12.50", 1: "1 234,56", 2: "7.00", 3: "49,-"}, np.array([0, 1, 2, 3]))
    [1]
    """
    marks = {}
    for i, text in texts.items():
        body = _body(text)[1]
        marks[i] = own_mark(body[:-3] if _WHOLE_MARK.search(text) else body)  # 49,- is 49,00: its mark says nothing
    minority = minority_mark(marks, codes)
    return [i for i, mark in marks.items() if mark == minority] if minority else []


def parse_numbers(
    series: pd.Series,
    source: str,
    column: str,
    *,
    decimal: str | None = None,
    allow_blank: bool = False,
    what: str = "numbers",
    currency: str | None = None,
) -> np.ndarray:
    """A column as float64 (NaN for blank cells when ``allow_blank``).

    Numbers pass; text is read as the module's docstring says (``decimal`` ``"."`` or
    ``","`` states the mark; None: the column tells, or a currency without decimals, the text's or ``currency``,
    the file's: :mod:`.minor_units`). Raises :class:`~.errors.DataError`
    naming the rows and values for TRUE/FALSE, text that is not a number or is ambiguous,
    infinite values and blanks (unless ``allow_blank``).

    >>> parse_numbers(pd.Series(["12,50", "€1.234,00", "7"]), "o.csv", "amount").tolist()
    [12.5, 1234.0, 7.0]
    """
    if decimal not in (None, ".", ","):
        raise ValueError(f"decimal must be '.' or ',', got {decimal!r}")
    dtype = series.dtype
    raw = ColumnValues(series)  # for errors: no array of the whole column
    if pd.api.types.is_bool_dtype(dtype):
        raise bad_rows(source, column, f"TRUE/FALSE where {what} belong", np.arange(len(series)), raw)
    if pd.api.types.is_numeric_dtype(dtype):
        values = series.to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        codes, uniques = factorize(series)
        numbers = np.full(len(uniques) + 1, np.nan)  # the last one for code -1
        bad = np.zeros(len(uniques), dtype=bool)
        unclear = np.zeros(len(uniques), dtype=bool)  # 1,234 or 1.234 with nothing in the column to tell
        problem = f"values that are not {what}"
        texts: dict[int, str] = {}
        if set(map(type, uniques)) <= {str}:  # a CSV's column: text only (one pass in C to tell)
            texts = {i: text for i, value in enumerate(uniques) if (text := value.strip())}
        for i, value in enumerate(uniques if not texts else ()):
            if isinstance(value, (bool, np.bool_)):
                bad[i] = True
                problem = f"TRUE/FALSE where {what} belong"
            elif isinstance(value, (int, float, np.integer, np.floating, Decimal)):
                numbers[i] = float(value)
            elif isinstance(value, str):
                if value.strip():
                    texts[i] = value.strip()
            else:
                bad[i] = True
        if texts and not bad.any():
            plain = pd.to_numeric(pd.Series(list(texts.values()), dtype=object), errors="coerce").to_numpy(
                dtype=np.float64
            )
            # Texts the plain parser cannot read, or reads only under one convention ('1.234': 1.234 or 1234?).
            where = np.fromiter(texts, dtype=np.intp, count=len(texts))
            listed = list(texts.values())
            unread = np.isnan(plain) | (decimal == ",")
            if decimal is None:
                unread |= np.fromiter((_THOUSANDS_ONLY.match(t) is not None for t in listed), bool, len(listed))
            numbers[where[~unread]] = plain[~unread]
            rest = {int(where[j]): listed[j] for j in np.flatnonzero(unread)}
            if rest:
                mark = decimal or _decimal_of(list(texts.values()))
                for i, text in rest.items():
                    if text.upper() in ("TRUE", "FALSE"):
                        bad[i] = True
                        problem = f"TRUE/FALSE where {what} belong"
                        continue
                    got = _number_text(text, mark)
                    if got is None and mark is None and groups_thousands(text, (body := _body(text))[1], currency):
                        got = float(re.sub(r"[.,]", "", body[1])) * (-1 if body[0] else 1)  # '¥1,000' (minor_units)
                    if got is None:
                        bad[i] = True
                        unclear[i] = mark is None and bool(_GROUPED.match(_body(text)[1]))
                    else:
                        numbers[i] = got
                if decimal is None and mark is None and unclear[bad].all() and all(_marks(list(texts.values()))):
                    other = _other_convention(texts, codes)  # '1 234,56' among '12.50's, '1,234.56' among '12,50's
                    if other and bad.any():  # '1,234,567' among '12,50's: of the other convention, not unclear
                        bad[:], unclear[:] = False, False
                    bad[other] = True
        if bad.any() and decimal is None and texts and workbook(source) and all(_marks(list(texts.values()))):
            found = own_marks(texts, [int(i) for i in np.flatnonzero(bad)], _number_text)  # a workbook's '1.250,00'
            if found:  # beside its number cells, '€99.9' (reading.cell_marks)
                for i, got in found.items():
                    numbers[i], bad[i] = got, False
                shown = next(texts[i] for i in found)
                note(f"{source}, column {column!r}: amounts written as text ({shown!r}) among number cells (which "
                     "have no decimal mark), each read by its own decimal mark")  # fmt: skip
        if bad.any():
            advice = None
            rows = np.flatnonzero(bad[np.maximum(codes, 0)] & (codes >= 0))
            if unclear[bad].all():
                python = "options=ReadOptions(decimal=',') or ReadOptions(decimal='.')"
                give = said_as("--decimal , or --decimal .", python)  # the command's option, or the argument
                problem = f"numbers whose decimal mark cannot be told (1,234 or 1.234: give {give})"
            elif (
                decimal is None
                and texts
                and all(_marks(list(texts.values())))
                and all(
                    _number_text(texts[i], ",") is not None or _number_text(texts[i], ".") is not None
                    for i in np.flatnonzero(bad)
                    if i in texts
                )
            ):  # '1.234,50' beside '1,234.50': two exports of other languages appended
                problem = (
                    f"numbers {_convention(list(texts.values()), ',')} and others "
                    f"{_convention(list(texts.values()), '.')} in one column (exports of two languages appended?)"
                )
                apart = said_as("import them apart with --decimal", "read them apart with ReadOptions(decimal=...)")
                advice = f"write them with one decimal mark, or {apart}"
            problem, said = advice_apart(problem)  # '(1,234 or 1.234: give --decimal ...)': what to do after the rows
            raise bad_rows(source, column, problem, rows, raw, advice=advice or said)
        values = numbers[codes]  # one pass over the rows: missing cells (code -1) are NaN
    if not np.isfinite(values).all():
        if np.isinf(values).any():
            raise bad_rows(source, column, "infinite values", np.flatnonzero(np.isinf(values)), raw)  # as written
        if not allow_blank:
            raise bad_rows(source, column, "missing values", np.flatnonzero(np.isnan(values)))
    return values
