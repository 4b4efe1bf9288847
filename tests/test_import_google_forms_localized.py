"""Google Forms' response sheet names its first column "Timestamp" in English and "Horodateur", "Zeitstempel",
"Tijdstempel", "Marca temporal" in a French, German, Dutch, Spanish account (H159 finding 05): the refusal of a file
without 'date' and 'score' named date=Timestamp but only date=NAME for those; and a Spanish NPS question
("... nos recomiende ...") was not named as the score."""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

QUESTION = "¿Qué probabilidad hay de que nos recomiende a un amigo o colega?"


@pytest.mark.parametrize("header", ["Horodateur", "Zeitstempel", "Tijdstempel", "Marca temporal"])
def test_a_localized_timestamp_and_question_are_named(tmp_path, header: str) -> None:
    path = tmp_path / "forms.csv"
    rows = "2026-05-03 10:00:00,a@x.com,9\n2026-05-04 10:00:00,b@x.com,3\n"
    path.write_text(f"{header},Adresse e-mail,{QUESTION}\n{rows}")
    with pytest.raises(DataError) as caught:
        load_tables(nps=path)
    assert str(caught.value).endswith(f"map them: --columns 'score={QUESTION},date={header}'")
