"""A column the template's formulas read deleted by the user ('Churn rate' on Customers: 'Churn rates so far' beside
it reads it, and the Dashboard's latest CRR and the lifetime value's churn read that): extend refused ("no column
'Churn rate' in row 1, which the formula of 'Churn rates so far' needs"), but import --into succeeded, exit 0, and
left the Dashboard's CRR #N/A and the lifetime value's churn blank with no word. The import now refuses as extend
does, before writing; a deleted column no formula reads (on a sheet the import does not write, too) is no matter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from xl_retention.workbook import build_template

SUBS = "customer_id,month,mrr\na,2025-01,10\nb,2025-01,20\na,2025-02,10\n"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "xl_retention.cli", *args], capture_output=True, text=True)


def _without(tmp_path: Path, title: str, header: str) -> Path:
    book = build_template(tmp_path / "t.xlsx", start="2025-01", months=3)
    wb = openpyxl.load_workbook(book)
    ws = wb[title]
    column = next(c for c in range(1, ws.max_column + 1) if ws.cell(1, c).value == header)
    ws.delete_cols(column)  # the cells move left; the importer reads the headers of row 1
    wb.save(book)
    return book


@pytest.mark.parametrize("command", ["import", "extend"])
def test_a_deleted_column_the_formulas_read_refuses(tmp_path: Path, command: str) -> None:
    book = _without(tmp_path, "Customers", "Churn rate")
    before = book.read_bytes()
    (tmp_path / "s.csv").write_text(SUBS)
    args = ("import", "--subscriptions", str(tmp_path / "s.csv"), "--into", str(book))
    result = _cli(*args) if command == "import" else _cli("extend", str(book), "--months", "1")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "xl-retention: error: Customers: no column 'Churn rate' in row 1, which the formula of 'Churn rates so far' "
        "needs\n"
    )
    assert book.read_bytes() == before


def test_a_deleted_column_on_a_sheet_the_import_does_not_write_is_no_matter(tmp_path: Path) -> None:
    book = _without(tmp_path, "Purchases and visits", "Visitors")  # the shop's visits: nobody reads them here
    (tmp_path / "s.csv").write_text(SUBS)
    result = _cli("import", "--subscriptions", str(tmp_path / "s.csv"), "--into", str(book))
    assert result.returncode == 0, result.stderr
    assert [openpyxl.load_workbook(book)["Customers"].cell(r, 4).value for r in (2, 3)] == [2, 1]
