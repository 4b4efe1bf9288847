"""A snapshots file whose month is a UTC instant of a zone's midnight (``2026-07-31T22:00:00Z``: 1 August at 00:00 in
Europe/Berlin, a warehouse's ``date_trunc('month', ...)`` in a Berlin session exported as a TIMESTAMP WITH TIME
ZONE) was refused with ``--timezone Europe/Berlin`` as "a month column with times of day": the times were checked as
written, before the zone the option names (H171 finding 02). With ``--timezone`` such instants are the zone's months,
with a note; without it, or where the zone's reading still has times of day, the refusal stands, and months as
written are read as before."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

ROWS = [
    ("a", "2026-07-31T22:00:00Z", 100),
    ("b", "2026-07-31T22:00:00Z", 50),
    ("a", "2026-08-31T22:00:00Z", 100),
    ("a", "2026-09-30T22:00:00Z", 120),
    ("c", "2026-09-30T22:00:00Z", 80),
]
NOTE = (
    "the months of 'month' are instants at midnight in Europe/Berlin (their times of day as written are another "
    "zone's): read as Europe/Berlin's months, as --timezone asks"
)


def _write(tmp_path: Path, suffix: str, rows: list[tuple[str, str, int]] = ROWS) -> Path:
    df = pd.DataFrame(rows, columns=["customer_id", "month", "mrr"])
    path = tmp_path / f"subs_utc.{suffix}"
    if suffix == "parquet":
        df["month"] = pd.to_datetime(df["month"], utc=True)  # a TIMESTAMP WITH TIME ZONE
        df.to_parquet(path)
    else:
        df.to_csv(path, index=False)
    return path


def _movements(tmp_path: Path) -> dict[str, tuple[str, str]]:
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        return {r["month"]: (r["customers_end"], r["mrr_end"]) for r in csv.DictReader(f)}


@pytest.mark.parametrize(("suffix", "backend"), [("csv", "pandas"), ("parquet", "pandas"), ("parquet", "duckdb")])
def test_instants_of_the_zones_midnights_are_its_months(tmp_path: Path, capsys, suffix: str, backend: str) -> None:
    path = _write(tmp_path, suffix)
    args = ["import", "--subscriptions", str(path), "--timezone", "Europe/Berlin", "--backend", backend]
    assert cli.main([*args, "--to-csv", str(tmp_path / "o")]) == 0
    found = _movements(tmp_path)
    assert [found[m] for m in ("2026-08", "2026-09", "2026-10")] == [("2", "150.0"), ("1", "100.0"), ("2", "200.0")]
    assert f"subs_utc.{suffix}: {NOTE}" in capsys.readouterr().out


@pytest.mark.parametrize(("suffix", "backend"), [("csv", "pandas"), ("parquet", "duckdb")])
def test_without_timezone_they_are_refused_naming_it(tmp_path: Path, capsys, suffix: str, backend: str) -> None:
    path = _write(tmp_path, suffix)  # H178 finding 01: was refused as "one row per event ... --orders"
    args = ["import", "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o")]
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert (
        "column 'month': a month column of instants at midnight in Europe/Berlin (or another zone of its UTC "
        "offsets), read as written with times of day in rows "
    ) in err, err
    assert err.rstrip().endswith(": read them as that zone's months: --timezone Europe/Berlin")


def test_a_payments_time_of_day_is_still_an_event(tmp_path: Path, capsys) -> None:
    rows = [("a", "2026-08-03T10:17:00Z", 100), ("a", "2026-09-03T10:17:00Z", 100)]
    path = _write(tmp_path, "csv", rows)
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")]) == 1
    assert "column 'month': a month column with times of day: one row per customer" in capsys.readouterr().err


def test_times_of_day_in_the_zone_too_are_refused(tmp_path: Path, capsys) -> None:
    rows = [("a", "2026-08-01T10:00:00Z", 100), ("a", "2026-09-01T10:00:00Z", 100)]  # 12:00 in Berlin: events
    path = _write(tmp_path, "csv", rows)
    args = ["import", "--subscriptions", str(path), "--timezone", "Europe/Berlin", "--to-csv", str(tmp_path / "o")]
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert "column 'month': a month column with times of day" in err
    assert "in rows 2, 3 (counting the header as row 1): '2026-08-01T10:00:00Z', '2026-09-01T10:00:00Z'" in err


def test_utc_midnights_stay_their_months_in_another_zone(tmp_path: Path, capsys) -> None:
    rows = [("a", "2026-08-01T00:00:00Z", 100), ("a", "2026-09-01T00:00:00Z", 100)]  # labels: read as written
    path = _write(tmp_path, "csv", rows)
    args = ["import", "--subscriptions", str(path), "--timezone", "America/New_York", "--to-csv", str(tmp_path / "o")]
    assert cli.main(args) == 0
    found = _movements(tmp_path)
    assert (found["2026-08"], found["2026-09"]) == (("1", "100.0"), ("1", "100.0"))
    assert "instants at midnight" not in capsys.readouterr().out
