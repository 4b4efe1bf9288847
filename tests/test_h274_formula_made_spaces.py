"""A text a formula makes with a tab, a line break or a no-break space at an end, read as a number, is #VALUE! with
its reason (fault 2 of H274's brief, after 5430f742 for cells typed so).

``=("185"&CHAR(9))+0`` and ``=--("185"&CHAR(160))`` gave 185 under status ok, and a cell ``=A3&CHAR(9)`` read by
``=C1+0``, ``=C1*2+1``, ``=TRIM(C1)*1`` 185, 371, 185: Excel's arithmetic and VALUE skip " " alone (Microsoft's advice
for such text is VALUE(TRIM(CLEAN(..))); CHAR(160) is the classic "``*1`` and VALUE give #VALUE!" case), and
LibreOffice 7.4 gives #VALUE! for each (checked on this workbook). VALUE of such text was #VALUE! already, with no
reason, as was VALUE("abc"): each now names the text it reads and what makes it no number.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet

TAKE_OFF = (
    "take it off in the formula that makes it: CLEAN(..) takes tabs and line breaks off, "
    'SUBSTITUTE(..,CHAR(160),"") a no-break space'
)


def test_text_made_with_a_tab_or_no_break_space_is_no_number(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": "185\t",  # typed (pasted) so: 5430f742's
        "A3": 185,
        "B1": '=VALUE("185"&CHAR(9))',
        "B2": '=VALUE("185"&CHAR(160))',
        "B3": '=VALUE(CHAR(10)&"185")',
        "B4": '=("185"&CHAR(9))+0',
        "B5": '=--("185"&CHAR(160))',
        "B6": "=VALUE(A1)",
        "B7": '=VALUE("abc")',
        "B8": '=VALUE(" 185 ")',  # spaces " " are skipped: 185
        "B9": '=("1,234"&"")*1',  # a number to Excel: 1234
        "C1": "=A3&CHAR(9)",
        "D1": "=C1+0",
        "D2": "=C1*2+1",
        "D3": "=TRIM(C1)*1",
        "D4": "=VALUE(C1)",
        "D5": '=A3&""',
        "D6": "=D5+1",  # '185' with nothing around it: 186
        "E1": '=ROUND("185"&CHAR(9),0)',  # a function of one number: #VALUE! already, now with its reason
        "E2": "=ABS(A3&CHAR(160))",
        "E3": '=SUM("185"&CHAR(9))',  # a text typed as SUM's argument is read as a number: this one is none
        "E4": '=IF(FALSE,VALUE("abc"),1+"x")',  # VALUE's text is not what fails here: not said of it
    }
    result, values = recalc_sheet(tmp_path, cells)
    for ref in ("B1", "B2", "B3", "B4", "B5", "B6", "B7", "D1", "D2", "D3", "D4", "E1", "E2", "E3"):
        assert values[ref] == "#VALUE!", ref
    assert [values["B8"], values["B9"], values["C1"], values["D5"], values["D6"]] == [185, 1234, "185\t", "185", 186]
    reasons = {e.address: e.reason for e in result.errors}
    assert "VALUE(" not in reasons["S!E4"]
    tab, nbsp, lf = (
        f"no number to Excel (with {s} around '185'): {TAKE_OFF} (#VALUE!)"
        for s in ("a tab", "a no-break space", "a line break")
    )
    assert reasons["S!B1"] == f"""VALUE("185"&CHAR(9)): "185"&CHAR(9) is the text '185\\t', {tab}"""
    assert reasons["S!B2"] == f"""VALUE("185"&CHAR(160)): "185"&CHAR(160) is the text '185\\xa0', {nbsp}"""
    assert reasons["S!B3"] == f"""VALUE(CHAR(10)&"185"): CHAR(10)&"185" is the text '\\n185', {lf}"""
    assert reasons["S!B4"] == f""""185"&CHAR(9) is the text '185\\t', {tab}"""
    assert reasons["S!B5"] == f""""185"&CHAR(160) is the text '185\\xa0', {nbsp}"""
    assert reasons["S!B6"] == (
        "VALUE(A1): S!A1 is the text '185\\t', no number to Excel (with a tab around '185'): type 185 again in the "
        "cell without it (#VALUE!)"
    )
    assert reasons["S!B7"] == """VALUE("abc"): "abc" is the text 'abc', no number (#VALUE!)"""
    for ref in ("D1", "D2", "D3"):
        assert reasons[f"S!{ref}"] == f"S!C1 is the text '185\\t', {tab}", ref
    assert reasons["S!D4"] == f"VALUE(C1): S!C1 gives the text '185\\t', {tab}"
    assert reasons["S!E1"] == f"""ROUND: "185"&CHAR(9) is the text '185\\t', {tab}"""
    assert reasons["S!E2"] == f"""ABS: A3&CHAR(160) is the text '185\\xa0', {nbsp}"""
    assert reasons["S!E3"] == f"""SUM: "185"&CHAR(9) is the text '185\\t', {tab}"""
