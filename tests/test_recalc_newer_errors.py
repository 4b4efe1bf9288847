"""Excel 365's newer error values in a user's cells, and UNICHAR of a partial surrogate (H21).

A cell holding #FIELD!, #CONNECT!, #BLOCKED!, #UNKNOWN!, #GETTING_DATA, #PYTHON! or #BUSY! as its value (a linked data
type's field that is gone, a failed refresh, Python in Excel) was read by the embedded engine as #VALUE!: ``=A1`` was
written #VALUE! and ``ERROR.TYPE(A1)`` 3, with status ok. Excel passes an error on unchanged, and ERROR.TYPE gives its
own numbers (Microsoft's ERROR.TYPE page: #GETTING_DATA 8; #CONNECT! 10, #BLOCKED! 11, #UNKNOWN! 12, #FIELD! 13).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def _recalc(tmp_path: Path, errors: dict[str, str], formulas: dict[str, str]) -> tuple[object, dict[str, object]]:
    """Sheet S with ``errors`` as error values (``<c t="e">``, as Excel stores them) and ``formulas``: the report
    and the written values."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, code in errors.items():
        sheet[ref] = code
        sheet[ref].data_type = "e"  # openpyxl knows only the seven classic codes
    for ref, formula in formulas.items():
        sheet[ref] = formula
    source = tmp_path / "book.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    return result, {ref: out[ref].value for ref in formulas}


def test_a_newer_error_value_passes_on_unchanged_and_error_type_gives_excels_number(tmp_path: Path) -> None:
    formulas = {
        "B1": "=A1",
        "B2": "=A1+1",
        "B3": "=ERROR.TYPE(A1)",
        "B4": '=IFERROR(A1,"ok")',
        "B5": "=ISERR(A1)",
        "B6": "=ISNA(A1)",
        "B7": '=IF(ERROR.TYPE(A1)=13,"field gone","other")',
        "B8": "=SUM(A1,2)",
        "B9": "=TYPE(A1)",
        "B10": "=A2",  # a classic error beside it keeps its own code
    }
    result, values = _recalc(tmp_path, {"A1": "#FIELD!", "A2": "#DIV/0!"}, formulas)
    assert result.status == "ok", result.message
    assert list(values.values()) == [
        "#FIELD!",
        "#FIELD!",
        13,
        "ok",
        True,
        False,
        "field gone",
        "#FIELD!",
        16,
        "#DIV/0!",
    ]


def test_each_newer_error_value_of_a_workbook_is_the_one_its_formulas_read(tmp_path: Path) -> None:
    # several newer codes: each formula gives the one it reads, ERROR.TYPE its number (also in a formula reading the
    # ERROR.TYPE cell); one reading two codes gives the first (test_the_first_newer_error_value_a_formula_meets_..),
    # ERROR.TYPE of two codes is listed naming them (the engine holds them alike), never #VALUE! with status ok
    errors = {"A1": "#FIELD!", "A2": "#CONNECT!", "A3": "#GETTING_DATA", "A4": "#PYTHON!"}
    formulas = {
        "B1": "=A1",
        "B2": "=A2*2",
        "B3": "=B2",
        "B4": "=A3",
        "B5": "=IFERROR(A1,1)+IFERROR(A2,2)",
        "B6": "=ISERROR(A3)",
        "B7": "=ERROR.TYPE(A2)",
        "B8": "=ERROR.TYPE(B3)*100+ERROR.TYPE(A3)",
        "B9": "=B7+1",
        "B10": "=A4",
        "C1": "=A1&A2",
        "C2": "=ERROR.TYPE(A1)+ERROR.TYPE(A2)",
        "C3": "=ERROR.TYPE(A4)",
    }
    result, values = _recalc(tmp_path, errors, formulas)
    assert [values[f"B{row}"] for row in range(1, 11)] == [
        "#FIELD!",
        "#CONNECT!",
        "#CONNECT!",
        "#GETTING_DATA",
        3,
        True,
        10,
        None,  # B8 reads two codes through two ERROR.TYPE: listed below (no value stored), never a wrong number
        11,
        "#PYTHON!",
    ]
    listed = {u.address: u.reason for u in result.unsupported}
    assert set(listed) == {"S!B8", "S!C2", "S!C3"}
    assert values["C1"] == "#FIELD!"  # =A1&A2: A1's
    together = "(#CONNECT!, #FIELD!, #GETTING_DATA, #PYTHON!): the embedded engine cannot tell them apart"
    assert together in listed["S!C2"]
    assert listed["S!C3"].endswith("and does not know Excel's number of #PYTHON!")


