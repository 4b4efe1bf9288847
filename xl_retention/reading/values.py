"""Ids and texts, as the user means them.

Ids are text: ``0123`` and ``123`` are two customers (a CSV is read as text, so leading
zeros stay); surrounding spaces are not part of an id; a whole number is the id of its
digits (in a workbook the number 123, the float 123.0 and the text "123" are one id).
Integer columns (Parquet, pandas) are kept as integers: they cannot have leading zeros.
Texts are compared as they show (:func:`visible_text`: no characters of no width, accents in one form).

Numbers are read by :mod:`.number_texts` (:func:`parse_numbers`, importable from here as before).
"""

from __future__ import annotations

import re
import shlex
import unicodedata
from typing import Any

import numpy as np
import pandas as pd

from ._distinct import distinct, factorize
from .errors import SHOW_ROWS, ColumnValues, Told, bad_rows, said_as, show
from .guest_ids import GUEST_IDS
from .lookalike_ids import refuse_lookalike_ids
from .no_one_ids import ERASED_IDS, refuse_placeholder_emails
from .number_texts import parse_numbers  # its home before: importable from here as before

__all__ = ["clean_ids", "parse_numbers", "refuse_bad_ids", "scientific_ids", "visible_values", "written_values"]


def clean_ids(series: pd.Series, where: str | None = None) -> pd.Series:
    """Ids as the user means them: text stripped and as it shows (:func:`visible_text`: no zero-width characters,
    accents in one form), whole numbers as their digits, blanks missing (``where``: the file and column the note on
    ids written as decimals names, :func:`whole_number_ids`).

    Integer columns are returned as they are. Returns a text Series (pandas' ``str`` dtype, held
    by Arrow; object where pyarrow is missing) or the integer one, with the same index; blank or
    missing ids are missing. Each distinct value is cleaned once and the column is made by an
    Arrow ``take`` of the cleaned values: no Python string per row.

    >>> clean_ids(pd.Series(["0123", " abc ", 123.0, 123, ""], dtype=object)).tolist()
    ['0123', 'abc', '123', '123', nan]
    """
    dtype = series.dtype
    if pd.api.types.is_integer_dtype(dtype) and not series.hasnans:
        return series
    if isinstance(dtype, pd.CategoricalDtype):
        series = series.astype(object)
    if dtype == _ARROW_TEXT and _stripped(found := distinct(series)) and not _whole_decimals(found):
        return series  # nothing to strip, no blank text, nothing unseen: already what the take below would make
    codes, values = factorize(series)
    values = values.tolist()
    if set(map(type, values)) <= {str}:  # a CSV's ids (all text): what _id_text does to text, without its checks
        texts: list[str | None] = [(text if text.isascii() else visible_text(text)).strip() or None for text in values]
    else:
        texts = [_id_text(v) for v in values]
    texts = whole_number_ids(texts, where)
    if texts == values and dtype == _ARROW_TEXT:
        return series  # text held by Arrow with nothing to strip and no blank: already what the take would make
    try:
        import pyarrow as pa
    except ImportError:  # e.g. Pyodide: Python strings
        cleaned = np.array(texts + [None], dtype=object)
        return pd.Series(cleaned[codes], index=series.index, dtype=object, name=series.name)
    taken = pa.array(texts, type=pa.string()).take(pa.array(codes, mask=codes < 0))
    out = taken.to_pandas()
    out.index, out.name = series.index, series.name
    return out


#: A whole number written as a decimal ('123.0': an id column that went through a float column, pandas with a blank).
_WHOLE_DECIMAL = re.compile(r"[0-9]+\.0+")
_NUMBER_ID = re.compile(r"[0-9]+(?:\.0+)?")


def _whole_decimals(texts: Any) -> bool:
    """Whether an Arrow array of ids holds one written as a whole number with a decimal point ('123.0')."""
    import pyarrow.compute as pc

    return bool(pc.any(pc.match_substring_regex(texts, r"^[0-9]+\.0+$")).as_py())


