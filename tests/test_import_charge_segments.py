"""A subscription amended mid-term, exported as two charge segments (Zuora's rate plan charges: Pro at MRR 100
effective 2026-06-15 to 2026-09-15, then Enterprise at 150), each row with the subscription's own dates too
(H254 finding 03).

Mapped with the subscription's dates, both segments counted from June (June new MRR 400 for 250, no September
expansion), silently: now refused, naming the rows and the segments' own dates. Mapped with those (the right
mapping), the first segment's end before the subscription's end was refused as a cancellation served until a later
date: the next segment continues it that day, and it is read (June new 250, September expansion 50, docs/metrics.md).
Two charges over the same dates side by side (a plan and an add-on) add up as before.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

HEADER = (
    "Account Number,Subscription Name,Subscription Start Date,Subscription End Date,Charge MRR,"
    "Effective Start Date,Effective End Date\n"
)
ROWS = (
    "A1,S1,2026-06-03,,50,2026-06-03,\n"
    "A2,S2,2026-06-10,2026-09-10,100,2026-06-10,2026-09-10\n"
    "A3,S3,2026-06-15,2027-06-15,100,2026-06-15,2026-09-15\n"
    "A3,S3,2026-06-15,2027-06-15,150,2026-09-15,2027-06-15\n"
)
MONEY = "customer_id=Account Number,mrr=Charge MRR"
SUBSCRIPTION_DATES = f"{MONEY},start=Subscription Start Date,end=Subscription End Date"
SEGMENT_DATES = f"{MONEY},start=Effective Start Date,end=Effective End Date"


def _movements(out: Path) -> dict[str, list[float]]:
    table = pd.read_csv(out / "movements.csv")
    return {c: table[c].tolist() for c in ("new_mrr", "expansion_mrr", "churned_mrr", "mrr_end")}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_segments_mapped_over_the_subscriptions_dates_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    path = written(tmp_path, "zuora.csv", HEADER + ROWS)
    assert refusal(
        capsys,
        "--subscriptions",
        str(path),
        "--columns",
        SUBSCRIPTION_DATES,
        "--through",
        "2026-10",
        "--backend",
        backend,
        "--to-csv",
        str(tmp_path / "o"),
    ) == (  # fmt: skip
        "zuora.csv, column 'Effective Start Date': rows of one customer with the same start and end ('Subscription "
        "Start Date', 'Subscription End Date') that follow each other by 'Effective Start Date' and 'Effective End "
        "Date' (segments of one subscription, a plan changed mid-term as Zuora's rate plan charges: each would count "
        "over the whole span, their MRRs added from its start) in rows 4, 5 (counting the header as row 1): "
        "'2026-06-15', '2026-09-15': map each segment's own dates, --columns 'start=Effective Start Date,end=Effective "
        "End Date'"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_each_segment_over_its_own_dates(tmp_path: Path, backend: str) -> None:
    path = written(tmp_path, "zuora.csv", HEADER + ROWS)
    out = run(tmp_path, "--subscriptions", path, "--columns", SEGMENT_DATES, "--through", "2026-10", backend=backend)
    assert _movements(out) == {
        "new_mrr": [250.0, 0.0, 0.0, 0.0, 0.0],  # 50 + 100 + 100
        "expansion_mrr": [0.0, 0.0, 0.0, 50.0, 0.0],  # Pro 100 to Enterprise 150 from 2026-09-15
        "churned_mrr": [0.0, 0.0, 0.0, 100.0, 0.0],  # S2 ended 2026-09-10
        "mrr_end": [250.0, 250.0, 250.0, 200.0, 200.0],
    }


def test_a_segment_not_continued_is_still_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = HEADER + ROWS.replace("A3,S3,2026-06-15,2027-06-15,150,2026-09-15,2027-06-15\n", "")
    path = written(tmp_path, "zuora.csv", text)
    message = refusal(capsys, "--subscriptions", str(path), "--columns", SEGMENT_DATES, "--through", "2026-10",
                      "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert message.startswith("zuora.csv, column 'Subscription End Date': dates of a later month than the end mapped")


def test_charges_side_by_side_over_the_same_dates_add_up(tmp_path: Path) -> None:
    text = HEADER + ROWS.replace("150,2026-09-15,2027-06-15", "20,2026-06-15,2027-06-15").replace(
        "100,2026-06-15,2026-09-15", "100,2026-06-15,2027-06-15"
    )
    out = run(tmp_path, "--subscriptions", written(tmp_path, "zuora.csv", text), "--columns", SUBSCRIPTION_DATES,
              "--through", "2026-10")  # fmt: skip
    assert _movements(out)["new_mrr"] == [270.0, 0.0, 0.0, 0.0, 0.0]  # 50 + 100 + (100 + 20 add-on)
