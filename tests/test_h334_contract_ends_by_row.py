"""A Salesforce Contracts report whose "Contract End Date" is each contract's last day (whole months to the day
before its start's day), two of its contracts terminated early (end set to the termination day): each row is read
as its own dates say. H330's finding 10: the two terminations turned every end into a stop day, every customer lost
a month early (October 28 -> 23 customers there), with no line."""

import csv
from pathlib import Path

import numpy as np
import pytest

from xl_retention import cli
from xl_retention.reading.notes import ReadingNoteWarning

CONTRACTS = (
    "Account Name,Contract Number,Contract Start Date,Contract End Date,Plan,Monthly Recurring Revenue\n"
    "Acme,101,1/1/2026,3/31/2026,Basic,100.00\n"
    "Globex,102,2/1/2026,7/31/2026,Pro,250.00\n"
    "Initech,103,3/1/2026,5/31/2026,Basic,100.00\n"
    "Umbrella,104,1/1/2026,12/31/2026,Pro,500.00\n"
    "Hooli,105,2/1/2026,6/17/2026,Basic,250.00\n"
)
COLUMNS = (
    "customer_id=Account Name,start=Contract Start Date,end=Contract End Date,mrr=Monthly Recurring Revenue,"
    "subscription_id=Contract Number"
)


def customers_end(tmp_path: Path, backend: str, *extra: str) -> dict[tuple[str, str], int]:
    path = tmp_path / "sf_contracts.csv"
    path.write_text(CONTRACTS, encoding="utf-8")
    out = tmp_path / "out"
    args = ["import", "--subscriptions", str(path), "--columns", COLUMNS, "--through", "2026-08", "--to-csv", str(out)]
    assert cli.main([*args, "--backend", backend, *extra]) == 0
    with open(out / "movements.csv", newline="") as handle:
        return {(row.get("segment", ""), row["month"]): int(row["customers_end"]) for row in csv.DictReader(handle)}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_whole_contracts_keep_their_last_days_beside_an_early_termination(tmp_path, capsys, backend):
    got = customers_end(tmp_path, backend)
    # Acme through March, Initech through May, Globex through July, Umbrella all year; Hooli stops on 17 June
    # (at the parent: every end a stop day, 2, 4, 4, 4, 3, 2, 1, 1: each customer lost a month early)
    assert [got["", f"2026-{m:02d}"] for m in range(1, 9)] == [2, 4, 5, 4, 4, 2, 2, 1]
    out = capsys.readouterr().out
    assert "(4 of 5 contracts run whole months to the day before their start's day" in out
    assert "the one that does not (Hooli 2026-02-01 to 2026-06-17: ended early?) keeps its end as the day" in out


def test_a_segments_rows_are_read_by_row_as_the_files(tmp_path):
    got = customers_end(tmp_path, "pandas", "--segment", "Plan")
    # Basic: Acme through March, Initech through May, Hooli to 17 June; Pro: Globex through July, Umbrella
    assert [got["Basic", f"2026-{m:02d}"] for m in range(1, 9)] == [1, 2, 3, 2, 2, 0, 0, 0]
    assert [got["Pro", f"2026-{m:02d}"] for m in range(1, 9)] == [1, 2, 2, 2, 2, 2, 2, 1]


def test_inclusive_ends_by_row():
    from xl_retention.reading.inclusive_ends import BY_ROW, inclusive_ends

    d = lambda *v: np.array(v, "datetime64[us]")  # noqa: E731
    rows = {
        "customer_id": ["a", "b", "c"],
        "start": d("2026-01-01", "2026-02-15", "2026-02-01"),
        "end": d("2026-12-31", "2026-05-14", "2026-06-17"),
    }
    with pytest.warns(ReadingNoteWarning, match=r"the one that does not \(c 2026-02-01 to 2026-06-17: ended early"):
        ends, how = inclusive_ends(rows, {"end": "end"}, "in.csv")
    assert how == BY_ROW
    assert ends.astype("datetime64[D]").astype(str).tolist() == ["2027-01-01", "2026-05-15", "2026-06-17"]
    again, _ = inclusive_ends(rows, {"end": "end"}, "in.csv", BY_ROW)
    assert (again == ends).all()
