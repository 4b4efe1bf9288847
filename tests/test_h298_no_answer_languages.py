"""A survey's "don't know" / "not applicable" choice in German ("Weiß nicht", "Nicht zutreffend", "Keine Meinung"),
French ("Ne sait pas", "Non applicable") and Spanish ("No sé", "No aplica", "No sabe / No contesta") was refused as
"values that are not scores" where the Dutch "Weet ik niet" was read as no answer (H294's finding 06). One list per
language now (reading.scores.NO_SCORE_ANSWERS, docs/metrics.md): each is no answer, not counted, with the note."""

from __future__ import annotations

import pytest

from xl_retention.workbook.importer import load_tables

WORDINGS = ["Weiß nicht", "Nicht zutreffend", "Keine Meinung", "Ne sait pas", "Je ne sais pas", "Non applicable",
            "No sé", "No aplica", "No sabe / No contesta", "Non applicabile"]  # fmt: skip


@pytest.mark.parametrize("wording", WORDINGS)
def test_a_no_answer_choice_is_no_answer(tmp_path, wording: str) -> None:
    path = tmp_path / "answers.csv"
    path.write_text(f"date;score\n2026-10-01;9\n2026-10-02;{wording}\n2026-10-03;3\n2026-10-04;10\n")
    tables = load_tables(nps=path)
    october = tables.nps.iloc[0]
    assert (october["responses"], october["promoters"], october["detractors"]) == (3, 2, 1)  # 9, 3, 10
    assert round(float(october["nps"]), 6) == 33.333333
    assert any(f"1 answer {wording!r} read as no answer" in n for n in tables.notes)


def test_one_list_per_language() -> None:
    from xl_retention.reading.scores import NO_SCORE_ANSWERS

    assert list(NO_SCORE_ANSWERS) == ["English", "German", "French", "Spanish", "Dutch", "Italian"]
