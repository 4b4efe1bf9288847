"""An early tracker (the template as committed at 8b3d91a7, 2026-11-22: tests/data/template_2026-11-22_8b3d91a7.xlsx)
upgraded gets the Dashboard's latest figures table a new tracker has, and the Lifetime value's C5 note (H358).

That template drew three charts from A3, K3 and A21 and no table; its Customers, Revenue and NPS sheets had no helper
columns ("... so far"), so the names the table and the Lifetime value's churn read (Customers_Churn_Seq ...) were not
defined. ``upgrade`` put the helper columns' formulas and headers back but not their names: the table was never added,
the churn average (B5) kept the earlier form ("reads a column this tracker lacks") and its note C5 was left out. Now
the names are defined with their columns, the table is written in A3:G10 (the charts and the note K21 moved 9 rows
down, as inserting rows would) and B5/C5 are this version's. After recalc the figures are a new tracker's for the
same inputs (hand-checked below). A formula of the user's reading the Dashboard's own cells keeps the table out, named.
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
from xl_retention.workbook import inplace as ip

EARLY = Path(__file__).parent / "data" / "template_2026-11-22_8b3d91a7.xlsx"
CUSTOMERS = {"B2": 100, "C2": 10, "D2": 104, "C3": 12, "D3": 109, "C4": 8, "D4": 110, "C5": 9, "D5": 113}
REVENUE = {"B2": 5000, "C2": 400, "D2": 200, "E2": 0, "F2": 50, "G2": 150, "C3": 500, "D3": 100, "E3": 50, "F3": 80,
           "G3": 120, "C4": 300, "D4": 150, "E4": 0, "F4": 20, "G4": 200}  # fmt: skip
LIFETIME = {"B3": 50, "B4": 0.8, "B6": 0.01}  # ARPA typed: the early template's B3 is an input
#: the figures by hand: customers 113 in April; MRR at end 5,000 -> 5,400 -> 5,850 -> 6,080 (March, the last month with
#: movements); CRR April (113 - 9) / 110; NRR March (5,850 + 150 - 20 - 200) / 5,850; the CLV 50 x 0.8 x 1.01 /
#: (0.01 + the mean of the churn rates 6/100, 7/104, 7/109, 6/110)
CHURN = (6 / 100 + 7 / 104 + 7 / 109 + 6 / 110) / 4
FIGURES = {
    "B4": 113,
    "C4": dt.datetime(2026, 4, 1),
    "B5": 6080,
    "C5": dt.datetime(2026, 3, 1),
    "B6": 104 / 110,
    "C6": dt.datetime(2026, 4, 1),
    "B7": 5780 / 5850,
    "C7": dt.datetime(2026, 3, 1),
    "B9": 50 * 0.8 * 1.01 / (0.01 + CHURN),
    "C9": dt.datetime(2026, 4, 1),
}


def _fill(path: Path, **sheets: dict[str, float]) -> None:
    package = ip.Package(path)
    for title, cells in sheets.items():
        xml = package.sheet(title.replace("_", " "))
        for ref, value in cells.items():
            xml.put(ref, xml.element(ref, xml.style(ref), value=value))
    package.save()


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory):
    """The early tracker with four months typed, upgraded (its report) and recalculated; a new tracker of the same
    inputs recalculated."""
    folder = tmp_path_factory.mktemp("h358")
    path = folder / "early.xlsx"
    shutil.copy(EARLY, path)
    _fill(path, Customers=CUSTOMERS, Revenue=REVENUE, Lifetime_value=LIFETIME)
    new = build_template(folder / "new.xlsx", start="2026-01", months=4)
    _fill(new, Customers=CUSTOMERS, Revenue=REVENUE, Lifetime_value=LIFETIME)
    import io
    from contextlib import redirect_stdout

    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["upgrade", str(path)]) == 0
    formulas = openpyxl.load_workbook(path)
    for file in (path, new):
        assert recalc_file(file, file, in_place=True).status == "ok"
    values = openpyxl.load_workbook(path, data_only=True)
    return out.getvalue(), formulas, values, openpyxl.load_workbook(new, data_only=True), openpyxl.load_workbook(new)


def test_early_tracker_gets_the_latest_figures_a_new_tracker_shows(upgraded):
    out, formulas, values, new, _ = upgraded
    dashboard, made = values["Dashboard"], new["Dashboard"]
    assert {ref: dashboard[ref].value for ref in FIGURES} == pytest.approx(FIGURES, rel=1e-12)
    for ref in [f"{c}{r}" for r in range(3, 11) for c in "ABC"]:
        assert dashboard[ref].value == made[ref].value, ref
    assert "'Dashboard': added the latest figures table in A3:G10" in out
    # the purchases and visits figures: the early sheet's rate is the returning customers' (H369), none typed here;
    # it has no repeat purchasers, said in F4
    assert "now named Purchases_Returning_Rate" in out and "left empty" not in out
    assert dashboard["E3"].value == "Purchases and visits" and dashboard["F4"].value == "not tracked here"
    assert all(dashboard[f"{c}{r}"].value in (None, "") for r in (5, 6) for c in "FG")


def test_the_table_is_a_new_trackers_and_the_charts_moved_under_it(upgraded):
    _, formulas, _, _, made = upgraded
    ws = formulas["Dashboard"]
    for ref in [f"{c}{r}" for r in range(3, 11) for c in "ABC"] + ["E8", "E9"]:
        assert ws[ref].value == made["Dashboard"][ref].value, ref
    assert [ws[f"A{r}"].value for r in range(3, 10)] == [
        "Latest figures",
        "Customers at end",
        "MRR at end",
        "Retention (CRR)",
        "Net revenue retention (NRR)",
        "NPS",
        "Lifetime value (CLV), constant churn",
    ]
    assert {str(r) for r in ws.merged_cells.ranges} == {"A10:G10", "E8:G8", "E9:G9"}
    assert [(c.anchor._from.col, c.anchor._from.row) for c in ws._charts] == [(0, 11), (10, 11), (0, 29)]
    assert (
        ws["K30"].value == "The charts fill in as months are typed on the tracking sheets." and ws["K21"].value is None
    )
    assert ws["A3"].font.bold and ws["B4"].number_format == "#,##0"
    assert {c: ws.column_dimensions[c].width for c in "ABC"} == {"A": 34, "B": 23, "C": 9}
    assert [ws.row_dimensions[r].height for r in (3, 4, 9, 10)] == [48, 32, 32, 47]


def test_early_tracker_gets_the_helper_names_and_the_lifetime_churn_note(upgraded):
    _, formulas, values, _, made = upgraded
    names = formulas.defined_names
    assert names["Customers_Churn_Seq"].attr_text == "'Customers'!$J$2:$J$25"
    assert names["Revenue_End_Seq"].attr_text == "'Revenue'!$U$2:$U$25"
    assert names["NPS_Score_Seq"].attr_text == "'NPS'!$J$2:$J$25"
    lifetime = formulas["Lifetime value"]
    assert lifetime["B5"].value == made["Lifetime value"]["B5"].value
    assert lifetime["C5"].value == made["Lifetime value"]["C5"].value
    assert values["Lifetime value"]["B5"].value == pytest.approx(CHURN, rel=1e-12)


def _upgrade_with(tmp_path: Path, cells: dict[str, object]) -> tuple[str, openpyxl.Workbook]:
    """The early tracker with ``cells`` of the user's typed on its Dashboard (openpyxl: formulas as text), upgraded."""
    path = tmp_path / "early.xlsx"
    shutil.copy(EARLY, path)
    package = ip.Package(path)
    xml = package.sheet("Dashboard")
    for ref, value in cells.items():
        if isinstance(value, str) and value.startswith("="):
            xml.put(ref, xml.element(ref, None, formula=value[1:]))
        else:
            xml.put(ref, b'<c r="' + ref.encode() + b'" t="inlineStr"><is><t>' + str(value).encode() + b"</t></is></c>")
    package.save()
    import io
    from contextlib import redirect_stdout

    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["upgrade", str(path)]) == 0
    return out.getvalue(), openpyxl.load_workbook(path)


