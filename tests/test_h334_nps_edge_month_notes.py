"""An NPS file's edge month holding only its edge day's answers is named on every path, once, and worded by what is
known. H330's finding 01: ``--to-csv`` with ``--timezone`` wrote the month of one moved answer (NPS 100) with no
word (``--into`` and the Python API named it); finding 07: a run without ``--timezone`` was told the month came from
``--timezone`` and advised ``--through``, which drops real answers."""

from __future__ import annotations

from xl_retention import cli
from xl_retention.workbook import build_template

HEADER = "#,Score,Submit Date (UTC)\n"
ARGS = ["--columns", "score=Score,date=Submit Date (UTC)"]
SEP = HEADER + "a,3,2026-09-02 10:00:00\nb,9,2026-09-05 11:00:00\nz,10,2026-09-30 22:30:00\n"
ZONED = (
    "2026-10 holds 1 answer of sep.csv, all of its first day (its other answers are earlier): only part of "
    "2026-10 is in the file (a file exported by UTC days and read with --timezone ends or starts a few hours "
    "into the next or previous month), so 2026-10's NPS is of that answer, not the month's; import 2026-10's "
    "answers too (an export by your zone's days), or leave 2026-10 out (--through 2026-09)"
)


def test_to_csv_names_the_month_the_zone_moved_an_answer_into(tmp_path, capsys) -> None:
    path = tmp_path / "sep.csv"
    path.write_text(SEP)
    args = ["import", "--nps", str(path), "--to-csv", str(tmp_path / "out"), "--timezone", "Europe/Berlin", *ARGS]
    assert cli.main(args) == 0
    assert capsys.readouterr().out.splitlines().count(ZONED) == 1  # at the parent: no such line
    assert (tmp_path / "out" / "nps.csv").read_text().splitlines()[-1].startswith("2026-10,1,1,0,0,100.0")


def test_into_names_it_once(tmp_path, capsys) -> None:
    path = tmp_path / "sep.csv"
    path.write_text(SEP)
    book = build_template(tmp_path / "t.xlsx", start="2026-09", months=3)
    capsys.readouterr()
    assert cli.main(["import", "--nps", str(path), "--into", str(book), "--timezone", "Europe/Berlin", *ARGS]) == 0
    assert capsys.readouterr().out.splitlines().count(ZONED) == 1


def test_without_a_zone_the_note_says_the_file_ends_there(tmp_path, capsys) -> None:
    path = tmp_path / "sep.csv"
    path.write_text(HEADER + "a,3,2026-09-02 10:00:00\nb,9,2026-09-05 11:00:00\nc,10,2026-10-01 10:00:00\n"
                    "d,6,2026-10-01 16:45:00\n")  # fmt: skip
    book = build_template(tmp_path / "t.xlsx", start="2026-09", months=3)
    capsys.readouterr()
    assert cli.main(["import", "--nps", str(path), "--into", str(book), *ARGS]) == 0
    out = capsys.readouterr().out
    said = (
        "2026-10 holds 2 answers of sep.csv, all of its first day (its other answers are earlier): the file ends "
        "on its first day, so 2026-10's NPS is of those 2 answers, not the whole month's; import 2026-10's answers "
        "again from an export that covers the whole month"
    )
    assert out.splitlines().count(said) == 1  # at the parent: "read with --timezone ... (--through 2026-09)"
    assert "--timezone" not in out and "--through" not in out
