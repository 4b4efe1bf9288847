"""The NPS sheet's NPS from counts typed over its formulas, and no -100 shown for a 1-5 survey (H230's faults 1, 3).

Before: promoters 30, passives 10, detractors 10 typed on NPS!C2:E2 (no answers on 'NPS scores') left NPS!F2 blank
under ok; 40 answers of a 1-5 question in 'NPS scores'!B2:B41 showed NPS -100 in NPS!F2 (recalc named the column,
the cell still showed the figure). Now F2 is 100 x (promoters - detractors) / responses of the counts typed (40.0),
and the 1-5 month's F2 says "not 0-10". ``upgrade`` brings an earlier tracker's NPS formulas up to this.
"""

from __future__ import annotations

import json

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

SATISFACTION = [5, 4, 5, 3, 4, 5, 5, 4, 2, 5] * 4
NPS_ANSWERS = [10, 9, 9, 8, 7, 6, 3]  # docs/metrics.md: 3 promoters, 2 passives, 2 detractors: 14.2857...


def _recalc(tmp_path, capsys, path) -> tuple[dict, openpyxl.Workbook]:
    out = tmp_path / "out"
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(out)])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report, openpyxl.load_workbook(report["output"], data_only=True)


def _tracker(tmp_path, counts: dict[str, object], answers: dict[int, list[int]] | None = None):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6, overwrite=True)
    wb = openpyxl.load_workbook(path)
    for ref, value in counts.items():
        wb["NPS"][ref] = value
    for column, values in (answers or {}).items():
        for row, value in enumerate(values, start=2):
            wb["NPS scores"].cell(row, column).value = value
    wb.save(path)
    return path


def test_counts_typed_give_the_nps(tmp_path, capsys):
    path = _tracker(
        tmp_path,
        {
            **{"C2": 30, "D2": 10, "E2": 10},  # 100 x (30 - 10) / 50 = 40
            **{"B3": 60, "C3": 30, "E3": 10},  # passives blank: the rest of 60 responses: 100 x 20 / 60
            **{"C4": "12", "D4": 0, "E4": "3"},  # pasted as text: 100 x 9 / 15 = 60
            **{"C5": 0, "D5": 0, "E5": 4},  # all detractors typed: -100 (a figure of the counts)
        },
    )
    report, wb = _recalc(tmp_path, capsys, path)
    assert (report["status"], report["message"]) == (  # the texts read as counts, named for a SUM of the user's
        "ok",
        "t.xlsx: NPS!C4 (Promoters (9-10)) is the text '12', NPS!E4 (Detractors (0-6)) the text '3': the tracker reads"
        " them as numbers, but a SUM, a pivot table or pandas reading these cells skips a text: type them as numbers",
    )
    nps = [wb["NPS"][f"F{row}"].value for row in range(2, 8)]
    assert nps[:4] == [40.0, pytest.approx(100 * 20 / 60, abs=1e-12), 60.0, -100.0]
    assert nps[4:] == [None, None]
    assert [wb["NPS"][f"J{row}"].value for row in range(2, 6)] == [1, 2, 3, 4]  # the Dashboard's months with NPS
    assert wb["Dashboard"]["B8"].value == -100.0


def test_counts_that_give_no_nps_are_said_in_the_cell_and_named(tmp_path, capsys):
    path = _tracker(tmp_path, {"B2": 60, "C2": 30, "D2": 10, "E2": 10, "C3": -3, "E3": 1})
    report, wb = _recalc(tmp_path, capsys, path)
    assert [wb["NPS"]["F2"].value, wb["NPS"]["F3"].value] == ["bad counts", "count < 0"]
    assert (report["status"], report["message"]) == (
        "incomplete",
        "t.xlsx: 2 months of counts typed on the NPS sheet give no NPS: NPS!F2 says 'bad counts' "
        "(Responses 60, Promoters (9-10) 30, Passives (7-8) 10, Detractors (0-6) 10); NPS!F3 says 'count < 0' "
        "(Promoters (9-10) -3, Detractors (0-6) 1): type each month's promoters, passives and detractors (0 or more), "
        "adding up to its responses where those are typed (or leave the responses blank)",
    )


