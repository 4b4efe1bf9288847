"""An empty argument of Excel 365's TAKE, TEXTBEFORE/TEXTAFTER, SEQUENCE, RANDARRAY, of ADDRESS and of the weekend of
NETWORKDAYS.INTL/WORKDAY.INTL is the argument omitted.

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


def test_an_empty_weekend_is_saturday_and_sunday_a_blank_cell_there_is_num(tmp_path: Path) -> None:
    # Excel (a workbook it saved, IronCalc issue 1353): NETWORKDAYS.INTL(DATE(2025,1,1),DATE(2026,1,1),) 262 and
    # WORKDAY.INTL(DATE(2025,1,10),10,) 45681, as with the weekend omitted; a blank cell as the weekend is 0: #NUM!.
    # The engine read the empty argument as 0 (#NUM!); the first fix listed the cell as not computable
    cells: dict[str, object] = {
        "D1": "=_xlfn.NETWORKDAYS.INTL(DATE(2025,1,1),DATE(2026,1,1),)",
        "D2": "=_xlfn.WORKDAY.INTL(DATE(2025,1,10),10,)",
        "D3": "=_xlfn.NETWORKDAYS.INTL(DATE(2024,1,1),DATE(2024,1,31),,)",
        "D4": "=_xlfn.NETWORKDAYS.INTL(DATE(2024,1,1),DATE(2024,1,31),,DATE(2024,1,2))",
        "D5": "=_xlfn.WORKDAY.INTL(DATE(2024,1,1),5,,{45295})",
        "D6": "=_xlfn.NETWORKDAYS.INTL(DATE(2024,1,1),DATE(2024,1,31),1,)",
        "D7": "=_xlfn.NETWORKDAYS.INTL(DATE(2025,1,1),DATE(2026,1,1),A1)",
        "D8": "=_xlfn.WORKDAY.INTL(DATE(2025,1,10),10,A1)",
        # an empty holidays is none (the engine's 0 is serial 0, a Saturday: seen with Saturday a working day)
        "D9": '=_xlfn.NETWORKDAYS.INTL(0,6,"0000001",)',
        "D10": "=NETWORKDAYS(0,6,)",
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert not result.unsupported and result.status == "ok"
    got = [values.get(f"D{r}") for r in range(1, 11)]
    assert got == [262, 45681, 23, 22, 45300, 23, "#NUM!", "#NUM!", 6, 5]


def test_an_empty_abs_num_or_a1_of_address_is_its_default(tmp_path: Path) -> None:
    # ECMA-376 Part 1's own example: ADDRESS(5,7,,,"Sheet1") is Sheet1!$G$5; the engine read the empty abs_num as 0:
    # #VALUE! (LibreOffice: R2C3)
    cells: dict[str, object] = {
        "D1": "=ADDRESS(2,3,,FALSE)",
        "D2": '=ADDRESS(5,7,,,"Sheet1")',
        "D3": '=ADDRESS(5,7,2,,"S")',
        "D4": "=ADDRESS(5,7,,TRUE)",
        "D5": "=ADDRESS(5,7,4,)",
    }
    got = recalculated(tmp_path, cells)
    assert list(got.values()) == ["R2C3", "Sheet1!$G$5", "S!G$5", "$G$5", "G5"]


def test_an_empty_delimiter_of_textsplit_is_none_an_empty_pad_is_na(tmp_path: Path) -> None:
    # Microsoft's TEXTSPLIT(A1,,",") splits into rows; the engine read the empty column delimiter as 0 and split at
    # every digit 0 too ("100,200,300": 1, 2, 3; SUM #VALUE!), status ok (H67 finding 01). An empty pad_with of
    # TEXTSPLIT, WRAPROWS, WRAPCOLS and EXPAND is #N/A, as omitted (the engine padded with 0)
    cells: dict[str, object] = {
        "A1": "100,200,300",
        "A2": "100,,200",
        "D1": '=SUM(--_xlfn.TEXTSPLIT(A1,,","))',
        "D2": '=ROWS(_xlfn.TEXTSPLIT(A1,,","))',
        "D3": '=SUM(--_xlfn.TEXTSPLIT(A2,",",,TRUE))',
        "D4": '=COLUMNS(_xlfn.TEXTSPLIT(A2,",",,TRUE))',
        "D5": '=ISNA(INDEX(_xlfn.TEXTSPLIT("a,b;c",",",";",,,),2,2))',
        "D6": "=ISNA(INDEX(_xlfn.WRAPROWS({1,2,3},2,),2,2))",
        "D7": "=ISNA(INDEX(_xlfn.WRAPCOLS({1,2,3},2,),2,2))",
        "D8": "=ISNA(INDEX(_xlfn.EXPAND({1,2},2,3,),2,3))",
        "D9": "=INDEX(_xlfn.EXPAND({1,2},2,3,),1,2)",
    }
    got = recalculated(tmp_path, cells)
    assert [got[f"D{r}"] for r in range(1, 10)] == [600, 3, 300, 2, True, True, True, True, 2]
