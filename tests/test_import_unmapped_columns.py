"""Columns of a subscriptions export under names the import did not know were ignored (exit 0, wrong churn or MRR):
an end date ('valid_until', 'Gültig bis', 'Deactivated At'), a status ('Zustand', 'Lifecycle Stage', 'Type'), a
trial's end ('Probezeit bis', 'fin_essai'), a pause ('suspended_at', 'hold_until'), an MRR movements log's type
column, a contract's total mapped as mrr. They are judged by their values as well (reading.unmapped): used or
refused naming the column, on pandas and DuckDB alike; plain Stripe, Chargebee and Recurly exports still import.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]
DATA = Path(__file__).parent / "data" / "unmapped"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _movements(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "movements.csv").set_index("month")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("name", "value"), [("valid_until", "2024-03-01"), ("Gültig bis", "2024-03-01"),
                                             ("Deactivated At", "2024-03-01"), ("Churn Month", "2024-03"),
                                             ("fecha de baja", "2024-03-01")])  # fmt: skip
def test_an_end_under_a_name_we_do_not_know_is_refused_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, name: str, value: str
) -> None:
    path = _write(tmp_path / "subs.csv", f'customer_id,start,"{name}",mrr\na,2024-01-01,{value},100\n'
                                         "b,2024-01-01,,50\nc,2024-06-01,,70\n")  # fmt: skip
    message = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert message.startswith(f"subs.csv: column {name!r} looks like the day subscriptions ended but is not used")
    assert "--columns" in message and f"end={name}" in message.replace("'", "")
    out = run(tmp_path, "--subscriptions", path, "--columns", f"end={name}", backend=backend)  # mapped: a is lost
    assert _movements(out).loc["2024-03", ["lost", "mrr_end"]].tolist() == [1, 50.0]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", ["Zustand", "sub_state", "Subscription Status Name"])
@pytest.mark.parametrize("status", ["trialing", "paused", "in_trial"])
def test_a_status_column_under_a_name_we_do_not_know_is_read_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, name: str, status: str
) -> None:
    rows = f"a,2024-01,100,active\nb,2024-01,50,active\na,2024-02,100,active\nb,2024-02,50,{status}\n"
    path = _write(tmp_path / "snap.csv", f'customer_id,month,mrr,"{name}"\n{rows}a,2024-03,100,active\n')
    message = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert message.startswith(f"snap.csv, column {name!r}: snapshot rows with an MRR whose status says")
    assert message.endswith(f"in row 5 (counting the header as row 1): {status!r}")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", ["Lifecycle Stage", "Type", "Account Type"])
@pytest.mark.parametrize("value", ["Churned", "Former Customer", "Cancelled"])
def test_a_crm_stage_saying_churned_with_no_end_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, name: str, value: str
) -> None:
    path = _write(tmp_path / "accounts.csv", f"Record ID,Company name,Close Date,Churn Date,{name},ARR\n"
                  f"101,Acme,2026-01-10,,Customer,12000\n102,Bolt,2026-01-15,,{value},24000\n"
                  "103,Cora,2026-02-03,2026-05-01,Customer,6000\n")  # fmt: skip
    columns = "customer_id=Record ID,start=Close Date,end=Churn Date,mrr=ARR"
    message = refusal(capsys, "--subscriptions", str(path), "--columns", columns, "--backend", backend,
                      "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert message.startswith(f"accounts.csv, column {name!r}: subscriptions whose status says they ended, with no")
    assert message.endswith(
        f"in row 3 (counting the header as row 1): {value!r}: map the column of the day service stopped, --columns "
        "end=NAME (Stripe: 'Ended At (UTC)', Recurly: expires_at), or give those rows their end"
    )


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", ["trial_until", "Trial expires", "Probezeit bis", "Testphase Ende", "fin_essai",
                                  "fin de prueba", "free_until"])  # fmt: skip
def test_a_trial_end_in_other_words_starts_the_mrr(tmp_path: Path, backend: str, name: str) -> None:
    path = _write(tmp_path / "subs.csv", f'customer_id,start,end,mrr,"{name}"\na,2024-01-01,,100,2024-03-01\n'
                                         "b,2024-01-01,,50,\n")  # fmt: skip
    moves = _movements(run(tmp_path, "--subscriptions", path, backend=backend))
    assert moves.loc[["2024-01", "2024-02", "2024-03"], "mrr_end"].tolist() == [50.0, 50.0, 150.0]
    assert moves["lost"].sum() == 0


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", ["suspended_at", "on_hold_since", "frozen_until", "Pausiert bis", "suspendu_le"])
def test_a_pause_in_other_words_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, name: str
) -> None:
    path = _write(tmp_path / "subs.csv", f'customer_id,start,end,mrr,"{name}"\na,2024-01-01,,100,2024-02-01\n'
                                         "b,2024-01-01,,50,\n")  # fmt: skip
    message = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert message.startswith(f"subs.csv: column {name!r} holds dates while subscriptions run (blank in other rows)")
    assert "a pause or a suspension of service" in message


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "columns", ["customer_id=Customer UUID,month=Date", "customer_id=Customer UUID,start=Date,mrr=MRR"]
)
def test_an_mrr_movements_log_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, columns: str
) -> None:
    path = _write(tmp_path / "activities.csv", "Date,Customer UUID,Activity type,MRR movement,MRR\n"
                  "2026-01-05,c1,New Business,99,99\n2026-01-12,c2,New Business,99,99\n"
                  "2026-02-03,c1,Expansion,99,198\n2026-03-04,c2,Churn,-99,0\n")  # fmt: skip
    message = refusal(capsys, "--subscriptions", str(path), "--columns", columns, "--backend", backend,
                      "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert message.startswith("activities.csv: column 'Activity type' says each row is a movement of MRR (Churn, "
                              "Expansion, New Business): an MRR movements log")  # fmt: skip


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", ["Total Contract Value", "TCV", "Bookings"])
def test_a_contract_total_as_mrr_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, name: str
) -> None:
    path = _write(tmp_path / "c.csv", f"Customer,Start,End,{name},Term (months)\na,2026-01-10,,36000,36\n"
                                      "b,2026-01-15,2026-07-15,6000,6\n")  # fmt: skip
    message = refusal(capsys, "--subscriptions", str(path), "--columns", f"customer_id=Customer,mrr={name}",
                      "--backend", backend, "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert message.startswith(f"c.csv: {name!r} (taken as mrr) says a contract's total value, not a month's revenue")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("name", "columns", "mrr"),
    [
        ("stripe", "start=Start (UTC),end=Ended At (UTC)", [150.0, 310.0, 260.0]),
        # Chargebee's plan_amount is plan_unit_price x plan_quantity (reading.line_totals): c's 40 for 2 seats is 40
        ("chargebee", "start=subscriptions.started_at,end=subscriptions.cancelled_at,amount=subscriptions.plan_amount",
         [150.0, 190.0, 140.0]),
        ("recurly", "customer_id=account_code,start=activated_at,end=expires_at,amount=unit_amount",
         [150.0, 230.0, 180.0]),
    ],
)  # fmt: skip
def test_billing_exports_with_their_usual_date_columns_still_import(
    tmp_path: Path, backend: str, name: str, columns: str, mrr: list[float]
) -> None:
    """Created, updated, scheduled cancellations, requests to cancel, renewals, trial starts, Chargebee's due_since,
    Recurly's bank_account_authorized_at: dates that change no MRR, blank in some rows, refuse nothing."""
    moves = _movements(run(tmp_path, "--subscriptions", DATA / f"{name}.csv", "--columns", columns, backend=backend))
    assert moves.loc[["2026-01", "2026-02", "2026-03"], "mrr_end"].tolist() == mrr
    assert moves.loc[["2026-01", "2026-02", "2026-03"], "lost"].tolist() == [0, 0, 1]


def test_an_updated_at_without_blanks_and_an_email_refuse_nothing(tmp_path: Path) -> None:
    path = _write(tmp_path / "subs.csv", "customer_id,start,mrr,Created At,Updated At,Email,Last Login\n"
                  "a,2024-01-01,100,2024-01-01,2024-05-03,a@x.com,2024-05-01\n"
                  "b,2024-02-01,50,2024-02-01,2024-02-01,b@x.com,\n")  # fmt: skip
    moves = _movements(run(tmp_path, "--subscriptions", path))
    assert moves.loc[["2024-01", "2024-02"], "mrr_end"].tolist() == [100.0, 150.0]