def test_the_first_newer_error_value_a_formula_meets_is_its_value(tmp_path: Path) -> None:
    # Excel passes on the first error of a formula in its order of evaluation (=A1&A2 is A1's, =A2&A1 A2's, SUM of a
    # range its first cell's), as the engine does with the classic codes (=NA()+1/0 is #N/A): a cell reading two
    # newer codes was listed as the engine holds them alike; the engine now tells which one it met first
    errors = {"A1": "#FIELD!", "A2": "#CONNECT!", "A3": "#GETTING_DATA", "A4": "#PYTHON!"}
    formulas = {
        "C1": "=A2&A1",
        "C2": "=SUM(A1:A4)",
        "C3": "=C1",  # through another cell
        "C4": "=IF(ISNA(A3),A1,A2)",  # #GETTING_DATA is no #N/A: A2's
        "C5": "=SUM(A4,A2)",
        "C6": "=_xlfn.IFNA(A1&A2,1)",
        "C7": "=IFERROR(ERROR.TYPE(A1&A2),A3)",  # ERROR.TYPE tells them apart: listed, as a cell reading it
        "C8": "=C7",
    }
    result, values = _recalc(tmp_path, errors, formulas)
    assert [values[f"C{row}"] for row in range(1, 7)] == [
        "#CONNECT!",
        "#FIELD!",
        "#CONNECT!",
        "#CONNECT!",
        "#PYTHON!",
        "#FIELD!",
    ]
    listed = {u.address: u.reason for u in result.unsupported}
    assert set(listed) == {"S!C7", "S!C8"}
    assert "#CONNECT! and #FIELD! and #GETTING_DATA" in listed["S!C7"]


def test_error_type_of_a_newer_error_without_a_documented_number_is_listed(tmp_path: Path) -> None:
    result, values = _recalc(tmp_path, {"A1": "#PYTHON!"}, {"B1": "=A1", "B2": "=ERROR.TYPE(A1)"})
    assert values["B1"] == "#PYTHON!"
    assert [(u.address, u.reason) for u in result.unsupported] == [
        ("S!B2", "Excel's ERROR.TYPE number of #PYTHON! is not known to the embedded engine")
    ]


def test_unichar_of_a_partial_surrogate_is_na(tmp_path: Path) -> None:
    # Microsoft's UNICHAR page: "If Unicode numbers are partial surrogates ..., UNICHAR returns the #N/A error value";
    # 0 and beyond U+10FFFF #VALUE!. The engine gave #VALUE! for 55296..57343, so IFNA did not catch them.
    book = {"A1": 55296, "A2": 57343, "A3": 0, "A4": 1114112, "A5": 66, "A6": 55295}
    formulas = {f"B{r}": f"=_xlfn.UNICHAR(A{r})" for r in range(1, 7)}
    formulas["C1"] = '=_xlfn.IFNA(_xlfn.UNICHAR(A1),"surrogate")'
    formulas["C2"] = "=SUMPRODUCT(--ISNA(_xlfn.UNICHAR(A1:A6)))"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "S"
    for ref, value in {**book, **formulas}.items():
        sheet[ref] = value
    workbook.save(tmp_path / "u.xlsx")
    result = recalc_file(tmp_path / "u.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    got = [out[ref].value for ref in formulas]
    assert got == ["#N/A", "#N/A", "#VALUE!", "#VALUE!", "B", "\ud7ff", "surrogate", 2]


def test_a_call_of_our_function_missing_an_argument_says_which(tmp_path: Path) -> None:
    # =CRR(535,75): the engine refuses the call itself (#VALUE!, CRR never called), and the report listed the cell with
    # an empty reason; now the reason names the argument missing, also for a call inside another and a cell reading
    # it, and too many arguments are said as such. An empty argument is a blank one (the core's own reason).
    formulas = {
        "B1": "=CRR(535,75)",
        "B2": "=ROUND(CRR(535),2)",
        "B3": "=B1",
        "B4": "=CRR(535,75,500,1)",
        "B5": "=CRR(535,,500)",
    }
    result, values = _recalc(tmp_path, {}, formulas)
    assert list(values.values()) == ["#VALUE!"] * 5
    reasons = {issue.address: issue.reason for issue in result.errors}
    takes = "(CRR takes customers_end, customers_gained, customers_start;"
    assert reasons == {
        "S!B1": f"CRR: customers_start is missing {takes} 2 given) (#VALUE!)",
        "S!B2": f"CRR: customers_gained, customers_start are missing {takes} 1 given) (#VALUE!)",
        "S!B3": f"CRR: customers_start is missing {takes} 2 given) (#VALUE!), from S!B1",
        "S!B4": "CRR: 4 arguments given, it takes at most 3 (customers_end, customers_gained, customers_start)"
        " (#VALUE!)",
        "S!B5": "CRR: customers_gained blank while other inputs are not (#VALUE!)",
    }


def test_a_kept_formula_holding_a_newer_error_passes_it_on(tmp_path: Path) -> None:
    # WEBSERVICE (which the embedded engine lacks) keeps the value Excel stored, #BLOCKED!: the cells reading it gave
    # #VALUE! and ERROR.TYPE 3 with status ok; Excel passes #BLOCKED! on and ERROR.TYPE is 11
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"] = '=_xlfn.WEBSERVICE("http://example.com")'
    sheet["B1"] = "=A1"
    sheet["C1"] = "=ERROR.TYPE(A1)"
    book.save(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    start = xml.index('<c r="A1">')
    end = xml.index("</c>", start) + len("</c>")
    formula = xml[start:end].split("<f>")[1].split("</f>")[0]
    parts["xl/worksheets/sheet1.xml"] = (
        xml[:start] + f'<c r="A1" t="e"><f>{formula}</f><v>#BLOCKED!</v></c>' + xml[end:]
    ).encode()
    with zipfile.ZipFile(tmp_path / "book.xlsx", "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert [(u.address, u.kept) for u in result.unsupported] == [("S!A1", True)]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("A1", "B1", "C1")] == ["#BLOCKED!", "#BLOCKED!", 11]
