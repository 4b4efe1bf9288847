"""An orders amount beside a quantity column is multiplied where its name says one unit's price, taken where it says
the line's total, and refused where it says a price or a cost that may be either (docs/metrics.md, "Orders";
reading.unit_prices, H50 finding 07).

Before, a name the import's word list did not hold was taken as the line's total whatever it said: 'Preço unitário'
and 'Precio por unidad' beside Quantity 3 (revenue 30 for 50), 'Artikelpreis', 'Item Price', 'Item Cost', 'Cost'
(one unit's or the line's? the file cannot tell), exit 0.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

ORDERS = "Order,Customer,Date,{},Quantity\n1,a,2024-01-05,10,3\n2,b,2024-01-07,20,1\n3,a,2024-02-05,10,2\n"


def _run(tmp_path: Path, text: str, amount: str, backend: str = "pandas") -> tuple[int, Path]:
    source = tmp_path / "orders.csv"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / f"out-{backend}"
    columns = f"order_id=Order,customer_id=Customer,date=Date,amount={amount}"
    args = ["import", "--orders", str(source), "--backend", backend, "--to-csv", str(out), "--columns", columns]
    return cli.main(args), out


def _revenue(out: Path) -> list[list[object]]:
    return pd.read_csv(out / "order_revenue_cohorts.csv").values.tolist()[:1]  # the first cohort


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    "name", ["Preço unitário", "Precio por unidad", "Prix par unité", "Stückpreis", "Unit Cost", "Cost per item"]
)
def test_a_unit_price_in_other_words_is_multiplied_by_its_quantity(tmp_path: Path, backend: str, name: str) -> None:
    code, out = _run(tmp_path, ORDERS.format(name), name, backend)
    assert code == 0 and _revenue(out) == [["2024-01", 50.0, 20.0]]  # 10 x 3 + 20, then 10 x 2 (was 30, 10)


@pytest.mark.parametrize("name", ["Artikelpreis", "Item Price", "Item Cost", "Cost", "Preço", "Verkaufspreis"])
def test_a_price_or_cost_that_may_be_the_lines_is_refused_beside_quantities(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    assert _run(tmp_path, ORDERS.format(name), name)[0] == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        f"xl-retention: error: orders.csv, column 'Quantity': quantities beside {name!r}, which may be the price of "
        "one unit or of the line (whether to multiply cannot be told) in rows 2, 4 (counting the header as row 1): "
        "'3', '2': map the line's total as the amount, --columns amount=NAME, or remove this column where the price "
        f"is the line's (where it is one unit's, rename {name!r} 'Unit Price')"
    )


@pytest.mark.parametrize("name", ["Line Total", "Gesamtpreis", "item-price"])
def test_a_lines_total_is_taken_as_it_is(tmp_path: Path, name: str) -> None:
    text = ORDERS.format(name).replace(",10,3", ",30,3").replace(",10,2", ",20,2")
    code, out = _run(tmp_path, text, name)
    assert code == 0 and _revenue(out) == [["2024-01", 50.0, 20.0]]


def test_an_orders_total_beside_tells_a_cost_is_the_lines(tmp_path: Path) -> None:
    text = "Order,Customer,Date,Order Total,Item Cost,Quantity\n1,a,2024-01-05,50,30,3\n1,a,2024-01-05,50,20,1\n" \
           "2,b,2024-01-07,20,20,1\n3,a,2024-02-05,20,20,2\n"  # fmt: skip
    code, out = _run(tmp_path, text, "Item Cost")
    assert code == 0 and _revenue(out) == [["2024-01", 70.0, 20.0]]  # 30 + 20 + 20, then 20: the lines' totals
    unit = text.replace(",50,30,3", ",110,30,3").replace(",20,20,2", ",40,20,2")  # 30 x 3 + 20; 20 x 2
    code, out = _run(tmp_path, unit, "Item Cost")
    assert code == 0 and _revenue(out) == [["2024-01", 130.0, 40.0]]  # 90 + 20 + 20, then 40: units x quantities
