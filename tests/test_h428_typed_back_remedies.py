"""H426's findings F1, F2, F3 and F5 on 8b2cf985 (upgrade puts back a deleted month) and 36aa8358 (misread inputs).

F1: a month deleted from "Purchases and visits" and typed back with a figure over a formula cell (E7, the rate) was
told by extend "xl-retention upgrade FILE rebuilds the row", which upgrade refuses: the remedy is now decided by
upgrade's own test (``deleted_months.can_put_back``), so both say Undo/backup. F2: recalc's line for a typed-back
month upgrade does rebuild said "add the months with xl-retention extend", which points to upgrade: it names upgrade.
F3: 1:30 typed in Excel (a ``datetime.time``, format h:mm) in Revenue!G4 (Churned MRR) was read as 0.0625 of money,
status ok; it is named as the text '1:30' is. F5: the remedy quoted the file's bare name, wrong when run from
elsewhere: the path as given.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import shlex
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

PURCHASES = "Purchases and visits"
TYPED_BACK = (
    "Purchases and visits!A7 is the month 2026-06, below the sheet's last month (row 6, where its names end) while "
    "the other monthly sheets run to 2026-06: the row of 2026-06 was deleted from Purchases and visits and typed back, "
    "without the formulas and names the Dashboard, the lifetime value and the charts read: "
)
UNDO = (
    "put the deleted row back instead (Undo in Excel before saving, or copy the sheet's rows from a backup of the file)"
)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """In a folder with a space: "typed back" (June's Purchases row deleted, June typed back below: 40, 12), "over"
    (the same with 0.3 over the formula cell E7), "time" (Revenue!G4 holding 1:30 typed in Excel)."""
    folder = tmp_path_factory.mktemp("h428") / "some dir"
    folder.mkdir()
    fresh = folder / "fresh.xlsx"
    build_template(fresh, start="2026-01", months=6)
    wb = openpyxl.load_workbook(fresh)
    purchases = wb[PURCHASES]
    purchases.delete_rows(7)
    for defined in wb.defined_names.values():
        if defined.attr_text.startswith(f"'{PURCHASES}'!") and defined.attr_text.endswith("$7"):
            defined.attr_text = defined.attr_text[:-1] + "6"
    purchases["A7"] = dt.datetime(2026, 6, 1)
    purchases["B7"], purchases["C7"] = 40, 12
    out = {"typed": folder / "my tracker.xlsx", "over": folder / "over.xlsx", "time": folder / "time.xlsx"}
    wb.save(out["typed"])
    purchases["E7"] = 0.3
    wb.save(out["over"])
    wb = openpyxl.load_workbook(fresh)
    revenue = wb["Revenue"]
    for ref, value in {"B2": 10000, "C2": 2000, "D2": 500, "E2": 0, "F2": 300, "G2": 700, "C3": 1200, "D3": 300,
                       "E3": 0, "F3": 100, "G3": 400, "C4": 1500, "D4": 200, "E4": 0, "F4": 50}.items():  # fmt: skip
        revenue[ref] = value
    revenue["G4"] = dt.time(1, 30)
    revenue["G4"].number_format = "h:mm"
    wb.save(out["time"])
    return out


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(args)
    return code, out.getvalue(), err.getvalue()


def test_a_figure_over_a_formula_cell_is_not_sent_to_upgrade(files: dict[str, Path]) -> None:
    """F1: extend and upgrade give the same remedy, the one upgrade can do."""
    path = files["over"]
    assert _run(["extend", str(path), "--months", "1"])[::2] == (1, f"xl-retention: error: {TYPED_BACK}{UNDO}\n")
    assert _run(["upgrade", str(path)])[::2] == (1, f"xl-retention: error: {TYPED_BACK}{UNDO}\n")


def test_extend_names_the_file_as_given(files: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """F5: run from another folder, the command names the path given, quoted."""
    monkeypatch.chdir(files["typed"].parent.parent)
    given = "some dir/my tracker.xlsx"
    assert _run(["extend", given, "--months", "1"])[::2] == (
        1,
        f"xl-retention: error: {TYPED_BACK}xl-retention upgrade 'some dir/my tracker.xlsx' rebuilds the row around "
        "the figures typed back (or Undo in Excel before saving)\n",
    )


@pytest.fixture(scope="module")
def recalculated(files: dict[str, Path]) -> dict[str, dict]:
    folder = files["typed"].parent
    code, out, _ = _run(["recalc", str(files["typed"]), str(files["time"]), "--json", "--output-dir",
                         str(folder / "out")])  # fmt: skip
    return {Path(f["path"]).name: f for f in json.loads(out)["files"]}


def test_recalc_names_upgrade_for_a_month_typed_back(recalculated: dict[str, dict], files: dict[str, Path]) -> None:
    """F2: recalc's line is extend's (incomplete), upgrade named with the path as given."""
    told = recalculated["my tracker.xlsx"]
    assert told["status"] == "incomplete"
    assert told["message"].startswith(
        f"my tracker.xlsx: {TYPED_BACK}xl-retention upgrade {shlex.quote(str(files['typed']))} rebuilds the row "
        "around the figures typed back (or Undo in Excel before saving)"
    )


def test_a_time_typed_in_an_amount_is_named(recalculated: dict[str, dict]) -> None:
    """F3: 1:30 typed in Excel is named as the text '1:30' is (status incomplete)."""
    told = recalculated["time.xlsx"]
    assert told["status"] == "incomplete"
    assert told["message"].startswith(
        "time.xlsx: Revenue!G4 (Churned MRR) is the time 1:30, no amount (Excel reads it as 0.0625): "
    )
