"""The tracker on the classic xlwings add-in, where a function's error comes back as its code in text ("#VALUE!",
xlwings issue #776; README "In Excel"): the Dashboard and the Lifetime value sheet find such a text as the error it
stands for (H167 finding 02: with March's customers at end typed "n/a", Dashboard!B6 showed February's CRR 0.9608 as
the latest, and Lifetime value!B5 averaged January's and February's churn, 0.0496, which the CLV then used).

Emulated without Excel: each function call of the template's month rows and of the lifetime values gets the classic
result, its error's code as text, through ``IFERROR(call,INDEX({codes},ERROR.TYPE(call)))``; the embedded engine
computes the rest. The same tracker with true errors (the embedded engine, Office.js) shows the same figures."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.registry import FUNCTIONS
from xl_retention.workbook import build_template
from xl_retention.workbook.error_texts import in_error
from xl_retention.workbook.sheets import FIT_REASONS, bdw_note

REASONS = ",".join(f'"{r}"' for r in FIT_REASONS)  # the fit notes' CHOOSE texts

CODES = '{"#NULL!","#DIV/0!","#VALUE!","#REF!","#NAME?","#NUM!","#N/A"}'
_CALL = re.compile(r"\b(" + "|".join(f.name for f in FUNCTIONS) + r")\(")
# the previous template's (before 2026-12-03) Dashboard!B6 and Lifetime value!B5: an error found by ISERROR alone
B6_BEFORE = (
    "=IF(IFERROR(LOOKUP(2,1/ISERROR(Customers_CRR),ROW(Customers_CRR)),0)>IFERROR(LOOKUP(2,1/ISNUMBER(Customers_CRR),"
    'ROW(Customers_CRR)),0),"see Customers!"&ADDRESS(LOOKUP(2,1/ISERROR(Customers_CRR),ROW(Customers_CRR)),COLUMN('
    'Customers_CRR),4),IF(COUNT(Customers_CRR)=0,"",INDEX(Customers_CRR,MATCH(COUNT(Customers_CRR),Customers_Churn_'
    "Seq,0))))"
)
B5_BEFORE = (
    "=IF(IFERROR(LOOKUP(2,1/ISERROR(Customers_Churn),ROW(Customers_Churn)),0)>=MIN(ROW(Customers_Churn))+IFERROR("
    "MATCH(MAX(1,COUNT(Customers_Churn)-11),Customers_Churn_Seq,0),1)-1,INDEX(Customers_Churn,LOOKUP(2,1/ISERROR("
    'Customers_Churn),ROW(Customers_Churn))-MIN(ROW(Customers_Churn))+1),IF(COUNT(Customers_Churn)=0,"",AVERAGEIFS('
    'Customers_Churn,Customers_Churn_Seq,">"&(COUNT(Customers_Churn)-12))))'
)


def classic(formula: str) -> str:
    """``formula`` with each function call of ours returning its error as text, as classic xlwings does."""
    spans = []
    for found in _CALL.finditer(formula):
        depth = 0
        for end in range(found.end() - 1, len(formula)):
            depth += {"(": 1, ")": -1}.get(formula[end], 0)
            if depth == 0:
                break
        spans.append((found.start(), end + 1))
    for start, end in reversed(spans):  # from the last: the earlier spans stay where they are
        call = formula[start:end]
        assert not _CALL.search(call, 1), call  # none nested in another
        formula = f"{formula[:start]}IFERROR({call},INDEX({CODES},ERROR.TYPE({call}))){formula[end:]}"
    return formula


def tracker(path: Path, on_classic: bool, end: object = "n/a", **cohorts: int) -> Path:
    """Three months typed by hand: 500 at start, +40 -> 510, +30 -> 520, +20 -> ``end`` (n/a: no number); a gross
    margin of 80%, so the CLV has its inputs; ``cohorts``: cells of the Cohorts sheet's survivors typed."""
    build_template(path, start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    ws["B2"], ws["C2"], ws["D2"], ws["C3"], ws["D3"], ws["C4"], ws["D4"] = 500, 40, 510, 30, 520, 20, end
    wb["Lifetime value"]["B4"] = 0.8
    for ref, count in cohorts.items():
        wb["Cohorts"][ref] = count
    if on_classic:
        for sheet in ("Customers", "Lifetime value", "Cohorts"):
            for row in wb[sheet].iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.startswith("="):
                        cell.value = classic(cell.value)
    wb.save(path)
    done = path.with_name(f"{path.stem}.recalc.xlsx")
    assert recalc_file(path, done).status == "ok"
    return done


def figures(path: Path) -> dict[str, object]:
    wb = openpyxl.load_workbook(path, data_only=True)
    out = {f"Dashboard!{c}{r}": wb["Dashboard"][f"{c}{r}"].value for r in range(4, 10) for c in "BC"}
    return out | {f"Lifetime value!{c}{r}": wb["Lifetime value"][f"{c}{r}"].value for r in range(3, 14) for c in "BC"}


def test_classic_text_errors_show_where_the_error_is_as_true_errors_do(tmp_path):
    """March's customers at end typed "n/a": its CRR and churn rate are #VALUE!, text on the classic add-in. The
    Dashboard names Customers!F4 (March) as the latest retention, not February's 0.9608 (hand check: (510 + 30 -
    520) / 510 = 0.0392 churn); the lifetime value's churn is March's #VALUE!, not (0.06 + 0.0392) / 2 = 0.0496, and
    every figure is the one the same tracker shows with true errors."""
    on_classic = figures(tracker(tmp_path / "classic.xlsx", on_classic=True))
    assert on_classic["Dashboard!B6"] == "see Customers!F4"
    assert on_classic["Dashboard!C6"] == dt.datetime(2026, 3, 1)
    assert on_classic["Lifetime value!B5"] == "#VALUE!"
    assert on_classic["Lifetime value!C5"] == (
        "see Customers!D4: a churn rate of the last 12 months is an error from that cell "
        "(blank, text that is no number, an error, or figures that cannot be); fill or correct it there."
    )
    assert on_classic["Lifetime value!B8"] == "#VALUE!"  # the CLV of that churn: blank for a text, before
    assert on_classic["Lifetime value!C8"] == "No value: the monthly churn (B5) is an error: C5 says where."
    assert on_classic["Dashboard!B9"] == "see 'Lifetime value'!B8"
    assert on_classic["Dashboard!C9"] == dt.datetime(2026, 3, 1)
    assert on_classic == figures(tracker(tmp_path / "true.xlsx", on_classic=False))


def test_a_complete_month_shows_its_figures_on_classic_as_before(tmp_path):
    """March's customers at end 525: no error anywhere; the latest CRR is March's (525 - 20) / 520 = 0.971154 and
    the churn the mean of 0.06, 0.039216 and 0.028846 = 0.042687, on both surfaces."""
    on_classic = figures(tracker(tmp_path / "classic.xlsx", on_classic=True, end=525))
    assert on_classic["Dashboard!B6"] == pytest.approx((525 - 20) / 520)
    assert on_classic["Dashboard!C6"] == dt.datetime(2026, 3, 1)
    assert on_classic["Lifetime value!B5"] == pytest.approx((0.06 + 20 / 510 + 15 / 520) / 3)
    assert on_classic == figures(tracker(tmp_path / "true.xlsx", on_classic=False, end=525))


def test_an_earlier_trackers_figures_are_brought_up_to_find_text_errors(tmp_path, capsys):
    """A tracker made before 2026-12-03 (Dashboard!B6 and Lifetime value!B5 as they were) gets this version's on
    import --into; a formula of the user's own (Dashboard!B7) stays."""
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=3)
    current = openpyxl.load_workbook(path)
    wb = openpyxl.load_workbook(path)
    wb["Dashboard"]["B6"], wb["Lifetime value"]["B5"], wb["Dashboard"]["B7"] = B6_BEFORE, B5_BEFORE, "=0.5*1"
    wb.save(path)
    csv = tmp_path / "s.csv"
    csv.write_text("customer_id,month,mrr\na,2026-01,10\n")
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(path)]) == 0
    out = capsys.readouterr().out
    assert "'Dashboard'!B6" in out and "'Lifetime value'!B5" in out
    wb = openpyxl.load_workbook(path)
    assert wb["Dashboard"]["B6"].value == current["Dashboard"]["B6"].value != B6_BEFORE
    assert wb["Lifetime value"]["B5"].value == current["Lifetime value"]["B5"].value != B5_BEFORE
    assert wb["Dashboard"]["B7"].value == "=0.5*1"


