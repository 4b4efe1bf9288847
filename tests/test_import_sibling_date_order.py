"""An intervals file whose start column proves its dates day-first ('25/01/2026') while every end's day is 12 or less
('03/04/2026') was refused asking for --dayfirst or --monthfirst, though one export writes one format: a valid file
refused. Now an ambiguous start or end column is read in the order the other one, of the same layout, proves, with a
note naming both (xl_retention.reading.sibling_dates); where neither proves it, or the layouts differ, the refusal
stays."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, run

from xl_retention.reading.notes import collected
from xl_retention.workbook.importer import load_tables


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_end_is_read_in_the_order_the_start_proves(tmp_path, backend) -> None:
    (tmp_path / "subs.csv").write_text(
        "customer_id,start,end,mrr\na,25/01/2026,03/04/2026,100\nb,05/01/2026,,50\nc,13/02/2026,,20\n"
    )
    out = run(tmp_path, "--subscriptions", tmp_path / "subs.csv", backend=backend)
    movements = pd.read_csv(out / "movements.csv").set_index("month")
    assert movements["mrr_end"].to_dict() == {"2026-01": 150.0, "2026-02": 170.0, "2026-03": 170.0, "2026-04": 70.0}


def test_the_start_is_read_in_the_order_the_end_proves_with_a_note(tmp_path) -> None:
    (tmp_path / "subs.csv").write_text("customer_id,start,end,mrr\na,01/05/2026,03/20/2026,100\nb,01/06/2026,,50\n")
    with collected() as notes:
        tables = load_tables(tmp_path / "subs.csv")
    assert tables.movements["mrr_end"].round(2).to_dict() == {
        pd.Period("2026-01"): 150.0, pd.Period("2026-02"): 150.0, pd.Period("2026-03"): 50.0,
    }  # fmt: skip
    assert "subs.csv: the dates of 'start' could be day-first or month-first; read month-first, as the dates of " \
           "'end', of the same layout, are" in notes + tables.notes  # fmt: skip


@pytest.mark.parametrize(
    "rows",
    [
        "a,05/01/2026,03/04/2026,100\nb,06/01/2026,,50\n",  # neither proves it
        "a,2026-01-25,03/04/2026,100\nb,2026-01-05,,50\n",  # ISO starts: another layout
    ],
)
def test_without_a_proof_of_the_same_layout_the_refusal_stays(tmp_path, capsys, rows) -> None:
    (tmp_path / "subs.csv").write_text("customer_id,start,end,mrr\n" + rows)
    message = refusal(capsys, "--subscriptions", str(tmp_path / "subs.csv"), "--to-csv", str(tmp_path / "out"))
    assert "could be day-first or month-first" in message
