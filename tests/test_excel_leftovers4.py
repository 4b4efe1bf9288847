"""Recalculation leftovers of H11's findings (w21, w20, ...): the embedded engine against Excel.

Each test builds a small workbook with openpyxl (values Excel stored are written into the sheet's XML as Excel saves
them), recalculates it with the embedded engine (``recalc_file``) and reads the written values back; the expected
values are Excel's documented ones.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file


def _book(
    tmp_path: Path, cells: dict[str, object], stored: dict[str, str | float] | None = None, hidden: tuple[int, ...] = ()
) -> Path:
    """A workbook of one sheet S holding ``cells``; ``stored``: the values Excel stored for formula cells (text or
    numbers); ``hidden``: rows hidden."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in cells.items():
        sheet[ref] = value
    for row in hidden:
        sheet.row_dimensions[row].hidden = True
    source = tmp_path / "book.xlsx"
    book.save(source)
    if stored:
        with zipfile.ZipFile(source) as package:
            parts = {name: package.read(name) for name in package.namelist()}
        xml = parts["xl/worksheets/sheet1.xml"].decode()
        for ref, value in stored.items():
            kind = ' t="str"' if isinstance(value, str) else ""
            xml, count = re.subn(
                rf'<c r="{ref}"([^>]*)><f>([^<]*)</f><v\s*/>', rf'<c r="{ref}"\1{kind}><f>\2</f><v>{value}</v>', xml
            )
            assert count == 1, ref
        parts["xl/worksheets/sheet1.xml"] = xml.encode()
        with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in parts.items():
                package.writestr(name, data)
    return source


def _values(path: Path, refs: list[str]) -> dict[str, object]:
    out = openpyxl.load_workbook(path, data_only=True)["S"]
    return {ref: out[ref].value for ref in refs}


def test_text_formats_in_another_languages_codes_keep_the_values_excel_stored(tmp_path: Path) -> None:
    # H11 w21: TEXT's format is stored as the author typed it, in the codes of the author's Excel (German J = year,
    # T = day; French a = year, j = day; German #.##0,00 = en-US #,##0.00). The file does not say which language, so
    # such a format is never read as en-US ("January JJJJ"): the cell keeps Excel's value and is listed, its reason
    # naming the format; en-US formats are still computed.
    cells: dict[str, object] = {
        "A1": dt.date(2026, 1, 15),
        "A2": 1234.5,
        "A3": 0.052,
        "Z1": "TT.MM.JJJJ",
        "B1": '=TEXT(A1,"MMMM JJJJ")',
        "B2": '=TEXT(A1,"TT.MM.JJJJ")',
        "B3": '=TEXT(A1,"jj/mm/aaaa")',
        "B4": '="Rate "&TEXT(A1,"MMM JJ")',
        "B5": '=IFERROR(TEXT(A1,"TT.MM.JJ"),"")',
        "B6": "=TEXT(A1,Z1)",
        "B7": '=TEXT(A2,"#.##0,00 €")',
        "B8": '=TEXT(A3,"0,0 %")',
        "B9": "=LEN(B1)",
        "C1": '=TEXT(A1,"mmmm yyyy")',
        "C2": '=TEXT(A1,"dd.mm.yyyy")',
        "C3": '=TEXT(A2,"#,##0.00")',
        "C4": '=TEXT(A3,"0.0%")',
        "C5": '=TEXT(A2,"0,000")',
    }
    stored = {
        "B1": "Januar 2026",
        "B2": "15.01.2026",
        "B3": "15/01/2026",
        "B4": "Rate Jan 26",
        "B5": "15.01.26",
        "B6": "15.01.2026",
        "B7": "1.234,50 €",
        "B8": "5,2 %",
    }
    source = _book(tmp_path, cells, stored)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    got = _values(tmp_path / "out.xlsx", [f"B{i}" for i in range(1, 10)] + [f"C{i}" for i in range(1, 6)])
    assert got == {
        **stored,
        "B9": 11,  # LEN of the kept "Januar 2026"
        "C1": "January 2026",
        "C2": "15.01.2026",
        "C3": "1,234.50",
        "C4": "5.2%",
        "C5": "1,235",  # en-US: thousands grouped, rounded half away from zero
    }
    assert result.status == "ok", result.message
    reasons = {u.address: u.reason for u in result.unsupported}
    assert sorted(reasons) == [f"S!B{i}" for i in range(1, 9)]
    assert all(u.kept and u.function == "TEXT" for u in result.unsupported)
    assert reasons["S!B1"].startswith('TEXT\'s format "MMMM JJJJ" holds the letter J, which is no format code of an')
    assert reasons["S!B6"].startswith('TEXT\'s format Z1: "TT.MM.JJJJ" holds the letter T')
    assert reasons["S!B7"].startswith('TEXT\'s format "#.##0,00 €" holds a comma among the decimals')
    assert reasons["S!B8"].startswith('TEXT\'s format "0,0 %" holds a comma before 1 digit (a decimal comma)')


