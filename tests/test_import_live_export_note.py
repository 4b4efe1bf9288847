"""A "live subscriptions" export (active ones and those cancelled whose service has not ended yet, the default
list of Recurly and Chargebee) loses nobody for months, then only its cancelled ones at its end: the import says
those who left before may be missing (the README's note for months without a loss), as it does for an export of
active subscriptions only."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

#: a business of 13 subscriptions exported with the "live" filter: its expired ones are left out
LIVE = """customer_id,start,end,mrr,status
c01,2026-01-04,,49,active
c02,2026-01-12,,99,active
c03,2026-01-20,,49,active
c04,2026-02-03,,49,active
c05,2026-02-17,2026-07-17,99,canceled
c06,2026-03-02,,49,active
c07,2026-03-22,,99,active
c08,2026-04-05,,49,active
c09,2026-04-19,2026-07-19,49,canceled
c10,2026-05-08,,99,active
c11,2026-05-25,,49,active
c12,2026-06-09,,49,active
c13,2026-06-21,,99,active
"""
#: the same business exported whole: customers leave before its last new one joins
EXPIRED = """x01,2026-01-08,2026-03-08,49,expired
x02,2026-01-15,2026-04-15,99,expired
x03,2026-02-10,2026-05-10,49,expired
x04,2026-02-24,2026-06-24,99,expired
"""


@pytest.mark.parametrize("backend", [None, "duckdb"])
def test_a_live_export_losing_only_at_its_end_is_noted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str | None
) -> None:
    path = tmp_path / "live_subscriptions.csv"
    path.write_text(LIVE)
    more = ["--backend", backend] if backend else []
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"), *more]) == 0
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", dtype={"month": str}).set_index("month")
    assert moves["lost"].to_dict() == {f"2026-0{m}": 2 if m == 7 else 0 for m in range(1, 8)}
    assert capsys.readouterr().out.splitlines()[-1] == (
        "no customer was lost in 2026-01 to 2026-06 of live_subscriptions.csv (6 months), only in 2026-07, none "
        "before its last new customer joined (2026-06): if the export holds only active subscriptions and cancelled "
        "ones not ended yet (a status filter, a billing system's list of live subscriptions), those who left before "
        "are missing and churn reads 0; export every subscription, ended ones too"
    )


def test_a_whole_export_losing_before_its_last_new_customer_is_not_noted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "subscriptions.csv"
    path.write_text(LIVE + EXPIRED)
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")]) == 0
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", dtype={"month": str}).set_index("month")
    assert moves["lost"].tolist() == [0, 0, 1, 1, 1, 1, 2]
    assert "no customer was lost" not in capsys.readouterr().out


def test_a_live_export_of_two_months_without_a_loss_is_not_noted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two months without a loss before the cancelled ones end are too few to say anything."""
    path = tmp_path / "subscriptions.csv"
    path.write_text("customer_id,start,end,mrr\na,2026-01-05,,10\nb,2026-02-05,2026-03-10,20\nc,2026-02-07,,30\n")
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")]) == 0
    assert "no customer was lost" not in capsys.readouterr().out


def test_an_export_of_cancelled_subscriptions_only_is_noted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The mirror filter (status = canceled): nobody is a customer at the end, churn far too high; it was noted as a
    live export whose earlier losses are missing."""
    path = tmp_path / "cancelled_only.csv"
    path.write_text(
        "customer_id,start,end,mrr,status\nc01,2026-01-04,2026-04-04,49,canceled\nc02,2026-01-12,2026-05-12,99,"
        "canceled\nc03,2026-02-20,2026-04-20,49,canceled\nc04,2026-03-03,2026-06-03,49,canceled\n"
        "c05,2026-03-17,2026-07-17,99,canceled\nc06,2026-04-02,2026-08-02,49,canceled\n"
    )
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")]) == 0
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", dtype={"month": str}).set_index("month")
    assert moves["lost"].tolist() == [0, 0, 0, 2, 1, 1, 1, 1]
    assert capsys.readouterr().out.splitlines()[-1] == (
        "every customer of cancelled_only.csv is lost by its last month, 2026-08, and none is active: if the export "
        "holds only cancelled or ended subscriptions (a status filter), the active ones are missing and churn reads "
        "too high; export every subscription, active ones too"
    )


def test_a_small_business_losing_its_first_customer_late_is_not_noted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three months without a loss among 2 to 4 customers (6 customer-months) say nothing of a filter."""
    path = tmp_path / "subscriptions.csv"
    path.write_text(
        "customer_id,start,end,mrr\na,2026-06-05,,147\nb,2026-07-08,,30\nc,2026-07-10,,20\nd,2026-06-12,2026-09-12,49\n"
    )
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")]) == 0
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", dtype={"month": str}).set_index("month")
    assert moves["lost"].tolist() == [0, 0, 0, 1]
    assert "no customer was lost" not in capsys.readouterr().out
