"""A column of tax rates ('VAT rate', 'Tax Percent', 'Tax Rate', 'MwSt-Satz', 'Steuersatz') beside a price was
ignored: 119 with 19 % counted 119 MRR (July 149 of 30 + 119, where 30 + 100 = 130 is right if the price is gross),
and in a billing export 'MwSt-Satz' 19 was taken for seats, the advice quantity=MwSt-Satz multiplying the MRR by
19. Such a price is refused naming the rate column (gross or net cannot be told) unless its name says net; a rate is
never a quantity."""

from __future__ import annotations

import re

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")

RATES = ["VAT rate", "Tax Percent", "Tax Rate", "MwSt-Satz", "Steuersatz", "taux de TVA"]


def _file(tmp_path, header: str, rows: list[str]) -> str:
    path = tmp_path / "subs.csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("rate", RATES)
def test_a_price_beside_a_tax_rate_is_refused_naming_it(tmp_path, rate: str) -> None:
    path = _file(tmp_path, f"Customer,Start,End,Price,{rate}", ["a,2025-01-01,,30,19", "b,2025-07-01,,119,19"])
    columns = {"customer_id": "Customer", "start": "Start", "end": "End", "mrr": "Price"}
    refused = rf"^subs\.csv: column '{re.escape(rate)}' holds tax rates \(row 2: '19' beside 'Price' '30'\) and "
    with pytest.raises(DataError, match=refused + r"'Price' does not say whether it includes the tax \(gross\)"):
        load_tables(path, columns=columns)


@pytest.mark.parametrize("backend", [None, "duckdb"])
def test_a_rate_in_a_billing_export_is_no_seat_count(tmp_path, backend: str | None) -> None:
    path = _file(
        tmp_path,
        "Customer,Start,End,Price,Interval,MwSt-Satz",
        ["a,2025-01-01,,30,month,19", "b,2025-07-01,,119,month,7"],
    )
    columns = {"customer_id": "Customer", "start": "Start", "end": "End", "amount": "Price"}
    with pytest.raises(DataError, match=r"column 'MwSt-Satz' holds tax rates .*; a rate is no quantity$"):
        load_tables(path, columns=columns, backend=backend)


def test_a_price_named_net_beside_a_rate_is_read_as_it_is(tmp_path) -> None:
    path = _file(tmp_path, "Customer,Start,End,Price (net),VAT rate", ["a,2025-01-01,,30,19", "b,2025-07-01,,100,19"])
    columns = {"customer_id": "Customer", "start": "Start", "end": "End", "mrr": "Price (net)"}
    assert load_tables(path, columns=columns).movements["mrr_end"].iloc[-1] == 130.0


def test_a_rate_of_zero_everywhere_changes_nothing(tmp_path) -> None:
    path = _file(tmp_path, "Customer,Start,End,Price,VAT rate", ["a,2025-01-01,,30,0", "b,2025-07-01,,100,0%"])
    columns = {"customer_id": "Customer", "start": "Start", "end": "End", "mrr": "Price"}
    assert load_tables(path, columns=columns).movements["mrr_end"].iloc[-1] == 130.0