def whole_number_ids(texts: list[str | None], where: str | None = None) -> list[str | None]:
    """Ids ('123.0') that are whole numbers written as decimals as their digits ('123'), when every id of the
    column is a whole number so written or as its digits: the ids of a numeric column that went through a float
    (pandas writes a column of numbers with a blank as 123.0), one customer with the '123' of another month's rows.
    A column with other ids ('A-1', '1.5') is left as it is. A note says so when both spellings of one id appear,
    naming ``where`` (the file and column: ``"orders.csv, column 'Customer'"``).

    >>> whole_number_ids(["123", "123.0", "456.00", None])
    ['123', '123', '456', None]
    >>> whole_number_ids(["1.0", "1.5"])
    ['1.0', '1.5']
    """
    if not any(t is not None and _WHOLE_DECIMAL.fullmatch(t) for t in texts):
        return texts
    if not all(t is None or _NUMBER_ID.fullmatch(t) for t in texts):
        return texts
    folded = [t.split(".")[0] if t is not None else None for t in texts]
    twice = sorted({t for t, f in zip(texts, folded, strict=True) if t is not None and t != f and f in texts})
    if twice:
        from .notes import note

        shown = ", ".join(f"'{t}'" for t in twice[:3]) + (f" and {len(twice) - 3} more" if len(twice) > 3 else "")
        note(
            f"{where + ': ' if where else ''}ids written as decimals ({shown}) read as the whole numbers the other "
            f"rows write ({twice[0]!r} and {twice[0].split('.')[0]!r} one id)"
        )
    return folded


#: Excel's error values, as an error cell reads and as Excel writes it to a CSV file: never an id.
EXCEL_ERRORS = ("#N/A", "#REF!", "#VALUE!", "#NAME?", "#DIV/0!", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
                "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!")  # fmt: skip


def error_ids(ids: pd.Series) -> np.ndarray:
    """Positions of the ids (:func:`clean_ids`) that are Excel error values (``#N/A`` from a lookup that failed).

    >>> error_ids(clean_ids(pd.Series(["a", "#N/A", " #REF! ", "b"]))).tolist()
    [1, 2]
    """
    if pd.api.types.is_integer_dtype(ids.dtype):
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(ids.isin(EXCEL_ERRORS).to_numpy(dtype=bool, na_value=False))


#: An id as Excel writes a long number in its General format when it saves a CSV (``7.12346E+12``): the digits
#: after the sixth are lost, so ids that differed read as one. One digit, a mantissa, ``E``, a signed exponent.
_SCIENTIFIC = r"[0-9](?:[.,][0-9]+)?[eE][+-][0-9]{1,3}"
#: The same without a sign in the exponent (``1E5``, ``1.0E7`` as Java and Spark write a double): an id of its own
#: (``12E4``, a hexadecimal ``1E5``) unless every id of the column reads as a number (:data:`_NUMBER_TEXT`).
_UNSIGNED_SCIENTIFIC = r"[0-9]+(?:[.,][0-9]+)?[eE][0-9]{1,3}"
#: An id that reads as a number: digits, a decimal fraction, an exponent with or without its sign.
_NUMBER_TEXT = r"[0-9]+(?:[.,][0-9]+)?(?:[eE][+-]?[0-9]{1,3})?"


