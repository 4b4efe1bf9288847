"""The NPS sheet's margin of error from counts typed in a month without answers (H575).

Before: promoters 30, passives 10, detractors 10 typed on NPS!C2:E2 (no answers on 'NPS scores') gave NPS!F2 40 and
left the margin of error NPS!G2 blank, and docs/metrics.md said it "needs the answers"; NPS_MOE's formula
z x 100 x sqrt(((p + d) - (p - d)^2) / n) needs only the promoters, detractors and responses. Now G2 is
NPS_MOE_FROM_COUNTS of the counts, read as the NPS column reads them, with the answers' rules: blank under 4 responses,
with every response in one group, and where the month's NPS is no number. ``upgrade`` brings the earlier formula up.
"""

from __future__ import annotations

import json

import openpyxl
import pytest

from xl_retention import cli, nps_moe
from xl_retention.workbook import build_template


def _recalc(tmp_path, capsys, path) -> tuple[dict, openpyxl.Workbook]:
    out = tmp_path / "out"
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(out)])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report, openpyxl.load_workbook(report["output"], data_only=True)


def _tracker(tmp_path, counts: dict[str, object], answers: dict[int, list[int]] | None = None):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=8, overwrite=True)
    wb = openpyxl.load_workbook(path)
    for ref, value in counts.items():
        wb["NPS"][ref] = value
    for column, values in (answers or {}).items():
        for row, value in enumerate(values, start=2):
            wb["NPS scores"].cell(row, column).value = value
    wb.save(path)
    return path


def test_the_margin_of_counts_typed(tmp_path, capsys):
    path = _tracker(
        tmp_path,
        {
            **{"C2": 30, "D2": 10, "E2": 10},  # p 0.6, d 0.2, n 50
            **{"B3": 60, "C3": 30, "E3": 10},  # passives blank: the rest of the 60 responses
            **{"C4": "12", "D4": 0, "E4": "3"},  # pasted as text: read as the NPS reads them, n 15
            **{"C5": 0, "D5": 0, "E5": 4},  # every response a detractor: no margin (its NPS -100)
            **{"C6": 2, "D6": 1},  # 3 responses: too few for a margin (its NPS 66.7)
            **{"B7": 60, "C7": 30, "D7": 10, "E7": 10},  # 'bad counts': no NPS, no margin
        },
        {9: [10, 9, 9, 8, 7, 6, 3]},  # August: answers, as before (docs/metrics.md's example)
    )
    _, wb = _recalc(tmp_path, capsys, path)
    margins = [wb["NPS"][f"G{row}"].value for row in range(2, 10)]
    assert margins[:3] == [
        pytest.approx(22.174461189594844, abs=1e-9),
        pytest.approx(18.859762234602858, abs=1e-9),
        pytest.approx(40.48484198021311, abs=1e-9),
    ]
    assert margins[3:7] == [None, None, None, None]
    assert margins[7] == pytest.approx(61.70786056491141, abs=1e-9)
    # the same figure as the answers' margin: 30 promoters, 10 passives and 10 detractors typed one by one
    assert margins[0] == pytest.approx(nps_moe([10] * 30 + [8] * 10 + [3] * 10), abs=1e-9)
    assert [wb["NPS"][f"F{row}"].value for row in (2, 5, 7)] == [40.0, -100.0, "bad counts"]


def test_the_counts_function(tmp_path):
    from xl_retention import nps_moe_from_counts

    assert nps_moe_from_counts(3, 2, 7) == pytest.approx(61.70786056491141, abs=1e-12)
    assert nps_moe_from_counts(3, 2, 7) == pytest.approx(nps_moe([10, 9, 9, 8, 7, 6, 3]), abs=1e-12)


def test_upgrade_gives_an_earlier_trackers_margin_the_counts(tmp_path, capsys):
    from xl_retention.workbook.monthly import NPS_MOE_ANSWERS_ONLY, NPS_SUMMARY
    from xl_retention.workbook.template import render_formula

    path = _tracker(tmp_path, {"C2": 30, "D2": 10, "E2": 10})
    wb = openpyxl.load_workbook(path)
    letters = {c.key: openpyxl.utils.get_column_letter(i) for i, c in enumerate(NPS_SUMMARY.columns, start=1)}
    for row in range(2, 10):
        column = openpyxl.utils.get_column_letter(row)
        scores = {"scores": f"'NPS scores'!{column}$2:{column}$1001"}
        wb["NPS"][f"G{row}"] = render_formula(NPS_MOE_ANSWERS_ONLY, letters, row, scores)
    wb.save(path)
    _, wb = _recalc(tmp_path, capsys, path)
    assert wb["NPS"]["G2"].value is None  # the earlier form: blank beside the counts
    assert cli.main(["upgrade", str(path)]) == 0
    assert "'NPS'!G2:G9" in capsys.readouterr().out
    report, wb = _recalc(tmp_path, capsys, path)
    assert (report["status"], wb["NPS"]["G2"].value) == ("ok", pytest.approx(22.174461189594844, abs=1e-9))
