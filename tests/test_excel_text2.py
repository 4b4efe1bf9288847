"""Text, arithmetic, array and date values the embedded engine computed unlike Excel (H2, H3, H7 findings).

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine (``recalc_file``) and
reads the stored values back; the expected values are Excel's documented ones.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula
from test_excel_text_coercion import _recalculated  # the values of sheet S after recalculating ``cells``

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.excel_functions.number_texts import rewrite_number_texts


def test_formatted_number_text_cells_are_numbers_in_arithmetic(tmp_path: Path) -> None:
    # Excel reads text in arithmetic as a typed entry (en-US): "1,234.00" is 1234, "$1,200" 1200, "(50)" -50 ("Convert
    # numbers stored as text to numbers": multiply by 1, or --). The engine gave #VALUE!, which IFERROR and ISNUMBER
    # turned into "bad" and FALSE. Functions of one number read them so too; SUM of the range leaves text out.
    got = _recalculated(
        tmp_path,
        {
            "A1": "1,234.00",  # "1,234" alone is 1.234 to a decimal-comma Excel: listed as locale (H201 finding 10)
            "A2": "$1,200",
            "A3": "(50)",
            "A4": "5%",
            "A5": "abc",
            "A6": "12",
            "B1": "=A1*1",
            "B2": "=A2+0",
            "B3": "=--A3",
            "B4": '=IFERROR(A1*1,"bad")',
            "B5": "=ISNUMBER(A2*1)",
            "B6": "=SUMPRODUCT(A1:A3*1)",
            "B7": "=ROUND(A1,-2)",
            "B8": "=ABS(A3)",
            "B9": "=INT(A2)",
            "B10": "=MOD(A1,1000)",
            "B11": "=ROUNDUP(A2/7,0)",
            "B12": "=A6+A1",
            "B13": "=A1%",
            "B14": "=A1^1-A3",
            # text stays text where Excel keeps it
            "C1": "=SUM(A1:A3)",
            "C2": "=ISTEXT(A1)",
            "C3": '=A1&"!"',
            "C4": "=LEN(A2)",
            "C5": '=IFERROR(A5*1,"bad")',
            "C6": "=COUNT(A1:A6)",
            "C7": '=A1="1,234.00"',
        },
    )
    assert [got[f"B{i}"] for i in range(1, 15)] == [
        1234,
        1200,
        -50,
        1234,
        True,
        2384,
        1200,
        50,
        1200,
        234,
        172,
        1246,
        12.34,
        1284,
    ]
    assert [got[f"C{i}"] for i in range(1, 8)] == [0, True, "1,234.00!", 6, "bad", 0, True]


def test_formatted_number_text_cells_of_another_sheet_and_filled_down(tmp_path: Path) -> None:
    # a revenue column pasted as text, read from another sheet by a formula filled down (a shared formula)
    book = openpyxl.Workbook()
    data = book.active
    data.title = "Data Sheet"
    for row, text in enumerate(["$1,000.50", "(2,000.00)", "300"], start=1):
        data.cell(row, 1, text)
    report = book.create_sheet("R")
    for row in range(1, 4):
        report.cell(row, 1, f"='Data Sheet'!A{row}*2")
    report["B1"] = "=SUMPRODUCT(--'Data Sheet'!A1:A3)"
    source = tmp_path / "book.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["R"]
    assert [out[f"A{r}"].value for r in range(1, 4)] == [2001, -4000, 600]
    assert out["B1"].value == -699.5


def test_formatted_number_text_made_by_formulas_is_a_number_in_arithmetic(tmp_path: Path) -> None:
    # text a formula makes ("1,234" from TEXT or a cleaning SUBSTITUTE/TRIM) is read so too, in the cells that read
    # it and in the formula itself; a lookup returning such a cell's text as well
    got = _recalculated(
        tmp_path,
        {
            "A1": 1234,
            "A2": '=TEXT(A1,"#,##0")',
            "A3": "=A2*1",
            "A4": '=TEXT(A1,"$#,##0")+0',
            "A5": '=--SUBSTITUTE("1.234",".",",")',
            "A6": '=IFERROR(A2*1,"bad")',
            "A7": "=ROUND(A2,-2)",
            "A8": "=SUM(A2*1,1)",
            "B1": " $2,500 USD",
            "B2": '=TRIM(SUBSTITUTE(B1,"USD",""))',
            "B3": "=B2",
            "B4": "=B3/2",
            "C1": "id1",
            "D1": "(1,000.00)",  # (1,000) is -1 to a decimal-comma Excel: listed (H571)
            "C2": '=VLOOKUP("id1",C1:D1,2,0)*1',
            "C3": "=SUM(A2,B2,D1)",
            "C4": "=ISTEXT(B3)",
        },
    )
    assert [got[f"A{i}"] for i in range(2, 9)] == ["1,234", 1234, 1234, 1234, 1234, 1200, 1235]
    assert [got["B2"], got["B3"], got["B4"]] == ["$2,500", "$2,500", 1250]
    assert [got["C2"], got["C3"], got["C4"]] == [-1000, 0, True]


def test_only_references_read_as_numbers_are_rewritten() -> None:
    cells = {"S": {(1, 1), (2, 1)}}
    assert rewrite_number_texts("=A1*1+SUM(A1:A3)+ROUND(A2,-2)", "S", cells) == (
        "=_XLR.NUMBER(A1)*1+SUM(A1:A3)+ROUND(_XLR.NUMBER(A2),-2)"
    )
    assert rewrite_number_texts('=A1&"x"', "S", cells) == '=A1&"x"'
    assert rewrite_number_texts("=T!A1*1", "S", cells) == "=T!A1*1"
    assert rewrite_number_texts("=S!A1*1", "T", cells) == "=_XLR.NUMBER(S!A1)*1"
    assert rewrite_number_texts("=-A:A", "S", cells) == "=-_XLR.NUMBER(A:A)"
    assert rewrite_number_texts('="A1"*1', "S", cells) == '="A1"*1'


def test_lcm_takes_an_array_as_its_numbers(tmp_path: Path) -> None:
    # Microsoft's LCM: "Number1, number2, ... are 1 to 255 values"; an array or range gives each of its values
    # (the engine's LCM said #VALUE! to {=LCM(D2:D7+1,2)}); truncated, a negative is #NUM!, a 0 makes 0
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, value in enumerate([3, 2, 0, 4, 1, 5], start=2):
        sheet[f"D{row}"] = value
    sheet["H1"] = ArrayFormula("H1", "=LCM(D2:D7+1,2)")
    sheet["H2"] = ArrayFormula("H2", "=GCD(D2:D7*6+12,18)")
    sheet["H3"] = "=LCM(D2:D3,2.5)"
    sheet["H4"] = "=LCM({4,6},10)"
    sheet["H5"] = "=LCM(D2:D7)"
    sheet["H6"] = "=LCM(-1,2)"
    sheet["H7"] = '=LCM("4",6)'
    source = tmp_path / "book.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[f"H{r}"].value for r in range(1, 8)] == [60, 6, 6, 60, 0, "#NUM!", 12]


def test_text_general_among_literals_and_in_sections(tmp_path: Path) -> None:
    # Microsoft's "Number format codes": General may stand with text in quotes and in any section; TEXT printed the
    # word "General" ("General units", "(General)"); General beside digit placeholders stays unsupported
    got = _recalculated(
        tmp_path,
        {
            "A1": '=TEXT(5,"General"" units""")',
            "A2": '=TEXT(5,"""$""General")',
            "A3": '=TEXT(-5,"General;(General)")',
            "A4": '=TEXT(-1234.5,"General;-General")',
            "A5": '=TEXT(1234.5,"General")',
            "A6": '=TEXT(-5,"0;General")',
            "A7": '=TEXT(-2.5,"General"" months""")',
            "A8": '=TEXT(0,"General;(General);""none""")',
            "A9": '=TEXT(1/3,"""~""general")',
        },
    )
    assert list(got.values()) == [
        "5 units",
        "$5",
        "(5)",
        "-1234.5",
        "1234.5",
        "5",
        "-2.5 months",
        "none",
        "~0.333333333",
    ]


