"""A missing date exported as SQL Server's datetime 0, 1900-01-01 (a blank start or order date cast to datetime),
was refused as 'dates more than 100 years apart (from 1900-01 to 2026-01)' naming every row of the file, or, as an
end, 'an end before the start': the row at fault and what it is went unsaid. Now a 1900-01-01 with no other date
within a year is refused naming its own rows as a missing date exported as 0, as the Unix epoch's 1970-01-01 is
(xl_retention.reading.dates); a file that truly holds dates of 1900 is read."""

from __future__ import annotations

import pytest
from import_cli import refusal, run

PROBLEM = (
    "dates of 1900-01-01 00:00:00, with no other date within a year (a missing date exported as 0, SQL Server's and "
    "Excel's first day)"
)
ADVICE = "leave it blank, or give the real date"


@pytest.mark.parametrize(
    ("flag", "text", "column"),
    [
        ("--subscriptions", "customer_id,start,end,mrr\na,2026-01-05,,100\nb,1900-01-01,,50\n", "start"),
        ("--subscriptions", "customer_id,start,end,mrr\na,2026-01-05,,100\nb,2026-01-06,1900-01-01 00:00:00,50\n",
         "end"),
        ("--orders", "customer_id,date,amount\na,2026-01-05,10\nb,1900-01-01,5\n", "date"),
    ],
)  # fmt: skip
def test_a_zero_day_is_named_as_a_missing_date(tmp_path, capsys, flag, text, column) -> None:
    (tmp_path / "in.csv").write_text(text)
    message = refusal(capsys, flag, str(tmp_path / "in.csv"), "--to-csv", str(tmp_path / "out"))
    assert message.startswith(f"in.csv, column '{column}': {PROBLEM} in row 3 (counting the header as row 1): '1900-")
    assert message.endswith(f"': {ADVICE}")


def test_dates_of_1900_beside_it_are_read(tmp_path) -> None:
    (tmp_path / "in.csv").write_text("customer_id,date,amount\na,1900-01-01,10\nb,1900-02-03,5\n")
    out = run(tmp_path, "--orders", tmp_path / "in.csv")
    assert (out / "purchases.csv").read_text().splitlines()[1:] == ["1900-01,1,0,0,0.0,0.0", "1900-02,1,0,0,0.0,0.0"]