def scientific_ids(ids: pd.Series) -> np.ndarray:
    """Positions of the ids (:func:`clean_ids`) written in scientific notation, as Excel saves a long number id
    (``7.12346E+12``: 7123456789012 and 7123460000000 alike). No id anyone issues has that form. Without a sign in
    the exponent (``1E5``, ``1e5``, ``1.0E5``: Java's and Spark's double) too where every id of the column reads as a
    number (:data:`_NUMBER_TEXT`): ``1E5`` is 100000 there, another spelling of the ``100000`` of another row, and
    which digits a longer one lost cannot be told (H407's finding 01). Beside ids that are no numbers (``cus_E+1``,
    ``A3F``), ``12E4`` is an id of its own.

    >>> scientific_ids(clean_ids(pd.Series(["7.12346E+12", "7123456789012", "1E+15", "12E4", "cus_E+1"]))).tolist()
    [0, 2]
    >>> scientific_ids(clean_ids(pd.Series(["1E5", "100000", "1.0E5", "1e5", None, "100000.0"]))).tolist()
    [0, 2, 3]
    """
    if pd.api.types.is_integer_dtype(ids.dtype):
        return np.zeros(0, dtype=np.int64)
    found = ids.str.fullmatch(_SCIENTIFIC).to_numpy(dtype=bool, na_value=False)
    unsigned = ids.str.fullmatch(_UNSIGNED_SCIENTIFIC).to_numpy(dtype=bool, na_value=False)
    if unsigned.any() and bool(ids.dropna().str.fullmatch(_NUMBER_TEXT).all()):
        found = found | unsigned
    return np.flatnonzero(found)


def long_number_ids(series: pd.Series) -> np.ndarray:
    """Positions of the ids held as floating-point numbers of 16 digits or more (a workbook's number cells: Excel keeps
    15 significant digits, so 76561198000000001 and ...002 are both 7.6561198e+16). Integer columns (Parquet, a
    database) hold every digit and pass.

    >>> long_number_ids(pd.Series([7.6561198e16, "a", 123, 999999999999999.0], dtype=object)).tolist()
    [0]
    """
    dtype = series.dtype
    if pd.api.types.is_float_dtype(dtype):
        return np.flatnonzero(np.abs(series.to_numpy(dtype=np.float64, na_value=0.0)) >= 1e15)
    if not pd.api.types.is_object_dtype(dtype):
        return np.zeros(0, dtype=np.int64)
    codes, uniques = factorize(series)
    long = np.array([isinstance(v, (float, np.floating)) and abs(v) >= 1e15 for v in uniques] + [False], dtype=bool)
    return np.flatnonzero(long[codes])


def cut_number_ids(series: pd.Series) -> np.ndarray:
    """Positions of the ids held as floating-point numbers with a fraction and 15 significant digits: what Excel's
    number cells keep of a longer id (GA4's ``user_pseudo_id`` 1839201823.1712345678 is 1839201823.17123, so ...5678
    and ...5679 are one visitor). A fraction of fewer digits (12.5) passes.

    >>> cut_number_ids(pd.Series([1839201823.17123, 12.5, 1839201823.0, "a"], dtype=object)).tolist()
    [0]
    """
    values = series.to_numpy()
    if not (pd.api.types.is_float_dtype(series.dtype) or pd.api.types.is_object_dtype(series.dtype)):
        return np.zeros(0, dtype=np.int64)

    def cut(value: Any) -> bool:
        if not isinstance(value, (float, np.floating)) or not np.isfinite(value) or float(value).is_integer():
            return False
        shown = f"{abs(float(value)):.15g}"
        return "e" not in shown and len(shown.replace(".", "").lstrip("0")) >= 15

    if pd.api.types.is_float_dtype(series.dtype):
        return np.flatnonzero([cut(v) for v in values])
    codes, uniques = factorize(series)
    flagged = np.array([cut(v) for v in uniques] + [False], dtype=bool)
    return np.flatnonzero(flagged[codes])


#: Ids that say "no customer": WooCommerce's guest checkout is customer 0, other systems write -1, ``guest`` (German
#: ``gast``, French ``invité``, Spanish ``invitado``) or a placeholder for nothing: Google Analytics' ``(not set)``
#: and ``(other)``, JavaScript's ``undefined`` (Segment, Mixpanel). Each would make one customer (or visitor) of
#: every guest (compared in lower case). The guest ids of other languages (``ゲスト``, ``Convidado``, ``Gość``,
#: ``Гость``, ``访客``, ``Consumidor final``): :data:`~.guest_ids.GUEST_IDS`.
NO_ONE = frozenset({"0", "-1", "guest", "guests", "gast", "invité", "invitado", "anonymous", "unknown", "null", "none",
                    "(none)", "nan", "n/a", "-", "(not set)", "(other)", "undefined"} | GUEST_IDS
                   | ERASED_IDS)  # fmt: skip


