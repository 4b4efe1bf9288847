"""A yes/no column whose false says an order was not paid (H527 finding 03; xl_retention.reading.order_flags).

A Maxio/Chargify transactions export's Payment rows carry ``Success``: a declined card is a Payment row with
``Success`` false, retried the next day. Such a column (``success``, ``is_successful``, ``Succeeded``, "Payment
Successful", ``charged``, ``collected``, ``approved``) was ignored, and ``draft`` true too: the failed attempt counted
as a purchase (February: c2 a repeat purchaser, cohort 2026-02 revenue 198.00), exit 0 and no word. Now they are read
as ``paid`` false (``draft`` as ``is_draft`` true): left out, on the pandas and the DuckDB engines. ``completed`` and
``settled`` false may say not paid (FastSpring's checkout not completed, a card declined) or paid (not fulfilled, not
settled yet): refused naming the column and the rows.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]

MAXIO = """Transaction ID,Created At,Type,Amount,Memo,Success,Subscription ID,Customer ID
102,2026-01-05 10:00:01 -0500,Payment,49.00,Payment,true,s1,c1
104,2026-02-05 10:00:01 -0500,Payment,49.00,Payment,true,s1,c1
107,2026-02-10 10:00:01 -0500,Payment,99.00,Payment,false,s2,c2
108,2026-02-11 10:00:01 -0500,Payment,99.00,Payment,true,s2,c2
110,2026-03-05 10:00:01 -0500,Payment,49.00,Payment,true,s1,c1
"""


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_maxio_payment_not_successful_is_no_purchase(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "pay.csv"
    path.write_text(MAXIO)
    out = run(tmp_path, "--orders", path, "--columns", "date=Created At,customer_id=Customer ID", backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    # by hand: Feb c1 (returning) and c2 (its retry the one payment): 2 buyers, no repeat purchaser
    assert purchases[["month", "buyers", "repeat_purchasers", "returning"]].values.tolist() == [
        ["2026-01", 1, 0, 0],
        ["2026-02", 2, 0, 1],
        ["2026-03", 1, 0, 1],
    ]
    cohorts = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert cohorts["0"].tolist() == [49.0, 99.0, 0.0]


def _orders(column: str, flagged: str, other: str) -> str:
    # b's February order is the one flagged: a returning purchase of 50 when counted
    rows = [("a", "2024-01-05", 100, other), ("b", "2024-01-06", 50, other), ("b", "2024-02-06", 50, flagged)]
    rows.append(("a", "2024-02-07", 30, other))
    return f"customer_id,date,amount,{column}\n" + "".join(f"{c},{d},{a},{f}\n" for c, d, a, f in rows)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("column", "flagged", "other"),
    [
        ("success", "false", "true"),
        ("is_successful", "0", "1"),
        ("Succeeded", "FALSE", "TRUE"),
        ("Payment Successful", "No", "Yes"),
        ("charged", "false", "true"),
        ("collected", "false", "true"),
        ("approved", "false", "true"),
        ("draft", "true", "false"),
        ("is_draft", "true", "false"),
    ],
)
def test_an_order_flagged_not_successful_or_draft_is_no_purchase(
    tmp_path: Path, backend: str, column: str, flagged: str, other: str
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(_orders(column, flagged, other))
    out = run(tmp_path, "--orders", path, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 1, 1]]
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["1"].tolist()[:1] == [30.0]  # the January cohort in February


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("column", "word"), [("Completed", "completed"), ("is_complete", "complete"), ("settled", "settled")]
)
def test_an_order_not_completed_or_not_settled_is_refused_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, column: str, word: str
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(_orders(column, "false", "true"))
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        f"orders.csv, column '{column}': orders flagged not {word} (not paid, as a checkout abandoned or a card "
        f"declined, or paid and not {word} yet? cannot be told) in row 4 (counting the header as row 1): 'false': "
        "rename the column paid if false says these orders were not paid (left out), or remove it if they were paid"
    )


def test_a_completed_column_all_true_is_read(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(_orders("Completed", "true", "true"))
    out = run(tmp_path, "--orders", path)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 2, 2]]


# H538 finding 06: a blank cell beside true ones in a completed/settled column was refused as "orders flagged not
# completed ... : blank", and its advice (rename the column paid) stopped the import again on the same row for a blank
# paid flag. A blank is refused as a paid flag's blank, with advice that reads the file when followed.
BLANK_ADVICE = (
    "write true where they were paid; where they were not, write false and rename the column paid (false: left out)"
)


def _flags(column: str, february: tuple[str, str]) -> str:
    # b's and a's February orders carry ``february``; the January ones are true
    rows = [("a", "2024-01-05", 100, "true"), ("b", "2024-01-06", 50, "true"), ("b", "2024-02-06", 50, february[0])]
    rows.append(("a", "2024-02-07", 30, february[1]))
    return f"customer_id,date,amount,{column}\n" + "".join(f"{c},{d},{a},{f}\n" for c, d, a, f in rows)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("column", "word"), [("Completed", "completed"), ("is_complete", "complete"), ("settled", "settled")]
)
def test_a_blank_completed_flag_is_refused_as_blank_and_its_advice_reads_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, column: str, word: str
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(_flags(column, ("", "true")))
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        f"orders.csv, column '{column}': orders whose {word} flag is blank (whether they were paid cannot be told) in "
        f"row 4 (counting the header as row 1): blank: {BLANK_ADVICE}"
    )
    path.write_text(_flags("paid", ("false", "true")))  # the advice followed: b's February order was not paid
    out = run(tmp_path, "--orders", path, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 1, 1]]
    path.write_text(_flags(column, ("true", "true")))  # or it was paid
    out = run(tmp_path, "--orders", path, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 2, 2]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_completed_flag_false_and_blank_names_each_row_once_for_what_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(_flags("Completed", ("false", "")))
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "orders.csv, column 'Completed': orders flagged not completed (not paid, as a checkout abandoned or a card "
        "declined, or paid and not completed yet? cannot be told) in row 4 (counting the header as row 1): 'false': "
        "rename the column paid if false says these orders were not paid (left out), or remove it if they were paid"
    )
    path.write_text(_flags("paid", ("false", "")))  # renamed: now the blank row 5, named for the first time
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "orders.csv, column 'paid': orders whose paid flag is blank (whether they were paid cannot be told) in row 5 "
        "(counting the header as row 1): blank: write true where they were paid, false where they were not"
    )
    path.write_text(_flags("paid", ("false", "true")))
    out = run(tmp_path, "--orders", path, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 1, 1]]