def test_text_positions_count_utf16_code_units(tmp_path: Path) -> None:
    # Excel counts a character beyond U+FFFF (an emoji) as two: LEN("🙂") is 2, and positions after it move by one
    got = _recalculated(
        tmp_path,
        {
            "A1": "\U0001f642 smile",
            "A2": "a\U0001f600b",
            "B1": "=LEN(A1)",
            "B2": '=FIND("s",A1)',
            "B3": "=MID(A1,4,5)",
            "B4": '=LEN("é")',
            "B5": "=RIGHT(A1,5)",
            "B6": '=SEARCH("b",A2)',
            "B7": "=LEFT(A2,3)",
            "B8": '=REPLACE(A2,2,2,"-")',
            "B9": "=LENB(A2)",
            "B10": '=LEN(SUBSTITUTE(A2,"a","xy"))',
            "B11": "=MID(A2,2,2)",
        },
    )
    assert [got[f"B{i}"] for i in range(1, 12)] == [
        8,
        4,
        "smile",
        1,
        "smile",
        4,
        "a\U0001f600",
        "a-b",
        4,
        5,
        "\U0001f600",
    ]


def test_xlookup_used_as_a_reference(tmp_path: Path) -> None:
    # Microsoft's XLOOKUP examples: XLOOKUP returns a reference, so it can end a range (the engine gave #REF!)
    cells: dict[str, object] = {f"A{i}": m for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May"], 1)}
    cells.update({f"B{i}": v for i, v in enumerate([100, 110, 125, 130, 150], 1)})
    cells.update({f"C{i}": 2 * v for i, v in enumerate([100, 110, 125, 130, 150], 1)})
    cells.update({f"{c}7": m for c, m in zip("BCDEF", ["Jan", "Feb", "Mar", "Apr", "May"], strict=True)})
    cells.update({f"{c}8": v for c, v in zip("BCDEF", [1, 2, 3, 4, 5], strict=True)})
    cells.update(
        {
            "H1": '=SUM(_xlfn.XLOOKUP("Feb",A1:A5,B1:B5):_xlfn.XLOOKUP("Apr",A1:A5,B1:B5))',
            "H2": '=SUM(B1:_xlfn.XLOOKUP("Mar",A1:A5,B1:B5))',
            "H3": '=ROW(_xlfn.XLOOKUP("Apr",A1:A5,B1:B5))',
            "H4": '=SUM(OFFSET(_xlfn.XLOOKUP("Mar",A1:A5,B1:B5),1,0))',
            "H5": '=CELL("address",_xlfn.XLOOKUP("Feb",A1:A5,C1:C5))',
            "H6": '=SUM(B1:_xlfn.XLOOKUP("Zz",A1:A5,B1:B5,B2))',
            "H7": '=SUM(_xlfn.XLOOKUP("Feb",A1:A5,B1:C5):_xlfn.XLOOKUP("Mar",A1:A5,B1:C5))',
            "H8": '=SUM(_xlfn.XLOOKUP("Feb",B7:F7,B8:F8):_xlfn.XLOOKUP("Apr",B7:F7,B8:F8))',
            "H9": '=SUM(B1:_xlfn.XLOOKUP("Zz",A1:A5,B1:B5))',
            "H10": '=SUM(B1:_xlfn.XLOOKUP("M*",A1:A5,B1:B5,,2,-1))',
            "H11": '=_xlfn.XLOOKUP("Feb",A1:A5,B1:B5)',
            # the same family: ISREF, COUNTA, ROWS of a range it ends, and INDIRECT at an end (was B2B4: #NAME?)
            "I1": '=ISREF(_xlfn.XLOOKUP("Mar",A1:A5,B1:B5))',
            "I2": '=COUNTA(A1:_xlfn.XLOOKUP("Mar",A1:A5,A1:A5))',
            "I3": '=ROWS(B1:_xlfn.XLOOKUP("Apr",A1:A5,B1:B5))',
            "I4": '=SUM(INDIRECT("B2"):INDIRECT("B4"))',
            "I5": '=SUM(INDEX(B1:B5,2):INDIRECT("B4"))',
            "I6": '=SUM(B1:INDIRECT("B3"))',
        }
    )
    got = _recalculated(tmp_path, cells)
    assert [got[f"H{i}"] for i in range(1, 12)] == [365, 335, 4, 130, "$C$2", 210, 705, 9, "#N/A", 615, 110]
    assert [got[f"I{i}"] for i in range(1, 7)] == [True, 3, 4, 365, 365, 335]


def test_ampersand_past_excels_text_limit_is_value_error(tmp_path: Path) -> None:
    # Excel's cells hold at most 32,767 characters; text joined with & past it is #VALUE!, as CONCAT and REPT are
    got = _recalculated(
        tmp_path,
        {
            "A1": '=REPT("a",30000)',
            "B1": '=LEN(REPT("a",30000)&REPT("b",3000))',
            "B2": '=LEN(A1&REPT("b",2767))',
            "B3": '=LEN(A1&REPT("b",2768))',
            "B4": "=ISERROR(A1&A1)",
            "B5": '=LEN(REPT("\U0001f642",16383)&"a")',
            "B6": '=LEN(REPT("\U0001f642",16383)&"ab")',
            "B7": '="n: "&A1&1/3&TRUE',
        },
    )
    assert got["B1"] == "#VALUE!"
    assert [got["B2"], got["B3"], got["B4"], got["B5"], got["B6"]] == [32767, "#VALUE!", True, 32767, "#VALUE!"]
    assert got["B7"] == "n: " + "a" * 30000 + "0.333333333333333TRUE"


def test_a_dynamic_array_spilling_over_merged_cells_is_a_spill_error(tmp_path: Path) -> None:
    # Microsoft, "How to correct a #SPILL! error": "Spill range has merged cells"; the engine spilled over them.
    # D2 =UNIQUE(B2:B6) would cover D2:D4, and D4:E4 is merged; F2 =SORT(..) spills over no merged cell
    from test_recalc_features import patch, recalculated, regions_book

    path = regions_book(tmp_path, dynamic=True)
    wb = openpyxl.load_workbook(path)
    wb["Data"].merge_cells("D4:E4")
    wb["Data"].merge_cells("J1:K1")
    wb["Data"]["H3"] = "=ISERROR(D2)"
    wb["Data"]["H4"] = "=SUM(F2:F6)"
    wb.save(path)
    patch(path, "xl/worksheets/sheet1.xml", (b'<c r="D2"', b'<c r="D2" cm="1"'), (b'<c r="F2"', b'<c r="F2" cm="1"'))
    got, file = recalculated(path)
    assert [got.get(f"D{i}") for i in range(2, 5)] == ["#SPILL!", None, None]
    assert [got[f"F{i}"] for i in range(2, 7)] == [50, 40, 30, 20, 10]
    assert (got["H2"], got["H3"], got["H4"]) == (1, True, 150)  # COUNTA(D2:D4) counts the error
    with zipfile.ZipFile(file.output) as package:
        assert b'<f t="array" ref="D2">_xlfn.UNIQUE(B2:B6)</f><v>#SPILL!</v>' in package.read(
            "xl/worksheets/sheet1.xml"
        )


def test_formatted_number_text_in_shared_strings_as_excel_saves_it(tmp_path: Path) -> None:
    # Excel keeps text in xl/sharedStrings.xml (openpyxl writes it inline): the cells are found there too
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["A3"] = "x", "y", "z"
    sheet["B1"], sheet["B2"], sheet["B3"] = "=A1*1", "=A2+A3", '=IFERROR(A1*2,"bad")'
    source = tmp_path / "book.xlsx"
    book.save(source)
    strings = ["$1,200", "note", "(50)"]
    with zipfile.ZipFile(source) as package:
        entries = {name: package.read(name) for name in package.namelist()}
    xml = entries["xl/worksheets/sheet1.xml"]
    for k, text in enumerate("xyz"):
        old = f"<is><t>{text}</t></is>".encode()
        assert old in xml
        xml = xml.replace(old, f"<v>{k}</v>".encode())
    entries["xl/worksheets/sheet1.xml"] = xml.replace(b't="inlineStr"', b't="s"')
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    entries["xl/sharedStrings.xml"] = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">'
        f"{items}</sst>"
    ).encode()
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.sharedStrings+xml"/></Types>',
    )
    rels = "xl/_rels/workbook.xml.rels"
    entries[rels] = entries[rels].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in entries.items():
            package.writestr(name, data)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out["A1"].value, out["B1"].value, out["B2"].value, out["B3"].value] == ["$1,200", 1200, "#VALUE!", 2400]


