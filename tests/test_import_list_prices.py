"""A price mapped to mrr beside seats or a discount was read as the MRR (H50 finding 06).

"Price per seat" 10 with 5 seats: MRR 10 for 50 (Jan 30 for 70), exit 0; "List price" 100 beside a 50% "Discount":
MRR 100 for 50. A column named 'Price' or Stripe's 'Plan Amount' beside seats was already refused; now every name
that says a price (a seat's, a user's, a licence's, a list price: reading.list_prices) is, in a file and a DuckDB
table alike; a column named MRR beside seats or a discount is read as before.
"""

import shlex

import duckdb
import pandas as pd
import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

SEATS = "customer_id,month,{name},seats\na,2024-01,10,5\nb,2024-01,20,1\na,2024-02,10,6\nb,2024-02,20,1\n"


def _refusal(**arguments) -> str:
    with pytest.raises(DataError) as caught:
        load_tables(**arguments)
    return str(caught.value)


@pytest.mark.parametrize(
    "name",
    ["Price per seat", "Seat price", "price_per_user", "Per-seat price", "Preis pro Lizenz", "Prix par utilisateur"],
)
def test_a_price_per_seat_beside_seats_is_refused(tmp_path, name) -> None:
    (tmp_path / "snap.csv").write_text(SEATS.format(name=name))
    assert _refusal(subscriptions=tmp_path / "snap.csv", columns={"mrr": name}) == (
        f"snap.csv: {name!r} (mapped to mrr) is a price per unit, and 'seats' is there: the MRR is price x quantity "
        f"/ months per interval, but no billing interval column was found (month, year, ...): map it: --columns "
        f"{shlex.quote('interval=NAME,amount=' + name)} (or map mrr to a column of monthly revenue)"
    )


def test_intervals_and_a_duckdb_table_with_a_seat_price_are_refused(tmp_path) -> None:
    (tmp_path / "iv.csv").write_text("customer_id,start,end,Seat price,seats\na,2024-01-05,,10,5\nb,2024-01-07,,20,1\n")
    by_file = _refusal(subscriptions=tmp_path / "iv.csv", columns={"mrr": "Seat price"})
    assert by_file.startswith("iv.csv: 'Seat price' (mapped to mrr) is a price per unit, and 'seats' is there")
    with duckdb.connect(str(tmp_path / "db.duckdb")) as con:
        con.execute("CREATE TABLE t AS SELECT * FROM read_csv_auto(?)", [str(tmp_path / "iv.csv")])
    by_table = _refusal(subscriptions="table:t", columns={"mrr": "Seat price"}, backend="duckdb",
                        connection=str(tmp_path / "db.duckdb"))  # fmt: skip
    assert by_table == by_file.replace("iv.csv", "table:t", 1)


@pytest.mark.parametrize("discount", ["Discount", "Coupon", "Rabatt"])
def test_a_list_price_beside_a_discount_is_refused_in_a_file_and_a_table(tmp_path, discount) -> None:
    frame = pd.DataFrame({"customer_id": ["a", "b"], "start": ["2024-01-05", "2024-01-07"], "end": [None, None],
                          "List price": [100, 20], discount: ["50%", None]})  # fmt: skip
    frame.to_csv(tmp_path / "disc.csv", index=False)
    expected = (
        f"disc.csv, column {discount!r}: discounts that lower what the customer pays in row 2 (counting the header as "
        "row 1): '50%': MRR is after discounts (the price per interval is the list price): convert the prices to what "
        "each customer pays first, or remove the column if they already are"
    )
    assert _refusal(subscriptions=tmp_path / "disc.csv", columns={"mrr": "List price"}) == expected
    with duckdb.connect(str(tmp_path / "db.duckdb")) as con:
        con.register("frame", frame.assign(start=pd.to_datetime(frame["start"]).dt.date))
        con.execute("CREATE TABLE t AS SELECT * FROM frame")
    by_table = _refusal(subscriptions="table:t", columns={"mrr": "List price"}, backend="duckdb",
                        connection=str(tmp_path / "db.duckdb"))  # fmt: skip
    by_values = f"in 1 row, e.g. customer_id 'a', start '2024-01-05', {discount} '50%'"  # 36740825: a table's rows
    assert by_table == expected.replace("disc.csv", "table:t", 1).replace(
        "in row 2 (counting the header as row 1): '50%'", by_values
    )


def test_mrr_beside_seats_or_a_discount_and_a_list_price_without_one_read_as_before(tmp_path) -> None:
    (tmp_path / "mrr.csv").write_text(SEATS.format(name="MRR"))
    tables = load_tables(subscriptions=tmp_path / "mrr.csv", columns={"mrr": "MRR"})
    assert tables.movements["mrr_end"].tolist() == [30.0, 30.0]  # MRR is the subscription's whole, seats describe it
    (tmp_path / "disc.csv").write_text("customer_id,start,end,MRR,Discount\na,2024-01-05,,50,50%\nb,2024-01-07,,20,\n")
    tables = load_tables(subscriptions=tmp_path / "disc.csv", columns={"mrr": "MRR"})
    assert tables.movements["mrr_end"].tolist()[0] == 70.0  # MRR is after its discount
    (tmp_path / "list.csv").write_text(
        "customer_id,start,end,List price,Coupon\na,2024-01-05,,100,\nb,2024-01-07,,20,\n"
    )
    tables = load_tables(subscriptions=tmp_path / "list.csv", columns={"mrr": "List price"})
    assert tables.movements["mrr_end"].tolist()[0] == 120.0  # no discount given: the list price is paid
