"""recalc names the cell behind an error a formula gives itself: ``IF(OR(B3<0,...,G3<0),#NUM!,...)``.

H4 finding 09: a churn typed as -100 on the tracker's Revenue sheet made February's MRR at end, March's MRR at start
and March's rates #NUM!, listed with no reason (the CLI's "Revenue!H3:H4, Revenue!B4, Revenue!K4:N4 (7 cells) =
#NUM!"); the cause, one cell away, is named now and passed on to the cells reading it.
"""

from __future__ import annotations

import json

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention import cli
from xl_retention.recalculation.embedded import compute
from xl_retention.workbook import build_template


def test_a_churn_typed_negative_is_named_in_every_error_it_causes(tmp_path, capsys):
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(book)
    revenue = wb["Revenue"]
    revenue["B2"], revenue["C2"], revenue["G2"] = 1000, 100, 50  # January
    revenue["C3"], revenue["G3"] = 80, -100  # February: churned MRR typed as -100
    revenue["C4"], revenue["G4"] = 60, 40  # March, typed right
    wb.save(book)
    capsys.readouterr()
    cli.main(["recalc", str(book), "--json", "--output-dir", str(tmp_path / "out")])
    errors = {e["address"]: e["reason"] for e in json.loads(capsys.readouterr().out)["files"][0]["errors"]}
    cause = "Revenue!G3 (Churned MRR) is -100, below 0 (#NUM!)"
    assert errors["Revenue!H3"] == cause  # February's MRR at end
    assert errors["Revenue!B4"] == cause + ", from Revenue!H3"  # March's MRR at start
    assert errors["Revenue!H4"] == cause + ", from Revenue!B4"
    for rate in "KLMN":  # March's rates
        assert errors[f"Revenue!{rate}4"] == cause + ", from Revenue!B4", rate
    # the lost MRR (I3) refuses the -100 as the MRR at end does, and February's rates read it (H397's finding 01)
    assert errors["Revenue!I3"] == cause
    assert errors["Revenue!M3"] == cause + ", from Revenue!I3"
    assert all(errors.values()), errors


