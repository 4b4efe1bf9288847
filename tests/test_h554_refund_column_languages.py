"""A refunded-amount column named in Polish, Japanese, Czech, Dutch (Mollie's "Teruggestort") or Swedish was ignored:
the refund was not taken off the order's amount and revenue came out overstated without a word (H542's finding 05).
It is now taken off, as "Amount Refunded", "Erstattet" or "Remboursement" are."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

ORDERS = (
    "ID;Datum;Kwota;Status;Klient;{}\ntr_1;05-01-2026;100,00;paid;cst_A;40,00\ntr_2;20-01-2026;50,00;paid;cst_B;0,00\n"
)


@pytest.mark.parametrize(
    "header",
    ["Kwota zwrotu", "Zwrot", "Zwrócono", "Zwrócona kwota", "返金額", "返金", "Vráceno", "Teruggestort", "Återbetalt"],
)
def test_a_refunded_amount_named_in_another_known_language_is_taken_off(tmp_path: Path, header: str) -> None:
    source = tmp_path / "orders.csv"
    source.write_text(ORDERS.format(header), encoding="utf-8")
    out = tmp_path / "out"
    args = ["import", "--orders", str(source), "--columns", "customer_id=Klient,date=Datum,amount=Kwota,order_id=ID"]
    assert cli.main([*args, "--to-csv", str(out)]) == 0
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert revenue.values.tolist() == [["2026-01", 110.0]]  # 100 - 40 + 50; was 150, the 40 refunded not taken off