def test_aggregate_median_mode_and_array_form_with_every_option(tmp_path: Path) -> None:
    # H11 w20: AGGREGATE(12, ...) MEDIAN and AGGREGATE(13, ...) MODE.SNGL were listed as unsupported (the engine's
    # #NIMPL!), and the array form 14-19 only computed with options 4 and 6. Options (Excel's AGGREGATE page): 0-3
    # leave out nested SUBTOTAL and AGGREGATE cells, 1, 3, 5, 7 hidden rows, 2, 3, 6, 7 error values.
    cells: dict[str, object] = {}
    for row, (b, c) in enumerate([(4, 8), (1, 9), (100, 8), (3, 9), (2, 7)], start=1):  # row 3 hidden
        cells[f"B{row}"], cells[f"C{row}"] = b, c
    cells.update({"D11": 1, "D12": 2, "D13": 10, "D14": "=SUBTOTAL(9,D11:D13)"})
    cells.update({"E21": 5, "E22": "=NA()", "E23": 1, "E24": 3})
    formulas = {
        "H1": "=_xlfn.AGGREGATE(12,5,B1:B5)",  # median of 4, 1, 3, 2
        "H2": "=_xlfn.AGGREGATE(12,4,B1:B5)",  # with the hidden 100
        "H3": "=_xlfn.AGGREGATE(12,,B1:B5)",  # options left empty: 0
        "H4": "=_xlfn.AGGREGATE(13,5,C1:C5)",  # 8, 9, 9, 7
        "H5": "=_xlfn.AGGREGATE(13,4,C1:C5)",  # 8 and 9 twice each: the first, 8
        "H6": "=_xlfn.AGGREGATE(14,5,B1:B5,1)",
        "H7": "=_xlfn.AGGREGATE(14,4,B1:B5,1)",
        "H8": "=SUM(_xlfn.AGGREGATE(14,7,B1:B5,{1,2}))",  # 4 + 3
        "H9": "=_xlfn.AGGREGATE(12,6,E21:E24)",
        "H10": "=_xlfn.AGGREGATE(12,4,E21:E24)",
        "H11": "=_xlfn.AGGREGATE(12,2,E21:E24)",
        "H12": "=_xlfn.AGGREGATE(15,6,E21:E24,2)",
        "H13": "=_xlfn.AGGREGATE(16,6,E21:E24,0.5)",
        "H14": "=_xlfn.AGGREGATE(12,6,F31:F33)",  # no number: #NUM!
        "H15": "=_xlfn.AGGREGATE(13,6,B1:B5)",  # no number twice: #N/A
        "H16": "=_xlfn.AGGREGATE(12,7,D11:D14)",  # 7 keeps the nested SUBTOTAL: median of 1, 2, 10, 13
        "H17": "=_xlfn.AGGREGATE(12,3,D11:D14)",  # 3 leaves it out: Excel's 2, kept and listed
        "H18": "=_xlfn.AGGREGATE(12,6,B1:B5,E21:E24)",  # two references: 4, 1, 100, 3, 2, 5, 1, 3
        "H19": "=_xlfn.AGGREGATE(12,5,B3:B3)",  # its only row hidden: MEDIAN of nothing
    }
    source = _book(tmp_path, {**cells, **formulas}, {"H17": 2}, hidden=(3,))
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    got = _values(tmp_path / "out.xlsx", list(formulas))
    assert got == {
        "H1": 2.5,
        "H2": 3,
        "H3": 3,
        "H4": 9,
        "H5": 8,
        "H6": 4,
        "H7": 100,
        "H8": 7,
        "H9": 3,
        "H10": "#N/A",
        "H11": 3,
        "H12": 3,
        "H13": 3,
        "H14": "#NUM!",
        "H15": "#N/A",
        "H16": 6,
        "H17": 2,
        "H18": 3,
        "H19": "#NUM!",
    }
    assert [(u.address, u.function, u.kept) for u in result.unsupported] == [("S!H17", "AGGREGATE", True)]
    assert "(S!D14)" in result.unsupported[0].reason