def test_value_of_a_text_date_cell_in_a_1904_workbook(tmp_path: Path) -> None:
    # Excel's DATEVALUE: the serial depends on the workbook's date system; 2024-01-15 is 43844 in the 1904 one
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = openpyxl.Workbook()
    book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["A3"], sheet["A4"] = "2024-01-15", "Jan 15, 2024", "12", "1903-05-01"
    formulas = {
        "B1": "=VALUE(A1)",
        "B2": "=MAX(TRIM(A1),1)",
        "B3": "=VALUE(A2)",
        "B4": "=SUMPRODUCT(VALUE(A1:A2))",
        "B5": "=VALUE(A3)",
        "B6": "=A1+0",
        "B7": "=VALUE(A4)",
    }
    for ref, formula in formulas.items():
        sheet[ref] = formula
    source = tmp_path / "book.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in formulas] == [43844, 43844, 43844, 87688, 12, 43844, "#VALUE!"]


def test_a_dynamic_array_spilling_in_a_table_is_a_spill_error(tmp_path: Path) -> None:
    # Excel's #SPILL! subtype Table: "Spilled array formulas aren't supported in Excel tables"; J2 =SEQUENCE(2) in the
    # table J1:K3 would spill over its empty J3 (the engine did), L2 outside any table spills
    from openpyxl.worksheet.table import Table
    from test_recalc_features import patch, recalculated

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["J1"], ws["K1"], ws["K2"], ws["K3"] = "n", "v", 1, 2
    ws["J2"] = ArrayFormula("J2:J3", "=_xlfn.SEQUENCE(2)")
    ws["L2"] = ArrayFormula("L2:L3", "=_xlfn.SEQUENCE(2)")
    ws["M1"] = "=ISERROR(J2)"
    ws.add_table(Table(displayName="Notes", ref="J1:K3"))
    path = tmp_path / "table.xlsx"
    wb.save(path)
    patch(path, "xl/worksheets/sheet1.xml", (b'<c r="J2"', b'<c r="J2" cm="1"'), (b'<c r="L2"', b'<c r="L2" cm="1"'))
    got, _ = recalculated(path)
    assert [got.get("J2"), got.get("J3"), got["L2"], got["L3"], got["M1"]] == ["#SPILL!", None, 1, 2, True]


