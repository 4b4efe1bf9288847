"""Zuora's rate plan charges hold a subscription's one-time charges ('Setup Fee', Charge Type OneTime) with MRR 0
(the fee is in their TCV) and an effective end on their start: such a row was refused as "subscriptions that ended
with MRR 0", which it never was (H210's task 2). A one-time charge with no MRR is left out with a note naming its
rows; the recurring charges count (MRR 100 from 2025-01, 300 from 2025-03); later refusals still name the file's rows
(and a DataFrame's index labels); a one-time charge with an amount is still refused (reading.one_time_items)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import xl_retention.tables as T
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

HEADER = (
    "Account: Account Number,Subscription: Name,Subscription: Version,Subscription: Status,Rate Plan Charge: Name,"
    "Rate Plan Charge: Charge Type,Rate Plan Charge: Segment,Rate Plan Charge: Effective Start Date,"
    "Rate Plan Charge: Effective End Date,Rate Plan Charge: MRR,Rate Plan Charge: TCV\n"
)
ROWS = (
    "A00000001,A-S00000101,1,Active,Pro Plan,Recurring,1,2025-01-01,2026-01-01,100.00,1200.00\n"
    "A00000001,A-S00000101,1,Active,Setup Fee,OneTime,1,2025-01-01,2025-01-01,0.00,500.00\n"
    "A00000002,A-S00000102,1,Active,Pro Plan,Recurring,1,2025-03-01,,200.00,\n"
    "A00000002,A-S00000102,1,Active,Setup Fee,OneTime,1,2025-03-01,2025-03-01,0,300.00\n"
)
COLUMNS = {
    "customer_id": "Account: Account Number",
    "mrr": "Rate Plan Charge: MRR",
    "start": "Rate Plan Charge: Effective Start Date",
    "end": "Rate Plan Charge: Effective End Date",
}
SAID = (
    "2 row(s) of a one-time charge with no MRR ('Rate Plan Charge: Name' 'Setup Fee'; 'Rate Plan Charge: Charge "
    "Type' 'OneTime') left out, {rows}: a one-time charge is paid once, not recurring revenue"
)


def _write(tmp_path: Path, rows: str = ROWS) -> Path:
    path = tmp_path / "zuora.csv"
    path.write_text(HEADER + rows)
    return path


def test_a_one_time_charge_with_mrr_0_is_left_out_with_a_note(tmp_path: Path) -> None:
    tables = load_tables(subscriptions=_write(tmp_path), columns=COLUMNS)
    mrr = dict(zip(tables.movements.index.astype(str), tables.movements["mrr_end"], strict=True))
    assert (mrr["2025-01"], mrr["2025-02"], mrr["2025-03"], mrr["2025-12"], mrr["2026-01"]) == (
        100.0, 100.0, 300.0, 300.0, 200.0)  # fmt: skip
    assert "zuora.csv: " + SAID.format(rows="rows 3, 5") in tables.notes


def test_a_later_refusal_names_the_files_row(tmp_path: Path) -> None:
    path = _write(tmp_path, ROWS + "A00000003,A-S00000103,1,Active,Pro Plan,Recurring,1,2025-03-01,,-5,\n")
    with pytest.raises(DataError) as caught:
        load_tables(subscriptions=path, columns=COLUMNS)
    assert str(caught.value) == (
        "zuora.csv, column 'Rate Plan Charge: MRR': negative MRR in row 6 (counting the header as row 1): '-5'"
    )


def test_a_frames_rows_are_named_by_their_labels(tmp_path: Path) -> None:
    frame = pd.read_csv(_write(tmp_path))
    frame.index = ["r0", "r1", "r2", "r3"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        snapshots = T.snapshots_from_intervals(frame, columns=COLUMNS, through="2026-01")
    assert [str(w.message) for w in caught] == ["input: " + SAID.format(rows="the rows at index 'r1', 'r3'")]
    assert snapshots.groupby("month")["mrr"].sum().tolist() == [100.0, 100.0] + [300.0] * 10 + [200.0]


def test_a_one_time_charge_with_an_amount_is_still_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, ROWS.replace("2025-01-01,0.00,500.00", "2025-01-01,500.00,500.00"))
    with pytest.raises(DataError, match=r"^zuora.csv, column 'Rate Plan Charge: Name': rows of a one-time charge "):
        load_tables(subscriptions=path, columns=COLUMNS)
