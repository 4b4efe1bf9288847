"""Billing exports' seat counts and discounts under names of other languages (or none the import knows), and money
columns mapped to mrr whose name says a year or cents in German, French or as "minor" units."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "


def _run(tmp_path: Path, text: str, *extra: str) -> int:
    (tmp_path / "s.csv").write_text(text, encoding="utf-8")
    return cli.main(["import", "--subscriptions", str(tmp_path / "s.csv"), *extra, "--to-csv", str(tmp_path / "t")])


@pytest.mark.parametrize("name", ["Anzahl", "Menge", "Plätze", "Team size", "cantidad", "quantité", "Headcount"])
def test_seat_count_refused_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    text = f'customer_id,month,amount,interval,"{name}"\na,2024-01,10,month,5\nb,2024-01,20,month,1\n'
    assert _run(tmp_path, text) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{ERROR}s.csv: column '{name}' ") and f"quantity={name}" in err
    assert _run(tmp_path, text, "--columns", f"quantity={name}") == 0
    assert pd.read_csv(tmp_path / "t" / "movements.csv")["mrr_end"].tolist() == [70.0]


def test_other_whole_number_columns_are_no_seat_count(tmp_path: Path) -> None:
    text = (
        "customer_id,month,amount,interval,Plan ID,Year,Flag\n"
        "a,2024-01,10,month,5,2024,1\nb,2024-01,20,month,1,2024,1\n"
    )
    assert _run(tmp_path, text) == 0
    assert pd.read_csv(tmp_path / "t" / "movements.csv")["mrr_end"].tolist() == [30.0]


@pytest.mark.parametrize("name", ["Gutschein", "Nachlass", "Ermäßigung", "réduction", "Aktion"])
def test_percent_off_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    text = f'customer_id,month,amount,interval,"{name}"\na,2024-01,100,month,50%\nb,2024-01,20,month,\n'
    assert _run(tmp_path, text) == 1
    assert (
        capsys.readouterr()
        .err.strip()
        .startswith(f"{ERROR}s.csv, column '{name}': discounts that lower what the customer pays")
    )


def test_a_tax_rate_is_no_discount(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Not a discount: the rate beside an amount not named net stops as a rate (gross or net?), tests/test_h237_*."""
    text = "customer_id,month,amount,interval,VAT rate\na,2024-01,100,month,19%\nb,2024-01,20,month,7%\n"
    assert _run(tmp_path, text) == 1
    err = capsys.readouterr().err
    assert "s.csv: column 'VAT rate' holds tax rates (row 2: '19%' beside 'amount' '100')" in err, err


@pytest.mark.parametrize(("name", "mrr"), [("MRR in Cent", 150.0), ("mrr_minor", 150.0), ("centimes", 150.0)])
def test_cents_mapped_to_mrr_divided(tmp_path: Path, name: str, mrr: float) -> None:
    text = f'customer_id,month,"{name}"\na,2024-01,10000\nb,2024-01,5000\n'
    assert _run(tmp_path, text, "--columns", f"mrr={name}") == 0
    assert pd.read_csv(tmp_path / "t" / "movements.csv")["mrr_end"].tolist() == [mrr]


@pytest.mark.parametrize("name", ["Jahresbeitrag", "Jahresumsatz", "CA annuel", "importe anual"])
def test_yearly_mapped_to_mrr_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    text = f'customer_id,month,"{name}"\na,2024-01,1200\nb,2024-01,2400\n'
    assert _run(tmp_path, text, "--columns", f"mrr={name}") == 1
    assert (
        capsys.readouterr()
        .err.strip()
        .startswith(f"{ERROR}s.csv: '{name}' (taken as mrr) says a year, and MRR is per month")
    )


def test_database_table_seat_count_and_percent_off() -> None:
    import duckdb
    import ibis

    from xl_retention.reading import DataError
    from xl_retention.relational import monthly_movements

    con = ibis.duckdb.from_connection(duckdb.connect())
    base = {"customer_id": ["a", "b"], "month": pd.to_datetime(["2024-01-01"] * 2), "amount": [10.0, 20.0],
            "interval": ["month", "month"]}  # fmt: skip
    seats = con.create_table("seats", pd.DataFrame({**base, "Team size": [5, 1]}))
    # 'Team size' is named as a seat count (reading.billing_columns): refused as such, naming how to map it
    with pytest.raises(DataError, match="column 'Team size' looks like the billing quantity but is not used; it chan"):
        monthly_movements(seats, backend=con)
    off = con.create_table("off", pd.DataFrame({**base, "Aktion": ["50%", None]}))
    with pytest.raises(DataError, match="column 'Aktion': discounts that lower what the customer pays"):
        monthly_movements(off, backend=con)
    plain = con.create_table("plain", pd.DataFrame(base))
    assert monthly_movements(plain, backend=con)["mrr_end"].tolist() == [30.0]
