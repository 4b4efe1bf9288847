"""Two refusals that named the wrong cause (H50 finding 09; reading.summaries, reading.files).

Before, two Excel "CSV UTF-8" files appended (each starting with a byte-order mark) were refused as "dates that do not
parse ... 'month'": the second header, after its BOM, was not seen as a repeated header; and a UTF-16 big-endian file
without a byte-order mark was told to give --encoding utf-16-le, which reads it as one line of CJK characters ("has a
header but no data rows").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention import cli

JAN = "customer_id,month,mrr\r\na,2024-01,100\r\nb,2024-01,50\r\n"
FEB = "customer_id,month,mrr\r\na,2024-02,100\r\nb,2024-02,50\r\n"


def _refusal(capsys: pytest.CaptureFixture[str], *args: object) -> str:
    assert cli.main([str(a) for a in args]) == 1
    return capsys.readouterr().err.strip()


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_repeated_header_after_a_byte_order_mark_is_named_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    path = tmp_path / "appended.csv"
    path.write_bytes(("\ufeff" + JAN).encode() + ("\ufeff" + FEB).encode())  # cat jan.csv feb.csv
    err = _refusal(capsys, "import", "--subscriptions", path, "--backend", backend, "--to-csv", tmp_path / "o")
    assert err == (
        "xl-retention: error: appended.csv, column 'customer_id': rows that repeat the header (files appended with "
        "their headers?) in row 4 (counting the header as row 1): '\\ufeffcustomer_id': remove them"
    )


@pytest.mark.parametrize(("order", "other"), [("be", "le"), ("le", "be")])
def test_utf16_without_a_byte_order_mark_is_told_its_byte_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], order: str, other: str
) -> None:
    path = tmp_path / f"{order}.csv"
    path.write_bytes(
        "customer_id\tdate\tamount\na\t2024-01-05\t10.50\nb\t2024-01-07\t20.00\n".encode(f"utf-16-{order}")
    )
    err = _refusal(capsys, "import", "--orders", path, "--to-csv", tmp_path / "o")
    assert err == (
        f"xl-retention: error: {order}.csv is not a text, Parquet or Excel file (binary content); if it is UTF-16 "
        f"text without a byte-order mark, give --encoding utf-16-{order}"
    )
    assert f"utf-16-{other}" not in err
    out = tmp_path / "read"
    assert cli.main(["import", "--orders", str(path), "--encoding", f"utf-16-{order}", "--to-csv", str(out)]) == 0
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1] == "2024-01,30.5"


@pytest.mark.parametrize(("order", "given"), [("be", "utf-16-le"), ("le", "UTF_16_BE")])
def test_utf16_given_in_the_other_byte_order_is_told_which(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], order: str, given: str
) -> None:
    path = tmp_path / "orders.csv"  # before: "orders.csv has a header but no data rows" (one line of CJK characters)
    path.write_bytes("customer_id\tdate\tamount\na\t2024-01-05\t10.50\n".encode(f"utf-16-{order}"))
    err = _refusal(capsys, "import", "--orders", path, "--encoding", given, "--to-csv", tmp_path / "o")
    endian = "big-endian (its NUL bytes first)" if order == "be" else "little-endian (its NUL bytes second)"
    assert err == (f"xl-retention: error: orders.csv is UTF-16 {endian}, not {given}: give --encoding utf-16-{order}")