def placeholder_ids(ids: pd.Series, typed: pd.Series | None = None) -> np.ndarray:
    """Positions of the ids (:func:`clean_ids`) that stand for no one (:data:`NO_ONE`: WooCommerce's guest 0), in
    text (a CSV file, a workbook's cells). In a typed integer column (Parquet, a frame read by ``pd.read_csv``), 0 is
    an id where the ids are numbered from 0 (:func:`numbered_from_zero`: id 1 there too, or no id but 0); else 0 and
    -1 stand for no one, as written in text (WooCommerce's guests beside customers 101, 102). So in a typed float
    column of whole numbers (``typed``: the column as given, before :func:`clean_ids`): integer ids that went through
    a float (a join that left a NaN, PostgreSQL's ``double precision``), 0.0 beside 1.0 (H202 finding 05).

    >>> placeholder_ids(clean_ids(pd.Series(["12", "0", "Guest", "00", "007", " NULL "]))).tolist()
    [1, 2, 5]
    >>> placeholder_ids(pd.Series([101, 0, 102, -1])).tolist(), placeholder_ids(pd.Series([0, 1, 2, 0])).tolist()
    ([1, 3], [])
    >>> floats = pd.Series([0.0, 1.0, 2.0, 0.0])
    >>> placeholder_ids(clean_ids(floats), floats).tolist(), placeholder_ids(clean_ids(floats)).tolist()
    ([], [0, 3])
    """
    if typed is not None and pd.api.types.is_float_dtype(typed.dtype) and len(typed) == len(ids):
        numbers = typed.to_numpy(dtype=np.float64, na_value=np.nan)
        known = numbers[np.isfinite(numbers)]
        if len(known) and bool((known == np.round(known)).all()):  # whole numbers: integer ids as floats
            ids = pd.Series(numbers, index=ids.index).round().astype("Int64")
    if pd.api.types.is_integer_dtype(ids.dtype):  # a typed integer column: ids counted from 0 are ids
        if numbered_from_zero(ids):
            return np.zeros(0, dtype=np.int64)
        numbers = ids.to_numpy(dtype=np.float64, na_value=np.nan)
        return np.flatnonzero((numbers == 0) | (numbers == -1))
    return np.flatnonzero(ids.str.lower().isin(NO_ONE).to_numpy(dtype=bool, na_value=False))


def numbered_from_zero(ids: pd.Series) -> bool:
    """Whether a typed integer column's ids are numbered from 0 (0 beside 1: a system counting its customers from
    0; or no id but 0), where its 0 is an id and not WooCommerce's guest (docs/metrics.md, "Customers").

    >>> numbered_from_zero(pd.Series([0, 1, 5])), numbered_from_zero(pd.Series([101, 0, 102]))
    (True, False)
    >>> numbered_from_zero(pd.Series([0, 0]))
    True
    """
    return bool((ids == 1).any()) or not bool((ids.notna() & (ids != 0)).any())


def error_problem(what: str) -> str:
    """The refusal's words for ids that are Excel error values (``what``: "customer ids")."""
    return f"Excel error values where {what} belong (a lookup that found nothing?)"


def scientific_problem(what: str) -> str:
    """The refusal's words for ids in Excel's scientific notation (:func:`scientific_ids`)."""
    return (
        f"{what} in Excel's scientific notation (a long number saved from Excel in the General format: its last "
        "digits are lost, and ids that differed read as one)"
    )


#: What to do about :func:`scientific_problem`'s ids, after their rows and values.
SCIENTIFIC_ADVICE = (
    "export the file again from the source system and do not save it from Excel, or open it in Excel with the column "
    "as Text"
)


