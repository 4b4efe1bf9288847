"""Refusals that left the user stuck now say the way out: a till's walk-in sales without a customer (H36 finding 14),
GA4's 'Date + hour (YYYYMMDDHH)' (H36 finding 12)."""

from __future__ import annotations

from pathlib import Path

from import_cli import refusal, run


def test_many_sales_without_a_customer_name_the_way_out(tmp_path: Path, capsys) -> None:
    path = tmp_path / "square.csv"
    rows = [f"2024-01-{d:02d},{'C1' if d % 4 == 0 else ''},10" for d in range(1, 9)]
    path.write_text("Date,Customer ID,Net Sales\n" + "\n".join(rows) + "\n")
    args = ("--columns", "customer_id=Customer ID,amount=Net Sales", "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, "--orders", str(path), *args) == (
        "square.csv, column 'Customer ID': missing customer ids (6 of 8 rows) in rows 2, 3, 4, 6, 7 and 1 more "
        "(counting the header as row 1): (Date '2024-01-01', Net Sales '10'), (Date '2024-01-02', Net Sales '10'), "
        "(Date '2024-01-03', Net Sales '10'), (Date '2024-01-05', Net Sales '10'), "
        "(Date '2024-01-06', Net Sales '10'): "
        "a row without one is no known customer's (a guest's or till sale?): fill "
        "the ids in, map a column that names each one, --columns customer_id=NAME, or remove those rows: the figures "
        "then count the known ones only"
    )


def test_dates_with_an_hour_name_their_format_and_it_reads_them(tmp_path: Path, capsys) -> None:
    path = tmp_path / "ga4.csv"
    path.write_text("Effective user ID,Date + hour (YYYYMMDDHH)\nu1,2024010510\nu2,2024011023\nu1,2024020509\n")
    columns = "visitor_id=Effective user ID,date=Date + hour (YYYYMMDDHH)"
    assert refusal(capsys, "--visits", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")) == (
        "ga4.csv, column 'Date + hour (YYYYMMDDHH)': dates that do not parse (dates with an hour, YYYYMMDDHH, as "
        "Google Analytics' 'Date + hour'?) in rows 2, 3, 4 (counting the header as row 1): '2024010510', "
        "'2024011023', '2024020509': read them with --date-format '%Y%m%d%H'"
    )
    out = run(tmp_path, "--visits", path, "--columns", columns, "--date-format", "%Y%m%d%H")
    assert (out / "visits.csv").read_text().splitlines() == [
        "month,visitors,returning,returning_visitor_rate",
        "2024-01,2,0,0.0",
        "2024-02,1,1,1.0",
    ]
