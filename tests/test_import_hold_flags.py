"""A month flagged on hold, suspended or frozen under another name than 'paused' counted as paying (H66 04).

``is_paused`` true on a snapshot row with an MRR was refused; ``On Hold``, ``is_suspended``, ``Gesperrt``, ``frozen``
true, or ``is_paused`` ``ja``/``oui``, were ignored: February counted 2 customers and 150 MRR, exit 0. They are read
as a pause flag now: refused where the row has an MRR, read where the month's MRR is 0; in a file of intervals any
value but false is refused, as a pause column's is.
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables


def movements(tmp_path, text: str):
    path = tmp_path / "subs.csv"
    path.write_text(text)
    frame = load_tables(path).movements
    return {str(m): (int(frame.loc[m, "customers_end"]), float(frame.loc[m, "mrr_end"])) for m in frame.index}


def snapshots(column: str, true: str, false: str, held_mrr: int) -> str:
    return (
        f"customer_id,month,mrr,{column}\n"
        f"a,2024-01,100,{false}\nb,2024-01,50,{false}\na,2024-02,{held_mrr},{true}\nb,2024-02,50,{false}\n"
        f"a,2024-03,100,{false}\nb,2024-03,50,{false}\n"
    )


@pytest.mark.parametrize(
    ("column", "true", "false"),
    [("On Hold", "TRUE", "FALSE"), ("on_hold", "yes", "no"), ("is_suspended", "1", "0"), ("Gesperrt", "ja", "nein"),
     ("frozen", "true", "false"), ("is_paused", "oui", "non"), ("IsOnHold", "True", "False")],
)  # fmt: skip
def test_a_held_month_with_an_mrr_is_refused_and_one_at_zero_is_read(tmp_path, column, true, false):
    with pytest.raises(DataError) as error:
        movements(tmp_path, snapshots(column, true, false, 100))
    assert str(error.value) == (
        f"subs.csv, column {column!r}: snapshot rows with an MRR whose pause column says the subscription is paused "
        "(a paused month pays nothing, and a snapshot's row with an MRR counts as a paying customer that month): "
        f"write their MRR as 0, or correct the column in row 4 (counting the header as row 1): {true!r}"
    )
    got = movements(tmp_path, snapshots(column, true, false, 0))
    assert got["2024-02"] == (1, 50.0) and got["2024-03"] == (2, 150.0)


def test_a_hold_flag_in_intervals_is_refused(tmp_path):
    text = "customer_id,start,end,mrr,is_on_hold\na,2024-01-01,,100,false\nb,2024-01-01,,50,true\n"
    with pytest.raises(DataError, match=r"column 'is_on_hold': subscriptions paused .* row 3 "):
        movements(tmp_path, text)
    assert movements(tmp_path, text.replace(",true", ",nein"))["2024-01"] == (2, 150.0)
