"""A per-seat plan's seat count in a column of its own beside Stripe's ``Quantity`` (1 on every row): ``Licenses``,
``Users``, "Plan Seats", "No. of seats", "Licence count", "Anzahl Lizenzen" could be the quantity as ``Seats`` could:
refused until one is named (H211's finding 04: they were ignored, MRR 60 instead of 400), in a file and in a table."""

import pandas as pd
import pytest
from import_cli import refusal, run

from xl_retention import cli
from xl_retention.reading import DataError

SEATS = ["Seats", "Licenses", "Users", "Plan Seats", "No. of seats", "Licence count", "Anzahl Lizenzen"]
SEATS += ["Team size", "Agents", "Number of agents", "Team Members"]  # 'Team size', 'Agents' were ignored (MRR 60)
DATES = "start=Start Date (UTC),end=Ended At (UTC)"


def stripe(column: str) -> str:
    """Three subscriptions of 20.00 a seat a month, Quantity 1, seats 5, 12, 3 in ``column`` (the third ends 12 Nov)."""
    return (
        f"id,Customer ID,Plan,Quantity,{column},Currency,Interval,Amount,Status,Start Date (UTC),Ended At (UTC)\n"
        "sub_1,cus_A,Team (per seat),1,5,usd,month,20.00,active,2026-09-03 10:00,\n"
        "sub_2,cus_B,Team (per seat),1,12,usd,month,20.00,active,2026-09-10 10:00,\n"
        "sub_3,cus_C,Team (per seat),1,3,usd,month,20.00,canceled,2026-09-12 10:00,2026-11-12 10:00\n"
    )


def mrr(out) -> list[float]:
    return pd.read_csv(out / "movements.csv")["mrr_end"].tolist()


@pytest.mark.parametrize("seats", SEATS)
def test_a_seat_column_beside_quantity_is_refused_until_one_is_named(tmp_path, capsys, seats: str) -> None:
    path = tmp_path / "seats.csv"
    path.write_text(stripe(seats))
    assert refusal(capsys, "--subscriptions", str(path), "--columns", DATES, "--to-csv", str(tmp_path / "o")) == (
        f"seats.csv: 2 columns could be the quantity ('Quantity', {seats!r}): say which, e.g. --columns "
        f"quantity=Quantity (in Python: columns={{'quantity': 'Quantity'}})"
    )
    per_seat = run(tmp_path, "--subscriptions", path, "--columns", f"{DATES},quantity={seats}")
    assert mrr(per_seat) == [400.0, 400.0, 340.0]  # 20 x (5 + 12 + 3), then cus_C's 3 seats gone
    assert mrr(run(tmp_path, "--subscriptions", path, "--columns", f"{DATES},quantity=Quantity")) == [60.0, 60.0, 40.0]


def test_free_seats_beside_quantity_are_no_other_quantity(tmp_path, capsys) -> None:
    path = tmp_path / "free.csv"
    path.write_text(stripe("Free seats"))
    message = refusal(capsys, "--subscriptions", str(path), "--columns", DATES, "--to-csv", str(tmp_path / "o"))
    assert message.startswith("free.csv, column 'Free seats': a free quantity (seats or units included in the price")


def test_a_price_named_with_users_is_no_quantity(tmp_path, capsys) -> None:
    path = tmp_path / "extra.csv"  # an add-on's price per row (reading.extra_prices), not a count
    path.write_text(stripe("Extra Users Price").replace(",1,5,", ",1,25.00,").replace(",1,12,", ",1,0.00,"))
    cli.main(["import", "--subscriptions", str(path), "--columns", DATES, "--to-csv", str(tmp_path / "o")])
    assert "could be the quantity" not in capsys.readouterr().err


def test_a_database_table_with_licenses_beside_quantity_is_refused() -> None:
    import io

    import ibis

    from xl_retention import relational as R

    frame = pd.read_csv(io.StringIO(stripe("Licenses")), dtype=str)
    con = R.connect("duckdb")
    con.create_table("subs", schema=ibis.memtable(frame).schema())
    con.insert("subs", frame)
    columns = {"start": "Start Date (UTC)", "end": "Ended At (UTC)"}
    with pytest.raises(DataError) as error:
        R.monthly_movements(con.table("subs"), source="subs", columns=columns)
    assert str(error.value).startswith("subs: 2 columns could be the quantity ('Quantity', 'Licenses'): say which")
