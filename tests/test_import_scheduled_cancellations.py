"""A Stripe export's subscription set to cancel at period end (Status active, 'Canceled At' filled, 'Ended At'
blank) made refuse_empty_end refuse a file where no row has ended yet ('Ended At' blank in every row, 'Canceled At'
"holds dates of subscriptions that ended") and advise end='Canceled At', which is refused in turn (past end dates on
active subscriptions); with --segment, a segment whose rows have no 'Ended At' stopped a file that imports whole.
A filled 'Canceled At' on a row that still pays is a cancellation set for later (reading.scheduled_ends)."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, run

HEADER = "Customer ID,Product,Amount,Status,Start Date,Canceled At,Cancel At Period End,Ended At\n"
COLUMNS = "mrr=Amount,start=Start Date,end=Ended At"
NOBODY_ENDED = (
    "a,Starter,29,active,2026-06-03,,false,\n"
    "m,Pro,80,active,2026-06-20,2026-07-10,true,\n"  # set to cancel at its period's end: pays on
    "d,Team,147,active,2026-07-01,,false,\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_file_where_nobody_ended_yet_beside_a_scheduled_cancellation_imports(tmp_path, backend) -> None:
    (tmp_path / "subs.csv").write_text(HEADER + NOBODY_ENDED)
    out = run(tmp_path, "--subscriptions", tmp_path / "subs.csv", "--columns", COLUMNS, backend=backend)
    movements = pd.read_csv(out / "movements.csv").set_index("month")
    assert movements["mrr_end"].to_dict()["2026-06"] == 109.0
    assert movements["customers_end"].to_dict()["2026-07"] == 3


def test_a_segment_without_ends_is_read_as_the_whole_file_is(tmp_path) -> None:
    rows = NOBODY_ENDED + "b,Starter,29,canceled,2026-06-10,2026-08-20,false,2026-08-20\n"
    (tmp_path / "subs.csv").write_text(HEADER + rows)
    out = run(tmp_path, "--subscriptions", tmp_path / "subs.csv", "--columns", COLUMNS, "--segment", "Product")
    movements = pd.read_csv(out / "movements.csv")
    july = movements[movements["month"] == "2026-07"].set_index("segment")
    assert july["customers_end"].to_dict() == {"Pro": 1, "Starter": 2, "Team": 1}
    assert july["mrr_end"].to_dict() == {"Pro": 80.0, "Starter": 58.0, "Team": 147.0}


def test_ends_missing_beside_scheduled_cancellations_are_asked_for_in_the_end_column(tmp_path, capsys) -> None:
    text = (
        "Customer ID,Amount,Start Date,Canceled At,Cancel At Period End,Ended At\n"
        "a,29,2026-06-03,,false,\nb,50,2026-06-10,2026-08-20,false,\nm,80,2026-06-20,2026-07-10,true,\n"
    )
    (tmp_path / "subs.csv").write_text(text)
    message = refusal(capsys, "--subscriptions", str(tmp_path / "subs.csv"), "--columns", COLUMNS,
                      "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message == (
        "subs.csv, column 'Canceled At': dates of subscriptions that ended while the end column 'Ended At' is blank "
        "in every row in row 3 (counting the header as row 1): '2026-08-20': without them nobody churns; give those "
        "rows their end in 'Ended At' ('Canceled At' on a subscription still paying is a cancellation set for later, "
        "not its end)"
    )


def test_ends_missing_with_no_scheduled_cancellation_still_advise_the_other_column(tmp_path, capsys) -> None:
    (tmp_path / "subs.csv").write_text(
        "Customer ID,Amount,Start Date,Canceled At,Ended At\na,29,2026-06-03,,\nb,50,2026-06-10,2026-08-20,\n"
    )
    message = refusal(capsys, "--subscriptions", str(tmp_path / "subs.csv"), "--columns", COLUMNS,
                      "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message == (
        "subs.csv: the end column 'Ended At' is blank in every row while 'Canceled At' holds dates of subscriptions "
        "that ended: without them nobody churns; map the day service stopped: --columns 'end=Canceled At'"
    )


def test_an_ended_status_beside_a_scheduled_cancellation_does_not_advise_the_cancel_column(tmp_path, capsys) -> None:
    """Mapped as the end, 'Canceled At' would be refused (a past end on the row still paying): not advised."""
    (tmp_path / "subs.csv").write_text(HEADER + NOBODY_ENDED + "b,Starter,29,canceled,2026-06-10,2026-08-20,false,\n")
    message = refusal(capsys, "--subscriptions", str(tmp_path / "subs.csv"), "--columns", COLUMNS,
                      "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message == (
        "subs.csv, column 'Status': subscriptions whose status says they ended, with no end date (an empty end is a "
        "subscription still active, which would never churn) in row 5 (counting the header as row 1): 'canceled': map "
        "the column of the day service stopped, --columns end=NAME (Stripe: 'Ended At (UTC)', Recurly: expires_at), "
        "or give those rows their end"
    )
