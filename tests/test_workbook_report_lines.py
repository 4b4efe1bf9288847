"""The change reports of ``extend`` and ``import`` (Extended.lines, Filled.lines): their shared lines (results cleared,
formulas brought up to this version's, long lists cut after six) come from one helper with the words that differ."""

from __future__ import annotations

import pandas as pd

from xl_retention.workbook.extend import Extended
from xl_retention.workbook.fill import Filled
from xl_retention.workbook.typed_values import Replaced

REFS = [f"Customers!F{row}" for row in range(2, 10)]  # eight cells: six shown, "and 2 more"


def test_extend_reports_cleared_results_and_upgraded_formulas() -> None:
    done = Extended(pd.Period("2024-01", "M"), 14, [pd.Period("2025-01", "M"), pd.Period("2025-02", "M")], 30, REFS)
    assert done.lines("t.xlsx") == [
        "extended t.xlsx: added months 2025-01 to 2025-02, a tracker of 14 months from 2024-01 (every value, formula "
        "and sheet of yours kept)",
        "cleared the results of 30 formula cells (Excel recalculates on open; programs that do not calculate, such as "
        "pandas, read blanks there until --recalc or xl-retention recalc stores them)",
        "brought the formulas an earlier version of the template wrote up to this version's, as the new months have "
        "them (formulas of your own are kept): Customers!F2, Customers!F3, Customers!F4, Customers!F5, Customers!F6, "
        "Customers!F7 and 2 more",
    ]
    assert done.lines("t.xlsx", recalc=True)[1].startswith("brought the formulas")  # --recalc stores the results next


def test_extend_by_one_month_with_nothing_cleared() -> None:
    done = Extended(pd.Period("2024-01", "M"), 13, [pd.Period("2025-01", "M")], upgraded=REFS[:2], notes=["a note"])
    assert done.lines("t.xlsx") == [
        "extended t.xlsx: added month 2025-01, a tracker of 13 months from 2024-01 (every value, formula and sheet of "
        "yours kept)",
        "brought the formulas an earlier version of the template wrote up to this version's, as the new months have "
        "them (formulas of your own are kept): Customers!F2, Customers!F3",
        "a note",
    ]


def test_import_reports_replaced_restored_cleared_and_upgraded() -> None:
    jan, mar = pd.Period("2024-01", "M"), pd.Period("2024-03", "M")
    replaced = [Replaced("Customers", ref, jan, row) for row, ref in enumerate(REFS[:7])]  # every one with its value
    done = Filled(jan, 3, (jan, mar), ["Customers"], replaced=replaced, restored=REFS[:1], cleared=5, upgraded=REFS)
    assert done.lines("t.xlsx") == [
        "filled t.xlsx, a tracker of 3 months from 2024-01",
        "import wrote the months its data covers (2024-01 to 2024-03) on Customers",
        "replaced 7 values already in those months (typed by hand or by an earlier import; --replace-typed): "
        "Customers!F2 (was 0), Customers!F3 (was 1), Customers!F4 (was 2), Customers!F5 (was 3), Customers!F6 (was 4), "
        "Customers!F7 (was 5), Customers!F8 (was 6)",
        "put the template's formula back in 1 formula cell of the imported months that held a typed value or were "
        "cleared: Customers!F2",
        "cleared the results of 5 formula cells stored from the old inputs (Excel recalculates on open; programs that "
        "do not calculate, such as pandas or a file preview, read blanks there until --recalc or xl-retention recalc "
        "stores the new ones)",
        "brought the formulas an earlier version of the template wrote up to this version's (numbers pasted as text "
        "are read as numbers; formulas of your own are kept): Customers!F2, Customers!F3, Customers!F4, "
        "Customers!F5, Customers!F6, Customers!F7 and 2 more",
    ]
    assert not any(x.startswith("cleared") for x in done.lines("t.xlsx", recalc=True))
