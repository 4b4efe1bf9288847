"""A boolean typed where a number belongs (H469's finding 03): TRUE pasted over a month's gained customers
(Customers!C3, a checkbox column) or its expansion MRR (Revenue!D3) was read as 1 by the template's ``IFERROR(C3+0,C3)``
and sums: CRR 0.942857 = (100 - 1)/105, 6 lost, MRR at end 1161, NRR 0.97788, status ok, no word. docs/metrics.md's
"Bad input": a boolean where a number belongs is #VALUE! on every route. The template's formulas now test the inputs
with ISLOGICAL (Excel gives the same #VALUE!), recalc names the cell, and ``upgrade`` brings the forms before up."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from typed_tracker import new_tracker_reasons, typed_over

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.template import CUSTOMERS, REVENUE, column_letter, render_formula

_GAINED = "Customers!C3 (Gained (new + reactivated)) is TRUE, no number (type the number there)"
_EXPANSION = "Revenue!D3 (Expansion MRR) is TRUE, no number (type the number there)"


def _typed(gained: object, expansion: object) -> dict[str, dict[str, object]]:
    """April to June: 100 at start; gained 10, ``gained``, 7; at end 105, 100, 102; MRR 1000 at start, each month new
    100, expansion 10 (May's ``expansion``), contraction 5, churned 20."""
    customers = {"B2": 100, "C2": 10, "D2": 105, "C3": gained, "D3": 100, "C4": 7, "D4": 102}
    revenue: dict[str, object] = {"B2": 1000}
    for row in (2, 3, 4):
        revenue.update({f"C{row}": 100, f"D{row}": 10, f"E{row}": 0, f"F{row}": 5, f"G{row}": 20})
    revenue["D3"] = expansion
    return {"Customers": customers, "Revenue": revenue}


def test_true_typed_in_gained_and_expansion_is_value_error_naming_the_cell(tmp_path):
    reasons = new_tracker_reasons(tmp_path, _typed(True, True), start="2026-04", months=6)
    for ref, function in (("E3", "CUSTOMERS_LOST"), ("F3", "CRR"), ("G3", "CHURN_RATE")):
        assert reasons[f"Customers!{ref}"] == (
            f"{function}: customers_gained is the error value #VALUE!: {_GAINED} (#VALUE!)"
        )
    assert reasons["Revenue!H3"] == f"{_EXPANSION} (#VALUE!)"
    assert reasons["Revenue!M3"] == f"NRR: expansion_mrr is the error value #VALUE!: {_EXPANSION} (#VALUE!)"
    assert reasons["Revenue!B4"] == f"{_EXPANSION} (#VALUE!), from Revenue!H3"
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert [values["Customers"][ref].value for ref in ("E3", "F3", "G3", "B4")] == [
        "#VALUE!",
        "#VALUE!",
        "#VALUE!",
        100,
    ]
    assert [values["Revenue"][ref].value for ref in ("H3", "K3", "M3", "O3")] == ["#VALUE!"] * 4
    assert values["Customers"]["F2"].value == 0.95  # the months around it as they were: (105 - 10) / 100
    assert values["Customers"]["F4"].value == (102 - 7) / 100


def test_false_is_refused_too_and_the_charts_leave_a_gap(tmp_path):
    typed = _typed(10, False)
    typed["Customers"]["D3"] = False  # customers at end: no month with customers at end (not 0)
    reasons = new_tracker_reasons(tmp_path, typed, start="2026-04", months=6)
    assert reasons["Customers!F3"] == (
        "CRR: customers_end is the error value #VALUE!: Customers!D3 (Customers at end) is FALSE, no number "
        "(type the number there) (#VALUE!)"
    )
    assert reasons["Revenue!H3"] == "Revenue!D3 (Expansion MRR) is FALSE, no number (type the number there) (#VALUE!)"
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    customers, revenue = values["Customers"], values["Revenue"]
    assert [customers[f"H{row}"].value for row in (2, 3, 4)] == [105, "#N/A", 102]  # Customers at end (chart)
    assert [customers[f"K{row}"].value for row in (2, 3, 4)] == [1, None, 2]  # months with customers at end so far
    assert customers["B4"].value == "#VALUE!"  # June's start: May's end, FALSE
    chart = column_letter(REVENUE, "expansion_chart")
    assert [revenue[f"{chart}{row}"].value for row in (2, 3, 4)] == [10, "#N/A", 10]


def test_upgrade_brings_the_forms_without_the_tests_up(tmp_path):
    from xl_retention.workbook.monthly_formulas import without_boolean_guards  # noqa: PLC0415
    from xl_retention.workbook.upgrade_file import upgrade_workbook  # noqa: PLC0415

    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    current, changed = {}, 0
    for spec in (CUSTOMERS, REVENUE):
        letters = {column.key: column_letter(spec, column.key) for column in spec.columns}
        for column in spec.columns:
            if column.formula is None or without_boolean_guards(column.formula) == column.formula:
                continue
            for row in range(3, 6):
                ref = f"{letters[column.key]}{row}"
                current[(spec.title, ref)] = wb[spec.title][ref].value
                wb[spec.title][ref] = render_formula(without_boolean_guards(column.formula), letters, row)
                changed += 1
    # Customers: start, lost, CRR, churn, months with customers at end; Revenue: MRR at end, lost, gained, its 5 rates
    # and the 5 movements' chart columns
    assert changed == 3 * (5 + 13)
    wb.save(path)
    upgrade_workbook(path)
    wb = openpyxl.load_workbook(path)
    assert {(title, ref): wb[title][ref].value for title, ref in current} == current


def test_a_tracker_of_the_template_before_names_true_and_upgrade_brings_the_refusal(tmp_path):
    # tests/data/template_before_2026-12-03.xlsx: a tracker an earlier version made, its formulas reading TRUE as 1.
    # recalc keeps them (Excel computes the same: CRR (100 - 1) / 105), so the file is incomplete and the cells named
    import shutil  # noqa: PLC0415

    from xl_retention.workbook.upgrade_file import upgrade_workbook  # noqa: PLC0415

    path = tmp_path / "prev.xlsx"
    shutil.copy(Path(__file__).parent / "data" / "template_before_2026-12-03.xlsx", path)
    typed = _typed(True, True)
    typed["Customers"]["D3"] = 100
    path = typed_over(path, typed)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert (values["Customers"]["F3"].value, values["Revenue"]["H3"].value) == ((100 - 1) / 105, 1161)
    assert report.status == "incomplete"
    assert report.message.endswith(
        "prev.xlsx: Customers!C3 (Gained (new + reactivated)) is TRUE, no number (Excel reads it as 1); Revenue!D3 "
        "(Expansion MRR) is TRUE, no amount (Excel reads it as 1): the tracker computes those months' figures, and "
        "those read from them, from these numbers: type each figure as a number in its cell (and set the cells' "
        "format to Number)"
    )
    upgrade_workbook(path)
    reasons = {e.address: e.reason for e in recalc_file(path, tmp_path / "up.xlsx", engine="embedded").errors}
    assert reasons["Customers!F3"] == f"CRR: customers_gained is the error value #VALUE!: {_GAINED} (#VALUE!)"
    assert reasons["Revenue!H3"] == f"{_EXPANSION} (#VALUE!)"
    # this version's tracker names no cell so: its formulas are #VALUE! there, the reasons naming it
    current = recalc_file(
        typed_over(build_template(tmp_path / "t.xlsx", start="2026-01", months=6), typed),
        tmp_path / "t_out.xlsx",
        engine="embedded",
    )
    assert "Excel reads it as" not in (current.message or "")


def test_true_in_purchases_is_value_error_and_in_nps_counts_the_file_is_incomplete_naming_it(tmp_path):
    # the Purchases rates refuse it (#VALUE!, named); the NPS counts' formula still reads TRUE as 1 (NPS -12.5 =
    # 100 x (1 - 2) / 8): the report names the cell and the file is incomplete
    typed = {"NPS": {"C3": True, "D3": 5, "E3": 2}, "Purchases and visits": {"B2": 200, "C2": True}}
    path = typed_over(build_template(tmp_path / "t.xlsx", start="2026-04", months=6), typed)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    reasons = {e.address: e.reason for e in report.errors}
    assert reasons["'Purchases and visits'!E2"] == (
        "RETURNING_CUSTOMER_RATE: returning is the error value #VALUE!: 'Purchases and visits'!C2 (Returning "
        "customers (ordered in an earlier month)) is TRUE, no number (type the number there) (#VALUE!)"
    )
    assert openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["NPS"]["F3"].value == -12.5
    assert report.status == "incomplete"
    assert report.message == (
        "t.xlsx: NPS!C3 (Promoters (9-10)) is TRUE, no number (Excel reads it as 1): the tracker computes the month's "
        "figures, and those read from them, from that number: type the figure as a number there (and set the cell's "
        "format to Number)"
    )
