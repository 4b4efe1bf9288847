"""Yes/no columns of orders, subscriptions and intervals: one vocabulary (xl_retention.reading.yes_no), no count read
as a flag, no failed subscription counted live (H86).

- A bare ``Failed``, ``Pending``, ``Declined`` or ``Refunded`` column of only 0 and 1 may count the attempts that
  failed before a payment went through: it was read as a flag, leaving those paid orders out (February 1 buyer for 2,
  exit 0). Now refused naming the column and the rows, saying how to tell (rename it ``is_failed`` or
  ``failed_count``); a flag's name (``is_failed``, ``Failed?``) or word (``true``, ``ja``) reads it as a flag, a value
  2 as a count (not read).
- A ``Refunded`` column of amounts with a 1 among them read that order as refunded in full (left out) and the other
  rows as amounts; now all of it is amounts.
- An intervals row flagged ``failed`` true with no end counted as a live subscription through the current month; now
  refused naming the rows (whether the subscription failed or one payment did cannot be told); ``payment_failed`` is
  a live subscription's failed payment (counted), and a failed row with an end is read to its end.
- True and false were spelled differently by each reader: a cancel flag's ``ja`` was refused, a refunded flag's ``x``
  (a sale refunded in full) counted as a purchase, a paid flag's ``null`` read as false. One list now.
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


def _orders(tmp_path: Path, column: str, values: tuple[str, str, str, str]) -> Path:
    # b's February order (row 4) is the one flagged: a returning purchase of 50 when counted
    rows = [("a", "2024-01-05", 100), ("b", "2024-01-06", 50), ("b", "2024-02-06", 50), ("a", "2024-02-07", 30)]
    path = tmp_path / "orders.csv"
    lines = [f"{c},{d},{a},{v}\n" for (c, d, a), v in zip(rows, values, strict=True)]
    path.write_text(f"customer_id,date,amount,{column}\n" + "".join(lines))
    return path


def _buyers(out: Path) -> list[list[object]]:
    return pd.read_csv(out / "purchases.csv")[["month", "buyers", "returning"]].values.tolist()


LEFT_OUT = [["2024-01", 2, 0], ["2024-02", 1, 1]]
COUNTED = [["2024-01", 2, 0], ["2024-02", 2, 2]]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("column", ["Failed", "Declined"])
def test_a_bare_name_of_only_0_and_1_is_refused_count_or_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, column: str
) -> None:
    path = _orders(tmp_path, column, ("0", "0", "1", "0"))
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    word = column.lower()
    assert err == (
        f"orders.csv, column '{column}': a column of only 0 and 1 (a count, as of the attempts that failed before a "
        f"payment went through, or a flag saying these orders are {word}? cannot be told) in row 4 (counting the "
        f"header as row 1): '1': rename it is_{word} if 1 says the order is {word}, or {word}_count if it counts (not "
        "read)"
    )


@pytest.mark.parametrize(
    ("column", "values", "expected"),
    [
        ("Failed", ("0", "0", "1", "2"), COUNTED),  # a 2: a count of failed attempts, not read
        ("failed_count", ("0", "0", "1", "0"), COUNTED),  # renamed as the refusal says
        ("is_failed", ("0", "0", "1", "0"), LEFT_OUT),  # a flag's name
        ("Failed?", ("0", "0", "1.0", "0"), LEFT_OUT),
        ("Failed", ("false", "false", "true", "false"), LEFT_OUT),  # a flag's words
        ("Failed", ("0", "0", "0", "0"), COUNTED),  # nothing flagged: both readings agree
        ("Paid", ("1", "1", "0", "1"), LEFT_OUT),  # a count of payments of 0 and a paid flag false agree
        # a state's name or one of more words is a flag (H94: a soft delete's 0/1 was refused as a count by a23ac69)
        ("deleted", ("0", "0", "1", "0"), LEFT_OUT),
        ("trashed", ("0", "0", "1", "0"), LEFT_OUT),
        ("pending", ("0", "0", "1", "0"), LEFT_OUT),
        ("abandoned", ("0", "0", "1", "0"), LEFT_OUT),
        ("payment_failed", ("0", "0", "1", "0"), LEFT_OUT),
    ],
)
def test_a_count_or_a_flag_by_name_words_or_a_2(
    tmp_path: Path, column: str, values: tuple[str, str, str, str], expected: list[list[object]]
) -> None:
    assert _buyers(run(tmp_path, "--orders", _orders(tmp_path, column, values))) == expected


def test_a_refunded_column_of_amounts_with_a_1_is_all_amounts(tmp_path: Path) -> None:
    out = run(tmp_path, "--orders", _orders(tmp_path, "Refunded", ("0", "0", "1", "25")))
    assert _buyers(out) == COUNTED  # b's February order refunded 1 of its 50 is a purchase (was left out)
    cohorts = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert cohorts["1"].tolist()[:1] == [54.0]  # 50 - 1 + 30 - 25 (was 5.0: b's 49 left out)


def test_a_bare_refunded_column_of_only_0_and_1_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _orders(tmp_path, "Refunded", ("0", "0", "1", "0"))
    err = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))
    assert err.startswith("orders.csv, column 'Refunded': a column of only 0 and 1 (an amount refunded, a count of")
    assert err.endswith(
        "in row 4 (counting the header as row 1): '1': rename it is_refunded if 1 says refunded in full (left out), "
        "or refunded_amount if it is the amount taken off"
    )
    assert _buyers(run(tmp_path, "--orders", _orders(tmp_path, "is_refunded", ("0", "0", "1", "0")))) == LEFT_OUT


@pytest.mark.parametrize(
    ("column", "values", "expected"),
    [
        ("cancelled", ("nein", "nein", "ja", "nein"), LEFT_OUT),  # was refused: 'ja' neither true nor false
        ("Refunded?", ("", "", "x", ""), LEFT_OUT),  # was counted as a purchase
        ("Fully Refunded?", ("N", "N", "S", "N"), LEFT_OUT),  # Portuguese/Spanish S/N
        ("is_voided", ("no", "no", "oui", "-"), LEFT_OUT),
        ("captured", ("true", "true", "falso", "true"), LEFT_OUT),
    ],
)
def test_true_and_false_in_every_language_on_every_order_flag(
    tmp_path: Path, column: str, values: tuple[str, str, str, str], expected: list[list[object]]
) -> None:
    assert _buyers(run(tmp_path, "--orders", _orders(tmp_path, column, values))) == expected


def test_a_null_paid_flag_beside_true_ones_is_blank_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _orders(tmp_path, "is_paid", ("true", "true", "null", "true"))  # 'null' was read as false: left out
    err = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))
    assert err == (
        "orders.csv, column 'is_paid': orders whose paid flag is blank (whether they were paid cannot be told) in "
        "row 4 (counting the header as row 1): 'null': write true where they were paid, false where they were not"
    )


@pytest.mark.parametrize(("column", "flagged"), [("livemode", "nein"), ("is_test", "oui"), ("test", "S")])
def test_test_mode_flags_in_other_languages_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str, flagged: str
) -> None:
    live = "ja" if column == "livemode" else "nein"
    path = _orders(tmp_path, column, (live, live, flagged, live))
    err = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))
    assert err == (
        f"orders.csv, column '{column}': rows made in test mode (no customer paid them) in row 4 (counting the header "
        f"as row 1): '{flagged}': remove them, or export live mode only"
    )


def _intervals(tmp_path: Path, column: str, flagged: str, end: str = "") -> Path:
    path = tmp_path / "subscriptions.csv"
    rows = [("a", "", "false"), ("b", end, flagged), ("c", "2024-03-01", "false")]
    path.write_text(
        f"customer_id,start,end,mrr,{column}\n" + "".join(f"{c},2024-01-01,{e},50,{f}\n" for c, e, f in rows)
    )
    return path


def _customers_end(out: Path) -> list[int]:
    return pd.read_csv(out / "movements.csv")["customers_end"].tolist()


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("column", "flagged"), [("failed", "true"), ("is_failed", "1"), ("Subscription Failed", "yes")]
)
def test_an_interval_flagged_failed_with_no_end_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, column: str, flagged: str
) -> None:
    path = _intervals(tmp_path, column, flagged)
    err = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        f"subscriptions.csv, column '{column}': subscriptions flagged failed, with no end date (whether the "
        "subscription itself failed and never paid, or one payment failed on a live subscription, cannot be told; an "
        f"empty end counts it active through the current month) in row 3 (counting the header as row 1): '{flagged}': "
        "remove the rows of subscriptions that never started or give them their end, and rename the column "
        "payment_failed if it says a payment failed on a live subscription (then counted active)"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_failed_payment_is_no_churn_and_a_failed_row_with_an_end_ends(tmp_path: Path, backend: str) -> None:
    live = run(tmp_path, "--subscriptions", _intervals(tmp_path, "payment_failed", "true"), backend=backend)
    assert _customers_end(live) == [3, 3, 2]  # b stays live; c ends in March
    ended = run(tmp_path, "--subscriptions", _intervals(tmp_path, "failed", "true", "2024-02-10"), backend=backend)
    assert _customers_end(ended) == [3, 2, 1]  # b ends in February (failed payments: churned), c in March


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_snapshot_row_flagged_failed_with_an_mrr_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    path = tmp_path / "snapshots.csv"
    path.write_text("customer_id,month,mrr,Failed\na,2024-01,50,false\nb,2024-01,30,ja\n")
    err = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err.startswith("snapshots.csv, column 'Failed': snapshot rows with an MRR whose flag says the subscription")
    assert err.endswith("in row 3 (counting the header as row 1): 'ja'")


@pytest.mark.parametrize("flagged", ["-", "null", "nee"])
def test_a_pause_flag_blank_or_false_in_any_spelling_is_not_paused(tmp_path: Path, flagged: str) -> None:
    out = run(tmp_path, "--subscriptions", _intervals(tmp_path, "is_paused", flagged))
    assert _customers_end(out) == [3, 3, 2]  # '-' and 'null' were refused as paused
