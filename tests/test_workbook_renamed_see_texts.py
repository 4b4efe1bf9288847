"""The Dashboard says where an error is ("see Customers!F3", "see 'Lifetime value'!B8"): the sheet's name is text in
its formulas, which Excel does not rename with the sheet. After the user renamed Customers (Kunden), Lifetime value
(CLV) or Purchases and visits, extend and import left the names and charts following the rename (8780316) but the
Dashboard still pointed at the old sheet. They now rewrite the template's "see SHEET!" to the sheet's name; a text
of the user's naming a sheet that is there is left as it is."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template

RENAMES = {"Customers": "Kunden", "Lifetime value": "CLV", "Purchases and visits": "Käufe & Besuche"}


def _renamed_as_excel_does(made: Path, tracker: Path) -> Path:
    """``made`` with the sheets of :data:`RENAMES` renamed as Excel renames them: the tab and every reference (names,
    formulas, charts), but no text inside a formula ("see Customers!")."""
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(tracker, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info).decode("utf-8") if info.filename.endswith(".xml") else source.read(info)
            if isinstance(data, str):
                for old, new in RENAMES.items():
                    xml_new = new.replace("&", "&amp;")
                    data = data.replace(f'name="{old}"', f'name="{xml_new}"')
                    data = re.sub(
                        rf"(?<!see )'{re.escape(old)}'!", f"'{xml_new}'!", data
                    )  # not "see 'Lifetime value'!"
                    data = re.sub(rf"(?<![\w'. ]){re.escape(old)}!", f"'{xml_new}'!", data)  # not 'see Customers!'
                data = data.encode("utf-8")
            out.writestr(info, data)
    return tracker


def _tracker(tmp_path: Path) -> Path:
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(made)
    wb["Dashboard"]["H20"] = '="see Revenue!B2 for the plan"'  # the user's own text, naming a sheet that is there
    wb.save(made)
    return _renamed_as_excel_does(made, tmp_path / "tracker.xlsx")


def _see_texts(path: Path) -> list[str]:
    ws = openpyxl.load_workbook(path)["Dashboard"]
    return sorted({t for row in ws.iter_rows() for c in row if isinstance(c.value, str)
                   for t in re.findall(r'"see [^"!]*!', c.value)})  # fmt: skip


def test_the_template_names_its_own_sheets(tmp_path: Path) -> None:
    made = build_template(tmp_path / "template.xlsx", start="2026-01", months=3)
    assert _see_texts(made) == [
        "\"see 'Lifetime value'!",
        "\"see 'Purchases and visits'!",
        '"see Customers!',
        '"see NPS!',
        '"see Revenue!',
    ]  # fmt: skip  (a name with a space quoted, as a formula writes it: H194's finding 03)
    assert _see_texts(_tracker(tmp_path)) == _see_texts(made)  # Excel's rename leaves the texts


def test_extend_rewrites_the_dashboards_see_texts_to_the_renamed_sheets(tmp_path: Path) -> None:
    path = _tracker(tmp_path)
    assert cli.main(["extend", str(path), "--months", "2"]) == 0
    assert _see_texts(path) == [
        "\"see 'Käufe & Besuche'!", '"see CLV!', '"see Kunden!', '"see NPS!', '"see Revenue!'
    ]  # fmt: skip
    assert openpyxl.load_workbook(path)["Dashboard"]["H20"].value == '="see Revenue!B2 for the plan"'


def test_import_rewrites_them_too(tmp_path: Path) -> None:
    path = _tracker(tmp_path)
    csv = tmp_path / "s.csv"
    csv.write_text("customer_id,month,mrr\na,2026-01,10\nb,2026-02,10\n")
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(path)]) == 0
    assert '"see Kunden!' in _see_texts(path) and '"see Customers!' not in _see_texts(path)
    assert '"see CLV!' in _see_texts(path)
