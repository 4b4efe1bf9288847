"""A file missing several of our columns ('Kunde', 'Datum', 'Betrag': customer id, date and the amount unknown) was
refused naming them all but advising one mapping (--columns customer_id=NAME): the user ran again and again, one
refusal per column. The advice now maps every missing column at once, and the amount where it is optional and not
found, in one line."""

from __future__ import annotations

import pytest

from xl_retention.cli import main
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables


def test_an_orders_file_is_told_every_mapping_at_once(tmp_path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("Kunde,Datum,Betrag\na,2025-01-03,10\nb,2025-02-04,20\n", encoding="utf-8")
    assert main(["import", "--orders", str(path), "--to-csv", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.endswith(
        "to use columns of other names, map them all: --columns customer_id=NAME,date=NAME,amount=NAME (in Python: "
        "columns={'customer_id': 'NAME', 'date': 'NAME', 'amount': 'NAME'})\n"
    )


def test_a_snapshots_file_is_told_its_three_mappings(tmp_path) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("Kunde,Monat,Umsatz\na,2025-01,10\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"map them all: --columns customer_id=NAME,month=NAME,mrr=NAME \(in Python"):
        load_tables(str(path))


def test_the_mapping_advised_with_the_names_filled_in_reads(tmp_path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("Kunde,Datum,Betrag\na,2025-01-03,10\nb,2025-02-04,20\n", encoding="utf-8")
    tables = load_tables(orders=str(path), columns={"customer_id": "Kunde", "date": "Datum", "amount": "Betrag"})
    assert tables.purchases is not None and len(tables.purchases) == 2
