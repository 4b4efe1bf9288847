"""The one validation helper of the core.

:class:`Inputs` converts a metric's arguments (scalars, lists, numpy arrays or pandas
Series) to float arrays, broadcasts them together, checks them, and gives the result
back in the caller's kind: a float for scalars, an ndarray for arrays, a Series (with
the first Series' index) when any argument is a Series. Several Series are matched by
their index labels, as pandas arithmetic matches them (the same labels in another order
are put in the first Series' order; labels that differ are refused). A DataFrame of one column is
that column (a Series); of several, refused. ``decimal.Decimal`` values (SQL numeric columns) are
numbers. Blank inputs (``None``, NaN, ``""``) become NaN and propagate to NaN results, as missing
values do in pandas.
"""

from __future__ import annotations

import decimal
import math
import numbers
import re
import sys
from statistics import NormalDist
from typing import Any

import numpy as np

from ._excel_digits import _Shown, equal_at_15_digits, near_whole
from .errors import (
    NotANumberError,
    OutOfRangeError,
    RetentionInputError,
    ZeroDenominatorError,
    label_text,
    position_text,
)


def _pandas_types() -> tuple[type, ...]:
    pd = sys.modules.get("pandas")  # a Series can only exist if pandas was imported
    return (pd.Series, pd.DataFrame, pd.Index) if pd is not None else ()


#: Text that a reader takes for a number ('8', ' 1,200 ', '-3.5e2'): refused as text with what to do about it.
_NUMBER_TEXT = re.compile(r"\s*[-+]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*")
#: spaces a pasted figure carries that a cell shows as a space (a web page's or a French report's thousands separator)
_ODD_SPACES = {"\u00a0": "a no-break space", "\u202f": "a narrow no-break space", "\u2009": "a thin space"}
_SPACE_GROUPED = re.compile(r"\s*[-+]?\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?:[.,]\d+)?\s*")


def _is_pandas_na(value: Any) -> bool:
    """Whether ``value`` is pandas' missing value ``pd.NA`` (an object column of ``read_sql``/``read_json``)."""
    pd = sys.modules.get("pandas")
    return pd is not None and value is pd.NA


def _foreign_table(value: Any) -> bool:
    """Whether ``value`` is a polars DataFrame, a pyarrow Table (or RecordBatch, or RecordBatchReader: DuckDB's
    ``rel.arrow()``) or a DuckDB relation: read as pandas (through ``to_pandas()``, a relation through its Arrow table,
    a reader through the Table it reads to: :func:`_as_pandas`). None of these is imported.

    >>> _foreign_table([1, 2])
    False
    """
    kind = type(value)
    library = kind.__module__.partition(".")[0]
    return (
        (library == "polars" and kind.__name__ == "DataFrame")
        or (library == "pyarrow" and kind.__name__ in ("Table", "RecordBatch", "RecordBatchReader"))
        or (library in ("duckdb", "_duckdb") and kind.__name__ == "DuckDBPyRelation")
    )


def _as_pandas(value: Any, name: str = "input") -> Any:
    """A table of :func:`_foreign_table` as a pandas DataFrame (a DuckDB relation as its Arrow table is, README's
    "read as pandas"; a RecordBatchReader as the Table it reads to, once: one that gives no rows refused naming
    ``name``); anything else as it came."""
    if not _foreign_table(value):
        return value
    if type(value).__name__ == "DuckDBPyRelation":
        from .reading.frames import relation_arrow  # imports pandas, which reading a relation needs anyway

        value = relation_arrow(value)
    elif type(value).__name__ == "RecordBatchReader":
        from .reading.frames import read_reader

        value = read_reader(value, name)
    arrow = type(value).__name__ in ("Table", "RecordBatch")
    return value.to_pandas(date_as_object=False) if arrow else value.to_pandas()


def _refuse_dates(name: str, array: np.ndarray, value: Any) -> None:
    """Dates and durations (numpy's datetime64/timedelta64) are no counts or amounts: ``#VALUE!``. numpy would give
    a date of nanoseconds as an integer (2024-01-01 as 1.7e18), a duration as its count of units."""
    if array.dtype.kind in "mM":
        what = "dates" if array.dtype.kind == "M" else "durations"
        raise NotANumberError(f"{name} must hold numbers, got {what} ({array.dtype})", name, value)


