"""A later service end filled on every row beside the mapped end was not checked (H547's brief, item 1): 50df827d
refused a later end's column only where it was blank in some rows, so Braintree's ``paid_through_date`` (filled on
every row: a paid period's last day on active ones too) beside ``billing_period_end_date`` mapped as the end, or a
"Valid Until" on every row, counted b lost in February (it served until 2026-03-09), exit 0. Now refused naming both
columns and the first row where the later end is of a later month; following the advice gives the hand count (b and c
lost in March), and columns equal wherever the end is filled import as they are."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from import_cli import refusal, run, written

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

HEADER = "id,customer_id,plan_id,status,price,first_billing_date,billing_period_end_date,paid_through_date\n"
#: b cancelled: its billing period ended 2026-02-09, paid through 2026-03-09 (served in February)
BRAINTREE = HEADER + (
    "s1,a,pro,Active,10,2026-01-05,,2026-05-04\n"
    "s2,b,pro,Canceled,20,2026-01-10,2026-02-09,2026-03-09\n"
    "s3,c,pro,Expired,30,2026-01-11,2026-03-11,2026-03-11\n"
)
COLUMNS = "start=first_billing_date,end=billing_period_end_date,mrr=price"


def _lost(out: Path) -> list[int]:
    return pd.read_csv(out / "movements.csv").set_index("month").loc[["2026-02", "2026-03", "2026-04"], "lost"].tolist()


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_braintrees_paid_through_date_later_than_the_end_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    path = written(tmp_path, "subs.csv", BRAINTREE)
    message = refusal(capsys, "--subscriptions", str(path), "--columns", COLUMNS, "--through", "2026-04", "--backend",
                      backend, "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert message == (
        "subs.csv, column 'paid_through_date': dates of a later month than the end mapped, 'billing_period_end_date', "
        "on rows that ended, a month more active (a subscription cancelled on 'billing_period_end_date' that served "
        "until 'paid_through_date', as Recurly's canceled_at and expires_at, Stripe's 'Canceled At' and 'Ended At': "
        "the months it paid would count as lost) in row 3 (counting the header as row 1): '2026-03-09': if service "
        "ran until 'paid_through_date' on those rows, write its date in 'billing_period_end_date' there (mapped as "
        "the end, a paid-through date is refused: an active subscription renews then), or remove this column if "
        "service stopped on 'billing_period_end_date'"
    )
    followed = written(tmp_path, "followed.csv", BRAINTREE.replace(",2026-02-09,", ",2026-03-09,"))
    out = run(tmp_path, "--subscriptions", followed, "--columns", COLUMNS, "--through", "2026-04", backend=backend)
    assert _lost(out) == [0, 2, 0]  # b served to 2026-03-09 and c to 2026-03-11: both lost in March


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_columns_equal_in_every_row_import(tmp_path: Path, backend: str) -> None:
    equal = HEADER + (
        "s1,a,pro,Canceled,10,2026-01-05,2026-04-04,2026-04-04\n"
        "s2,b,pro,Canceled,20,2026-01-10,2026-02-09,2026-02-09\n"
        "s3,c,pro,Expired,30,2026-01-11,2026-03-11,2026-03-11\n"
    )
    out = run(tmp_path, "--subscriptions", written(tmp_path, "subs.csv", equal), "--columns", COLUMNS, "--through",
              "2026-04", backend=backend)  # fmt: skip
    assert _lost(out) == [1, 1, 1]


def test_a_valid_until_on_every_row_of_a_duckdb_table_is_refused(tmp_path: Path) -> None:
    """A table (no file: its columns sampled by SQL) is read as a file's when such a column is beside the end."""
    frame = pd.DataFrame(
        {
            "customer_id": ["a", "b", "c"],
            "start": pd.to_datetime(["2026-01-05", "2026-01-10", "2026-01-11"]),
            "end": pd.to_datetime([None, "2026-02-01", None]),
            "Valid Until": pd.to_datetime(["2026-05-05", "2026-03-10", "2026-05-11"]),
            "mrr": [10.0, 20.0, 30.0],
        }
    )
    with duckdb.connect(str(tmp_path / "db.duckdb")) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE t AS SELECT * FROM frame")
    with pytest.raises(DataError) as caught:
        load_tables(subscriptions="table:t", backend="duckdb", connection=str(tmp_path / "db.duckdb"))
    assert str(caught.value) == (
        "table:t, column 'Valid Until': dates of a later month than the end mapped, 'end', on rows that ended, a month "
        "more active (a subscription cancelled on 'end' that served until 'Valid Until', as Recurly's canceled_at and "
        "expires_at, Stripe's 'Canceled At' and 'Ended At': the months it paid would count as lost) in 1 row, e.g. "
        "customer_id 'b', start '2026-01-10', Valid Until '2026-03-10': map the day service stopped, --columns "
        "'end=Valid Until', or remove this column if it is not"
    )
    equal = frame.assign(**{"Valid Until": frame["end"].fillna(pd.Timestamp("2026-05-05"))})
    with duckdb.connect(str(tmp_path / "equal.duckdb")) as con:
        con.register("frame", equal)
        con.execute("CREATE TABLE t AS SELECT * FROM frame")
    tables = load_tables(subscriptions="table:t", backend="duckdb", connection=str(tmp_path / "equal.duckdb"))
    assert tables.movements.loc["2026-02", "lost"] == 1