def test_criteria_of_more_than_15_digits_match_at_15_digits_as_excel(tmp_path: Path) -> None:
    # H2 F17: Excel reads a number-like criterion, and the number-like text of the range, as a number of 15
    # significant digits (the digits past the fifteenth made zeros): two 16-digit text ids agreeing in their first 15
    # digits are the same to COUNTIF and SUMIF (COUNTIF(A:A,A2)>1 flags them as duplicates); the engine compared them
    # exactly. Comparisons with = stay exact; more than one criteria pair with such a criterion typed in is listed.
    ids = ["1234567890123456", "1234567890123457", "1234567890123499", "x", "1234567890123450", "0012345"]
    cells: dict[str, object] = {f"A{i}": v for i, v in enumerate(ids, start=1)}
    cells.update({f"B{i}": v for i, v in enumerate([10, 20, 40, 80, 160, 320], start=1)})
    formulas = {
        "C1": "=COUNTIF(A1:A6,A1)",  # A1, A2 and A5
        "C2": "=COUNTIF(A1:A6,A3)",
        "C3": "=SUMIF(A1:A6,A2,B1:B6)",  # 10 + 20 + 160
        "C4": '=COUNTIF(A1:A6,"1234567890123459")',
        "C5": "=COUNTIF(A1:A6,A4)",
        "C6": "=COUNTIF(A1:A6,A6)",
        "C7": "=SUMIFS(B1:B6,A1:A6,A1)",
        "C8": '=COUNTIFS(A1:A6,A1,B1:B6,">15")',  # A2 and A5
        "C9": "=SUMPRODUCT(--(A1:A6=A1))",  # = compares the texts
        "C10": "=COUNTIF(A1:A6,1234567890123456)",  # typed: Excel keeps 15 digits, 1234567890123450
        "C11": "=COUNTIF(A1:A6,12345)",
        "C12": '=COUNTIFS(A1:A6,"1234567890123456",B1:B6,">15")',  # typed, two pairs: listed, Excel's 2 kept
    }
    source = _book(tmp_path, {**cells, **formulas}, {"C12": 2})
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    got = _values(tmp_path / "out.xlsx", list(formulas))
    assert got == {
        "C1": 3,
        "C2": 1,
        "C3": 190,
        "C4": 3,
        "C5": 1,
        "C6": 1,
        "C7": 190,
        "C8": 2,
        "C9": 1,
        "C10": 3,
        "C11": 1,
        "C12": 2,
    }
    assert [(u.address, u.kept) for u in result.unsupported] == [("S!C12", True)]


