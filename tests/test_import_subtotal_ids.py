"""A hand-kept orders or visits sheet with a subtotal row between its months ("Total January", "Total 2024-02",
"Monthly total") was read as one more buyer or visitor each month where the row had no amount to tell (no amount
column; a visits file) or an amount that is not its month's sum: the buyers and the returning rate counted a customer
who is the month itself, silently (a 'Total' at the end of the table, or an amount that is the month's sum, was
refused already). Such rows are refused wherever they are, naming them; a customer named 'Total Wine' is read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run


def _orders(label: str, amounts: str | None) -> str:
    lines = ["customer_id,date" + (",amount" if amounts is not None else "")]
    for month in range(1, 4):
        for n, who in enumerate("abcdefghijkl"):  # 12 orders a month: the subtotal rows are not the file's last
            lines.append(f"{who},2024-{month:02d}-{n + 1:02d}" + (f",{10 + n}" if amounts is not None else ""))
        lines.append(
            f"{label.format(month=month)},2024-{month:02d}-28" + (f",{amounts}" if amounts is not None else "")
        )
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("label", ["Total January {month}", "Total 2024-{month:02d}", "Monthly total"])
@pytest.mark.parametrize("amounts", [None, "500", ""])  # no amounts; one not the month's sum; blank
def test_subtotal_rows_between_months_are_refused(tmp_path: Path, capsys, label: str, amounts: str | None) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(_orders(label, amounts))
    message = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))
    labels = ", ".join(repr(label.format(month=m)) for m in (1, 2, 3))
    assert message == (
        "orders.csv, column 'customer_id': subtotal rows (a month's or a period's totals, not a customer) "
        f"in rows 14, 27, 40 (counting the header as row 1): {labels}: remove them"
    )
    assert not (tmp_path / "o").exists()


def test_a_subtotal_row_of_a_visits_file_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "visits.csv"
    path.write_text("visitor_id,date\nv1,2024-01-02\nv2,2024-01-03\nSumme Januar,2024-01-31\nv1,2024-02-02\n")
    assert refusal(capsys, "--visits", str(path), "--to-csv", str(tmp_path / "o")) == (
        "visits.csv, column 'visitor_id': subtotal rows (a month's or a period's totals, not a customer) "
        "in row 4 (counting the header as row 1): 'Summe Januar': remove them"
    )


def test_a_subtotal_row_of_a_snapshots_file_is_named(tmp_path: Path, capsys) -> None:
    path = tmp_path / "mrr.csv"  # its MRR blank: it stopped as 'missing values', naming no cause
    path.write_text("customer_id,month,mrr\na,2024-01,10\nb,2024-01,20\nTotal Jan,2024-01,\na,2024-02,10\n")
    assert refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")) == (
        "mrr.csv, column 'customer_id': subtotal rows (a month's or a period's totals, not a customer) "
        "in row 4 (counting the header as row 1): 'Total Jan': remove them"
    )


def test_a_customer_named_total_is_a_customer(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(_orders("Total Wine", None).replace("l,", "Total Wine,"))
    purchases = pd.read_csv(run(tmp_path, "--orders", path) / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [
        ["2024-01", 12, 0], ["2024-02", 12, 12], ["2024-03", 12, 12],
    ]  # fmt: skip


@pytest.mark.parametrize("blank", ["amount", "date"])  # a later column's missing value: the subtotal is named first
def test_a_large_files_subtotal_rows_are_named_first_when_checked_in_a_thread(
    tmp_path: Path, capsys, monkeypatch, blank: str
) -> None:
    """From PARALLEL_ROWS rows the subtotal check runs in a thread beside the other checks and the columns' reading
    (0.2 s of hashing a million ids, overlapped): its refusal must still be the one named, not the missing value of
    the subtotal row's amount or date that the columns' reading finds first; and a clean large file reads."""
    from xl_retention.reading import preparation

    monkeypatch.setattr(preparation, "PARALLEL_ROWS", 1)
    path = tmp_path / "orders.csv"
    text = _orders("Total 2024-{month:02d}", "500")
    if blank == "date":
        text = text.replace(",2024-01-28,500", ",,500")
    else:
        text = text.replace("-28,500", "-28,")
    path.write_text(text)
    for _ in range(3):  # whichever thread ends first
        message = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))
        assert message == (
            "orders.csv, column 'customer_id': subtotal rows (a month's or a period's totals, not a customer) in rows "
            "14, 27, 40 (counting the header as row 1): 'Total 2024-01', 'Total 2024-02', 'Total 2024-03': remove them"
        )
    clean = tmp_path / "clean.csv"
    clean.write_text(_orders("m", "15").replace("m,", "a,"))
    purchases = pd.read_csv(run(tmp_path, "--orders", clean) / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [
        ["2024-01", 12, 0], ["2024-02", 12, 12], ["2024-03", 12, 12],
    ]  # fmt: skip
