"""The rewrites' answers kept for filled-down formulas (recalculation/filled_down.py): each copy gets its value.

Each cache is checked where it could go wrong: a text without a relative row met again in another row, a range that
grows as it is filled down, a criterion typed as a different number in each row, a text literal holding a digit.
"""

from __future__ import annotations

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.excel_functions.number_text_cells import misread
from xl_retention.recalculation.filled_down import FilledDown
from xl_retention.recalculation.formula_texts import filled_copy


def _recalculated(tmp_path, fill) -> openpyxl.worksheet.worksheet.Worksheet:
    book = openpyxl.Workbook()
    fill(book.active)
    book.save(tmp_path / "in.xlsx")
    report = recalc_file(tmp_path / "in.xlsx", tmp_path / "out.xlsx", "embedded")
    assert report.status == "ok", report
    return openpyxl.load_workbook(report.output, data_only=True).active


def test_a_text_without_a_relative_row_keeps_its_filled_copy_key():
    down = FilledDown(exact=False)
    text = 'COUNTIFS($A$2:$A$9,"EU",$D$2:$D$9,7)'
    first = down.copy_key(text, 2, 5, False)
    assert first == filled_copy(text, 2, 5, False) and first[0] == text
    assert down.copy_key(text, 40, 5, False) is first  # kept: the same key in any row
    relative = "B7*C7"
    assert down.copy_key(relative, 7, 4, False) == filled_copy(relative, 7, 4, False)
    assert (relative, 4, False) not in down.copies  # a relative row's key depends on the row: not kept by text


def test_the_argument_rewrite_is_kept_per_text_and_per_shape():
    down = FilledDown(exact=False)
    first = down.rewrite_arguments('=IF(G2>0.95,"high","low")', 'IF(G2>0.95,"high","low")', "K", True)
    assert first == '=IF(_XLR.COMPARED(G2)>0.95,"high","low")'  # compared at 15 digits, as Excel does
    assert down.rewrite_arguments('=IF(G3>0.95,"high","low")', 'IF(G3>0.95,"high","low")', "K", True) == (
        '=IF(_XLR.COMPARED(G3)>0.95,"high","low")'
    )
    assert down.same_arguments == set()  # rewritten: no shape is left alone
    assert down.rewrite_arguments("=SUM(A2:C2)", "SUM(A2:C2)", "S", False) == "=SUM(A2:C2)"


def test_filled_down_counts_with_a_typed_number_per_row_are_each_their_own(tmp_path):
    """=COUNTIFS over absolute ranges with a different month typed in each row (the same text every 3 rows)."""

    def fill(sheet):
        for r, (region, month) in enumerate([("EU", 1), ("US", 2), ("EU", 2), ("EU", 3), ("EU", 3)], start=1):
            sheet[f"A{r}"], sheet[f"B{r}"] = region, month
        for r in range(1, 7):
            sheet[f"D{r}"] = f'=COUNTIFS($A$1:$A$5,"EU",$B$1:$B$5,{(r - 1) % 3 + 1})'
            sheet[f"E{r}"] = f'=IF(D{r}>1,"many","few")'

    got = _recalculated(tmp_path, fill)
    assert [got[f"D{r}"].value for r in range(1, 7)] == [1, 1, 2, 1, 1, 2]
    assert [got[f"E{r}"].value for r in range(1, 7)] == ["few", "few", "many", "few", "few", "many"]


def test_a_growing_range_filled_down_is_read_at_each_row(tmp_path):
    """=SUM($A$1:A{r}) grows as it is filled down; =ABS($A$1:A{r}) is Excel's implicit intersection at each row."""

    def fill(sheet):
        for r in range(1, 6):
            sheet[f"A{r}"] = -r
            sheet[f"B{r}"] = f"=SUM($A$1:A{r})"
            sheet[f"C{r}"] = f"=ABS($A$1:A{r})"

    got = _recalculated(tmp_path, fill)
    assert [got[f"B{r}"].value for r in range(1, 6)] == [-1, -3, -6, -10, -15]
    assert [got[f"C{r}"].value for r in range(1, 6)] == [1, 2, 3, 4, 5]


def test_a_text_literal_with_a_digit_is_rewritten_in_each_row(tmp_path):
    """=COUNTIF(A:A,"Q1") and "Q2"...: the shape ("Q0") would merge them; each row counts its own quarter."""

    def fill(sheet):
        for r, quarter in enumerate(["Q1", "Q2", "Q2", "Q3", "Q3", "Q3"], start=1):
            sheet[f"A{r}"] = quarter
        for r in range(1, 4):
            sheet[f"C{r}"] = f'=IF(COUNTIF($A$1:$A$6,"Q{r}")>1,"Q{r} repeats","Q{r} once")'

    got = _recalculated(tmp_path, fill)
    assert [got[f"C{r}"].value for r in range(1, 4)] == ["Q1 once", "Q2 repeats", "Q3 repeats"]


def test_day_month_text_is_read_only_with_a_month_name():
    """'Month 1' (a cohort header) is text to Excel; '15-Jan' and 'MAY 3' are this year's dates."""
    assert misread("Month 1") is None and misread("Mon 5") is None
    assert misread("15-Jan") is not None and misread("MAY 3") is not None and misread("1 March") is not None


def test_a_kept_aggregate_result_is_told_apart_by_its_arguments_types(tmp_path):
    """cells._RECENT keeps recent results by their arguments: TRUE and 1 are equal in Python, not to a function's
    checks. SBG_SURVIVAL_INTERVAL(cohort, TRUE) is #VALUE!; with 1, the first interval's survival (0.7946...)."""

    def fill(sheet):
        for column, count in zip("BCDEF", (1000, 800, 650, 550, 480), strict=True):
            sheet[f"{column}1"] = count
        sheet["H1"], sheet["H2"] = True, 1
        sheet["G1"] = "=INDEX(SBG_SURVIVAL_INTERVAL(B1:F1,H1),1,1)"
        sheet["G2"] = "=INDEX(SBG_SURVIVAL_INTERVAL(B1:F1,H2),1,1)"

    book = openpyxl.Workbook()
    fill(book.active)
    book.save(tmp_path / "in.xlsx")
    report = recalc_file(tmp_path / "in.xlsx", tmp_path / "out.xlsx", "embedded")
    got = openpyxl.load_workbook(report.output, data_only=True).active
    assert got["G1"].value == "#VALUE!"
    assert got["G2"].value == pytest.approx(0.7946002381021394, abs=1e-12)


def test_kept_aggregate_results_hold_a_bounded_number_of_bytes(monkeypatch):
    """cells._RECENT drops its oldest results past _RECENT_MAX_BYTES of ranges in its keys (a whole column of answers
    is 8 MB), whatever the count; the results are the same as without it."""
    from xl_retention import cells
    from xl_retention.registry import BY_NAME

    monkeypatch.setattr(cells, "_RECENT", type(cells._RECENT)())
    monkeypatch.setattr(cells, "_RECENT_BYTES", [0])
    monkeypatch.setattr(cells, "_RECENT_MAX_BYTES", 3 * 8 * 1000)  # three ranges of 1,000 answers
    answers = [[[float((k + i) % 11)] for i in range(1000)] for k in range(5)]
    first = [cells.evaluate(BY_NAME["NPS"], column) for column in answers]
    assert len(cells._RECENT) == 3 and cells._RECENT_BYTES[0] == 3 * 8 * 1000
    assert [cells.evaluate(BY_NAME["NPS"], column) for column in answers] == first
