"""Arithmetic on text joined with & is read as Excel reads the same text typed (H187's finding 11): =(A2&"-"&B2)+0 of
"Mar" and 2024 is 1 March 2024, =(D2&":"&E2)*24 of 37 and 30 is 37.5 hours, =("$"&G2)*1 of "1,200.00" is 1200,
=(G3&"")*1 of "(2,500)" is -2500, ("1 "&"1/2")+0 is 1.5. They were #VALUE! under status ok, where the typed texts and
the same text from CONCATENATE were read. A joined text Excel reads as no number stays #VALUE!, and & alone (a text)
is left as it is."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_text_joined_with_ampersand_in_arithmetic_is_read_as_a_number(tmp_path: Path) -> None:
    cells = {
        "A2": "Mar",
        "B2": 2024,
        "A3": "Sep",
        "B3": 2025,
        "D2": 37,
        "E2": 30,
        "G2": "1,200.00",  # "1,200" alone is 1.2 to a decimal-comma Excel: locale (H201 finding 10)
        "G3": "(2,500.00)",  # "(2,500)" is -2.5 to a decimal-comma Excel: locale too (H571)
        "C2": '=(A2&"-"&B2)+0',
        "C3": '=--(A3&"-"&B3)',
        "F2": '=(D2&":"&E2)*24',
        "H2": '=("$"&G2)*1',
        "H3": '=(G3&"")*1',
        "I1": '=("1 "&"1/2")+0',
        "I2": '=(A2&"x")+0',
        "I3": '=A2&"-"&B2',
    }
    report, values = recalc_sheet(tmp_path, cells)
    assert report.status == "ok" and not report.unsupported
    got = {ref: values[ref] for ref in ("C2", "C3", "F2", "H2", "H3", "I1", "I2", "I3")}
    assert got == {
        "C2": 45352,
        "C3": 45901,
        "F2": 37.5,
        "H2": 1200,
        "H3": -2500,
        "I1": 1.5,
        "I2": "#VALUE!",
        "I3": "Mar-2024",
    }
