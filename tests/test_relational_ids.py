"""Typed tables on an engine refuse what a file read by pandas refuses: bad ids and repeated records (H10 i02, i04,
i05, i07 on the engine path).

Ids that are Excel error values (#N/A), long numbers Excel saved in scientific notation (7.12346E+12) or a guest
checkout's 0 would each merge many customers into one; a record (a subscription, a payment) whose row appears twice
in every column would count twice. A typed Parquet file read by DuckDB names the file's rows, as pandas does.
"""

import ibis
import pandas as pd
import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

SCIENTIFIC = (
    "customer ids in Excel's scientific notation (a long number saved from Excel in the General format: its last "
    "digits are lost, and ids that differed read as one)"
)
SCIENTIFIC_ADVICE = (
    ": export the file again from the source system and do not save it from Excel, or open it in Excel with the "
    "column as Text"
)
RECORDS = "(counting the Parquet file's first record as row 1)"  # a Parquet file has no header row
GUESTS = (
    "customer ids that stand for no one (a guest checkout: WooCommerce writes 0; Google Analytics '(not set)': all "
    "of them would be one customer who returns)"
)
GUESTS_ADVICE = ": map the e-mail as the id, --columns customer_id=billing_email, or remove those rows"
REPEATED = (
    "rows identical in every column to an earlier row with the same id: the same record twice (overlapping exports "
    "appended?), which would be counted twice"
)


