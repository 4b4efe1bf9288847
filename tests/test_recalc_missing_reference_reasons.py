"""A reference to a sheet the workbook does not have (``=Data!A1*2`` left by a script renaming the sheet: openpyxl
does not rewrite formulas) is #REF! with a reason naming the sheet and the workbook's sheets, and a name defined for
other sheets only (``Rate`` of sheets A and B, used on C) is #NAME? with a reason naming where it is defined; both had
an empty reason (H173's finding 09). A name the workbook does not define keeps its own reason."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table

from xl_retention.recalculation import recalc_file


def test_a_renamed_sheets_reference_names_the_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    main = book.active
    main.title = "Main"
    data = book.create_sheet("Data")
    data["A1"] = 5
    main["A1"] = "=Data!A1*2"
    main["A2"] = "=SUM('Old data'!B1:B3)"
    main["A3"] = "=A1+1"
    main["A4"] = "='Data 2026'!A1*2"
    data.title = "Data 2026"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Main"]
    assert [out[f"A{r}"].value for r in range(1, 5)] == ["#REF!", "#REF!", "#REF!", 10]
    reasons = {e.address: e.reason for e in result.errors}
    assert reasons["Main!A1"] == (
        "Main!A1: Data!A1 names the sheet 'Data', which the workbook does not have (renamed or deleted? its sheets: "
        "Main, 'Data 2026'): write the sheet's name again in the formula, or put the sheet back (#REF!)"
    )
    assert reasons["Main!A2"].startswith("Main!A2: 'Old data'!B1:B3 names the sheet 'Old data', which the workbook")
    assert "names the sheet 'Data'" in reasons["Main!A3"]


def test_a_name_of_other_sheets_names_where_it_is_defined(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "A"
    second, third = book.create_sheet("B"), book.create_sheet("C")
    first["A1"], second["B1"] = 0.25, 0.5
    first.defined_names["Rate"] = DefinedName("Rate", attr_text="A!$A$1")
    second.defined_names["Rate"] = DefinedName("Rate", attr_text="B!$B$1")
    first["B1"] = second["C1"] = third["A1"] = "=Rate*100"
    third["A2"] = "=A!Rate*100"
    third["A3"] = "=SUM(Revenue2025)"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert [out["A"]["B1"].value, out["B"]["C1"].value, out["C"]["A1"].value, out["C"]["A2"].value] == [
        25,
        50,
        "#NAME?",
        25,
    ]
    reasons = {e.address: e.reason for e in result.errors}
    assert reasons["'C'!A1"] == (
        "'C'!A1: the name Rate is defined for the sheets A, B only, not for C: write A!Rate, or define Rate for the "
        "workbook in Formulas > Name Manager (#NAME?)"
    )
    assert "Revenue2025, which the workbook does not define" in reasons["'C'!A3"]


def test_table_references_name_the_column_table_or_row_missing(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    data = book.active
    data.title = "T"
    data.append(["Start", "End's", "Calc"])
    for row in ([1, 2], [3, 4]):
        data.append([*row, "=[@[End'']]*2"])  # "End'": no such column (End's is [End''s])
    data.add_table(Table(displayName="Subs", ref="A1:C3"))
    other = book.create_sheet("B")
    other["A1"] = "=SUM(Subz[Start])"
    other["A2"] = "=Subs[[#Totals],[Start]]"
    other["A3"] = "=SUM(Subs[Start])"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert [out["T"]["C2"].value, out["B"]["A2"].value, out["B"]["A3"].value] == ["#REF!", "#REF!", 4]
    reasons = {e.address: e.reason for e in result.errors}
    assert reasons["T!C2"].startswith(
        "T!C2: [@[End'']] names the column \"End'\" ([End'']), which table Subs does not have (its columns, as a "
        "reference writes them: [Start], [End''s], [Calc];"
    )
    assert reasons["B!A1"] == (
        "B!A1: Subz[Start] names the table 'Subz', which the workbook does not have (renamed or deleted? its tables: "
        "Subs): write the table's name again in the formula (Table Design > Table Name shows it) (#NAME?)"
    )
    assert reasons["B!A2"] == (
        "B!A2: Subs[[#Totals],[Start]] reads the totals row of table Subs, which has none (Table Design > Total Row) "
        "(#REF!)"
    )


def test_a_name_over_a_renamed_sheet_names_its_definition(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    main = book.active
    main.title = "Main"
    data = book.create_sheet("Data")
    data["A1"] = 5
    book.defined_names["Rate"] = DefinedName("Rate", attr_text="Data!$A$1")
    book.defined_names["Calc"] = DefinedName("Calc", attr_text="Data!$A$1*3")
    main["A1"], main["A2"] = "=Rate*2", "=Calc+1"
    data.title = "Data 2026"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    reasons = {e.address: e.reason for e in result.errors}
    assert reasons["Main!A2"] == (
        "Main!A2: the formula uses the name Calc, defined as Data!$A$1*3: Data!$A$1 names the sheet 'Data', which the "
        "workbook does not have (renamed or deleted? its sheets: Main, 'Data 2026'): write the sheet's name again in "
        "its definition (Formulas > Name Manager), or put the sheet back (#REF!)"
    )
    assert reasons["Main!A1"].startswith("Main!A1: the formula uses the name Rate, defined as Data!$A$1: Data!$A$1")
