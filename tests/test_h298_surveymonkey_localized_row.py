"""SurveyMonkey's second header row says "Response" under each question in English, "Antwort", "Réponse" or
"Respuesta" in a German, French or Spanish account's export: the English one was skipped, the others refused as
"values that are not scores in row 2" (H294's finding 07). Each is skipped now."""

from __future__ import annotations

import pytest

from xl_retention.workbook.importer import load_tables

Q = "How likely is it that you would recommend Acme to a friend or colleague?"


@pytest.mark.parametrize("word", ["Response", "Antwort", "Réponse", "Respuesta", "Offene Antwort"])
def test_the_second_header_row_is_skipped_in_each_language(tmp_path, word: str) -> None:
    path = tmp_path / "sm.csv"
    path.write_text(
        f'Respondent ID,Collector ID,Start Date,End Date,"{Q}"\n,,,,{word}\n'
        "114001,431,10/02/2026 09:00:00 AM,10/02/2026 09:01:00 AM,10 - Extremely likely\n"
        "114002,431,10/09/2026 10:00:00 AM,10/09/2026 10:01:00 AM,3\n"
        "114003,431,10/20/2026 11:00:00 AM,10/20/2026 11:01:00 AM,9\n",
        encoding="utf-8",
    )
    tables = load_tables(nps=path, columns={"score": Q, "date": "End Date"})
    october = tables.nps.iloc[0]
    assert str(tables.nps.index[0]) == "2026-10"
    assert (october["responses"], october["promoters"], october["detractors"]) == (3, 2, 1)
    assert round(float(october["nps"]), 6) == 33.333333
