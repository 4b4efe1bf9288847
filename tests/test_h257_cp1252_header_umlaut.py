"""H254 finding 09: a German Excel's CSV (Windows-1252) whose only non-ASCII character is the header's 'ä' of
'Währung' was refused as possibly MS-DOS code page 850 ('Wõhrung'). An 'õ' after a letter and before no e or s (as
Portuguese writes 'ações', 'põe') is a sign of Windows' 'ä' read as MS-DOS's, as 'µ' between letters is of 'æ'."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import run

from xl_retention.reading.codepages import MISREAD, single_byte_encoding

ROWS = (
    "10001;k1@x.de;03.06.2026 10:00;Bezahlt;100,00;EUR\r\n10002;k2@x.de;14.06.2026 10:00;Bezahlt;50,00;EUR\r\n"
    "10003;k1@x.de;15.07.2026 10:00;Bezahlt;200,00;EUR\r\n"
)


def test_a_header_umlaut_alone_is_read_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    header = "Bestellnummer;Kunde;Bestelldatum;Zahlungsstatus;Gesamtbetrag;Währung\r\n"
    path.write_bytes((header + ROWS).encode("cp1252"))
    columns = "customer_id=Kunde,date=Bestelldatum,amount=Gesamtbetrag,order_id=Bestellnummer"
    out = run(tmp_path, "--orders", path, "--columns", columns)
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1:] == ["2026-06,150.0,200.0", "2026-07,0.0,"]


@pytest.mark.parametrize(
    ("text", "page"),
    [("Kunde;Währung\n", "cp1252"), ("Kunde;Bæk\n", "cp1252"), ("Kunde;Währung\n", "cp850")],
)  # fmt: skip
def test_which_page_reads_an_umlaut(text: str, page: str) -> None:
    assert single_byte_encoding(text.encode(page), "t.csv") == page


def test_portuguese_o_tilde_is_no_sign() -> None:
    assert MISREAD.findall("Ações, põe, Camões, Wõhrung, Bµk, 5µg") == ["õ", "µ"]
