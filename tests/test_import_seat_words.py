"""A price mapped to mrr beside a seat count named in another language or phrasing ('Anzahl', 'Menge', 'Quantité',
'Cantidad', 'No. of seats', 'Number of users', 'Nb_licences') was read as each subscription's MRR, the seats ignored
(3 seats of 50: MRR 50 where it is 150), exit 0; only 'Quantity', 'Qty', 'Seats' and the billing aliases were seen.
Now those words, which a billing export's unused columns are refused by already, make the price one per unit: refused
naming the column, as 'Qty' is (xl_retention.reading.billing_columns); a free seats' column is not a count."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, run


@pytest.mark.parametrize(
    "seats", ["Anzahl", "Menge", "Quantité", "Cantidad", "No. of seats", "Number of users", "Nb_licences", "Qty"]
)
def test_a_seat_count_beside_a_price_as_mrr_is_refused(tmp_path, capsys, seats) -> None:
    (tmp_path / "subs.csv").write_text(
        f"customer_id,start,end,Price,{seats}\na,2026-01-05,,50,3\nb,2026-01-06,,100,1\n"
    )
    message = refusal(capsys, "--subscriptions", str(tmp_path / "subs.csv"), "--columns", "mrr=Price", "--to-csv",
                      str(tmp_path / "out"))  # fmt: skip
    assert message.startswith(f"subs.csv: 'Price' (mapped to mrr) is a price per unit, and '{seats}' is there: the MRR "
                              "is price x quantity / months per interval")  # fmt: skip


def test_a_monthly_fee_beside_seats_in_another_language_is_refused(tmp_path, capsys) -> None:
    (tmp_path / "subs.csv").write_text("customer_id,start,end,Monthly fee,Anzahl\na,2026-01-05,,50,3\n")
    message = refusal(capsys, "--subscriptions", str(tmp_path / "subs.csv"), "--columns", "mrr=Monthly fee",
                      "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith("subs.csv: 'Monthly fee' (mapped to mrr) is an amount per month and 'Anzahl' is there "
                              "with values other than 1")  # fmt: skip


def test_free_seats_and_an_mrr_column_pass(tmp_path) -> None:
    (tmp_path / "subs.csv").write_text(
        "customer_id,start,end,Price,Free seats\na,2026-01-05,,50,3\nb,2026-01-06,,100,1\n"
    )
    out = run(tmp_path, "--subscriptions", tmp_path / "subs.csv", "--columns", "mrr=Price")
    assert pd.read_csv(out / "movements.csv")["mrr_end"].tolist()[0] == 150.0
    (tmp_path / "mrr.csv").write_text("customer_id,start,end,MRR,Anzahl\na,2026-01-05,,150,3\n")
    out = run(tmp_path, "--subscriptions", tmp_path / "mrr.csv")
    assert pd.read_csv(out / "movements.csv")["mrr_end"].tolist()[0] == 150.0
