"""Overlapping exports appended to an orders or answers file kept NEWEST first (Shopify's, Stripe's, PayPal's and
SurveyMonkey's order), without a record id: the overlap was counted twice, silently (H50 finding 02: Feb repeat
purchase rate 100% for 0%, the Feb cohort's revenue 110 for 55, NPS from 6 answers for 3): the check only looked
where the dates go back. The seam of a newest-first file is where the dates go forward again; and an export pasted
ABOVE the old one (either order) repeats the old one's first rows at the end of the one below. Both are refused,
naming the rows; a newest-first file with late rows, or out of order, is read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

# export of 11 March (newest first), then the export of 21 February below it: 2024-02-01..20 in both
NEWER = [("x", "2024-03-10", 40), ("y", "2024-03-02", 25), ("z", "2024-02-20", 30), ("x", "2024-02-12", 40),
         ("w", "2024-02-05", 15), ("v", "2024-02-01", 10)]  # fmt: skip
OLDER = [("z", "2024-02-20", 30), ("x", "2024-02-12", 40), ("w", "2024-02-05", 15), ("v", "2024-02-01", 10),
         ("y", "2024-01-15", 25), ("x", "2024-01-05", 40)]  # fmt: skip
COLUMNS = ("--columns", "customer_id=Customer,date=Date,amount=Amount")
REST = (
    "overlapping exports appended?), in a file without an order id to tell two orders apart: each would count twice "
    "in rows "
)
TAIL = ": remove the repeated rows, or add the export's order id column"


def _orders(path: Path, rows: list[tuple[str, str, int]]) -> Path:
    path.write_text("Customer,Date,Amount\n" + "".join(f"{c},{d},{a}\n" for c, d, a in rows))
    return path


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_newest_first_exports_appended_are_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = _orders(tmp_path / "orders.csv", NEWER + OLDER)
    assert refusal(capsys, "--orders", str(path), *COLUMNS, "--backend", backend, "--to-csv", str(tmp_path / "o")) == (
        f"orders.csv, column 'Customer': rows repeating earlier rows in the same order (rows 8-11 are rows 4-7 again: "
        f"{REST}8, 9, 10, 11 (counting the header as row 1): 'z', 'x', 'w', 'v'{TAIL}"
    )
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("rows", "again"),
    [  # the newer export pasted above the older one: oldest first, and newest first (older export on top)
        ([*reversed(NEWER), *reversed(OLDER)], "rows 10-13 are rows 2-5 again: {REST}10, 11, 12, 13 (counting the "
         "header as row 1): 'v', 'w', 'x', 'z'"),
        ([*OLDER, *NEWER], "rows 10-13 are rows 2-5 again: {REST}10, 11, 12, 13 (counting the header as row 1): "
         "'z', 'x', 'w', 'v'"),
    ],
)  # fmt: skip
def test_an_export_pasted_above_the_old_one_is_refused(tmp_path: Path, capsys, rows, again: str) -> None:
    path = _orders(tmp_path / "orders.csv", rows)
    assert refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "orders.csv, column 'Customer': rows repeating earlier rows in the same order ("
        + again.format(REST=REST)
        + TAIL
    )


@pytest.mark.parametrize(
    "rows",
    [  # once each, newest first; the same, a late order of January written at the top; a file in no order
        [*NEWER, *OLDER[4:]],
        [("x", "2024-01-05", 40), *NEWER, ("y", "2024-01-15", 25)],
        [NEWER[3], NEWER[0], OLDER[5], NEWER[5], NEWER[1], OLDER[4], NEWER[2], NEWER[4]],
    ],
)
def test_newest_first_and_unsorted_orders_once_are_read(tmp_path: Path, rows) -> None:
    out = run(tmp_path, "--orders", _orders(tmp_path / "orders.csv", rows), *COLUMNS)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases["buyers"].tolist() == [2, 4, 2]  # x, y; z, x, w, v; x, y
    assert purchases["repeat_purchasers"].tolist() == [0, 0, 0]
    cohorts = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert cohorts.iloc[:, 1:].fillna(-1).to_numpy().tolist()[:2] == [[65.0, 40.0, 65.0], [55.0, 0.0, -1]]


def test_newest_first_answers_appended_are_refused(tmp_path: Path, capsys) -> None:
    newer = ["2024-03-10 10:00:00,9", "2024-02-20 11:00:00,3", "2024-02-12 09:30:00,10", "2024-02-05 14:00:00,8"]
    older = ["2024-02-20 11:00:00,3", "2024-02-12 09:30:00,10", "2024-02-05 14:00:00,8", "2024-01-15 08:00:00,2"]
    path = tmp_path / "answers.csv"
    path.write_text("Date,Score\n" + "\n".join(newer + older) + "\n")
    assert refusal(
        capsys, "--nps", str(path), "--columns", "date=Date,score=Score", "--to-csv", str(tmp_path / "o")
    ) == (
        "answers.csv, column 'Date': rows repeating earlier rows in the same order (rows 6-8 are rows 3-5 again: "
        "overlapping exports appended?), in a file without a response id to tell two answers apart: each would count "
        "twice in rows 6, 7, 8 (counting the header as row 1): '2024-02-20 11:00:00', '2024-02-12 09:30:00', "
        "'2024-02-05 14:00:00': remove the repeated rows, or add the export's response id column"
    )


def test_newest_first_answers_by_day_the_whole_end_again_are_refused_by_chance_read(tmp_path: Path, capsys) -> None:
    # by day: the old export's whole end again (rows 2-5 in 6-9) is refused; three alike not the whole end are read
    path = tmp_path / "answers.csv"
    path.write_text(
        "Date,Score\n2024-01-20,8\n2024-01-06,3\n2024-01-05,9\n2024-01-05,10\n"
        "2024-02-02,6\n2024-01-20,8\n2024-01-06,3\n2024-01-05,9\n2024-01-05,10\n"
    )
    assert refusal(
        capsys, "--nps", str(path), "--columns", "date=Date,score=Score", "--to-csv", str(tmp_path / "o")
    ) == (
        "answers.csv, column 'Date': rows repeating earlier rows in the same order (rows 7-10 are rows 2-5 again: "
        "overlapping exports appended?), in a file without a response id to tell two answers apart: each would count "
        "twice in rows 7, 8, 9, 10 (counting the header as row 1): '2024-01-20', '2024-01-06', '2024-01-05', "
        "'2024-01-05': remove the repeated rows, or add the export's response id column"
    )
    path.write_text(
        "Date,Score\n2024-01-21,7\n2024-01-06,3\n2024-01-05,9\n2024-01-05,10\n"
        "2024-02-02,6\n2024-01-22,8\n2024-01-06,3\n2024-01-05,9\n2024-01-05,10\n"
    )
    nps = pd.read_csv(run(tmp_path, "--nps", path, "--columns", "date=Date,score=Score") / "nps.csv")
    assert nps["responses"].tolist() == [8, 1]


def test_a_start_whose_rows_differ_at_once_costs_a_few_rows(monkeypatch) -> None:
    # two exports of 20k orders, no overlap in their rows though the dates overlap: each of the 20 start rows tried
    # is compared a few rows at a time (before: the whole 10k rows up to the seam, every start; either order)
    import numpy as np

    from xl_retention.reading import appended_copies, repeats

    days = np.repeat(np.arange(400), 50).astype("timedelta64[D]") + np.datetime64("2024-01-01", "D")
    dates = np.concatenate([days, days[10_000:]])
    frame = pd.DataFrame({"customer_id": np.arange(len(dates)).astype(str), "amount": 1.0})
    seen = []
    text = repeats._text
    monkeypatch.setattr(repeats, "_text", lambda values: seen.append(len(values)) or text(values))
    appended_copies.check_appended_copies(frame, dates, "o.csv", "customer_id", "orders")
    assert 0 < sum(seen) <= 2 * 20 * 2 * 8  # both seams' looks, 20 starts each, 2 slices of 8 rows
    seen.clear()
    appended_copies.check_appended_copies(frame[::-1], dates[::-1], "o.csv", "customer_id", "orders")  # newest first
    assert 0 < sum(seen) <= 2 * 20 * 2 * 8  # both seams' looks, 20 starts each, 2 slices of 8 rows


def test_an_export_taken_in_the_middle_of_a_busy_day_is_found(tmp_path: Path, capsys) -> None:
    # newest first, dates by day: 30 orders on 20 February; the older export, taken that noon, holds its 10 morning
    # orders (the last 10 of the day in the newer export), then 10 February's: its first row is no day's first
    day = [(f"c{i:02d}", "2024-02-20", 100 + i) for i in range(30)]
    tenth = [(f"d{i}", "2024-02-10", 10 + i) for i in range(3)]
    newer = [("e0", "2024-03-02", 5), ("e1", "2024-03-01", 6), *day, *tenth]
    older = [*day[20:], *tenth, ("f0", "2024-01-15", 7), ("f1", "2024-01-05", 8)]
    path = _orders(tmp_path / "orders.csv", newer + older)
    assert refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "orders.csv, column 'Customer': rows repeating earlier rows in the same order (rows 37-49 are rows 24-36 "
        f"again: {REST}37, 38, 39, 40, 41 and 8 more (counting the header as row 1): 'c20', 'c21', 'c22', 'c23', 'c24'"
        f"{TAIL}"
    )
