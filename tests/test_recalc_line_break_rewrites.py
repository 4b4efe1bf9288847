"""A line break typed in a formula (Alt+Enter) is whitespace as a space is: the rewrites' pre-check took a space as
"may need a rewrite" but not a line break, so ``=NOT(<line break>"TRUE")`` was left to the engine (#VALUE!, where Excel
reads the text TRUE typed in as the logical: ``=NOT( "TRUE" )`` gave FALSE)."""

from __future__ import annotations

import pytest

from xl_retention.recalculation.rewrite import rewrite


@pytest.mark.parametrize(
    ("formula", "rewritten"),
    [
        ('=NOT(\n"TRUE"\n)', "=NOT(TRUE)"),
        ('=IF(\n"FALSE",1,2)', "=IF(FALSE,1,2)"),
        ('=NOT(\n\n"false")', "=NOT(FALSE)"),
        ('=NOT( "TRUE" )', "=NOT(TRUE)"),
    ],
)
def test_a_line_break_is_whitespace_to_the_rewrites(formula: str, rewritten: str) -> None:
    assert rewrite(formula, "S", 1, 2, []) == rewritten
