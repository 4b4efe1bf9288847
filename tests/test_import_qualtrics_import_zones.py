"""Qualtrics' third header row of import ids gives the zone of each date column (``"timeZone":"America/Denver"``):
``--timezone`` converts those times from it (H152 finding 01: the row was skipped, and "no time there has a UTC
offset or a zone, so --timezone UTC converted none" was said of times the file says are Denver's)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
ZONE = '"{""ImportId"":""recordedDate"",""timeZone"":""ZONE""}"'
HEADERS = (
    "StartDate,RecordedDate,ResponseId,Q1\n"
    "Start Date,Recorded Date,Response ID,How likely are you to recommend us to a friend?\n"
    f'"{{""ImportId"":""startDate"",""timeZone"":""ZONE""}}",{ZONE},"{{""ImportId"":""_recordId""}}",'
    '"{""ImportId"":""QID1""}"\n'
)
ANSWERS = [  # Denver's wall times; 01-31 23:30 is 02-01 06:30 UTC, 02-28 23:59 is 03-01 06:59 UTC
    ("2026-01-10 09:00:00", 10), ("2026-01-12 09:00:00", 9), ("2026-01-20 09:00:00", 6), ("2026-01-31 23:30:00", 0),
    ("2026-02-02 10:00:00", 8), ("2026-02-28 23:59:00", 3), ("2026-03-01 00:05:00", 9),
]  # fmt: skip
COLUMNS = ("--columns", "score=Q1,date=RecordedDate")


def _write(tmp_path: Path, zone: str = "America/Denver") -> Path:
    path = tmp_path / "qualtrics.csv"
    rows = "".join(f"{when},{when},R_{i},{score}\n" for i, (when, score) in enumerate(ANSWERS))
    path.write_text(HEADERS.replace("ZONE", zone) + rows)
    return path


def _months(out: Path) -> list[list[object]]:
    return pd.read_csv(out / "nps.csv")[["month", "responses", "promoters", "detractors"]].values.tolist()


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_times_of_the_import_ids_zone_are_converted(tmp_path: Path, backend: str, capsys) -> None:
    out = run(tmp_path, "--nps", _write(tmp_path), *COLUMNS, "--timezone", "UTC", backend=backend)
    assert _months(out) == [["2026-01", 3, 2, 1], ["2026-02", 2, 0, 1], ["2026-03", 2, 1, 1]]
    said = capsys.readouterr()
    assert "qualtrics.csv, column 'RecordedDate': times of America/Denver, as the file's import id row says, " \
        "converted to --timezone UTC\n" in said.out + said.err  # fmt: skip
    assert "converted none" not in said.out + said.err


def test_without_timezone_each_time_is_read_as_written(tmp_path: Path) -> None:
    out = run(tmp_path, "--nps", _write(tmp_path), *COLUMNS)
    assert _months(out) == [["2026-01", 4, 2, 2], ["2026-02", 2, 0, 1], ["2026-03", 1, 1, 0]]


def test_a_zone_that_is_none_is_refused_naming_it(tmp_path: Path, capsys) -> None:
    path = _write(tmp_path, "Mountain/Nowhere")
    message = refusal(capsys, "--nps", str(path), *COLUMNS, "--timezone", "UTC", "--to-csv", str(tmp_path / "o"))
    assert message == (
        "qualtrics.csv, column 'RecordedDate': the file's import id row says its times are in 'Mountain/Nowhere', "
        "no known time zone, so --timezone UTC cannot convert them: import without --timezone (a timestamp's month "
        "is then its date as written)"
    )
