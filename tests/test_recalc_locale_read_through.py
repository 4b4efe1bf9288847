"""A date typed as text that an en-US and a day-first Excel read as two days, read through another cell, INDIRECT or
OFFSET, lists the cells reading it as locale where the file stores no value of Excel's (H173's finding 04).

"01/02/2025" is 2 January to an en-US Excel and 1 February to a day-first one (Microsoft's DATEVALUE page: the
computer's date settings). =A1+0 was listed; =C1+0 of C1 =A1, INDIRECT("A1")+0, OFFSET(C1,0,-2)+0, MONTH(C1) and a
name defined by OFFSET were written month-first with status ok. C1, which passes the text on, and LEN(C1), the same
in both, are computed.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_a_date_text_read_through_other_cells_is_listed(tmp_path: Path) -> None:
    cells = {
        "A1": "01/02/2025",
        "C1": "=A1",
        "B1": "=C1+0",
        "B2": '=INDIRECT("A1")+0',
        "B3": "=OFFSET(C1,0,-2)+0",
        "B4": "=MONTH(C1)",
        "B5": "=LEN(C1)",
        "B6": "=Dyn+0",
    }
    report, values = recalc_sheet(tmp_path, cells, names={"Dyn": "OFFSET(S!$C$1,0,-2)"})
    assert report.status == "incomplete"
    listed = {u.address: u for u in report.unsupported}
    assert sorted(listed) == ["S!B1", "S!B2", "S!B3", "S!B4", "S!B6"]
    assert {u.function for u in listed.values()} == {"locale"}
    assert "reads the text '01/02/2025' (S!A1)" in listed["S!B2"].reason
    assert "an en-US Excel gives 45659, a day-first Excel 45689" in listed["S!B3"].reason
    assert {ref: values.get(ref) for ref in ("C1", "B1", "B2", "B3", "B4", "B5", "B6")} == {
        "C1": "01/02/2025",
        "B1": None,
        "B2": None,
        "B3": None,
        "B4": None,
        "B5": 10,
        "B6": None,
    }
