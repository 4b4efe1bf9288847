"""PrestaShop's French order status "En attente de réapprovisionnement (payé)" (on backorder, paid) was refused as
"order statuses that say neither paid nor unpaid" (its words say awaiting and paid), while the English "On backorder
(paid)" is read as paid (H561's brief, item 4). An order awaiting its goods is on backorder: paid where its words say
paid, not paid where they say not paid ("(non payé)"), refused where they say neither; on files and DuckDB alike.
"""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

# paid, paid, cancelled, on backorder paid, paid, on backorder not paid
SHOPS = [
    ("Statut", "Payée", "Payée", "Annulée", "En attente de réapprovisionnement (payé)", "Payée",
     "En attente de réapprovisionnement (non payé)"),
    ("Status", "Payment accepted", "Payment accepted", "Canceled", "On backorder (paid)", "Payment accepted",
     "On backorder (not paid)"),
    ("Stato", "Pagato", "Pagato", "Annullato", "In attesa di rifornimento (pagato)", "Pagato",
     "In attesa di rifornimento (non pagato)"),
]  # fmt: skip


def _orders(column: str, statuses: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "order_id": ["1", "2", "3", "4", "5", "6"],
            "customer_id": ["a", "b", "a", "b", "c", "d"],
            "date": ["2024-01-05", "2024-01-10", "2024-02-05", "2024-02-11", "2024-02-12", "2024-02-13"],
            "amount": ["100", "50", "100", "50", "70", "30"],
            column: list(statuses),
        }
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("shop", SHOPS, ids=[s[0] for s in SHOPS])
def test_an_order_on_backorder_paid_is_a_purchase(tmp_path, backend, shop) -> None:
    path = tmp_path / "orders.csv"
    _orders(shop[0], shop[1:]).to_csv(path, index=False)
    out = run(tmp_path, "--orders", path, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv").set_index("month")
    assert purchases.loc["2024-02", ["buyers", "returning"]].tolist() == [2, 1]  # b (backorder, paid) and c
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort")
    assert revenue.fillna(-1).values.tolist() == [[150.0, 50.0], [70.0, -1.0]]


def test_an_order_awaiting_its_goods_paid_or_not_is_refused(tmp_path, capsys) -> None:
    statuses = ("Payée", "Payée", "Annulée", "En attente de réapprovisionnement", "Payée", "Payée")
    _orders("Statut", statuses).to_csv(tmp_path / "orders.csv", index=False)
    message = refusal(capsys, "--orders", str(tmp_path / "orders.csv"), "--to-csv", str(tmp_path / "out"))
    assert message.startswith("orders.csv, column 'Statut': order statuses that say neither paid nor unpaid")
    assert message.endswith("in row 5 (counting the header as row 1): 'En attente de réapprovisionnement'")
