"""The survey tool's export of a month imported again after one respondent's answer was corrected (10 -> 7, every
other answer the same) was refused saying all 5 answers the month holds "are not among" the file's: it named none of
them, advised a file holding both files' rows (which would count 4 answers twice) and never mentioned
--replace-typed, which takes the correction (H557's finding 04). The import record's dates and scores tell which
answer changed: the refusal names it by its date and time, with its cell and both scores ("and N more" beyond
three), says the others are among the file's, and advises --replace-typed. It still refuses: a written answer is not
changed silently."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from import_cli import refusal

from xl_retention import cli
from xl_retention.workbook import build_template

ROWS = [
    ("2025-01-03 09:00:00", 9),
    ("2025-01-05 10:00:00", 10),
    ("2025-01-08 11:00:00", 6),
    ("2025-01-12 12:00:00", 8),
    ("2025-01-20 13:00:00", 3),
    ("2025-02-02 09:00:00", 10),
]
ADVICE = (
    "nothing was written (an answer an import wrote is not changed without --replace-typed): to take answers.csv's "
    "corrected {}, import again with --replace-typed (each replaced cell listed with its old value); if the "
    "tracker's are right, correct answers.csv and import again"
)


def _write(path: Path, rows: list[tuple[str, int]]) -> Path:
    path.write_text("date,score\n" + "".join(f"{d},{s}\n" for d, s in rows))
    return path


def _tracker(tmp_path: Path) -> tuple[Path, Path]:
    book = build_template(tmp_path / "n.xlsx", start="2025-01", months=3)
    path = _write(tmp_path / "answers.csv", ROWS)
    assert cli.main(["import", "--nps", str(path), "--into", str(book)]) == 0
    return book, path


def _january(book: Path) -> list[object]:
    scores = openpyxl.load_workbook(book)["NPS scores"]
    return [scores.cell(r, 2).value for r in range(2, 8)]


def test_one_corrected_answer_is_named_and_replace_typed_takes_it(tmp_path: Path, capsys) -> None:
    book, path = _tracker(tmp_path)
    before = book.read_bytes()
    fixed = [*ROWS]
    fixed[1] = ("2025-01-05 10:00:00", 7)
    _write(path, fixed)
    assert refusal(capsys, "--nps", str(path), "--into", str(book)) == (
        "answers.csv has 5 answers for 2025-01, where 'NPS scores'!B2:B6 already holds 5 answers written by an earlier "
        "import of the same file name, 1 of which has another score in answers.csv (its date and time the same): "
        "2025-01-05 10:00:00 in B3 (10 there, 7 in answers.csv); the other 4 are among answers.csv's answers; "
        + ADVICE.format("score")
    )
    assert book.read_bytes() == before  # nothing written
    assert cli.main(["import", "--nps", str(path), "--into", str(book), "--replace-typed"]) == 0
    assert _january(book) == [9, 7, 6, 8, 3, None]


def test_several_corrected_answers_name_three_and_count_the_others(tmp_path: Path, capsys) -> None:
    book, path = _tracker(tmp_path)
    fixed = [(d, s if d.startswith("2025-02") or s == 10 else s - 1) for d, s in ROWS]  # 4 of January's 5 lowered
    _write(path, fixed)
    assert refusal(capsys, "--nps", str(path), "--into", str(book)) == (
        "answers.csv has 5 answers for 2025-01, where 'NPS scores'!B2:B6 already holds 5 answers written by an earlier "
        "import of the same file name, 4 of which have other scores in answers.csv (their date and time the same): "
        "2025-01-03 09:00:00 in B2 (9 there, 8 in answers.csv), 2025-01-08 11:00:00 in B4 (6 there, 5 in "
        "answers.csv), 2025-01-12 12:00:00 in B5 (8 there, 7 in answers.csv), and 1 more; the other 1 is among "
        "answers.csv's answers; " + ADVICE.format("scores")
    )
    assert _january(book) == [9, 10, 6, 8, 3, None]
