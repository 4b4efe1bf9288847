"""``upgrade`` and ``extend`` never write the template's formulas into a column of the user's (H469's finding 02).

A tracker of the first template (tests/data/template_2026-11-22_8b3d91a7.xlsx, columns A:G on Customers) with a
column of the user's in H (H1 'Owner', H2:H3 typed) got the hidden helper column "Customers at end (chart)"'s
formulas in H4:H25, under 'Owner', visible (212, 215 after recalc), and the report said "added the hidden helper
columns ... 'Customers'!H4:H25". Now such a helper column goes to the first free column right of the sheet's cells,
hidden, under its header, its name and the template's charts reading it there, and the report says so; the user's
column is left as it is. A visible column of the template whose place holds the user's is not written at all.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from contextlib import redirect_stdout
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

pytestmark = [pytest.mark.filterwarnings("ignore::UserWarning")]

EARLY = Path(__file__).parent / "data" / "template_2026-11-22_8b3d91a7.xlsx"
PLACED = (
    "added the hidden helper columns this version's template has right of your columns, as their place holds a "
    "column of yours (kept as it is; their names and the template's charts read them there): "
)


def _run(*args: str) -> list[str]:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(list(args)) == 0
    return out.getvalue().splitlines()


def _early_with_owner(tmp_path: Path) -> Path:
    path = Path(shutil.copy(EARLY, tmp_path / "t.xlsx"))
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    customers["B2"] = 200
    for row, (gained, end) in enumerate([(10, 205), (12, 210), (8, 212), (9, 215)], start=2):
        customers.cell(row, 3).value, customers.cell(row, 4).value = gained, end
    customers["H1"], customers["H2"], customers["H3"] = "Owner", "Ann", "Bob"
    wb.save(path)
    return path


def _column(sheet: openpyxl.worksheet.worksheet.Worksheet, letter: str, last: int) -> list[object]:
    return [sheet[f"{letter}{row}"].value for row in range(1, last + 1)]


def test_upgrade_puts_the_helper_column_right_of_the_users_own(tmp_path: Path) -> None:
    path = _early_with_owner(tmp_path)
    first = _run("upgrade", str(path), "--recalc")[0]
    assert first.endswith(f"; {PLACED}'Customers'!L2:L25 (not H)")
    assert "'Customers'!H4:H25" not in first and "'Customers'!I2:I25, 'Customers'!J2:J25" in first
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    assert _column(customers, "H", 26) == ["Owner", "Ann", "Bob"] + [None] * 23
    assert not customers.column_dimensions["H"].hidden
    assert customers["L1"].value == "Customers at end (chart)" and customers.column_dimensions["L"].hidden
    assert customers["L4"].value.startswith("=IF(ISNUMBER(K4),IF(ROUND(D4+0,6)<0,NA(),D4+0)")
    assert wb.defined_names["Customers_End_Chart"].attr_text == "'Customers'!$L$2:$L$25"
    values = openpyxl.load_workbook(path, data_only=True)["Customers"]
    assert _column(values, "H", 6) == ["Owner", "Ann", "Bob", None, None, None]
    assert [values[f"L{row}"].value for row in range(2, 6)] == [205, 210, 212, 215]


def test_columns_of_the_users_filled_part_way_keep_their_blank_cells(tmp_path: Path) -> None:
    path = Path(shutil.copy(EARLY, tmp_path / "t.xlsx"))
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["I1"] = "Score"
    wb["Revenue"]["P1"] = "Budget"
    for row in range(2, 16):  # to the 14th month of 24
        wb["Customers"][f"I{row}"] = row
        wb["Revenue"][f"P{row}"] = 1000 + row
    wb.save(path)
    first = _run("upgrade", str(path))[0]
    assert first.endswith(f"; {PLACED}'Customers'!L2:L25 (not I), 'Revenue'!Z2:Z25 (not P)"), first
    wb = openpyxl.load_workbook(path)
    assert _column(wb["Customers"], "I", 26) == ["Score", *range(2, 16)] + [None] * 11
    assert _column(wb["Revenue"], "P", 26) == ["Budget", *range(1002, 1016)] + [None] * 11
    assert [wb["Customers"][f"{c}1"].value for c in "HJKL"] == [
        "Customers at end (chart)",
        "Churn rates so far",
        "Months with customers at end so far",
        "CRR (chart)",
    ]
    assert wb.defined_names["Customers_CRR_Chart"].attr_text == "'Customers'!$L$2:$L$25"
    assert wb.defined_names["Revenue_End_Chart"].attr_text == "'Revenue'!$Z$2:$Z$25"
    assert wb["Revenue"]["Z1"].value == "MRR at end (chart)" and wb["Revenue"].column_dimensions["Z"].hidden


def test_extend_writes_the_new_months_in_the_helper_column_not_the_users(tmp_path: Path) -> None:
    path = _early_with_owner(tmp_path)
    lines = _run("extend", str(path), "--months", "1")
    assert lines[1].endswith(f"; {PLACED}'Customers'!L2:L25 (not H)")
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    assert _column(customers, "H", 27) == ["Owner", "Ann", "Bob"] + [None] * 24
    assert customers["L26"].value.startswith("=IF(ISNUMBER(K26),IF(ROUND(D26+0,6)<0,NA(),D26+0)")
    assert wb.defined_names["Customers_End_Chart"].attr_text == "'Customers'!$L$2:$L$26"
    assert _run("extend", str(path), "--months", "1")[0].startswith("extended")  # found by its header now
    wb = openpyxl.load_workbook(path)
    assert _column(wb["Customers"], "H", 28) == ["Owner", "Ann", "Bob"] + [None] * 25
    assert wb["Customers"]["L27"].value.startswith("=IF(ISNUMBER(K27),")
    assert wb.defined_names["Customers_End_Chart"].attr_text == "'Customers'!$L$2:$L$27"


def _chart_ranges(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        texts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    return sorted(f for t in texts for f in re.findall(r"<(?:c:)?f>('Customers'![^<]*)</", t))


def test_a_helper_column_cleared_and_reused_is_written_beside_it_and_read_there(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    assert "'Customers'!$H$2:$H$5" in _chart_ranges(path)
    wb = openpyxl.load_workbook(path)
    for row in range(1, 6):
        wb["Customers"][f"H{row}"] = None  # 'Customers at end (chart)' cleared, then a column of the user's there
    wb["Customers"]["H1"], wb["Customers"]["H2"] = "Owner", "Ann"
    wb.save(path)
    assert _run("upgrade", str(path)) == [f"{PLACED}'Customers'!L2:L5 (not H)"]
    wb = openpyxl.load_workbook(path)
    assert _column(wb["Customers"], "H", 6) == ["Owner", "Ann", None, None, None, None]
    assert wb["Customers"]["L1"].value == "Customers at end (chart)"
    assert wb.defined_names["Customers_End_Chart"].attr_text == "'Customers'!$L$2:$L$5"
    assert _chart_ranges(path) == [
        "'Customers'!$A$2:$A$5",
        "'Customers'!$A$2:$A$5",
        "'Customers'!$I$2:$I$5",
        "'Customers'!$L$2:$L$5",
    ]


def test_a_visible_column_of_the_template_is_not_written_into_the_users(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    for row in range(1, 6):
        wb["Revenue"][f"O{row}"] = None  # 'Quick ratio' cleared, then a column of the user's there
    wb["Revenue"]["O1"], wb["Revenue"]["O2"] = "Budget", 1000
    wb.save(path)
    # it said "its formulas are this version's already (nothing changed)", Revenue_Quick_Ratio reading the Budget
    # cells 'Revenue'!$O$2:$O$5 (H480's finding 04): the column left out is said, the name no longer reads them
    left = (
        "left out the template's 'Quick ratio' column: its place 'Revenue'!O holds a column of yours ('Budget'), kept "
        "as it is, so the tracker has no Quick ratio figures"
    )
    again = "; move your column elsewhere and upgrade again to have its formulas back"
    removed = " (removed the template's name Revenue_Quick_Ratio, which read your column)"
    assert _run("upgrade", str(path)) == [left + removed + again]
    assert _column(openpyxl.load_workbook(path)["Revenue"], "O", 6) == ["Budget", 1000, None, None, None, None]
    names = zipfile.ZipFile(path).read("xl/workbook.xml").decode()
    assert "Revenue_Quick_Ratio" not in names and "Revenue_New" in names
    assert _run("upgrade", str(path)) == [left + again]  # the file not written again, still said


def test_a_helper_column_whose_header_was_renamed_is_still_the_templates(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["H1"], wb["Customers"]["H3"] = "End (chart)", None  # its formulas stay: the template's column
    wb.save(path)
    assert _run("upgrade", str(path)) == [
        "put the template's formulas back in 'Customers'!H3 (blank: cleared?), each month's reading its own row "
        "again (values you typed over formulas are kept)"
    ]
