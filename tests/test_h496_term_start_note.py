"""A Chargebee subscriptions export with ``subscriptions.current_term_start`` ends its tables at that column's latest
month (2026-06), yet the note said "(its last date)" and asked the user to "give its current period or term start
column (... Chargebee's current_term_start ...)", the column the file has and the import used (H484 finding 07). The
note now names it among the dates the last month is the latest of and offers --through alone, by pandas and DuckDB;
a file without such a column keeps both remedies.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import written

from xl_retention import cli

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
SUBS = (
    "subscriptions.id,subscriptions.customer_id,subscriptions.plan_quantity,subscriptions.plan_unit_price,"
    "subscriptions.billing_period,subscriptions.billing_period_unit,subscriptions.status,subscriptions.started_at,"
    "subscriptions.cancelled_at,subscriptions.current_term_start,subscriptions.current_term_end\n"
    "s1,c1,1,49.00,1,month,active,2026-01-05 10:00:00,,2026-06-05 10:00:00,2026-07-05 10:00:00\n"
    "s3,c3,1,49.00,1,month,cancelled,2026-01-20 09:00:00,2026-04-20 09:00:00,2026-03-20 09:00:00,2026-04-20 09:00:00\n"
)
COLUMNS = "customer_id=subscriptions.customer_id,start=subscriptions.started_at,end=subscriptions.cancelled_at"


def _note(tmp_path: Path, capsys, backend: str, text: str) -> tuple[str, str, list[str]]:
    path = written(tmp_path, "subs.csv", text)
    out = tmp_path / f"o-{backend}"
    capsys.readouterr()
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(out), "--backend", backend,
                     "--columns", COLUMNS]) == 0  # fmt: skip
    (note,) = [line for line in capsys.readouterr().out.splitlines() if "is the last month of subs.csv" in line]
    last_full = pd.Period(pd.Timestamp.today(), freq="M") - 1
    return note, str(last_full), pd.read_csv(out / "movements.csv")["month"].tolist()


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_term_start_read_is_named_and_only_through_offered(tmp_path: Path, capsys, backend: str) -> None:
    note, last_full, months = _note(tmp_path, capsys, backend, SUBS)
    assert months == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
    assert note == (
        "2026-06 is the last month of subs.csv (its last date: its latest start, end or "
        "'subscriptions.current_term_start'): its customer and MRR tables end there, and the months after it, "
        f"2026-07 to {last_full} (the last full month), are not written (a tracker keeps them blank, not 0); its 1 "
        "customer at the end of 2026-06 is not counted after it; if the export was cut short, export it up to "
        f"{last_full}; if it was taken later, its subscriptions without an end active since, give --through with the "
        f"last month it covers (e.g. --through {last_full})"
    )


def test_without_a_term_start_both_remedies_stay(tmp_path: Path, capsys) -> None:
    text = "\n".join(",".join(line.split(",")[:9]) for line in SUBS.splitlines()) + "\n"  # no current_term_*
    note, last_full, months = _note(tmp_path, capsys, "pandas", text)
    assert months == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert note.startswith("2026-04 is the last month of subs.csv (its last date): ")
    assert note.endswith(
        "give its current period or term start column (Stripe's \"Current Period Start (UTC)\", Chargebee's "
        f"current_term_start, Recurly's current_period_started_at), or --through with the last month it covers (e.g. "
        f"--through {last_full})"
    )
