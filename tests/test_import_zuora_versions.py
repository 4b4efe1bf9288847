"""Zuora's rate plan charges with their subscription's version (H161 finding 03): an amended subscription's earlier
version (Status Expired: "no longer the most recent", Zuora's API reference) was added to the latest version's
segments, silently: MRR 2000 for 1000. Rows of a version below its subscription's latest are now left out with a
note; one whose status is not Expired is refused."""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

ROWS = """Account: Account Number,Subscription: Name,Subscription: Version,Subscription: Status,Rate Plan Charge: Segment,Rate Plan Charge: Effective Start Date,Rate Plan Charge: Effective End Date,Rate Plan Charge: MRR
A00000001,A-S00000101,1,{status},1,2025-01-01,2026-01-01,1000.00
A00000001,A-S00000101,2,Active,1,2025-01-01,2025-07-15,1000.00
A00000001,A-S00000101,2,Active,2,2025-07-15,2026-01-01,1500.00
A00000003,A-S00000103,1,Active,1,2025-05-01,,200.00
"""  # noqa: E501
COLUMNS = {
    "customer_id": "Account: Account Number",
    "mrr": "Rate Plan Charge: MRR",
    "start": "Rate Plan Charge: Effective Start Date",
    "end": "Rate Plan Charge: Effective End Date",
}


def _load(tmp_path, status: str):
    path = tmp_path / "zuora_versions.csv"
    path.write_text(ROWS.format(status=status))
    return load_tables(subscriptions=path, columns=COLUMNS)


def test_an_expired_version_beside_the_latest_is_left_out(tmp_path) -> None:
    tables = _load(tmp_path, "Expired")
    movements, notes = tables.movements, tables.notes
    mrr = dict(zip(movements.index.astype(str), movements["mrr_end"], strict=True))
    assert (mrr["2025-01"], mrr["2025-05"], mrr["2025-07"], mrr["2026-01"]) == (1000.0, 1200.0, 1700.0, 200.0)
    assert movements.loc[movements.index.astype(str) == "2025-01", "new_mrr"].tolist() == [1000.0]
    assert (
        "zuora_versions.csv: 1 row(s) of earlier versions of a subscription ('Subscription: Version' below its latest, "
        "Zuora's Expired versions: an amendment makes a new version) left out, row 2: the latest version counts"
    ) in notes


def test_an_earlier_version_not_expired_is_refused(tmp_path) -> None:
    with pytest.raises(DataError, match=r"^zuora_versions.csv, column 'Subscription: Status': rows of an earlier "):
        _load(tmp_path, "Active")