def test_a_name_defined_as_a_lambda_is_called_as_excel_calls_it(tmp_path: Path) -> None:
    # A defined name DOUBLE = LAMBDA(x, x*2) called as =DOUBLE(A1) was listed (the engine's #NAME?): it is the LAMBDA
    # called in place, LET(x, A1, x*2), through names its body calls too; a LAMBDA calling itself stays listed.
    # The parameters are bound at once, as a call binds them: SUBTRACT(b, a) inside LET(a, 1, b, 10, ..) is 9.
    # SUM(DOUBLE(A1:A2)) in row 7 reads x*2 of x = A1:A2 as one value in a classic formula, as SUM(A1:A2*2) and
    # SUM(LET(x,A1:A2,x*2)) do: A1:A2 has no cell in row 7, #VALUE! (H470; it was 24, the call made a LET late). What
    # Excel computes for a named LAMBDA's call without the array flag is not known (Excel 365 writes the flag): listed
    # since fe47d6d5 (H489), no value guessed.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"] = 5, 7
    formulas = {
        "B1": "=DOUBLE(A1)",
        "B2": "=DOUBLE(A1)+1",
        "B3": "=SUBTRACT(A1,3)",
        "B4": "=QUAD(A1)",
        "B5": "=SUM(DOUBLE(A1),SUBTRACT(1,2))",
        "B6": "=_xlfn.LET(_xlpm.a,1,_xlpm.b,10,SUBTRACT(_xlpm.b,_xlpm.a))",
        "B7": "=SUM(DOUBLE(A1:A2))",
        "B8": "=SELF(1)",
    }
    for ref, formula in formulas.items():
        sheet[ref] = formula
    for name, body in {
        "DOUBLE": "_xlfn.LAMBDA(_xlpm.x,_xlpm.x*2)",
        "SUBTRACT": "_xlfn.LAMBDA(_xlpm.a,_xlpm.b,_xlpm.a-_xlpm.b)",
        "QUAD": "_xlfn.LAMBDA(_xlpm.x,DOUBLE(DOUBLE(_xlpm.x)))",
        "SELF": "_xlfn.LAMBDA(_xlpm.x,SELF(_xlpm.x))",
    }.items():
        book.defined_names[name] = DefinedName(name, attr_text=body)
    source = tmp_path / "book.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    got = _values(tmp_path / "out.xlsx", list(formulas))
    assert got == {"B1": 10, "B2": 11, "B3": 2, "B4": 20, "B5": 9, "B6": 9, "B7": None, "B8": None}
    assert [u.address for u in result.unsupported] == ["S!B7", "S!B8"]


def test_the_intersection_of_whole_columns_and_rows_is_the_cells_they_share(tmp_path: Path) -> None:
    # H20 g02: the space operator between a whole column and a whole row (names RevCol = S!$B:$B, FebRow = S!$3:$3, or
    # typed B:B 4:4) gave #REF! or #VALUE!, status ok; Excel gives the cell where they cross.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for r, row in enumerate([("Month", "Revenue", "Costs"), ("Jan", 100, 60), ("Feb", 120, 70), ("Mar", 130, 75)], 1):
        for c, value in enumerate(row, 1):
            sheet.cell(r, c, value)
    book.defined_names["RevCol"] = DefinedName("RevCol", attr_text="S!$B:$B")
    book.defined_names["FebRow"] = DefinedName("FebRow", attr_text="S!$3:$3")
    formulas = {
        "E1": "=RevCol FebRow",
        "E2": '=A:A 2:2&""&B:B 3:3',
        "E3": "=B:B 4:4-C:C 4:4",
        "E4": "=SUM(B:C 2:3)",
        "E5": "=A:A 1:1",
        "E6": "=SUM(RevCol)",  # the name alone: still the whole column
    }
    for ref, formula in formulas.items():
        sheet[ref] = formula
    source = tmp_path / "book.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    got = _values(tmp_path / "out.xlsx", list(formulas))
    assert got == {"E1": 120, "E2": "Jan120", "E3": 55, "E4": 350, "E5": "Month", "E6": 350}
    assert result.status == "ok" and result.unsupported == [] and result.errors == []


