"""Input helpers shared by the models: positivity checks, ranges of one value per customer, tables of cohorts."""

from __future__ import annotations

import functools
import inspect
import re
import sys
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TypeVar

import numpy as np

from .._validation import Inputs, _aligned, _frame_columns, _pandas_types, to_float_array
from ..errors import NotANumberError, OutOfRangeError, RetentionInputError, label_text, position_text

ArrayLike = Any  # a number, a sequence of numbers, an ndarray or a pandas Series

_F = TypeVar("_F", bound=Callable[..., Any])

#: the original positions of the rows :func:`_columns` kept in the fit running in this thread (see :func:`rows_located`)
_KEPT_ROWS: ContextVar[list[np.ndarray] | None] = ContextVar("_KEPT_ROWS", default=None)

_LOG_BOUND = 18.0  # parameters are searched in [e^-18, e^18] = [1.5e-8, 6.6e7]


def _positive(x: Inputs, *names: str, summed: bool = False) -> None:
    """Each named argument must be a finite number > 0: ``#NUM!``. ``summed``: alpha + beta too (a beta mixing's
    shapes, summed by every formula: alpha = beta = 1e308 gave SBG_DEL 1.0 for 1.8333)."""
    for name in names:
        value = x[name]
        if type(value) is float:  # one cell's plain number (see Inputs): checked without numpy's per-call cost
            if value <= 0 or value == np.inf:
                x.fail_where(True, OutOfRangeError, f"{name} must be a number > 0, got {{{name}:g}}", name)
            continue
        with np.errstate(invalid="ignore"):
            bad = (value <= 0) | np.isinf(value)
        x.fail_where(bad, OutOfRangeError, f"{name} must be a number > 0, got {{{name}:g}}", name)
    if summed:
        alpha, beta = x["alpha"], x["beta"]
        if type(alpha) is float and type(beta) is float and alpha + beta != np.inf:
            return  # one cell's plain numbers, both checked finite above (a NaN blank sums to NaN: not over)
        with np.errstate(invalid="ignore", over="ignore"):
            over = np.isinf(np.add(alpha, beta))
        x.fail_where(
            over,
            OutOfRangeError,
            "alpha + beta is beyond the largest number a cell holds (about 1.8E+308): "
            "alpha = {alpha:g}, beta = {beta:g}",
            "beta",
        )


def _raise_if_not_finite(x: Inputs, names: tuple[str, ...], result: Any, what: str) -> None:
    """A result that is not finite where no input is blank: ``#NUM!`` rather than a wrong number."""
    inputs_ok = np.ones(np.shape(result), dtype=bool)
    for name in names:
        inputs_ok &= ~np.isnan(x[name])
    x.fail_where(
        inputs_ok & ~np.isfinite(result),
        OutOfRangeError,
        f"{what} cannot be computed in floating point for these arguments",
        names[0],
    )


def _check_clv(x: Inputs) -> None:
    """The CLV arguments shared by the repeat-purchase models: amounts, months, discount rate, periods per month."""
    x.check_range("order_value", what="an amount >= 0")
    x.check_range("margin", high=1, what="a share of the order value from 0 to 1 (80% or 0.8, not 80)")
    x.check_range("months", low=1, high=1200, integer=True, what="a whole number of months from 1 to 1200")
    x.check_range("discount_rate", high=1, what="a discount rate from 0 to 1 per month (1% or 0.01, not 10)")
    _positive(x, "periods_per_month")


class TableLabels:
    """The labels of a pandas table of cohorts as refusals name them beside the positions: a DataFrame's index
    (``cohort row 2 ('2024-02')``) and columns (``period 2 ('Month 2')``), a Series' or one column's index as its
    periods (one cohort, :func:`_as_table`). Nothing for lists and arrays, and for pandas' default 0, 1, 2 labels
    (they repeat the position).

    >>> import pandas as pd
    >>> labels = TableLabels(pd.DataFrame({"Month 0": [10, 8], "Month 1": [9, 7]}, index=["2024-01", "2024-02"]))
    >>> labels.period(1), labels.row(1), TableLabels([[10, 9]]).period(1)
    (" ('Month 1')", " ('2024-02')", '')
    """

    def __init__(self, values: Any) -> None:
        types = _pandas_types()
        self._rows: Any = None
        self._periods: Any = None
        if types and isinstance(values, types[1]):
            if values.shape[1] == 1 and values.shape[0] > 1:
                self._periods = values.index  # one column: one cohort going down
            else:
                self._rows, self._periods = values.index, values.columns
        elif types and isinstance(values, types[0]):
            self._periods = values.index

    @staticmethod
    def _named(labels: Any, at: int) -> str:
        if labels is None or not 0 <= at < len(labels) or type(labels).__name__ == "RangeIndex" and labels[at] == at:
            return ""
        return f" ({label_text(labels[at])})"

    def period(self, t: int) -> str:
        """`` ('Month 2')`` for period ``t`` (0-based, the column), or nothing."""
        return self._named(self._periods, t)

    def row(self, row: int) -> str:
        """`` ('2024-02')`` for cohort row ``row`` (0-based), or nothing."""
        return self._named(self._rows, row)


