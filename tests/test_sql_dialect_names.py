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