def test_indirect_of_a_sheets_own_name_qualified_by_the_sheet(tmp_path: Path) -> None:
    # H20 g05: monthly tabs, each with its own name Total (Move or Copy makes such local duplicates); a summary's
    # INDIRECT(A1&"!Total") gave #REF! (status ok) where Excel reads the tab's Total, as =Jan!Total does.
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Summary"
    for name, mrr in (("Jan", 100), ("Feb 2026", 120)):
        tab = book.create_sheet(name)
        tab["B1"], tab["B2"] = mrr, mrr / 10
        quoted = f"'{name}'" if " " in name else name
        tab.defined_names["Total"] = DefinedName("Total", attr_text=f"{quoted}!$B$1")
    summary["A1"], summary["A2"], summary["A3"] = "Jan", "Feb 2026", "Jan!B2"
    formulas = {
        "B1": '=INDIRECT(A1&"!Total")',
        "B2": '=INDIRECT("\'"&A2&"\'!Total")',
        "B3": "=Jan!Total",
        "B4": '=INDIRECT("jan!TOTAL")*2',
        "B5": "=INDIRECT(A3)",  # a reference's text: as before
    }
    for ref, formula in formulas.items():
        summary[ref] = formula
    source = tmp_path / "book.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Summary"]
    assert {ref: out[ref].value for ref in formulas} == {"B1": 100, "B2": 120, "B3": 100, "B4": 200, "B5": 10}
    assert result.status == "ok" and result.unsupported == [] and result.errors == []


def test_a_union_of_references_in_index_and_in_functions_of_many_references(tmp_path: Path) -> None:
    # H20 g01: the union operator (A1:A3,C1:C3): INDEX's area_num picks an area (Microsoft's INDEX, reference form),
    # COUNT and the like count every area; INDEX gave #VALUE! and COUNT 0, status ok. A function of one array given
    # a union (LARGE) was listed, its stored value kept; it is computed now (E10: its stored 30 is also the answer).
    cells: dict[str, object] = {"A1": 1, "A2": 2, "A3": 3, "C1": 10, "C2": 20, "C3": 30, "G1": 2, "G2": 5}
    formulas = {
        "E1": "=INDEX((A1:A3,C1:C3),2,1,2)",
        "E2": "=COUNT((A1:A3,C1))",
        "E3": "=INDEX((A1:A3,C1:C3),3,1,1)",
        "E4": "=INDEX((A1:A3,C1:C3),3,1)",  # area 1 when left out
        "E5": "=INDEX((A1:A3,C1:C3),1,1,G1)*2",  # area from a cell: C1
        "E6": "=SUM((A1:A3,C1:C3))+MAX((A1,C2))",
        "E7": "=SUBTOTAL(9,(A2:A3,C2:C3))",
        "E8": "=_xlfn.AGGREGATE(9,6,(A1:A3,C3))",
        "E9": "=INDEX((A1:A3,C1:C3),1,1,G2)",  # no fifth area: #REF!
        "E10": "=LARGE((A1:A3,C1:C3),1)",
    }
    source = _book(tmp_path, {**cells, **formulas}, {"E10": 30})
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    got = _values(tmp_path / "out.xlsx", list(formulas))
    assert got == {
        "E1": 20,
        "E2": 4,
        "E3": 3,
        "E4": 3,
        "E5": 20,
        "E6": 86,
        "E7": 55,
        "E8": 36,
        "E9": "#REF!",
        "E10": 30,
    }
    assert result.unsupported == []  # LARGE of a union: computed since (H223's finding 05), no longer kept as stored


def test_a_name_of_several_areas_is_their_union(tmp_path: Path) -> None:
    # H20 g01 (sibling): a name of several areas (ranges Ctrl-selected, then named): COUNT(Blocks) was 0 and
    # INDEX(Blocks,2,1,2) #VALUE! with status ok; SUM, AVERAGE and COUNTA were listed.
    cells: dict[str, object] = {"A1": 1, "A2": 2, "A3": 3, "C1": 10, "C2": 20, "C3": 30}
    formulas = {
        "E1": "=COUNT(Blocks)",
        "E2": "=INDEX(Blocks,2,1,2)",
        "E3": "=SUM(Blocks)",
        "E4": "=AVERAGE(Inputs)",
        "E5": "=SUM(Inputs)*2",
        "E6": "=COUNTA(Inputs)",
        "E7": "=MAX(Blocks)",
    }
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {**cells, **formulas}.items():
        sheet[ref] = value
    book.defined_names["Blocks"] = DefinedName("Blocks", attr_text="S!$A$1:$A$3,S!$C$1:$C$3")
    book.defined_names["Inputs"] = DefinedName("Inputs", attr_text="S!$A$1,S!$C$2,S!$A$3")
    source = tmp_path / "book.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    got = _values(tmp_path / "out.xlsx", list(formulas))
    assert got == {"E1": 6, "E2": 20, "E3": 66, "E4": 8, "E5": 48, "E6": 3, "E7": 30}
    assert result.status == "ok" and result.unsupported == [] and result.errors == []


