"""A bare call of a name of Excel's future functions keeps the value Excel stored: the workbook's UDF (H408's F2).

Excel stores its own future functions with the prefix (``_xlfn.TRANSLATE(..)``); a bare ``=TRANSLATE(A1,"en","de")``
with a value Excel computed ('hallo') is the workbook's VBA UDF or add-in function of that name. 4ec02a3c (H396's
finding 01) made every bare call of such a name Excel's #NAME? with the _xlfn. advice: B1 'hallo' was written #NAME?
(untrue reason), B3 =LEN(B1) #NAME?, B2 =MAP(A1) blank, and =IFERROR(TRANSLATE(..),"") '' with status ok, nothing
listed (silent). The advice stays where Excel itself stored #NAME?, or where the values are XlsxWriter's
placeholder 0s or another program's (LibreOffice): none is Excel's answer.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import SHEET1, rewrite_part, sheet_book

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.unprefixed import reason

_FORMULAS = {
    "A1": "hello",
    "B1": '=TRANSLATE(A1,"en","de")',
    "B2": "=MAP(A1)",
    "B3": "=LEN(B1)",
    "B4": '=IFERROR(TRANSLATE(A1,"en","de"),"")',
    "C1": "=FORECAST.ETS(1,A2:A3,A2:A3)",
}


def _book(folder: Path, name: str, stored: dict[str, str], application: str, full_calc: bool = False) -> Path:
    """Sheet S of :data:`_FORMULAS` saved as ``name`` with ``stored`` (cell -> text; a number, an error, else a text)
    as the cached values, docProps/app.xml naming ``application``."""
    book = sheet_book(_FORMULAS)
    if full_calc:  # XlsxWriter's mark
        book.calculation.fullCalcOnLoad = True
    path = folder / name
    book.save(path)

    def cache(data: bytes) -> bytes:
        xml = data.decode()
        for ref, value in stored.items():
            kind = ' t="e"' if value.startswith("#") else "" if value.lstrip("-").isdigit() else ' t="str"'
            tag = f'<c r="{ref}"'
            start = xml.index(tag)
            end = xml.index("</c>", start)
            cell = xml[start:end].replace("<v></v>", "").replace("<v />", "").replace("<v/>", "")
            xml = xml[:start] + cell.replace(tag, tag + kind, 1) + f"<v>{value}</v>" + xml[end:]
        return xml.encode()

    rewrite_part(path, SHEET1, cache)
    app = f'<Properties xmlns="{_EXTENDED}"><Application>{application}</Application></Properties>'
    rewrite_part(path, "docProps/app.xml", lambda _: app.encode())
    return path


_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def _recalc(path: Path) -> tuple[object, dict[str, object]]:
    out = path.with_name("out_" + path.name)
    got = recalc_file(path, out, engine="embedded")
    sheet = openpyxl.load_workbook(out, data_only=True)["S"]
    return got, {ref: sheet[ref].value for ref in ("B1", "B2", "B3", "B4", "C1")}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("h411_udf")


def test_excel_computed_bare_future_name_is_the_udfs(folder: Path) -> None:
    stored = {"B1": "hallo", "B2": "7", "B3": "5", "B4": "hallo", "C1": "#NAME?"}
    got, values = _recalc(_book(folder, "excel.xlsx", stored, "Microsoft Excel"))
    assert values == {"B1": "hallo", "B2": 7, "B3": 5, "B4": "hallo", "C1": "#NAME?"}
    listed = {u.address: (u.function, u.reason) for u in got.unsupported}
    udf = (
        "TRANSLATE is not an Excel function: an add-in's, a macro's or a UDF's, which the embedded engine does not have"
    )
    assert listed["S!B1"] == ("TRANSLATE", udf) and listed["S!B4"] == ("TRANSLATE", udf)
    assert listed["S!B2"][0] == "MAP"
    # FORECAST.ETS bare, Excel's own #NAME? stored: Excel's function without its prefix, the advice kept (H403)
    assert {e.address: e.reason for e in got.errors} == {"S!C1": reason("FORECAST.ETS")}


def test_other_programs_values_are_no_udfs(folder: Path) -> None:
    # XlsxWriter's placeholder 0s (full calculation on load) and LibreOffice's values are not Excel's answers
    zeros = {ref: "0" for ref in ("B1", "B2", "B3", "B4", "C1")}
    for path in (
        _book(folder, "zeros.xlsx", zeros, "Microsoft Excel", full_calc=True),
        _book(folder, "libre.xlsx", {"B1": "hallo", "B3": "5", "B4": "hallo"}, "LibreOffice/7.4.7.2$Linux"),
    ):
        got, values = _recalc(path)
        errors = {e.address: e.reason for e in got.errors}
        assert errors["S!B1"] == reason("TRANSLATE") and errors["S!C1"] == reason("FORECAST.ETS"), path.name
        # B4: IFERROR's "" (stored <v></v>, which openpyxl reads as None)
        assert (values["B1"], values["B4"], values["C1"]) == ("#NAME?", None, "#NAME?"), path.name
        assert "S!B4" not in {u.address for u in got.unsupported}, path.name
