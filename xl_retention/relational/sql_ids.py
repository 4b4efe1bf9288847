"""Customer and visitor ids in the SQL printed by ``xl-retention sql`` (:mod:`.sql`), read as ``xl-retention import``
reads them (docs/metrics.md, Counting rules, Customers): spaces at either end are no part of an id, nor are
characters of no width (Unicode's format characters, category Cf: a zero-width space, a byte order mark); accents in
one form (NFC: macOS' ``e`` and a combining accent is ``é``); full-width digits and letters (``１２３``) and no-break
spaces as the ASCII ones (:func:`~xl_retention.reading.values.visible_text`); a blank id NULL (which stops the
query, as the import refuses a blank); in a column of whole numbers only, one written as a decimal (``1001.0``) its
digits (:func:`~xl_retention.reading.values.whole_number_ids`). Written for the dialects with these functions
(DuckDB, PostgreSQL); others compare ids as written, which their header says.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import cache

from sqlglot import expressions as exp

__all__ = [
    "ID_COLUMNS",
    "TEXT_TYPED",
    "no_one_stop",
    "no_one_words",
    "typed_text",
    "visible_id",
    "whole_number_id",
    "whole_segment",
]

#: The id column of each input that has one.
ID_COLUMNS = ("customer_id", "visitor_id")


@cache
def _format_ranges() -> str:
    """Every format character (category Cf) as a regular expression's bracket ranges of the characters themselves
    (found once, when SQL is first written: a pass over Unicode)."""
    points = [c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    ranges: list[list[int]] = []
    for c in points:
        if ranges and c == ranges[-1][1] + 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


#: Full-width ASCII (U+FF01-U+FF5E), the ideographic space and no-break spaces, and what they read as.
_WIDE = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "\u3000\u00a0\u2007\u202f"
_NARROW = "".join(chr(c) for c in range(0x21, 0x7F)) + "    "
_NFC = {"duckdb": lambda e: exp.Anonymous(this="nfc_normalize", expressions=[e]),
        "postgres": lambda e: exp.Anonymous(this="normalize", expressions=[e, exp.Var(this="NFC")])}  # fmt: skip


def _call(name: str, *args: exp.Expression | str) -> exp.Expression:
    return exp.Anonymous(this=name, expressions=[a if isinstance(a, exp.Expression) else exp.Literal.string(a)
                                                 for a in args])  # fmt: skip


def visible_id(column: exp.Expression, engine: str) -> str:
    """The SQL (``engine``: duckdb or postgres) of the id ``column`` as it shows, stripped, NULL if blank."""
    text = exp.Cast(this=column, to=exp.DataType.build("text"))
    text = _call("regexp_replace", text, "[" + _format_ranges() + "]", "", "g")
    text = _NFC[engine](_call("translate", text, _WIDE, _NARROW))
    text = _call("regexp_replace", text, r"^\s+|\s+$", "", "g")
    return exp.Nullif(this=text, expression=exp.Literal.string("")).sql(dialect=engine)


#: A value of a typed column as the import labels it (:func:`~xl_retention.reading.values.clean_ids` of the value
#: fetched): a boolean ``TRUE``/``FALSE``; a floating-point number NaN blank, whole (``1.0``, ``1e+20``) its digits
#: (``1``, ``100000000000000000000``), an infinity ``inf``; other types their text (``{x}``: the number read back from
#: the text, which is exact: both engines write a float's shortest round-trip form).
_TYPED = {
    "duckdb": (
        "CASE WHEN typeof({c}) = 'BOOLEAN' THEN upper(CAST({c} AS TEXT)) "
        "WHEN typeof({c}) IN ('DOUBLE', 'FLOAT') THEN CASE WHEN isnan({x}) THEN NULL "
        "WHEN isfinite({x}) AND {x} = trunc({x}) AND abs({x}) < 1e38 THEN CAST(CAST({x} AS DECIMAL(38, 0)) AS TEXT) "
        "ELSE CAST({c} AS TEXT) END ELSE CAST({c} AS TEXT) END"
    ),
    "postgres": (
        "CASE WHEN CAST(pg_typeof({c}) AS TEXT) = 'boolean' THEN upper(CAST({c} AS TEXT)) "
        "WHEN CAST(pg_typeof({c}) AS TEXT) IN ('double precision', 'real') THEN CASE WHEN {x} = 'NaN' THEN NULL "
        "WHEN {x} = 'Infinity' THEN 'inf' WHEN {x} = '-Infinity' THEN '-inf' "
        "WHEN {x} = trunc({x}) THEN CAST(CAST({x} AS NUMERIC) AS TEXT) "
        "ELSE CAST({c} AS TEXT) END ELSE CAST({c} AS TEXT) END"
    ),
}
_READ_BACK = {
    "duckdb": "TRY_CAST(CAST({c} AS TEXT) AS DOUBLE)",
    "postgres": "CAST(CAST({c} AS TEXT) AS DOUBLE PRECISION)",
}


def typed_text(column: str, engine: str) -> str:
    """The SQL (``engine``: duckdb or postgres) of the raw ``column``'s value as text as xl-retention import labels a
    typed column's value (:data:`_TYPED`): a DOUBLE segment's ``1.0`` is ``1`` as in the import, not ``1.0``."""
    return _TYPED[engine].format(c=column, x=_READ_BACK[engine].format(c=column))


def whole_segment(column: str, engine: str) -> str:
    """The SQL of the segment ``column`` (already :func:`visible_id`) as its digits where it is a whole number written
    as a decimal (``1.0``, a DECIMAL's ``1.0000``) and every value of the input is a whole number or blank, as the
    import labels a segment (:func:`~xl_retention.reading.values.whole_number_ids`, blanks aside): a window over the
    whole input."""
    whole = r"^[0-9]+(\.0+)?$"
    match = f"regexp_full_match({column}, '{whole}')" if engine == "duckdb" else f"{column} ~ '{whole}'"
    return (
        f"CASE WHEN MIN(CASE WHEN {column} IS NULL OR {match} THEN 1 ELSE 0 END) OVER () = 1 "
        f"THEN regexp_replace({column}, '\\.0+$', '') ELSE {column} END"
    )


def whole_number_id(column: str, engine: str) -> str:
    """The SQL of the id ``column`` (already :func:`visible_id`) as its digits where it is a whole number written as a
    decimal and every id of the input is a whole number (so written or not): a window over the whole input."""
    whole = r"^[0-9]+(\.0+)?$"
    match = f"regexp_full_match({column}, '{whole}')" if engine == "duckdb" else f"{column} ~ '{whole}'"
    return (
        f"CASE WHEN MIN(CASE WHEN {match} THEN 1 ELSE 0 END) OVER () = 1 "
        f"THEN regexp_replace({column}, '\\.0+$', '') ELSE {column} END"
    )


#: Whether the raw id column ``{}`` is read as text for the ids that stand for no one: a text type, or integers not
#: numbered from 0 (ids other than 0 and no id 1 in the input: WooCommerce's guest 0 beside customers 101, 102); a
#: typed integer column numbered from 0 has 0 as an id, as the import reads it
#: (:func:`~xl_retention.reading.values.numbered_from_zero`).
TEXT_TYPED = {"duckdb": "typeof({0}) = 'VARCHAR' OR MAX(CASE WHEN CAST({0} AS VARCHAR) = '1' THEN 2 WHEN CAST({0} "
                        "AS VARCHAR) <> '0' THEN 1 ELSE 0 END) OVER () = 1",
              "postgres": "CAST(pg_typeof({0}) AS TEXT) IN ('text', 'character varying', 'character') OR "
                          "MAX(CASE WHEN CAST({0} AS TEXT) = '1' THEN 2 WHEN CAST({0} AS TEXT) <> '0' THEN 1 ELSE 0 "
                          "END) OVER () = 1"}  # fmt: skip


def no_one_words(who: str) -> tuple[str, str]:
    """The words after "an id that stands for no one (" of a stop on a guest's id (``0``, ``(not set)``) and on a
    till's placeholder e-mail, for the id column ``who``."""
    from ..reading.no_one_ids import placeholder_advice

    whom = "visitor" if who == "visitor_id" else "customer"
    guests = (
        f"a guest checkout: WooCommerce writes 0; Google Analytics '(not set)'; an erased customer): all of them would "
        f"be one {whom} who returns, where xl-retention import refuses them: use another id for them (an e-mail), or "
        "remove those rows"
    )
    walk_ins = (
        f"a placeholder e-mail typed for walk-in sales): all of them would be one {whom} who returns, where "
        f"xl-retention import refuses them: {placeholder_advice(who)}"
    )
    return guests, walk_ins


def no_one_stop(column: exp.Expression, text: exp.Expression, value: exp.Expression, name: str, who: str) -> exp.Case:
    """``value`` (the id ``column`` as read), or, where the id read is one that stands for no one
    (:data:`~xl_retention.reading.values.NO_ONE`: WooCommerce's guest ``0``, Google Analytics' ``(not set)``, an
    erased customer's ``[deleted]``) or a till's placeholder e-mail for walk-in sales
    (:data:`~xl_retention.reading.no_one_ids.PLACEHOLDER_EMAIL`: ``noemail@example.com``) in a text column
    (``text``), a stop naming it: all of them would be one customer who returns, where ``xl-retention import``
    refuses them."""
    from ..reading.no_one_ids import PLACEHOLDER_EMAIL
    from ..reading.values import NO_ONE
    from .sql_stops import STOP

    guests, walk_ins = no_one_words(who)

    def stop(said: str) -> exp.Cast:
        message = exp.DPipe(
            this=exp.DPipe(this=exp.Literal.string(f"{STOP}{name}.{who} is '"), expression=column.copy()),
            expression=exp.Literal.string(f"' in a row, an id that stands for no one ({said}"),
        )
        return exp.Cast(this=exp.Cast(this=message, to=exp.DataType.build("bigint")), to=exp.DataType.build("text"))

    guest = exp.In(this=exp.Lower(this=column.copy()), expressions=[exp.Literal.string(v) for v in sorted(NO_ONE)])
    till = exp.RegexpILike(this=column.copy(), expression=exp.Literal.string(PLACEHOLDER_EMAIL.removeprefix("(?i)")))
    return exp.Case().when(exp.and_(text, guest), stop(guests)).when(exp.and_(text, till), stop(walk_ins)).else_(value)
