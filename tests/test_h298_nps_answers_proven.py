"""An import replaced a month's NPS answers when the tracker's were "the file's first or last answers" by score alone
(H294's finding 01): a September export read with --timezone Europe/Berlin put its last answer (30 Sep 22:30 UTC, a
10) in October, and the October export, whose last answer is another respondent's 10, then replaced October's
answers: October 3 answers, NPS 0, where it holds 4 (10, 7, 3, 10: NPS 25). An answer typed by hand went the same
way. Now an import records the answers it writes by date and time with score, and a month's answers are replaced only
where they are proven to be among the file's; else the import refuses naming the month, the cells and the file that
wrote them (finding 03: not "another survey's"), and its way out keeps every answer.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from import_cli import refusal

from xl_retention import cli
from xl_retention.workbook import build_template

HEADER = "#,How likely are you to recommend Acme?,Submit Date (UTC)\n"
ARGS = [
    "--timezone",
    "Europe/Berlin",
    "--columns",
    "score=How likely are you to recommend Acme?,date=Submit Date (UTC)",
]
SEP = [("tk01", 9, "2026-09-03 10:00:00"), ("tk02", 3, "2026-09-17 12:00:00"), ("tk05", 10, "2026-09-30 22:30:00")]
OCT = [("tk06", 7, "2026-10-05 10:00:00"), ("tk07", 3, "2026-10-12 11:00:00"), ("tk08", 10, "2026-10-20 12:00:00")]


def _write(path: Path, rows: list[tuple[str, int, str]]) -> Path:
    path.write_text(HEADER + "".join(f"{i},{s},{d}\n" for i, s, d in rows))
    return path


def _column(book: Path, column: int) -> list[object]:
    scores = openpyxl.load_workbook(book)["NPS scores"]
    return [scores.cell(r, column).value for r in range(2, 7)]


def test_an_answer_moved_by_the_zone_is_not_dropped_by_a_10_of_another_respondent(tmp_path: Path, capsys) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2026-09", months=2)
    assert cli.main(["import", "--nps", str(_write(tmp_path / "sep.csv", SEP)), "--into", str(book), *ARGS]) == 0
    assert _column(book, 3) == [10, None, None, None, None]  # tk05: 1 Oct 00:30 in Berlin
    before = book.read_bytes()
    message = refusal(capsys, "--nps", str(_write(tmp_path / "oct.csv", OCT)), "--into", str(book), *ARGS)
    assert message == (
        "oct.csv has 3 answers for 2026-10, where 'NPS scores'!C2 already holds 1 answer written by the import of "
        "sep.csv, which is not among oct.csv's answers of 2026-10 (by date and score): it is sep.csv's answers of "
        "2026-10 (another survey's, or the first or last hours of a file of the month before or after: a file "
        "exported by UTC days and read with --timezone starts or ends inside 2026-10); replacing the month would "
        "drop it; nothing was written: import one file holding every answer of 2026-10 (both files' rows of 2026-10, "
        "or an export by your zone's days), and the answers there are kept"
    )
    assert book.read_bytes() == before
    # the way out the message gives keeps tk05: October 10, 7, 3, 10 (2 promoters, 1 detractor of 4: NPS 25)
    both = _write(tmp_path / "both.csv", [SEP[-1], *OCT])
    assert cli.main(["import", "--nps", str(both), "--into", str(book), *ARGS]) == 0
    assert _column(book, 3) == [10, 7, 3, 10, None]


def test_an_answer_typed_by_hand_is_not_taken_for_the_files_first_10(tmp_path: Path, capsys) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2026-10", months=1)
    wb = openpyxl.load_workbook(book)
    wb["NPS scores"]["B2"] = 10  # a phone answer
    wb.save(book)
    rows = [("a1", 10, "2026-10-05 10:00:00"), ("a2", 3, "2026-10-06 10:00:00"), ("a3", 7, "2026-10-07 10:00:00")]
    message = refusal(capsys, "--nps", str(_write(tmp_path / "oct.csv", rows)), "--into", str(book), *ARGS)
    assert message == (
        "oct.csv has 3 answers for 2026-10, where 'NPS scores'!B2 already holds 1 answer that no import recorded "
        "(typed, or imported by a version before this record was kept): the import cannot tell whether it is among "
        "oct.csv's answers of 2026-10, and replacing the month would drop it; nothing was written: if it is one of "
        "the file's answers, clear B2 and import again; if not (another survey's or typed), add it to the file as a "
        "row and import the file; or, to replace it (it is then lost), import again with --replace-typed: each "
        "listed with its old value"
    )
    assert _column(book, 2) == [10, None, None, None, None]


def test_the_same_export_again_with_an_answer_given_since_is_read(tmp_path: Path) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2026-10", months=1)
    assert cli.main(["import", "--nps", str(_write(tmp_path / "a.csv", OCT[:2])), "--into", str(book), *ARGS]) == 0
    again = _write(tmp_path / "b.csv", [OCT[2], *OCT[:2]])  # newest first
    assert cli.main(["import", "--nps", str(again), "--into", str(book), *ARGS]) == 0
    assert _column(book, 2) == [7, 3, 10, None, None]
