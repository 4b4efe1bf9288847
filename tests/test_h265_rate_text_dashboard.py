"""A newest month's rates pasted as text over their formulas (H265's finding 08): March's CRR '91.5%' (Customers!F4),
NRR '96.5%' (Revenue!M4) and repeat purchase rate '13.3%' ('Purchases and visits'!F4) left the Dashboard showing
February's 93.6%, 96.3% and 12.7%, dated Feb 2026 beside customers at end of Mar 2026, under status ok (README: the
Dashboard never shows the month before's figure in place of the latest). Recalc names them, the file incomplete;
typed as numbers (the advice), the Dashboard shows March's."""

from __future__ import annotations

import datetime as dt

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def _recalc(tmp_path, rates: tuple[object, object, object]):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    c, r, p = wb["Customers"], wb["Revenue"], wb["Purchases and visits"]
    c["B2"], r["B2"] = 100, 10000
    for i, (gained, end) in enumerate([(20, 110), (15, 118), (18, 126)]):
        c.cell(2 + i, 3).value, c.cell(2 + i, 4).value = gained, end
    for i, (new, churned) in enumerate([(1000, 300), (800, 400), (900, 350)]):
        r.cell(2 + i, 3).value, r.cell(2 + i, 7).value = new, churned
    for i, (buyers, returning, repeat) in enumerate([(50, 10, 5), (55, 15, 7), (60, 20, 8)]):
        p.cell(2 + i, 2).value, p.cell(2 + i, 3).value, p.cell(2 + i, 4).value = buyers, returning, repeat
    c["F4"], r["M4"], p["F4"] = rates
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    d = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Dashboard"]
    return report, [
        (d[f"{v}{row}"].value, d[f"{m}{row}"].value) for v, m, row in (("B", "C", 6), ("B", "C", 7), ("F", "G", 4))
    ]


def test_rates_pasted_as_text_in_the_newest_month_are_named_and_not_ok(tmp_path):
    report, shown = _recalc(tmp_path, ("91.5%", "96.5%", "13.3%"))
    assert report.status == "incomplete"
    assert report.message.endswith(
        "; 3 latest rates typed as text over their formula, which the Dashboard passes over: Customers!F4 (Retention "
        "(CRR) of 2026-03) is '91.5%'; Revenue!M4 (Net revenue retention (NRR) of 2026-03) is '96.5%'; 'Purchases "
        "and visits'!F4 (Repeat purchase rate of 2026-03) is '13.3%': the Dashboard reads numbers only and shows an "
        "earlier month's figure as the latest: type each as a number (91.5% or 0.915), or copy the column's formula "
        "from another month's row over it"
    )
    assert [month for _, month in shown] == [dt.datetime(2026, 2, 1)] * 3  # what the message warns of


def test_rates_typed_as_numbers_are_the_dashboards(tmp_path):
    report, shown = _recalc(tmp_path, (0.915, 0.965, 0.133))
    assert report.status == "ok"
    assert "Dashboard passes over" not in report.message
    assert shown == [
        (0.915, dt.datetime(2026, 3, 1)),
        (0.965, dt.datetime(2026, 3, 1)),
        (0.133, dt.datetime(2026, 3, 1)),
    ]


def test_a_text_rate_before_a_later_number_is_not_passed_over(tmp_path):
    """February's CRR as text, March's computed: the Dashboard's latest is March's own, nothing more to say."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    c = wb["Customers"]
    c["B2"] = 100
    for i, (gained, end) in enumerate([(20, 110), (15, 118), (18, 126)]):
        c.cell(2 + i, 3).value, c.cell(2 + i, 4).value = gained, end
    c["F3"] = "93.6%"
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert "Dashboard passes over" not in report.message
    assert "Customers!F3 (Retention (CRR)) is '93.6%', typed over its formula" in report.message