def test_only_the_cells_the_condition_finds_below_zero_are_named(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "My sheet"
    ws["A1"], ws["B1"], ws["C1"] = 5, -2.5, -7
    ws["D1"] = "=IF(OR(A1<0,B1<0,C1<=0),#NUM!,A1+B1)"  # C1 tested with <=: not a cell below 0 by this rule
    ws["D2"] = "=IF(A1<0,#NUM!,1/0)"  # #DIV/0!, not the IF's literal: no reason
    ws["D3"] = "=IF(NOT(B1<0),0,#NUM!)"  # the literal is the value when false: no reason
    ws["D4"] = "=IF(OR(A1<0,'My sheet'!C1<0),#VALUE!,0)"
    path = tmp_path / "m.xlsx"
    wb.save(path)
    values = compute(path).values["My sheet"]
    assert (values["D1"].code, values["D1"].message) == ("#NUM!", "'My sheet'!B1 is -2.5, below 0 (#NUM!)")
    assert (values["D2"].code, values["D2"].message) == ("#DIV/0!", "")
    assert (values["D3"].code, values["D3"].message) == ("#NUM!", "")
    assert (values["D4"].code, values["D4"].message) == ("#VALUE!", "'My sheet'!C1 is -7, below 0 (#VALUE!)")


def test_a_text_that_is_no_number_in_the_trackers_arithmetic_is_named(tmp_path, capsys):
    """'abc' typed as January's new MRR: the MRR at end (B2+C2+...) and the gained MRR were #VALUE! with no reason."""
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(book)
    wb["Revenue"]["B2"], wb["Revenue"]["C2"], wb["Revenue"]["C3"] = 1000, "abc", 10
    wb.save(book)
    capsys.readouterr()
    cli.main(["recalc", str(book), "--json", "--output-dir", str(tmp_path / "out")])
    errors = {e["address"]: e["reason"] for e in json.loads(capsys.readouterr().out)["files"][0]["errors"]}
    cause = "Revenue!C2 (New MRR) is the text 'abc', no number (#VALUE!)"
    assert errors == {"Revenue!H2": cause, "Revenue!J2": cause, "Revenue!O2": cause + ", from Revenue!J2",
                      # February starts where January ended: unknown too (it started from 0: H39 finding 04)
                      "Revenue!B3": cause + ", from Revenue!H2"} | {
        f"Revenue!{c}3": cause + ", from Revenue!B3" for c in "HKLMN"
    } | {"'Lifetime value'!B3": cause + ", from Revenue!H2"} | {  # the ARPA of a month in error is its error
        f"'Lifetime value'!B{r}": cause + ", from 'Lifetime value'!B3" for r in (8, 11)
    }  # fmt: skip


def test_only_texts_excel_reads_as_no_number_in_arithmetic_are_named(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["A2"], ws["A3"], ws["A4"] = "n/a", "1,000.00", "x", 4
    ws["B1"] = "=A1*2+A2"  # "1,000.00" is 1000 to Excel's arithmetic: not named
    ws["B2"] = "=-(A3)+A4"
    ws["B3"] = '=IF(A3="x",VALUE(A3),0)'  # A3 is read by VALUE, not in arithmetic: VALUE's reason (H274)
    ws["B4"] = "=SUM(A1:A3)+A2"  # SUM leaves the texts of a range out, "1,000.00" is 1000: no error
    path = tmp_path / "m.xlsx"
    wb.save(path)
    values = compute(path).values["Sheet"]
    assert (values["B1"].code, values["B1"].message) == ("#VALUE!", "Sheet!A1 is the text 'n/a', no number (#VALUE!)")
    assert (values["B2"].code, values["B2"].message) == ("#VALUE!", "Sheet!A3 is the text 'x', no number (#VALUE!)")
    assert (values["B3"].code, values["B3"].message) == (
        "#VALUE!",
        "VALUE(A3): Sheet!A3 is the text 'x', no number (#VALUE!)",
    )
    assert values["B4"] == 1000


def test_an_error_value_pasted_into_an_input_is_named(tmp_path, capsys):
    """H39 finding 05: a #N/A pasted as a value into Customers!D3 (a lookup that found nothing) made 8 cells #N/A,
    every reason empty: nothing named D3."""
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(book)
    ws = wb["Customers"]
    ws["B2"], ws["C2"], ws["D2"], ws["C3"], ws["D3"], ws["C4"], ws["D4"] = 10, 2, 11, 1, "#N/A", 1, 12
    wb.save(book)
    capsys.readouterr()
    cli.main(["recalc", str(book), "--json", "--output-dir", str(tmp_path / "out")])
    errors = {e["address"]: e["reason"] for e in json.loads(capsys.readouterr().out)["files"][0]["errors"]}
    cause = "Customers!D3 (Customers at end) holds the error value #N/A, typed or pasted there (#N/A)"
    # Lifetime value's churn (B5) is the error of the month among its last 12 (5f6d156): its note (C5) is its reason
    see = "see Customers!D3: a churn rate of the last 12 months is an error from that cell "
    see += "(blank, text that is no number, an error, or figures that cannot be); fill or correct it there. (#N/A)"
    # (not March's own start, B3: April's end 11, since H384's finding 01; the month after's start carries the error)
    assert errors == {f"Customers!{c}3": cause for c in "EFG"} | {"Customers!B4": cause} | {
        f"Customers!{c}4": cause + ", from Customers!B4" for c in "EFG"
    } | {"'Lifetime value'!B5": see} | {f"'Lifetime value'!B{r}": see + ", from 'Lifetime value'!B5" for r in (7, 8)}
    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["B1"], wb.active["C1"] = "#DIV/0!", "=A1*2", "=NA()"
    wb.active["D1"] = "=C1"  # an error a formula gives is that formula's: not named as typed
    wb.save(tmp_path / "m.xlsx")
    values = compute(tmp_path / "m.xlsx").values["Sheet"]
    assert values["B1"].message == "Sheet!A1 holds the error value #DIV/0!, typed or pasted there (#DIV/0!)"
    assert not values["D1"].message


def test_an_error_value_pasted_into_a_range_a_formula_reads_is_named(tmp_path):
    """CI of b1e837c5: =SUM(A1:A2) over a #NAME? typed in A1 was listed with no cause found, so the file was
    `incomplete` where Excel gives that error too: the range's cell typed in is the reason, on this sheet or another,
    first row by row; a formula's own error in the range is not named as typed."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    data = wb.create_sheet("Raw data")
    ws["A1"], ws["A2"], ws["A3"] = 1, "=NA()", "#N/A"
    data["B2"], data["B3"], data["B4"] = 5, "#DIV/0!", "#DIV/0!"
    ws["C1"], ws["C2"] = "=SUM(A1:A3)", "=AVERAGE('Raw data'!$B$1:$B$9)*2"
    ws["C3"] = "=SUM(A1:A2)"  # only the formula's #N/A: no cell typed in
    wb.defined_names["Amounts"] = DefinedName("Amounts", attr_text="'Raw data'!$B$1:$B$9")
    ws.defined_names["Mine"] = DefinedName("Mine", attr_text="S!$A$3:$A$4")  # a name of the sheet S
    ws["C4"], ws["C5"] = "=MAX(amounts)+1", "=COUNT(Mine)+SUM(Mine)"
    wb.save(tmp_path / "m.xlsx")
    values = compute(tmp_path / "m.xlsx").values["S"]
    assert values["C1"].message == "S!A3 holds the error value #N/A, typed or pasted there (#N/A)"
    assert values["C2"].message == "'Raw data'!B3 holds the error value #DIV/0!, typed or pasted there (#DIV/0!)"
    assert values["C3"].code == "#N/A" and "typed" not in values["C3"].message
    assert values["C4"].message == "'Raw data'!B3 holds the error value #DIV/0!, typed or pasted there (#DIV/0!)"
    assert values["C5"].message == "S!A3 holds the error value #N/A, typed or pasted there (#N/A)"


def test_a_month_after_an_unfilled_one_names_the_blank_start_and_the_month_before(tmp_path, capsys):
    """H39 finding 03: Customers Feb and Revenue Mar left blank: the rates said "customers_start blank while other
    inputs are not", naming no cell (the start is a formula: the month before is the one to fill)."""
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=5)
    wb = openpyxl.load_workbook(book)
    ws = wb["Customers"]
    ws["B2"], ws["C2"], ws["D2"], ws["C4"], ws["D4"] = 10, 2, 11, 1, 12  # February (row 3) not filled
    wb["Revenue"]["B2"], wb["Revenue"]["C2"], wb["Revenue"]["C4"], wb["Revenue"]["F4"] = 100, 10, 5, 1
    wb.save(book)
    capsys.readouterr()
    cli.main(["recalc", str(book), "--json", "--output-dir", str(tmp_path / "out")])
    errors = {e["address"]: e["reason"] for e in json.loads(capsys.readouterr().out)["files"][0]["errors"]}
    blank = "Customers!B4 (Customers at start) is blank: the month before has no Customers at end (Customers!D3 is "
    assert errors["Customers!F4"] == (
        f"CRR: customers_start blank while other inputs are not: {blank}blank or an error): fill that month (#VALUE!)"
    )
    assert errors["Revenue!M4"] == (
        "NRR: start_mrr blank while other inputs are not: Revenue!B4 (MRR at start) is blank: the month before has no "
        "MRR at end (Revenue!H3 is blank or an error): fill that month (#VALUE!)"
    )


def test_a_text_in_a_range_multiplied_in_an_array_is_named(tmp_path):
    """H223's finding 04: a header's text caught by a whole column in SUMPRODUCT (or a range multiplied in an array
    formula) gave #VALUE!, as Excel does, with no reason, where =B1*2 named B1."""
    from one_sheet import recalc_sheet

    rows = {"A1": "Key", "B1": "Amount", "A2": "x", "B2": 10, "A3": "y", "B3": 20, "A4": "x", "B4": 30}
    formulas = {
        "D1": "=B1*2",
        "D2": '=SUMPRODUCT((A:A="x")*(B:B))',
        "D3": '=SUMPRODUCT((A1:A4="x")*B1:B4)',
        "D4": "=SUMPRODUCT(B1:B4*2)",
        "D6": "=SUMPRODUCT(B2:B4*2)",
    }
    report, values = recalc_sheet(tmp_path, {**rows, **formulas}, arrays={"D5": '=SUM((A1:A4="x")*B1:B4)'})
    why = "S!B1 is the text 'Amount', no number (#VALUE!)"
    assert {e.address: (e.error, e.reason) for e in report.errors} == {f"S!D{r}": ("#VALUE!", why) for r in range(1, 6)}
    assert values["D6"] == 120
