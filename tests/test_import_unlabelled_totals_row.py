"""A report's totals row without a label (its date and id blank, its figure the sum of the other rows), right below
the header or at the end, is refused as the totals it is, not as "a guest's or till sale" or "a visit without a
login" whose ids should be filled in (H213's finding 08). A row without an id that is no total keeps that advice."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import xl_retention.relational as R
from xl_retention import cli

ERROR = "xl-retention: error: "
TOTALS = (
    "a summary row of the export (its totals, not data: its ids and dates blank, its figure the sum of the other rows)"
)


def _refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, text: str, mapping: str) -> str:
    (tmp_path / "in.csv").write_text(text, encoding="utf-8")
    args = ["import", option, str(tmp_path / "in.csv"), "--columns", mapping, "--to-csv", str(tmp_path / "t")]
    assert cli.main(args) == 1
    assert not (tmp_path / "t").exists()
    return capsys.readouterr().err.strip()


def test_orders_totals_below_the_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Date,Customer,Amount\n,,66.00\n2026-10-01,ann,30.00\n2026-10-05,bob,16.00\n2026-11-01,ann,20.00\n"
    assert _refusal(tmp_path, capsys, "--orders", text, "customer_id=Customer") == (
        f"{ERROR}in.csv, column 'Amount': {TOTALS} in row 2 (counting the header as row 1): '66.00': remove it"
    )


def test_visits_totals_at_the_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Date,Client ID,Sessions\n20261001,111.222,3\n20261002,111.333,1\n20261101,111.222,2\n,,6\n"
    assert _refusal(tmp_path, capsys, "--visits", text, "visitor_id=Client ID") == (
        f"{ERROR}in.csv, column 'Sessions': {TOTALS} in row 5 (counting the header as row 1): '6': remove it"
    )


def test_a_row_without_an_id_that_is_no_total_is_still_a_guests(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Date,Customer,Amount\n,,65.00\n2026-10-01,ann,30.00\n2026-10-05,bob,16.00\n2026-11-01,ann,20.00\n"
    err = _refusal(tmp_path, capsys, "--orders", text, "customer_id=Customer")
    assert "a guest's or till sale?" in err and "totals" not in err


def test_a_frame_with_a_totals_row_is_refused_alike() -> None:
    orders = pd.DataFrame(
        {
            "date": [None, "2026-10-01", "2026-10-05", "2026-11-01"],
            "customer_id": [None, "ann", "bob", "ann"],
            "amount": [66.0, 30.0, 16.0, 20.0],
        }
    )
    with pytest.raises(ValueError) as caught:
        R.order_tables(orders)
    assert str(caught.value) == f"input, column 'amount': {TOTALS} in the row at index 0: 66.0: remove it"
