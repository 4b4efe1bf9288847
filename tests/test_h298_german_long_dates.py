"""German Excel's long dates ('13. Oktober 2026') were refused with the reason (month names in another language than
English) and the way out only where every row's month name is German alone; one row of a month spelt alike in both
languages ('2. November 2026', read) left the 'Oktober' rows refused as "dates that do not parse" with no reason
(H294's finding 05). The reason and the way out are given there too."""

from __future__ import annotations

from import_cli import refusal


def test_german_names_beside_a_name_shared_with_english_say_why(tmp_path, capsys) -> None:
    path = tmp_path / "antworten.csv"
    path.write_text("Datum;Bewertung\n13. Oktober 2026;9\n2. November 2026;3\n20. Oktober 2026;10\n")
    message = refusal(capsys, "--nps", str(path), "--to-csv", str(tmp_path / "out"), "--columns",
                      "date=Datum,score=Bewertung")  # fmt: skip
    assert message == (
        "antworten.csv, column 'Datum': dates that do not parse (month names in another language than English "
        "('Oktober')) in rows 2, 4 (counting the header as row 1): '13. Oktober 2026', '20. Oktober 2026': the "
        "import reads English month names only with a day (a month and its year are read: 'Juni 2026'); write the "
        "dates as YYYY-MM-DD (in Excel: format the column as dates before saving), or with English month names "
        "(--date-format '%d %B %Y' reads '5 January 2024')"
    )
