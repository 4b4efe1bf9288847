"""Overlapping exports appended to an orders or answers file without a record id: the repeated block counted twice
(H36 finding 05: Jan repeat rate 100% for 0, revenue 440 for 220; Google Forms answers: Jan NPS 33.3 for 0)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

TIMES = (
    "customer_id,date,amount\na,2024-01-05 10:01:02,100\nb,2024-01-06 11:02:03,50\nc,2024-01-20 09:00:00,70\n"
    "a,2024-01-05 10:01:02,100\nb,2024-01-06 11:02:03,50\nc,2024-01-20 09:00:00,70\na,2024-02-05 12:00:00,30\n"
)
DAYS = (
    "Customer Email,Order Date,Total\na@x.com,2024-01-05,100\nb@x.com,2024-01-06,50\nc@x.com,2024-01-20,70\n"
    "a@x.com,2024-02-01,30\na@x.com,2024-01-05,100\nb@x.com,2024-01-06,50\nc@x.com,2024-01-20,70\n"
    "a@x.com,2024-02-01,30\nd@x.com,2024-02-07,20\n"
)
ORDERS_REST = "in a file without an order id to tell two orders apart: each would count twice in rows "
TAIL = ": remove the repeated rows, or add the export's order id column"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_repeated_block_of_orders_is_refused_naming_its_rows(tmp_path: Path, capsys, backend: str) -> None:
    (tmp_path / "times.csv").write_text(TIMES)
    assert refusal(capsys, "--orders", str(tmp_path / "times.csv"), "--backend", backend, "--to-csv",
                   str(tmp_path / "o")) == (
        "times.csv, column 'customer_id': rows repeating earlier rows in the same order (rows 5-7 are rows 2-4 "
        f"again: overlapping exports appended?), {ORDERS_REST}5, 6, 7 (counting the header as row 1): 'a', 'b', 'c'"
        + TAIL
    )  # fmt: skip
    (tmp_path / "days.csv").write_text(DAYS)
    columns = ("--columns", "customer_id=Customer Email,date=Order Date,amount=Total")
    assert refusal(capsys, "--orders", str(tmp_path / "days.csv"), *columns, "--to-csv", str(tmp_path / "o")) == (
        "days.csv, column 'Customer Email': rows repeating earlier rows in the same order (rows 6-9 are rows 2-5 "
        f"again: overlapping exports appended?), {ORDERS_REST}6, 7, 8, 9 (counting the header as row 1): 'a@x.com', "
        f"'b@x.com', 'c@x.com', 'a@x.com'{TAIL}"
    )


def test_orders_again_by_chance_are_orders(tmp_path: Path) -> None:
    # two customers buying again on one day as before (days, no time: two rows are no block), and the block once
    path = tmp_path / "orders.csv"
    path.write_text(
        "customer_id,date,amount\na,2024-01-05,100\nb,2024-01-06,50\nc,2024-01-20,70\na,2024-01-05,100\n"
        "b,2024-01-06,50\nd,2024-02-05,30\n"
    )
    out = run(tmp_path, "--orders", path)
    assert (out / "purchases.csv").read_text().splitlines()[1:] == ["2024-01,3,2,0,0.6666666666666666,0.0",
                                                                     "2024-02,1,0,0,0.0,0.0"]  # fmt: skip


def test_answers_appended_again_are_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "gf.csv"
    path.write_text(
        "Timestamp,How likely are you to recommend us?\n1/5/2024 10:01:02,10\n1/6/2024 11:02:03,9\n"
        "1/5/2024 10:01:02,10\n1/6/2024 11:02:03,9\n1/20/2024 9:00:00,0\n1/21/2024 9:30:00,3\n2/5/2024 12:00:00,9\n"
    )
    columns = "date=Timestamp,score=How likely are you to recommend us?"
    assert refusal(capsys, "--nps", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")) == (
        "gf.csv, column 'Timestamp': rows repeating earlier rows in the same order (rows 4-5 are rows 2-3 again: "
        "overlapping exports appended?), in a file without a response id to tell two answers apart: each would count "
        "twice in rows 4, 5 (counting the header as row 1): '1/5/2024 10:01:02', '1/6/2024 11:02:03': remove the "
        "repeated rows, or add the export's response id column"
    )
