"""Exports that guard against CSV injection (OWASP's "CSV Injection" page: prefix a cell starting with ``=``, ``+``,
``-`` or ``@`` with a single quote) write a refund's ``-10.00`` as ``'-10.00``: such a file was refused ("values that
are not numbers", a valid file refused). A quote before a sign is that guard: ``'-10.00`` is -10.00, ``'+5`` is 5;
other text stays refused."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

ORDERS = (
    "order_id,customer_id,date,amount\n"
    "1001,a,2026-01-05,30.00\n"
    "1002,b,2026-01-09,'+20.00\n"
    "1001,a,2026-01-20,'-10.00\n"  # the refund of 10.00 of order 1001, guarded
    "1003,a,2026-02-03,15.00\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_guarded_refund_is_a_negative_amount(tmp_path: Path, backend: str) -> None:
    (tmp_path / "orders.csv").write_text(ORDERS)
    out = run(tmp_path, "--orders", tmp_path / "orders.csv", backend=backend)
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort")
    # hand count: January's cohort (a, b) paid 30.00 - 10.00 + 20.00 in January, a's 15.00 in February
    assert revenue.loc["2026-01"].round(2).tolist() == [40.0, 15.0]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_other_quoted_text_is_still_no_number(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str) -> None:
    (tmp_path / "orders.csv").write_text(ORDERS.replace("'-10.00", "'=A1"))
    err = refusal(capsys, "--orders", str(tmp_path / "orders.csv"), "--backend", backend, "--to-csv",
                  str(tmp_path / "o"))  # fmt: skip
    assert err.startswith("orders.csv, column 'amount': values that are not numbers in row 4 (counting the header")
