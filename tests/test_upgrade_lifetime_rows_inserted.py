"""upgrade brings up the Lifetime value formulas of an earlier tracker where a note row was inserted under the title.

H201's finding 03 (Lifetime value part): a row inserted under "Customer lifetime value" moved every input and formula
one row down; upgrade compared the cells where the template puts them (B3 to C13), found none of the earlier forms
there and left them, without a word, while recalc kept saying the tracker held an earlier template's formulas (its
CLV #VALUE! for a gross margin typed '80%', which this version reads as 0.8). The earlier forms are now found where
the rows moved them, and this version's written there, reading the moved cells.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.workbook.upgrade import _current_lifetime, _rows_down
from xl_retention.workbook.upgrade_file import earlier_formulas, earlier_template_line, upgrade_workbook

EARLIER = Path(__file__).parent / "data" / "template_before_2026-12-03.xlsx"


def test_the_moved_lifetime_formulas_are_brought_up(tmp_path):
    path = tmp_path / "t.xlsx"
    wb = openpyxl.load_workbook(EARLIER)
    ws = wb["Lifetime value"]
    assert ws["A3"].value == "ARPA (average revenue per account per month)"
    ws.move_range("A3:C20", rows=1, translate=True)  # a row inserted under the title: every cell one row down
    ws["A2"], ws["B5"] = "Assumptions agreed with finance", "80%"
    wb.save(path)
    # (the chart columns first since H261: a rate typed outside its range is a gap in its chart; the Revenue rates
    # K:N since H325: a month with none of its movements typed is #VALUE!; the Dashboard's notes E8:G8, E9:G9 since
    # H347; the customers and MRR at start since H384's finding 01): the line names the first six, the moved Lifetime
    # value cells among the rest
    # (and Customers' lost, CRR, churn and months with customers at end E:G, K, the MRR at end H, the movements' chart
    # columns S:Y and the Purchases rates since H474: a boolean typed where a number belongs is #VALUE!, not 1)
    listed = ["'Customers'!B3:B25", *(f"'Customers'!{c}2:{c}25" for c in "EFGIK"), "'Revenue'!B3:B25"]
    # (the lost and gained MRR I:J and the quick ratio O since H397's finding 01: an amount below 0 is #NUM!)
    # (and the Lifetime value's C7 and C11, moved to C8 and C12, since H474: B7's and B11's errors said beside them)
    listed += [*(f"'Revenue'!{c}2:{c}25" for c in "HIJKLMNOQRSTWXY"), "'NPS'!F2:F25", "'NPS'!G2:G25", "'NPS'!H2:H25"]
    listed += [f"'Purchases and visits'!{c}2:{c}25" for c in "EFI"]
    assert earlier_formulas(path)[0][:29] == [*listed, "'Lifetime value'!B4"]
    assert "'Customers'!I2:I25, 'Customers'!K2:K25 and 111 more)" in earlier_template_line(path)
    lines = upgrade_workbook(path).lines(path)
    assert lines[0] == (
        "brought the formulas an earlier version of the template wrote up to this version's (your values and formulas "
        f"of your own are kept): {', '.join(listed[:6])} and 111 more"
    )
    moved = openpyxl.load_workbook(path)["Lifetime value"]
    current = _current_lifetime()
    for ref, at in (("B3", "B4"), ("B5", "B6"), ("C5", "C6"), ("B8", "B9"), ("C8", "C9"), ("B11", "B12")):
        assert moved[at].value == _rows_down(current[ref], 1), ref
    assert moved["B9"].value.startswith(  # (the booleans' guard since H519, the churn's since H524, a row down too)
        '=IF(OR(B4="",B5="",B6=""),"",IF(OR(ISLOGICAL(B4),ISLOGICAL(B5),ISLOGICAL(B6),ISLOGICAL(B7)),#VALUE!,IF('
        "IFERROR(B6+0,B6)+"
        'IFERROR(B7+0,0)=0,"",IF(IFERROR(B7+0,0)=1,#NUM!,CLV('
    )
    assert (moved["A2"].value, moved["B5"].value) == ("Assumptions agreed with finance", "80%")  # the user's kept
    assert earlier_template_line(path) is None  # nothing earlier left
