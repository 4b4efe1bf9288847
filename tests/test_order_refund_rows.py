"""A shop's refund line on an order (a negative amount with the order's id) is taken off that order: an order
refunded in full is no purchase, as with a refunded amount column (docs/metrics.md, "Orders").

Before, the order's rows summed to 0 and "an order of amount 0 is an order" counted it: 2 buyers where the same
facts with a refunded amount column gave 1; a refund dated when it was made stopped the import.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli


def _import(tmp_path: Path, text: str, backend: str) -> Path:
    source = tmp_path / "orders.csv"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / f"out-{backend}"
    assert cli.main(["import", "--orders", str(source), "--backend", backend, "--to-csv", str(out)]) == 0
    return out


def _refused(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> str:
    source = tmp_path / "orders.csv"
    source.write_text(text, encoding="utf-8")
    assert cli.main(["import", "--orders", str(source), "--to-csv", str(tmp_path / "out")]) == 1
    return capsys.readouterr().err.strip()


HEAD = "order_id,customer_id,date,amount\n"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_order_refunded_in_full_by_a_refund_row_is_no_purchase(tmp_path: Path, backend: str) -> None:
    rows = _import(
        tmp_path, HEAD + "O1,C1,2026-04-10,100.00\nO1,C1,2026-04-10,-100.00\nO2,C2,2026-04-11,50.00\n", backend
    )
    with_column = tmp_path / "column"
    with_column.mkdir()
    column = _import(
        with_column,
        "order_id,customer_id,date,amount,amount_refunded\nO1,C1,2026-04-10,100.00,100.00\nO2,C2,2026-04-11,50.00,0\n",
        backend,
    )
    for out in (rows, column):
        purchases = pd.read_csv(out / "purchases.csv")
        assert purchases[["month", "buyers"]].values.tolist() == [["2026-04", 1]]
        assert pd.read_csv(out / "order_revenue_cohorts.csv").iloc[0].tolist() == ["2026-04", 50.0]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_partial_refund_row_is_taken_off_its_order(tmp_path: Path, backend: str) -> None:
    text = HEAD + "O1,C1,2026-04-10,100.00\nO1,C1,2026-04-10,-30.00\nO2,C2,2026-04-11,50.00\nO3,C1,2026-05-03,20\n"
    out = _import(tmp_path, text, backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2026-04", 2, 0], ["2026-05", 1, 1]]
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert revenue.iloc[0].tolist() == ["2026-04", 120.0, 20.0]  # 70 + 50 in April, C1's 20 a month later


@pytest.mark.parametrize("newest_first", [False, True])
def test_a_refund_row_dated_when_the_refund_was_made(tmp_path: Path, newest_first: bool) -> None:
    """The refund of April's order made in May: April's order is refunded in full (no purchase); listed newest
    first, the order's date is still its sale's."""
    lines = ["O1,C1,2026-04-10,100.00", "O2,C2,2026-04-11,50.00", "O1,C1,2026-05-02,-100.00", "O4,C3,2026-05-09,10"]
    out = _import(tmp_path, HEAD + "\n".join(reversed(lines) if newest_first else lines) + "\n", "pandas")
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers"]].values.tolist() == [["2026-04", 1], ["2026-05", 1]]


def test_a_refund_before_its_order_or_above_it_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    early = _refused(tmp_path, HEAD + "O1,C1,2026-04-10,100.00\nO1,C1,2026-03-02,-100.00\n", capsys)
    assert "refund rows (negative amounts) of an order (order_id 'O1') dated before the order in row 3" in early
    assert "\n" not in early
    over = _refused(tmp_path, HEAD + "O1,C1,2026-04-10,100.00\nO1,C1,2026-04-10,-130.00\n", capsys)
    assert "refund rows above their order's amount (order order_id 'O1': -30 in all) in row 3" in over
