"""A guess the reading takes (whole amounts read as cents, instants counted in UTC months) reaches a Python caller as
a ReadingNoteWarning worded with the Python arguments, as the import prints it with the command's options (H202's
finding 01: tables.* and relational.* dropped every note, a factor of 100 on every amount without a word)."""

from __future__ import annotations

import contextvars
import threading
import warnings

import pandas as pd
import pytest

import xl_retention.tables as t
from xl_retention.reading.notes import ReadingNoteWarning, collected, note, relayed

CHARGES = pd.DataFrame(
    {
        "customer": ["cus_A1", "cus_B2", "cus_A1", "cus_C3"],
        "created": ["2026-01-05", "2026-01-09", "2026-02-11", "2026-02-20"],
        "amount": [4900, 9900, 4900, 14900],
        "currency": ["usd"] * 4,
        "id": ["ch_1", "ch_2", "ch_3", "ch_4"],
    }
)


def test_stripe_cents_warned_in_python_wording() -> None:
    with pytest.warns(ReadingNoteWarning) as heard:
        tables = t.order_tables(CHARGES, columns={"customer_id": "customer", "date": "created"})
    assert tables.revenue_cohorts.iloc[0, 0] == 148.0
    assert {w.filename for w in heard} == {__file__}  # at the user's call
    assert [str(w.message) for w in heard if w.category is ReadingNoteWarning] == [
        "input: the whole amounts of 'amount' were read in cents, the currency's smallest unit, as Stripe's API writes"
        " them (4900 as 49.00); if they are whole units, import with options=ReadOptions(amounts='units') (or write"
        " them with a decimal mark, 4900.00)"
    ]


def test_collected_notes_are_not_warned() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with collected() as found:
            note("x.csv: --amounts units reads them as units")
    assert found == ["x.csv: --amounts units reads them as units"]


def test_notes_of_threads_under_ignored_warnings_are_relayed() -> None:
    """The reading's threads run under warnings.catch_warnings() "ignore": their notes are warned after it."""
    with pytest.warns(ReadingNoteWarning, match=r"^y\.csv: read in UTC; options=ReadOptions\(timezone='ZONE'\)"):
        with relayed(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text = "y.csv: read in UTC; --timezone ZONE counts in yours"
            worker = threading.Thread(target=contextvars.copy_context().run, args=(note, text))  # as preparation's
            worker.start()
            worker.join()


def test_zones_tried_say_nothing() -> None:
    """The zones the reading tries on a month column with times of day are not the caller's: only the refusal
    (H202's finding 14: 16 warnings naming zones nobody gave)."""
    df = pd.DataFrame(
        {
            "customer_id": ["a", "a", "b"],
            "month": pd.to_datetime(["2026-01-31 23:59:59", "2026-02-28 23:59:59", "2026-02-28 23:59:59"]),
            "mrr": [10.0, 10.0, 20.0],
        }
    )
    with warnings.catch_warnings(record=True) as heard:
        warnings.simplefilter("always")
        with pytest.raises(Exception, match="times of day"):
            t.subscription_tables(df)
    assert [str(w.message) for w in heard if w.category is ReadingNoteWarning] == []
