"""A September export read with --timezone Europe/Berlin put its last answer (30 Sep 22:30 UTC: 1 Oct 00:30 in
Berlin) in October, whose NPS was then that one answer's (100), with only the generic "last month of the file" note
(H294's finding 02). A file's last month holding only answers of its first day (or its first month only answers of
its last day) is named now, with its count and the way to a whole month."""

from __future__ import annotations

from xl_retention import cli
from xl_retention.workbook import build_template

HEADER = "#,Score,Submit Date (UTC)\n"
ARGS = ["--columns", "score=Score,date=Submit Date (UTC)"]


def _lines(capsys) -> list[str]:
    return capsys.readouterr().out.splitlines()


def test_a_month_holding_only_the_hours_moved_by_the_zone_is_named(tmp_path, capsys) -> None:
    path = tmp_path / "sep.csv"
    path.write_text(HEADER + "a,3,2026-09-02 10:00:00\nb,9,2026-09-05 11:00:00\nz,10,2026-09-30 22:30:00\n")
    book = build_template(tmp_path / "t.xlsx", start="2026-09", months=3)
    capsys.readouterr()
    assert cli.main(["import", "--nps", str(path), "--into", str(book), "--timezone", "Europe/Berlin", *ARGS]) == 0
    assert (
        "2026-10 holds 1 answer of sep.csv, all of its first day (its other answers are earlier): only part of "
        "2026-10 is in the file (a file exported by UTC days and read with --timezone ends or starts a few hours "
        "into the next or previous month), so 2026-10's NPS is of that answer, not the month's; import 2026-10's "
        "answers too (an export by your zone's days), or leave 2026-10 out (--through 2026-09)"
    ) in _lines(capsys)


def test_west_of_utc_the_first_month_holding_its_last_day_is_named(tmp_path, capsys) -> None:
    path = tmp_path / "oct.csv"
    rows = "a,0,2026-10-01 01:00:00\nb,6,2026-10-01 02:00:00\nc,9,2026-10-15 11:00:00\n"  # 30 Sep 21:00, 22:00 NY
    path.write_text(HEADER + rows)
    book = build_template(tmp_path / "t.xlsx", start="2026-09", months=3)
    capsys.readouterr()
    assert cli.main(["import", "--nps", str(path), "--into", str(book), "--timezone", "America/New_York", *ARGS]) == 0
    lines = [line for line in _lines(capsys) if line.startswith("2026-09 holds")]
    assert lines == [
        "2026-09 holds 2 answers of oct.csv, all of its last day (its other answers are later): only part of 2026-09 "
        "is in the file (a file exported by UTC days and read with --timezone ends or starts a few hours into the "
        "next or previous month), so 2026-09's NPS is of those 2 answers, not the month's; import 2026-09's answers "
        "too (an export by your zone's days), or leave 2026-09 out (deleting its rows)"
    ]


def test_a_whole_month_is_not_named(tmp_path, capsys) -> None:
    path = tmp_path / "sep.csv"
    path.write_text(HEADER + "a,3,2026-09-02 10:00:00\nz,10,2026-10-02 10:00:00\n")
    book = build_template(tmp_path / "t.xlsx", start="2026-09", months=3)
    capsys.readouterr()
    assert cli.main(["import", "--nps", str(path), "--into", str(book), "--timezone", "Europe/Berlin", *ARGS]) == 0
    assert not [line for line in _lines(capsys) if "all of its first day" in line]