def no_one_problem(what: str) -> str:
    """The refusal's words for ids that stand for no one (:func:`placeholder_ids`); :func:`no_one_advice` says what
    to do, after the rows."""
    who = "visitor" if what.startswith("visitor") else "customer"
    return (
        f"{what} that stand for no one (a guest checkout: WooCommerce writes 0; Google Analytics '(not set)': all "
        f"of them would be one {who} who returns)"
    )


def no_one_advice(what: str, people: Any) -> str:
    """What to do about :func:`no_one_problem`'s ids, naming an e-mail column of ``people`` (the file's column names)
    to map instead.

    >>> no_one_advice("visitor ids", ["User ID"])
    'map the e-mail as the id, --columns visitor_id=NAME (an e-mail or user id column), or remove those rows'
    """
    emails = [str(c) for c in people if "email" in str(c).lower().replace("-", "").replace(" ", "")]
    ours = "visitor_id" if what.startswith("visitor") else "customer_id"
    instead = f"--columns {ours}=NAME (an e-mail or user id column)"
    if emails:
        instead = "--columns " + shlex.quote(f"{ours}={emails[0]}")
    return f"map the e-mail as the id, {instead}, or remove those rows"


def missing_ids_advice(what: str) -> str:
    """What a row without an id (``what``: "customer ids", "visitor ids") is and what to do: the one wording of the
    file's refusal (:func:`refuse_bad_ids`) and an engine's (``relational``), naming the command's option on the
    command line (:func:`~.errors.command_line`), else the Python argument.

    >>> print(missing_ids_advice("visitor ids"))
    a row without one is no known visitor's (a visit without a login?): fill the ids in, map a column that names each \
one, columns={'visitor_id': 'NAME'}, or remove those rows: the figures then count the known ones only
    """
    ours, who = ("visitor_id", "visitor's (a visit without a login?)") if what.startswith("visitor") else (
        "customer_id", "customer's (a guest's or till sale?)")  # fmt: skip
    mapped = said_as(f"--columns {ours}=NAME", f"columns={{{ours!r}: 'NAME'}}")
    return (
        f"a row without one is no known {who}: fill the ids in, map a column that names each one, {mapped}, or "
        "remove those rows: the figures then count the known ones only"
    )


#: how many of a row's other values tell it, where its id is missing
_TOLD_VALUES = 5


def _rows_told(rows: pd.DataFrame, positions: np.ndarray, column: str) -> dict[int, Told]:
    """The first rows at ``positions`` of ``rows`` by their values that are not blank (``column``'s left out), as
    :func:`~.errors.bad_rows` shows them: "(Order '1002', Date '2026-01-05', Total '12.50')"."""
    told = {}
    for p in positions[:SHOW_ROWS].tolist():
        record = {
            k: v
            for k, v in zip(map(str, rows.columns), rows.iloc[p].tolist(), strict=True)
            if k != column and show(v) != "blank" and not (isinstance(v, str) and not v.strip())
        }
        parts = [f"{k} {show(v)}" for k, v in list(record.items())[:_TOLD_VALUES]]
        told[int(p)] = Told("(" + (", ".join(parts) or "every cell blank") + ")")
    return told


def _may_hold(ids: pd.Series, what: str) -> bool:
    """Whether ids (Arrow text) may hold an id of ``what`` ("errors": :data:`EXCEL_ERRORS`, "scientific":
    :data:`_SCIENTIFIC`, "no one": :data:`NO_ONE` in any case, "@": an e-mail), asked of each DISTINCT id once by
    Arrow's kernels (:func:`~._distinct.distinct`, one hash pass shared with :func:`clean_ids`) before the row-by-row
    checks run: 10 million rows of a million customers are a million tests, not four passes of ten million. True
    for any other column (the row checks decide).

    >>> ids = clean_ids(pd.Series(["a", "b", "a"], dtype="str"))
    >>> _may_hold(ids, "errors"), _may_hold(ids, "@"), _may_hold(ids.astype(object), "@")
    (False, False, True)
    """
    found = distinct(ids)
    if found is None:
        return True
    import pyarrow as pa
    import pyarrow.compute as pc

    if what == "errors":
        hits = pc.is_in(found, value_set=pa.array(EXCEL_ERRORS))
    elif what == "scientific":
        hits = pc.match_substring_regex(found, f"^(?:{_SCIENTIFIC}|{_UNSIGNED_SCIENTIFIC})$")
    elif what == "no one":
        hits = pc.is_in(pc.utf8_lower(found), value_set=pa.array(sorted(NO_ONE)))
    else:
        hits = pc.match_substring(found, what)
    return bool(pc.any(hits).as_py())


