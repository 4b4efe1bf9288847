"""``xl-retention sql --dialect`` of a name no SQL dialect has (a typo, ``excel``) said only Ibis' "Unknown dialect
excel" (H92, a new user); it now names the dialects to choose from, as ``--help`` does."""

from __future__ import annotations

import pytest
from import_cli import status_and_error


def test_an_unknown_dialect_names_the_dialects(capsys: pytest.CaptureFixture[str]) -> None:
    status, error = status_and_error(capsys, "sql", "--dialect", "excel")
    assert status == 1
    assert error == (
        "cannot write SQL for dialect 'excel': no SQL dialect of that name: give one of duckdb, postgres, spark, "
        "snowflake, bigquery, trino, databricks, mssql, mysql, oracle or another Ibis writes"
    )


def test_an_operation_the_dialect_lacks_is_said_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    """Druid's compiler has no regular-expression replace: the refusal quoted Ibis' "Compilation rule for
    'RegexReplace' operation is not defined"; it now says which table needs what, and what to do."""
    status, error = status_and_error(capsys, "sql", "--dialect", "druid", "--table", "movements")
    assert status == 1
    assert error == (
        "cannot write SQL for dialect 'druid': the movements table needs a regex replace, which Ibis does not write "
        "for it: write the SQL for another dialect"
    )
