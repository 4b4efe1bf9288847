"""An orders export whose last month holds only an order refunded in full (or cancelled, or a refund row) covers that
month (H266's finding 07): its purchase tables ended a month early, the note calling the export cut short ("2026-10 is
the last month of orders.csv (its last order) ... export it up to 2026-11", the file running to 2026-11-03). The month
is written as 0 buyers (rates blank, docs/metrics.md: NaN in a month without buyers), with a note saying why, on
pandas and DuckDB alike, from a CSV file and from a Parquet table."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import pandas as pd
import pytest
from import_cli import written

from xl_retention import cli

REFUNDED = (
    "order_id,customer_id,date,amount,status\n"
    "1001,ann@example.com,2026-09-03,9.99,paid\n"
    "1002,bob@example.com,2026-10-03,9.99,paid\n"
    "1003,ann@example.com,2026-11-03,9.99,{status}\n"
)
REFUND_ROW = "customer_id,date,amount\nann,2026-09-03,9.99\nbob,2026-10-03,9.99\nbob,2026-11-04,-9.99\n"
NOTE = (
    "{name}: none of the orders of 2026-11 was paid (refunded in full, cancelled or unpaid; or refunds): 2026-11 is "
    "written with 0 buyers (its rates blank), not left out as a month after the export's end"
)


def _purchases(out: Path) -> dict[str, tuple]:
    with open(out / "purchases.csv", newline="") as handle:
        return {
            row["month"]: (int(row["buyers"]), int(row["returning"]), row["returning_rate"] or None)
            for row in csv.DictReader(handle)
        }


def _imported(tmp_path: Path, capsys: pytest.CaptureFixture[str], path: Path, backend: str, *args: str):
    out = tmp_path / f"out-{backend}-{path.stem}"
    capsys.readouterr()
    assert cli.main(["import", "--orders", str(path), *args, "--backend", backend, "--to-csv", str(out)]) == 0
    return _purchases(out), capsys.readouterr().out


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("status", ["refunded", "cancelled", "voided"])
def test_a_last_month_of_unpaid_orders_is_written_as_zero_buyers(tmp_path, capsys, backend, status) -> None:
    path = written(tmp_path, "orders.csv", REFUNDED.format(status=status))
    table, out = _imported(tmp_path, capsys, path, backend, "--through", "2026-11")
    assert table == {"2026-09": (1, 0, "0.0"), "2026-10": (1, 0, "0.0"), "2026-11": (0, 0, None)}
    assert NOTE.format(name="orders.csv") in out
    assert "is the last month of orders.csv" not in out and "export it up to" not in out


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_last_month_of_a_refund_row_only_is_written_as_zero_buyers(tmp_path, capsys, backend) -> None:
    path = written(tmp_path, "refunds.csv", REFUND_ROW)
    table, out = _imported(tmp_path, capsys, path, backend, "--through", "2026-11")
    assert table == {"2026-09": (1, 0, "0.0"), "2026-10": (1, 0, "0.0"), "2026-11": (0, 0, None)}
    assert NOTE.format(name="refunds.csv") in out


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("text", [REFUNDED.format(status="refunded"), REFUND_ROW], ids=["status", "refund_row"])
def test_a_parquet_table_reads_alike(tmp_path, capsys, backend, text) -> None:
    written(tmp_path, "orders.csv", text)
    path = tmp_path / "orders.parquet"
    pd.read_csv(tmp_path / "orders.csv").to_parquet(path)
    table, out = _imported(tmp_path, capsys, path, backend, "--through", "2026-11")
    assert table == {"2026-09": (1, 0, "0.0"), "2026-10": (1, 0, "0.0"), "2026-11": (0, 0, None)}
    assert NOTE.format(name="orders.parquet") in out


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_through_before_the_unpaid_month_still_ends_the_tables(tmp_path, capsys, backend) -> None:
    path = written(tmp_path, "orders.csv", REFUNDED.format(status="refunded"))
    table, out = _imported(tmp_path, capsys, path, backend, "--through", "2026-10")
    assert table == {"2026-09": (1, 0, "0.0"), "2026-10": (1, 0, "0.0")}
    assert "0 buyers" not in out  # no word of a month left out


def test_the_python_tables_run_to_the_unpaid_month_on_both_engines() -> None:
    from xl_retention import relational, tables
    from xl_retention.reading import ReadOptions

    frame = pd.read_csv(io.StringIO(REFUNDED.format(status="refunded")))
    options = ReadOptions(today="2026-12-04")
    with pytest.warns(UserWarning, match="none of the orders of 2026-11 was paid"):
        local = tables.repeat_purchases(frame, options=options)
    with pytest.warns(UserWarning, match="none of the orders of 2026-11 was paid"):
        engine = relational.repeat_purchases(frame, options=options, backend="duckdb")
    for result in (local, engine):
        assert [str(m) for m in result.index] == ["2026-09", "2026-10", "2026-11"]
        assert result["buyers"].tolist() == [1, 1, 0]
        assert math.isnan(result["returning_rate"].iloc[-1])
    with pytest.warns(UserWarning, match="none of the orders of 2026-11 was paid"):
        cohorts = tables.cohorts_from_orders(frame, options=options)
    assert list(map(str, cohorts.columns))[-1] == "2" and cohorts.iloc[0].tolist()[:3] == [1.0, 0.0, 0.0]
