"""A bare '$' is a dollar of some country: beside '120.00 USD' it is not taken for a US dollar (a Canadian shop's
'$' is CAD), and a file's currency column says which dollar it is (docs/metrics.md, Currencies)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

BACKENDS = ["pandas", "duckdb"]


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "orders.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_bare_dollar_beside_usd_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    # was: '$100.00' (a Canadian shop's CAD) taken for USD, 100 CAD + 120 USD summed as 220, exit 0
    path = _csv(tmp_path, 'customer_id,date,amount\nx,2026-01-10,"$100.00"\ny,2026-01-11,"120.00 USD"\n')
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "orders.csv, column 'amount': amounts in 2 currencies ($, USD) in rows 2, 3 (counting the header as row 1): "
        "'$100.00', '120.00 USD'; a bare '$' does not say which currency: write its code ('$100.00 USD'); amounts "
        "are added up: convert them to one currency first, or import one currency at a time (with a currency "
        "column: --segment currency=EUR)"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_canadian_shops_currency_column_says_the_dollar_is_cad(tmp_path: Path, capsys, backend: str) -> None:
    # a shop's 'Currency' CAD on every row: its '$' is CAD, and a row's '120.00 USD' another currency
    text = 'Name,Email,Created at,Total,Currency\n#1001,a@x.ca,2026-01-10,"$100.00",CAD\n'
    path = _csv(tmp_path, text + '#1002,b@x.ca,2026-01-11,"120.00 USD",CAD\n')
    args = ("--columns", "customer_id=Email,date=Created at,amount=Total", "--backend", backend)
    err = refusal(capsys, "--orders", str(path), *args, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "orders.csv, column 'Total': amounts in 2 currencies (CAD, USD) in rows 2, 3 (counting the header as row 1): "
        "'$100.00', '120.00 USD'; a bare '$' is read as CAD, the currency of column 'Currency'; amounts are added "
        "up: convert them to one currency first, or import one currency at a time (with a currency column: "
        "--segment currency=EUR)"
    )
    # the same shop's 'CA$' and bare '$' are one currency: summed
    path = _csv(tmp_path, text + '#1002,b@x.ca,2026-01-11,"CA$120.00",CAD\n')
    out = run(tmp_path, "--orders", path, *args[:2], backend=backend)
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [220.0]


def test_a_bare_dollar_in_the_rows_of_a_currency_segment_is_that_currency(tmp_path: Path) -> None:
    # --segment Currency: the rows of CAD write '$' and 'CA$' (one currency), those of USD '120.00 USD'
    text = (
        'customer_id,date,amount,Currency\nx,2026-01-10,"$100.00",CAD\ny,2026-01-11,"CA$50.00",CAD\n'
        'z,2026-01-12,"120.00 USD",USD\n'
    )
    out = run(tmp_path, "--orders", _csv(tmp_path, text), "--segment", "Currency")
    table = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert table[["segment", "0"]].values.tolist() == [["CAD", 150.0], ["USD", 120.0]]


@pytest.mark.parametrize("stated", ["", ",MXN"])
def test_a_mexican_shops_dollar_sign_is_its_peso(tmp_path: Path, stated: str) -> None:
    # was refused as two currencies ($, MXN): '$' is the peso's sign too, written with MXN in the column
    header = "customer_id,date,amount" + (",Currency" if stated else "")
    path = _csv(tmp_path, f'{header}\nx,2026-01-10,"$100.00"{stated}\ny,2026-01-11,"$120.00 MXN"{stated}\n')
    assert pd.read_csv(run(tmp_path, "--orders", path) / "order_revenue_cohorts.csv")["0"].tolist() == [220.0]
