"""A criterion typed as "1_000" is text to Excel (its number formats have no underscore: VALUE("1_000") is #VALUE!,
Microsoft's VALUE page: text in no format Excel recognises as a number is no number), so COUNTIF(B1:B4,"1_000")
counts the text "1_000" only. collation's reading of a typed criterion as a plain number used Python's float(),
which reads "1_000" as 1000: the count matched the number 1000 too, with status ok."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalculated


def test_a_criterion_with_an_underscore_matches_the_text_only(tmp_path: Path) -> None:
    got = recalculated(
        tmp_path,
        {
            "B1": 1000,
            "B2": 5,
            "B3": "1_000",
            "B4": 10,
            "C1": "1_000",
            "D1": '=COUNTIF(B1:B4,"1_000")',
            "D2": '=COUNTIFS(B1:B4,"1_000",B1:B4,"<>")',
            "D3": '=SUMIF(B1:B4,"1_000",B4:B7)',
            "D4": '=SUMIFS(B4:B7,B1:B4,"1_000")',
            "D5": "=COUNTIF(B1:B4,C1)",
            "D6": '=COUNTIF(B1:B4,"=1_000")',
            "D7": '=COUNTIF(B1:B4,"<>1_000")',
            "D8": '=SUM(COUNTIF(B1:B4,{"1_000","5"}))',
            "D9": '=COUNTIF(B1:B4,"1e3")',
            "D10": '=COUNTIF(B1:B4,"1_0_0_0")',
        },
    )
    assert [got[f"D{row}"] for row in range(1, 11)] == [1, 1, 0, 0, 1, 1, 3, 2, 1, 0]