def every_value(path: Path) -> dict[str, object]:
    """Every value of the tracker but its monthly sheets' (where a function's error is its text on classic)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    return {
        f"{ws.title}!{cell.coordinate}": cell.value
        for ws in wb
        if ws.title in ("Dashboard", "Lifetime value", "Cohorts")
        for row in ws.iter_rows()
        for cell in row
        if cell.value is not None
    }


def test_a_failed_cohort_fit_on_classic_is_that_error_as_on_the_other_surfaces(tmp_path):
    """Survivors typed for two months (100 then 90, and a cohort of 80): no sBG or BdW fit (#NUM!). On the classic
    add-in the fit's "#NUM!" was text: its note (Cohorts!G22) and Lifetime value!C9 said nothing, beta was #REF!
    (INDEX of a text), the BdW alpha showed "#NUM!" and the projections rows of #VALUE!; now every value of the
    Dashboard, Lifetime value and Cohorts is the one the same tracker has with true errors."""
    on_classic = every_value(tracker(tmp_path / "classic.xlsx", True, B4=100, C4=90, B5=80))
    assert str(on_classic["Cohorts!G22"]).startswith("#NUM! (Err:504 in LibreOffice): counts that rise")
    assert str(on_classic["Cohorts!G23"]).startswith("no BdW fit: #NUM! (Err:504 in LibreOffice): counts that rise")
    assert (on_classic["Cohorts!B22"], on_classic["Cohorts!C22"], on_classic["Lifetime value!B10"]) == ("#NUM!",) * 3
    assert "Cohorts!B23" not in on_classic and "Cohorts!C28" not in on_classic  # blank: no BdW fit, no projection
    assert str(on_classic["Lifetime value!C9"]).startswith("No sBG fit: the note beside the fit on Cohorts says why")
    assert on_classic == every_value(tracker(tmp_path / "true.xlsx", False, B4=100, C4=90, B5=80))


def test_an_earlier_trackers_cohort_fit_is_brought_up_to_find_text_errors(tmp_path, capsys):
    """A tracker whose Cohorts sheet does not grow on import: its fit's cells as the template wrote them before
    2026-12-03 (the sBG alpha, the BdW figures and note) get this version's; the others stay."""
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=3)
    current = openpyxl.load_workbook(path)["Cohorts"]
    wb = openpyxl.load_workbook(path)
    ws = wb["Cohorts"]
    before = {
        "B16": '=IF(COUNT(Cohort_Counts)=0,"",INDEX(SBG_FIT(Cohort_Counts),1,1))',
        "D17": '=IF(COUNT(Cohort_Counts)=0,"",IFERROR(INDEX(BDW_FIT(Cohort_Counts),1,4),""))',
        # the BdW note before a #NUM! beside a fitted sBG was BdW's own (2026-12-04) and before 2026-12-03
        "G17": bdw_note(REASONS, own=False).replace(in_error("INDEX(BDW_FIT(Cohort_Counts),1,1)"), "ISERROR(INDEX("
        "BDW_FIT(Cohort_"
        "Counts),1,1))").replace("IFERROR(ERROR.TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),MATCH(INDEX(BDW_FIT(Cohort_Count"
        's),1,1),{"#NULL!","#DIV/0!","#VALUE!","#REF!","#NAME?","#NUM!","#N/A","#GETTING_DATA","#SPILL!","#CALC!"},0))',
        "ERROR.TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1))"),
    }  # fmt: skip
    assert before["G17"].startswith('=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",IF(ISERROR(INDEX(BDW_')
    assert "CHOOSE(MIN(ERROR.TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),8)," in before["G17"]
    for ref, formula in before.items():
        assert formula != current[ref].value  # this version's finds a text error
        ws[ref] = formula
    wb.save(path)
    csv = tmp_path / "s.csv"
    csv.write_text("customer_id,month,mrr\na,2026-01,10\n")
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(path)]) == 0
    out = capsys.readouterr().out
    assert "brought the formulas an earlier version of the template wrote up to this version's" in out
    ws = openpyxl.load_workbook(path)["Cohorts"]
    assert {ref: ws[ref].value for ref in before} == {ref: current[ref].value for ref in before}