def refuse_bad_ids(
    ids: pd.Series,
    series: pd.Series,
    source: str,
    column: str,
    what: str,
    people: Any = None,
    rows: pd.DataFrame | None = None,
) -> None:
    """Refuse ids (:func:`clean_ids` of ``series``) that are missing, Excel error values (:func:`error_ids`) or
    long numbers Excel saved in scientific notation (:func:`scientific_ids`), naming the rows and their values
    (``what``: "customer ids"). Each would make one customer of many rows (or of many customers). With ``people``
    (the names of the file's columns: ids of customers or visitors), ids that stand for no one
    (:func:`placeholder_ids`: WooCommerce's guest 0) are refused too, naming an e-mail column to map instead.
    ``rows`` (the table, row for row with ``ids``): a row without an id is shown by its other values (an order's id,
    date and amount: which sale it is).

    >>> rows = pd.DataFrame({"Order": ["1001", "1002"], "Email": ["a@x.com", None], "Total": ["25.00", "12.50"]})
    >>> refuse_bad_ids(clean_ids(rows.Email), rows.Email, "till.csv", "Email", "customer ids", list(rows), rows)
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: till.csv, column 'Email': missing customer ids in row 3 (counting the \
header as row 1): (Order '1002', Total '12.50'): a row without one is no known customer's (a guest's or till sale?): \
fill the ids in, map a column that names each one, columns={'customer_id': 'NAME'}, or remove those rows: the figures \
then count the known ones only

    >>> refuse_bad_ids(*(2 * [pd.Series(["a", "7.12346E+12"])]), "orders.csv", "Customer ID", "customer ids")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: orders.csv, column 'Customer ID': customer ids in Excel's scientific \
notation (a long number saved from Excel in the General format: its last digits are lost, and ids that differed \
read as one) in row 3 (counting the header as row 1): '7.12346E+12': export the file again from the source system \
and do not save it from Excel, or open it in Excel with the column as Text
    """
    if ids.isna().any():
        missing = np.flatnonzero(ids.isna().to_numpy())
        problem, advice = f"missing {what}", None
        if people is not None:  # a till's sale without a customer: what it is and the way out (H200 finding 11)
            problem += f" ({missing.size} of {len(ids)} rows)" if missing.size >= 3 else ""
            advice = missing_ids_advice(what)
        elif what == "order ids" and rows is not None:  # Braintree's Order ID, never filled (order_id_advice)
            from .order_id_advice import blank_order_ids_advice

            advice = blank_order_ids_advice(rows, column)
        shown = _rows_told(rows, missing, column) if rows is not None and len(rows) == len(ids) else None
        raise bad_rows(source, column, problem, missing, shown, advice=advice)
    none = np.zeros(0, dtype=np.int64)
    errors = error_ids(ids) if _may_hold(ids, "errors") else none
    if errors.size:  # '#N/A' of a failed lookup is no one: it would be one customer of all such rows
        raise bad_rows(source, column, error_problem(what), errors, ColumnValues(series))
    scientific = scientific_ids(ids) if _may_hold(ids, "scientific") else none
    if scientific.size:
        raise bad_rows(source, column, scientific_problem(what), scientific, ColumnValues(series),
                       advice=SCIENTIFIC_ADVICE)  # fmt: skip
    lost = "the last digits are lost, and ids that differed read as one"
    for found, held in (  # a workbook's number cells: Excel keeps 15 significant digits of a number
        (long_number_ids, "numbers of more than 15 digits, which Excel keeps to 15"),
        (cut_number_ids, "numbers with a fraction of 15 significant digits, all Excel keeps of a longer number"),
    ):  # the second: GA4's user_pseudo_id saved from Excel, 1839201823.1712345678 kept as 1839201823.17123
        if (rows := found(series)).size:
            advice = (
                "give the column as text (in Excel, format it as Text before pasting the ids), or export it again "
                "from the source system"
            )
            raise bad_rows(source, column, f"{what} held as {held} ({lost})", rows, ColumnValues(series), advice=advice)
    guests = placeholder_ids(ids, series) if people is not None and _may_hold(ids, "no one") else none
    if guests.size:
        advice = no_one_advice(what, [p for p in people if str(p) != column])  # not the column at fault
        raise bad_rows(source, column, no_one_problem(what), guests, ColumnValues(series), advice=advice)
    if people is not None and _may_hold(ids, "@"):  # a till's noemail@example.com for walk-ins (reading.no_one_ids)
        refuse_placeholder_emails(ids, series, source, column, what)
    if people is not None:  # 'ACME GmbH' and 'Acme GmbH': one customer or two? (reading.lookalike_ids)
        refuse_lookalike_ids(ids, series, source, column, what)


