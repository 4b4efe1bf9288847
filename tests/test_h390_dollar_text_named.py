"""An amount pasted as the text '$800' (New MRR, from a billing report) was read as 800 by recalc and named nowhere,
status ok with an empty message, while ' 800 ' is named ("type it as a number") and '€210' is flagged as read by the
computer's settings (H384's finding 06): the user's own SUM, a pivot table or pandas skip it, and an Excel whose
currency is not $ reads no number there. It is named now, with how it was read. One recalc for the module.

Since H400's task 2 '$800' follows '€210''s rule (the file does not say which currency its Excel has): named with
both readings, the formulas reading it not recalculated (status incomplete, Revenue!H2 left without a value).
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
    assert report.status == "incomplete"
    assert report.message.split("; t.xlsx: ")[0] == (
        "t.xlsx: Revenue!C2 (New MRR) is the text '$800': type it as a number there (an en-US Excel reads 800, an "
        "Excel whose currency is not $ no number; the file does not say which reading its Excel takes, so the "
        "formulas reading it are not recalculated)"
    )


def test_the_month_reading_it_is_not_recalculated(recalculated) -> None:
    out: Path = recalculated[1]
    assert openpyxl.load_workbook(out, data_only=True)["Revenue"]["H2"].value is None  # 10500 en-US, #VALUE! in €
