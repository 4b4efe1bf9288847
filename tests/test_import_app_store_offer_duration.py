"""App Store Connect's Subscriber report: "Subscription Offer Duration" (the length of a free trial or an introductory
offer, "1 Week", blank on the rows without an offer) was taken as the billing interval ("billing intervals that are
not day, week, ...: blank, blank"); without a map it was named as what makes the file a billing export (H170 finding
01). Apple's Subscriber report reference documents "Standard Subscription Duration" (7 Days, 1 Month, ..., 1 Year) as
the subscription's duration: a column named as an offer's, a trial's or a promotion's length is no billing interval,
and with a billing export's price mapped (quantity=Units) a column of "1 Month" on every row is its interval."""

from __future__ import annotations

import csv
from pathlib import Path

from xl_retention import cli

HEADER = [
    "Event Date", "App Name", "Subscription Name", "Standard Subscription Duration", "Subscription Offer Type",
    "Subscription Offer Duration", "Marketing Opt-In Duration", "Customer Price", "Customer Currency",
    "Developer Proceeds", "Subscriber ID", "Refund", "Purchase Date", "Units",
]  # fmt: skip
ROWS = [
    ["2026-08-03", "Budgetly", "Plus Monthly", "1 Month", "Free Trial", "1 Week", "", "0.00", "USD", "0.00", "701", "",
     "2026-08-03", "1"],
    ["2026-08-10", "Budgetly", "Plus Monthly", "1 Month", "", "", "", "9.99", "USD", "6.99", "701", "", "2026-08-10",
     "1"],
    ["2026-09-10", "Budgetly", "Plus Monthly", "1 Month", "", "", "", "9.99", "USD", "6.99", "701", "", "2026-09-10",
     "1"],
    ["2026-08-15", "Budgetly", "Plus Monthly", "1 Month", "", "", "", "9.99", "USD", "6.99", "702", "", "2026-08-15",
     "1"],
    ["2026-09-15", "Budgetly", "Plus Monthly", "1 Month", "", "", "", "9.99", "USD", "6.99", "702", "", "2026-09-15",
     "2"],
]  # fmt: skip


def _import(tmp_path: Path, columns: str | None) -> int:
    path = tmp_path / "subscriber_report.txt"
    path.write_text("\n".join("\t".join(r) for r in [HEADER, *ROWS]) + "\n")
    args = ["import", "--subscriptions", str(path), *(["--columns", columns] if columns else [])]
    return cli.main([*args, "--to-csv", str(tmp_path / "o")])


def test_the_standard_duration_bills_not_the_offers(tmp_path: Path, capsys) -> None:
    columns = "month=Event Date,customer_id=Subscriber ID,mrr=Customer Price,quantity=Units"
    assert _import(tmp_path, columns) == 0
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        mrr = {r["month"]: (r["customers_end"], r["mrr_end"]) for r in csv.DictReader(f)}
    assert mrr == {"2026-08": ("2", "19.98"), "2026-09": ("2", "29.97")}  # 702's 2 units in September: 9.99 x 2
    assert "Subscription Offer Duration" not in capsys.readouterr().out


def test_no_map_does_not_call_the_offer_duration_a_billing_interval(tmp_path: Path, capsys) -> None:
    assert _import(tmp_path, None) == 1
    err = capsys.readouterr().err
    assert err.startswith("xl-retention: error: subscriber_report.txt: missing columns"), err
    assert "makes it a billing export" not in err
