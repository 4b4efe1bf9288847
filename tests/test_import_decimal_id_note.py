"""The note on ids written as decimals ('123' and '123.0' read as one) names the file and the column it was made
on, so that a user with several inputs knows which to look at (H14's 123.0 note)."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention import cli


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_note_names_the_file_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str) -> None:
    (tmp_path / "orders.csv").write_text(
        "Customer,date,amount\n1001,2024-01-05,20\n1002,2024-01-09,30\n1001.0,2024-02-03,25\n"
    )
    (tmp_path / "visits.csv").write_text("visitor_id,date\nv1,2024-01-05\nv2,2024-01-06\nv1,2024-02-01\n")
    args = ["import", "--orders", str(tmp_path / "orders.csv"), "--visits", str(tmp_path / "visits.csv"),
            "--columns", "customer_id=Customer", "--backend", backend, "--to-csv", str(tmp_path / "t")]  # fmt: skip
    assert cli.main(args) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if "decimals" in line]
    assert lines == [
        "orders.csv, column 'Customer': ids written as decimals ('1001.0') read as the whole numbers the other rows "
        "write ('1001.0' and '1001' one id)"
    ]