def test_counts_typed_beside_answers_are_named_and_the_answers_count(tmp_path, capsys):
    path = _tracker(tmp_path, {"C2": 5}, {2: NPS_ANSWERS})
    report, wb = _recalc(tmp_path, capsys, path)
    assert wb["NPS"]["F2"].value == pytest.approx(100 / 7, abs=1e-12)
    assert report["status"] == "ok"
    assert report["message"] == (
        "t.xlsx: 1 count typed over the NPS sheet's formulas, which count the answers on 'NPS scores': NPS!C2 "
        "(Promoters (9-10)) is 5: those months have answers there, and their NPS is computed from the answers only, "
        "not from counts typed here: type each answer on 'NPS scores' (one column per month), or clear that month's "
        "answers to have the NPS of the counts"
    )


def test_a_1_to_5_survey_shows_no_nps(tmp_path, capsys):
    path = _tracker(tmp_path, {}, {2: SATISFACTION, 3: SATISFACTION[:29], 4: [*SATISFACTION, 9]})
    report, wb = _recalc(tmp_path, capsys, path)
    assert report["status"] == "incomplete"
    assert report["message"].startswith("t.xlsx: 'NPS scores'!B2:B41 holds 40 answers, none above 5")
    # 40 answers none above 7: no NPS shown; 29 (too few to tell) and 41 with a 9 are NPS
    assert [wb["NPS"][f"F{row}"].value for row in (2, 3, 4)] == ["not 0-10", -100.0, -3900 / 41]
    assert wb["NPS"]["G2"].value is None and wb["NPS"]["H2"].value is None  # no margin, the chart's gap before
    assert wb["NPS"]["J3"].value == 1


def test_upgrade_gives_an_earlier_trackers_nps_the_counts(tmp_path, capsys):
    from xl_retention.workbook.monthly import NPS_ANSWERS_ONLY, NPS_SUMMARY
    from xl_retention.workbook.template import render_formula

    path = _tracker(tmp_path, {"C2": 30, "D2": 10, "E2": 10})
    wb = openpyxl.load_workbook(path)
    letters = {c.key: openpyxl.utils.get_column_letter(i) for i, c in enumerate(NPS_SUMMARY.columns, start=1)}
    for row in range(2, 8):
        column = openpyxl.utils.get_column_letter(row)
        scores = {"scores": f"'NPS scores'!{column}$2:{column}$1001"}
        wb["NPS"][f"F{row}"] = render_formula(NPS_ANSWERS_ONLY, letters, row, scores)
    wb.save(path)
    report, _ = _recalc(tmp_path, capsys, path)
    assert report["status"] == "incomplete"
    assert "(an earlier template's) is computed from answers on 'NPS scores' only" in report["message"]
    assert "run xl-retention upgrade on the workbook" in report["message"]
    assert cli.main(["upgrade", str(path)]) == 0
    assert "'NPS'!F2:F7" in capsys.readouterr().out
    report, wb = _recalc(tmp_path, capsys, path)
    assert (report["status"], wb["NPS"]["F2"].value) == ("ok", 40.0)


def test_counts_pasted_with_a_thousands_separator_are_not_said_to_be_ignored(tmp_path, capsys):
    """'1,200' pasted as promoters: the NPS is not computed (the computer's decimal separator decides it, named so);
    it was said to be computed from the month's answers only (it has none), as if the counts were ignored."""
    path = _tracker(tmp_path, {"C2": "1,200", "D2": 300, "E2": "500"})
    report, _ = _recalc(tmp_path, capsys, path)
    assert "the text '1,200' (NPS!C2), which Excel reads by the decimal separator" in json.dumps(report)
    assert "typed over the NPS sheet's formulas" not in report["message"]


def test_responses_alone_typed_leave_the_nps_blank_without_a_word_of_an_earlier_template(tmp_path, capsys):
    """Responses 60 typed alone (no groups): no NPS (blank), and no claim that the tracker's NPS is an earlier
    template's (it was said so, advising upgrade, incomplete)."""
    path = _tracker(tmp_path, {"B2": 60})
    report, wb = _recalc(tmp_path, capsys, path)
    assert (report["status"], report["message"], wb["NPS"]["F2"].value) == ("ok", "", None)
