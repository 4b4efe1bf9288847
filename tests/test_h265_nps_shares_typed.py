"""NPS typed from a survey tool's summary as shares (H265's finding 03): "180 responses, 45% promoters, 20%
detractors" typed over NPS!B2:E2 (0.45, 0.2, passives blank) and pasted as text in February ('45%', '20%') gave NPS
0.1389 (100 x (0.45 - 0.2) / 180) and 38.46 (100 x 0.25 / 0.65), the Dashboard's NPS 38.46, under status ok with no
word; the NPS is 25. NPS!B:E are counts of answers: a count typed that is no whole number is named, the file
incomplete (as 6e0d14ff's counts on Customers, Purchases and Visits)."""

from __future__ import annotations

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def _recalc(tmp_path, typed: dict[str, object]):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    for ref, value in typed.items():
        wb["NPS"][ref] = value
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    return report, openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["NPS"]


def test_shares_typed_as_counts_are_named_and_not_ok(tmp_path):
    report, nps = _recalc(tmp_path, {"B2": 180, "C2": 0.45, "E2": 0.2, "C3": "45%", "E3": "20%"})
    assert report.status == "incomplete"
    assert report.message == (
        "t.xlsx: 4 counts typed on the NPS sheet are no whole numbers: NPS!C2 (Promoters (9-10)) is 0.45; NPS!E2 "
        "(Detractors (0-6)) is 0.2; NPS!C3 (Promoters (9-10)) is the text '45%', which Excel's arithmetic reads as "
        "0.45 and 1 more: those months' NPS is computed from them as counts of answers (100 x (promoters - "
        "detractors) / responses), not as shares: type 81 in NPS!C2 and 36 in NPS!E2 (45% and 20% of the 180 "
        "responses in NPS!B2); type 45, 35 and 20 in NPS!C3, NPS!D3 and NPS!E3 (the shares in percent, the passives "
        "the rest, NPS!B3 blank)"
    )  # each row's own (H273's item 5: tests/test_h273_nps_shares_advice.py)
    assert round(nps["F2"].value, 4) == 0.1389  # the cells keep Excel's values: the message says they are no figures


def test_the_advice_gives_the_nps(tmp_path):
    """Both ways the message advises give 25, nothing to say."""
    report, nps = _recalc(tmp_path, {"B2": 180, "C2": 81, "E2": 36, "C3": 45, "D3": 35, "E3": 20})
    assert (report.status, report.message) == ("ok", "")
    assert (nps["F2"].value, nps["F3"].value) == (25.0, 25.0)


def test_a_whole_count_pasted_as_text_stays_ok(tmp_path):
    report, nps = _recalc(tmp_path, {"B2": "100", "C2": "45", "D2": 30, "E2": "25"})
    assert (report.status, report.message, nps["F2"].value) == (
        "ok",
        "t.xlsx: NPS!B2 (Responses) is the text '100', NPS!C2 (Promoters (9-10)) the text '45', NPS!E2 (Detractors"
        " (0-6)) the text '25': the tracker reads them as numbers, but a SUM, a pivot table or pandas reading these"
        " cells skips a text: type them as numbers",
        20.0,
    )
