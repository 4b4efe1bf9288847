"""PROPER and the case-ignoring TEXTBEFORE, TEXTAFTER and TEXTSPLIT change case one character at a time, as Excel does
(Unicode's simple mapping, as UPPER and LOWER already did): Python's full mapping grew the text, under ok (H570's
findings 04 and 05): PROPER('ﬁnance team') was 'FInance Team', 12 characters for 11; TEXTAFTER('İstanbul-Ankara',
"-",,1) was 'nkara' (the case-folded İ two characters long shifted every cut after it) and 'SS' matched 'ß'.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalculated


def test_proper_keeps_each_character_and_the_length(tmp_path: Path) -> None:
    got = recalculated(
        tmp_path,
        {
            "A1": "ﬁnance team",
            "A2": "oﬃce ﬂoor",
            "A3": "KARAKÖY İSKELESİ",
            "B1": "=PROPER(A1)",
            "B2": "=PROPER(A2)",
            "B3": "=PROPER(A3)",
            "C1": "=LEN(PROPER(A1))",
            "C3": "=LEN(PROPER(A3))",
        },
    )
    assert [got[ref] for ref in ("B1", "B2", "B3", "C1", "C3")] == [
        "ﬁnance Team", "Oﬃce ﬂoor", "Karaköy İskelesi", 11, 16
    ]  # fmt: skip


def test_cuts_ignoring_case_fall_where_the_delimiter_is(tmp_path: Path) -> None:
    got = recalculated(
        tmp_path,
        {
            "A1": "İstanbul-Ankara",
            "A2": "Straße-X",
            "A3": "ﬁle:name",
            "B1": '=_xlfn.TEXTAFTER(A1,"-",,1)',
            "B2": '=_xlfn.TEXTBEFORE(A1,"-",,1)',
            "B3": '=_xlfn.TEXTBEFORE(A2,"SS",,1,,"none")',
            "B4": '=_xlfn.TEXTAFTER(A3,":",,1)',
            "B5": '=_xlfn.TEXTAFTER(A2,"E-",,1)',
        },
    )
    assert [got[ref] for ref in ("B1", "B2", "B3", "B4", "B5")] == ["Ankara", "İstanbul", "none", "name", "X"]
