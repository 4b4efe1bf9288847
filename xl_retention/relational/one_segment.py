"""``segment="COLUMN=VALUE"``: the tables of one segment, in Python as ``import --segment COLUMN=VALUE`` gives them.

The engine's functions (:mod:`.api`) take ``segment`` as the import takes ``--segment``: ``"plan"`` gives every table
per segment (index ``segment, month``), ``"plan=Pro"`` the tables of segment Pro alone (index ``month``: the block of
Pro in the per-segment tables, its customers over the whole data's months). In a column named as currencies
(``currency``), a code is one segment whatever its case (``currency=gbp`` is GBP), as the import labels them. The
refusal of amounts in two currencies advises ``--segment currency=GBP``: that advice works on every input (a pandas or
polars frame, a DuckDB relation, an Ibis or Spark table).

>>> parse_one("plan=Pro"), parse_one("currency=gbp"), parse_one("plan")
(('plan', 'Pro'), ('currency', 'GBP'), ('plan', None))
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable
from typing import Any

__all__ = ["one_segment", "parse_one", "segment_block"]


def parse_one(segment: str) -> tuple[str, str | None]:
    """``"plan=Pro"`` -> ``("plan", "Pro")``, ``"plan"`` -> ``("plan", None)``; a currency's code upper case (the
    segment ``currency=eur`` is EUR, as :func:`.segments.segment_labels` labels it). ``ValueError`` for ``"=Pro"``
    or ``"plan="``."""
    from ..reading.currency import named_currency
    from .load import parse_segment
    from .segments import CODE

    try:
        column, value = parse_segment(segment)
    except ValueError:  # the import's words name --segment: here it is the keyword
        raise ValueError(f"segment= is COLUMN or COLUMN=VALUE (as the import's --segment), got {segment!r}") from None
    assert column is not None
    if value is not None and named_currency(column) and re.fullmatch(CODE, value):  # 'eur': the segment EUR
        value = value.upper()
    return column, value


def segment_block(result: Any, column: str, value: str, source: str) -> Any:
    """The block of segment ``value`` of each per-segment frame of ``result`` (a frame or a tuple of them; None
    stays None), indexed as the whole tables are; ``ValueError`` naming the segments when no customer is in it."""
    if isinstance(result, tuple):
        return type(result)(*(segment_block(r, column, value, source) for r in result))
    if result is None:
        return None
    segments = list(dict.fromkeys(result.index.get_level_values("segment")))
    if value not in segments:
        listing = ", ".join(map(repr, segments[:10])) or "none"
        raise ValueError(f"{source}: no customer is in segment {column}={value!r} (segments: {listing})")
    return result.xs(value, level="segment")


def _named_as_is(data: Any, segment: str) -> bool:
    """True when ``data`` has a column named ``segment`` itself (a name with ``=`` in it): that column is the
    segment."""
    from ..reading import key

    try:
        names = [str(c) for c in data.columns]
    except (AttributeError, TypeError):
        return False
    return any(key(n) == key(segment) for n in names)


def one_segment(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` (a table function of :mod:`.api`, its first argument the input) taking ``segment="COLUMN=VALUE"``
    too: computed per segment of ``COLUMN`` and the block of ``VALUE`` returned (:func:`segment_block`)."""

    first = next(iter(inspect.signature(function).parameters))

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        options = kwargs.get("options")
        if getattr(options, "segment", None) is not None:
            return _options_segment(_run, function.__name__, args, kwargs, options.segment)
        return _run(*args, **kwargs)

    def _run(*args: Any, **kwargs: Any) -> Any:
        segment = kwargs.get("segment")
        if not isinstance(segment, str) or "=" not in segment:
            return function(*args, **kwargs)
        data = args[0] if args else kwargs.get(first)
        if _named_as_is(data, segment):
            return function(*args, **kwargs)
        column, value = parse_one(segment)
        if value is None:
            return function(*args, **kwargs)
        result = function(*args, **{**kwargs, "segment": column})
        return segment_block(result, column, value, str(kwargs.get("source", "input")))

    return run


def _labels(result: Any) -> list[str]:
    """The segments of the per-segment frames of ``result`` (a frame or a tuple of them), in their order."""
    frames = result if isinstance(result, tuple) else (result,)
    found: dict[str, None] = {}
    for frame in frames:
        if frame is not None and "segment" in frame.index.names:
            found.update(dict.fromkeys(map(str, frame.index.get_level_values("segment"))))
    return list(found)


def _options_segment(
    run: Callable[..., Any], name: str, args: tuple[Any, ...], kwargs: dict[str, Any], column: str
) -> Any:
    """``options=ReadOptions(segment=COLUMN)`` (which reads the rows as split by ``COLUMN``: two currencies allowed in
    a currency column) given to the function ``name`` (``run`` runs it as :func:`one_segment` does). With ``segment=``
    of that column: as ``segment=``. Without it, the tables are computed per segment of ``COLUMN`` and those of its
    one segment returned; more than one is refused (their amounts would be added up in one table: H385's finding 04,
    as :mod:`xl_retention.tables` refuses it). ``segment=`` of another column is refused (the option would lift that
    column's refusals inside each segment)."""
    from ..reading import DataError, key
    from ..reading.currency import named_currency
    from .segments import BLANK_SEGMENT

    segment = kwargs.get("segment")
    source = str(kwargs.get("source", "input"))
    said = f"options=ReadOptions(segment={column!r})"
    if segment is not None:
        asked = segment if _named_as_is(args[0] if args else None, segment) else parse_one(segment)[0]
        if key(asked) != key(column):
            raise ValueError(
                f"{source}: {said} and segment={segment!r} name two columns: the option reads the rows as split by "
                f"{column!r}; give segment={column!r} (or {column + '=VALUE'!r}), or leave the option's segment out"
            )
        return run(*args, **kwargs)
    result = run(*args, **{**kwargs, "segment": column})
    labels = _labels(result)
    if len(labels) == 1:
        return segment_block(result, column, labels[0], source)
    if len([label for label in labels if label != BLANK_SEGMENT]) <= 1:  # no segment (no rows), or one and blanks:
        return run(*args, **kwargs)  # the tables as they are without one (a blank is no second currency: tables')
    labels = [label for label in labels if label != BLANK_SEGMENT]  # the segments the refusal names
    currency = named_currency(column)
    what = "currencies" if currency else "segments"
    listing = ", ".join(labels[:5] if currency else map(repr, labels[:5]))
    listing += f" and {len(labels) - 5} more" if len(labels) > 5 else ""
    added = "amounts in several currencies" if currency else "the segments"
    first = labels[0]
    raise DataError(
        f"{source}, column {column!r}: {len(labels)} {what} ({listing}); {said} reads the rows as split by {column!r}, "
        f"which {name} does with segment={column!r}: without it {added} would be added up in one table; give "
        f"segment={column!r} (the tables per segment) or segment={f'{column}={first}'!r} (one segment's tables)",
        source=source,
        column=column,
    )
