"""H375's findings 01, 04, 05 on a plain type column's ways of paying (reading.gift_types.paid_types).

01. A plain ``Type`` column's ``Pay Out``, ``Pay In`` (a cash drawer's), ``Auto Pay Failed``, ``Pay Refund`` were read
    as sales (any value starting ``pay_``): Sale 10 + Sale 20 + Pay Out 500 gave January revenue 530. They are refused
    again; only the ways of paying and a donor export's payments (``Pay-Cash``) are money received. A ``Check`` or
    ``ACH`` beside a payout is refused with advice that says it may be money paid out.
04. Ways of paying in German, French, Spanish and Dutch (Bar, Kreditkarte, Espèces, Efectivo, Contant) are read as the
    English ones are.
05. paid_types is worked out per distinct value: its answer on many rows is the answer of each value.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from import_cli import written

from xl_retention.reading import DataError
from xl_retention.reading.gift_types import paid_types
from xl_retention.workbook.importer import load_tables

pytestmark = [pytest.mark.filterwarnings("ignore::UserWarning")]

HEAD = "customer_id,date,amount,Type\n"
DRAWER = HEAD + "a,2026-01-05,10,Sale\nb,2026-01-06,20,Sale\nc,2026-01-07,500,{0}\nd,2026-01-08,5,{1}\n"
REFUSED = (
    "x.csv, column 'Type': row types that say neither a sale nor a refund (whether these were purchases cannot be "
    "told) in rows 4, 5 (counting the header as row 1): '{0}', '{1}'"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(("first", "second"), [("Pay Out", "Pay In"), ("Auto Pay Failed", "Pay Refund")])
def test_a_cash_drawers_pay_out_is_no_sale(tmp_path: Path, backend: str, first: str, second: str) -> None:
    path = written(tmp_path, "x.csv", DRAWER.format(first, second))
    with pytest.raises(DataError) as caught:
        load_tables(orders=path, backend=backend)
    assert str(caught.value) == REFUSED.format(first, second)


def test_a_check_beside_a_payout_may_be_money_paid_out(tmp_path: Path) -> None:
    path = written(tmp_path, "x.csv", HEAD + "a,2026-01-05,100,Check\nb,2026-01-07,40,ACH\nc,2026-01-20,250,Payout\n")
    with pytest.raises(DataError) as caught:
        load_tables(orders=path)
    assert str(caught.value) == (
        "x.csv, column 'Type': row types that say neither a sale nor a refund (whether these were purchases cannot be "
        "told) in row 4 (counting the header as row 1): 'Payout': beside them, 'Check', 'ACH' may be money paid out "
        "as well as received (a bank's or a bookkeeping ledger's types): keep the rows of money received only, with "
        "a sale's type (Sale), and import again"
    )


LANGUAGES = HEAD + (
    "a,2026-01-05,10,Bar\nb,2026-01-06,20,Kreditkarte\nc,2026-01-07,30,Efectivo\nd,2026-01-08,40,Espèces\n"
    "e,2026-01-09,50,Contant\na,2026-02-05,7,Überweisung\nf,2026-02-06,3,Pay-Cash\n"
)


def test_ways_of_paying_in_other_languages_are_money_received(tmp_path: Path) -> None:
    tables = load_tables(orders=written(tmp_path, "x.csv", LANGUAGES))
    assert tables.order_revenue_cohorts.loc["2026-01", [0, 1]].tolist() == [150.0, 7.0]  # 10+20+30+40+50; a's 7
    assert tables.purchases["buyers"].tolist() == [5, 2]


def test_paid_types_per_distinct_value() -> None:
    values = ["cash", "pay_out", "pay_cash", "", "pay_in", "mg_pay_cash", "pay_gift_in_kind", "chèque", "virement"]
    kind = np.array(values * 1000, dtype=object)
    answer = [True, False, True, False, False, True, False, True, False]
    assert paid_types(kind).tolist() == answer * 1000
    assert paid_types(np.array([], dtype=object)).tolist() == []
