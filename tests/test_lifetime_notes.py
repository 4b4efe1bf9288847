"""Lifetime value on a partly filled tracker: its errors say why beside them (no bare #NUM!)."""

from __future__ import annotations

import openpyxl

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.error_texts import in_error

OLD_C8 = '=IF(AND(B4="",B3<>"",B5<>""),"Type the gross margin (B4) to see the lifetime values.","")'


def test_a_tracker_with_two_months_says_why_it_has_no_sbg_fit_and_no_clv(tmp_path):
    """Two months of data: no cohort of 3 months, so the sBG alpha and beta (B9:B10) were #NUM! with nothing beside
    them; a gross margin typed as 80 (for 80%) made the CLV (B8) #NUM! with the note "" -> C9 and C8 say why."""
    path = tmp_path / "t.xlsx"
    csv = tmp_path / "s.csv"
    csv.write_text("customer_id,month,mrr\na,2025-01,10\nb,2025-01,20\na,2025-02,10\nc,2025-02,5\n")
    build_template(path, start="2025-01", months=12)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["B4"] = 80
    wb.save(path)
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(path)]) == 0
    result = recalc_file(path, tmp_path / "r.xlsx")
    assert result.status == "ok"
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)["Lifetime value"]
    assert (ws["B8"].value, ws["B9"].value, ws["B10"].value) == ("#NUM!", "#NUM!", "#NUM!")
    assert ws["C8"].value == "No value: the gross margin (B4) is a share from 0 to 1 (80% or 0.8, not 80)."
    assert ws["C9"].value.startswith("No sBG fit: the note beside the fit on Cohorts says why")
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["B4"] = 0.8
    wb.save(path)
    assert recalc_file(path, tmp_path / "ok.xlsx").status == "ok"
    ws = openpyxl.load_workbook(tmp_path / "ok.xlsx", data_only=True)["Lifetime value"]
    assert isinstance(ws["B8"].value, float) and ws["C8"].value is None


def test_an_earlier_trackers_note_of_the_clv_is_brought_up_to_date(tmp_path, capsys):
    path = build_template(tmp_path / "old.xlsx", start="2025-01", months=3)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["C8"], wb["Lifetime value"]["C9"] = OLD_C8, None  # as made before the notes
    wb.save(path)
    csv = tmp_path / "s.csv"
    csv.write_text("customer_id,month,mrr\na,2025-01,10\n")
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(path)]) == 0
    out = capsys.readouterr().out
    assert "'Lifetime value'!C8" in out and "'Lifetime value'!C9" in out
    ws = openpyxl.load_workbook(path)["Lifetime value"]
    assert ws["C8"].value.startswith(f"=IF({in_error('B8')},") and ws["C9"].value.startswith("=IF(ISERROR(B9),")
    assert ws["C9"].font.i == ws["C8"].font.i  # the notes' look