def test_a_users_note_where_the_table_goes_moves_down_with_the_charts(tmp_path):
    out, wb = _upgrade_with(tmp_path, {"A5": "our goals: 120 customers", "B2": "kept where it is"})
    ws = wb["Dashboard"]
    assert ws["A14"].value == "our goals: 120 customers" and ws["B2"].value == "kept where it is"
    assert ws["A5"].value == "MRR at end" and ws["A3"].value == "Latest figures"
    assert "moved 9 rows down to make room for it" in out


def test_a_formula_reading_the_dashboards_own_cells_keeps_the_table_out_named(tmp_path):
    out, wb = _upgrade_with(tmp_path, {"L21": '=K21&" (see the charts)"'})
    ws = wb["Dashboard"]
    assert ws["A3"].value is None and ws["L21"].value == '=K21&" (see the charts)"'
    assert ws["K21"].value == "The charts fill in as months are typed on the tracking sheets."
    assert [(c.anchor._from.col, c.anchor._from.row) for c in ws._charts] == [(0, 2), (10, 2), (0, 20)]
    assert (
        "'Dashboard'!A3:G10, where this version's Dashboard shows the latest figures, holds a chart or picture from "
        "A3 where it goes; moving the sheet's cells down would change what formulas read ('Dashboard'!L21): the "
        "table not added" in out
    )