def shown_text(value: str) -> str:
    """``value`` quoted as a cell shows it: a no-break space as a space, not Python's ``\\xa0`` (H242's finding 04).

    >>> shown_text("n/a"), shown_text("2\u00a0451")
    ("'n/a'", "'2 451'")
    """
    return repr("".join(" " if c in _ODD_SPACES else c for c in value))


def _the_text(value: str) -> str:
    """``value``, a text that is no number, as a reason shows it, with a word on a space a cell shows as a space.

    >>> _the_text("n/a")
    "'n/a'"
    >>> _the_text("2\u00a0451")
    "the text '2 451' (its space is a no-break space, a thousands separator: type 2451 as a number)"
    """
    odd = [word for space, word in _ODD_SPACES.items() if space in value]
    if not odd:
        return repr(value)
    if _SPACE_GROUPED.fullmatch(value):
        digits = "".join(c for c in value.strip() if c not in _ODD_SPACES and c != " ")
        return f"the text {shown_text(value)} (its space is {odd[0]}, a thousands separator: type {digits} as a number)"
    return f"the text {shown_text(value)} (with {' and '.join(odd)})"


def _element_to_float(name: str, value: Any) -> float:
    """``value`` as a float: blank (None, ``""``, spaces alone, ``pd.NA``) NaN; text, booleans, dates and other
    non-numbers ``#VALUE!``; an integer beyond a float's range ``#NUM!``.

    >>> _element_to_float("scores", "8")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.errors.NotANumberError: scores must be a number, got the text '8' (a number stored as text: ...)
    >>> _element_to_float("scores", 10**400)
    Traceback (most recent call last):
    ...
    xl_retention.errors.OutOfRangeError: scores is beyond a float's range (above 1.8e308), got an integer of 401 digits
    >>> _element_to_float("scores", decimal.Decimal("-1E+400"))
    Traceback (most recent call last):
    ...
    xl_retention.errors.OutOfRangeError: scores is beyond a float's range (below -1.8e308), got Decimal('-1E+400')
    >>> _element_to_float("scores", -(10**400))
    Traceback (most recent call last):
    ...
    xl_retention.errors.OutOfRangeError: scores is beyond a float's range (below -1.8e308), got a negative integer of \
401 digits
    """
    if value is None or (isinstance(value, str) and not value.strip()) or _is_pandas_na(value):
        return np.nan  # "" and a cell of spaces alone (a non-breaking one pasted from a web page's table too)
    if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value):  # '8' pasted as text: it looks like a number
        problem = f"got the text {value!r} (a number stored as text: type it as a number)"
        raise NotANumberError(f"{name} must be a number, {problem}", name, value)
    if isinstance(value, decimal.Decimal):  # SQL numeric columns (psycopg, DuckDB, pyodbc) arrive as Decimal
        number = np.nan if value.is_nan() else float(value)
        if value.is_finite() and not math.isfinite(number):  # Decimal('1E+400') became inf: "got inf" (H545's 03)
            message = f"{name} is beyond a float's range ({_side(value < 0)}), got {value!r}"
            raise OutOfRangeError(message, name, None)
        return number
    if isinstance(value, (bool, np.bool_, np.timedelta64)) or not isinstance(value, numbers.Real):
        # (numpy's timedelta64 is an integer to the numbers module; .item() of a datetime64[ns] is one too: kept)
        shown = _the_text(value) if isinstance(value, str) else repr(value)
        raise NotANumberError(f"{name} must be a number, got {shown}", name, value)
    try:
        return float(value)
    except OverflowError:  # a Python int of more than 308 digits
        digits, negative = len(str(abs(int(value)))), value < 0
        got = f"{'a negative' if negative else 'an'} integer of {digits} digits"
        message = f"{name} is beyond a float's range ({_side(negative)}), got {got}"
        raise OutOfRangeError(message, name, None) from None


def _side(negative: bool) -> str:
    """Which side of a float's range a number too large for one is on (H553's finding 04: a negative one was said
    to be above 1.8e308)."""
    return "below -1.8e308" if negative else "above 1.8e308"


def _holds_bool(value: list | tuple) -> bool:
    """Whether a (nested) list holds a boolean, which numpy would silently read as 1 or 0."""
    return any(isinstance(v, (bool, np.bool_)) or (isinstance(v, (list, tuple)) and _holds_bool(v)) for v in value)


