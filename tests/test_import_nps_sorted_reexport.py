"""A survey exported again sorted by score (or newest first) with an answer given since in a month already imported
was refused on import --into ('already holds 12 ... not among its first or last answers'), where the same answers
without the new one were read (b27c629): a routine monthly re-import stopped. The file's dates tell: by date, the
answers already in the tracker are its first ones (the tracker's from an export oldest or newest first), so each stays
in its cell and the new one fills the cell below. Another survey's answers of the month are still refused, and so is
a re-export that lacks one of the tracker's answers or differs in one by date.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from import_cli import refusal

from xl_retention import cli
from xl_retention.workbook import build_template

JANUARY = [10, 7, 9, 8, 3, 9, 10, 6, 8, 9, 10, 5]
ARGS = ["--columns", "date=Created at"]


def _write(path: Path, rows: list[tuple[str, int]]) -> Path:
    path.write_text("Response ID,Created at,Score\n" + "".join(f"R_{d}{s},{d},{s}\n" for d, s in rows))
    return path


def _into(path: Path, book: Path) -> int:
    return cli.main(["import", "--nps", str(path), "--into", str(book), *ARGS])


def _january(times: bool = True) -> list[tuple[str, int]]:
    at = " 10:00:00" if times else ""
    return [(f"2026-01-{d:02d}{at}", s) for d, s in zip(range(2, 14), JANUARY, strict=True)]


def _column(book: Path, column: int) -> list[int | None]:
    scores = openpyxl.load_workbook(book)["NPS scores"]
    return [scores.cell(r, column).value for r in range(2, 16)]


@pytest.mark.parametrize("first", ["oldest first", "newest first"])
@pytest.mark.parametrize("times", [True, False])
def test_a_reexport_sorted_by_score_with_a_new_answer_is_read(tmp_path: Path, first: str, times: bool) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    earlier = _january(times) if first == "oldest first" else _january(times)[::-1]
    assert _into(_write(tmp_path / "jan.csv", earlier), book) == 0
    kept = _column(book, 2)
    since = [(f"2026-01-28{' 18:00:00' if times else ''}", 2), (f"2026-02-03{' 09:00:00' if times else ''}", 9)]
    again = sorted(_january(times) + since, key=lambda r: r[1])  # sorted by score in the survey tool
    assert _into(_write(tmp_path / "all.csv", again), book) == 0
    assert _column(book, 2) == kept[:12] + [2, None]  # the 12 in their cells, the new one below
    assert _column(book, 3)[:2] == [9, None]


@pytest.mark.parametrize("order", ["sorted", "newest first"])
def test_a_newest_first_reexport_with_two_new_answers_is_read(tmp_path: Path, order: str) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    assert _into(_write(tmp_path / "jan.csv", _january()), book) == 0
    since = [("2026-01-20 08:00:00", 4), ("2026-01-30 08:00:00", 10)]
    again = (_january() + since)[::-1] if order == "newest first" else sorted(_january() + since, key=lambda r: -r[1])
    assert _into(_write(tmp_path / "all.csv", again), book) == 0
    new = [10, 4] if order == "sorted" else [4, 10]  # in the file's order; newest first: read oldest first (b27c629)
    assert _column(book, 2) == [*JANUARY, *new]


@pytest.mark.parametrize(
    "change",
    [
        "another survey",  # the kiosk's answers and one of the web's: not the web's first ones
        "one answer lost",  # an answer of the tracker's is not in the file
        "one answer changed",  # the 3 of 6 January reads 4
    ],
)
def test_what_truly_conflicts_is_still_refused(tmp_path: Path, capsys, change: str) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    assert _into(_write(tmp_path / "jan.csv", _january()), book) == 0
    rows = _january() + [("2026-01-28 18:00:00", 2)]
    if change == "another survey":
        rows = [("2026-01-20 10:00:00", 4), ("2026-01-21 10:00:00", 10), ("2026-01-22 10:00:00", 10)]
    elif change == "one answer lost":
        rows = rows[:3] + rows[4:]
    elif change == "one answer changed":
        rows[4] = (rows[4][0], 4)
    path = _write(tmp_path / "all.csv", sorted(rows, key=lambda r: r[1]))
    count = len(rows)
    held = f"all.csv has {count} answers for 2026-01, where 'NPS scores'!B2:B13 already holds 12 answers written by "
    held += "the "
    said = refusal(capsys, "--nps", str(path), "--into", str(book), *ARGS)
    if change == "one answer changed":  # named, with its cell and both scores, and --replace-typed to take it (H566)
        assert said.startswith(
            held + "import of jan.csv, 1 of which has another score in all.csv (its date and time the same): "
            "2026-01-06 10:00:00 in B6 (3 there, 4 in all.csv); the other 11 are among all.csv's answers; nothing was "
            "written"
        )
    elif change == "one answer lost":  # named, with its date, and what to do (H574)
        assert said.endswith(
            "import of jan.csv, 1 of which is not in all.csv: the 8 of 2026-01-05 10:00:00 in B5 (the other 11 "
            "are among all.csv's answers, by date and score); nothing was written: if that answer was deleted in the "
            "survey tool on purpose, import again with --replace-typed to drop it (each replaced cell listed with its "
            "old value); if not, add it to all.csv as a row (date 2026-01-05 10:00:00, score 8) and import again"
        )
    else:
        assert said.startswith(
            held + "import of jan.csv, which are not among all.csv's answers of 2026-01 (by date and score)"
        )
    assert _column(book, 2) == [*JANUARY, None, None]  # nothing written


def _days(path: Path, rows: list[tuple[str, int]]) -> Path:
    path.write_text("Created at,Score\n" + "".join(f"{d},{s}\n" for d, s in rows))
    return path


def test_answers_dated_by_day_match_a_day_whole_before_one_ended_inside(tmp_path: Path, capsys) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    earlier = [("2026-01-02", 9), ("2026-01-02", 10), ("2026-01-03", 6)]  # exported on 3 January: one answer then
    assert _into(_days(tmp_path / "jan.csv", earlier), book) == 0
    again = sorted([*earlier, ("2026-01-03", 8), ("2026-01-05", 3)], key=lambda r: r[1])  # 3 January's second answer
    assert _into(_days(tmp_path / "all.csv", again), book) == 0
    assert _column(book, 2)[:6] == [9, 10, 6, 3, 8, None]
    book = build_template(tmp_path / "t2.xlsx", start="2026-01", months=6)
    assert _into(_days(tmp_path / "jan.csv", earlier[:2]), book) == 0  # 9 and 10 of 2 January
    kiosk = [("2026-01-02", s) for s in (10, 4, 9, 10, 7)]  # another survey's day: a 9 and a 10 among its answers
    assert refusal(capsys, "--nps", str(_days(tmp_path / "kiosk.csv", kiosk)), "--into", str(book), *ARGS).startswith(
        "kiosk.csv has 5 answers for 2026-01, where 'NPS scores'!B2:B3 already holds 2"
    )
