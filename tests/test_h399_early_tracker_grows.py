"""A tracker of the first template (8b3d91a7, 2026-11-22: tests/data/template_2026-11-22_8b3d91a7.xlsx) given more
months by ``import --into`` and by ``extend`` (H399's items 1 and 2).

``import --into`` of subscriptions past its last month stopped at its 'Purchases and visits' sheet ("no column 'Repeat
purchasers ...'"), which ``extend`` grows with the first template's rate of "Of whom returning" over buyers (1a668899):
now the import grows it the same way. Both left its Cohorts sheet at 24 months ("the triangle Order_Cohort_Counts is
not where the template puts it": that template's sheet has the survivors and retention tables alone, where this
version's has them, under other titles): now that sheet, compared with what the first template put there, grows into
this version's for the months, the counts typed and a cell of the user's right of the tables kept.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from contextlib import redirect_stdout
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from xl_retention import cli
from xl_retention.workbook import inplace as ip

EARLY = Path(__file__).parent / "data" / "template_2026-11-22_8b3d91a7.xlsx"
COUNTS = {"B4": 10, "C4": 8, "D4": 7, "B5": 5, "C5": 4}  # the first two cohorts' survivors, typed
MINE = "AB3"  # a note of the user's right of the tables (Y is their last column at 24 months)


def _rate(row: int) -> str:
    b, c = f"B{row}", f"C{row}"
    number = 'IF({x}="","",IF(ISLOGICAL({x}),#VALUE!,IFERROR({x}+0,{x})))'  # a boolean refused (992d98cf)
    nb, nc = number.format(x=b), number.format(x=c)
    return (
        f'=IF(OR(AND({c}="",{b}=""),AND(ISNUMBER({nb}),{nb}=0,NOT(IFERROR({c}+0<>0,FALSE)))),"",'
        f"REPEAT_PURCHASE_RATE({nc},{nb}))"
    )


def _run(*args: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(list(args)) == 0
    return out.getvalue()


def _early(path: Path, start: tuple[int, int] | None = None, counts: bool = True) -> Path:
    """The first template's tracker at ``path``: its 24 months from ``start`` (a tracker made then with ``new
    --start``; the file's own is 2026-01), the ``COUNTS`` and a note of the user's on Cohorts."""
    shutil.copy(EARLY, path)
    package = ip.Package(path)
    if start is not None:

        def month(i: int) -> int:
            y, m = divmod(start[0] * 12 + start[1] - 1 + i, 12)
            return ip.excel_serial(dt.date(y, m + 1, 1))

        for title in ("Customers", "Revenue", "NPS", "Purchases and visits"):
            xml = package.sheet(title)
            for i in range(24):
                xml.set_value(f"A{i + 2}", month(i))
        xml = package.sheet("NPS scores")
        for i in range(24):
            xml.set_value(f"{get_column_letter(i + 2)}1", month(i))
        xml = package.sheet("Cohorts")
        for i in range(24):
            xml.set_value(f"A{i + 4}", month(i))
            xml.set_value(f"A{i + 31}", month(i))
    if counts:
        xml = package.sheet("Cohorts")
        for ref, value in COUNTS.items():
            xml.put(ref, xml.element(ref, xml.style(ref), value=value))
        xml.put(MINE, xml.element(MINE, None, formula='"checked "&TEXT(B4,"0")'))
    package.save()
    return path


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    """The early tracker, counts typed on Cohorts, extended by 2 months: (report, formulas)."""
    path = _early(tmp_path_factory.mktemp("h399x") / "early.xlsx")
    out = _run("extend", str(path), "--months", "2")
    return out, openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The early tracker of 2024-07 to 2026-06 into which subscriptions to 2026-08 are imported: (report, formulas)."""
    folder = tmp_path_factory.mktemp("h399i")
    path = _early(folder / "early.xlsx", start=(2024, 7), counts=False)
    subscriptions = folder / "subs.csv"
    months = [f"a,2026-{m:02d},10" for m in range(1, 9)] + ["b,2026-08,5"]  # a from January, b in August
    subscriptions.write_text("customer_id,month,mrr\n" + "\n".join(months) + "\n")
    out = _run("import", "--subscriptions", str(subscriptions), "--into", str(path))
    return out, openpyxl.load_workbook(path)


def test_extend_grows_the_early_cohorts_sheet_keeping_the_counts(extended):
    out, wb = extended
    assert "Cohorts keeps its 24 months" not in out
    assert (
        "Cohorts: the first template's survivors and retention tables grown to 26 months, with this version's tables "
        "under them (the sBG and BdW fits, the projection, the order cohorts; the counts you typed kept)"
    ) in out
    names = {n: wb.defined_names[n].attr_text for n in ("Cohort_Counts", "Cohort_Retention", "Order_Cohort_Counts")}
    assert names == {
        "Cohort_Counts": "'Cohorts'!$B$4:$AA$29",
        "Cohort_Retention": "'Cohorts'!$B$33:$AA$58",
        "Order_Cohort_Counts": "'Cohorts'!$B$98:$AA$123",
    }
    ws = wb["Cohorts"]
    assert {ref: ws[ref].value for ref in COUNTS} == COUNTS
    assert [ws[f"A{r}"].value.strftime("%Y-%m") for r in (4, 28, 29, 33, 58)] == [
        "2026-01", "2028-01", "2028-02", "2026-01", "2028-02",
    ]  # fmt: skip
    assert ws["B33"].value == (  # this version's share, a boolean typed refused (H503)
        '=IF(OR(ISLOGICAL(B4),ISLOGICAL($B4)),#VALUE!,IF(OR(B4="",$B4="",IFERROR($B4+0=0,FALSE)),"",B4/$B4))'
    )
    assert ws["AA3"].value == "Month 25"
    # the user's note right of the tables: still right of them (their last column now AA), its formula as it was
    assert ws[MINE].value == '="checked "&TEXT(B4,"0")'


def test_import_adds_months_to_the_early_tracker_as_extend_does(imported):
    out, wb = imported
    assert "added months 2026-07 to 2026-08 at the end of the monthly sheets" in out
    ws = wb["Purchases and visits"]
    assert [ws[f"A{r}"].value.strftime("%Y-%m") for r in (2, 26, 27)] == ["2024-07", "2026-07", "2026-08"]
    assert [ws[f"D{r}"].value for r in (2, 26, 27)] == [_rate(2), _rate(26), _rate(27)]
    assert [ws[f"C{r}"].value for r in (26, 27)] == [None, None]  # "Of whom returning" stays an input
    customers = wb["Customers"]
    assert [customers[f"D{r}"].value for r in (20, 25, 26, 27)] == [1, 1, 1, 2]  # a from 2026-01, b in 2026-08
    assert wb.defined_names["Cohort_Counts"].attr_text == "'Cohorts'!$B$4:$AA$29"
    cohorts = wb["Cohorts"]
    january = [cohorts.cell(22, c).value for c in range(1, 11)]
    assert january[0].strftime("%Y-%m") == "2026-01" and january[1:] == [1, 1, 1, 1, 1, 1, 1, 1, None]
    assert [cohorts.cell(29, c).value for c in (2, 3)] == [1, None]  # August's cohort: b
