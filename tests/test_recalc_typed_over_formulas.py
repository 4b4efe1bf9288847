"""Values typed over a tracker's formulas: recalc names them, and a start typed unlike the month before's end fails ok.

Before: Customers!B3 (February's start, the formula reading January's end, 110) typed over as 125 gave February Lost
22, CRR 82.4% (by hand from the months typed: 110 + 15 - 118 = 7 lost, 93.6%) with status ok and nothing said (H121's
finding 07). The cells are found with import's rule (the template writes a formula there), which puts them back.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template

JANUARY = {"B2": 100, "C2": 20, "D2": 110}
ADVICE = (
    "copy the column's formula from another month's row over each (import puts them back for the months it imports)"
)


def _recalc(tmp_path: Path, capsys, typed: dict[str, object]) -> tuple[dict, openpyxl.Workbook]:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    for ref, value in {**JANUARY, **typed}.items():
        wb["Customers"][ref] = value
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report, openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)


def test_a_start_typed_unlike_the_month_befores_end_is_named_and_not_ok(tmp_path, capsys):
    report, wb = _recalc(tmp_path, capsys, {"B3": 125, "C3": 15, "D3": 118})
    assert report["status"] == "incomplete"
    assert report["message"] == (
        "t.xlsx: 1 value typed over the tracker's formulas, from which those months' figures are computed: "
        "Customers!B3 (Customers at start) is 125, typed over its formula, while Customers!D2 (Customers at end of "
        f"2026-01) is 110: {ADVICE}"
    )
    assert [wb["Customers"][f"{c}3"].value for c in "BE"] == [125, 22]  # computed from what is typed, as Excel does


def test_a_start_typed_as_the_month_befores_end_is_named_but_ok(tmp_path, capsys):
    report, _ = _recalc(tmp_path, capsys, {"B3": 110, "C3": 15, "D3": 118, "F4": 0.5})
    assert report["status"] == "ok"
    assert report["message"] == (
        "t.xlsx: 2 values typed over the tracker's formulas, from which those months' figures are computed: "
        "Customers!B3 (Customers at start) is 110, typed over its formula, while Customers!D2 (Customers at end of "
        f"2026-01) is 110; Customers!F4 (Retention (CRR)) is 0.5, typed over its formula: {ADVICE}"
    )


def test_the_first_start_and_formulas_of_the_users_own_are_not_typed_over(tmp_path, capsys):
    report, wb = _recalc(tmp_path, capsys, {"C3": 15, "D3": 118, "B4": "=D3", "C4": 5, "D4": 120})
    assert (report["status"], report["message"]) == ("ok", "")
    assert [wb["Customers"][f"E{r}"].value for r in (2, 3, 4)] == [10, 7, 3]


def test_a_start_whose_formula_was_deleted_says_so_not_to_type_it(tmp_path, capsys):
    report, _ = _recalc(tmp_path, capsys, {"C3": 5, "D3": 100, "B4": None, "C4": 8, "D4": 101})
    why = (
        "customers_start blank while other inputs are not: Customers!B4 (Customers at start) is blank while the month "
        "has other figures: its formula was deleted (it read Customers!D3, the month before's Customers at end): copy "
        "the column's formula from another month's row into it (#VALUE!)"
    )
    errors = {e["address"]: e["reason"] for e in report["errors"]}
    assert {ref: errors[ref] for ref in ("Customers!E4", "Customers!F4", "Customers!G4")} == {
        "Customers!E4": f"CUSTOMERS_LOST: {why}",
        "Customers!F4": f"CRR: {why}",
        "Customers!G4": f"CHURN_RATE: {why}",
    }


def test_the_start_typed_in_the_first_month_with_data_is_not_typed_over(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)  # figures from March on
    wb = openpyxl.load_workbook(path)
    for ref, value in {"B4": 100, "C4": 10, "D4": 105, "C5": 5, "D5": 101}.items():
        wb["Customers"][ref] = value
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert (report["status"], report["message"], report["errors"]) == ("ok", "", [])
    customers = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)["Customers"]
    assert [customers[f"E{r}"].value for r in (4, 5)] == [5, 9]


def test_a_start_typed_below_a_month_left_blank_is_named_and_ok(tmp_path, capsys):
    # January and February filled, March left blank, April's start typed 60 over its formula (the usual fix when it
    # turns #VALUE!): it was skipped as a first month with data, status ok with nothing said (H172's finding 01); then
    # incomplete, advising the formula back, which made April #VALUE! again (H235's finding 01): nothing contradicts
    # the start typed, April's figures are those typed (lost 60 + 2 - 59 = 3): ok, named, with the way to follow March
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    for ref, value in {**JANUARY, "C3": 5, "D3": 112, "B5": 60, "C5": 2, "D5": 59}.items():
        wb["Customers"][ref] = value
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert (report["status"], report["message"]) == (
        "ok",
        "t.xlsx: 1 value typed over the tracker's formulas, from which those months' figures are computed: "
        "Customers!B5 (Customers at start) is 60, typed over its formula, while Customers!D4 (Customers at end of "
        "2026-03) is blank: each start follows a month without figures (2026-03), which it does not contradict: it is "
        "taken as typed; keep it, or fill that month and copy the column's formula from another month's row over it",
    )
    customers = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)["Customers"]
    assert (customers["E5"].value, customers["F5"].value) == (3, (59 - 2) / 60)


def test_nps_counts_typed_over_give_the_nps(tmp_path):
    """H201's finding 11: counts typed over NPS!B2:E2 were said to be figures 'from which those months' figures are
    computed'; then (until H230) the NPS was blank beside them, said to be computed from answers only. Now a month
    without answers has the NPS of its counts: 100 x (45 - 25) / 100 = 20, nothing to say."""
    from xl_retention.recalculation import recalc_file

    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    for ref, value in {"B2": 100, "C2": 45, "D2": 30, "E2": 25}.items():
        wb["NPS"][ref] = value
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert (report.status, report.message) == ("ok", "")
    assert openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["NPS"]["F2"].value == 20.0


def _lost_typed(tmp_path: Path, typed: dict[str, object]) -> str:
    from xl_retention.recalculation import recalc_file

    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    for ref, value in typed.items():
        wb["Customers"][ref] = value
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok"
    return report.message


def test_lost_typed_over_is_said_to_be_read_by_no_formula(tmp_path):
    """H201's finding 11 (its Customers side): a CRM's customers lost typed over Customers!E (ends typed, Gained
    blank) were said to be values 'from which those months' figures are computed', with advice to copy the formulas
    back over them; no formula reads Lost (the rates read start, gained and end). Gained by hand: 520 - 500 + 20 = 40.
    """
    message = _lost_typed(tmp_path, {"B2": 500, "D2": 520, "E2": 20, "D3": 530, "E3": 25, "D4": 541, "E4": 19})
    assert message == (
        "t.xlsx: 3 customer counts typed over the Lost column's formulas, which no formula reads: Customers!E2 (Lost) "
        "is 20; Customers!E3 (Lost) is 25; Customers!E4 (Lost) is 19: the rates are computed from customers at start, "
        "gained and at end only, not from Lost typed here: type each month's Gained (new + reactivated), at end - at "
        "start + lost (40 in Customers!C2), or keep the Lost counts elsewhere"
    )


def test_lost_typed_unlike_its_rows_figures_is_named_with_what_they_give(tmp_path):
    """February: start 520 (January's end), gained 10, end 525: 520 + 10 - 525 = 5 lost, not the 30 typed."""
    typed = {"B2": 500, "C2": 40, "D2": 520, "E2": 20, "C3": 10, "D3": 525, "E3": 30}
    assert _lost_typed(tmp_path, typed) == (
        "t.xlsx: 2 customer counts typed over the Lost column's formulas, which no formula reads: Customers!E2 (Lost) "
        "is 20; Customers!E3 (Lost) is 30, while its row's customers at start, gained and at end give 5: the rates are "
        "computed from customers at start, gained and at end only, not from Lost typed here: copy the column's formula "
        "from another month's row over each: it gives Lost from those three"
    )


def test_a_count_that_is_no_whole_number_is_named_and_not_ok(tmp_path, capsys):
    """H224's finding 01: the text '12 %' pasted into March's Gained (Customers!C4) is 0.12 to Excel's arithmetic (the
    template reads a number pasted as text as that number): March lost 8.12 customers, CRR 93.12%, under ok with no
    word. A count typed as 12.5 likewise. By hand, March: 118 + 0.12 - 110 = 8.12 lost."""
    report, wb = _recalc(tmp_path, capsys, {"C3": 12.5, "D3": 118, "C4": "12 %", "D4": 110})
    assert report["status"] == "incomplete"
    assert report["message"] == (
        "t.xlsx: 2 counts of the tracker are no whole numbers: Customers!C3 (Gained (new + reactivated)) is 12.5; "
        "Customers!C4 (Gained (new + reactivated)) is the text '12 %', which Excel's arithmetic reads as 0.12: the "
        "month's figures are computed from them: type each count as a whole number"
    )
    assert abs(wb["Customers"]["E4"].value - 8.12) < 1e-9  # computed as Excel computes it: the file says why not ok


def test_whole_counts_pasted_as_text_are_no_such_counts(tmp_path, capsys):
    # not named as counts that are no whole numbers; named as texts a SUM of the user's skips (H315's finding 06)
    report, _ = _recalc(tmp_path, capsys, {"C3": "15", "D3": "118"})
    assert (report["status"], report["message"]) == (
        "ok",
        "t.xlsx: Customers!C3 (Gained (new + reactivated)) is the text '15', Customers!D3 (Customers at end) the text"
        " '118': the tracker reads them as numbers, but a SUM, a pivot table or pandas reading these cells skips a"
        " text: type them as numbers",
    )


def test_values_typed_over_the_dashboards_figures_are_named(tmp_path, capsys):
    """H224's finding 10: June's figures typed over the Dashboard's B4 (customers at end, 150) and B6 (CRR, 0.94) to
    "freeze" them were shown beside July (C4, C6: still formulas) once July was typed (155 at end: CRR 143/150 =
    95.33%), under ok with no word."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    for ref, value in {**JANUARY, "C3": 15, "D3": 118}.items():
        wb["Customers"][ref] = value
    wb["Dashboard"]["B4"], wb["Dashboard"]["B6"] = 110, 0.9
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["message"] == (
        "t.xlsx: 2 values typed over the Dashboard's formulas: Dashboard!B4 (Customers at end) is 110, typed over its "
        "formula; Dashboard!B6 (Retention (CRR)) is 0.9, typed over its formula: the Dashboard shows them as the "
        "latest figures, beside the latest month's date, whatever the monthly sheets hold: copy the formula of the "
        "same cell of a new tracker's Dashboard (xl-retention new NEW.xlsx) over each"
    )
