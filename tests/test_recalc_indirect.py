"""INDIRECT beside a cell without a current value: only the INDIRECTs that may read it are left uncomputed."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.embedded import compute


def _workbook(path: Path) -> Path:
    """S: A1 = 5, A2 = 7, Z3 = FORECAST.ETS (the engine lacks it; openpyxl stores no value: no current value)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"], ws["X1"], ws["X2"], ws["D1"], ws["D2"] = 5, 7, 1, 2, "S", "Z"
    ws["Z3"] = "=_xlfn.FORECAST.ETS(3,A1:A2,X1:X2)"
    ws["B1"] = '=INDIRECT("A1")*2'  # typed text naming A1
    ws["C1"] = '=INDIRECT("S!A2")+1'
    ws["E1"] = '=INDIRECT("\'"&D1&"\'!A2")*3'  # text computed from cells: 'S'!A2
    ws["F1"] = '=SUM(INDIRECT("S!Z1:Z5"))'  # covers Z3: a reader
    ws["G1"] = '=INDIRECT(D2&"3")'  # Z3, computed: a reader
    ws["H1"] = '=INDIRECT("R1C1",FALSE)'  # R1C1 style: A1, not Z3
    ws["H2"] = '=INDIRECT("R3",FALSE)'  # a whole row in R1C1 style: cannot be told, assumed to read it
    other = wb.create_sheet("T")
    other["A1"] = "=INDIRECT(\"'S'!A1:A2\")"  # another sheet's typed range, not Z3
    wb.save(path)
    return path


def test_only_the_indirects_that_may_read_a_cell_without_a_value_are_left_uncomputed(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "ind.xlsx")
    computed = compute(path)
    values = computed.values["S"]
    assert (values["B1"], values["C1"], values["E1"], values["H1"]) == (10, 8, 21, 5)
    assert computed.values["T"]["A1"] == 5  # =INDIRECT("'S'!A1:A2") in one cell: its first value
    unsupported = {(u.sheet, u.ref): u.reason for u in computed.unsupported}
    assert set(unsupported) == {("S", "Z3"), ("S", "F1"), ("S", "G1"), ("S", "H2")}
    assert unsupported[("S", "F1")] == (
        "reads S!Z3 (FORECAST.ETS), which has no current value (the embedded engine cannot compute it)"
    )
    report = recalc_file(path, tmp_path / "out" / "ind.xlsx")
    assert report.status == "incomplete"
    assert sorted(u.address for u in report.unsupported) == ["S!F1", "S!G1", "S!H2", "S!Z3"]


