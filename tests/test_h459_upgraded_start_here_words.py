"""``upgrade`` of an earlier tracker kept the Start here sheet's rows under "Fill a month" (A19:A33 in a new tracker)
and the Dashboard's note under its latest figures (A10) in the earlier template's words, which tell of its earlier
behaviour: "a partly filled month shows #VALUE!" (a Revenue movement left blank counts as 0), "charts leave months
without data out (gaps)", "#NAME? ... (LibreOffice: ... as the fit's #NUM!)" (LibreOffice shows Err:504 there),
"charts show the months whose movements are known: from the month after the data's first" (H459's task 1).

Now those rows are this version's where they hold an earlier template's words (a row the user changed is kept, and
the report says so), with the print area, column A's width and one page tall as this version's; the Lite line that
named a package PyPI does not have is this version's. The earlier words, verbatim from
``git show COMMIT:workbooks/retention_template.xlsx``, are written here into a tracker built now (or read from
tests/data's kept trackers of 8b3d91a7 and of before 2026-12-03).
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

DATA = Path(__file__).parent / "data"
#: a new tracker's A19:A33
NOW = [
    "Months you have not filled stay blank. Customers: a month typed in part shows #VALUE! until it is complete.",
    "Revenue: a blank movement counts as 0 (none typed: rates #VALUE!); MRR and NRR are final once all are typed.",
    "An import's first month starts from no customers: its rates are blank, not #DIV/0!; a typed start gives rates.",
    "The Dashboard's charts show the months with data: xl-retention recalc fits them after months are typed.",
    "NPS: the margin of error is blank with fewer than 4 answers in a month, or with all of them in one group.",
    "Each monthly sheet's notes are in the comment on its Month header (A1): the sheet holds its table only.",
    None,
    "Colours",
    "Yellow cells with blue numbers are inputs",
    "Grey cells are formulas: do not type over them",
    None,
    "Formula reference: run  xl-retention functions  or read docs/functions.md in the xl-retention repository.",
    "Errors: #DIV/0! a zero denominator; #NUM! a negative count or impossible combination; #VALUE! text or blanks.",
    "#NAME?: the functions are not loaded. LibreOffice has none of them and computes each cell that stores an error",
    "again: #NAME? there, Err:504 in the sBG fit's cells (Cohorts, Lifetime value; the note beside the fit says why).",
]
MONTHS_ALL = "Months you have not filled stay blank; a partly filled month shows #VALUE! until it is complete."
#: A21 before H497 (untrue of a first month typed with its start): replaced by NOW[2] (H490's finding 03)
FIRST_NONE = "The first month with data has no customers or MRR at its start: its rates are blank, not #DIV/0!."
NAME_ONE = "#NAME?: the functions are not loaded (LibreOffice: in each cell that stores an error, as the fit's #NUM!)."
#: a285f8be's A18:A27 (2026-11-30, under 4 Windows rows: written from A19 here, under this version's 5)
A285F8BE = [
    MONTHS_ALL,
    FIRST_NONE,
    "The Dashboard's charts leave months without data out (gaps), from hidden chart columns (#N/A = no data).",
    *NOW[6:13],
]
#: b86fdae5's A19:A32 (2026-12-03)
B86FDAE5 = [
    NOW[0],
    "Revenue: a movement left blank counts as 0: a month's MRR and NRR are final once all its movements are typed.",
    FIRST_NONE,
    *NOW[3:13],
    NAME_ONE,
]
NOTE_NOW = (
    "Each figure is the last month that has it; one in error in a later month says where (see Customers!F3). Charts "
    "show the months with figures: from the first month with a retention rate (an import's first month has none, "
    "starting from no customers) to the last month with data."
)
#: the Dashboard's A10 of a285f8be and of f4c6df82 (2026-11-30)
NOTES_BEFORE = (
    "Each figure is the last month that has it; charts leave months without data out.",
    "Each figure is the last month that has it. Charts show the months whose movements are known: from the month "
    "after the data's first (nobody is a customer at its start) to the last month with data.",
)
REPLACED = "this version's words on filling a month, the charts and errors, in place of an earlier template's"
A10_LINE = (
    "'Dashboard'!A10: this version's note under the latest figures (the charts start at the first month with a "
    "retention rate), in place of an earlier template's"
)


def _upgrade(path: Path) -> list[str]:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["upgrade", str(path)]) == 0
    return out.getvalue().splitlines()


def _column_a(path: Path, first: int, last: int) -> list[object]:
    ws = openpyxl.load_workbook(path)["Start here"]
    return [ws.cell(row, 1).value for row in range(first, last + 1)]


def _page(path: Path) -> tuple[str | None, float, list[bytes]]:
    wb = openpyxl.load_workbook(path)
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    setup = re.findall(rb'orientation="(\w+)"|fitToHeight="(\d)"', sheet)
    setup = [part for found in setup for part in found if part]
    return wb["Start here"].print_area, wb["Start here"].column_dimensions["A"].width, setup


def _earlier(tmp_path: Path, rows: list[str | None], a10: str | None = None, portrait: bool = False) -> Path:
    """A tracker built now whose Start here holds ``rows`` from A19 to its end, printed as the earlier template
    printed it (A1 to its last row, 136 wide, one page wide and as many tall as it takes; ``portrait``: as
    a285f8be's)."""
    tmp_path.mkdir(exist_ok=True)
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    ws = wb["Start here"]
    first = 19
    ws.delete_rows(first, 40)
    for row, text in enumerate(rows, start=first):
        ws.cell(row, 1, text)
    ws["A26"].style = "Normal"  # the earlier Colours rows' looks are written below
    end = first + len(rows) - 1
    colours = first + rows.index("Colours")
    ws.cell(colours, 1).font = openpyxl.styles.Font(bold=True)
    ws.cell(colours + 1, 1).fill = openpyxl.styles.PatternFill("solid", fgColor="FFF2CC")
    ws.print_area = f"A1:A{end}"
    ws.column_dimensions["A"].width = 136
    ws.page_setup.fitToHeight = 0
    ws.page_setup.orientation = "portrait" if portrait else "landscape"
    if a10 is not None:
        wb["Dashboard"]["A10"] = a10
    wb.save(path)
    return path


def test_the_kept_tracker_of_before_2026_12_03_gets_this_versions_words(tmp_path: Path) -> None:
    path = Path(shutil.copy(DATA / "template_before_2026-12-03.xlsx", tmp_path / "t.xlsx"))
    assert _column_a(path, 19, 19) == [MONTHS_ALL]
    lines = _upgrade(path)
    assert f"'Start here'!A19:A33: {REPLACED} (A19:A31, which told of its earlier behaviour)" in lines
    assert A10_LINE in lines  # its "from the month after the data's first": this version's
    assert _column_a(path, 19, 34) == [*NOW, None]
    assert openpyxl.load_workbook(path)["Dashboard"]["A10"].value == NOTE_NOW
    assert _page(path) == ("'Start here'!$A$1:$A$33", 140.0, [b"landscape", b"1"])
    ws = openpyxl.load_workbook(path)["Start here"]
    assert (ws["A26"].font.b, ws["A27"].fill.fgColor.rgb, ws["A28"].fill.fgColor.rgb) == (True, "00FFF2CC", "00F2F2F2")
    assert (ws["A25"].font.b, ws["A33"].font.b) == (False, False)
    again = _upgrade(path)
    assert not [line for line in again if "Start here" in line or "A10" in line]


def test_the_first_template_gets_this_versions_words_and_lite_line(tmp_path: Path) -> None:
    path = Path(shutil.copy(DATA / "template_2026-11-22_8b3d91a7.xlsx", tmp_path / "t.xlsx"))
    lines = _upgrade(path)
    assert (
        "'Start here'!A9: the xlwings Lite line of this version (requirements.txt names the xl-retention wheel's URL), "
        "in place of an earlier template's"
    ) in lines
    assert f"'Start here'!A18:A32: {REPLACED} (A18:A25, which told of its earlier behaviour)" in lines
    assert _column_a(path, 9, 9) == [
        "Excel on macOS, Windows or the web: xlwings Lite add-in; requirements.txt: the xl-retention wheel's URL;"
    ]
    assert _column_a(path, 17, 33) == [
        "Purchases and visits, Lifetime value, Cohorts: type the yellow cells.",
        *NOW,
        None,
    ]
    assert _page(path)[1] == 140.0  # was 110: the longest line (112 characters) was cut at column A's edge


def test_the_rows_of_2026_11_30_and_its_dashboard_note(tmp_path: Path) -> None:
    for number, note in enumerate(NOTES_BEFORE):
        path = _earlier(tmp_path / str(number), A285F8BE, a10=note, portrait=number == 0)
        lines = _upgrade(path)
        assert f"'Start here'!A19:A33: {REPLACED} (A19:A28, which told of its earlier behaviour)" in lines
        assert A10_LINE in lines
        assert _column_a(path, 19, 34) == [*NOW, None]
        assert openpyxl.load_workbook(path)["Dashboard"]["A10"].value == NOTE_NOW
        assert _page(path) == ("'Start here'!$A$1:$A$33", 140.0, [b"landscape", b"1"])


def test_the_rows_of_2026_12_03(tmp_path: Path) -> None:
    path = _earlier(tmp_path, B86FDAE5)
    assert f"'Start here'!A19:A33: {REPLACED} (A19:A32, which told of its earlier behaviour)" in _upgrade(path)
    assert _column_a(path, 19, 34) == [*NOW, None]


def test_a_row_the_user_changed_is_kept_and_said(tmp_path: Path) -> None:
    mine = [*B86FDAE5]
    mine[8] = "Yellow cells: type here (Ann checks them on Mondays)"
    path = _earlier(tmp_path, mine)
    assert (
        f"'Start here'!A19:A33: {REPLACED} (A19:A32, which told of its earlier behaviour); A27 kept as you wrote it"
    ) in _upgrade(path)
    assert _column_a(path, 19, 33) == [*NOW[:8], mine[8], *NOW[9:]]


def test_a_text_of_the_users_below_the_rows_is_not_written_over(tmp_path: Path) -> None:
    path = _earlier(tmp_path, [*B86FDAE5, "Ann: call the accountant before the 5th"])
    lines = _upgrade(path)
    assert (
        "'Start here'!A19:A32 keep an earlier template's words, which tell of its earlier behaviour: this version's "
        "need rows 19 to 33, and A33 holds text of yours (move it, then run upgrade again)"
    ) in lines
    assert _column_a(path, 19, 33) == [*B86FDAE5, "Ann: call the accountant before the 5th"]


def test_a_dashboard_note_the_user_changed_is_kept_and_said(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    wb["Dashboard"]["A10"] = "Each figure is the last month that has it; ask Ann about the charts."
    wb.save(path)
    assert _upgrade(path) == [
        f"{path}: its formulas are this version's already (nothing changed)",
        "'Dashboard'!A10: the note under the latest figures kept as you wrote it (this version's says where the "
        "charts start: see a new tracker's)",
    ]
    assert openpyxl.load_workbook(path)["Dashboard"]["A10"].value.endswith("ask Ann about the charts.")


def test_the_rows_before_h497_get_the_first_month_said_of_an_import(tmp_path: Path) -> None:
    """H490's finding 03: A21 said the first month has no customers or MRR at its start, untrue of the demo's and of
    a tracker filled by hand (their first month's start is typed and has rates): it is said of an import's now."""
    path = _earlier(tmp_path, [*NOW[:2], FIRST_NONE, *NOW[3:]])
    lines = _upgrade(path)
    assert [line for line in lines if "Start here" in line] == [
        f"'Start here'!A19:A33: {REPLACED} (A19:A33, which told of its earlier behaviour)"
    ]
    assert _column_a(path, 19, 34) == [*NOW, None]
