"""Table columns whose headers hold Excel's special characters (Microsoft, "Using structured references with Excel
tables": space, tab, line feed, carriage return, , : . [ ] # ' " { } $ ^ & * + = - > < /; a ' goes before [ ] # '
in a reference) are the columns they name in every form of reference; a reference naming a column the table does not
have (``Subs[[End'']]``: a column "End'", where the header is "End's", ``[End''s]``) is #REF! with a reason naming
the column and the table's columns as a reference writes them (H173's finding 10: an empty reason)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table as SheetTable

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.package import Table
from xl_retention.recalculation.structured_references import _structured, escaped_structured, structured_spans

_HEADERS = ["A[b", "A]b", "x#y", "End's", "tab\tcol", "a,b", "a:b", "a.b", 'say "hi"', "{b}", "$", "a^b", "a&b",
            "a*b", "a+b", "a=b", "a-b", "a>b", "a<b", "a/b", "Line\nbreak"]  # fmt: skip
_WRITTEN = ["A'[b", "A']b", "x'#y", "End''s", "tab\tcol", "a,b", "a:b", "a.b", 'say "hi"', "{b}", "$", "a^b", "a&b",
            "a*b", "a+b", "a=b", "a-b", "a>b", "a<b", "a/b", "Line\nbreak"]  # fmt: skip


def _table() -> Table:
    return Table("H", "T", "A1:U4", [h.replace("\t", " ") for h in _HEADERS])  # XML reads a literal tab as a space


@pytest.mark.parametrize(("column", "written"), list(enumerate(_WRITTEN)))
def test_each_special_header_in_each_form(column: int, written: str) -> None:
    letter = openpyxl.utils.get_column_letter(column + 1)
    tables = {"h": _table()}
    assert _structured(f"H[[{written}]]", tables, "X", 1, 1) == f"'T'!${letter}$2:${letter}$4"
    assert _structured(f"H[[#This Row],[{written}]]", tables, "T", 3, 22) == f"'T'!${letter}$3"
    assert _structured(f"H[@[{written}]]", tables, "T", 3, 22) == f"'T'!${letter}$3"
    assert _structured(f"[@[{written}]]", tables, "T", 4, 2) == f"'T'!${letter}$4"
    assert _structured(f"H[[#Headers],[{written}]]", tables, "X", 1, 1) == f"'T'!${letter}$1"
    assert _structured(f"H[[{written}]:[a/b]]", tables, "X", 1, 1) in (
        f"'T'!${letter}$2:$T$4",
        f"'T'!$T$2:${letter}$4",
    )


def test_escaped_brackets_read_without_the_tokenizer() -> None:
    tables = [_table()]
    text = "=SUM(H[[A'[b]])+H[@[A']b]]&\"H[[A'[b]]\"+[1]Data!A1"
    assert structured_spans(text, {"h"}) == [(5, 14), (16, 26)]
    assert escaped_structured(text, tables, "T", 3, 22) == "=SUM('T'!$A$2:$A$4)+'T'!$B$3&\"H[[A'[b]]\"+[1]Data!A1"
    assert escaped_structured("=SUM(H[[A'[b]:[x'#y]])", tables, "X", 1, 1) == "=SUM('T'!$A$2:$C$4)"
    assert escaped_structured("=SUM(H[[A'[c]])", tables, "X", 1, 1) == "=SUM(#REF!)"
    assert escaped_structured("=SUM(H[[a.b]])", tables, "X", 1, 1) == "=SUM(H[[a.b]])"  # the rewrite reads it
    assert escaped_structured("=SUM(T!H[[A'[b]])", tables, "X", 1, 1) == "=SUM(T!H[[A'[b]])"  # not ours: the engine's


def _workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "T"
    sheet.append(["Start #", "Gained", "End's", "tab\tcol", "Lost"])
    for row in ([500, 75, 535, 2], [535, 40, 550, 4], [550, 20, 548, 6]):
        sheet.append([*row, "=[@[Start '#]]+Subs[[#This Row],[Gained]]-Subs[@[End''s]]"])
    sheet.add_table(SheetTable(displayName="Subs", ref="A1:E4"))
    sheet["G1"] = "=SUM(Subs[[End''s]])"
    sheet["G2"] = "=SUM(Subs[[Gained]:[End''s]])"
    sheet["G3"] = "=SUM(Subs[Lost])"
    sheet["G4"] = "=SUM(Subs[[tab\tcol]])"
    sheet["G5"] = "=SUM(Subs[[End'']])"  # a column "End'": none
    sheet["G6"] = "=G5+1"
    book.save(path)


def test_apostrophe_and_tab_headers_recalc(tmp_path: Path) -> None:
    _workbook(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["T"]
    assert [out[f"E{r}"].value for r in (2, 3, 4)] == [40, 25, 22]
    assert [out[f"G{r}"].value for r in range(1, 7)] == [1633, 1768, 87, 12, "#REF!", "#REF!"]
    reasons = {e.address: e.reason for e in result.errors}
    assert reasons["T!G5"] == (
        "T!G5: Subs[[End'']] names the column \"End'\" ([End'']), which table Subs does not have (its columns, as a "
        "reference writes them: [Start '#], [Gained], [End''s], [tab\\tcol], [Lost]; a ' goes before [ ] # ' in a "
        "column's name): write the column's name again in the formula (#REF!)"
    )
    assert reasons["T!G6"].startswith("T!G5: Subs[[End'']] names the column")


def test_a_name_over_an_escaped_column(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "T"
    sheet.append(["A]b", "A[b"])
    for row in ([1, 4], [2, 5], [3, 6]):
        sheet.append(row)
    sheet.add_table(SheetTable(displayName="H", ref="A1:B4"))
    book.defined_names["Brackets"] = DefinedName("Brackets", attr_text="SUM(H[[A'[b]])+SUM(H[[A']b]])")
    sheet["D1"] = "=Brackets*2"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["T"]["D1"].value == 42