def test_an_offset_or_indirect_given_an_array_of_rows_is_listed_not_computed_as_one_reference(tmp_path: Path) -> None:
    """The visible-rows idiom SUMPRODUCT(SUBTOTAL(103,OFFSET(A2,ROW(A2:A7)-ROW(A2),0))) makes one reference per
    row; the engine made one and gave 1 where Excel counts 5 visible rows, silently. Such cells are listed (and
    keep the value Excel stored) unless written out row by row; an OFFSET of one number of rows is computed."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for r, (a, b) in enumerate([(1, "x"), (2, "y"), (3, "x"), (4, "x"), (5, "y"), (6, "x")], start=2):
        ws.cell(r, 1, a)
        ws.cell(r, 2, b)
    ws.row_dimensions[3].hidden = True
    ws["D1"] = "=SUMPRODUCT(SUBTOTAL(103,OFFSET(A2,ROW(A2:A7)-ROW(A2),0)))"
    ws["D2"] = '=SUMPRODUCT(--(SUBTOTAL(103,INDIRECT("A"&ROW(A2:A7)))>0))'
    ws["D3"] = "=SUMPRODUCT(N(OFFSET(A1,{1,3,5},0)))"
    ws["D4"] = "=SUBTOTAL(9,OFFSET(A2,0,0,ROW(A4),1))"  # one reference, rows 2-5 (row 3 hidden but 9 counts it)
    wb.save(tmp_path / "refs.xlsx")
    computed = compute(tmp_path / "refs.xlsx")
    listed = {u.ref: (u.function, u.reason) for u in computed.unsupported}
    assert set(listed) == {"D3"}
    assert listed["D3"] == (
        "N",
        "an OFFSET or INDIRECT given an array of rows or texts (one reference per element), which the embedded "
        "engine cannot read reference by reference",
    )
    # SUBTOTAL's rows known from the formula are written out row by row (.subtotal_rows): 5 visible rows
    assert [computed.values["S"][ref] for ref in ("D1", "D2")] == [5, 5]
    assert computed.values["S"]["D4"] == 1 + 2 + 3 + 4


def test_an_indirect_naming_a_table_reads_within_the_table(tmp_path: Path) -> None:
    """INDIRECT("T[B]") beside a cell without a current value (FORECAST.ETS) was assumed to read anything: it is
    computed (its text names table T, on another sheet)."""
    from openpyxl.worksheet.table import Table

    wb = openpyxl.Workbook()
    data = wb.active
    data.title = "Data"
    for row in (["A", "B"], [1, 10], [2, 20]):
        data.append(row)
    data.add_table(Table(displayName="T", ref="A1:B3"))
    calc = wb.create_sheet("Calc")
    calc["A1"] = '=SUM(INDIRECT("T[B]"))'
    calc["B1"] = "=_xlfn.FORECAST.ETS(3,Data!A2:A3,Data!B2:B3)"
    wb.save(tmp_path / "table.xlsx")
    computed = compute(tmp_path / "table.xlsx")
    assert computed.values["Calc"]["A1"] == 30
    assert [(u.sheet, u.ref) for u in computed.unsupported] == [("Calc", "B1")]


def test_r1c1_text_typed_in_or_computed_is_read_as_the_reference_it_names(tmp_path: Path) -> None:
    """INDIRECT(text, FALSE) reads R1C1 text (Microsoft's INDIRECT page): typed in, relative to the formula's cell
    (R[1]C[-4]), or computed when the formula runs (the column picked by a number, as in a cohort triangle)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Cohorts"
    for row in range(1, 7):
        sheet.cell(row, 1, 10 * row + 1)  # A1:A6 = 11, 21, ..., 61
        sheet.cell(row, 2, 10 * row + 2)  # B1:B6 = 12, 22, ..., 62
    sheet["F1"] = '=INDIRECT("R2C1",FALSE)'
    sheet["F2"] = '=SUM(INDIRECT("R1C1:R3C2",FALSE))'  # 11+21+31 + 12+22+32
    sheet["F3"] = '=INDIRECT("R[1]C[-4]",FALSE)'  # from F3: B4
    sheet["F4"] = '=SUM(INDIRECT("R1C"&2&":R6C"&2,FALSE))'  # B1:B6
    sheet["F5"] = "=INDIRECT(G5,0)"  # the text in a cell: R[-1]C[-5] from F5 is A4
    sheet["G5"] = "R[-1]C[-5]"
    sheet["F6"] = '=IFERROR(INDIRECT("R0C1",FALSE),"none")'  # no row 0: #REF!
    source = tmp_path / "r1c1.xlsx"
    book.save(source)
    report = recalc_file(source, tmp_path / "out.xlsx", "embedded")
    assert report.status == "ok", report.message
    got = openpyxl.load_workbook(report.output, data_only=True)["Cohorts"]
    assert [got[f"F{r}"].value for r in range(1, 7)] == [21, 129, 42, 222, 41, "none"]
    assert report.unsupported == []


def test_a_structured_reference_built_when_the_formula_runs_is_read_as_its_range(tmp_path: Path) -> None:
    """INDIRECT($B$1&"[Amount]"): the table or column picked by a cell (the usual reason to use INDIRECT with tables);
    other computed texts in a workbook with tables still read as A1 references."""
    from openpyxl.worksheet.table import Table

    book = openpyxl.Workbook()
    data = book.active
    data.title = "Data"
    for row in (["Plan", "Amount"], ["Pro", 10], ["Team", 20], ["Pro", 40]):
        data.append(row)
    data.add_table(Table(displayName="Sales", ref="A1:B4"))
    calc = book.create_sheet("Calc")
    calc["A1"], calc["B1"], calc["C1"] = "Sales", "Amount", "Data!B3"
    calc["D1"] = '=SUM(INDIRECT($A$1&"["&B1&"]"))'  # Sales[Amount]
    calc["D2"] = '=ROWS(INDIRECT("Sales"&"[#All]"))'  # header and 3 rows
    calc["D3"] = "=INDIRECT(C1)*2"  # an A1 text in a cell
    calc["D4"] = '=COUNTIF(INDIRECT("Sales[Plan]"),"Pro")'
    source = tmp_path / "tables.xlsx"
    book.save(source)
    report = recalc_file(source, tmp_path / "out.xlsx", "embedded")
    assert report.status == "ok", report.message
    got = openpyxl.load_workbook(report.output, data_only=True)["Calc"]
    assert [got[f"D{r}"].value for r in range(1, 5)] == [70, 4, 40, 2]