def emails_in_lower_case(ids: pd.Series) -> pd.Series:
    """Ids (:func:`clean_ids`) with every e-mail address (an id holding ``@``) in lower case: checkout forms keep
    the capitals typed, and ``Ann@Example.com`` and ``ann@example.com`` are one customer. Other ids keep their case
    (Stripe's ``cus_...`` ids are case-sensitive).

    >>> emails_in_lower_case(clean_ids(pd.Series(["Ann@Example.com", "ann@example.com", "cus_AbC"]))).tolist()
    ['ann@example.com', 'ann@example.com', 'cus_AbC']
    """
    if pd.api.types.is_integer_dtype(ids.dtype) or not _may_hold(ids, "@"):
        return ids
    email = ids.str.contains("@", regex=False).to_numpy(dtype=bool, na_value=False)
    if not email.any():
        return ids
    return ids.where(~email, ids.str.lower())


_ARROW_TEXT = pd.StringDtype("pyarrow", na_value=np.nan)
#: The characters Python's ``str.strip()`` removes (``str.isspace``), for Arrow's ``utf8_trim``.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _stripped(texts: Any) -> bool:
    """Whether no text of an Arrow array has surrounding whitespace, is blank, or holds a character of no width or
    accents not in one form (:func:`visible_text`; missing values allowed)."""
    import pyarrow.compute as pc

    trimmed = pc.utf8_trim(texts, characters=WHITESPACE)
    if pc.all(pc.and_(pc.equal(trimmed, texts), pc.not_equal(trimmed, ""))).as_py() is False:
        return False
    return not unseen_characters(texts)


def unseen_characters(texts: Any) -> bool:
    """Whether a text of an Arrow array holds a character of no width or accents not in one form, which
    :func:`visible_text` changes (Arrow's kernels: no Python string per value).

    >>> import pyarrow as pa
    >>> unseen_characters(pa.array(["abc", "café", None])), unseen_characters(pa.array(["abc\u200b"]))
    (False, True)
    """
    import pyarrow.compute as pc

    if pc.all(pc.string_is_ascii(texts)).as_py() is not False:
        return False
    if pc.any(pc.match_substring_regex(texts, r"\p{Cf}|[\x{FF01}-\x{FFEE}\x{3000}\x{00A0}\x{2007}\x{202F}]")).as_py():
        return True
    return pc.all(pc.equal(pc.utf8_normalize(texts, form="NFC"), texts)).as_py() is False


