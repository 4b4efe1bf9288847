"""The Dashboard of an earlier tracker gets the notes beside its NPS and CLV on ``upgrade``; its MRR at end names the
blank movements of a Revenue month typed as its MRR at start alone (H347 items 1 and 2).

1. 5dcef37a put notes in E8:G8 (an NPS of fewer than 4 answers) and E9:G9 (a CLV whose ARPA is an earlier month's)
   of new trackers only: ``upgrade`` left an earlier tracker without them. Now it adds them (merged, wrapped), and where
   the user's cells are there it keeps them and names them.
2. A new tracker with Revenue!B2 = 50,000 typed alone: its rates are #VALUE! naming the blank movements (32a277e6) and
   the Dashboard's NRR said 'see Revenue!M2', but its MRR at end showed 50,000 as January's figure. Now B5 says where
   the blank movements are, 'see Revenue!C2:G2', its month January as before.

Every workbook is made by build_template in tmp_path (and the committed tests/data/template_before_2026-12-03.xlsx).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.error_texts import in_error

DATA = Path(__file__).parent / "data"
NOTES = ("E8:G8", "E9:G9")
_LAST = "INDEX(Revenue_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0))"
_ERROR_ROW = f"LOOKUP(2,1/{in_error('Revenue_End')},ROW(Revenue_End))"
#: Dashboard!B5 as 5dcef37a..9af41853 wrote it: the latest MRR at end whatever its month's movements
B5_BEFORE = (
    f"=IF(IFERROR({_ERROR_ROW},0)>IFERROR(LOOKUP(2,1/ISNUMBER(Revenue_End),ROW(Revenue_End)),0),"
    f'"see Revenue!"&ADDRESS({_ERROR_ROW},COLUMN(Revenue_End),4),'
    f'IF(COUNT(Revenue_End)=0,"",IF(ROUND({_LAST},6)<0,"below 0: "&{_LAST},{_LAST})))'
)
NPS_ONE = "NPS from 1 answer: too few for a margin of error (4 or more)"


def _without_notes(path: Path, **cells: object) -> Path:
    """The tracker at ``path`` as made before 5dcef37a: E8:G9 empty and not merged, B5 its form before this change;
    ``cells``: the user's on the Dashboard."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Dashboard"]
    for span in NOTES:
        ws.unmerge_cells(span)
        for row in ws[span]:
            for cell in row:
                cell.value = None
    ws["B5"] = B5_BEFORE
    for ref, value in cells.items():
        ws[ref] = value
    wb.save(path)
    return path


