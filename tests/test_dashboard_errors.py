"""The Dashboard's latest figures when the latest month's figure is an error on its own sheet.

Before: each figure was "the last month that has it", counting numbers only, so a rate that is #NUM! in the latest
month (customers at end above start + gained, a churn typed as -5, an NPS score of 11, more repeat purchasers than
buyers) left the figure of the month before on the Dashboard, dated that month, beside the latest month's customers,
or a blank where no month had one, with no word of the error. Now the figure says where the error is
(``see Customers!F3``), dated by its month; an error before the last number changes nothing.
"""

from __future__ import annotations

import datetime as dt

import openpyxl
from typed_tracker import recalculated

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.dashboard_upgrade import EARLIER, SHOP_EARLIER

JAN, FEB = dt.datetime(2026, 1, 1), dt.datetime(2026, 2, 1)


def dashboard(path, **typed: dict[str, object]):
    """The Dashboard's latest figures (A4:C9, E4:G6) of a 3-month tracker with ``typed`` cells, recalculated."""
    ws = recalculated(path, {sheet.replace("_", " "): cells for sheet, cells in typed.items()})["Dashboard"]
    return {ws[f"{a}{r}"].value: (ws[f"{b}{r}"].value, ws[f"{c}{r}"].value) for a, b, c in ("ABC", "EFG")
            for r in range(4, 10) if ws[f"{a}{r}"].value}  # fmt: skip


def test_the_latest_months_rate_in_error_is_said_not_the_month_befores(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    figures = dashboard(
        path,
        Customers={"B2": 10, "C2": 1, "D2": 9, "C3": 1, "D3": 20},  # February: 20 at end of 9 + 1
        Revenue={
            "B2": 100,
            "C2": 10,
            "D2": 0,
            "E2": 0,
            "F2": 0,
            "G2": 5,
            "C3": 10,
            "D3": 0,
            "E3": 0,
            "F3": 0,
            "G3": -5,
        },
        NPS_scores={"B2": 11, "B3": 10},  # January alone, a score of 11
        Purchases_and_visits={"B2": 10, "C2": 0, "D2": 12},  # more repeat purchasers than buyers
    )
    assert figures["Customers at end"] == (20, FEB)
    assert figures["Retention (CRR)"] == ("see Customers!F3", FEB)  # was 0.8 of January
    assert figures["MRR at end"] == ("see Revenue!H3", FEB)  # was 105 of January
    assert figures["Net revenue retention (NRR)"] == ("see Revenue!M3", FEB)  # was 0.95 of January
    assert figures["NPS"] == ("see NPS!F2", JAN)  # was blank
    assert figures["Repeat purchase rate"] == ("see 'Purchases and visits'!F2", JAN)  # was blank
    assert figures["Returning customer rate"] == (0, JAN)


def test_an_error_before_the_last_figure_leaves_it(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    figures = dashboard(path, Customers={"B2": 10, "C2": 1, "D2": 20, "C3": 2, "D3": 18})  # January in error
    assert figures["Retention (CRR)"] == (16 / 20, FEB)
    assert figures["Customers at end"] == (18, FEB)


def test_an_earlier_trackers_dashboard_is_brought_up_to_it(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    ws = wb["Dashboard"]
    for ref in ("B6", "C6"):
        ws[ref] = EARLIER[ref][-1]  # as the template wrote them this morning
    for ref, forms in SHOP_EARLIER.items():
        ws[ref] = forms[-1]
    ws["B7"] = "=0.5*2"  # a formula of the user's: kept
    wb.save(path)
    assert cli.main(["extend", str(path), "--months", "1"]) == 0
    out = capsys.readouterr().out
    assert "'Dashboard'!B6, 'Dashboard'!C6, 'Dashboard'!F4, 'Dashboard'!G4, 'Dashboard'!F5, 'Dashboard'!G5" in out
    assert "holds cells of yours" not in out
    figures = dashboard(path, Customers={"B2": 10, "C2": 1, "D2": 9, "C3": 1, "D3": 20})
    assert figures["Retention (CRR)"] == ("see Customers!F3", FEB)
    assert figures["Net revenue retention (NRR)"] == (1, None)
    assert openpyxl.load_workbook(path)["Dashboard"]["B7"].value == "=0.5*2"


def test_the_latest_customers_at_end_in_error_is_said_not_the_month_befores(tmp_path):
    """Customers at end was the one latest figure still dated the month before when the latest month's is an error
    (#N/A pasted, =1/0): 97 of January beside 'see Customers!F3' of February's CRR (H169 finding 04). Now it says
    where the error is, as MRR at end and CRR do; customers at end pasted as text ("20") still count."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    figures = dashboard(path, Customers={"B2": 100, "C2": 1, "D2": 97, "C3": 1, "D3": "=NA()"})
    assert figures["Customers at end"] == ("see Customers!D3", FEB)  # was (97, JAN)
    assert figures["Retention (CRR)"] == ("see Customers!F3", FEB)
    path = build_template(tmp_path / "t2.xlsx", start="2026-01", months=3)
    figures = dashboard(path, Customers={"B2": 100, "C2": 1, "D2": 97, "C3": 1, "D3": "20"})
    assert figures["Customers at end"] == (20, FEB)
