"""An MRR at end typed over its formula on a month whose movements are blank is named and makes the file incomplete.

Before: June's MRR at end typed (Revenue!H7 = 8300) with its movements C7:G7 blank was named under status ok, while
the Dashboard's MRR at end sent to the blank movements (``see Revenue!C7:G7``) and its CLV was computed from that
8300 (ARPA 8300/133); with the movements typed and the end typed unlike them the file was incomplete: the milder case
graded worse (H415's finding 04). Here February's 1200 over H3, January 1000 + 100 = 1100 at end, 110 customers.
"""

from __future__ import annotations

import json

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

CUSTOMERS = {"B2": 100, "C2": 20, "D2": 110, "C3": 5, "D3": 110}
REVENUE = {"B2": 1000, "C2": 100}
ADVICE = (
    "copy the column's formula from another month's row over each (import puts them back for the months it imports)"
)


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("h425_mrr")
    path = build_template(folder / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    for sheet, typed in (("Customers", CUSTOMERS), ("Revenue", {**REVENUE, "H3": 1200})):
        for ref, value in typed.items():
            wb[sheet][ref] = value
    wb.save(path)
    return path, folder


def test_an_end_typed_over_blank_movements_is_named_and_incomplete(recalculated, capsys):
    path, folder = recalculated
    code = cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(folder / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert (code, report["status"]) == (1, "incomplete")
    assert report["message"] == (
        "t.xlsx: 1 value typed over the tracker's formulas, from which those months' figures are computed: "
        "Revenue!H3 (MRR at end) is 1200, typed over its formula, while its row's movements (Revenue!C3:G3) are "
        "blank: the Dashboard's MRR at end sends to them, and the lifetime value's default ARPA (so its CLV) is left "
        f"blank until they are typed: {ADVICE}"
    )
    wb = openpyxl.load_workbook(folder / "out" / "t.xlsx", data_only=True)
    assert wb["Dashboard"]["B5"].value == "see Revenue!C3:G3"
    assert wb["Lifetime value"]["B3"].value is None  # no ARPA from the typed 1200 (H439: was 1200 / 110), as said
