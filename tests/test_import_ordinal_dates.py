"""Dates whose day is an English ordinal ("January 31st, 2024", "1st February 2024", "March 2nd, 2024") were refused
as "dates in another format than the rest of the column (%B %dst, %Y)": pandas' format guess kept the first row's
suffix as a literal, so every other suffix failed. The suffix is no part of the date: the dates are read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    "dates",
    [
        ["January 31st, 2024", "February 1st, 2024", "March 2nd, 2024", "March 3rd, 2024", "April 11th, 2024"],
        ["31st January 2024", "1st February 2024", "2nd March 2024", "3rd March 2024", "11th April 2024"],
    ],
)
def test_ordinal_days_are_dates(tmp_path: Path, backend: str, dates: list[str]) -> None:
    path = tmp_path / "orders.csv"
    rows = zip(["a", "b", "a", "c", "d"], dates, strict=True)
    path.write_text("customer_id,date,amount\n" + "".join(f'{c},"{d}",10\n' for c, d in rows))
    purchases = pd.read_csv(run(tmp_path, "--orders", path, backend=backend) / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [
        ["2024-01", 1, 0], ["2024-02", 1, 0], ["2024-03", 2, 1], ["2024-04", 1, 0],
    ]  # fmt: skip
