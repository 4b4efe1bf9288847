"""Order and subscription statuses written in another language (H26 findings 05 and 06).

An orders export whose status column and values are French, German, Spanish, Italian, Portuguese, Dutch, Polish or
Japanese (PrestaShop's 'État' = 'Annulé', 'Remboursé', 'En attente de paiement par chèque'; Shopware's 'Storniert')
counted every cancelled, refunded and unpaid order as a purchase; a subscriptions export's 'aktiv' / 'gekündigt' /
'Testphase' (even under 'Status') counted cancelled and trial subscriptions as paying MRR. Now they are read as their
English words (xl_retention.reading.status_words), on files and DuckDB tables alike."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, run

from xl_retention.reading.status_words import order_status

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

# column | paid | delivered/completed | cancelled | refunded | paid | awaiting payment
SHOPS = [
    (
        "État",
        "Paiement accepté",
        "Livré",
        "Annulé",
        "Remboursé",
        "Paiement accepté",
        "En attente de paiement par chèque",
    ),
    ("Statut", "Payée", "Terminée", "Annulée", "Remboursée", "Payée", "En attente de paiement"),
    ("Bestellstatus", "Abgeschlossen", "Abgeschlossen", "Storniert", "Erstattet", "Bezahlt", "Zahlung ausstehend"),
    ("Estado del pedido", "Pagado", "Completado", "Cancelado", "Reembolsado", "Pagado", "Pendiente de pago"),
    ("Stato", "Pagato", "Completato", "Annullato", "Rimborsato", "Pagato", "In attesa di pagamento"),
    ("Situação", "Pago", "Concluído", "Cancelado", "Reembolsado", "Pago", "Aguardando pagamento"),
    ("Bestelstatus", "Betaald", "Voltooid", "Geannuleerd", "Terugbetaald", "Betaald", "Wacht op betaling"),
    ("Status zamówienia", "Opłacone", "Zrealizowane", "Anulowane", "Zwrócone", "Opłacone", "Oczekuje na płatność"),
    ("ステータス", "支払い済み", "完了", "キャンセル", "返金済み", "支払い済み", "支払い待ち"),
]


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
def test_order_statuses_of_other_languages_leave_unpaid_orders_out(tmp_path, backend, shop) -> None:
    path = tmp_path / "orders.csv"
    _orders(shop[0], shop[1:]).to_csv(path, index=False)
    out = run(tmp_path, "--orders", path, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv").set_index("month")
    assert purchases.loc["2024-02", ["buyers", "returning"]].tolist() == [1, 0]  # c only: 3, 4, 6 not paid
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort")
    assert revenue.iloc[:, 0].tolist() == [150.0, 70.0]  # Jan cohort a+b 150, Feb cohort c 70


def test_order_statuses_in_a_parquet_table_read_by_duckdb(tmp_path) -> None:
    path = tmp_path / "orders.parquet"
    _orders("Estado", ("Pagado", "Pagado", "Cancelado", "Reembolsado", "Pagado", "Pendiente de pago")).to_parquet(path)
    purchases = pd.read_csv(run(tmp_path, "--orders", path, backend="duckdb") / "purchases.csv").set_index("month")
    assert purchases.loc["2024-02", ["buyers", "returning"]].tolist() == [1, 0]


def test_an_order_status_of_another_language_not_known_is_refused(tmp_path, capsys) -> None:
    statuses = ("Payée", "Payée", "Annulée", "En attente de réapprovisionnement", "Payée", "Payée")  # paid?
    _orders("Statut", statuses).to_csv(tmp_path / "orders.csv", index=False)
    message = refusal(capsys, "--orders", str(tmp_path / "orders.csv"), "--to-csv", str(tmp_path / "out"))
    assert message.startswith("orders.csv, column 'Statut': order statuses that say neither paid nor unpaid")
    assert message.endswith("in row 5 (counting the header as row 1): 'En attente de réapprovisionnement'")


def test_order_status_words() -> None:
    said = ["teilweise_erstattet", "non_payé", "erreur_de_paiement", "incompleto", "expédié", "refusé", "hold"]
    assert [order_status(s) for s in said] == [
        "partially_refunded", "unpaid", "failed", None, "completed", "declined", None,
    ]  # fmt: skip


SUBSCRIPTIONS = [
    ("Status", "aktiv", "gekündigt", "ended"),
    ("Status", "Aktiv", "Testphase", "does not pay"),
    ("Abostatus", "active", "gekündigt", "ended"),
    ("Statut", "actif", "résilié", "ended"),
    ("Statut", "actif", "en essai", "does not pay"),
    ("Estado", "activo", "cancelado", "ended"),
    ("Stato", "attivo", "annullato", "ended"),
    ("Status", "actief", "opgezegd", "ended"),
    ("Status", "ativo", "pausado", "does not pay"),
]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("column,paying,other,says", SUBSCRIPTIONS)
def test_subscription_snapshots_with_statuses_of_other_languages_are_refused(
    tmp_path, capsys, backend, column, paying, other, says
) -> None:
    snapshots = pd.DataFrame(
        {
            "customer_id": ["a", "a", "b", "b", "c"],
            "month": ["2024-01", "2024-02", "2024-01", "2024-02", "2024-02"],
            "mrr": ["100", "100", "50", "50", "70"],
            column: [paying, paying, paying, other, other],
        }
    )
    snapshots.to_csv(tmp_path / "s.csv", index=False)
    message = refusal(capsys, "--subscriptions", str(tmp_path / "s.csv"), "--backend", backend,
                      "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith(f"s.csv, column '{column}': snapshot rows with an MRR whose status says the subscription "
                              f"{says}")  # fmt: skip
    assert message.endswith(f"in rows 5, 6 (counting the header as row 1): {other!r}, {other!r}")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_subscription_intervals_paused_or_in_trial_in_german_are_refused(tmp_path, capsys, backend) -> None:
    intervals = pd.DataFrame(
        {
            "customer_id": ["a", "b", "c"],
            "start": ["2024-01-05", "2024-01-10", "2024-02-03"],
            "end": ["", "", ""],
            "mrr": ["100", "50", "70"],
            "Status": ["aktiv", "pausiert", "Testphase"],
        }
    )
    intervals.to_csv(tmp_path / "i.csv", index=False)
    message = refusal(capsys, "--subscriptions", str(tmp_path / "i.csv"), "--backend", backend,
                      "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith("i.csv, column 'Status': subscriptions that do not pay, to be removed")
    assert message.endswith("in rows 3, 4 (counting the header as row 1): 'pausiert', 'Testphase'")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_subscription_intervals_in_german_import_by_their_status(tmp_path, backend) -> None:
    intervals = pd.DataFrame(
        {
            "customer_id": ["a", "b"],
            "start": ["2024-01-05", "2024-01-10"],
            "end": ["", "2024-02-10"],
            "mrr": ["100", "50"],
            "Status": ["aktiv", "gekündigt"],
        }
    )
    intervals.to_csv(tmp_path / "i.csv", index=False)
    out = run(tmp_path, "--subscriptions", tmp_path / "i.csv", backend=backend)
    movements = pd.read_csv(out / "movements.csv").set_index("month")
    assert movements.loc["2024-01":"2024-02", "mrr_end"].tolist() == [150.0, 100.0]  # b's 50 churned in February


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("status", ["gekündigt", "annulé", "cancelado"])
def test_a_subscription_ended_in_another_language_without_end_is_refused(tmp_path, capsys, backend, status) -> None:
    """'gekündigt' beside 'active' was refused as a status not known (test_import_exports2); it is known now: a
    subscription that ended, whose empty end would never churn."""
    intervals = pd.DataFrame(
        {"customer_id": ["a", "b"], "start": ["2024-01-05", "2024-01-10"], "end": ["", ""], "mrr": ["100", "50"],
         "status": ["active", status]}
    )  # fmt: skip
    intervals.to_csv(tmp_path / "i.csv", index=False)
    message = refusal(capsys, "--subscriptions", str(tmp_path / "i.csv"), "--backend", backend,
                      "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith("i.csv, column 'status': subscriptions whose status says they ended, with no end date")
    assert message.endswith(
        f"in row 3 (counting the header as row 1): {status!r}: map the column of the day service stopped, --columns "
        "end=NAME (Stripe: 'Ended At (UTC)', Recurly: expires_at), or give those rows their end"
    )
