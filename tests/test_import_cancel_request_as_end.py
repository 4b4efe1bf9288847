"""A subscription cancelled before its paid period ended serves until then: Recurly writes the request as
`canceled_at` and the day service stops as `expires_at`, Stripe 'Canceled At (UTC)' and 'Ended At (UTC)'. With the
request mapped as the end (`--columns end=canceled_at`) and the later column left unmapped, the months it paid counted
as lost (acct2, cancelled 1 February, served to 10 March: lost in February, MRR 100 where it was 200), exit 0. Now
such a later end, by a month counted active, is refused naming the column, its rows and the --columns that maps it
(xl_retention.reading.ends.refuse_later_ends); a later end in the month counted anyway (acct3) is not."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, run

RECURLY = (
    "account_code,plan_code,state,unit_amount,currency,activated_at,canceled_at,expires_at\n"
    "acct1,pro,active,100.00,USD,2026-01-05T10:00:00Z,,\n"
    "acct2,pro,canceled,100.00,USD,2026-01-10T10:00:00Z,2026-02-01T10:00:00Z,2026-03-10T10:00:00Z\n"
    "acct3,pro,expired,100.00,USD,2026-01-15T10:00:00Z,2026-01-20T10:00:00Z,2026-02-15T10:00:00Z\n"
)
COLUMNS = "customer_id=account_code,start=activated_at,mrr=unit_amount"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_request_to_cancel_as_the_end_beside_a_later_expiry_is_refused(tmp_path, capsys, backend) -> None:
    (tmp_path / "recurly.csv").write_text(RECURLY)
    columns = f"{COLUMNS},end=canceled_at"
    message = refusal(capsys, "--subscriptions", str(tmp_path / "recurly.csv"), "--columns", columns, "--backend",
                      backend, "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith("recurly.csv, column 'expires_at': dates of a later month than the end mapped, "
                              "'canceled_at', on rows that ended, a month more active")  # fmt: skip
    assert "--columns end=expires_at" in message
    assert "in row 3 (counting the header as row 1): '2026-03-10T10:00:00Z'" in message  # the advice before or after
    assert "map the day service stopped, --columns end=expires_at, or remove this column if it is not" in message


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_day_service_stopped_as_the_end_is_read(tmp_path, backend) -> None:
    (tmp_path / "recurly.csv").write_text(RECURLY)
    out = run(tmp_path, "--subscriptions", tmp_path / "recurly.csv", "--columns", f"{COLUMNS},end=expires_at",
              backend=backend)  # fmt: skip
    movements = pd.read_csv(out / "movements.csv").set_index("month")
    assert movements["mrr_end"].to_dict() == {"2026-01": 300.0, "2026-02": 200.0, "2026-03": 100.0}
    assert movements["lost"].to_dict() == {"2026-01": 0, "2026-02": 1, "2026-03": 1}


def test_a_later_end_in_a_month_counted_anyway_passes(tmp_path) -> None:
    (tmp_path / "recurly.csv").write_text(RECURLY.replace("2026-03-10T10:00:00Z", "2026-02-20T10:00:00Z"))
    out = run(tmp_path, "--subscriptions", tmp_path / "recurly.csv", "--columns", f"{COLUMNS},end=canceled_at")
    movements = pd.read_csv(out / "movements.csv").set_index("month")
    assert movements["lost"].to_dict() == {"2026-01": 0, "2026-02": 2}
