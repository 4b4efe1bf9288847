"""A survey's "no answer" choice in Dutch ("n.v.t.", niet van toepassing; "weet niet") and French ("NSP", ne sait
pas; "Sans réponse") was refused as "values that are not scores" (H159 finding 08), where English, German and
Spanish ones are read as no answer with a note: now read so too."""

from __future__ import annotations

from xl_retention.workbook.importer import load_tables


def test_dutch_and_french_no_answers_are_no_score(tmp_path) -> None:
    path = tmp_path / "antwoorden.csv"
    path.write_text(
        "Datum,Score\n2026-05-03,9\n2026-05-04,n.v.t.\n2026-05-05,3\n2026-05-06,NSP\n2026-05-07,10\n"
        "2026-05-08,Sans réponse\n2026-05-09,Weet niet\n"
    )
    tables = load_tables(nps=path, columns={"date": "Datum", "score": "Score"})
    may = tables.nps.iloc[0]
    assert (may["responses"], may["promoters"], may["detractors"]) == (3, 2, 1)
    assert round(float(may["nps"]), 6) == 33.333333
    assert any("'n.v.t.', 'NSP', 'Sans réponse', 'Weet niet' read as no answer" in n for n in tables.notes)
