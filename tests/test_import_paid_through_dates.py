"""An expiry or paid-through date on every row, with no end mapped, was ignored: nobody churned (H66 finding 11).

App stores' and memberships' exports fill "Expires" / ``paid_until`` / "Access Until" / "Gültig bis" on every row: in
the past for lapsed subscriptions, in the future for paid ones. The by-values rule for an unused end column needed
blanks, so such a column was ignored: February 4 customers and 190 MRR where c lapsed on 9 February (3, 160), exit 0.
Now refused as an end column is, naming it; mapped as the end, c is lost in February. A renewal's or a period's
column ("Renewal Date", "Period End") and dates all past are not read so.
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

ROWS = (
    "a,2024-01-05,100,2099-02-05\nb,2024-01-07,50,2024-03-07\nc,2024-01-09,30,2024-02-09\nd,2024-02-01,10,2099-03-01\n"
)


@pytest.mark.parametrize("name", ["Expires", "Valid Until", "Access Until", "Gültig bis"])
def test_a_paid_through_date_on_every_row_is_refused(tmp_path, name):
    path = tmp_path / "subs.csv"
    path.write_text(f'customer_id,start,mrr,"{name}"\n' + ROWS)
    with pytest.raises(DataError) as error:
        load_tables(path)
    assert str(error.value).startswith(
        f"subs.csv: column {name!r} looks like the day subscriptions ended but is not used (dates after the start, "
        "past and to come, on every row): without an end every subscription counts as active to this day (no churn); "
        "map it: --columns "
    )
    frame = load_tables(path, columns={"end": name}).movements
    got = {str(m): (int(frame.loc[m, "customers_end"]), float(frame.loc[m, "mrr_end"])) for m in frame.index}
    assert got["2024-02"] == (3, 160.0) and got["2024-03"] == (2, 110.0)


def test_a_paid_through_date_is_refused_as_no_end(tmp_path):
    path = tmp_path / "subs.csv"
    path.write_text("customer_id,start,mrr,paid_until\n" + ROWS)
    with pytest.raises(DataError) as error:
        load_tables(path)
    assert str(error.value).startswith(
        "subs.csv: column 'paid_until' says until when each subscription is paid, past on some rows and to come on "
        "others, and is not used: without an end every subscription counts as active to this day (no churn)"
    )


@pytest.mark.parametrize(
    ("name", "rows"),
    [("Renewal Date", ROWS), ("Expires", ROWS.replace("2099-", "2024-").replace("2024-03-01", "2024-03-02"))],
)
def test_a_renewal_and_past_dates_alone_are_not_read_so(tmp_path, name, rows):
    path = tmp_path / "subs.csv"
    path.write_text(f'customer_id,start,mrr,"{name}"\n' + rows)
    assert float(load_tables(path).movements.loc["2024-02", "mrr_end"]) == 190.0
