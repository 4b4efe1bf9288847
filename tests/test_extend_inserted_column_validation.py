"""A column inserted by the user right of a validated input column (Customers' "Gained", Purchases and visits'
"Customers who bought"): Excel and LibreOffice stretch that column's validation over the inserted one (C2:C4 ->
C2:D4, as LibreOffice 7.4 saved it here after Columns.insertByIndex). ``extend`` then listed the template's own
validation as one "of yours over the months" ('validation 'Customers'!C2:D4 -> C2:D6'); it is the template's (its
error titled xl-retention, over the template's column), and follows the months silently as before the insert. A
validation of the user's beside it is still listed."""

from __future__ import annotations

import openpyxl
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation

from xl_retention import cli
from xl_retention.workbook import build_template


def _inserted(tmp_path, title: str, column: int, moved: dict[str, str]):
    """A 3-month tracker with a column 'Mine' inserted at ``column`` of ``title``; its validations' ranges as the
    insert leaves them (``moved``: old range -> new)."""
    path = build_template(tmp_path / "tracker.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    ws = wb[title]
    ws.insert_cols(column)  # the cells move; extend finds the template's columns by their headers
    ws.cell(1, column, "Mine")
    for validation in ws.data_validations.dataValidation:
        validation.sqref = MultiCellRange(moved.get(str(validation.sqref), str(validation.sqref)))
    return path, wb


def _extend(path, capsys) -> list[str]:
    capsys.readouterr()
    assert cli.main(["extend", str(path), "--months", "2"]) == 0
    return capsys.readouterr().out.strip().splitlines()[1:]


def test_the_templates_validation_stretched_over_an_inserted_column_is_not_the_users(tmp_path, capsys) -> None:
    path, wb = _inserted(tmp_path, "Customers", 4, {"C2:C4": "C2:D4", "D2:D4": "E2:E4"})
    wb.save(path)
    assert _extend(path, capsys) == []
    ranges = sorted(str(v.sqref) for v in openpyxl.load_workbook(path)["Customers"].data_validations.dataValidation)
    assert ranges == ["B2", "C2:D6", "E2:E6"]  # the template's follow the months, the inserted column's with them


def test_on_purchases_and_a_list_of_the_users_beside_it_still_listed(tmp_path, capsys) -> None:
    path, wb = _inserted(tmp_path, "Purchases and visits", 3, {"B2:B4": "B2:C4", "C2:C4": "D2:D4", "D2:D4": "E2:E4",
                                                               "G2:G4": "H2:H4", "H2:H4": "I2:I4"})  # fmt: skip
    owner = DataValidation(type="list", formula1='"Ann,Bob"')
    owner.add("J2:J4")
    wb["Purchases and visits"].add_data_validation(owner)
    wb.save(path)
    assert _extend(path, capsys) == [
        "1 chart(s), conditional format(s), validation(s) or table(s) of yours over the months now take in the months "
        "added: validation 'Purchases and visits'!J2:J4 -> J2:J6 (a range that ended at the last month; change it "
        "back where it was meant for those months only)"
    ]
