"""A subscription's phase with MRR 0 between its phases (a pause, a free plan upgraded) is no end at MRR 0 (H66/16).

A phases export (one row per phase of a subscription, its id on each) with s1 paused March-April at MRR 0 was refused
as "subscriptions that ended with MRR 0, as a list with today's MRR gives them". It is a pause: a is lost in March
and reactivated in May. A free phase followed by a paid one: a is new when the paid phase starts. Rows of MRR 0 that
end with no next phase of their subscription are refused as before.
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
HEADER = "subscription_id,customer_id,start,end,mrr\n"


def _counts(tmp_path, rows: str) -> dict[str, tuple[int, ...]]:
    path = tmp_path / "phases.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    f = load_tables(path).movements
    columns = ["customers_start", "new", "reactivated", "lost", "customers_end", "mrr_end"]
    return {str(m): tuple(int(f.loc[m, c]) for c in columns) for m in f.index}


def test_a_paused_phase_is_lost_then_reactivated(tmp_path) -> None:
    rows = "s1,a,2024-01-01,2024-03-01,100\ns1,a,2024-03-01,2024-05-01,0\ns1,a,2024-05-01,,100\ns2,b,2024-01-05,,50\n"
    got = _counts(tmp_path, rows)
    assert got["2024-02"] == (2, 0, 0, 0, 2, 150)
    assert got["2024-03"] == (2, 0, 0, 1, 1, 50)
    assert got["2024-04"] == (1, 0, 0, 0, 1, 50)
    assert got["2024-05"] == (1, 0, 1, 0, 2, 150)


def test_a_free_phase_then_a_paid_one_is_new_when_it_pays(tmp_path) -> None:
    rows = "s1,a,2024-01-01,2024-02-29,0\ns1,a,2024-03-01,2024-06-01,50\ns2,b,2024-01-05,2024-06-01,50\n"
    got = _counts(tmp_path, rows)
    assert got["2024-02"] == (1, 0, 0, 0, 1, 50)
    assert got["2024-03"] == (1, 1, 0, 0, 2, 100)


def test_an_end_at_mrr_0_with_no_next_phase_is_still_refused(tmp_path) -> None:
    path = tmp_path / "phases.csv"
    path.write_text(HEADER + "s1,a,2024-01-01,2024-03-01,0\ns3,a,2024-03-01,,100\ns2,b,2024-01-05,,50\n")
    with pytest.raises(DataError, match=r"phases.csv, column 'mrr': subscriptions that ended with MRR 0.* in row 2 "):
        load_tables(path)
