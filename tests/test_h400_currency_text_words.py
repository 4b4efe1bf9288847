"""'€210' typed as New MRR was named "type it as a number there (Excel reads it by the computer's decimal separator;
...)": a currency's sign is read by the computer's currency, not its decimal separator (H400's task 2). Its line
now says both readings, in the words '$800''s line uses ("an Excel whose currency is not $ reads no number").
One recalc."""

from __future__ import annotations

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def test_a_euro_amount_names_both_readings(tmp_path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    for ref, value in {"B2": 10000, "C2": "€210", "D2": 300, "E2": 0, "F2": 100, "G2": 500}.items():
        wb["Revenue"][ref] = value
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    assert report.message.split("; t.xlsx: ")[0] == (
        "t.xlsx: Revenue!C2 (New MRR) is the text '€210': type it as a number there (an Excel whose currency is € "
        "reads 210, an en-US Excel no number; the file does not say which reading its Excel takes, so the formulas "
        "reading it are not recalculated)"
    )