def test_offset_with_a_negative_height_or_width_ends_at_the_offset_cell(tmp_path: Path) -> None:
    # Excel takes a negative height (width) as the rows above (columns left of) the offset cell, itself included:
    # OFFSET(B7,0,0,-3) is B5:B7, the trailing-average idiom (the engine gave #REF!)
    cells: dict[str, object] = {f"B{i}": v for i, v in enumerate([5, 4, 6, 3, 2, 4], 2)}
    cells.update(
        {
            "H1": -3,
            "H2": 3,
            "D1": "=AVERAGE(OFFSET(B7,0,0,-3))",
            "D2": "=SUM(OFFSET(B7,0,0,-2,-1))",
            "D3": "=AVERAGE(OFFSET(B2,COUNT(B2:B7)-1,0,-3))",
            "D4": "=SUM(OFFSET(B7,0,0,H1))",
            "D5": "=SUM(OFFSET(B7,0,0,-H2))",
            "D6": "=ROWS(OFFSET(B7,0,0,-3))",
            "D7": "=SUM(OFFSET(B2,0,0,COUNT(B2:B7),1))",
            "D8": "=SUM(B2:OFFSET(B7,0,0,-2))",
            "D9": "=SUM(OFFSET(B7,0,0,-10))",
            "D10": "=SUM(OFFSET(B7,0,0,-2.5))",
            "D11": "=SUMPRODUCT(OFFSET(B7,0,0,-3)*2)",
            "D12": "=COUNT(OFFSET(C7,0,0,1,-2))",
        }
    )
    got = _recalculated(tmp_path, cells)
    assert [got[f"D{i}"] for i in range(1, 13)] == [3, 6, 3, 9, 9, 3, 24, 24, "#REF!", 6, 18, 1]