def _ragged(name: str, value: Any) -> NotANumberError:
    """The refusal of a nested list whose rows differ in length, which numpy cannot make one array of (its
    ``ValueError: setting an array element with a sequence`` named no argument).

    >>> print(_ragged("customers_end", [[120, 110], [100]]))
    customers_end must be a number or numbers of one shape (a list, an array, a Series, or rows of one length, None \
where a value is missing), got a nested list whose rows hold 2, 1 values
    """
    sizes = [str(len(row)) if isinstance(row, (list, tuple)) else "1" for row in list(value)[:8]]
    more = ", ..." if len(value) > 8 else ""
    return NotANumberError(
        f"{name} must be a number or numbers of one shape (a list, an array, a Series, or rows of one length, None "
        f"where a value is missing), got a nested list whose rows hold {', '.join(sizes)}{more} values",
        name,
        value,
    )


def _ndim(name: str, value: Any) -> int:
    """``np.ndim(value)``; a ragged nested list refused naming ``name`` (:func:`_ragged`)."""
    try:
        return np.ndim(value)
    except ValueError:
        raise _ragged(name, value) from None


def to_float_array(name: str, value: Any) -> np.ndarray:
    """``value`` as a float64 array; text, booleans, dates and other non-numbers raise ``#VALUE!``. A masked array's
    masked elements are blanks (NaN), as a polars DataFrame, pyarrow Table or DuckDB relation is read as pandas."""
    labels = None  # a Series' index labels: a bad element is named by its label, as the range checks name it
    if isinstance(value, _pandas_types()):
        labels = value.index if getattr(value, "ndim", 0) == 1 and hasattr(value, "index") else None
        value = value.to_numpy()
    elif _foreign_table(value):  # a polars DataFrame, a pyarrow Table or a DuckDB relation: read as pandas
        value = _as_pandas(value, name).to_numpy()
    if isinstance(value, (str, bytes, bool, np.bool_)) or value is None:
        return np.asarray(_element_to_float(name, value))
    if "numpy.ma" in sys.modules and isinstance(value, np.ma.MaskedArray):  # np.asarray reads under the mask
        _refuse_dates(name, np.ma.getdata(value), value)
        data = np.array(np.ma.getdata(value), dtype=object)
        data[np.ma.getmaskarray(value)] = None
        value = data
    try:
        array = np.asarray(value)
    except ValueError:  # [[1, 2], [3]]: no one shape
        raise _ragged(name, value) from None
    _refuse_dates(name, array, value)
    if isinstance(value, (list, tuple)) and (array.dtype.kind in "USO" or _holds_bool(value)):
        array = np.asarray(value, dtype=object)  # keep mixed lists' elements as they came ([True, 9] is not [1, 9])
    if array.dtype.kind in "iuf":
        return array.astype(np.float64, copy=False)
    if array.dtype.kind == "b":
        raise NotANumberError(f"{name} must hold numbers, got booleans", name, value)
    out = np.empty(array.shape, dtype=np.float64)
    for index, element in np.ndenumerate(array):
        if isinstance(element, np.generic) and not isinstance(element, (np.datetime64, np.timedelta64)):
            element = element.item()
        try:
            out[index] = _element_to_float(name, element)
        except NotANumberError as error:
            if not array.ndim:
                raise
            where = (
                f" at index {label_text(labels[index[0]])}"
                if labels is not None and len(index) == 1
                else position_text(index)
            )
            located = NotANumberError(f"{error}{where}", name, element)
            located.position = index
            raise located from None
    return out


