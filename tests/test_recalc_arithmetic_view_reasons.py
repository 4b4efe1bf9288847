"""A #VALUE! is not blamed on a text that nothing reads as a number (H543's finding 06).

``SUM(--(A1:A6="Pro"))`` below the data is Excel's #VALUE!: a classic formula reads A1:A6 by implicit intersection
and row 20 is outside rows 1-6. Its reason said ``S!A1 is the text 'Pro', no number``: the minus signs take the
comparison's TRUE/FALSE, never A1. Likewise ``LEFT(A1,FIND("-",A1)-1)`` of 'Pro' (no "-": FIND's #VALUE!) and
``SUM(--(A2="Pro"))+A1``, whose reason named A2 too. A cell in a compared (or joined) group, or given to a function
that reads it as text, is no operand of the arithmetic beside it; a range a classic formula cannot intersect is told
as such; where nothing true is found nothing is said.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import lookup_reasons, sheet_book

_INTERSECTION = (
    "A1:A6 is read as one value, the cell of S!A1:A6 in the formula's own row (a classic, non-array formula's "
    "implicit intersection), and S!{cell} is in row {row}, outside rows 1-6: to read each of its cells, enter the "
    "formula as an array formula (Ctrl+Shift+Enter) (#VALUE!)"
)


def test_reasons_blame_no_text_nothing_reads_as_a_number(tmp_path: Path) -> None:
    cells: dict[str, object] = {f"A{r}": plan for r, plan in enumerate(["Pro", "Basic", "Team", "Pro", "Basic"], 1)}
    cells |= {
        "A6": "Pro",
        "D20": '=SUM(--(A1:A6="Pro"))',
        "D21": '=SUM(-(A1:A6="Pro"))',
        "D22": '=SUM(1*(A1:A6={"Pro","Team"}))',
        "D23": "=--A1:A6",
        "E1": '=LEFT(A1,FIND("-",A1)-1)',
        "E2": '=FIND("z",A1)+1',
        "E3": '=SUM(--(A2="Pro"))+A1',
        "E4": "=A1+1",
        "E5": "=(A1)*2",
        "E6": '=D2+SUM(--(A1:A6="Pro"))',  # in rows 1-6: A6's "Pro", 1 (D2 blank)
    }
    report, reasons = lookup_reasons(sheet_book(cells), tmp_path / "minus.xlsx")
    for cell, row in (("D20", 20), ("D21", 21), ("D22", 22)):
        assert reasons[f"S!{cell}"] == _INTERSECTION.format(cell=cell, row=row), cell
    assert reasons["S!D23"] == _INTERSECTION.replace("A1:A6 is", "-A1:A6 is", 1).format(cell="D23", row=23)
    assert reasons["S!E1"] == "FIND: '-' is not in the text 'Pro' in S!A1 (#VALUE!)"  # FIND's: A1 read as text
    assert reasons["S!E2"] == "FIND: 'z' is not in the text 'Pro' in S!A1 (#VALUE!)"  # (H559: was "")
    assert reasons["S!E3"] == reasons["S!E4"] == reasons["S!E5"] == "S!A1 is the text 'Pro', no number (#VALUE!)"
    assert "S!E6" not in reasons
