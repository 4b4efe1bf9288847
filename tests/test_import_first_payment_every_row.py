"""Paddle Billing's ``first_billed_at`` ("may be different from started_at if the subscription started in trial")
filled on every row was ignored though some rows' first payment is a month after their start: a trial month counted
as paid (H152 finding 04). It is refused as it is when some rows are blank, naming a row; the way out is read."""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

HEADER = "customer_id,started_at,{name},canceled_at,mrr\n"
ROWS = (
    "a,2026-01-05 09:00,2026-01-05 09:00:02,,10\n"  # billed at its start (seconds later): no trial
    "b,2026-01-10 12:00,2026-01-24 12:00,,8\n"  # a trial ending in the month it started: the same months
    "c,2026-01-25 09:00,2026-02-08 09:00,,10\n"  # a trial month: paying from February
)


@pytest.mark.parametrize("name", ["first_billed_at", "First Payment Date"])
def test_a_first_payment_on_every_row_a_month_after_the_start_is_refused(tmp_path, name) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(HEADER.format(name=name) + ROWS)
    with pytest.raises(DataError) as error:
        load_tables(path, columns={"start": "started_at", "end": "canceled_at"})
    option = "start=" + name if " " not in name else repr("start=" + name)
    assert str(error.value) == (
        f"subs.csv: column {name!r} is not used, and its name says the first payment, after a free trial (not paying "
        "before it), in a later month than the start in some rows (row 4: 2026-02-08, started 2026-01-25): map it as "
        f"the start (--columns {option}), or remove the column if the subscriptions paid from their start"
    )


def test_mapped_as_the_start_the_trial_month_is_not_paid(tmp_path) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(HEADER.format(name="first_billed_at") + ROWS)
    frame = load_tables(path, columns={"start": "first_billed_at", "end": "canceled_at"}).movements
    got = {str(m): (int(frame.loc[m, "customers_end"]), float(frame.loc[m, "mrr_end"])) for m in frame.index}
    assert got["2026-01"] == (2, 18.0) and got["2026-02"] == (3, 28.0)


def test_a_first_payment_in_the_months_of_each_start_changes_nothing(tmp_path) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(HEADER.format(name="first_billed_at") + ROWS.replace("2026-02-08 09:00", "2026-01-28 09:00"))
    frame = load_tables(path, columns={"start": "started_at", "end": "canceled_at"}).movements
    assert int(frame.loc[frame.index[0], "customers_end"]) == 3