def _aligned(named: dict[str, Any], series: list[tuple[str, Any]]) -> dict[str, Any]:
    """The Series arguments matched by their index labels, as pandas arithmetic matches them: each put in the
    first Series' order. Labels that differ (or repeat) cannot be matched without guessing: ``#VALUE!``."""
    first_name, first = series[0]
    index = first.index
    out = dict(named)
    for name, value in series[1:]:
        if value.index.equals(index):
            continue
        same = len(value.index) == len(index) and index.is_unique and value.index.is_unique
        if same and value.index.isin(index).all():
            out[name] = value.reindex(index)
            continue
        missing = [label for label in index if label not in set(value.index)][:3]
        extra = [label for label in value.index if label not in set(index)][:3]
        detail = (
            f"labels {', '.join(map(repr, missing))} of {first_name} are not in {name}" if missing
            else f"labels {', '.join(map(repr, extra))} of {name} are not in {first_name}" if extra
            else "a label repeats"
        )  # fmt: skip
        if index.is_unique and value.index.is_unique:
            advice = f"so give them the same labels (e.g. {name}.reindex({first_name}.index)) or pass arrays"
        else:  # reindex raises on a repeated label (and would copy one row's value to both): arrays, by position
            twice = first if not index.is_unique else value
            label = twice.index[twice.index.duplicated()][0]
            arrays = ", ".join(f"{n}.to_numpy()" for n, _ in series)
            advice = (
                f"and {label_text(label)} repeats in {first_name if twice is first else name}, which no label "
                f"matches to one row: if the rows are in the same order, pass arrays ({arrays}), else give each "
                "Series one row per label"
            )
        raise NotANumberError(
            f"{name}'s index does not match {first_name}'s ({detail}): Series are matched by their index labels, "
            + advice,
            name,
            None,
        )
    return out


def _frame_columns(named: dict[str, Any], frame_type: type) -> dict[str, Any]:
    """A DataFrame argument of one column as that column (a Series: the result keeps its index); of several columns
    ``#VALUE!`` naming them (numpy broadcast a (n, 1) table against a Series of n into n x n results)."""
    out = dict(named)
    for name, value in named.items():
        if not isinstance(value, frame_type):
            continue
        if value.shape[1] != 1:
            columns = ", ".join(map(repr, list(value.columns)[:4])) + (", ..." if value.shape[1] > 4 else "")
            raise NotANumberError(
                f"{name} is a table of {value.shape[1]} columns ({columns}): give one column, e.g. df[column]",
                name,
                None,
            )
        out[name] = value.iloc[:, 0]
    return out


def _refuse_table_beside_series(first: tuple[str, Any], arrays: dict[str, np.ndarray]) -> None:
    """``#VALUE!`` for arguments of 2 or more dimensions beside a Series (a result with one value per label): numpy
    broadcasts a (n, 1) column against a Series of n into n x n crossings of two months, which no Series holds."""
    name, series = first
    tables = [(n, a.shape) for n, a in arrays.items() if a.ndim > 1]
    said = " and ".join(f"{n} has shape {shape}" for n, shape in tables)
    raise NotANumberError(
        f"{name} is a Series (shape ({len(series)},)) and {said}: a Series' result has one value per label, so give "
        f"{', '.join(n for n, _ in tables)} as one column (a 1-D array, e.g. array.ravel(), or df[column])",
        tables[0][0],
        None,
    )


