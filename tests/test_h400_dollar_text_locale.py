"""'$800' typed as New MRR was read as 800 (an en-US Excel's reading) and named as a text, while '€210' was flagged as
read by the computer's regional settings, its formulas not recalculated (H400's task 2): an Excel whose currency is
not $ reads no number in '$800', as an en-US Excel reads none in '€210', and the file does not say which Excel it is.
Both follow one rule now, in the same words: named with both readings, the formulas reading them not recalculated
(kept where Excel stored a value). '€210' was said to be read "by the computer's decimal separator". One recalc."""

from __future__ import annotations

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("h400_dollar")
    path = build_template(folder / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    revenue = wb["Revenue"]
    for ref, value in {"B2": 10000, "C2": "$800", "D2": 300, "E2": 0, "F2": 100, "G2": 500, "C3": "€210"}.items():
        revenue[ref] = value
    wb.save(path)
    return recalc_file(path, folder / "out.xlsx", engine="embedded"), folder / "out.xlsx"


def test_both_currency_texts_are_named_alike(recalculated) -> None:
    report, _ = recalculated
    assert report.status == "incomplete"
    assert report.message.split("; t.xlsx: ")[0] == (
        "t.xlsx: type each of these as a number in its cell: Revenue!C2 (New MRR) is the text '$800' (an en-US Excel "
        "reads 800, an Excel whose currency is not $ no number); Revenue!C3 (New MRR) is the text '€210' (an Excel "
        "whose currency is € reads 210, an en-US Excel no number) (the file does not say which reading its Excel "
        "takes, so the formulas reading them are not recalculated)"
    )


def test_the_month_reading_800_is_not_recalculated(recalculated) -> None:
    report, out = recalculated
    reasons = {u.address: u.reason for u in report.unsupported}
    assert reasons["Revenue!H2"] == (
        "reads the text '$800' (Revenue!C2), which Excel reads by the currency of the computer's regional settings, "
        "which the file does not record: an en-US Excel gives 10500, a British or European Excel #VALUE!; the file "
        "stores no value of Excel's to tell which, so the embedded engine does not compute it"
    )
    assert reasons["Revenue!J2"].startswith("reads the text '$800' (Revenue!C2)")
    assert openpyxl.load_workbook(out, data_only=True)["Revenue"]["H2"].value is None
