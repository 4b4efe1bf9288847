"""A refund's date column named in Polish, Japanese, Czech, Dutch or Swedish (the languages whose refunded amount
columns are read: 'Kwota zwrotu', '返金額', 'Vráceno', 'Teruggestort', 'Återbetalt') was not known as one: alone beside
the orders it was ignored (the order refunded counted as paid, exit 0, no note), where 'Refund Date' is refused (in
full or in part?); 'Zwrócono dnia', 'Återbetalningsdatum' were taken for a refunded amount (its dates read as the
numbers 20240220...: "values that are not numbers", or "2 columns could be the refunded part"); beside a subscription's
end, its later dates were refused as a later day service stopped (a refund's date is no such day). Each is read as
'Refund Date' is now.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

HEAD = "order_id,customer_id,date,amount"
ROWS = ["1,a,2024-01-05,100,", "2,b,2024-01-06,50,", "3,a,2024-02-05,80,", "4,b,2024-02-06,60,",
        "5,c,2024-02-07,40,2024-02-20"]  # fmt: skip
NAMES = ["Data zwrotu", "Zwrócono dnia", "返金日", "払い戻し日時", "Datum vrácení", "Vráceno dne",
         "Datum terugbetaling", "Terugbetaald op", "Återbetalningsdatum"]  # fmt: skip


def _orders(path: Path, column: str, extra: str = "", values: tuple[str, ...] = ()) -> Path:
    rows = [row + (f",{values[k]}" if values else "") for k, row in enumerate(ROWS)]
    path.write_text("\n".join([f"{HEAD},{column}{extra}", *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("column", NAMES)
def test_a_refund_date_alone_is_refused(tmp_path: Path, capsys, column: str) -> None:
    path = _orders(tmp_path / "orders.csv", column)
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")) == (
        f"orders.csv, column '{column}': refund dates without the amount refunded (in full or in part cannot be told: "
        "add the export's refunded amount column, or a status saying refunded or paid) in row 6 (counting the header "
        "as row 1): '2024-02-20'"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(("amount", "column"), [("Återbetalt", "Återbetalningsdatum"),
                                                 ("Kwota zwrotu", "Zwrócono dnia"), ("返金額", "返金日")])  # fmt: skip
def test_a_refund_date_beside_its_refunded_amount_takes_the_amount_off(
    tmp_path: Path, amount: str, column: str, backend: str
) -> None:
    path = _orders(tmp_path / "orders.csv", column, f",{amount}", ("0",) * 4 + ("15",))
    out = run(tmp_path, "--orders", path, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")  # c's order refunded in part: a purchase of 25
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 3, 2]]
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert revenue.iloc[:, 1].tolist() == [150.0, 25.0]  # the 2024-02 cohort: c alone


def _subscriptions(path: Path, column: str, refunded: str, end: str) -> Path:
    rows = [f"a,2026-01-01,{end},10,{refunded}", "b,2026-01-01,,10,", "c,2026-01-01,2026-03-01,10,"]
    path.write_text("\n".join([f"customer_id,start,end,mrr,{column}", *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("column", ["Data zwrotu", "返金日", "Återbetalningsdatum", "Datum vrácení"])
def test_a_later_refund_date_beside_the_end_is_no_end(tmp_path: Path, column: str) -> None:
    path = _subscriptions(tmp_path / "subs.csv", column, "2026-04-10", "2026-02-15")
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path) / "movements.csv")
    assert movements["mrr_end"].tolist()[:3] == [30.0, 20.0, 10.0]  # a's end 2026-02-15 counts, not its refund's date


@pytest.mark.parametrize("column", ["Data zwrotu", "返金日", "Återbetalningsdatum"])
def test_a_refund_date_while_running_is_refused_as_a_refund(tmp_path: Path, capsys, column: str) -> None:
    path = _subscriptions(tmp_path / "subs.csv", column, "2026-02-10", "2026-05-15")
    assert refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")).startswith(
        f"subs.csv: column '{column}' is not used, and its name says a refund, on rows still running then (row 2: "
        "2026-02-10, before its end 2026-05-15 in 'end'): a refunded period is no paid month after the refund"
    )
