"""The same survey exported again in another order (newest first, as Delighted's and SurveyMonkey's lists show, or
sorted in Excel) was refused on import --into as 'already holds 12 ... another survey's' (H68 finding 02): a routine
monthly re-import stopped. Its answers reversed, or the same answers in another order, are the same survey: read;
another survey's answers are still refused.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from import_cli import refusal

from xl_retention import cli
from xl_retention.workbook import build_template

JANUARY = [10, 7, 9, 8, 3, 9, 10, 6, 8, 9, 10, 5]


def _write(path: Path, rows: list[tuple[str, int]]) -> Path:
    path.write_text("Created at,Score\n" + "".join(f"{d},{s}\n" for d, s in rows))
    return path


def _into(path: Path, book: Path) -> int:
    return cli.main(["import", "--nps", str(path), "--into", str(book), "--columns", "date=Created at"])


def _january() -> list[tuple[str, int]]:
    return [(f"2026-01-{d:02d} 10:00:00", s) for d, s in zip(range(2, 14), JANUARY, strict=True)]


@pytest.mark.parametrize("order", ["newest first", "sorted by score"])
def test_the_same_survey_in_another_order_is_read(tmp_path: Path, order: str) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    assert _into(_write(tmp_path / "jan.csv", _january()), book) == 0
    again = [("2026-02-03 09:00:00", 9), ("2026-02-10 09:00:00", 2), *_january()][::-1]
    if order == "sorted by score":
        again = sorted(_january(), key=lambda r: r[1]) + [("2026-02-03 09:00:00", 9)]
    assert _into(_write(tmp_path / "all.csv", again), book) == 0
    scores = openpyxl.load_workbook(book)["NPS scores"]
    january = sorted(scores.cell(r, 2).value for r in range(2, 14))
    assert january == sorted(JANUARY) and scores.cell(14, 2).value is None
    assert scores.cell(2, 3).value in (9, 2)  # February's answers written


def test_another_surveys_answers_are_still_refused(tmp_path: Path, capsys) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    assert _into(_write(tmp_path / "jan.csv", _january()), book) == 0
    kiosk = _write(tmp_path / "kiosk.csv", [("2026-01-20 10:00:00", 4), ("2026-01-21 10:00:00", 10)])
    assert refusal(capsys, "--nps", str(kiosk), "--into", str(book), "--columns", "date=Created at").startswith(
        "kiosk.csv has 2 answers for 2026-01, where 'NPS scores'!B2:B13 already holds 12"
    )
