"""A date-like or number-like text typed in a formula is locale-dependent only where Excel reads it as a number
(H396's finding 02).

``=LEN("01/02/2026")``, ``=A1="01/02/2026"``, ``=EXACT(..)``, ``=LEFT(..)``, an exact MATCH, ``--(A1:A3="..")`` and
``=SUBSTITUTE("1.200",".","")`` were left without a value as ``locale``, with a made-up day-first (decimal-comma)
result: the literal was replaced by its other reading as a text, which Excel never does. Excel uses those texts as
text: the same value in every locale, now computed. Where the literal is read as a number (DATEVALUE, ``+0``, a
number-like text times 1) the cell stays ``locale``; a criterion read with the cells it counts moves with them.
"""

from __future__ import annotations

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, object]]:
    folder = tmp_path_factory.mktemp("h403_literals")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"] = "01/02/2026", "1.200"  # a signup date and an amount pasted as text
    formulas = {
        "C1": '=LEN("01/02/2026")',
        "C2": '=A1="01/02/2026"',
        "C3": '=IF(A1="01/02/2026","y","n")',
        "C4": '=EXACT(A1,"01/02/2026")',
        "C5": '=LEFT("01/02/2026",2)',
        "C6": '=MATCH("01/02/2026",A1:A3,0)',
        "C7": '=SUMPRODUCT(--(A1:A3="01/02/2026"))',
        "C8": '=SUBSTITUTE("1.200",".","")',
        "C9": '=A2="1.200"',
        "C10": '=COUNTIF(A2:A3,"1.200")',
        "D1": '=DATEVALUE("01/02/2026")',
        "D2": "=A2*1",
        "D3": '=IF(B1="","01/02/2026","")+0',
    }
    for ref, formula in formulas.items():
        ws[ref] = formula
    wb.save(folder / "book.xlsx")
    got = recalc_file(folder / "book.xlsx", folder / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["S"]
    return got, {ref: out[ref].value for ref in formulas}


def test_texts_used_as_text_are_computed(report) -> None:
    _, values = report
    got = [values[f"C{i}"] for i in range(1, 11)]
    assert got == [10, True, "y", True, "01", 1, 1, "1200", True, 1]
    assert [type(v) for v in got] == [int, bool, str, bool, str, int, int, str, bool, int]


def test_texts_read_as_numbers_stay_locale(report) -> None:
    got, values = report
    listed = {u.address: u.function for u in got.unsupported}
    assert listed == {"S!D1": "locale", "S!D2": "locale", "S!D3": "locale"}
    assert (values["D1"], values["D2"], values["D3"]) == (None, None, None)
    assert got.status == "incomplete"
