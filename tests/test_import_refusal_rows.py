"""A refusal made after the rows of one order (its line items) or of one customer's month (several subscriptions)
were joined named the joined table's rows, not the file's: the 1901 order on the file's row 4 was 'row 3'."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.reading import DataError
from xl_retention.tables import monthly_movements

ROWS = "(counting the header as row 1)"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_dates_a_century_apart_name_the_files_rows(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("order_id,customer_id,date,amount\n1,a,05/01/2024,10\n1,a,05/01/2024,5\n2,b,05/01/1901,10\n")
    code = cli.main(["import", "--orders", str(path), "--dayfirst", "--backend", backend, "--to-csv", str(tmp_path)])
    assert code != 0
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith(
            f"dates more than 100 years apart (from 1901-01 to 2024-01) in rows 2, 4 {ROWS}: '2024-01-05', '1901-01-05'"
        )
    )


def test_a_snapshots_months_a_century_apart_name_the_files_rows() -> None:
    snaps = pd.DataFrame({"customer_id": ["a", "a", "b"], "subscription_id": ["s1", "s2", "s3"],
                          "month": ["1901-01", "1901-01", "2024-01"], "mrr": [10, 5, 10]})  # fmt: skip
    with pytest.raises(DataError) as caught:
        monthly_movements(snaps, source="subs.csv")
    assert str(caught.value) == (
        f"subs.csv, column 'month': dates more than 100 years apart (from 1901-01 to 2024-01) in rows 2, 4 {ROWS}: "
        "'1901-01-01', '2024-01-01'"
    )
