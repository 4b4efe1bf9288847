"""H130's findings 01 and 02: an xl-retention function given a value through a call (CHOOSE, INDEX, INDIRECT, IF,
VLOOKUP, HLOOKUP, XLOOKUP) or through a formula's cell (``=CRR(C3,1,10)``, C3 ``=A9``) named no cell, or only the
value's place in its argument ("in cell 2 of scores"). The reason now names the cell the value came from, the one
the engine's evaluation of the argument's reference (or the lookup's found position) gives, followed through
formula cells to where it is typed."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

import xl_retention

FORMULAS = {
    "D1": "=NPS(CHOOSE(2,A5:A8,A1:A4))",
    "D2": "=NPS(INDEX(A1:B4,0,1))",
    "D4": '=NPS(INDIRECT("A1:A4"))',
    "D5": '=CRR(VLOOKUP("k",F1:G2,2,FALSE),1,10)',
    "D6": '=CRR(HLOOKUP("k",H1:I2,2,FALSE),1,10)',
    "D8": '=CRR(_xlfn.XLOOKUP("k",F1:F2,G1:G2),1,10)',
    "D9": "=NPS(IF(TRUE,'My Data'!B1:B4))",
    "D10": "=CRR(C2,1,10)",
    "D11": "=CRR(C5,1,10)",
    "D12": "=CRR(IF(A1>0,A9,A1),1,10)",
    "D13": "=CRR(INDEX(A1:A9,9),1,10)",
    "D14": "=CRR(K1,1,10)",
    "D15": "=CHURN_RATE(1, C3, 10)",
    "D18": "=CRR(EndCount,1,10)",
    "D19": "=NPS(OFFSET(Scores,0,0))",
    "D20": "=CRR(A1+'My Data'!C9,1,10)",
    "D21": "=NPS(L1:L4)",
}
NUMBER = "must be a number, got"


@pytest.fixture(scope="module")
def reasons(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("origins")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "P"
    data = wb.create_sheet("My Data")
    for row, value in enumerate([10, "x", 9, 8], start=1):
        ws[f"A{row}"] = value
        data[f"B{row}"] = value
    ws["F1"], ws["G1"], ws["F2"], ws["G2"] = "k", "n/a", "j", 5
    ws["H1"], ws["I1"], ws["H2"], ws["I2"] = "k", "j", "n/a", 3
    ws["A9"], ws["C3"], ws["C2"], ws["C5"], ws["K1"] = "n/a", "=A9", "=C3", '="n/"&"a"', "=IF(TRUE,A9)"
    data["C9"] = "n/a"
    wb.defined_names["EndCount"] = DefinedName("EndCount", attr_text="'My Data'!$C$9")
    wb.defined_names["Scores"] = DefinedName("Scores", attr_text="'My Data'!$B$1:$B$4")
    for row in range(1, 5):  # scores copied by formulas from another sheet
        ws[f"L{row}"] = f"='My Data'!B{row}"
    for cell, formula in FORMULAS.items():
        ws[cell] = formula
    wb.save(folder / "origins.xlsx")
    report = xl_retention.recalc([str(folder / "origins.xlsx")], engine="embedded", output_dir=str(folder / "out"))
    return {e.address: e.reason for e in report.files[0].errors}


@pytest.mark.parametrize("cell", ["P!D1", "P!D2", "P!D4"])
def test_a_range_through_a_call_names_its_cell(reasons: dict[str, str], cell: str) -> None:
    assert reasons[cell] == f"NPS: scores {NUMBER} 'x' in P!A2 (#VALUE!)"


@pytest.mark.parametrize("cell", ["P!D9", "P!D19"])
def test_a_range_on_another_sheet_through_if_or_offset_of_a_name(reasons: dict[str, str], cell: str) -> None:
    assert reasons[cell] == f"NPS: scores {NUMBER} 'x' in 'My Data'!B2 (#VALUE!)"


def test_a_defined_name_of_one_cell_on_another_sheet(reasons: dict[str, str]) -> None:
    # the engine's CELL("address", EndCount) gives $C$9 without the sheet: the name is read as its target
    assert reasons["P!D18"] == f"CRR: customers_end {NUMBER} 'n/a', in 'My Data'!C9 (#VALUE!)"


@pytest.mark.parametrize(("cell", "named"), [("P!D5", "P!G1"), ("P!D6", "P!H2"), ("P!D8", "P!G1")])
def test_a_looked_up_value_names_the_cell_found(reasons: dict[str, str], cell: str, named: str) -> None:
    assert reasons[cell] == f"CRR: customers_end {NUMBER} 'n/a', in {named} (#VALUE!)"


@pytest.mark.parametrize("cell", ["P!D12", "P!D13"])
def test_a_reference_chosen_by_if_or_index(reasons: dict[str, str], cell: str) -> None:
    assert reasons[cell] == f"CRR: customers_end {NUMBER} 'n/a', in P!A9 (#VALUE!)"


def test_a_value_read_through_formula_cells_names_where_it_is_typed(reasons: dict[str, str]) -> None:
    assert reasons["P!D10"] == f"CRR: customers_end {NUMBER} 'n/a', in P!A9 (read through P!C3, P!C2) (#VALUE!)"
    assert reasons["P!D14"] == f"CRR: customers_end {NUMBER} 'n/a', in P!A9 (read through P!K1) (#VALUE!)"
    assert reasons["P!D15"] == (f"CHURN_RATE: customers_gained {NUMBER} 'n/a', in P!A9 (read through P!C3) (#VALUE!)")


def test_a_value_a_formula_makes_names_that_formula(reasons: dict[str, str]) -> None:
    assert reasons["P!D11"] == f"CRR: customers_end {NUMBER} 'n/a', in P!C5, computed there by its formula (#VALUE!)"


def test_lookups_as_references() -> None:
    from xl_retention.recalculation.value_origins import lookups_as_references

    assert lookups_as_references('VLOOKUP("k",F1:G2,2)') == 'INDEX(F1:G2,MATCH("k",INDEX(F1:G2,0,1),1),2)'
    assert lookups_as_references("VLOOKUP(A1,F1:G2,2,B1)") == "INDEX(F1:G2,MATCH(A1,INDEX(F1:G2,0,1),IF(B1,1,0)),2)"
    assert lookups_as_references("LOOKUP(1,A1:B2)") == "LOOKUP(1,A1:B2)"  # the array form: left as it is


def test_arithmetic_in_an_argument_names_the_text_it_takes(reasons: dict[str, str]) -> None:
    assert reasons["P!D20"] == (
        "CRR: customers_end is the error value #VALUE!: 'My Data'!C9 is the text 'n/a', no number (#VALUE!)"
    )


def test_a_ranges_cell_holding_a_formula_names_where_the_value_is_typed(reasons: dict[str, str]) -> None:
    assert reasons["P!D21"] == f"NPS: scores {NUMBER} 'x' in 'My Data'!B2 (read through P!L2) (#VALUE!)"


def test_a_divisor_of_0_names_its_cell(tmp_path: Path) -> None:
    """H141's finding 03: "NRR: start_mrr is 0 ..." named no cell where a text or a negative there was named."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Revenue"
    ws["A2"], ws["B2"], ws["C2"], ws["D2"] = 10, 5, 0, "=NRR(A2,B2,C2)"
    ws["E2"] = "=CRR(10,1,IF(A2>0,C2))"  # a 0 an expression gives: no one cell named
    wb.save(tmp_path / "z.xlsx")
    report = xl_retention.recalc([str(tmp_path / "z.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    reasons = {e.address: e.reason for e in report.files[0].errors}
    assert reasons["Revenue!D2"] == (
        "NRR: start_mrr is 0 in Revenue!C2 (no MRR at the start): the ratio is undefined (#DIV/0!)"
    )
    assert reasons["Revenue!E2"] == (
        "CRR: customers_start is 0 (no customers at the start): the ratio is undefined (#DIV/0!)"
    )


def test_a_divisor_of_0_read_from_one_cell_names_it(tmp_path: Path) -> None:
    """H204's finding 03: the tracker's rates read the start through ``IF(B3="","",IFERROR(B3+0,B3))``, no plain
    reference: a start of 0 named no cell. An argument reading one cell alone names it (followed to where its 0 is
    made); one reading two cells (``A2-B2``) still names none."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A2"], ws["B2"], ws["C2"] = 5, 5, 0
    ws["D2"] = '=CRR(10,1,IF(C2="","",IFERROR(C2+0,C2)))'
    ws["E2"] = "=CRR(10,1,A2-B2)"  # 5 - 5: two cells make the 0
    ws["C3"], ws["D3"] = "=C2", '=CRR(10,1,IF(C3="","",C3*1))'  # C3 reads C2: the 0 typed there
    wb.save(tmp_path / "z.xlsx")
    report = xl_retention.recalc([str(tmp_path / "z.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    reasons = {e.address: e.reason for e in report.files[0].errors}
    tail = " (no customers at the start): the ratio is undefined (#DIV/0!)"
    assert reasons == {
        "S!D2": "CRR: customers_start is 0 in S!C2" + tail,
        "S!E2": "CRR: customers_start is 0" + tail,
        "S!D3": "CRR: customers_start is 0 in S!C2 (read through S!C3)" + tail,
    }


def test_a_trackers_start_of_0_from_the_month_before_names_where_it_is_made(tmp_path: Path) -> None:
    """H204's finding 03: February starts from January's end of 0 (everyone lost), then 3 gained, 1 at the end:
    the rates name January's end, typed (Customers) or computed (Revenue), through February's start."""
    from xl_retention.workbook import build_template

    wb = openpyxl.load_workbook(build_template(tmp_path / "t.xlsx", start="2026-01", months=3))
    for ref, value in {"B2": 100, "G2": 100, "C3": 50, "F3": 10}.items():
        wb["Revenue"][ref] = value
    for ref, value in {"B2": 2, "C2": 0, "D2": 0, "C3": 3, "D3": 1}.items():
        wb["Customers"][ref] = value
    wb.save(tmp_path / "z.xlsx")
    report = xl_retention.recalc([str(tmp_path / "z.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    errors = report.files[0].errors
    reasons = {e.address: e.reason for e in errors if e.error == "#DIV/0!" and e.address[0] in "CR"}
    customers = "customers_start is 0 in Customers!D2 (Customers at end) (read through Customers!B3) (no customers"
    mrr = "start_mrr is 0 in Revenue!H2 (MRR at end), computed there by its formula (read through Revenue!B3) (no MRR"
    assert reasons == {
        "Customers!F3": f"CRR: {customers} at the start): the ratio is undefined (#DIV/0!)",
        "Customers!G3": f"CHURN_RATE: {customers} at the start): the ratio is undefined (#DIV/0!)",
        "Revenue!K3": f"NET_REVENUE_CHURN: {mrr} at the start): the ratio is undefined (#DIV/0!)",
        "Revenue!L3": f"GROSS_REVENUE_CHURN: {mrr} at the start): the ratio is undefined (#DIV/0!)",
        "Revenue!M3": f"NRR: {mrr} at the start): the ratio is undefined (#DIV/0!)",
        "Revenue!N3": f"GRR: {mrr} at the start): the ratio is undefined (#DIV/0!)",
    }


def test_a_blank_a_formula_gives_names_the_blank_cell_it_tests(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    raw = wb.create_sheet("Raw")
    raw["B1"], raw["C1"] = "yes", None  # Raw!B2 left blank
    ws["B1"] = '=IF(Raw!B2="","",Raw!B2)'
    ws["B2"] = '=IF(Raw!B1="yes","",Raw!C1)'  # "" for a "yes", not for the blank C1: that formula is named
    ws["D1"], ws["D2"] = "=CRR(10,1,B1)", "=CRR(10,1,B2)"
    wb.save(tmp_path / "b.xlsx")
    report = xl_retention.recalc([str(tmp_path / "b.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    reasons = {e.address: e.reason for e in report.files[0].errors}
    blank = "CRR: customers_start blank while other inputs are not: "
    assert reasons["S!D1"] == f"{blank}Raw!B2 is blank (read through S!B1) (#VALUE!)"
    assert reasons["S!D2"] == f"{blank}S!B2 is blank (#VALUE!)"


def test_an_error_value_in_a_range_through_offset_names_its_cell(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Survey"
    for row, score in enumerate([9, 10, "=1/0", 7], start=2):
        ws[f"B{row}"] = score
    ws["D1"] = "=NPS(OFFSET(B2,0,0,COUNTA(B2:B5),1))"
    wb.save(tmp_path / "e.xlsx")
    report = xl_retention.recalc([str(tmp_path / "e.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    reasons = {e.address: e.reason for e in report.files[0].errors}
    assert reasons["Survey!D1"] == (
        "NPS: scores holds the error value #DIV/0! in Survey!B4, computed there by its formula (#VALUE!)"
    )


def test_only_an_argument_that_may_be_a_reference_is_asked_of_the_engine() -> None:
    # each question costs an evaluation (11 ms a cell on a 200-month tracker: 4.4 s for its 396 reasons); the
    # tracker's IF(B4="","",IFERROR(B4+0,B4)) gives values only, its cell is found by the value it holds
    from xl_retention.recalculation.value_origins import _may_be_reference

    asked = ["A9", "'My Data'!B1:B4", "EndCount", "CHOOSE(2,A5:A8,A1:A4)", "IF(A1>0,A9,A1)", "(OFFSET(A1,0,0))"]
    asked += ['_xlfn.XLOOKUP("k",F1:F2,G1:G2)', 'VLOOKUP("k",F1:G2,2,FALSE)', "=A9"]
    not_asked = ['IF(B4="","",IFERROR(B4+0,B4))', "CHOOSE(1,A1:A4)*1", "A1+B1", '"n/"&"a"', "IFERROR(A1,0)"]
    assert [_may_be_reference(text) for text in asked] == [True] * len(asked)
    assert [_may_be_reference(text) for text in not_asked] == [False] * len(not_asked)


def test_an_error_value_pasted_into_an_argument_cell_is_named(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    data = wb.create_sheet("Data 2026")
    data["C1"] = "#N/A"  # an error value pasted as a value (openpyxl writes it as one)
    data["C2"] = "=1/0"  # a formula's error: its own reason is passed on, as before
    ws["A3"], ws["A4"] = "=CRR('Data 2026'!C1,1,10)", "=CRR('Data 2026'!C2,1,10)"
    wb.save(tmp_path / "p.xlsx")
    report = xl_retention.recalc([str(tmp_path / "p.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    reasons = {e.address: e.reason for e in report.files[0].errors}
    assert reasons["S!A3"] == "CRR: customers_end is the error value #N/A in 'Data 2026'!C1 (#VALUE!)"
    assert reasons["S!A4"] == "CRR: customers_end is the error value #DIV/0! in 'Data 2026'!C2 (#VALUE!)"


def test_a_failing_step_of_a_reason_never_fails_the_recalculation(tmp_path: Path, monkeypatch) -> None:
    # a reason's words are never worth the file: the divisor's form once raised "no such group" (status failed)
    from xl_retention.recalculation import reasons as reasons_module

    def failing(*_args: object) -> str:
        raise IndexError("no such group")

    monkeypatch.setattr(reasons_module, "value_origin", failing)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["B1"] = "n/a", "=CRR(A1,1,10)"
    wb.save(tmp_path / "f.xlsx")
    report = xl_retention.recalc([str(tmp_path / "f.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    assert report.files[0].status == "ok"
    assert {e.address: e.reason for e in report.files[0].errors} == {
        "S!B1": "CRR: customers_end must be a number, got 'n/a', in S!A1 (#VALUE!)"
    }
