"""Refusals named their rows after their advice ("... or remove the column if they already are in row 4 (counting
the header as row 1): 'LAUNCH20'", "... if the export is older than these dates, export it again in row 15"), which
read as advice about that row. The rows and values now follow the problem, the advice comes after them
(reading.errors.bad_rows's advice)."""

from __future__ import annotations

from import_cli import refusal

HEADER = "Customer ID,Interval,Amount,Status,Start Date,Canceled At,Ended At,Coupon\n"
COLUMNS = "start=Start Date,end=Ended At"


def test_a_coupon_is_named_before_the_advice(tmp_path, capsys) -> None:
    (tmp_path / "subs.csv").write_text(
        HEADER + "a,month,29,active,2026-06-03,,,\nb,month,99,active,2026-06-10,,,LAUNCH20\n"
    )
    message = refusal(capsys, "--subscriptions", str(tmp_path / "subs.csv"), "--columns", COLUMNS, "--to-csv",
                      str(tmp_path / "out"))  # fmt: skip
    assert message == (
        "subs.csv, column 'Coupon': discounts that lower what the customer pays in row 3 (counting the header as row "
        "1): 'LAUNCH20': MRR is after discounts (the price per interval is the list price): convert the prices to what "
        "each customer pays first, or remove the column if they already are"
    )


def test_a_past_end_on_an_active_subscription_is_named_before_the_advice(tmp_path, capsys) -> None:
    (tmp_path / "subs.csv").write_text(
        HEADER + "a,month,29,active,2026-06-03,,,\nb,month,99,canceled,2026-06-10,2026-08-01,2026-08-01,\n"
        "m,month,80,active,2026-06-20,2026-07-10,,\n"
    )
    columns = COLUMNS.replace("end=Ended At", "end=Canceled At")
    message = refusal(capsys, "--subscriptions", str(tmp_path / "subs.csv"), "--columns", columns, "--to-csv",
                      str(tmp_path / "out"))  # fmt: skip
    assert message == (
        "subs.csv, column 'Canceled At': end dates already past on subscriptions whose status ('Status') says active, "
        "not cancelled nor set to end in row 4 (counting the header as row 1): '2026-07-10': if 'Canceled At' is a "
        "renewal or billing period's end, map the day service stopped instead (--columns 'end=Ended At'); if the "
        "export is older than these dates, export it again"
    )
