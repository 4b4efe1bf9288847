"""The Dashboard's customers at end while a later month is typed in part (H172 finding 03): July's gained typed
(Customers!C8 = 2), its end not yet. The retention row said "see Customers!F8" (Jul 2026) while the row above showed
June's 59 as the latest customers at end; now it says where July's end is missing, dated July. A month complete
again shows its figure; an earlier tracker's B4:C4 are brought up on import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

MONTHS = [(50, 5, 52), (None, 4, 53), (None, 6, 57), (None, 3, 58), (None, 3, 60), (None, 2, 59)]  # start, gained, end


def dashboard(tmp_path: Path, july: tuple[object, object], name: str = "t.xlsx") -> tuple[object, ...]:
    path = build_template(tmp_path / name, start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    for row, (start, gained, end) in enumerate(MONTHS, start=2):
        if start is not None:
            ws[f"B{row}"] = start
        ws[f"C{row}"], ws[f"D{row}"] = gained, end
    ws["C8"], ws["D8"] = july
    wb.save(path)
    done = recalc_file(path, tmp_path / f"r_{name}")
    ws = openpyxl.load_workbook(done.output, data_only=True)["Dashboard"]
    return ws["B4"].value, ws["C4"].value, ws["B6"].value, ws["C6"].value


def test_a_month_typed_in_part_is_said_on_customers_at_end(tmp_path):
    assert dashboard(tmp_path, (2, None)) == (
        "see Customers!D8",
        dt.datetime(2026, 7, 1),
        "see Customers!F8",
        dt.datetime(2026, 7, 1),
    )


def test_its_end_typed_as_text_that_is_no_number_is_said_too(tmp_path):
    assert dashboard(tmp_path, (2, "n/a"))[:2] == ("see Customers!D8", dt.datetime(2026, 7, 1))


def test_a_complete_month_and_a_month_not_begun_show_the_latest_figure(tmp_path):
    """July complete: 59 + 2 - 0 lost = 61, its CRR (61 - 2) / 59 = 1; July not begun: June's 59."""
    assert dashboard(tmp_path, (2, 61), "full.xlsx") == (61, dt.datetime(2026, 7, 1), 1, dt.datetime(2026, 7, 1))
    assert dashboard(tmp_path, (None, None), "june.xlsx")[:2] == (59, dt.datetime(2026, 6, 1))


def test_an_earlier_trackers_customers_at_end_is_brought_up(tmp_path, capsys):
    """B4:C4 as the template wrote them before (finding a text error code, not a month typed in part) get this
    version's on import --into."""
    from xl_retention.workbook.dashboard_upgrade import _current

    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=3)
    previous = _current(incomplete=False)
    wb = openpyxl.load_workbook(path)
    current = {ref: wb["Dashboard"][ref].value for ref in ("B4", "C4")}
    assert all(previous[ref] != current[ref] for ref in current)
    for ref in current:
        wb["Dashboard"][ref] = previous[ref]
    wb.save(path)
    csv = tmp_path / "s.csv"
    csv.write_text("customer_id,month,mrr\na,2026-01,10\n")
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(path)]) == 0
    assert "'Dashboard'!B4, 'Dashboard'!C4" in capsys.readouterr().out
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert {ref: ws[ref].value for ref in current} == current