class Inputs:
    """Named numeric arguments of one metric call, broadcast together.

    >>> x = Inputs(customers_end=[535, 90], customers_start=500)
    >>> x["customers_start"]
    array([500., 500.])
    """

    def __init__(self, **named: Any) -> None:
        whole = False
        for value in named.values():
            if type(value) is not float:
                if type(value) is not int:
                    break
                whole = True
        else:
            # Plain Python numbers (one cell of a formula): checked and computed as floats,
            # which give the same IEEE results as numpy without its per-call overhead.
            self._series, self._is_array, self._undefined = None, False, None
            try:
                self._arrays = {name: float(value) for name, value in named.items()} if whole else named
                return
            except OverflowError:  # an int beyond a float: refused by the general path, naming it
                pass
        if any(_foreign_table(v) for v in named.values()):  # read as pandas (its one column is a Series)
            named = {name: _as_pandas(v, name) for name, v in named.items()}
        pandas_types = _pandas_types()
        if pandas_types and any(isinstance(v, pandas_types[1]) for v in named.values()):
            named = _frame_columns(named, pandas_types[1])
        series = [(name, v) for name, v in named.items() if pandas_types and isinstance(v, pandas_types[0])]
        if len(series) > 1:
            named = _aligned(named, series)
        self._series = series[0][1] if series else None
        self._undefined: np.ndarray | None = None  # elements whose denominator is 0 (Series only): NaN
        self._is_array = self._series is not None or any(
            _ndim(name, v) > 0 for name, v in named.items() if not isinstance(v, str)
        )
        arrays = {name: to_float_array(name, value) for name, value in named.items()}
        try:
            broadcast = np.broadcast_arrays(*arrays.values())
        except ValueError:
            shapes = ", ".join(f"{n} {a.shape}" for n, a in arrays.items())
            raise NotANumberError(
                f"arguments have shapes that do not broadcast together: {shapes}",
                ", ".join(arrays),
            ) from None
        if series and broadcast and broadcast[0].ndim > 1:  # a Series beside a (n, 1) column: n x n crossings
            _refuse_table_beside_series(series[0], arrays)
        self._arrays = dict(zip(arrays, broadcast, strict=False))

    def __getitem__(self, name: str) -> np.ndarray:
        return self._arrays[name]

    # -- checks ------------------------------------------------------------------
    def _where(self, index: tuple[int, ...]) -> str:
        if not self._is_array:
            return ""
        if self._series is not None and len(index) == 1:
            return f" at index {label_text(self._series.index[index[0]])}"
        return position_text(index)

    def fail_where(self, bad: np.ndarray, error: type[RetentionInputError], message: str, argument: str) -> None:
        """Raise ``error`` for the first element where ``bad`` holds.

        ``message`` is formatted with the offending element of every argument, e.g.
        ``"customers_end ({customers_end:g}) is below customers_gained ({customers_gained:g})"``.
        """
        if not self._is_array:
            if not bad:
                return
            values = {name: float(value) for name, value in self._arrays.items()}
            shown = {name: _Shown(value) for name, value in values.items()}
            raise error(message.format(**shown), argument, values.get(argument))
        if not np.any(bad):
            return
        index = tuple(map(int, np.unravel_index(int(np.argmax(bad)), np.shape(bad))))
        values = {name: float(array[index]) for name, array in self._arrays.items()}
        shown = {name: _Shown(value) for name, value in values.items()}
        located = error(message.format(**shown) + self._where(index), argument, values.get(argument))
        if self._series is None:
            located.position = index
        raise located

    def check_range(
        self,
        *names: str,
        low: float = 0.0,
        high: float = np.inf,
        integer: bool = False,
        what: str = "a number >= 0",
    ) -> None:
        """Each named argument must be finite, in [low, high] and, if asked, whole: ``#NUM!``. A whole number asked
        for is one at 15 significant digits (:func:`near_whole`: ``=0.29*100`` is 29), and taken as that number; a
        value past a finite bound but equal to it at 15 digits is that bound, as Excel shows and compares it (a churn
        rate =lost/start of 199.60000000000002 / 199.6 is 1: :meth:`hold_at_most`)."""
        for name in names:
            if high != math.inf:
                self.hold_at_most(name, high)
            if low != 0.0:
                self.hold_at_least(name, low)
            array = self._arrays[name]
            if integer:
                array = self._arrays[name] = near_whole(array)
            if type(array) is float:
                bad = array < low or array > high or array == math.inf or array == -math.inf
                bad = bad or (integer and math.isfinite(array) and array != round(array))
                if bad:  # the message is built only for a value that fails
                    self.fail_where(bad, OutOfRangeError, f"{name} must be {what}, got {{{name}:g}}", name)
                continue
            with np.errstate(invalid="ignore"):
                bad = (array < low) | (array > high) | np.isinf(array)
                if integer:
                    bad |= np.isfinite(array) & (array != np.round(array))
            self.fail_where(bad, OutOfRangeError, f"{name} must be {what}, got {{{name}:g}}", name)

    def hold_at_most(self, name: str, bound: Any) -> None:
        """Each element of argument ``name`` above ``bound`` but equal to it at 15 significant digits (as Excel
        shows and compares them: ``=SUM`` of the same amounts in another order) taken as ``bound``, so that an
        impossible-combination check compares as Excel does; a value above it at 15 digits is left to be refused."""
        value = self._arrays[name]
        if not self._is_array:
            if value > bound and equal_at_15_digits(float(value), float(bound)):
                self._arrays[name] = float(bound)
            return
        above = value > bound
        if np.any(above):
            self._arrays[name] = np.where(above & equal_at_15_digits(value, bound), bound, value)

    def hold_at_least(self, name: str, bound: Any) -> None:
        """:meth:`hold_at_most` the other way: an element below ``bound`` but equal to it at 15 digits is ``bound``."""
        value = self._arrays[name]
        if not self._is_array:
            if value < bound and equal_at_15_digits(float(value), float(bound)):
                self._arrays[name] = float(bound)
            return
        below = value < bound
        if np.any(below):
            self._arrays[name] = np.where(below & equal_at_15_digits(value, bound), bound, value)

    def check_nonzero(self, name: str, what: str = "") -> None:
        """A denominator of 0: ``#DIV/0!``; with a pandas Series among the inputs, NaN for that element only.

        A monthly table's first month has no customers (no MRR) at its start: its rate is undefined, as
        the table and the workbook leave it blank, and the other months' rates are still wanted
        (docs/metrics.md "Bad input"). Scalars and arrays (Excel's ranges) keep ``#DIV/0!``.
        """
        value = self._arrays[name]
        if type(value) is float and value != 0:
            return
        self.undefined_where(value == 0, f"{name} is 0{what}: the ratio is undefined", name)

    def undefined_where(self, zero: Any, message: str, argument: str) -> None:
        """A denominator that is 0 where ``zero`` holds (one computed from several arguments, CLV's d + churn):
        ``#DIV/0!`` naming ``argument``; with a pandas Series among the inputs, NaN for those elements only, as
        :meth:`check_nonzero`."""
        if self._series is not None:
            self._undefined = zero if self._undefined is None else self._undefined | zero
            return
        self.fail_where(zero, ZeroDenominatorError, message, argument)

    # -- result ------------------------------------------------------------------
    def ratio(self, numerator: Any, denominator: str | Any) -> Any:
        """``numerator`` / the argument named ``denominator`` (or the array given), whose zeros
        :meth:`check_nonzero` or :meth:`undefined_where` has let through only for a Series (their elements become
        NaN in :meth:`wrap`)."""
        below = self._arrays[denominator] if isinstance(denominator, str) else denominator
        if self._undefined is None:
            return numerator / below
        with np.errstate(divide="ignore", invalid="ignore"):
            return numerator / below

    def wrap(self, result: np.ndarray, scalar_type: type = float) -> Any:
        """``result`` in the kind of the inputs: ``scalar_type`` (float, or bool for a test), ndarray or Series."""
        if not self._is_array:
            return scalar_type(result)  # a Python float, also for 0-d arrays and numpy scalars
        if self._series is not None:
            if self._undefined is not None:
                result = np.where(self._undefined, np.nan, result)
            return type(self._series)(result, index=self._series.index)
        return result


