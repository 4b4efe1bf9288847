"""A CSV file ending with the DOS end-of-file mark (Ctrl-Z, 0x1A), as old Windows tools and ``copy /a`` write it,
was refused as "missing dates in row 5": row 5 was that invisible mark (H211 finding 02). The mark is no row, and a
mark right after the last value is not part of it (reading.csv_rows.without_end_of_file_mark). By hand: 2026-01
2 customers, MRR 300; 2026-02 1 customer, MRR 100."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from import_cli import refusal, run

TEXT = b"customer_id;month;mrr\r\nA;2026-01;100,00\r\nB;2026-01;200,00\r\nA;2026-02;100,00"


def _movements(out: Path) -> list[tuple[str, str, str]]:
    with open(out / "movements.csv", newline="") as handle:
        return [(r["month"], r["customers_end"], r["mrr_end"]) for r in csv.DictReader(handle)]


@pytest.mark.parametrize("ending", [b"\r\n\x1a", b"\x1a", b"\r\n\x1a\r\n", b"\r\n\r\n\x1a"])
def test_the_end_of_file_mark_is_no_row(tmp_path: Path, ending: bytes) -> None:
    path = tmp_path / "mrr.csv"
    path.write_bytes(TEXT + ending)
    out = run(tmp_path, "--subscriptions", path)
    assert _movements(out) == [("2026-01", "2", "300.0"), ("2026-02", "1", "100.0")]


def test_a_refusal_still_names_the_files_rows(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "mrr.csv"
    path.write_bytes(TEXT + b"\r\n\r\nC;;5,00\r\n\x1a")  # a blank line, then a row without its month
    assert refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")) == (
        "mrr.csv, column 'month': missing dates in row 6 (counting the header as row 1)"
    )
