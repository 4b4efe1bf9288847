"""The digits 0-9 the cohort tables' months are counted with in SQL for a dialect without a series of months.

Ibis writes no range unnested for MySQL, SQL Server, Oracle or SQLite, so their cohort tables counted only the months
some cell of a cohort fell in: a month without any order (or subscription) had no row, where the import writes one of
0 (and the earlier cohorts' cells of that month). :func:`~.definitions._numbered_calendar` counts the months with a
table of the ten digits (:data:`~.definitions.DIGITS`); :func:`with_digits` writes that table in the SQL as ten
constants, ``(SELECT 0 AS d UNION ALL SELECT 1 AS d ...)`` (Oracle's ``FROM DUAL``), written by sqlglot, so the
SQL reads no table the warehouse lacks.
"""

from __future__ import annotations

from .definitions import DIGITS

__all__ = ["with_digits"]


def with_digits(sql: str, dialect: str) -> str:
    """``sql`` (in the sqlglot ``dialect``) with each read of the table :data:`~.definitions.DIGITS` a subquery of
    the ten digits under the same alias; ``sql`` unchanged where it reads none.

    >>> " ".join(with_digits("SELECT t.d FROM xl_retention_digits AS t", "mysql").split())[:76]
    'SELECT t.d FROM ( SELECT 0 AS `d` UNION ALL SELECT 1 AS `d` UNION ALL SELECT'
    >>> " ".join(with_digits('SELECT "t"."d" FROM "xl_retention_digits" "t"', "oracle").split())[-41:]
    'UNION ALL SELECT 9 AS "d" FROM DUAL ) "t"'
    """
    if DIGITS not in sql:
        return sql
    import sqlglot
    from sqlglot import expressions as exp

    rows = [exp.select(exp.alias_(exp.Literal.number(i), "d", quoted=True)) for i in range(10)]
    if dialect == "oracle":  # a SELECT reads a table there
        rows = [row.from_("DUAL") for row in rows]
    digits = exp.union(*rows, distinct=False)

    def written(node: exp.Expression) -> exp.Expression:
        if isinstance(node, exp.Table) and node.name == DIGITS and not node.db:
            return exp.Subquery(this=digits.copy(), alias=node.args.get("alias"))
        return node

    return sqlglot.parse_one(sql, read=dialect).transform(written).sql(dialect=dialect, pretty=True)
