"""A CSV file of two exports appended, one saved as UTF-8 and one by Excel's "CSV" in a Windows or Mac code page: each
line is read in its own encoding, so that 'Café Müller' stays one customer (H14 finding 23)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

from xl_retention.reading import read_table
from xl_retention.reading.notes import collected

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
HEADER = b"customer_id,month,mrr\n"


def _month(month: str, filler: int = 0) -> str:
    """Rows of one month: 'Café Müller' 100, 'Bob' 50, and ``filler`` more customers of 10 with non-ASCII names."""
    rows = [f"Ünïcode {i},{month},10\n" for i in range(filler)]
    return "".join(rows) + f"Café Müller,{month},100\nBob,{month},50\n"


def _movements(tmp_path: Path, path: Path, backend: str) -> pd.DataFrame:
    out = run(tmp_path, "--subscriptions", path, backend=backend)
    return pd.read_csv(out / "movements.csv").set_index("month")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    ("first", "second", "filler"),
    [
        ("utf-8", "cp1252", 0),  # the file's first 64 KiB are not UTF-8 as a whole
        ("utf-8", "cp1252", 3000),  # its first 64 KiB are UTF-8, a later line is not
        ("cp1252", "utf-8", 3000),  # its first 64 KiB are Windows-1252, a later line is UTF-8
        ("utf-8", "mac_roman", 0),  # Mac Excel's "CSV (Macintosh)" appended
    ],
)
def test_two_exports_in_two_encodings_keep_one_customer(tmp_path, backend, first, second, filler) -> None:
    path = tmp_path / "snapshots.csv"
    path.write_bytes(HEADER + _month("2024-01", filler).encode(first) + _month("2024-02", filler).encode(second))
    movements = _movements(tmp_path, path, backend)
    assert movements.loc["2024-02", ["lost", "new", "customers_end"]].tolist() == [0, 0, 2 + filler]
    assert movements.loc["2024-02", "mrr_end"] == 150.0 + 10 * filler


def test_each_line_read_in_its_own_encoding_is_noted(tmp_path) -> None:
    path = tmp_path / "snapshots.csv"
    path.write_bytes(HEADER + _month("2024-01").encode() + _month("2024-02").encode("cp1252"))
    with collected() as notes:
        df = read_table(path)
    assert df["customer_id"].tolist() == ["Café Müller", "Bob", "Café Müller", "Bob"]
    assert notes == [
        "snapshots.csv: line 2 is UTF-8 text, line 4 Windows-1252 (two exports appended?): each line was read in its "
        "own encoding"
    ]


def test_a_file_of_one_code_page_is_read_as_before(tmp_path) -> None:
    path = tmp_path / "snapshots.csv"
    path.write_bytes(HEADER + (_month("2024-01") + _month("2024-02")).encode("cp1252"))
    with collected() as notes:
        df = read_table(path)
    assert df["customer_id"].tolist() == ["Café Müller", "Bob", "Café Müller", "Bob"]
    assert notes == []


def test_a_mac_line_valid_as_utf8_by_chance_stays_mac(tmp_path) -> None:
    # MacRoman's "l’école" and "“Élan”" are bytes UTF-8 reads as "lՎcole" and "҃lan": no UTF-8 line beside Mac ones
    path = tmp_path / "snapshots.csv"
    path.write_bytes(HEADER + "l’école,2024-01,10\n“Élan”,2024-01,10\nCafé Müller,2024-01,100\n".encode("mac_roman"))
    with collected() as notes:
        df = read_table(path)
    assert df["customer_id"].tolist() == ["l’école", "“Élan”", "Café Müller"]
    assert notes == []


def test_utf8_lines_beside_shift_jis_lines_are_refused(tmp_path, capsys) -> None:
    # Shift-JIS, GBK and cp949 all read the Japanese line as text: nothing tells which, and --encoding misreads the rest
    from import_cli import refusal

    path = tmp_path / "snapshots.csv"
    path.write_bytes(HEADER + "田中商事,2024-01,100\n".encode() + "田中商事,2024-02,100\n".encode("cp932"))
    message = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "out"))
    assert message.startswith(
        "snapshots.csv: line 2 is UTF-8 text and line 3 not (Japanese Shift-JIS (cp932) as '田中商事,2024-02,100', "
    )
    assert message.endswith("two exports in two encodings appended? save the file again in one encoding (UTF-8)")


@pytest.mark.parametrize("encoding", ["cp1252", "windows-1252", "latin-1"])
def test_a_code_page_given_reads_its_lines_and_the_utf8_ones_stay_utf8(tmp_path, encoding) -> None:
    # --encoding cp1252 (which a refusal may ask for) names the other lines' page: the UTF-8 lines are not misread
    path = tmp_path / "snapshots.csv"
    path.write_bytes(HEADER + _month("2024-01").encode() + _month("2024-02").encode("cp1252"))
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, "--encoding", encoding) / "movements.csv")
    assert movements.set_index("month").loc["2024-02", ["lost", "new", "customers_end"]].tolist() == [0, 0, 2]
