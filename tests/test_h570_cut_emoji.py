"""A text cut through an emoji by LEFT, MID, RIGHT or REPLACE: Excel counts an emoji as 2 characters (its UTF-16
halves), keeps a half it cut and joins it back with the other (``LEFT(A2,1)&MID(A2,2,100)`` is A2 again; UNICODE of
a lone half is #VALUE!). The engine's texts cannot hold a half: it became U+FFFD, written under ok (H570's finding
01: 'Anna �� 2024' for 'Anna 😀 2024', =B2=A2 FALSE). Such a cell is listed now, the reason naming the cut; a cut
beside the emoji is computed as before.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet

CUT = (
    "{name} cuts a character beyond U+FFFF (an emoji, which Excel counts as 2 characters) in half: Excel keeps the "
    "half, and joins it back with the other half, which the embedded engine's texts cannot hold, so it does not "
    "compute it"
)


def test_a_text_cut_through_an_emoji_is_listed_with_its_reason(tmp_path: Path) -> None:
    cells = {
        "A1": "Anna \U0001f600 2024",
        "A2": "\U0001f44d Great",
        "B1": "=_xlfn.CONCAT(MID(A1,{1,2,3,4,5,6,7,8,9,10,11,12},1))",
        "B2": "=LEFT(A2,1)&MID(A2,2,100)",
        "B3": "=_xlfn.UNICODE(LEFT(A2,1))",
        "B4": '=RIGHT(A2,6)&"!"',
        "C1": "=LEFT(A1,5)",
        "C2": "=MID(A1,6,2)",
        "C3": "=LEN(A1)",
        "C4": '=REPLACE(A1,6,2,"x")',
    }
    report, values = recalc_sheet(tmp_path, cells)
    assert report.status == "incomplete"
    assert sorted((u.address, u.function, u.reason) for u in report.unsupported) == [
        ("S!B1", "MID", CUT.format(name="MID")),
        ("S!B2", "LEFT", CUT.format(name="LEFT")),
        ("S!B3", "LEFT", CUT.format(name="LEFT")),
    ]
    assert [values[ref] for ref in ("B4", "C1", "C2", "C3", "C4")] == [
        " Great!",
        "Anna ",
        "\U0001f600",
        12,
        "Anna x 2024",
    ]