def _as_table(name: str, values: Any) -> np.ndarray:
    """A 1-D or 2-D range (ragged lists padded with blanks) as a 2-D float array, one row per cohort."""
    rowlike = (list, tuple, np.ndarray, *_pandas_types()[:1])  # a Series is a row (one cohort each, H296's 04)
    if isinstance(values, (list, tuple)) and any(isinstance(v, rowlike) for v in values):
        rows = [list(v) if isinstance(v, rowlike) else [v] for v in values]
        width = max(len(r) for r in rows)
        values = [r + [None] * (width - len(r)) for r in rows]
    array = to_float_array(name, values)
    if array.ndim == 0:
        array = array.reshape(1, 1)
    elif array.ndim == 1:
        array = array.reshape(1, -1)
    elif array.ndim == 2 and array.shape[1] == 1 and array.shape[0] > 1:
        array = array.T  # one column: one cohort going down
    elif array.ndim != 2:
        raise NotANumberError(f"{name} must be a 1-D or 2-D range, got {array.ndim} dimensions", name, None)
    return array


_NUMBERED = re.compile(r"(.*?)(\d+)\s*$")


def refuse_text_ordered_columns(name: str, values: Any) -> None:
    """A DataFrame whose column labels are one text and a number ('Month 0', 'Month 1', ...) put in text order
    ('Month 1', 'Month 10', 'Month 2', as ``sorted`` or a pivot gives them): ``#NUM!`` naming the columns out of order.
    Read left to right, its periods ran 0, 1, 10, 2: the fit refused the rise from 'Month 10' to 'Month 2' as from
    "period 3 to period 4", cells the user did not mean (H545's finding 06). Other labels pass.

    >>> import pandas as pd
    >>> refuse_text_ordered_columns("survivors", pd.DataFrame([[9, 8, 4, 7]], columns=["M0", "M1", "M10", "M2"]))
    Traceback (most recent call last):
    ...
    xl_retention.errors.OutOfRangeError: survivors' columns are in text order: 'M10' comes before 'M2', so the \
periods do not run 0, 1, 2, ... left to right; sort the columns by their number, e.g. \
df[sorted(df.columns, key=lambda c: int(c.split()[-1]))] (or pivot with numbered periods)
    """
    types = _pandas_types()
    if not types or not isinstance(values, types[1]) or values.shape[1] < 2:
        return
    found = [_NUMBERED.fullmatch(label) if isinstance(label, str) else None for label in values.columns]
    if not all(found) or len({m.group(1).strip() for m in found}) != 1:  # type: ignore[union-attr]
        return
    numbers = [int(m.group(2)) for m in found]  # type: ignore[union-attr]
    labels = list(values.columns)
    for i in range(1, len(numbers)):
        if numbers[i] < numbers[i - 1]:
            label, next_label = labels[i - 1], labels[i]
            raise OutOfRangeError(
                f"{name}' columns are in text order: {label!r} comes before {next_label!r}, so the periods do not run "
                "0, 1, 2, ... left to right; sort the columns by their number, e.g. "
                "df[sorted(df.columns, key=lambda c: int(c.split()[-1]))] (or pivot with numbered periods)",
                name,
                None,
            )


def check_projection(fit: Any, function: Any, parameters: dict[str, float], arguments: dict[str, Any]) -> None:
    """``fit.interval(function, ...)``'s ``function``: a callable taking the fit's parameters by name and the
    arguments given. A name (``"sbg_survival"``) or another model's projection (``bgnbd_expected``, ``bdw_survival``
    on an sBG fit) was a raw TypeError (H545's finding 04): ``#VALUE!`` naming function and listing the projections of
    the fit's model. A right projection missing an argument of its own (``t``) keeps Python's TypeError."""
    module = sys.modules.get(type(fit).__module__)
    names = list(parameters)
    own = [
        getattr(module, n)
        for n in sorted(getattr(module, "__dict__", {}))
        if not n.startswith("_") and not n.endswith(("_fit", "_fit_se"))
        and inspect.isfunction(getattr(module, n)) and getattr(module, n).__module__ == type(fit).__module__
        and set(names) <= set(inspect.signature(getattr(module, n)).parameters)
    ]  # fmt: skip
    if callable(function):
        if function in own:
            return
        try:
            inspect.signature(function).bind(**parameters, **arguments)
            return
        except (TypeError, ValueError):
            pass
    shown = getattr(function, "__name__", None) if callable(function) else None
    listed = ", ".join(f.__name__ for f in own)
    raise NotANumberError(
        f"function must be a projection of this fit's model taking {', '.join(names)} (the function itself, not its "
        f"name), one of {listed}; got {shown or repr(function)}",
        "function",
        None,
    )


