"""A billing export's column of running numbers (1, 2, 3, 4, 5, 6: each row's number) under a name the import does
not know as seats ('Entry', '#', 'Pos') was refused as "a quantity (seats, licences)? ... map it: --columns
quantity=Entry", advice that multiplies each MRR by its row's number (f's 10 a month read as 60). A column each of
whose rows is one more than the row above, on 5 rows or more, is never a seat count: the export imports (MRR at the
end of 2026-04 120: a 50 + b 120/12 + d 20 + e 90/3 + f 10). On fewer rows (1, 2, 3), or a run in no order (a
table's), running numbers or seats cannot be told: refused naming the column and its values, both ways out."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

ROWS = (
    "customer_id,start,end,amount,interval,{name}\n"
    "a,2026-01-05,,50,month,1\n"
    "b,2026-01-06,,120,year,2\n"
    "c,2026-02-06,2026-04-10,30,month,3\n"
    "d,2026-03-01,,20,month,4\n"
    "e,2026-03-15,,90,quarter,5\n"
    "f,2026-04-02,,10,month,6\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("name", ["Entry", "#", "Pos"])
def test_running_numbers_are_no_seat_count(tmp_path: Path, name: str, backend: str) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(ROWS.format(name=name))
    table = pd.read_csv(run(tmp_path, "--subscriptions", path, backend=backend) / "movements.csv").set_index("month")
    assert table["mrr_end"].to_dict() == {"2026-01": 60.0, "2026-02": 90.0, "2026-03": 140.0, "2026-04": 120.0}
    assert table["customers_end"].tolist() == [2, 3, 5, 5]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_three_running_numbers_are_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("".join(ROWS.format(name="Entry").splitlines(keepends=True)[:4]))
    message = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert message == (
        "subs.csv: column 'Entry' holds 1, 2, 3, a different whole number on each row, beside the price and is not "
        "used: is it each row's running number (an id: no count) or a quantity (seats, licences), which would "
        "multiply the MRR (MRR = amount x quantity / months per interval)? It cannot be told from its values: a "
        "running number: remove the column; seats: map it: --columns quantity=Entry"
    )


def test_a_run_in_no_order_in_a_database_table_is_asked() -> None:
    import duckdb
    import ibis

    from xl_retention.reading import DataError
    from xl_retention.relational import monthly_movements

    con = ibis.duckdb.from_connection(duckdb.connect())
    frame = pd.read_csv(io.StringIO(ROWS.format(name="Entry")), dtype={"end": str})
    frame["Entry"] = [3, 1, 2, 4, 6, 5]
    with pytest.raises(DataError, match=r"column 'Entry' holds 3, 1, 2, 4, 6, 5, a different whole number on each"):
        monthly_movements(con.create_table("subs", frame), backend=con)
    ordered = con.create_table("ordered", frame.assign(Entry=range(101, 107)))
    assert monthly_movements(ordered, backend=con)["mrr_end"].tolist() == [60.0, 90.0, 140.0, 120.0]


def test_seats_of_different_counts_are_still_asked_as_seats(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(ROWS.format(name="Entry").replace(",1\n", ",5\n").replace(",2\n", ",12\n"))
    message = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert message.startswith(
        "subs.csv: column 'Entry' holds whole numbers beside the price and is not used: a quantity"
    )
    assert message.endswith("map it: --columns quantity=Entry, or remove the column if it counts something else")