def _upgrade(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert cli.main(["upgrade", str(path), "--recalc"]) == 0
    return capsys.readouterr().out


def _tracker(tmp_path: Path) -> Path:
    """Three months, Customers and Revenue typed in January alone (Revenue its MRR at start alone), one NPS answer."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["B2"], wb["Customers"]["C2"], wb["Customers"]["D2"] = 100, 10, 104
    wb["Revenue"]["B2"] = 50000
    wb["NPS scores"]["B2"] = 10
    wb.save(path)
    return path


def test_upgrade_adds_the_notes_beside_the_nps_and_clv(tmp_path, capsys):
    path = _without_notes(_tracker(tmp_path))
    out = _upgrade(path, capsys)
    assert "'Dashboard'!E8:G8" in out and "'Dashboard'!E9:G9" in out and "'Dashboard'!B5" in out
    made = openpyxl.load_workbook(build_template(tmp_path / "new.xlsx", start="2026-01", months=3))["Dashboard"]
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert {str(r) for r in ws.merged_cells.ranges} >= set(NOTES)
    assert [ws[ref].value for ref in ("E8", "E9", "B5")] == [made[ref].value for ref in ("E8", "E9", "B5")]
    assert ws["E8"].font.i and ws["E8"].alignment.wrap_text and ws["E8"].alignment.vertical == "center"
    values = openpyxl.load_workbook(path, data_only=True)["Dashboard"]
    assert [values[f"{c}8"].value for c in "ABE"] == ["NPS", 100, NPS_ONE]
    # Revenue and Customers both stop in January: no earlier month's ARPA; no gross margin typed: said (H427's 01)
    assert values["E9"].value == "No CLV until the gross margin is typed: see 'Lifetime value'!B4"
    # item 2 on the upgraded tracker: January's MRR at end is its start alone, said as the NRR says its #VALUE!
    assert [values[f"{c}5"].value for c in "BC"] == ["see Revenue!C2:G2", dt.datetime(2026, 1, 1)]
    assert [values[f"{c}7"].value for c in "BC"] == ["see Revenue!M2", dt.datetime(2026, 1, 1)]
    capsys.readouterr()
    assert cli.main(["upgrade", str(path)]) == 0  # done once: nothing more to bring up
    assert "E8" not in capsys.readouterr().out


def test_cells_of_the_users_where_a_note_goes_are_kept_and_named(tmp_path, capsys):
    path = _without_notes(_tracker(tmp_path), E8="my note", G9="=1+1")
    out = _upgrade(path, capsys)
    assert (
        "'Dashboard'!E8:G8 holds cells of yours (E8 'my note'), where this version's Dashboard notes the NPS of fewer "
        "than 4 answers: kept, the note not added"
    ) in out
    assert (
        "'Dashboard'!E9:G9 holds cells of yours (G9 '=1+1'), where this version's Dashboard notes a CLV whose ARPA is "
        "an earlier month's: kept, the note not added"
    ) in out
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert (ws["E8"].value, ws["G9"].value, ws["E9"].value) == ("my note", "=1+1", None)
    assert not {str(r) for r in ws.merged_cells.ranges} & set(NOTES)


def test_a_range_merged_by_the_user_over_a_note_is_kept_and_named(tmp_path, capsys):
    path = _without_notes(_tracker(tmp_path))
    wb = openpyxl.load_workbook(path)
    wb["Dashboard"].merge_cells("D9:F9")
    wb.save(path)
    out = _upgrade(path, capsys)
    assert "'Dashboard'!E9:G9 is in a merged range of yours (D9:F9)" in out
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert {str(r) for r in ws.merged_cells.ranges} & {"D9:F9", *NOTES} == {"D9:F9", "E8:G8"}
    assert ws["E9"].value is None and ws["E8"].value.startswith("=IFERROR(IF(AND(ISNUMBER(B8),")


def test_a_note_the_user_cleared_stays_cleared(tmp_path, capsys):
    path = _tracker(tmp_path)  # made with the notes: E8:G8 merged
    wb = openpyxl.load_workbook(path)
    wb["Dashboard"]["E8"] = None
    wb.save(path)
    out = _upgrade(path, capsys)
    assert "E8" not in out
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert ws["E8"].value is None and ws["E9"].value.startswith('=IFERROR(IF(AND(LTV_CLV="",LTV_Gross_Margin="",')


def test_rows_inserted_above_the_figures_move_the_notes_with_them(tmp_path, capsys):
    path = _without_notes(_tracker(tmp_path))
    wb = openpyxl.load_workbook(path)
    wb["Dashboard"].insert_rows(2)  # openpyxl moves values only: the labels and figures one row lower
    wb.save(path)
    out = _upgrade(path, capsys)
    assert "'Dashboard'!E9:G9" in out and "'Dashboard'!E10:G10" in out
    ws = openpyxl.load_workbook(path, data_only=True)["Dashboard"]
    assert (ws["A9"].value, ws["B9"].value, ws["E9"].value) == ("NPS", 100, NPS_ONE)


def test_an_earlier_templates_tracker_gets_the_notes_and_this_versions_mrr_at_end(tmp_path, capsys):
    path = tmp_path / "before.xlsx"
    shutil.copy(DATA / "template_before_2026-12-03.xlsx", path)
    out = _upgrade(path, capsys)  # (its list of cells brought up is cut short: "and 41 more")
    assert "keeps the earlier template's layout" not in out  # its charts laid out as this version's, notes merged
    made = openpyxl.load_workbook(build_template(tmp_path / "new.xlsx", start="2026-01", months=3))["Dashboard"]
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert [ws[ref].value for ref in ("B5", "E8", "E9")] == [made[ref].value for ref in ("B5", "E8", "E9")]
    assert {str(r) for r in ws.merged_cells.ranges} >= {*NOTES, "A10:G10", "A54:G54"}


@pytest.mark.parametrize(("typed", "shown"), [({}, "see Revenue!C2:G2"), ({"G2": 0}, 50000), ({"C2": 100}, 50100)])
def test_the_mrr_at_end_of_a_month_with_its_start_alone(tmp_path, typed, shown):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    wb["Revenue"]["B2"] = 50000
    for ref, value in typed.items():  # a movement typed, 0 too: the month is filled, its MRR at end a figure
        wb["Revenue"][ref] = value
    wb.save(path)
    recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert [values["Dashboard"][f"{c}5"].value for c in "BC"] == [shown, dt.datetime(2026, 1, 1)]
    assert values["Revenue"]["H2"].value == (shown if typed else 50000)  # the sheet's MRR at end carries the start