def _check_rfm(x: Inputs) -> None:
    x.check_range("frequency", integer=True, what="a whole number of repeat purchases >= 0")
    x.check_range("recency", what="a time >= 0")
    x.check_range("T", what="an age (time since the first purchase) >= 0")
    x.hold_at_most("recency", x["T"])  # equal at 15 digits (two formulas' weeks: 38.00000000000001 and 38) is T
    x.fail_where(
        x["recency"] > x["T"],
        OutOfRangeError,
        "recency ({recency:~g}) exceeds T ({T:~g}): the last purchase cannot come after the end of observation",
        "recency",
    )
    x.fail_where(
        (x["frequency"] == 0) & (x["recency"] > 0),
        OutOfRangeError,
        "recency ({recency:g}) must be 0 when frequency is 0 (with no repeat purchase, the last purchase is the first)",
        "recency",
    )


def _columns(
    *, blank_where_zero: tuple[str, str] | None = None, one_for_all: tuple[str, ...] = (), **named: Any
) -> dict[str, np.ndarray]:
    """Ranges of one value per customer as equal-length flat arrays; rows blank in every column are dropped.
    A column named in ``one_for_all`` given as one value (one cohort's age T, the BG/BB's n_periods: ``6``, one cell)
    holds it for every customer, as the elementwise functions broadcast it; the others are never repeated.
    Several pandas Series are matched by their index labels, as the elementwise functions match them (a Series in
    another row order was paired by position: each customer fitted with another's T); labels that differ: #VALUE!.
    ``blank_where_zero`` = (column, other): a blank in ``column`` where ``other`` is 0 is read as 0, not needed there
    (a non-repeater's monetary_value); a row with some columns blank otherwise is refused at its position.

    >>> _columns(blank_where_zero=("m", "x"), x=[2, 0, None], m=[9.5, None, None])
    {'x': array([2., 0.]), 'm': array([9.5, 0. ])}
    >>> _columns(one_for_all=("T",), x=[2, 0, 1], T=39)
    {'x': array([2., 0., 1.]), 'T': array([39., 39., 39.])}
    >>> _columns(one_for_all=("T",), x=[2, 0, None], T=39)  # the range's spare row dropped
    {'x': array([2., 0.]), 'T': array([39., 39.])}
    >>> _columns(x=[2, 0], m=[9.5, None])
    Traceback (most recent call last):
    ...
    xl_retention.errors.NotANumberError: x is given but m is blank at position 1
    """
    pandas_types = _pandas_types()
    if pandas_types:
        if any(isinstance(v, pandas_types[1]) for v in named.values()):
            named = _frame_columns(named, pandas_types[1])  # a one-column DataFrame: its Series
        series = [(name, v) for name, v in named.items() if isinstance(v, pandas_types[0])]
        if len(series) > 1:
            named = _aligned(named, series)
    arrays = {name: to_float_array(name, value).ravel() for name, value in named.items()}
    rows = {a.size for name, a in arrays.items() if name not in one_for_all}
    repeated: set[str] = set()
    if len(rows) == 1 and (count := rows.pop()) != 1:  # one value for all customers: repeated for each
        repeated = {n for n, a in arrays.items() if n in one_for_all and a.size == 1}
        arrays = {n: np.repeat(a, count) if n in repeated else a for n, a in arrays.items()}
    sizes = {a.size for a in arrays.values()}
    if len(sizes) > 1:
        shapes = ", ".join(f"{n} {a.size}" for n, a in arrays.items())
        raise NotANumberError(
            f"{', '.join(arrays)} must hold one value per customer each; got sizes {shapes}", ", ".join(arrays)
        )
    if blank_where_zero is not None:
        column, other = blank_where_zero
        arrays[column] = np.where(np.isnan(arrays[column]) & (arrays[other] == 0), 0.0, arrays[column])
    blank = np.stack([np.isnan(a) for a in arrays.values()])
    # a row is blank where every column given per customer is: a value repeated for all does not fill the ranges'
    # spare rows (=BGBB_FIT(A2:A30,B2:B30,6,C2:C30) over 22 histories)
    keep = ~np.stack([np.isnan(a) for n, a in arrays.items() if n not in repeated]).all(axis=0)
    partial = blank.any(axis=0) & keep
    if partial.any():  # the position ends the message: a cell's reason names the cell (cells.excel_message)
        position = int(np.flatnonzero(partial)[0])
        names = [n for n, a in arrays.items() if np.isnan(a[position])]
        given = [n for n in arrays if n not in names]
        error = NotANumberError(
            f"{', '.join(given)} {'is' if len(given) == 1 else 'are'} given but {', '.join(names)} "
            f"{'is' if len(names) == 1 else 'are'} blank{position_text((position,))}",
            names[0],
            None,
        )
        error.position = (position,)
        raise error
    kept_rows = _KEPT_ROWS.get()
    if kept_rows is not None:  # a fit under rows_located: its refusals are mapped back to these positions
        kept_rows[:] = [np.flatnonzero(keep)]
    return {name: a[keep] for name, a in arrays.items()}