def or_default(value: Any, default: float) -> Any:
    """An optional argument given as None (the whole argument, not an element of it): its default, as a blank
    optional cell takes it in Excel; anything else as given (a blank element of a list or Series stays a blank input).

    >>> or_default(None, 0.01), or_default(0.1, 0.01)
    (0.01, 0.1)
    """
    return default if value is None else value


def flatten_range(name: str, values: Any, **check: Any) -> np.ndarray:
    """A 1-D or 2-D range of values as a flat float array, blanks (None, NaN, "") dropped.

    ``check``: the arguments of :meth:`Inputs.check_range` (``high=10, integer=True, what=...``), applied
    before the blanks are dropped, so that an error's position is the value's place in the range as given.
    """
    array = to_float_array(name, values)
    if check.get("integer"):
        array = near_whole(array)  # a count computed as 28.999999999999996 is 29, as Excel shows it
    if check:
        Inputs(**{name: array}).check_range(name, **check)
    array = array.ravel()
    return array[~np.isnan(array)]


def scalar(name: str, value: Any, default: float) -> float:
    """One numeric argument that must be a single value; blank means ``default``."""
    if np.ndim(value) > 0 and np.size(value) == 1:
        value = np.asarray(value, dtype=object).ravel()[0]
    if np.ndim(value) > 0:
        raise NotANumberError(f"{name} must be a single value, got {np.size(value)} values", name, value)
    number = _element_to_float(name, value)
    return default if np.isnan(number) else number


def two_sided_z(level: float, p: float) -> float:
    """The normal quantile of a two-sided interval of confidence ``level``, ``p`` being the caller's 1 - (1 - level)
    / 2 (``0.5 + level / 2``): ``NormalDist().inv_cdf(p)``, from the lower tail where ``p`` rounds to 1 (a level of
    0.9999999999999999 is below 1 and has a quantile, 8.29, where inv_cdf(1.0) raised Python's StatisticsError).

    >>> round(two_sided_z(0.95, 0.5 + 0.95 / 2), 6), round(two_sided_z(0.9999999999999999, 1.0), 4)
    (1.959964, 8.2924)
    """
    if p < 1.0:
        return NormalDist().inv_cdf(p)
    return -NormalDist().inv_cdf((1.0 - level) / 2)
