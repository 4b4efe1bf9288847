"""A ';'-separated CSV file (German or French Excel, decimal commas) with a comma inside a column name ('Betrag
(EUR, netto)'): every row has one decimal comma, so the sniffer took ',' and the names were cut at it (H26 finding
16); the separator that splits every line into more fields, and that the names hold, is taken."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

from xl_retention.reading import read_table, sniff_csv

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
TEXT = (
    "Kunde;Datum;Betrag (EUR, netto)\na;05.01.2024;100,50\nb;10.01.2024;50,25\na;05.02.2024;100,50\n"
    "c;13.02.2024;70,00\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_semicolon_file_with_a_comma_in_a_name(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "s.csv"
    path.write_text(TEXT, encoding="utf-8")
    columns = 'customer_id=Kunde,date=Datum,amount="Betrag (EUR, netto)"'
    out = run(tmp_path, "--orders", path, "--dayfirst", "--columns", columns, backend=backend)
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").fillna(-1)
    assert revenue.values.tolist() == [["2024-01", 150.75, 100.5], ["2024-02", 70.0, -1]]


def test_its_names_are_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text(TEXT.replace("Kunde;", "Kunde (Name, Ort);"), encoding="utf-8")
    assert sniff_csv(path).sep == ";"
    assert list(read_table(path).columns) == ["Kunde (Name, Ort)", "Datum", "Betrag (EUR, netto)"]


@pytest.mark.parametrize(
    "text",
    [
        "id,tags;list,amount\n1,a;b,10\n2,c;d,20\n",  # ';' in a value of every row: as many fields, not more
        "Name;Alias,date,amount\nAnn,2024-01-05,10\nBob,2024-01-06,20\n",  # ';' in one name only
    ],
)
def test_a_comma_file_whose_names_hold_a_semicolon_stays_comma(tmp_path: Path, text: str) -> None:
    path = tmp_path / "c.csv"
    path.write_text(text, encoding="utf-8")
    assert sniff_csv(path).sep == ","
