"""H254 finding 07: a German Excel's month cells (``MMMM JJJJ``) saved as CSV hold 'Juni 2026', 'Oktober 2026': they
were refused as "dates that do not parse" with no way forward, ``--date-format '%B %Y'`` refusing them too. A column
of month names and years, names of German, French, Spanish, ... (the CLDR's, through Babel), is read as those
months."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import run

MONTHS = {6: "Juni 2026", 7: "Juli 2026", 8: "August 2026", 9: "September 2026", 10: "Oktober 2026"}
FRENCH = {6: "juin 2026", 7: "juil. 2026", 8: "août 2026", 9: "sept. 2026", 10: "oct. 2026"}
AMOUNTS = {"Müller GmbH": {6: "1.250,00", 7: "1.250,00", 8: "1.500,00", 9: "1.500,00", 10: "1.500,00"},
           "Café Noir": {6: "99,90", 7: "99,90", 8: "99,90"}, "Öko Bau": {9: "10,00", 10: "10,00"}}  # fmt: skip


def _mrr(tmp_path: Path, months: dict[int, str]) -> Path:
    rows = ["Kunde;Monat;MRR"]
    rows += [f"{k};{months[m]};{v[m]}" for m in months for k, v in AMOUNTS.items() if m in v]
    path = tmp_path / "mrr.csv"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    return path


@pytest.mark.parametrize(
    ("months", "extra"),
    [
        (MONTHS, ()),
        (MONTHS, ("--date-format", "%B %Y")),
        ({6: "Jun 2026", 7: "Jul 2026", 8: "Aug. 2026", 9: "Sept. 2026", 10: "Okt. 2026"}, ()),
        (
            {6: "juin 2026", 7: "juil. 2026", 8: "août 2026", 9: "sept. 2026", 10: "oct. 2026"},
            ("--date-format", "%b %Y"),
        ),
        ({6: "junio 2026", 7: "julio 2026", 8: "agosto 2026", 9: "septiembre 2026", 10: "octubre 2026"}, ()),
    ],
)
def test_month_labels_of_another_language_are_read(tmp_path: Path, months: dict[int, str], extra: tuple) -> None:
    path = _mrr(tmp_path, months)
    out = run(tmp_path, "--subscriptions", path, "--columns", "customer_id=Kunde,month=Monat", *extra)
    movements = (out / "movements.csv").read_text().splitlines()
    header = movements[0].split(",")
    rows = {line.split(",")[0]: dict(zip(header, line.split(","), strict=True)) for line in movements[1:]}
    assert [rows[m]["new_mrr"] for m in ("2026-06", "2026-09")] == ["1349.9", "10.0"]
    assert [rows[m]["expansion_mrr"] for m in ("2026-08",)] == ["250.0"]
    assert rows["2026-09"]["churned_mrr"] == "99.9"
