"""The keyword arguments shared by the table builders (``tables.*`` and ``relational.*``), checked where a caller
gives them: ``options`` a :class:`~xl_retention.reading.ReadOptions`, ``columns`` a mapping of the tables' names to
the caller's columns, the flags ``True``/``False``, ``source`` and ``segment`` texts. A notebook user's first guesses
(``options={"timezone": ...}``, the CLI's ``columns="customer_id=cust"``, ``as_rates="no"``) are refused naming the
argument, the value and the form wanted, not an ``AttributeError`` from inside, or a truthy text taken as True.

>>> @checked_keywords
... def table(data, *, as_rates=False, columns=None):
...     return as_rates
>>> table(None, as_rates=True)
True
>>> table(None, as_rates="no")
Traceback (most recent call last):
...
xl_retention.errors.NotANumberError: as_rates must be True or False, got 'no'
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ..errors import NotANumberError

__all__ = ["checked_keywords"]

F = TypeVar("F", bound=Callable[..., Any])
_FLAGS = ("as_rates", "existing_at_start")


def _options(value: Any) -> None:
    from ..reading.columns import ReadOptions

    if value is None or isinstance(value, ReadOptions):
        return
    if isinstance(value, Mapping):
        fields = ", ".join(f"{k}={v!r}" for k, v in value.items()) if all(isinstance(k, str) for k in value) else "..."
        raise NotANumberError(
            f"options must be a ReadOptions (from xl_retention.reading import ReadOptions; options=ReadOptions("
            f"{fields})), got the {_kind(value)} {value!r}",
            "options",
            value,
        )
    raise NotANumberError(
        f"options must be a ReadOptions (from xl_retention.reading import ReadOptions), got {value!r}", "options", value
    )


def _columns(value: Any) -> None:
    if value is None:
        return
    if isinstance(value, Mapping):
        bad = [(k, v) for k, v in value.items() if not isinstance(k, str) or not isinstance(v, str)]
        if not bad:
            return
        raise NotANumberError(
            f"columns must map each of the tables' names to one of your columns, as texts ({{'customer_id': 'cust'}}),"
            f" got {bad[0][0]!r}: {bad[0][1]!r}",
            "columns",
            value,
        )
    example = "{'customer_id': 'cust'}"
    if isinstance(value, str) and "=" in value:  # the command line's --columns customer_id=cust,date=Created
        pairs = [p.split("=", 1) for p in value.split(",") if "=" in p]
        example = "{" + ", ".join(f"{k.strip()!r}: {v.strip()!r}" for k, v in pairs) + "}"
    raise NotANumberError(
        f"columns must map the tables' names to your columns ({example}), got the {_kind(value)} {value!r}",
        "columns",
        value,
    )


def _kind(value: Any) -> str:
    return "text" if isinstance(value, str) else type(value).__name__


def _flag(name: str, value: Any) -> None:
    if isinstance(value, bool) or type(value).__name__ == "bool_":  # numpy's bool too
        return
    raise NotANumberError(f"{name} must be True or False, got {value!r}", name, value)


def _text(name: str, value: Any, optional: bool) -> None:
    if isinstance(value, str) or (optional and value is None):
        return
    raise NotANumberError(f"{name} must be a text{' or None' if optional else ''}, got {value!r}", name, value)


def checked_keywords(function: F) -> F:
    """``function`` with its keyword arguments ``options``, ``columns``, ``as_rates``, ``existing_at_start``,
    ``source`` and ``segment`` (those it has) checked before it runs (see the module docstring); while it runs, a
    table refused as a whole (no rows: :func:`~xl_retention.reading.frames.empty_table`) is named as its first
    argument (``snapshots``, ``orders``) where no ``source`` is given; tables whose last month is the current month
    warn a Python caller (:class:`~.in_progress.InProgressMonthWarning`), as ``import`` notes them, and so do tables
    ending before the last full month (:class:`~.later_months.LaterMonthsWarning`)."""
    from ..reading.frames import argument_named
    from .in_progress import called_by_user, warn_in_progress
    from .later_months import warn_later_months

    names = set(inspect.signature(function).parameters)
    first = next(iter(inspect.signature(function).parameters), "input")

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        for name, value in kwargs.items():
            if name not in names:
                continue
            if name == "options":
                _options(value)
            elif name == "columns":
                _columns(value)
            elif name in _FLAGS:
                _flag(name, value)
            elif name == "source":
                _text(name, value, optional=False)
            elif name == "segment":
                _text(name, value, optional=True)
        with argument_named(first):
            result = function(*args, **kwargs)
        if called_by_user(1):  # a Python caller's tables; the import notes a month in progress itself
            warn_in_progress(result, function, kwargs.get("options"))
            warn_later_months(result, function, args, kwargs)  # and the tables ending before the last full month
        return result

    return checked  # type: ignore[return-value]
