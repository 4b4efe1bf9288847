"""Ids in the SQL of the dialects that compare them as written (every one but DuckDB and PostgreSQL, whose SQL reads
them as ``xl-retention import`` does: :mod:`.sql_ids`), in Ibis, so that every dialect's query stops where the import
refuses an id (docs/metrics.md, Customers): blank after trimming, one that stands for no one (a guest's word, a till's
placeholder e-mail), and counts an e-mail's capitals as one address (``Ann@Example.com`` is ``ann@example.com``).
Where a dialect's SQL in Ibis has no regular expressions (SQL Server, SQLite), without them: ``TRIM`` and, for a
placeholder e-mail, the words of :data:`~xl_retention.reading.no_one_ids.PLACEHOLDER_EMAIL` spelled out
(:func:`_spelled`).
"""

from __future__ import annotations

from functools import cache

import ibis
import ibis.expr.types as ir

__all__ = ["as_written", "email_lowered", "email_parts", "placeholder_email", "trimmed_id"]


def as_written(engine: str | None) -> bool:
    """Whether ``engine``'s SQL compares ids as written (not :data:`.sql_dates.UTC_READS`'s DuckDB and PostgreSQL,
    whose ids are read as the import reads them), where :func:`.sql_inputs._inputs` adds the import's stops on ids
    (``None``: the default compiler's, no)."""
    from .sql_dates import UTC_READS

    return engine is not None and engine not in UTC_READS


def trimmed_id(text: ir.StringValue, regex: bool = True) -> ir.StringValue:
    """``text`` without white space at either end: by regular expressions (:func:`.refusals.trimmed`), else ``TRIM``
    of spaces, tabs and line breaks."""
    from .refusals import trimmed

    return trimmed(text) if regex else text.strip()


def email_lowered(text: ir.StringValue) -> ir.StringValue:
    """``text`` in lower case where it is an e-mail address (holds ``@``), as the import reads it
    (:func:`~xl_retention.reading.values.emails_in_lower_case`): ``Ann@Example.com`` and ``ann@example.com`` are one
    customer. (``find``, not ``contains``: SQL Server's ``CONTAINS`` is a full-text search.)"""
    return (text.find("@") >= 0).ifelse(text.lower(), text)


def _portable(pattern: str) -> str:
    """``pattern`` (:data:`~xl_retention.reading.no_one_ids.PLACEHOLDER_EMAIL`) as every dialect's regular
    expressions read it, for an id already in lower case: no ``(?i)`` (Snowflake's, Oracle's POSIX have no inline
    flag), groups without ``?:``, white space in a bracket as the characters (POSIX reads ``\\s`` there as ``\\``
    and ``s``: ``walkin@store.com`` was no placeholder on Oracle)."""
    return pattern.removeprefix("(?i)").replace("(?:", "(").replace("\\s", " \t\n\r\f\v")


@cache
def _spelled() -> tuple[frozenset[str], str, tuple[str, ...]]:
    """:data:`~xl_retention.reading.no_one_ids.PLACEHOLDER_EMAIL`'s words spelled out: the parts before the ``@``
    (``noemail``, ``no.e-mail``, ...), the letter written any number of times alone there (``x``: ``xxx@``), and the
    domains' first words (``noemail``, ``none``, ...), each followed by a dot. Read from the pattern itself."""
    import re._parser as parser

    from ..reading.no_one_ids import PLACEHOLDER_EMAIL

    def spelled(items: list) -> list[str]:
        out = [""]
        for op, av in items:
            if op is parser.LITERAL:
                options = [chr(av)]
            elif op is parser.IN:
                options = [chr(v) for o, v in av if o is parser.LITERAL]
            elif op is parser.SUBPATTERN:
                options = spelled(list(av[-1]))
            elif op is parser.BRANCH:
                options = [s for alternative in av[1] for s in spelled(list(alternative))]
            elif op is parser.MAX_REPEAT and av[:2] == (0, 1):
                options = ["", *spelled(list(av[2]))]
            else:
                raise ValueError(f"no words spelled out of {op}")
            out = [a + b for a in out for b in options]
        return out

    tree = parser.parse(PLACEHOLDER_EMAIL.removeprefix("(?i)"))
    branch = next(av for op, av in tree if op is parser.BRANCH)
    before, after = (next(av for op, av in alternative if op is parser.BRANCH) for alternative in branch[1])
    words, repeated = set(), ""
    for alternative in before[1]:
        (op, av), *rest = alternative
        if op is parser.MAX_REPEAT and not rest and av[2][0][0] is parser.LITERAL:  # x+
            repeated += chr(av[2][0][1])
        else:
            words.update(spelled(list(alternative)))
    domains = tuple(sorted({w for alternative in after[1] for w in spelled(list(alternative))}))
    return frozenset(words), repeated, domains


def email_parts(lowered: ir.StringValue) -> dict[str, ir.Value]:
    """The id ``lowered``'s ``@`` (its position, -1 where none), the part before it and the domain after it, as
    :func:`placeholder_email` reads them without regular expressions: columns of a subquery there
    (:func:`.sql_inputs._ids_of_someone`), as each is read many times."""
    at = lowered.find("@")
    return {"__at": at, "__local": lowered.substr(0, at), "__domain": lowered.substr(at + 1)}


def placeholder_email(
    lowered: ir.StringValue, regex: bool = True, parts: dict[str, ir.Value] | None = None
) -> ir.BooleanValue:
    """Whether the id ``lowered`` (trimmed, in lower case) is a till's placeholder e-mail
    (:data:`~xl_retention.reading.no_one_ids.PLACEHOLDER_EMAIL`): by the pattern where the dialect has regular
    expressions, else by its words spelled out (:func:`_spelled`): the part before the only ``@`` one of them (or
    ``x``s), or the domain beginning with one and a dot (its rest, letters and dots in the pattern, unchecked: a
    stop, never a count, where they are not). ``parts``: :func:`email_parts` of ``lowered``, as columns.

    >>> t = ibis.table({"s": "string"}, name="t")
    >>> sql = str(ibis.to_sql(t.select(p=placeholder_email(t.s, regex=False)), dialect="sqlite"))
    >>> "'no.e-mail'" in sql, "REGEX" in sql.upper()
    (True, False)
    """
    from ..reading.no_one_ids import PLACEHOLDER_EMAIL

    if regex:
        return lowered.re_search(_portable(PLACEHOLDER_EMAIL))
    words, repeated, domains = _spelled()
    at, local, domain = (parts or email_parts(lowered)).values()
    spaced = ibis.or_(*[lowered.find(c) >= 0 for c in " \t"])
    one_at = (at >= 1) & (domain.length() >= 1) & (domain.find("@") < 0) & ~spaced
    of_no_one = local.isin(sorted(words))
    for c in repeated:
        of_no_one |= local.replace(c, "") == ""
    at_no_one = ibis.or_(*[domain.startswith(w + ".") & (domain.length() > len(w) + 1) for w in domains])
    return one_at & (of_no_one | at_no_one)