def rows_located(fit: _F) -> _F:
    """``fit`` (one that reads its ranges with :func:`_columns`) with its refusals located in the ranges as given:
    :func:`_columns` drops the rows blank in every column, so a position found in what it kept (the 3rd row kept) is
    mapped back to the row's own (the 4th given, after a blank row), in the error's ``position`` and its message's
    ending, so that a workbook's reason names the cell that holds the value (H288). Where the ranges are pandas
    Series, the row is named by its index label (the customer id of :func:`rfm_summary`'s output), ``at label 104``,
    whichever check refused it (a text, a blank, recency past T, a value of 0: some said ``at index 104``, others
    ``at position 3``, H296's finding 06); other ranges are named by their 0-based position.

    >>> located = rows_located(lambda *a: _check_rfm(Inputs(**_columns(frequency=a[0], recency=a[1], T=a[2]))))
    >>> try:
    ...     located([1, None, 2, 3], [1, None, 2, 5], [4, None, 4, 4])
    ... except OutOfRangeError as error:
    ...     print(error.position, str(error)[-13:])
    (3,) at position 3
    """

    @functools.wraps(fit)
    def located(*args: Any, **kwargs: Any) -> Any:
        kept: list[np.ndarray] = []
        token = _KEPT_ROWS.set(kept)
        try:
            return fit(*args, **kwargs)
        except RetentionInputError as error:
            labels = _first_index(args, kwargs)
            position = error.position
            if position is None or len(position) != 1:
                raise _labelled(error, labels) from None
            given = (int(kept[0][position[0]]),) if kept and 0 <= position[0] < kept[0].size else position
            text, old = str(error), position_text(position)
            ending = position_text(given)
            if labels is not None and 0 <= given[0] < len(labels):
                ending = f" at label {label_text(labels[given[0]])}"
            if ending == old or not text.endswith(old):
                raise _labelled(error, labels) from None
            again = type(error)(text[: -len(old)] + ending, error.argument, error.value)
            again.position = given
            raise again from None
        finally:
            _KEPT_ROWS.reset(token)

    return located  # type: ignore[return-value]


def _first_index(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """The index of the first pandas Series (or one-column DataFrame) among a fit's arguments, the order
    :func:`_columns` puts every Series in; None where there is none."""
    pandas_types = _pandas_types()
    for value in (*args, *kwargs.values()):
        if pandas_types and isinstance(value, pandas_types[:2]):
            return value.index
    return None


def _labelled(error: RetentionInputError, labels: Any) -> RetentionInputError:
    """``error`` with an ending ``at index 104`` (a Series' text, :func:`to_float_array`) said ``at label 104``."""
    text = str(error)
    if labels is None or " at index " not in text:
        return error
    head, _, label = text.rpartition(" at index ")
    again = type(error)(f"{head} at label {label}", error.argument, error.value)
    again.position = error.position
    return again


def _aggregate_rows(*columns: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
    """Distinct rows of the stacked columns and how many times each occurs (a lexsort, faster than np.unique)."""
    n = columns[0].size
    order = np.lexsort(columns[::-1])
    sorted_cols = [c[order] for c in columns]
    new = np.ones(n, dtype=bool)
    if n > 1:
        new[1:] = np.any(np.stack([c[1:] != c[:-1] for c in sorted_cols]), axis=0)
    first = np.flatnonzero(new)
    counts = np.diff(np.append(first, n)).astype(np.float64)
    return [c[first] for c in sorted_cols], counts