def orders(ids: list[str]) -> pd.DataFrame:
    dates = pd.to_datetime(["2026-01-03", "2026-01-09", "2026-02-02"])
    return pd.DataFrame({"customer_id": ids, "date": dates, "amount": [10.0, 20.0, 30.0],
                         "billing_email": ["a@x.org", "b@x.org", "c@x.org"]})  # fmt: skip


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        (["a", "#N/A", "b"], "Excel error values where customer ids belong (a lookup that found nothing?) in row 2 "
         f"{RECORDS}: '#N/A'"),
        (["7.12346E+12", "b", "7.12346E+12"],
         f"{SCIENTIFIC} in rows 1, 3 {RECORDS}: '7.12346E+12', '7.12346E+12'{SCIENTIFIC_ADVICE}"),
        (["12", "0", "0"], f"{GUESTS} in rows 2, 3 {RECORDS}: '0', '0'{GUESTS_ADVICE}"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_bad_ids_of_a_typed_parquet_file_are_refused_naming_the_rows(tmp_path, backend, ids, message):
    orders(ids).to_parquet(tmp_path / "orders.parquet")
    with pytest.raises(DataError) as caught:
        load_tables(orders=tmp_path / "orders.parquet", backend=backend)
    assert str(caught.value) == f"orders.parquet, column 'customer_id': {message}"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_subscription_exported_twice_is_refused_and_one_that_changed_is_not_taken_for_a_copy(tmp_path, backend):
    subs = pd.DataFrame({
        "id": ["sub_1", "sub_2", "sub_3", "sub_2"], "customer_id": ["A", "B", "C", "B"],
        "start": pd.to_datetime(["2026-01-05", "2026-01-07", "2026-02-01", "2026-01-07"]),
        "end": pd.to_datetime([None, "2026-03-01", None, "2026-03-01"]), "mrr": [49.0, 99.0, 100.0, 99.0],
    })  # fmt: skip
    subs.to_parquet(tmp_path / "subs.parquet")
    with pytest.raises(DataError) as caught:
        load_tables(tmp_path / "subs.parquet", backend=backend)
    assert (
        str(caught.value)
        == f"subs.parquet, column 'id': {REPEATED} in row 4 {RECORDS}: 'sub_2': remove the repeated rows"
    )
    subs.iloc[:3].to_parquet(tmp_path / "once.parquet")
    movements = load_tables(tmp_path / "once.parquet", backend=backend).movements
    assert movements["mrr_end"].tolist() == [148.0, 248.0, 149.0]


CHANGED = (
    "rows with the id of an earlier row and other values: the same record in two exports, changed between them "
    "(which row is current cannot be told, and both would count)"
)
ENDED = (
    "subscriptions whose status says they ended, with no end date (an empty end is a subscription still active, "
    "which would never churn)"
)
ENDED_ADVICE = (
    ": map the column of the day service stopped, --columns end=NAME (Stripe: 'Ended At (UTC)', Recurly: "
    "expires_at), or give those rows their end"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_subscription_that_changed_between_two_exports_and_one_ended_without_an_end_are_refused(tmp_path, backend):
    subs = pd.DataFrame({
        "id": ["sub_1", "sub_2", "sub_2"], "customer_id": ["A", "B", "B"], "status": ["active", "active", "canceled"],
        "start": pd.to_datetime(["2026-01-05", "2026-01-07", "2026-01-07"]),
        "end": pd.to_datetime([None, None, "2026-03-20"]), "mrr": [49.0, 99.0, 99.0],
    })  # fmt: skip
    subs.to_parquet(tmp_path / "changed.parquet")  # the February export's sub_2 (active), then April's (canceled)
    with pytest.raises(DataError) as caught:
        load_tables(tmp_path / "changed.parquet", backend=backend)
    assert (
        str(caught.value)
        == f"changed.parquet, column 'id': {CHANGED} in row 3 {RECORDS}: 'sub_2': keep the row of the latest export"
    )
    ended = subs.iloc[[0, 2]].assign(end=pd.to_datetime([None, None]))  # canceled, but no end date
    ended.to_parquet(tmp_path / "ended.parquet")
    with pytest.raises(DataError) as caught:
        load_tables(tmp_path / "ended.parquet", backend=backend)
    assert str(caught.value) == f"ended.parquet, column 'status': {ENDED} in row 2 {RECORDS}: 'canceled'{ENDED_ADVICE}"
    subs.iloc[[0, 2]].to_parquet(tmp_path / "right.parquet")
    assert load_tables(tmp_path / "right.parquet", backend=backend).movements["mrr_end"].tolist() == [
        148.0,
        148.0,
        49.0,
    ]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_two_currencies_in_a_prefixed_or_localized_currency_column_are_refused(tmp_path, backend):
    subs = pd.DataFrame({"customer_id": ["A", "B"], "start": pd.to_datetime(["2026-01-05", "2026-01-07"]),
                         "mrr": [49.0, 49.0], "subscriptions.currency_code": ["USD", "EUR"]})  # fmt: skip
    for name in ("subscriptions.currency_code", "Währung", "Transaction Currency"):
        subs.rename(columns={"subscriptions.currency_code": name}).to_parquet(tmp_path / "subs.parquet")
        with pytest.raises(DataError, match=r"2 currencies \((USD, EUR|EUR, USD)\)"):
            load_tables(tmp_path / "subs.parquet", backend=backend)
    rates = subs.rename(columns={"subscriptions.currency_code": "Currency Rate"}).assign(
        **{"Currency Rate": [1.0, 1.1]}
    )
    rates.to_parquet(tmp_path / "rates.parquet")  # a name that only mentions currency, its values not codes
    assert load_tables(tmp_path / "rates.parquet", backend=backend).movements["mrr_end"].tolist() == [98.0]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_stripes_converted_amount_goes_with_its_converted_currency(tmp_path, backend):
    payments = pd.DataFrame({
        "Customer ID": ["cus_A", "cus_B"], "Created (UTC)": pd.to_datetime(["2026-01-05", "2026-01-07"]),
        "Amount": [10.0, 1000.0], "Currency": ["usd", "jpy"], "Converted Amount": [9.2, 6.5],
        "Converted Currency": ["eur", "eur"],
    })  # fmt: skip
    payments.to_parquet(tmp_path / "payments.parquet")
    columns = {"customer_id": "Customer ID", "date": "Created (UTC)", "amount": "Converted Amount"}
    tables = load_tables(orders=tmp_path / "payments.parquet", columns=columns, backend=backend)
    assert tables.order_revenue_cohorts.iloc[0, 0] == pytest.approx(15.7, rel=1e-12)


def test_survey_previews_in_a_typed_table_are_refused_by_the_engine_too():
    from xl_retention.relational import api

    answers = pd.DataFrame({"date": pd.to_datetime(["2026-01-05", "2026-01-06"]), "score": [0.0, 10.0],
                            "Status": ["Survey Preview", "IP Address"]})  # fmt: skip
    with pytest.raises(DataError) as caught:
        api.nps_by_month(ibis.memtable(answers), source="answers.parquet")  # a typed table, read by DuckDB
    assert str(caught.value) == (
        "answers.parquet, column 'Status': responses that are previews, tests or spam, to be removed (no respondent's "
        "answer: they would count in the NPS) in 1 row, e.g. Status 'Survey Preview'"
    )
    assert api.nps_by_month(ibis.memtable(answers.iloc[[1]]), source="a")["nps"].tolist() == [100.0]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_integer_ids_from_0_and_a_customer_column_named_id_are_read_alike_on_both_paths(tmp_path, backend):
    """An integer id column numbered from 0 holds ids (0 is a customer, as the pandas path reads it); a snapshots
    file whose customer column is named `id` repeats it once a month by design: no record id (both were refused)."""
    days = pd.to_datetime(["2026-01-03", "2026-01-09", "2026-02-02"])
    numbered = pd.DataFrame({"customer_id": [0, 1, 0], "date": days, "amount": [10.0, 20.0, 30.0]})
    numbered.to_parquet(tmp_path / "orders.parquet")
    purchases = load_tables(orders=tmp_path / "orders.parquet", backend=backend).purchases
    assert purchases["buyers"].tolist() == [2, 1]
    months = pd.to_datetime(["2026-01-01", "2026-01-01", "2026-02-01"])
    snapshots = pd.DataFrame({"id": ["A", "B", "A"], "month": months, "mrr": [10.0, 20.0, 10.0]})
    snapshots.to_parquet(tmp_path / "snapshots.parquet")
    tables = load_tables(tmp_path / "snapshots.parquet", columns={"customer_id": "id"}, backend=backend)
    assert tables.movements["customers_end"].tolist() == [2, 1]
