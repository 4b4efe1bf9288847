"""``import --into`` said nothing where an input's data ends months before the last full month, where ``--to-csv``
notes it (H68 finding 01): the tracker's months and its Dashboard's latest figures then stopped in, say, April with no
word, its active customers not counted after it. The same note is printed on the ``--into`` path now.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from xl_retention import cli
from xl_retention.tables.subscriptions import current_month


def test_import_into_names_the_last_month_of_an_input_ending_early(tmp_path: Path, capsys) -> None:
    orders = tmp_path / "o.csv"
    orders.write_text("customer_id,date,amount\na,2025-01-05,10\nb,2025-02-06,20\na,2025-02-07,30\n")
    tracker = tmp_path / "t.xlsx"
    assert cli.main(["new", str(tracker), "--start", "2025-01", "--months", "12"]) == 0
    capsys.readouterr()
    assert cli.main(["import", "--orders", str(orders), "--into", str(tracker)]) == 0
    last_full = pd.Period(ordinal=current_month(None), freq="M") - 1  # the month before today's
    assert (
        f"2025-02 is the last month of o.csv (its last order): its purchase tables end there, and the months after it, "
        f"2025-03 to {last_full} (the last full month), are not written (a tracker keeps them blank, not 0); if the "
        f"export was cut short, export it up to {last_full}"
    ) in capsys.readouterr().out.splitlines()
