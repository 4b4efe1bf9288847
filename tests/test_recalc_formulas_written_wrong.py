"""H556's finding 02: formulas a script wrote as no Excel reads them from a file (a German or French Excel's ';',
a decimal comma, a parenthesis or a text left open, an operator without its operand, an unquoted sheet name holding a
space) were listed as "the embedded engine cannot compute this formula" (the unquoted sheet as an intersection the
engine cannot compute), which sent the user to an Excel that cannot read them either. Each now says what is wrong and
how a file writes it; the file stays `incomplete`. Formulas Excel reads (an array constant's ';', an intersection,
ROUND(1,5)) are computed as before."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import sheet_book

from xl_retention import recalc

CANNOT = "no Excel reads it from a file (it removes the formula when it opens the file)"
WRONG = {
    "B1": ("=SUM(A1:A3", "parenthesis left open", f"a parenthesis is left open (1 without its ')'): {CANNOT}"),
    "B2": ("=A1+", "operator without operand", f"the formula ends with the operator + and nothing after it: {CANNOT}"),
    "B3": (
        "=IF(A1>0;SUM(A1;A2);0)",
        "';' separator",
        f"';' between arguments, as a German or French Excel shows them: a file holds ',' (write "
        f"=IF(A1>0,SUM(A1,A2),0)); {CANNOT}",
    ),
    "B4": ('="unterminated', "text left open", f'a text is left open (a " without its closing "): {CANNOT}'),
    "B5": ("=1,5*2", "decimal comma", f"a decimal comma (1,5): a file holds a point (1.5); {CANNOT}"),
    "B6": (
        "=VLOOKUP(A1,Sheet 2!A:B,2,0)",
        "unquoted sheet name",
        f"the sheet name Sheet 2 holds a space: write it 'Sheet 2'!A:B; {CANNOT}",
    ),
}
WRONG |= {  # H567's finding 01: the tokenizer's other refusals told apart, not all "a text left open"
    "B7": ("=SUM(Table1[Sales)", "bracket left open",
           f"a '[' is left open (a table's column without its ']'): {CANNOT}"),
    "B8": ("='Sheet 2'!A1+'Sheet 2!A1", "sheet name left open",
           f"a sheet name's quote is left open (a ' without its closing '): {CANNOT}"),
    "B9": ("={1,2", "brace left open",
           f"an array constant's brace is left open (a '{{' without its '}}'): {CANNOT}"),
}  # fmt: skip
RIGHT = {"C1": ("=SUM({1;2;3})", 6), "C2": ("=SUM(A1:A3 A2:B2)", 2), "C3": ("=ROUND(1.25,1)*2", 2.6)}


def test_formulas_no_excel_reads_say_what_is_wrong_and_the_others_compute(tmp_path: Path) -> None:
    book = sheet_book({"A1": 1, "A2": 2, "A3": 3, **{ref: text for ref, (text, *_) in {**WRONG, **RIGHT}.items()}})
    other = book.create_sheet("Sheet 2")
    other["A1"], other["B1"] = 1, 5
    book.save(tmp_path / "book.xlsx")
    report = recalc([tmp_path / "book.xlsx"], engine="embedded", output_dir=tmp_path / "out").files[0]
    assert report.status == "incomplete"
    listed = {issue.address: (issue.function, issue.reason) for issue in report.unsupported}
    assert listed == {f"S!{ref}": (what, reason) for ref, (_, what, reason) in WRONG.items()}
    values = openpyxl.load_workbook(tmp_path / "out" / "book.xlsx", data_only=True)["S"]
    assert {ref: values[ref].value for ref in RIGHT} == {ref: value for ref, (_, value) in RIGHT.items()}
