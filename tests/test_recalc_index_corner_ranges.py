"""A range whose last corner is computed, ``A1:INDEX(A:A,COUNTA(A:A))`` (the dynamic range finance workbooks name,
``Dyn``), read as rows where Excel evaluates arrays. Its ROW in LOOKUP's result vector or SUMPRODUCT was #REF!, and
``IFERROR(LOOKUP(2,1/ISTEXT(..),ROW(INDEX(..,0))),0)`` 0, under status ok: the tokenizer gives ``$A$1:INDEX(`` as one
opening token, which the argument rewrite read as a function giving a value (INDEX of it wrapped in a LET, no reference
for ROW in the engine); by name, the name's formula is one operand in brackets, which ROW's array form passed over.
Excel and LibreOffice: 2 (the row of the last text), 6 (1 + 2 + 3), 2, as over A1:A3 typed in."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet

RANGE = "S!$A$1:INDEX(S!$A:$A,COUNTA(S!$A:$A))"
FORMS = {
    "LOOKUP(2,1/ISTEXT(@),ROW(@))": 2,
    "SUMPRODUCT(ROW(@))": 6,
    "IFERROR(LOOKUP(2,1/ISTEXT(@),ROW(INDEX(@,0))),0)": 2,
    'SUMIFS(S!$B$1:$B$3,@,"x")': 20,
}


def test_a_range_with_a_computed_corner_is_read_as_its_rows(tmp_path: Path) -> None:
    cells: dict[str, object] = {"A1": 1, "A2": "x", "A3": 3, "B1": 10, "B2": 20, "B3": 30}
    for row, form in enumerate(FORMS, start=1):
        cells[f"C{row}"] = "=" + form.replace("@", RANGE)  # typed in
        cells[f"D{row}"] = "=" + form.replace("@", "Dyn")  # by name
        cells[f"E{row}"] = "=" + form.replace("@", "S!$A$1:$A$3")  # the range it gives
    report, values = recalc_sheet(tmp_path, cells, names={"Dyn": RANGE})
    assert report.status == "ok", report.message
    expected = list(FORMS.values())
    for column in "CDE":
        assert [values[f"{column}{row}"] for row in range(1, len(FORMS) + 1)] == expected, column