def _id_text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    if isinstance(value, (bool, np.bool_)):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    text = str(value)
    return (text if text.isascii() else visible_text(text)).strip() or None


def visible_text(text: str) -> str:
    """``text`` as it shows: without the characters of no width (Unicode's format characters, category Cf: the
    zero-width space, a byte order mark ``U+FEFF`` inside a file, left-to-right marks, soft hyphens) and in one form
    of its accents (NFC: ``café`` typed as ``e`` and a combining accent, as macOS writes it, is the ``é`` of one
    character); no-break spaces as spaces; full-width digits and letters (``１２３``, typed with a Japanese or Chinese
    input method) as the ASCII ones they stand for (NFKC, on those characters only). Two ids that look alike in Excel
    are one id.

    >>> visible_text("\ufeffabc\u200b"), visible_text("a\u200eb"), visible_text("cafe\u0301") == "caf\u00e9"
    ('abc', 'ab', True)
    >>> visible_text("\uff11\uff12\uff13"), visible_text("\uff21-\uff17\u3000")
    ('123', 'A-7 ')
    >>> visible_text("Anna\u00a0Schmidt"), visible_text("12\u202f500")
    ('Anna Schmidt', '12 500')
    """
    if any(unicodedata.category(c) == "Cf" for c in text):
        text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    if any("\uff01" <= c <= "\uffee" or c == "\u3000" for c in text):  # full-width digits and letters: NFKC's
        text = "".join(unicodedata.normalize("NFKC", c) if "\uff01" <= c <= "\uffee" or c == "\u3000" else c
                       for c in text)  # fmt: skip
    if any(c in _NO_BREAK for c in text):  # a no-break space pasted from a web page or a French export: a space
        text = text.translate(_AS_SPACE)
    return unicodedata.normalize("NFC", text)


#: No-break spaces (U+00A0, the figure space, the narrow one French exports write): a space as it shows.
_NO_BREAK = "\u00a0\u2007\u202f"
_AS_SPACE = {ord(c): " " for c in _NO_BREAK}


def visible_values(values: Any) -> Any:
    """``values`` (a Series or a frame) with each text as it shows (:func:`visible_text`), for comparing record ids
    and rows as the user sees them: ``1001`` and ``1001`` with a zero-width space are one order. Returned as they are
    when no text has a character outside ASCII (one Arrow pass to tell); else each distinct text is changed once.

    >>> visible_values(pd.Series(["s1", "s1\u200b", 7, None])).tolist()
    ['s1', 's1', 7, None]
    """
    if isinstance(values, pd.DataFrame):
        return values.apply(visible_values) if len(values.columns) else values
    if pd.api.types.is_numeric_dtype(values.dtype) or pd.api.types.is_bool_dtype(values.dtype):
        return values
    import pyarrow as pa

    codes, uniques = factorize(values)  # Arrow text: its distinct values, no Python string per row
    texts = [v for v in uniques if isinstance(v, str)]
    if not texts or not unseen_characters(pa.array(texts, type=pa.string())):
        return values
    shown = np.array([visible_text(v) if isinstance(v, str) else v for v in uniques] + [None], dtype=object)
    return pd.Series(shown[codes], index=values.index, name=values.name, dtype=object)


def written_values(df: pd.DataFrame, column: str | None) -> Any:
    """A function giving the values of ``df``'s column ``column`` as the file writes them (None without one): called
    only when a refusal quotes them. A row whose later items were added into its amount (:mod:`.later_items`) is
    quoted as its items (``1 x 3000 + 5 x 1000``), not their sum, which no cell shows."""
    names = [str(c) for c in df.columns]
    if column is None or names.count(column) != 1:
        return None
    from .debit_sides import debit_written  # Adyen's refund in 'Gross Debit (GC)', its credit blank
    from .later_items import written_items  # a row whose later items were added in: its items, not their sum

    return lambda: written_items(
        df, column, debit_written(df, column, df.iloc[:, names.index(column)].to_numpy(dtype=object))
    )
