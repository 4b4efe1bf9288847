"""Criteria that are an equality on a date or time over the same date or time held as text (H37 finding 06).

Dates pasted into a Text-formatted column stay text. Excel's COUNTIF/SUMIF/-IFS read an equality criterion that is a
number (or text reading as one) as a number, and the range's text as well, dates and times included: the duplicate
check ``COUNTIF($A$2:$A$5,A2)`` of a text date counts the cell itself and its twin. The engine gave 0 there (status
ok); LibreOffice gives the values below.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalculated


def _recalculated(tmp_path: Path, cells: dict[str, object], epoch_1904: bool = False) -> dict[str, object]:
    """The values of the formulas among ``cells`` (sheet S) after recalculation (status ok)."""
    values = recalculated(tmp_path, cells, epoch_1904=epoch_1904)
    return {ref: value for ref, value in values.items() if isinstance(cells[ref], str) and cells[ref].startswith("=")}


_DATA = {
    "A2": "2024-01-15", "A3": "2024-01-15", "A4": "1/20/2024", "A5": "12:30", "A6": 45306, "A7": "x-1",
    "B2": "a", "B3": "b", "B4": "c", "B5": "d", "B6": "e", "B7": "f",
    "C2": 10, "C3": 20, "C4": 30, "C5": 40, "C6": 50, "C7": 60,
}  # fmt: skip


def test_an_equality_on_a_date_matches_the_date_held_as_text(tmp_path: Path) -> None:
    cells = dict(_DATA)
    cells.update({f"D{r}": f"=COUNTIF($A$2:$A$7,A{r})" for r in range(2, 8)})
    cells.update({
        "F1": '=SUMIFS(C2:C7,A2:A7,"2024-01-15")',  # two texts and the date itself
        "F2": '=COUNTIF(A2:A7,"1/20/2024")',
        "F3": '=COUNTIFS(A2:A7,"=2024-01-15",B2:B7,"b")',
        "F4": "=SUMIF(A2:A7,A5,C2:C7)",  # "12:30" matches itself
        "F5": '=COUNTIF(A2:A7,"2024-02-01")',  # control: no such date
        "F6": '=COUNTIF(A2:A7,"<>2024-01-15")',  # the texts of that date are equal to it: left out
        "F7": "=COUNTIF(A2:A7,DATE(2024,1,15))",  # a date given as a number
        "F8": '=COUNTIF(A2:A7,">45000")',  # an ordering reads no text: the number only
        "F9": '=COUNTIF(A2:A7,"2024*")',  # a wildcard matches the texts only
        "F10": '=SUMIF(A2:A7,"2024-01-15")',  # sums the range itself: its texts are not numbers
        "F11": '=COUNTIFS(A:A,A2,B:B,"<>z")',  # whole columns
    })  # fmt: skip
    got = _recalculated(tmp_path, cells)
    assert [got[f"D{r}"] for r in range(2, 8)] == [3, 3, 1, 1, 3, 1]
    assert [got[f"F{r}"] for r in range(1, 12)] == [80, 1, 1, 40, 0, 3, 3, 1, 2, 45306, 3]


def test_criteria_arrays_over_date_texts(tmp_path: Path) -> None:
    # one answer per criterion (the count of distinct values, SUM of an array of criteria) over the same texts
    cells = dict(_DATA)
    cells.update({
        "F1": "=SUMPRODUCT(1/COUNTIF(A2:A7,A2:A7))",  # "2024-01-15" twice and 45306: one value; 4 in all
        "F2": '=SUM(COUNTIF(A2:A7,{"2024-01-15","12:30","<>1/20/2024"}))',  # 3 + 1 + 5
        "F3": '=SUM(COUNTIFS(A2:A7,{"2024-01-15","12:30"},B2:B7,"<>b"))',  # 2 + 1
        "F4": "=SUMPRODUCT(SUMIFS(C2:C7,A2:A7,A4:A5))",  # 30 + 40
        "F5": '=SUM(SUMIF(A2:A7,{"2024-01-15","x-1"},C2:C7))',  # 80 + 60
    })  # fmt: skip
    got = _recalculated(tmp_path, cells)
    assert [got[f"F{r}"] for r in range(1, 6)] == [4, 9, 3, 70, 140]


def test_date_texts_are_read_in_the_workbooks_date_system(tmp_path: Path) -> None:
    # 1904 date system: "2024-01-15" is 43844 there; a text date matches the date cell of that day
    cells = {"A1": "2024-01-15", "A2": 43844, "A3": 45306, "B1": "=COUNTIF(A1:A3,A1)", "B2": "=COUNTIF(A1:A3,A2)",
             "B3": '=COUNTIF(A1:A3,"2024-01-15")', "B4": "=SUMPRODUCT(1/COUNTIF(A1:A3,A1:A3))",
             "B5": "=SUMPRODUCT(COUNTIFS(A1:A3,A1:A3,A1:A3,\"<>x\"))"}  # fmt: skip
    got = _recalculated(tmp_path, cells, epoch_1904=True)
    assert [got[f"B{r}"] for r in range(1, 6)] == [2, 2, 2, 2, 5]


def test_date_texts_written_by_formulas_are_still_matched(tmp_path: Path) -> None:
    # The guard's counts are dropped over a range of constants with no date text (.plain_areas); a range whose text
    # a formula writes, or that an array formula on its sheet may fill, keeps them. LibreOffice gives these values.
    from openpyxl.worksheet.formula import ArrayFormula

    cells: dict[str, object] = {
        "A2": 5, "A3": 7, "A4": "EU", "A5": 45306,
        "B2": '=TEXT(45306,"yyyy-mm-dd")',  # "2024-01-15" as text, written by a formula
        "B3": 45306,
        "C2": ArrayFormula("C2:C4", '=TEXT(ROW(1:3)+45305,"yyyy-mm-dd")'),  # C3 "2024-01-16", no <f> of its own
        "D1": "=COUNTIF($A$2:$A$5,DATE(2024,1,15))",  # plain: the number only
        "D2": "=COUNTIF($A$2:$A$5,7)",
        "D3": '=COUNTIFS($A$2:$A$5,"EU",$A$2:$A$5,"<>x")',
        "D4": "=COUNTIF($B$2:$B$3,DATE(2024,1,15))",  # the formula's text and the number
        "D5": "=COUNTIF($C$3:$C$4,DATE(2024,1,16))",  # an array formula's member
        "D6": "=SUMIF($A$2:$A$5,45306,$A$2:$A$5)",
    }  # fmt: skip
    got = _recalculated(tmp_path, cells)
    assert [got[f"D{r}"] for r in range(1, 7)] == [1, 1, 1, 2, 1, 45306]
