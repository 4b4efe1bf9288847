"""A later service-end column beside the mapped end was ignored under names we did not list (H527's finding 07):
FastSpring's "Deactivation Date", "Valid Until", "Access Until", Braintree's paid_through_date, "Last Day" a month
after the end on a row that ended counted the customer lost a month early (exit 0), while ``ended_at`` beside it was
refused. The values decide now, whatever the name (reading.unmapped, reading.ends): refused naming the column, and
the advice followed gives the hand count (b served to 2026-03-10: active in February, lost in March)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]


def _file(tmp_path: Path, column: str, b_end: str = "2026-02-01") -> Path:
    return written(tmp_path, "f.csv", f"customer_id,start,end,{column},mrr\na,2026-01-05,,,10\n"
                   f"b,2026-01-10,{b_end},2026-03-10,20\nc,2026-01-11,,,30\n")  # fmt: skip


def _lost(out: Path) -> list[int]:
    moves = pd.read_csv(out / "movements.csv").set_index("month")
    return moves.loc[["2026-02", "2026-03"], "lost"].tolist()


def _refused(capsys: pytest.CaptureFixture[str], path: Path, backend: str) -> str:
    return refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(path.parent / "o"),
                   "--through", "2026-04")  # fmt: skip


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("column", ["Deactivation Date", "deactivated_at", "Valid Until", "Access Until", "Last Day"])
def test_a_later_end_of_any_name_is_refused_and_mapping_it_counts_the_month_served(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, column: str
) -> None:
    message = _refused(capsys, _file(tmp_path, column), backend)
    assert message == (
        f"f.csv, column {column!r}: dates of a later month than the end mapped, 'end', on rows that ended, a month "
        f"more active (a subscription cancelled on 'end' that served until {column!r}, as Recurly's canceled_at and "
        "expires_at, Stripe's 'Canceled At' and 'Ended At': the months it paid would count as lost) in row 3 "
        "(counting the header as row 1): '2026-03-10': map the day service stopped, --columns "
        f"{'end=' + column if ' ' not in column else repr('end=' + column)}, or remove this column if it is not"
    )
    out = run(tmp_path, "--subscriptions", _file(tmp_path, column), "--columns", f"end={column}", "--through",
              "2026-04", backend=backend)  # fmt: skip
    assert _lost(out) == [0, 1]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("column", ["Paid Through", "paid_through_date"])
def test_a_later_paid_through_date_is_refused_with_advice_that_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, column: str
) -> None:
    """Mapped as the end a paid-through date is refused (a renewal's date): the advice is to write it in the end."""
    message = _refused(capsys, _file(tmp_path, column), backend)
    assert message.startswith(f"f.csv, column {column!r}: dates of a later month than the end mapped, 'end',")
    assert message.endswith(
        f"in row 3 (counting the header as row 1): '2026-03-10': if service ran until {column!r} on those rows, write "
        "its date in 'end' there (mapped as the end, a paid-through date is refused: an active subscription renews "
        "then), or remove this column if service stopped on 'end'"
    )
    out = run(tmp_path, "--subscriptions", _file(tmp_path, column, b_end="2026-03-10"), "--through", "2026-04",
              backend=backend)  # fmt: skip
    assert _lost(out) == [0, 1]


@pytest.mark.parametrize("column", ["Last Login", "Card Expiry Date", "refunded_at", "Deleted At"])
def test_dates_after_the_end_that_say_no_service_or_fall_in_its_month_refuse_nothing(
    tmp_path: Path, column: str
) -> None:
    """A login, a card's expiry, a refund after the end say no service; a deletion in the end's month (here the 20th
    of February, b ended on the 1st) counts no month more: b is lost in February."""
    later = "2026-02-20" if column == "Deleted At" else "2026-03-10"
    path = written(tmp_path, "f.csv", f"customer_id,start,end,{column},mrr\na,2026-01-05,,,10\n"
                   f"b,2026-01-10,2026-02-01,{later},20\nc,2026-01-11,,,30\n")  # fmt: skip
    assert _lost(run(tmp_path, "--subscriptions", path, "--through", "2026-04")) == [1, 0]
