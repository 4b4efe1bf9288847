"""A cell of 20,000 letters (H239's finding 5): after_evaluation's test whether a workbook holds a locale's text
(_LOCALE_HINT) ran a word of three or more letters to the word's end from each of its letters, quadratic in a long
word (29-43 s for one such cell). The hint now matches a word by three letters, the same texts as before."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl

from xl_retention.recalculation.after_evaluation import _LOCALE_HINT
from xl_retention.recalculation.batch import recalc_file

#: the pattern before the fix, whose matches the new one keeps (searched on short texts only)
_BEFORE = re.compile(
    r"\d\s*[./,'\u2019-]\s*\d|\d\.?[\s-]*[^\W\d_]{3,}|[^\W\d_]{3,}\.?[\s-]*\d\d|[£€¥₹₽₺]|R\$|\d\s+\d{3}|\d\s*[^\W\d_]{2,3}\b"
)
TEXTS = [
    "01/02/2024",
    "1 234,5",
    "Q1",
    "Jan 2024",
    "12 March",
    "March. - 12",
    "abc12",
    "ab12",
    "1 EUR",
    "€5",
    "R$ 3",
    "1.abcd",
    "1 Mär",
    "Dezember 31",
    "word",
    "a1b2",
    "",
    "12 ab",
    "x 1",
    "1,5",
    "10'000",
    "ab-12",
    "abc.12",
]


def test_the_hint_matches_the_same_texts_with_no_unbounded_letter_run() -> None:
    assert [bool(_LOCALE_HINT.search(text)) for text in TEXTS] == [bool(_BEFORE.search(text)) for text in TEXTS]
    assert "]{3,}" not in _LOCALE_HINT.pattern  # a run of letters of any length tried from each letter: quadratic


def test_a_cell_of_20000_letters_is_recalculated(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"] = "a" * 20_000
    sheet["A2"] = "b" * 19_998 + "12"
    sheet["B1"] = "=LEN(A1)"
    sheet["B2"] = "=LEN(A2)+RIGHT(A2,2)"
    book.save(tmp_path / "t.xlsx")
    result = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (out["B1"].value, out["B2"].value) == (20_000, 20_012)