def test_structured_references_to_columns_named_with_a_line_break_tab_or_spaces(tmp_path: Path) -> None:
    # Microsoft's "Using structured references with Excel tables": such headers are referenced inside an extra pair of
    # brackets; the table part stores a line break as _x000a_ (OOXML's escape); "Plan " keeps its space. Were #REF!
    from openpyxl.worksheet.table import Table, TableColumn

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Subs"
    headers = ["Customer", "MRR\n(USD)", "Plan ", "Seats\tbilled", "Units"]
    sheet.append(headers)
    for row in [("a", 100, "Pro", 3, 1), ("b", 50, "Basic", 1, 2), ("c", 200, "Pro", 5, 4)]:
        sheet.append(list(row))
    table = Table(displayName="Subs", ref="A1:E4")
    table.tableColumns = [TableColumn(id=k + 1, name=name) for k, name in enumerate(headers)]
    sheet.add_table(table)
    formulas = {
        "G1": "=SUM(Subs[[MRR\n(USD)]])",
        "G2": '=SUMIFS(Subs[[MRR\n(USD)]],Subs[[Plan ]],"Pro")',
        "G3": "=SUM(Subs[[Seats\tbilled]])",
        "G4": '=COUNTIFS(Subs[[Plan ]],"Pro")',
        "G5": "=SUM(Subs[[#Data],[Units]:[Units]])",
        "G6": "=SUM(Subs[[#Totals],[Plan ]])",
    }
    for ref, formula in formulas.items():
        sheet[ref] = formula
    source = tmp_path / "headers.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Subs"]
    assert [out[ref].value for ref in formulas] == [350, 300, 9, 2, 7, "#REF!"]


