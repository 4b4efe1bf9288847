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
