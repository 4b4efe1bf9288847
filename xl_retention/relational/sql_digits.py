"""The digits 0-9 the cohort tables' months are counted with in SQL for a dialect without a series of months.

Ibis writes no range unnested for MySQL, SQL Server, Oracle or SQLite, so their cohort tables counted only the months
some cell of a cohort fell in: a month without any order (or subscription) had no row, where the import writes one of
0 (and the earlier cohorts' cells of that month). :func:`~.definitions._numbered_calendar` counts the months with a
table of the ten digits (:data:`~.definitions.DIGITS`); :func:`with_digits` writes that table in the SQL as ten
constants, ``(SELECT 0 AS d UNION ALL SELECT 1 AS d ...)`` (Oracle's ``FROM DUAL``), written by sqlglot, so the
SQL reads no table the warehouse lacks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .definitions import DIGITS

if TYPE_CHECKING:
    from sqlglot.expressions import Expression

__all__ = ["with_digits"]


def with_digits(sql: str | Expression, dialect: str) -> str:
    """``sql`` (in the sqlglot ``dialect``) with each read of the table :data:`~.definitions.DIGITS` a subquery of
    the ten digits under the same alias; ``sql`` unchanged where it reads none. ``sql`` may be the statement's
    sqlglot tree as Ibis compiled it (``compiler.to_sqlglot``, reading the digits), rewritten in place: the same SQL
    as its text would give for MySQL and Oracle (an ``EXTRACT``'s unit in capitals, ``IS NOT NULL`` a ``NOT``, as
    sqlglot reads them), without writing and reading again Oracle's SQL of up to 800,000 characters.

    >>> " ".join(with_digits("SELECT t.d FROM xl_retention_digits AS t", "mysql").split())[:76]
    'SELECT t.d FROM ( SELECT 0 AS `d` UNION ALL SELECT 1 AS `d` UNION ALL SELECT'
    >>> " ".join(with_digits('SELECT "t"."d" FROM "xl_retention_digits" "t"', "oracle").split())[-41:]
    'UNION ALL SELECT 9 AS "d" FROM DUAL ) "t"'
    """
    import sqlglot
    from sqlglot import expressions as exp

    if isinstance(sql, exp.Expression):
        tree = sql
        for extract in list(tree.find_all(exp.Extract)):  # EXTRACT(year FROM ..) read back from its text: YEAR
            if isinstance(extract.this, exp.Var):
                extract.set("this", exp.var(extract.this.name.upper()))
        for test in list(tree.find_all(exp.Is)):  # Ibis' `x IS NOT NULL` read back from its text: NOT (x IS NULL)
            if isinstance(test.expression, exp.Not) and isinstance(test.expression.this, exp.Null):
                test.replace(exp.Not(this=exp.Is(this=test.this, expression=exp.Null())))
    elif DIGITS not in sql:
        return sql
    else:
        tree = sqlglot.parse_one(sql, read=dialect)

    rows = [exp.select(exp.alias_(exp.Literal.number(i), "d", quoted=True)) for i in range(10)]
    if dialect == "oracle":  # a SELECT reads a table there
        rows = [row.from_("DUAL") for row in rows]
    digits = exp.union(*rows, distinct=False)

    def written(node: exp.Expression) -> exp.Expression:
        if isinstance(node, exp.Table) and node.name == DIGITS and not node.db:
            return exp.Subquery(this=digits.copy(), alias=node.args.get("alias"))
        return node

    return tree.transform(written, copy=False).sql(dialect=dialect, pretty=True)
