"""A rate typed over its formula outside the range the formula gives (H261's task 1): November's retention typed as 95
for 95% in Customers!F4 was the Dashboard's latest retention, 95 shown as 9500% (recalc named the cell as typed over,
status ok). The Dashboard now says where such a number is (``see Customers!F4``) beside its month, as for an error:
a CRR, GRR-like shop rate outside 0 to 1, an NPS outside -100 to 100, an NRR below 0 or above the month's MRR at end /
MRR at start (NRR x start = end - new - reactivation: 95 in a month of 5,550 at start and 5,750 at end)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

NOV = dt.datetime(2026, 11, 1)


def _recalculated(tmp_path: Path, typed: dict[tuple[str, str], object]):
    path = build_template(tmp_path / "t.xlsx", start="2026-09", months=6)
    wb = openpyxl.load_workbook(path)
    customers, revenue, shop = wb["Customers"], wb["Revenue"], wb["Purchases and visits"]
    customers["B2"], revenue["B2"] = 100, 5000
    for row, (gained, end, new, churned, buyers, returning, repeat) in enumerate(
        [(10, 105, 500, 200, 50, 10, 5), (8, 107, 400, 150, 60, 20, 6), (6, 108, 300, 100, 55, 25, 11)], start=2
    ):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
        revenue[f"C{row}"], revenue[f"G{row}"] = new, churned
        shop[f"B{row}"], shop[f"C{row}"], shop[f"D{row}"] = buyers, returning, repeat
    for (sheet, ref), value in typed.items():
        wb[sheet][ref] = value
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    done = openpyxl.load_workbook(report.output, data_only=True)
    shown = {ref: done["Dashboard"][ref].value for ref in ("B6", "C6", "B7", "C7", "B8", "C8", "F4", "F5", "G5")}
    charts = {"Customers!I4": ("Customers", "I4"), "Revenue!Q4": ("Revenue", "Q4"), "Revenue!R4": ("Revenue", "R4")}
    charts["NPS!H4"] = ("NPS", "H4")
    shown.update({key: done[sheet][ref].value for key, (sheet, ref) in charts.items()})
    return report, shown


#: the chart column (hidden, read by the Dashboard's charts) of each rate
CHART = {"F4": "Customers!I4", "M4": "Revenue!Q4", "N4": "Revenue!R4"}


def test_the_formulas_figures_are_shown(tmp_path):
    _, shown = _recalculated(tmp_path, {})
    assert shown["B6"] == pytest.approx((108 - 6) / 107) and shown["C6"] == NOV
    assert shown["B7"] == pytest.approx((5550 - 100) / 5550) and shown["C7"] == NOV
    assert (shown["F4"], shown["F5"], shown["G5"]) == (pytest.approx(11 / 55), pytest.approx(25 / 55), NOV)


@pytest.mark.parametrize(
    ("sheet", "ref", "typed", "cell", "said"),
    [
        ("Customers", "F4", 95, "B6", "see Customers!F4"),  # 9500% on the Dashboard before
        ("Customers", "F4", -0.05, "B6", "see Customers!F4"),
        ("Revenue", "M4", 95, "B7", "see Revenue!M4"),
        ("Revenue", "M4", 1.1, "B7", "see Revenue!M4"),  # above 5,750 / 5,550 = 1.036
        ("Revenue", "M4", -0.5, "B7", "see Revenue!M4"),
        ("Purchases and visits", "E4", 45, "F5", "see 'Purchases and visits'!E4"),
    ],
)
def test_a_rate_typed_outside_its_range_says_where_it_is(tmp_path, sheet, ref, typed, cell, said):
    report, shown = _recalculated(tmp_path, {(sheet, ref): typed})
    assert shown[cell] == said
    assert shown[f"{chr(ord(cell[0]) + 1)}{cell[1:]}"] == NOV  # its month beside it
    assert f"{ref} (" in report.message and "typed over its formula" in report.message
    if ref in CHART:  # no point drawn at 9500%: a gap in the chart
        assert shown[CHART[ref]] == "#N/A"


def test_an_nps_typed_outside_minus_100_to_100_says_where_it_is(tmp_path):
    _, shown = _recalculated(tmp_path, {("NPS", "C4"): 30, ("NPS", "E4"): 10, ("NPS", "F4"): 450})
    assert (shown["B8"], shown["C8"], shown["NPS!H4"]) == ("see NPS!F4", NOV, "#N/A")


def test_a_grr_typed_above_1_is_no_point_of_its_chart(tmp_path):
    _, shown = _recalculated(tmp_path, {("Revenue", "N4"): 98})
    assert (shown["Revenue!R4"], shown["Revenue!Q4"]) == ("#N/A", pytest.approx((5550 - 100) / 5550))


@pytest.mark.parametrize(
    ("sheet", "ref", "typed", "cell"),
    [
        ("Customers", "F4", 0.95, "B6"),
        ("Customers", "F4", 1, "B6"),
        ("Revenue", "M4", 1.05, "B7"),  # expansion 200: at most (5,550 + 300 + 200 - 100) / 5,550 = 1.072
        ("Purchases and visits", "E4", 0.45, "F5"),
    ],
)
def test_a_rate_typed_inside_its_range_is_shown(tmp_path, sheet, ref, typed, cell):
    _, shown = _recalculated(tmp_path, {(sheet, ref): typed, ("Revenue", "D4"): 200})
    assert shown[cell] == typed
    if ref in CHART:
        assert shown[CHART[ref]] == typed


def test_upgrade_brings_the_forms_that_showed_it_up(tmp_path):
    from openpyxl import Workbook  # noqa: PLC0415

    from xl_retention.workbook.dashboard import figures  # noqa: PLC0415
    from xl_retention.workbook.upgrade_file import upgrade_workbook  # noqa: PLC0415

    before = Workbook().active
    figures(before, ranged=False)
    path = build_template(tmp_path / "t.xlsx", start="2026-09", months=6)
    wb = openpyxl.load_workbook(path)
    current = {ref: wb["Dashboard"][ref].value for ref in ("B6", "B7", "B8", "F4", "F5", "F6")}
    for ref in current:
        assert before[ref].value != current[ref]
        wb["Dashboard"][ref] = before[ref].value
    wb.save(path)
    upgrade_workbook(path)
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert {ref: ws[ref].value for ref in current} == current


def test_upgrade_brings_the_chart_columns_that_drew_it_up(tmp_path):
    from xl_retention.workbook.monthly import MONTHLY_SHEETS  # noqa: PLC0415
    from xl_retention.workbook.monthly_formulas import _chart  # noqa: PLC0415
    from xl_retention.workbook.template import render_formula  # noqa: PLC0415
    from xl_retention.workbook.upgrade_file import upgrade_workbook  # noqa: PLC0415

    path = build_template(tmp_path / "t.xlsx", start="2026-09", months=6)
    wb = openpyxl.load_workbook(path)
    cells = {("Customers", "I3"): "crr", ("Revenue", "Q3"): "nrr", ("Revenue", "R3"): "grr", ("NPS", "H3"): "nps"}
    current = {where: wb[where[0]][where[1]].value for where in cells}
    for (sheet, ref), key in cells.items():
        letters = {c.value: c.column_letter for c in wb[sheet][1]}
        spec = next(s for s in MONTHLY_SHEETS if s.title == sheet)
        keys = {c.key: letters[c.header] for c in spec.columns if c.header in letters}
        earlier = render_formula(_chart(key, ranged=False), keys, 3)
        assert earlier != current[(sheet, ref)] and "NA()" in earlier
        wb[sheet][ref] = earlier
    wb.save(path)
    upgrade_workbook(path)
    wb = openpyxl.load_workbook(path)
    assert {where: wb[where[0]][where[1]].value for where in cells} == current


# -- H261's task 4: a churn rate typed outside 0 to 1 in an earlier month of the last 12 made the lifetime value's
# churn #NUM! (Lifetime value!C5 naming it) while the Dashboard dated that CLV by the last month with a rate
CHURNS = [(137, 2421), (141, 2436), (129, 2440), (145, 2451), (150, 2470), (132, 2468), (158, 2490)]  # Aug-Feb


@pytest.mark.parametrize(
    ("ref", "typed", "month"),
    [
        ("G6", 4.8, dt.datetime(2026, 12, 1)),
        ("G8", 5.5, dt.datetime(2027, 2, 1)),
        ("G4", -0.02, dt.datetime(2026, 10, 1)),
    ],
)
def test_the_clv_is_dated_by_the_churn_rate_typed_out_of_range(tmp_path, ref, typed, month):
    path = build_template(tmp_path / "t.xlsx", start="2026-08", months=8)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    customers["B2"], wb["Revenue"]["B2"] = 2412, 52310
    for row, (gained, end) in enumerate(CHURNS, start=2):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
        wb["Revenue"][f"C{row}"], wb["Revenue"][f"G{row}"] = 4000, 3300
    wb["Lifetime value"]["B4"] = 0.78
    customers[ref] = typed
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    done = openpyxl.load_workbook(report.output, data_only=True)
    assert done["Lifetime value"]["C5"].value.startswith(f"see Customers!{ref}: that month's churn rate is {typed}")
    assert (done["Dashboard"]["B9"].value, done["Dashboard"]["C9"].value) == ("see 'Lifetime value'!B8", month)
