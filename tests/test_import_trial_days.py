"""A trial's length in days, or the first payment's date, beside the start was ignored: trials counted (H66 10).

``trial_period_days`` (Stripe's price field in warehouse tables), "Trial Days", "Trial Period (days)",
``trial_days``, "Free trial days", "Testzeitraum (Tage)" of 14 beside each start: a and b counted from their start,
b cancelled inside its trial counted as a customer: January 3 customers and 180 MRR where 1 pays 30, exit 0. Now
the trial ends its days after the start (a note names the column): paying from then, never paid if it ended before.
Paddle's ``first_billed_at``, "First Payment Date", Chargebee's ``activated_at``, "Paid Since" beside another start
(payment words, so taken as harmless dates) are refused naming the way out: map it as the start.
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.reading.notes import collected
from xl_retention.workbook.importer import load_tables

ROWS = (
    "a,2024-01-25,,100,month,14\nb,2024-01-10,2024-01-20,50,month,14\nc,2024-01-03,,30,month,0\n"
    "d,2024-02-20,,10,month,30\n"
)


@pytest.mark.parametrize(
    "name",
    ["trial_period_days", "Trial Days", "Trial Period (days)", "trial_days", "Free trial days", "Testzeitraum (Tage)"],
)
def test_a_trials_days_start_the_mrr_at_its_end(tmp_path, name):
    path = tmp_path / "subs.csv"
    path.write_text(f'customer_id,start,end,amount,interval,"{name}"\n' + ROWS)
    with collected() as notes:
        tables = load_tables(path)
    frame = tables.movements
    got = {str(m): (int(frame.loc[m, "customers_end"]), float(frame.loc[m, "mrr_end"])) for m in frame.index}
    assert got == {"2024-01": (1, 30.0), "2024-02": (2, 130.0), "2024-03": (3, 140.0)}
    assert int(frame["lost"].sum()) == 0  # b cancelled in its trial: never a customer
    assert (
        f"subs.csv: column {name!r} read as each subscription's free trial in days: it pays from its start and those "
        "days (one that ended by then never paid); a blank or 0 is no trial"
    ) in notes + tables.notes


def test_days_that_are_no_days_are_refused(tmp_path):
    path = tmp_path / "subs.csv"
    path.write_text("customer_id,start,end,amount,interval,trial_days\n" + ROWS.replace(",30\n", ",30 days\n"))
    with pytest.raises(DataError, match=r"column 'trial_days': values that are not a trial's length .* row 5 "):
        load_tables(path)


@pytest.mark.parametrize("name", ["first_billed_at", "activated_at", "First Payment Date", "Paid Since"])
def test_a_first_payment_beside_another_start_is_refused(tmp_path, name):
    path = tmp_path / "subs.csv"
    path.write_text(
        f'customer_id,started_at,"{name}",canceled_at,mrr\na,2024-01-20,2024-02-03,,100\nb,2024-01-10,,2024-01-24,50\n'
        "c,2024-01-03,2024-01-03,,30\n"
    )
    with pytest.raises(DataError) as error:
        load_tables(path, columns={"start": "started_at", "end": "canceled_at"})
    assert str(error.value).startswith(
        f"subs.csv: column {name!r} holds dates while subscriptions run (blank in other rows) and is not used: its "
        "name says the first payment, after a free trial (not paying before it; blank: not paid yet, or never): map "
        "it as the start (--columns "
    )


def test_two_trial_length_columns_are_refused_naming_both(tmp_path):
    path = tmp_path / "subs.csv"
    path.write_text(
        "customer_id,start,end,amount,interval,trial_days,Trial Period (days)\n" + ROWS.replace("\n", ",\n")
    )
    with pytest.raises(DataError) as error:
        load_tables(path)
    assert str(error.value) == (
        "subs.csv: 2 columns could be the free trial's length ('trial_days', 'Trial Period (days)'): remove the one "
        "that is not"
    )
