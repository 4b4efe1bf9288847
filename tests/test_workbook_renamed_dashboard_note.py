"""The Dashboard's note under its figures (A10) gives an example of where an error is: "(see Customers!F3)", plain
text. After the user renamed Customers (Kunden), extend and import rewrote the "see Customers!" of the Dashboard's
formulas (4b95374) but the note still named Customers, a sheet there is no more. It now names the sheet as it is, and
the CRR column where a column was inserted before it; a second rename is followed too; a text of the user's is left."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template

NOTE = (
    "Each figure is the last month that has it; one in error in a later month says where (see {}). Charts show the "
    "months with figures: from the first month with a retention rate (an import's first month has none, starting "
    "from no customers) to the last month with data."
)
MINE = "My note: (see Customers!F3) is where February is."


def _renamed(made: Path, tracker: Path, old: str, new: str) -> Path:
    """``made`` with sheet ``old`` renamed ``new`` as Excel renames it: the tab and every reference (names,
    formulas, charts), no text (the note, "see Customers!" in a formula)."""
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(tracker, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith(".xml"):
                text = data.decode("utf-8").replace(f'name="{old}"', f'name="{new}"')
                text = text.replace(f"'{old}'!", f"'{new}'!")
                data = re.sub(rf"(?<![\w'. ]){re.escape(old)}!", f"'{new}'!", text).encode("utf-8")
            out.writestr(info, data)
    return tracker


def _tracker(tmp_path: Path, insert: bool = False) -> Path:
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(made)  # saved again by openpyxl: the note a shared string, as Excel saves it
    wb["Dashboard"]["A70"] = MINE
    if insert:
        wb["Customers"].insert_cols(2)  # the cells move; extend finds the columns by their headers
        wb["Customers"]["B1"] = "Region"
    wb.save(made)
    return _renamed(made, tmp_path / "tracker.xlsx", "Customers", "Kunden")


def _notes(path: Path) -> tuple[str, str]:
    ws = openpyxl.load_workbook(path)["Dashboard"]
    return ws["A10"].value, ws["A70"].value


def test_extend_names_the_renamed_sheet_in_the_note(tmp_path: Path) -> None:
    tracker = _tracker(tmp_path)
    assert _notes(tracker) == (NOTE.format("Customers!F3"), MINE)  # Excel's rename leaves the text
    assert cli.main(["extend", str(tracker), "--months", "1"]) == 0
    assert _notes(tracker) == (NOTE.format("Kunden!F3"), MINE)
    again = _renamed(tracker, tmp_path / "again.xlsx", "Kunden", "Clients")
    assert cli.main(["extend", str(again), "--months", "1"]) == 0
    assert _notes(again) == (NOTE.format("Clients!F3"), MINE)
    assert openpyxl.load_workbook(again)["Dashboard"]["A10"].font.i  # its style kept


def test_import_names_the_renamed_sheet_and_its_crr_column(tmp_path: Path) -> None:
    tracker = _tracker(tmp_path, insert=True)
    subs = tmp_path / "subs.csv"
    subs.write_text("customer_id,month,mrr\na,2026-01,10\nb,2026-01,20\na,2026-02,10\n")
    assert cli.main(["import", "--subscriptions", str(subs), "--into", str(tracker)]) == 0
    assert _notes(tracker) == (NOTE.format("Kunden!G3"), MINE)


def test_the_template_writes_the_note_naming_customers(tmp_path: Path) -> None:
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=3)
    assert openpyxl.load_workbook(made)["Dashboard"]["A10"].value == NOTE.format("Customers!F3")
