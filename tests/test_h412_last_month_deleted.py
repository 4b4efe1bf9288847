"""A tracking sheet's last month's row deleted: recalc names it, and the refusals say how to put it back, with no
loop (H397's finding 04).

Before, "Purchases and visits" without its 2026-12 row (deleted in Excel, its names shrunk to row 12) was ``ok`` to
recalc, and extend, upgrade and import refused "the monthly sheets must cover the same months" with no remedy; the
month typed back was refused with "delete those rows, run extend again", which led back to the first refusal.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

SHORT = (
    "Purchases and visits ends at 2026-05 (row 6), Customers at 2026-06: the row of 2026-06 was deleted from "
    "Purchases and visits, and the monthly sheets must cover the same months: put it back with xl-retention upgrade "
    "{}, which writes it back with the formulas and names the Dashboard, the lifetime value and the charts read (the "
    "figures left blank to type, or those typed back below row 6 kept)"
)
TYPED_BACK = (
    "Purchases and visits!A7 is the month 2026-06, below the sheet's last month (row 6, where its names end) while "
    "the other monthly sheets run to 2026-06: the row of 2026-06 was deleted from Purchases and visits and typed "
    "back, without the formulas and names the Dashboard, the lifetime value and the charts read: xl-retention "
    "upgrade {} rebuilds the row around the figures typed back (or Undo in Excel before saving)"
)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A 6-month tracker whose "Purchases and visits" lost its last row as Excel deletes one (the row's cells gone,
    the sheet's names ending a row higher), and the same with the month typed back."""
    folder = tmp_path_factory.mktemp("h412_04")
    path = folder / "deleted.xlsx"
    build_template(path, start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["B2"], wb["Customers"]["C2"], wb["Customers"]["D2"] = 100, 20, 110
    ws = wb["Purchases and visits"]
    ws.delete_rows(7)
    for defined in wb.defined_names.values():  # 'Purchases and visits'!$B$2:$B$7 -> $B$2:$B$6, as Excel does
        if defined.attr_text.startswith("'Purchases and visits'!") and defined.attr_text.endswith("$7"):
            defined.attr_text = defined.attr_text[:-1] + "6"
    wb.save(path)
    back = folder / "typed_back.xlsx"
    ws["A7"] = dt.datetime(2026, 6, 1)
    ws["A7"].number_format = "mmm yyyy"
    wb.save(back)
    return {"deleted": path, "typed_back": back}


@pytest.mark.parametrize("command", [["extend", "--months", "1"]])  # upgrade puts the row back: test_h417
def test_the_refusals_name_the_deleted_month(
    files: dict[str, Path], command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    for name, said in (("deleted", SHORT), ("typed_back", TYPED_BACK)):  # the path as given (H426's F5)
        said = said.format(files[name])
        before = files[name].read_bytes()
        assert cli.main([command[0], str(files[name]), *command[1:]]) == 1
        assert capsys.readouterr().err == f"xl-retention: error: {said}\n", name
        assert files[name].read_bytes() == before


def test_recalc_names_the_deleted_month(files: dict[str, Path]) -> None:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        cli.main(["recalc", str(files["deleted"]), "--json", "--output-dir", str(files["deleted"].parent / "out")])
    (f,) = json.loads(printed.getvalue())["files"]
    assert f["status"] == "incomplete"
    assert f["message"].startswith(f"deleted.xlsx: {SHORT.format(files['deleted'])}")
