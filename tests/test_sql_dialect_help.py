"""``xl-retention sql --dialect``'s help was typed by hand beside ``relational/sql.DIALECTS`` (the list its refusal
of an unknown dialect names) and did not say that MySQL, SQL Server and Oracle got the cohort tables only (every
table since H327: tests/test_h327_sql_monthly_digits.py); a dialect whose SQL Ibis writes without a series of months
and whose cohort tables fail too (Impala, Flink) was told "the cohort tables can be written". The help is now built
from :data:`xl_retention.relational.dialects.DIALECTS`, which these tests hold to what :func:`render` writes."""

from __future__ import annotations

import pytest
from import_cli import status_and_error, status_and_output

from xl_retention.relational import dialects
from xl_retention.relational.sql import DIALECTS, render

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_the_help_names_the_dialects(capsys: pytest.CaptureFixture[str]) -> None:
    assert DIALECTS is dialects.DIALECTS
    assert dialects.dialect_help() == (  # MySQL, SQL Server and Oracle get every table since H327 (the months' digits)
        "duckdb (default), postgres, spark, snowflake, bigquery, trino, databricks, mssql, mysql, oracle, ... (any "
        "SQL dialect Ibis compiles to)"
    )
    with pytest.raises(SystemExit):
        status_and_output(capsys, "sql", "--help")
    shown = " ".join(capsys.readouterr().out.split())
    assert f"--dialect DIALECT {dialects.dialect_help()} --table NAME" in shown


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_help_says_what_each_dialect_gets(dialect: str) -> None:
    assert render(dialect, tables=["subscription_cohorts", "order_cohorts"]).count("SELECT") >= 2
    assert "-- movements (xl-retention subscriptions -> movements" in render(dialect, tables=["movements"])


def test_a_dialect_of_no_table_is_not_told_the_cohort_tables_can_be_written(capsys) -> None:
    status, error = status_and_error(capsys, "sql", "--dialect", "impala", "--table", "subscription_cohorts")
    assert (status, error) == (
        1,
        "cannot write SQL for dialect 'impala': the subscription_cohorts table needs a series of months (a range "
        "unnested), which Ibis does not write for it; the cohort tables need one too: write the SQL for another "
        "dialect",
    )
