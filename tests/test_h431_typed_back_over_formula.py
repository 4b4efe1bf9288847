"""A month deleted and typed back with a figure over a formula cell, which upgrade cannot rebuild: recalc gives
extend's line (Undo or a backup), not "add the months with xl-retention extend", which extend refuses (H426's F13)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

P = "Purchases and visits"
LINE = (
    "Purchases and visits!A7 is the month 2026-06, below the sheet's last month (row 6, where its names end) while the "
    "other monthly sheets run to 2026-06: the row of 2026-06 was deleted from Purchases and visits and typed back, "
    "without the formulas and names the Dashboard, the lifetime value and the charts read: put the deleted row back "
    "instead (Undo in Excel before saving, or copy the sheet's rows from a backup of the file)"
)


@pytest.fixture(scope="module")
def typed(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A 6-month tracker whose Purchases and visits row 7 (2026-06) was deleted, its names shrunk, and typed back
    below with E7 = 0.3 over the rate's formula."""
    folder = tmp_path_factory.mktemp("h431_typed_back")
    build_template(folder / "fresh.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(folder / "fresh.xlsx")
    wb[P].delete_rows(7)
    for name in wb.defined_names.values():
        if name.attr_text.startswith(f"'{P}'!") and name.attr_text.endswith("$7"):
            name.attr_text = name.attr_text[:-1] + "6"
    sheet = wb[P]
    sheet["A7"], sheet["B7"], sheet["C7"], sheet["E7"] = dt.datetime(2026, 6, 1), 40, 12, 0.3
    wb.save(folder / "typed.xlsx")
    return str(folder / "typed.xlsx")


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(args)
    return code, out.getvalue(), err.getvalue().strip()


def test_recalc_gives_extends_line(typed: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    _, out, _ = _run(["recalc", typed, "--json", "--output-dir", str(tmp_path_factory.mktemp("out"))])
    (report,) = json.loads(out)["files"]
    assert report["status"] == "incomplete"
    assert report["message"].split("; ")[0] == f"typed.xlsx: {LINE}"
    assert "xl-retention extend" not in report["message"]


def test_extend_refuses_with_the_same_line(typed: str) -> None:
    code, _, said = _run(["extend", typed, "--months", "1"])
    assert code != 0
    assert said.endswith(LINE)
