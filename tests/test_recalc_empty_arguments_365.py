"""An empty argument of Excel 365's TAKE, TEXTBEFORE/TEXTAFTER, SEQUENCE and RANDARRAY is the argument omitted.

Excel takes ``=TAKE(A1:B3,,1)`` as every row's first column (Microsoft's page: "=TAKE(A2:C4,,2)"), the engine took
the empty rows as 0: ``=SUM(TAKE(A1:B3,,1))`` was 0 and ROWS of it 0, status ok; TEXTBEFORE's empty instance_num,
SEQUENCE's empty rows or columns and RANDARRAY's empty rows, columns or max were #VALUE!. TAKE's array in a classic
(non-array) formula is an array too (``TAKE(A1:B3*1,2,1)``), never the formula row's cell.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet, recalculated


def test_empty_optional_arguments_of_excel_365_functions_are_their_defaults(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        **{f"A{r}": a for r, a in enumerate((1, 3, 2), 1)},
        **{f"B{r}": b for r, b in enumerate((10, 30, 20), 1)},
        "D1": "=SUM(_xlfn.TAKE(A1:B3,,1))",
        "D2": "=ROWS(_xlfn.TAKE(A1:B3,,1))",
        "D3": "=SUM(_xlfn.TAKE(A1:B3,,-1))",
        "D4": "=ROWS(_xlfn.TAKE(A1:B3,2,))",
        "D5": '=_xlfn.TEXTBEFORE("a-b","-",,,,"none")',
        "D6": '=_xlfn.TEXTAFTER("a-b-c","-",,,,"")',
        "D7": '=_xlfn.TEXTBEFORE("a-b-c","-",,)',
        "D8": "=SUM(_xlfn.SEQUENCE(,3))",
        "D9": "=SUM(_xlfn.SEQUENCE(2,,5))",
        "D10": "=SUM(_xlfn.RANDARRAY(2,,1,1,TRUE))",
        "D11": "=SUM(_xlfn.RANDARRAY(,,5,5))",
        "D12": "=SUM(_xlfn.TAKE(A1:B3*1,2,1))",
        "D13": "=SUM(_xlfn.DROP(A1:B3,,1))",
    }
    got = recalculated(tmp_path, cells)
    assert [got[f"D{r}"] for r in range(1, 14)] == [6, 3, 60, 2, "a", "b-c", "a", 6, 11, 2, 5, 4, 60]


def test_an_empty_weekend_of_networkdays_intl_is_listed_not_read_as_0(tmp_path: Path) -> None:
    # the engine read it as weekend 0, #NUM!, stored as the workbook's own error; LibreOffice reads it as omitted (23),
    # Excel's reading is not documented: listed with the reason, the typed 1 computed
    cells: dict[str, object] = {
        "D1": "=_xlfn.NETWORKDAYS.INTL(DATE(2024,1,1),DATE(2024,1,31),,)",
        "D2": "=_xlfn.WORKDAY.INTL(DATE(2024,1,1),5,)",
        "D3": "=_xlfn.NETWORKDAYS.INTL(DATE(2024,1,1),DATE(2024,1,31),1,)",
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert [u.address for u in result.unsupported] == ["S!D1", "S!D2"]
    assert result.unsupported[0].reason.startswith(
        "the weekend argument of NETWORKDAYS.INTL or WORKDAY.INTL is left empty (,,): whether Excel reads it"
    )
    assert values["D3"] == 23 and "D1" not in values and not result.errors
