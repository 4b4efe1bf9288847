"""The Dashboard says when its latest NPS rests on fewer than 4 answers, and when its CLV's ARPA is an earlier
month's (H328 items 1 and 2; xl_retention.workbook.figure_notes).

Revenue kept Jan-Mar 2026, Customers Jan-Nov 2026: Lifetime value!C3 names the ARPA's month (2026-03's, 23,130 / 436),
but the Dashboard showed the CLV (828.78) dated Nov 2026, the churn's month, with no word of it; E9 now says so. An
NPS of 100 from one answer stood beside the other figures as any NPS: docs/metrics.md sets no minimum, but under 4
answers the NPS sheet leaves its margin of error blank (no margin worth showing); E8 now says from how many answers.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from xl_retention import cli
from xl_retention.workbook import build_template

ENDS = [410, 425, 436, 450, 470, 488, 505, 530, 548, 570, 590]
GAINED = [30, 35, 28, 32, 38, 36, 34, 42, 35, 40, 38]
REVENUE = [(1500, 300, 100, 600), (1700, 250, 150, 700), (1400, 200, 120, 550)]  # new, expansion, contraction, churn
ARPA_NOTE = "The CLV's ARPA is 2026-03's: Revenue stops there (see 'Lifetime value'!B3)"


def _tracker(tmp_path: Path, customer_months: int, answers: dict[str, list[int]] | None = None) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    customers, revenue = wb["Customers"], wb["Revenue"]
    customers["B2"], revenue["B2"] = 400, 20000
    for i in range(customer_months):
        customers[f"C{2 + i}"], customers[f"D{2 + i}"] = GAINED[i], ENDS[i]
    for i, (new, expansion, contraction, churned) in enumerate(REVENUE):
        revenue[f"C{2 + i}"], revenue[f"D{2 + i}"], revenue[f"F{2 + i}"], revenue[f"G{2 + i}"] = (
            new,
            expansion,
            contraction,
            churned,
        )
    wb["Lifetime value"]["B4"] = 0.75
    for column, scores in (answers or {}).items():  # "NPS scores": a month a column (B: Jan 2026), answers from row 2
        for i, score in enumerate(scores):
            wb["NPS scores"][f"{column}{2 + i}"] = score
    wb.save(path)
    return path


def _dashboard(path: Path, capsys: pytest.CaptureFixture[str], **typed: object) -> Worksheet:
    if typed:
        wb = openpyxl.load_workbook(path)
        for ref, value in typed.items():
            sheet, cell = ref.split("_")
            wb[sheet.replace("-", " ")][cell] = value
        wb.save(path)
    code = cli.main(["recalc", str(path), "--output-dir", str(path.parent / "out"), "--json"])
    report = json.loads(capsys.readouterr().out)["files"][0]
    assert (code, report["status"]) == (0, "ok"), report
    return openpyxl.load_workbook(path.parent / "out" / path.name, data_only=True)["Dashboard"]


def test_clv_of_an_earlier_months_arpa_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dashboard = _dashboard(_tracker(tmp_path, 11), capsys)
    assert dashboard["A9"].value == "Lifetime value (CLV), constant churn"
    assert dashboard["B9"].value == pytest.approx(828.7839119871489, rel=1e-12)
    assert dashboard["C9"].value.strftime("%Y-%m") == "2026-11"
    assert dashboard["E9"].value == ARPA_NOTE
    assert "E9:G9" in {str(r) for r in dashboard.merged_cells.ranges}


def test_no_note_where_revenue_and_customers_end_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dashboard = _dashboard(_tracker(tmp_path, 3), capsys)
    assert isinstance(dashboard["B9"].value, float)
    assert dashboard["E9"].value in (None, "")


def test_no_note_beside_a_typed_arpa(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dashboard = _dashboard(_tracker(tmp_path, 11), capsys, **{"Lifetime-value_B3": 60})
    assert dashboard["B9"].value == pytest.approx(828.7839119871489 * 60 / (23130 / 436), rel=1e-9)
    assert dashboard["E9"].value in (None, "")


def test_a_typed_arpa_equal_to_that_months_keeps_the_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dashboard = _dashboard(_tracker(tmp_path, 11), capsys, **{"Lifetime-value_B3": 23130 / 436})
    assert dashboard["E9"].value == ARPA_NOTE


@pytest.mark.parametrize(
    ("answers", "score", "note"),
    [
        ({"B": [10, 9, 7, 3, 10], "C": [10]}, 100, "NPS from 1 answer: too few for a margin of error (4 or more)"),
        ({"B": [10, 9, 7, 3, 10], "C": [10, 3, 8]}, 0, "NPS from 3 answers: too few for a margin of error (4 or more)"),
        ({"B": [10, 9, 7, 3, 10], "C": [10, 3, 8, 9]}, 25, None),
        ({"B": [10, 9, 7, 3, 10]}, 40, None),
    ],
    ids=["one-answer", "three-answers", "four-answers", "five-answers"],
)
def test_nps_from_few_answers_says_how_many(tmp_path, capsys, answers, score, note) -> None:
    dashboard = _dashboard(_tracker(tmp_path, 11, answers), capsys)
    assert dashboard["A8"].value == "NPS"
    assert dashboard["B8"].value == pytest.approx(score, abs=1e-12)
    assert dashboard["C8"].value.strftime("%Y-%m") == ("2026-01" if "C" not in answers else "2026-02")
    assert (dashboard["E8"].value or None) == note


def test_nps_from_typed_counts_counts_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # no answers on "NPS scores": 2 promoters and 1 detractor typed over NPS!C2 and E2, the responses (B2) blank
    dashboard = _dashboard(_tracker(tmp_path, 11), capsys, NPS_C2=2, NPS_E2=1)
    assert dashboard["B8"].value == pytest.approx(100 * (2 - 1) / 3, rel=1e-12)
    assert dashboard["E8"].value == "NPS from 3 answers: too few for a margin of error (4 or more)"


def test_no_nps_no_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dashboard = _dashboard(_tracker(tmp_path, 11), capsys)
    assert dashboard["B8"].value in (None, "")
    assert dashboard["E8"].value in (None, "")
