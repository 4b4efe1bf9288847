"""A locale reason never shows Python's None: a formula's blank result reads 0 (as Excel shows it), another
Excel's value that cannot be told "another value" ('a British or European Excel None' was said: a tester's finding 7,
2026-12-04)."""

from __future__ import annotations

from xl_retention.recalculation.locale_results import _reason, _shown

TAIL = "; the file stores no value of Excel's to tell which, so the embedded engine does not compute it"


def test_a_blank_result_reads_0() -> None:
    reason = _reason("reads", "£5", "Sheet!A1", 1, _shown(None))
    assert reason.endswith("an en-US Excel gives 1, a British or European Excel 0" + TAIL)
    assert "None" not in reason


def test_an_other_value_not_told_is_said_so() -> None:
    reason = _reason("reads", "£5", "Sheet!A1", None, None)
    assert reason.endswith("an en-US Excel gives 0, a British or European Excel another value" + TAIL)
