"""A billing export's column named as the quantity ('Quantity', 'Seats', 'Qty') whose values number the rows (1, 2,
3, 4, 5, 6: one more on each row) was read as seats, each MRR multiplied by its row's number: MRR at the end of
2026-04 was 50x1 + 10x2 + 20x4 + 30x5 + 10x6 = 360 where the export's MRR is 120 (a 50 + b 120/12 + d 20 + e 90/3 +
f 10), silently (e5688891 made such a column under a name of no quantity 'Entry' no seats, not one under the
quantity's name). It is refused, naming the column, its values and both ways on; mapped as the quantity explicitly it
is read as seats (360); seats of other counts (5, 12, 3, ...) are read as before.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

ROWS = (
    "customer_id,start,end,amount,interval,{name}\n"
    "a,2026-01-05,,50,month,{q[0]}\n"
    "b,2026-01-06,,120,year,{q[1]}\n"
    "c,2026-02-06,2026-04-10,30,month,{q[2]}\n"
    "d,2026-03-01,,20,month,{q[3]}\n"
    "e,2026-03-15,,90,quarter,{q[4]}\n"
    "f,2026-04-02,,10,month,{q[5]}\n"
)
RUNNING = (1, 2, 3, 4, 5, 6)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("name", ["Quantity", "Seats", "qty"])
def test_a_quantity_of_running_numbers_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, backend: str
) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(ROWS.format(name=name, q=RUNNING))
    message = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert message == (
        f"subs.csv: column {name!r} holds 1, 2, 3, 4, 5, 6, one more on each row than on the row above: each row's "
        "running number, it seems, not seats; read as the quantity it would multiply each row's MRR by its row's "
        "number (MRR = amount x quantity / months per interval). A running number: remove or rename the column; "
        f"seats: map it: --columns quantity={name}"
    )
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_mapped_as_the_quantity_they_are_seats(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(ROWS.format(name="Quantity", q=RUNNING))
    out = run(tmp_path, "--subscriptions", path, "--columns", "quantity=Quantity", backend=backend)
    table = pd.read_csv(out / "movements.csv").set_index("month")
    # a 50x1; b 120x2/12 = 20; c 30x3 = 90 (Feb-Mar); d 20x4 = 80; e 90x5/3 = 150; f 10x6 = 60
    assert table["mrr_end"].to_dict() == {"2026-01": 70.0, "2026-02": 160.0, "2026-03": 390.0, "2026-04": 360.0}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_other_seat_counts_are_read_as_before(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(ROWS.format(name="Quantity", q=(5, 12, 3, 1, 2, 1)))
    table = pd.read_csv(run(tmp_path, "--subscriptions", path, backend=backend) / "movements.csv").set_index("month")
    # a 250; b 120x12/12 = 120; c 90 (Feb-Mar); d 20; e 90x2/3 = 60; f 10
    assert table["mrr_end"].to_dict() == {"2026-01": 370.0, "2026-02": 460.0, "2026-03": 540.0, "2026-04": 460.0}
