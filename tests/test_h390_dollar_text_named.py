"""An amount pasted as the text '$800' (New MRR, from a billing report) was read as 800 by recalc and named nowhere,
status ok with an empty message, while ' 800 ' is named ("type it as a number") and '€210' is flagged as read by the
computer's settings (H384's finding 06): the user's own SUM, a pivot table or pandas skip it, and an Excel whose
currency is not $ reads no number there. It is named now, with how it was read. One recalc for the module.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typed_tracker import typed_over

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("h390_06")
    typed = {"Revenue": {"B2": 10000, "C2": "$800", "D2": 300, "E2": 0, "F2": 100, "G2": 500}}
    path = typed_over(build_template(folder / "t.xlsx", start="2026-01", months=12), typed)
    return recalc_file(path, folder / "out.xlsx", engine="embedded"), folder / "out.xlsx"


def test_a_dollar_amount_typed_as_text_is_named(recalculated) -> None:
    report, _ = recalculated
    assert report.status == "ok"
    assert report.message == (
        "t.xlsx: Revenue!C2 (New MRR) is the text '$800' (read as 800, as an en-US Excel reads it; an Excel whose "
        "currency is not $ reads no number there): the tracker reads it as a number, but a SUM, a pivot table or "
        "pandas reading this cell skips a text: type it as a number"
    )


def test_the_tracker_reads_it_as_800(recalculated) -> None:
    out: Path = recalculated[1]
    assert openpyxl.load_workbook(out, data_only=True)["Revenue"]["H2"].value == 10500  # 10000 + 800 + 300 - 100 - 500
