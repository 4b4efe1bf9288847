"""Guest checkouts under the id a shop writes in its own language ('ゲスト', 'Convidado', 'Ospite', 'Gość', 'Гость',
'访客', 'Consumidor final'): all guests would be one customer who returns every month, so they are refused as
'Guest' and WooCommerce's 0 are (H14 finding 25), on a CSV file and on a Parquet file read by DuckDB."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, run

from xl_retention.reading.guest_ids import GUEST_IDS

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
GUESTS = ["ゲスト", "Convidado", "Ospite", "Cliente occasionale", "Gość", "GOSC", "Гость", "访客", "Gastbestellung",
          "Consumidor Final", "Klient detaliczny", "게스트", "XAXX010101000", " Invité "]  # fmt: skip


def _orders(guest: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": [guest, guest, "c1"],
            "date": ["2024-01-05", "2024-02-05", "2024-01-06"],
            "amount": ["10", "20", "15"],
        }
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("guest", GUESTS)
def test_guest_ids_of_other_languages_are_refused(tmp_path, capsys, backend, guest) -> None:
    path = tmp_path / "orders.csv"
    _orders(guest).to_csv(path, index=False)
    message = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "out"))
    assert message.startswith("orders.csv, column 'customer_id': customer ids that stand for no one")
    assert message.endswith(
        f"in rows 2, 3 (counting the header as row 1): {guest!r}, {guest!r}: map the e-mail as the id, --columns "
        "customer_id=NAME (an e-mail or user id column), or remove those rows"
    )


@pytest.mark.parametrize("guest", ["Гость", "Convidado", "访客"])
def test_guest_ids_in_a_parquet_file_read_by_duckdb_are_refused(tmp_path, capsys, guest) -> None:
    path = tmp_path / "orders.parquet"
    _orders(guest).to_parquet(path)
    message = refusal(capsys, "--orders", str(path), "--backend", "duckdb", "--to-csv", str(tmp_path / "out"))
    assert message.startswith("orders.parquet, column 'customer_id': customer ids that stand for no one")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_names_that_only_hold_a_guest_word_are_customers(tmp_path, backend) -> None:
    orders = pd.DataFrame(
        {
            "customer_id": ["Gastón Pérez", "Hostel Ospite Srl", "Gastón Pérez", "ゲストハウス山田"],
            "date": ["2024-01-05", "2024-01-06", "2024-02-05", "2024-02-06"],
            "amount": ["10", "20", "15", "5"],
        }
    )
    orders.to_csv(tmp_path / "orders.csv", index=False)
    purchases = pd.read_csv(run(tmp_path, "--orders", tmp_path / "orders.csv", backend=backend) / "purchases.csv")
    assert purchases.set_index("month").loc["2024-02", ["buyers", "returning"]].tolist() == [2, 1]


def test_every_guest_id_is_in_lower_case_with_its_accents_and_without() -> None:
    assert all(word == word.lower().strip() for word in GUEST_IDS)
    assert {"gość", "gosc", "invité", "invite", "гость", "ゲスト", "consumidor final"} <= GUEST_IDS


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_guest_ids_in_a_postgres_table_of_the_c_locale_are_refused() -> None:
    # PostgreSQL's lower() in the C locale changes ASCII letters only: 'Гость' and 'GOŚĆ' stay as they are
    import ibis
    from postgres_server import throwaway_server

    from xl_retention import relational as R
    from xl_retention.reading import DataError

    with throwaway_server("xl-retention-pg-h22-", ("--locale=C", "--encoding=UTF8")) as url:
        con = R.connect("postgres", url)
        for number, guest in enumerate(["Гость", "GOŚĆ", "ゲスト"]):
            frame = _orders(guest).assign(date=lambda f: pd.to_datetime(f["date"]), amount=[10.0, 20.0, 15.0])
            con.create_table(f"o{number}", schema=ibis.memtable(frame).schema())
            con.insert(f"o{number}", frame)
            with pytest.raises(DataError, match="customer ids that stand for no one"):
                R.order_tables(con.table(f"o{number}"), backend=con)