def test_arrays_of_different_sizes_are_padded_with_na_as_excel_pads_them(tmp_path: Path) -> None:
    # H20 g06: an operator between arrays of different sizes is applied over the larger one, the smaller one's missing
    # elements #N/A (MRR of three months over customers of two): the engine made the whole result one #VALUE!,
    # which IFERROR turned into 0 everywhere, status ok.
    from openpyxl.worksheet.formula import ArrayFormula

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {"A1": 1000, "A2": 2400, "A3": 30, "B1": 10, "B2": 20}.items():
        sheet[ref] = value
    formulas = {
        "D1": "=SUM(IFERROR(A1:A3/B1:B2,0))",
        "D2": "=SUMPRODUCT(IFERROR(A1:A3+B1:B2,0))",
        "D3": "=COUNT(A1:A3/B1:B2)",
        "D4": "=ISNA(INDEX(A1:A3*{1;2},3))",
        "D5": "=SUM(A1:A3*{1;1;1})",  # one size: as before
        "D7": "=SUM(IFERROR(IF(A1:A3>0,B1:B2),0))",  # IF's arguments stretch together: {10;20;#N/A}
        "D8": "=COUNT(IF(A1:A3>0,B1:B2))",
        "D9": "=SUM(IFERROR(A1:A3&B1:B2,0)*0+1)",  # & too: three elements
    }
    for ref, formula in formulas.items():
        sheet[ref] = ArrayFormula(ref, formula)
    sheet["D6"] = "=SUMPRODUCT(IFERROR(A1:A3/B1:B2,0))"  # SUMPRODUCT evaluates arrays in a classic formula too
    source = tmp_path / "book.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    got = _values(tmp_path / "out.xlsx", [*formulas, "D6"])
    assert got == {"D1": 220, "D2": 3430, "D3": 2, "D4": True, "D5": 3430, "D6": 220, "D7": 30, "D8": 2, "D9": 3}
    assert result.status == "ok" and result.unsupported == []


def test_indirect_of_a_text_that_names_no_reference_is_ref(tmp_path: Path) -> None:
    # H20 g11: Microsoft's INDIRECT page: "If ref_text is not a valid cell reference, INDIRECT returns the #REF!
    # error value"; the engine gave #NAME?, #VALUE! or a value. A text built bottom-up is read by its corners.
    cells: dict[str, object] = {"A1": 1, "A2": 2, "A3": 3, "C1": "A3"}
    formulas = {
        "D1": '=INDIRECT("A0")',
        "D2": "=INDIRECT(B1)",  # an empty cell
        "D3": '=INDIRECT("1:A")',
        "D4": '=ERROR.TYPE(INDIRECT("A0"))',
        "D5": '=IF(ISREF(INDIRECT("A0")),"ref","not a ref")',
        "D6": '=SUM(INDIRECT(C1&":A1"))',  # A3:A1 computed: A1:A3
        "D7": '=INDIRECT("A2")*2',
    }
    source = _book(tmp_path, {**cells, **formulas})
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    got = _values(tmp_path / "out.xlsx", list(formulas))
    assert got == {"D1": "#REF!", "D2": "#REF!", "D3": "#REF!", "D4": 4, "D5": "not a ref", "D6": 6, "D7": 4}
    assert result.unsupported == []
