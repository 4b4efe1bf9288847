"""recalc: defined names spelling their sheet in other capitals than the tab (``data!$A$1:$A$3`` for Data, as a
program writes the name it was given). Excel matches sheet names without regard to case; the embedded engine gave
#NAME? (SUM of the name, the name*2), ROWS 1, status ok. Now the names are read as Excel writes them."""

import openpyxl
from one_sheet import recalc_sheet
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.sheet_case import respelled


def test_names_over_the_sheet_in_other_capitals(tmp_path):
    cells = {"A1": 10, "A2": 20, "A3": 30, "B1": "=SUM(Amt)", "B2": "=One*2", "B3": "=ROWS(Amt)",
             "B4": "=SUM(AmtQ)", "B5": "=SUM(Whole)", "B6": "=Dyn"}  # fmt: skip
    names = {"Amt": "s!$A$1:$A$3", "AmtQ": "'s'!$A$1:$A$3", "One": "s!$A$2", "Whole": "s!$A:$A",
             "Dyn": "SUM(s!$A$1:$A$3)*2"}  # fmt: skip
    result, values = recalc_sheet(tmp_path, cells, names)
    assert result.status == "ok", result.message
    assert [values[f"B{r}"] for r in range(1, 7)] == [60, 40, 3, 60, 60, 120]


def test_a_name_over_a_sheet_named_in_another_script_in_capitals(tmp_path):
    book = openpyxl.Workbook()
    data = book.active
    data.title = "Übersicht"
    out = book.create_sheet("Out")
    for r in range(1, 4):
        data[f"A{r}"] = r * 5
    book.defined_names["Menge"] = DefinedName("Menge", attr_text="ÜBERSICHT!$A$1:$A$3")
    data.defined_names["Eins"] = DefinedName("Eins", attr_text="übersicht!$A$3")  # a sheet's own name
    out["A1"], out["A2"], out["A3"] = "=SUM(Menge)", "=ROWS(Menge)", "=Übersicht!Eins*2"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    got = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Out"]
    assert [got["A1"].value, got["A2"].value, got["A3"].value] == [30, 3, 30]


def test_respelled_leaves_texts_other_workbooks_and_unknown_sheets():
    titles = ["Data", "Data2", "My Sheet"]
    assert respelled('data!A1&"data!A1"&[1]data!A1&Nope!A1', titles) == 'Data!A1&"data!A1"&[1]data!A1&Nope!A1'
    assert respelled("'MY SHEET'!A1+DATA:data2!B1+'Data'!C1", titles) == "'My Sheet'!A1+Data:Data2!B1+Data!C1"


def test_formulas_naming_the_sheet_in_other_capitals_are_read_as_the_tab(tmp_path):
    """SUBTOTAL(109, data!A1:A3) over a hidden row 2 of the tab Data added the hidden row (60 for 40): the hidden
    rows were looked up under the formula's spelling; the same for a name of the sheet's own and a 3-D end."""
    book = openpyxl.Workbook()
    data = book.active
    data.title = "Data"
    second = book.create_sheet("Data2")
    out = book.create_sheet("Out")
    for r in range(1, 4):
        data[f"A{r}"], second[f"A{r}"] = r * 10, r
    data.row_dimensions[2].hidden = True
    out["A1"], out["A2"] = "=SUBTOTAL(109,data!A1:A3)", "=SUBTOTAL(109,'DATA'!A1:A3)"
    out["A3"], out["A4"] = "=SUBTOTAL(9,DATA!A1:A3)", "=SUM(data:DATA2!A3)"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    got = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Out"]
    assert [got[f"A{r}"].value for r in range(1, 5)] == [40, 40, 60, 33]


def test_tabs_strasse_and_strasse_with_sharp_s_stay_two_sheets(tmp_path):
    """Tabs Strasse (A1 1) and Straße (A1 2): a name =Strasse!$A$1 was read from Straße (str.casefold makes 'ß'
    'ss'; the last tab won), status ok. Excel's match ignores simple case only: they are two sheets."""
    book = openpyxl.Workbook()
    out = book.active
    out.title = "Main"
    book.create_sheet("Strasse")["A1"] = 1
    book.create_sheet("Straße")["A1"] = 2
    book.defined_names["Wert"] = DefinedName("Wert", attr_text="Strasse!$A$1")
    book.defined_names["Gross"] = DefinedName("Gross", attr_text="STRASSE!$A$1")
    book.defined_names["Klein"] = DefinedName("Klein", attr_text="straße!$A$1")
    out["A1"], out["A2"], out["A3"], out["A4"] = "=Wert", "=Gross", "=Klein", "=STRAßE!A1*10"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    got = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Main"]
    assert [got[f"A{r}"].value for r in range(1, 5)] == [1, 1, 2, 20]
    titles = ["Strasse", "Straße", "ﬁle", "File"]
    assert respelled("strasse!A1+STRASSE!A2+ﬁle!A3+FILE!A4", titles) == "Strasse!A1+Strasse!A2+ﬁle!A3+File!A4"
