"""A line break between a function's parentheses and its argument is white space, as a space is: =NOT(<LF>"TRUE"<LF>)
is =NOT( "TRUE" ), FALSE (the text TRUE typed in is read as the logical), not #VALUE! with status ok (the rewrite's
pre-tests, formula_texts.may_need_rewrite and rewrite_shapes._candidate, took a space and not a line break)."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalculated

from xl_retention.recalculation.formula_texts import may_need_any, may_need_rewrite


def test_a_line_break_reads_as_a_space(tmp_path: Path) -> None:
    values = recalculated(tmp_path, {"B1": '=NOT(\n"TRUE"\n)', "B2": '=NOT( "TRUE" )'})  # Alt+Enter: a line feed
    assert values == {"B1": False, "B2": False}


def test_the_pre_tests_take_a_line_break() -> None:
    for text in ('NOT(\n"TRUE"\n)', 'NOT(\r\n"TRUE")'):
        assert may_need_rewrite(text, None) and may_need_any(text, None)
