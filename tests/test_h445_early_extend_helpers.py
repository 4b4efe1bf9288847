"""``extend`` (and ``import --into``) of a tracker of the first template (8b3d91a7, 2026-11-22:
tests/data/template_2026-11-22_8b3d91a7.xlsx), which has no hidden helper columns, gives the months it adds the helper
columns' formulas it puts in the old months (H435's finding 05).

Before, the months added got none (Customers!H26:K26, Revenue!P26:Y26, NPS!H26:J26 blank, row 25 filled), and the
recalc of the file extend wrote ended "incomplete: ... 34 cells of the tracker's formulas are blank (cleared?):
Customers!H26 (Customers at end (chart)), ...". Every formula column of every kept template is continued into the
months added, as the last month has it.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from contextlib import redirect_stdout
from pathlib import Path

import openpyxl
import pytest
from openpyxl.formula.translate import Translator
from openpyxl.utils import get_column_letter

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import inplace as ip

pytestmark = [pytest.mark.filterwarnings("ignore::UserWarning")]

DATA = Path(__file__).parent / "data"
EARLY = DATA / "template_2026-11-22_8b3d91a7.xlsx"
KEPT = ["template_2026-11-22_8b3d91a7.xlsx", "template_before_2026-12-03.xlsx", "tracker_orders_previous_version.xlsx"]
MONTHLY = ("Customers", "Revenue", "NPS", "Purchases and visits")


def _run(*args: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(list(args)) == 0
    return out.getvalue()


@pytest.fixture(scope="module")
def extended(tmp_path_factory) -> tuple[openpyxl.Workbook, str, openpyxl.Workbook]:
    """The early tracker, January typed (100 customers at start, 10 gained, 95 at end; MRR 1000 + 100 new - 50
    churned), extended by 2 months and recalculated: (formulas, recalc's status and message, values)."""
    path = tmp_path_factory.mktemp("h445") / "early.xlsx"
    shutil.copy(EARLY, path)
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["B2"], wb["Customers"]["C2"], wb["Customers"]["D2"] = 100, 10, 95
    wb["Revenue"]["B2"], wb["Revenue"]["C2"], wb["Revenue"]["G2"] = 1000, 100, 50
    wb.save(path)
    _run("extend", str(path), "--months", "2")
    formulas = openpyxl.load_workbook(path)
    result = recalc_file(path, path, in_place=True)
    return formulas, f"{result.status} {result.message}", openpyxl.load_workbook(path, data_only=True)


def test_the_months_added_get_the_early_trackers_helper_formulas(extended) -> None:
    wb, _, _ = extended
    customers = wb["Customers"]
    assert [customers[f"A{r}"].value.strftime("%Y-%m") for r in (25, 26, 27)] == ["2027-12", "2028-01", "2028-02"]
    assert [customers[f"{c}27"].value for c in "HIJK"] == [
        '=IF(ISNUMBER(K27),IF(ROUND(D27+0,6)<0,NA(),D27+0),IF(ISERROR(D27),NA(),IF(D27<>"",NA(),'
        'IF(AND(MAX($K$2:K27)>0,MAX($K:$K)>MAX($K$2:K27)),NA(),""))))',
        "=IF(ISNUMBER(F27),IF(OR(F27<0,F27>1),NA(),F27),IF(OR(ISERROR(F27),AND(COUNT($F$2:F27)>0,"
        'COUNT($F:$F)>COUNT($F$2:F27))),NA(),""))',
        '=IF(ISNUMBER(G27),COUNT($G$2:G27),"")',
        '=IF(ISNUMBER(IFERROR(IF(OR(D27="",ISLOGICAL(D27)),"",D27+0),"")),COUNT($K$1:K26)+1,"")',  # (992d98cf)
    ]
    assert wb["Revenue"]["P26"].value == (
        "=IF(ISNUMBER(H26),IF(ROUND(H26,6)<0,NA(),H26),IF(OR(ISERROR(H26),AND(COUNT($H$2:H26)>0,"
        'COUNT($H:$H)>COUNT($H$2:H26))),NA(),""))'
    )
    assert [wb["NPS"][f"{c}26"].value for c in "HIJ"] == [
        "=IF(ISNUMBER(F26),IF(OR(F26<-100,F26>100),NA(),F26),IF(OR(ISERROR(F26),AND(COUNT($F$2:F26)>0,"
        'COUNT($F:$F)>COUNT($F$2:F26))),NA(),""))',
        '=IF(ISNUMBER(G26),G26,IF(OR(ISERROR(G26),AND(COUNT($G$2:G26)>0,COUNT($G:$G)>COUNT($G$2:G26))),NA(),""))',
        '=IF(ISNUMBER(F26),COUNT($F$2:F26),"")',
    ]
    # every helper column of the three sheets: the last old month's formula, filled down
    for title, columns in (("Customers", "HIJK"), ("Revenue", "PQRSTUVWXY"), ("NPS", "HIJ")):
        ws = wb[title]
        for c in columns:
            for r in (26, 27):
                assert ws[f"{c}{r}"].value == Translator(ws[f"{c}25"].value, f"{c}25").translate_formula(f"{c}{r}")


def test_recalc_of_the_extended_early_tracker_is_ok(extended) -> None:
    _, status, values = extended
    assert status.startswith("ok")
    assert "cleared?" not in status
    customers = values["Customers"]
    assert [customers[f"{c}2"].value for c in "EFGHIJK"] == [15, 0.85, 0.15, 95, 0.85, 1, 1]
    assert [customers[f"{c}26"].value for c in "HIJK"] == [None] * 4  # "" (no figures that month), read as None
    revenue = values["Revenue"]
    assert [revenue[f"{c}2"].value for c in "HPUW"] == [1050, 1050, 1, 100]
    assert [revenue[f"{c}27"].value for c in "PQUV"] == [None] * 4


def _from_2024_07(path: Path) -> None:
    """The first template's tracker at ``path`` as made with ``new --start 2024-07`` then: its 24 months 2024-07 to
    2026-06 on every sheet (the file's own start, 2026-01, leaves no month to import before today)."""
    package = ip.Package(path)

    def month(i: int) -> int:
        y, m = divmod(2024 * 12 + 6 + i, 12)
        return ip.excel_serial(dt.date(y, m + 1, 1))

    for title in MONTHLY:
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
    package.save()


def test_import_into_the_early_tracker_gives_its_added_months_the_helpers(tmp_path) -> None:
    path = tmp_path / "early.xlsx"
    shutil.copy(EARLY, path)
    _from_2024_07(path)
    subscriptions = tmp_path / "subs.csv"
    rows = [f"a,2026-{m:02d},10" for m in range(1, 9)] + ["b,2026-08,5"]  # a from January, b in August
    subscriptions.write_text("customer_id,month,mrr\n" + "\n".join(rows) + "\n")
    _run("import", "--subscriptions", str(subscriptions), "--into", str(path))
    formulas = openpyxl.load_workbook(path)["Customers"]
    assert [formulas[f"A{r}"].value.strftime("%Y-%m") for r in (25, 26, 27)] == ["2026-06", "2026-07", "2026-08"]
    assert [formulas[f"{c}27"].value for c in "JK"] == [
        '=IF(ISNUMBER(G27),COUNT($G$2:G27),"")',
        '=IF(ISNUMBER(IFERROR(IF(OR(D27="",ISLOGICAL(D27)),"",D27+0),"")),COUNT($K$1:K26)+1,"")',  # (992d98cf)
    ]
    result = recalc_file(path, path, in_place=True)
    assert result.status == "ok", result.message
    values = openpyxl.load_workbook(path, data_only=True)["Customers"]
    assert [values[f"{c}27"].value for c in "DHK"] == [2, 2, 8]  # a and b; a in each of 2026-01 to 2026-08


@pytest.mark.parametrize("name", KEPT)
def test_every_kept_templates_formula_columns_continue_into_the_months_added(tmp_path, name: str) -> None:
    path = tmp_path / name
    shutil.copy(DATA / name, path)
    before = openpyxl.load_workbook(path)
    last = {title: max(r for r in range(2, before[title].max_row + 1) if isinstance(before[title][f"A{r}"].value,
            dt.datetime)) for title in MONTHLY if title in before.sheetnames}  # fmt: skip
    _run("extend", str(path), "--months", "2")
    wb = openpyxl.load_workbook(path)
    for title, row in last.items():
        ws = wb[title]
        for col in range(2, ws.max_column + 1):
            c = get_column_letter(col)
            formula = ws[f"{c}{row}"].value
            if not (isinstance(formula, str) and formula.startswith("=")) or "NPS scores" in formula:
                continue  # the NPS columns read the month's own answers column: not a fill down
            for r in (row + 1, row + 2):
                assert ws[f"{c}{r}"].value == Translator(formula, f"{c}{row}").translate_formula(f"{c}{r}"), (
                    f"{name} {title}!{c}{r}"
                )
