"""DuckDB (``relational/inputs.snapshots_of``, every engine's path) counted a subscription starting later in the
current month, after the run's date, as that month's new customer with its MRR (December's MRR 60 on 2 December),
where the pandas import counts it in no month yet (d3eb6eb, docs/metrics.md "Months not observed yet"); a file of only
such starts gave empty tables where the import refuses it. Both engines now agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention.reading import DataError, ReadOptions
from xl_retention.relational.load import load_tables

TODAY = "2026-12-02"


@pytest.mark.parametrize(("start", "december"), [("2026-12-20", 10.0), ("2026-12-02", 60.0)])
def test_a_start_after_today_counts_nowhere_on_every_engine(tmp_path: Path, start: str, december: float) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(f"customer_id,start,end,mrr\na,2026-10-03,,10.0\nb,{start},,50.0\n")
    options = ReadOptions(today=TODAY, refuse_missing_months=True)
    for backend in ("pandas", "duckdb"):
        tables = load_tables(subscriptions=str(path), backend=backend, options=options)
        moves = tables.movements
        assert moves.index.astype(str).tolist() == ["2026-10", "2026-11", "2026-12"], backend
        assert moves["mrr_end"].tolist() == [10.0, 10.0, december], backend
        assert moves["new"].tolist() == [1, 0, int(december == 60.0)], backend


def test_a_file_of_only_starts_after_today_is_refused_on_every_engine(tmp_path: Path) -> None:
    path = tmp_path / "only.csv"
    path.write_text("customer_id,start,end,mrr\nb,2026-12-20,,50.0\n")
    options = ReadOptions(today=TODAY, refuse_missing_months=True)
    for backend in ("pandas", "duckdb"):
        with pytest.raises(DataError) as refused:
            load_tables(subscriptions=str(path), backend=backend, options=options)
        assert str(refused.value) == (
            "only.csv, column 'start': every start is after today (2026-12-02): nothing is observed yet in row 2 "
            "(counting the header as row 1): '2026-12-20'"
        ), backend
