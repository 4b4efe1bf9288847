"""East Asian readings of a CSV file that is not UTF-8: a German Windows-1252 file is not taken for GBK (H143 finding
08), and a Shift-JIS file that MacRoman reads without a sign of misreading is refused, not read as MacRoman."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, run

from xl_retention.reading import read_table
from xl_retention.reading.notes import collected

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
HEADER = "Email;Created at;Total;Produkt\n"
SEPTEMBER = (  # saved by a German Excel: Windows-1252, "Grüntee" whose "ün" (0xFC 0x6E) GBK reads as one character
    "anna@example.de;03.09.2026 10:15;54,90;Teekanne Steingut\n"
    "anna@example.de;20.09.2026 09:40;23,80;Grüntee 100 g\n"
    "ben@example.de;05.10.2026 08:12;47,60;Grüntee 100 g\n"
    "felix@example.de;30.10.2026 11:11;23,80;Grüntee 100 g\n"
)
NOVEMBER = (  # a new export, UTF-8, appended
    "anna@example.de;04.11.2026 10:00;47,60;Teekanne Glas\n"
    "gina@example.de;08.11.2026 13:13;119,00;Tassenset\n"
    "ben@example.de;20.11.2026 19:30;23,80;Grüntee 100 g\n"
)


def test_german_code_page_lines_beside_utf8_lines_are_read_as_windows_1252(tmp_path) -> None:
    path = tmp_path / "orders.csv"
    path.write_bytes(HEADER.encode() + SEPTEMBER.encode("cp1252") + NOVEMBER.encode())
    with collected() as notes:
        df = read_table(path)
    assert df["Produkt"].tolist()[1:4] == ["Grüntee 100 g"] * 3
    assert df["Produkt"].tolist()[-1] == "Grüntee 100 g"
    assert notes == [
        "orders.csv: line 8 is UTF-8 text, lines 3-5 Windows-1252 (two exports appended?): each line was read in "
        "its own encoding"
    ]
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Email,date=Created at,amount=Total")
    purchases = pd.read_csv(out / "purchases.csv").set_index("month")
    assert purchases.loc["2026-11", ["buyers", "repeat_purchasers", "returning"]].tolist() == [3, 0, 2]


def test_a_german_code_page_file_alone_is_windows_1252(tmp_path) -> None:
    path = tmp_path / "orders.csv"
    path.write_bytes((HEADER + SEPTEMBER).encode("cp1252"))
    assert read_table(path)["Produkt"].tolist()[1:] == ["Grüntee 100 g"] * 3


def test_shift_jis_that_macroman_reads_without_a_sign_is_refused(tmp_path, capsys) -> None:
    # MacRoman reads Shift-JIS's '田中商事' as 'ìcíÜè§éñ' with no sign of misreading: it was read so, silently
    path = tmp_path / "orders.csv"
    path.write_bytes("customer_id,date,amount\n田中商事,2026-01-05,1000\n鈴木,2026-01-06,2000\n".encode("cp932"))
    message = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))
    assert message == (
        "orders.csv is not UTF-8 text: Japanese Shift-JIS (cp932) as '田中商事', Chinese GBK (cp936) as '揷拞彜帠', "
        "Korean (cp949) as '밹뭷룮럷', MacRoman (Mac Excel's CSV (Macintosh)) as 'ìcíÜè§éñ'; give its encoding: "
        "--encoding cp932 or --encoding gbk or --encoding cp949 or --encoding mac_roman"
    )
    out = run(tmp_path, "--orders", path, "--encoding", "cp932")
    assert pd.read_csv(out / "purchases.csv")[["month", "buyers"]].values.tolist() == [["2026-01", 2]]


def test_a_pipe_after_an_accented_letter_stays_windows_1252(tmp_path) -> None:
    # GBK reads 'ë|' (0xEB 0x7C) as one character, 'Zo雦20200101', swallowing the separator
    path = tmp_path / "orders.csv"
    path.write_bytes("customer_id|date|amount\nZoë|20200101|5\nZoë|20200102|7\n".encode("cp1252"))
    assert read_table(path)["customer_id"].tolist() == ["Zoë", "Zoë"]
