"""The app stores' subscription states as their APIs write them (H152 findings 05, 06): Google Play's
``SUBSCRIPTION_STATE_*`` and StoreKit 2's ``RenewalState`` were no statuses known, and a status column none of whose
values is known was ignored, every row with an MRR counted as paying. Each is read with its meaning; a column named
as a status none of whose values is known is refused, naming them."""

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


def _snapshots(tmp_path: Path, column: str, states: list[tuple[str, str, float, str]]) -> Path:
    path = tmp_path / "snapshots.csv"
    path.write_text(f"customer_id,month,mrr,{column}\n" + "".join(f"{c},{m},{v},{s}\n" for c, m, v, s in states))
    return path


PLAY = [
    ("p1", "2025-09", 9.99, "SUBSCRIPTION_STATE_ACTIVE"), ("p1", "2025-10", 9.99, "SUBSCRIPTION_STATE_ACTIVE"),
    ("p2", "2025-09", 9.99, "SUBSCRIPTION_STATE_ACTIVE"), ("p2", "2025-10", 9.99, "SUBSCRIPTION_STATE_IN_GRACE_PERIOD"),
    ("p3", "2025-09", 9.99, "SUBSCRIPTION_STATE_ACTIVE"), ("p3", "2025-10", 9.99, "SUBSCRIPTION_STATE_CANCELED"),
]  # fmt: skip


@pytest.mark.parametrize("backend", BACKENDS)
def test_google_play_states_that_pay(tmp_path: Path, backend: str) -> None:
    # CANCELED: its renewal turned off, paid to its expiry (a non-renewing subscription), not an end
    later = [("p1", "2025-11", 9.99, "SUBSCRIPTION_STATE_ACTIVE"), ("p2", "2025-11", 0, "SUBSCRIPTION_STATE_ON_HOLD"),
             ("p3", "2025-11", 0, "SUBSCRIPTION_STATE_EXPIRED")]  # fmt: skip
    path = _snapshots(tmp_path, "subscriptionState", PLAY + later)
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, backend=backend) / "movements.csv")
    assert movements.set_index("month")["customers_end"].tolist() == [3, 3, 1]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("state", "said"), [("SUBSCRIPTION_STATE_ON_HOLD", "does not pay"),
                                             ("SUBSCRIPTION_STATE_EXPIRED", "ended")])  # fmt: skip
def test_google_play_on_hold_or_expired_with_an_mrr_is_refused(tmp_path: Path, capsys, backend, state, said) -> None:
    path = _snapshots(tmp_path, "subscriptionState", [*PLAY, ("p2", "2025-11", 9.99, state)])
    message = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert message.startswith(f"snapshots.csv, column 'subscriptionState': snapshot rows with an MRR whose status says "
                              f"the subscription {said}")  # fmt: skip
    assert message.endswith(f"in row 8 (counting the header as row 1): {state!r}")


STOREKIT = [("a1", "2025-09", 9.99, "subscribed"), ("a1", "2025-10", 9.99, "subscribed"),
            ("a2", "2025-09", 9.99, "subscribed"), ("a2", "2025-10", 9.99, "inGracePeriod")]  # fmt: skip


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("state", "said"), [("revoked", "ended"), ("inBillingRetryPeriod", "does not pay"),
                                             ("billing_retry", "does not pay")])  # fmt: skip
def test_storekit_revoked_or_billing_retry_with_an_mrr_is_refused(tmp_path, capsys, backend, state, said) -> None:
    path = _snapshots(tmp_path, "status", [*STOREKIT, ("a1", "2025-11", 9.99, state)])
    message = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert message.startswith(f"snapshots.csv, column 'status': snapshot rows with an MRR whose status says the "
                              f"subscription {said}")  # fmt: skip
    assert message.endswith(f"in row 6 (counting the header as row 1): {state!r}")


@pytest.mark.parametrize("backend", BACKENDS)
def test_storekit_paying_states(tmp_path: Path, backend: str) -> None:
    path = _snapshots(tmp_path, "status", STOREKIT)
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, backend=backend) / "movements.csv")
    assert movements["customers_end"].tolist() == [2, 2]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_status_column_none_of_whose_values_is_known_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = _snapshots(tmp_path, "subscription_status", [("a1", "2025-09", 9.99, "STATE_LIVE"),
                                                        ("a2", "2025-09", 9.99, "STATE_GONE")])  # fmt: skip
    message = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert message == (
        "snapshots.csv, column 'subscription_status': statuses none of which this import knows, in a column named as a "
        "status (whether each row pays cannot be told) in rows 2, 3 (counting the header as row 1): 'STATE_LIVE', "
        "'STATE_GONE': rename them to active, canceled, trialing, paused or remove those rows"
    )


def test_a_column_of_places_named_state_is_no_status(tmp_path: Path) -> None:
    path = _snapshots(tmp_path, "State", [("a1", "2025-09", 9.99, "CA"), ("a2", "2025-09", 9.99, "NY")])
    assert pd.read_csv(run(tmp_path, "--subscriptions", path) / "movements.csv")["customers_end"].tolist() == [2]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("column", ["Patron Status", "Member Status", "Subscriber Status", "Membership Status"])
def test_a_subscriber_s_status_under_the_subscriber_s_name_is_read(tmp_path: Path, capsys, backend, column) -> None:
    """H188 finding 06: Patreon's 'Patron Status' ('Active patron', 'Declined patron') was ignored, a declined patron
    counted as paying; the column headed 'Status' was refused. Refused the same under every such name."""
    path = _snapshots(tmp_path, column, [("a1", "2025-09", 5.0, "Active patron"), ("a2", "2025-09", 10.0,
                                                                                   "Declined patron")])  # fmt: skip
    message = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert message == (
        f"snapshots.csv, column {column!r}: statuses none of which this import knows, in a column named as a status "
        "(whether each row pays cannot be told) in rows 2, 3 (counting the header as row 1): 'Active patron', "
        "'Declined patron': rename them to active, canceled, trialing, paused or remove those rows"
    )
    path = _snapshots(tmp_path, column, [("a1", "2025-09", 5.0, "active"), ("a2", "2025-09", 10.0, "past_due")])
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, backend=backend) / "movements.csv")
    assert movements["mrr_end"].tolist() == [15.0]
