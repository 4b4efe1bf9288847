"""A cohort table laid out "Signup month | Customers | Month 0 | Month 1 | ..." (Month 0 repeating the sign-ups) with
the Customers column selected too: every cohort keeps every customer in "period 1". SBG_FIT fitted it silently
(alpha 12.72, beta 67.13 for 0.585, 1.214 on H296's six cohorts; here alpha 2.5 for 0.77): both models lose a share
alpha / (alpha + beta) of a cohort in period 1, so no loss there in every cohort, with losses later, is refused
(#NUM!) naming the first cohort's two cells (H296's finding 08)."""

from __future__ import annotations

import json

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

import xl_retention as xr
from xl_retention import cli
from xl_retention.errors import OutOfRangeError

RIGHT = [[1000, 631, 468, 382], [800, 510, 380], [900, 560]]
DOUBLED = [[row[0], *row] for row in RIGHT]
REASON = (
    "survivors keep every customer from period 0 to period 1 in every cohort (1000 at period 0 and 1000 at period 1 "
    "in cohort row 1; 3 cohorts, 2,700 customers) but lose customers later: is the cohort-size column selected "
    "beside a period-0 column that repeats it (Customers, Month 0)? Leave one of them out of the range: the first "
    "column is each cohort's size at period 0, the second its customers still active after period 1, where the sBG "
    "and BdW lose a share alpha / (alpha + beta) of every cohort; a plan no customer can leave in its first period "
    "(a minimum term) is no sBG or BdW shape either: start the table at the first period customers can leave"
)


@pytest.mark.parametrize(
    "fitting",
    [xr.sbg_fit, xr.bdw_fit, xr.models.sbg_fit_se, xr.models.bdw_fit_se,
     lambda rows: xr.models.sbg_survival_interval(rows, 3)],
)  # fmt: skip
def test_the_size_column_selected_twice_is_refused(fitting) -> None:
    with pytest.raises(OutOfRangeError) as caught:
        fitting(DOUBLED)
    assert str(caught.value) == REASON


def test_one_cohort_and_shares_are_refused_too() -> None:
    with pytest.raises(OutOfRangeError, match=r"in the cohort \(1000 at period 0 and 1000 at period 1; 1 cohort, "):
        xr.sbg_fit([1000, 1000, 631, 468, 382])
    with pytest.raises(OutOfRangeError, match=r"^survivors keep every customer from period 0 to period 1"):
        xr.sbg_fit([1, 1, 0.631, 0.468], cohort_size=1000)


def test_what_is_not_that_shape_is_fitted() -> None:
    fit = xr.sbg_fit(RIGHT)
    # where L-BFGS-B stops: a start 1e-13 away moves alpha and beta by 2.6e-9 (digits past the 7th follow the CPU)
    assert (fit.alpha, fit.beta) == pytest.approx((0.7917269712425957, 1.3450051254796436), rel=1e-6)
    # one cohort losing customers in period 1 is enough, and so is a handful of customers all staying a period: not
    # this refusal (these few periods show no fall of churn, the geometric edge)
    for rows in ([[1000, 1000, 631, 468], [800, 510, 380, 310]], [4, 4, 3, 2, 1]):
        with pytest.raises(OutOfRangeError, match=r"^sBG fit: the likelihood has no finite maximum"):
            xr.sbg_fit(rows)


def test_recalc_names_the_two_columns(tmp_path, capsys) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cohorts"
    ws.append(["Signup month", "Customers", "Month 0", "Month 1", "Month 2", "Month 3"])
    for i, row in enumerate(DOUBLED):
        ws.append([f"2026-{i + 1:02d}", *row])
    ws["H2"] = ArrayFormula("H2:J2", "=SBG_FIT(C2:F4)")
    ws["H3"] = ArrayFormula("H3:J3", "=SBG_FIT(B2:F4)")
    wb.save(tmp_path / "c.xlsx")
    capsys.readouterr()
    cli.main(["recalc", str(tmp_path / "c.xlsx"), "--json", "--output-dir", str(tmp_path / "out")])
    errors = {e["address"]: e for f in json.loads(capsys.readouterr().out)["files"] for e in f["errors"]}
    assert errors["Cohorts!H3"]["error"] == "#NUM!"
    named = REASON.replace("at period 0 and", "at period 0 (Cohorts!B2) and").replace(
        "at period 1 in", "at period 1 (Cohorts!C2) in"
    )
    assert errors["Cohorts!H3"]["reason"] == f"SBG_FIT: {named} (#NUM!)"
    values = openpyxl.load_workbook(tmp_path / "out" / "c.xlsx", data_only=True)["Cohorts"]
    assert [values.cell(2, c).value for c in (8, 9)] == pytest.approx([0.7917269712425957, 1.3450051254796436])
