"""PayPal's activity download: a TimeZone column of zone names, and reversals undone (docs/metrics.md, Orders)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

HEADER = "Date,Time,TimeZone,Name,Type,Status,Currency,Gross,Fee,Net,From Email Address,To Email Address,"
HEADER += "Transaction ID,Reference Txn ID\n"


def _row(date: str, time: str, zone: str, kind: str, status: str, gross: str, payer: str, txn: str, ref: str) -> str:
    sender, receiver = (payer, "me@x.com") if not gross.startswith("-") and ref == "" else ("me@x.com", payer)
    return f"{date},{time},{zone},N,{kind},{status},USD,{gross},0.00,{gross},{sender},{receiver},{txn},{ref}\n"


def _file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "Download.CSV"
    path.write_text(HEADER + "".join(rows))
    return path


def _months(out: Path) -> list[list[object]]:
    return pd.read_csv(out / "purchases.csv")[["month", "buyers"]].values.tolist()


ZONES = (
    _row("01/31/2026", "23:30:00", "America/Los_Angeles", "Express Checkout Payment", "Completed", "100.00", "a@x.com",
         "T1", ""),
    _row("01/31/2026", "23:30:00", "PST", "Express Checkout Payment", "Completed", "50.00", "b@x.com", "T2", ""),
    _row("02/01/2026", "00:30:00", "Europe/Berlin", "Express Checkout Payment", "Completed", "70.00", "c@x.com", "T3",
         ""),
)  # fmt: skip


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_zone_names_are_converted_with_timezone(tmp_path: Path, backend: str) -> None:
    # was: one 'America/Los_Angeles' made every row's zone dropped, 'PST' too: with --timezone UTC, 23:30 on
    # 31 January in Los Angeles (1 February, 07:30 UTC) stayed in January, and so did the PST one
    path = _file(tmp_path, *ZONES)
    out = run(tmp_path, "--orders", path, "--monthfirst", "--timezone", "UTC", backend=backend)
    assert _months(out) == [["2026-01", 1], ["2026-02", 2]]  # Berlin's 00:30 on 1 February is 31 January, 23:30 UTC
    out = run(tmp_path, "--orders", path, "--monthfirst", "--timezone", "Europe/Berlin", backend=backend)
    assert _months(out) == [["2026-02", 3]]
    out = run(tmp_path, "--orders", path, "--monthfirst", backend=backend)  # without: the dates as written
    assert _months(out) == [["2026-01", 2], ["2026-02", 1]]


PAYMENT = _row("01/05/2026", "10:00:00", "PST", "Express Checkout Payment", "Completed", "100.00", "a@x.com", "T1", "")
OTHER = _row("01/06/2026", "10:00:00", "PST", "Express Checkout Payment", "Completed", "50.00", "b@x.com", "T2", "")
REVERSAL = _row("01/20/2026", "09:00:00", "PST", "Payment Reversal", "Completed", "-100.00", "a@x.com", "R1", "T1")
LATER = _row("02/06/2026", "10:00:00", "PST", "Express Checkout Payment", "Completed", "70.00", "c@x.com", "T3", "")


def _undone(ref: str) -> str:
    return _row(
        "02/03/2026", "09:00:00", "PST", "Cancellation of Reversal", "Completed", "100.00", "a@x.com", "C1", ref
    )


@pytest.mark.parametrize("ref", ["T1", "R1"])  # naming the payment, or the reversal's own Transaction ID
def test_a_reversal_undone_leaves_the_payment_whole(tmp_path: Path, ref: str) -> None:
    # was refused as a type not known; the payment of 100 stands: January 100 + 50
    out = run(tmp_path, "--orders", _file(tmp_path, PAYMENT, OTHER, REVERSAL, _undone(ref), LATER), "--monthfirst")
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [150.0, 70.0]
    assert _months(out) == [["2026-01", 2], ["2026-02", 1]]  # the cancellation is no purchase of February
    out = run(tmp_path, "--orders", _file(tmp_path, PAYMENT, OTHER, REVERSAL, LATER), "--monthfirst")  # not undone
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [50.0, 70.0]


def test_a_reversal_undone_that_cannot_be_matched_is_refused(tmp_path: Path, capsys) -> None:
    path = _file(tmp_path, PAYMENT, _undone("T1"))
    assert refusal(capsys, "--orders", str(path), "--monthfirst", "--to-csv", str(tmp_path / "o")) == (
        "Download.CSV, column 'Type': a reversal undone: no reversal of that amount of the payment it names is in "
        "the file (what it puts back cannot be told apart from a sale: export the months of the reversal too, or "
        "remove the row) in row 3 (counting the header as row 1): 'Cancellation of Reversal'"
    )
    path = _file(tmp_path, PAYMENT.replace("Completed", "Reversed"), REVERSAL, _undone("T1"))
    assert refusal(capsys, "--orders", str(path), "--monthfirst", "--to-csv", str(tmp_path / "o")) == (
        "Download.CSV, column 'Type': a reversal undone: its payment's own status still says Reversed (whether the "
        "payment now counts cannot be told: relabel it Completed, or remove the reversal and this row) in row 4 "
        "(counting the header as row 1): 'Cancellation of Reversal'"
    )
