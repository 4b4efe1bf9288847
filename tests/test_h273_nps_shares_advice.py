"""NPS typed from a survey summary as shares: what to type, row by row (H273's item 5).

The NPS sheet's C:E are counts of answers, its NPS an Excel formula over them (100 x (promoters - detractors) /
responses); shares typed there were named, the file incomplete (H265's finding 03), with a general advice ("a share
times the responses: 45% of 180 is 81"). They are still not read as shares: a row of numbers of 1 or less is no sure
share (1 promoter of 1 answer is "100%" too; 45% of 181 answers is 81.45 people), and the NPS cell would have to
guess in Excel as here. The message now says each row's own counts where the shares times the responses typed beside
them are whole (0.45, 0.25, 0.30 of 180: 81, 45 and 54), or the shares in percent where no responses are typed;
followed, the NPS is 15 (45% - 30%) and the file ok; the case of H265's finding 03 (45% and 20%, passives blank)
is told 81 and 36 (tests/test_h265_nps_shares_typed.py), which give 25.
"""

from __future__ import annotations

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

WHY = (  # the line of shares adding up, or with a share left blank
    ": those months' NPS is computed from them as counts of answers (100 x (promoters - detractors) / responses), not "
    "as shares: "
)


def _recalc(tmp_path, typed: dict[str, object], name: str = "t.xlsx"):
    path = build_template(tmp_path / name, start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    for ref, value in typed.items():
        wb["NPS"][ref] = value
    wb.save(path)
    report = recalc_file(path, tmp_path / f"out_{name}", engine="embedded")
    return report, openpyxl.load_workbook(tmp_path / f"out_{name}", data_only=True)["NPS"]


def test_each_row_is_told_its_counts_and_following_it_gives_15(tmp_path):
    report, nps = _recalc(tmp_path, {"B2": 180, "C2": 0.45, "D2": 0.25, "E2": 0.30, "B3": "200", "C3": "45%",
                                     "D3": "25%", "E3": "30%"})  # fmt: skip
    assert report.status == "incomplete"
    assert report.message == (
        "t.xlsx: 2 months of counts typed on the NPS sheet give no NPS: NPS!F2 says 'bad counts' (Responses 180, "
        "Promoters (9-10) 0.45, Passives (7-8) 0.25, Detractors (0-6) 0.3); NPS!F3 says 'bad counts' (Responses "
        "'200', Promoters (9-10) '45%', Passives (7-8) '25%', Detractors (0-6) '30%'): they are shares, not counts of "
        "answers: type 81 in NPS!C2, 45 in NPS!D2 and 54 in NPS!E2 (45%, 25% and 30% of the 180 responses in NPS!B2); "
        "type 90 in NPS!C3, 50 in NPS!D3 and 60 in NPS!E3 (45%, 25% and 30% of the 200 responses in NPS!B3); "
        "NPS!B3 (Responses) is the text '200': the tracker reads it as a number, but a SUM, a pivot table or pandas "
        "reading this cell skips a text: type it as a number"
    )
    assert nps["F2"].value == "bad counts"
    report, nps = _recalc(tmp_path, {"B2": 180, "C2": 81, "D2": 45, "E2": 54, "B3": 200, "C3": 90, "D3": 50,
                                     "E3": 60}, "followed.xlsx")  # fmt: skip
    assert (report.status, report.message, nps["F2"].value, nps["F3"].value) == ("ok", "", 15.0, 15.0)


def test_shares_that_are_no_whole_count_are_told_as_percent_with_the_responses_blank(tmp_path):
    # docs/metrics.md: "each share times the responses ... where that is a whole number, else the three shares in
    # percent (45, 35, 20) with the responses blank" (the general advice before: H435's finding 03)
    report, _ = _recalc(tmp_path, {"B2": 181, "C2": 0.45, "E2": 0.2})  # 81.45 promoters
    assert report.status == "incomplete"
    assert report.message.endswith(
        WHY + "type 45, 35 and 20 in NPS!C2, NPS!D2 and NPS!E2 (the shares in percent, the passives the rest, NPS!B2 "
        "blank)"
    )
    report, _ = _recalc(tmp_path, {"B2": 50, "C2": 0.45, "D2": 0.35, "E2": 0.2}, "all.xlsx")  # 'bad counts': 22.5
    assert report.message == (
        "all.xlsx: 1 month of counts typed on the NPS sheet give no NPS: NPS!F2 says 'bad counts' (Responses 50, "
        "Promoters (9-10) 0.45, Passives (7-8) 0.35, Detractors (0-6) 0.2): they are shares, not counts of answers: "
        "type 45, 35 and 20 in NPS!C2, NPS!D2 and NPS!E2 (the shares in percent, NPS!B2 blank)"
    )
    report, nps = _recalc(tmp_path, {"C2": 45, "D2": 35, "E2": 20}, "followed.xlsx")
    assert (report.status, nps["F2"].value) == ("ok", 25.0)


def test_one_answer_typed_as_counts_is_no_share(tmp_path):
    report, nps = _recalc(tmp_path, {"B2": 1, "C2": 1, "D2": 0, "E2": 0})
    assert (report.status, report.message, nps["F2"].value) == ("ok", "", 100.0)
