"""``recalc --output result.xlsx``: argparse takes ``--output`` as a prefix of ``--output-dir``, and recalc made a
folder named ``result.xlsx`` holding ``book.xlsx`` (exit 0, status ok): a "workbook" that Excel cannot open and
``pandas.read_excel`` fails on (IsADirectoryError). A folder that doesn't exist yet and bears a workbook's name is
refused, on the CLI (one line, exit 1) and in the Python API (ValueError), and nothing is made."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc

sys.path.insert(0, str(Path(__file__).parent))
from cli_process import run  # noqa: E402


def _book(folder: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["A2"] = 1, "=A1+1"
    wb.save(folder / "book.xlsx")
    return folder / "book.xlsx"


@pytest.mark.parametrize("option", ["--output", "--out", "--output-dir"])
@pytest.mark.parametrize("name", ["result.xlsx", "result.XLSM", "copy.csv", "old.xls"])
def test_a_workbook_name_as_the_output_folder_is_refused(tmp_path: Path, option: str, name: str) -> None:
    book = _book(tmp_path)
    before = book.read_bytes()
    result = run("recalc", book, option, tmp_path / name)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        f"xl-retention: error: output_dir '{tmp_path / name}' is a workbook's name, not a folder: the results are"
        " written into the folder under their inputs' names; give a folder (--output-dir DIR), or replace the"
        " inputs (--in-place)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx"] and book.read_bytes() == before


def test_the_python_api_refuses_it_too(tmp_path: Path) -> None:
    book = _book(tmp_path)
    with pytest.raises(ValueError, match=r"^output_dir '.*result\.xlsx' is a workbook's name, not a folder: "):
        recalc(book, engine="embedded", output_dir=tmp_path / "result.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx"]


def test_an_existing_folder_so_named_and_a_plain_folder_are_written_into(tmp_path: Path) -> None:
    book = _book(tmp_path)
    (tmp_path / "made.xlsx").mkdir()  # the user's own folder of that name: theirs to choose
    for folder in ("made.xlsx", "out", "v1.2"):
        report = recalc(book, engine="embedded", output_dir=tmp_path / folder)
        assert report.ok and report.files[0].output == str(tmp_path / folder / "book.xlsx")
        assert openpyxl.load_workbook(tmp_path / folder / "book.xlsx", data_only=True).active["A2"].value == 2
