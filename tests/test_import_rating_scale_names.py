"""A score column whose name says another scale than NPS's 0-10 ('Rating (1-5)', 'CSAT', 'stars', 'Bewertung') is
refused at any count of answers, naming it (H14 finding 24: 4 answers 5, 4, 5, 2 of 'Rating (1-5)' mapped as the
score gave NPS -100, exit 0; from 30 answers the values alone were refused already)."""

import csv
from pathlib import Path

import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "


def run(tmp_path: Path, column: str, scores: list[int], backend: str = "pandas") -> int:
    path = tmp_path / "answers.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", column])
        writer.writerows([f"2024-01-{day:02d}", score] for day, score in enumerate(scores, start=5))
    args = ["import", "--nps", str(path), "--columns", f"score={column}", "--backend", backend]
    return cli.main([*args, "--to-csv", str(tmp_path / "out")])


def nps(tmp_path: Path) -> float:
    with open(tmp_path / "out" / "nps.csv", newline="") as handle:
        return float(next(row["nps"] for row in csv.DictReader(handle) if row["month"] == "2024-01"))


@pytest.mark.parametrize(
    "column",
    ["Rating (1-5)", "Satisfaction (1-5)", "Bewertung (1-5 Sterne)", "score_1_to_5", "How satisfied (1-7)", "CSAT",
     "stars", "Note de 1 à 5", "Score (out of 5)", "5-point scale"],
)  # fmt: skip
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_another_scale_by_its_name_is_refused(tmp_path, capsys, column, backend):
    assert run(tmp_path, column, [5, 4, 5, 2], backend) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(ERROR) and "\n" not in err and "Traceback" not in err
    assert f"column {column!r}: its name says" in err and "--columns score=COLUMN" in err


def test_a_range_in_the_name_is_refused_whatever_the_answers(tmp_path, capsys):
    assert run(tmp_path, "Score (1-5)", [9, 10, 5]) == 1
    assert "its name says a 1-5 scale" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("column", "scores", "expected"),
    [
        ("How likely are you to recommend us? (0-10)", [10, 9, 2, 5], 0.0),
        ("NPS rating", [10, 9, 9, 2], 50.0),
        ("Rating", [10, 9, 9, 3], 50.0),  # a word alone: the answers above 7 say 0-10
        ("Score", [5, 4, 5, 2], -100.0),  # nothing says another scale: too few answers to tell
    ],
)
def test_nps_columns_are_read(tmp_path, column, scores, expected):
    assert run(tmp_path, column, scores) == 0
    assert nps(tmp_path) == expected
