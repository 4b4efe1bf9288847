"""A current tracker's Dashboard is known by its latest figures' formulas, not by the header A3 alone: upgrade adds
no second table to one whose header the user translated or above which more rows were inserted than the upgrade
looks through (H363's finding 09).

Before, a Dashboard whose A3 was not "Latest figures" (nor within 10 rows below) was taken for an early tracker's
(8b3d91a7, charts only: H358) and the latest figures table was added: refused with a line naming the user's own
table's cells (A3, B3, ... E8 ... and page breaks), or written over the moved cells as a second table.
"""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stdout
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook import inplace as ip


@pytest.fixture(scope="module")
def new(tmp_path_factory) -> Path:
    return build_template(tmp_path_factory.mktemp("h365") / "new.xlsx", start="2026-01", months=4)


def _upgraded(path: Path) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["upgrade", str(path)]) == 0
    return out.getvalue()


def test_a_translated_header_adds_no_second_table(new: Path, tmp_path: Path) -> None:
    path = tmp_path / "tracker.xlsx"
    shutil.copy(new, path)
    package = ip.Package(path)
    package.sheet("Dashboard").put("A3", b'<c r="A3" t="inlineStr"><is><t>Aktuelle Zahlen</t></is></c>')
    package.save()
    assert _upgraded(path) == f"{path}: its formulas are this version's already (nothing changed)\n"
    ws, made = openpyxl.load_workbook(path)["Dashboard"], openpyxl.load_workbook(new)["Dashboard"]
    assert ws["A3"].value == "Aktuelle Zahlen" and ws["A12"].value is None
    assert [ws[f"B{r}"].value for r in range(4, 10)] == [made[f"B{r}"].value for r in range(4, 10)]
    assert [(c.anchor._from.col, c.anchor._from.row) for c in ws._charts] == [
        (c.anchor._from.col, c.anchor._from.row) for c in made._charts
    ]


def test_eleven_rows_inserted_above_the_table_add_no_second_table(new: Path, tmp_path: Path) -> None:
    path = tmp_path / "tracker.xlsx"
    wb = openpyxl.load_workbook(new)
    wb["Dashboard"].insert_rows(3, 11)  # the table's cells from A14 on (its formulas read names only)
    wb.save(path)
    out = _upgraded(path)
    assert "latest figures table" not in out and "A3:G10" not in out, out
    ws, made = openpyxl.load_workbook(path)["Dashboard"], openpyxl.load_workbook(new)["Dashboard"]
    assert [ws[f"A{r}"].value for r in range(3, 15)] == [None] * 11 + ["Latest figures"]
    assert [ws[f"B{r}"].value for r in range(15, 21)] == [made[f"B{r}"].value for r in range(4, 10)]