def test_irr_and_mirr_leave_out_empty_cells_text_and_logicals(tmp_path: Path) -> None:
    # Microsoft's IRR and MIRR: "If an array or reference argument contains text, logical values, or empty cells, those
    # values are ignored"; the engine took the empty month as a cash flow of 0 (IRR 0.11395 for 0.153221)
    got = _recalculated(
        tmp_path,
        {
            "A2": -1000,
            "A3": 300,
            "A5": 400,
            "A6": 500,
            "A7": 200,
            "A8": "x",
            "A9": True,
            "C1": 1,
            "C2": 2,
            "D1": "=IRR(A2:A9)",
            "D2": "=MIRR(A2:A6,10%,12%)",
            "D3": "=IRR({-1000,300,400,500,200})",
            "D4": "=IRR(A2:A7,0.3)",
            "D5": "=IRR(C1:C2)",
            "D6": "=MIRR(C1:C2,0.1,0.1)",
            "D7": "=NPV(10%,A3:A7)",
        },
    )
    assert [round(got[f"D{i}"], 6) for i in (1, 2, 3, 4)] == [0.153221, 0.098157, 0.153221, 0.153221]
    assert [got["D5"], got["D6"], round(got["D7"], 6)] == ["#NUM!", "#DIV/0!", 1115.565877]


def test_ids_holding_a_year_like_number_are_no_dates(tmp_path: Path) -> None:
    """Ids such as 'c1401' or 'INV-1800' hold a number that looks like a year before 1900 and a letter: they were
    taken for dates typed before Excel's calendar (each tried against every date form: 100,000 rows of such ids took
    40 s) and marked; they are plain text, whose arithmetic is #VALUE! in Excel and the engine alike, while a real
    date before 1900 typed as text stays #VALUE! (the engine alone would count it back from 0)."""
    from xl_retention.recalculation.excel_functions.number_text_cells import NOT_A_NUMBER, misread, text_cells

    got = _recalculated(
        tmp_path,
        {
            "A1": "c1401",
            "A2": "INV-1800",
            "A3": "12/31/1899",
            "A4": "1900/1/15",  # year first: '1/15/1900' is no date to a day-first Excel (locale)
            "B1": '=IFERROR(A1*1,"text")',
            "B2": "=ISNUMBER(A2+0)",
            "B3": '=IFERROR(A3+0,"no date")',
            "B4": "=A4+0",
            "B5": '=COUNTIF(A1:A2,"c1401")',
        },
    )
    assert [got[f"B{i}"] for i in range(1, 6)] == ["text", False, "no date", 15, 1]
    assert (misread("c1401"), misread("INV-1800"), misread("12/31/1899") is NOT_A_NUMBER) == (None, None, True)
    sheet = b"".join(b'<c r="A%d" t="inlineStr"><is><t>c%d</t></is></c>' % (r, 1000 + r) for r in range(1, 900))
    assert text_cells(sheet, {}) == set()
