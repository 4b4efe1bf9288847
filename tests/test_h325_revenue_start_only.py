"""A Revenue month with only its MRR at start typed (H315's finding 04).

A new tracker with Revenue!B2 = 50,000 typed and none of January's movements (new, expansion, reactivation,
contraction, churned) showed NRR 100%, GRR 100%, net and gross revenue churn 0% for January, and the Dashboard's latest
NRR 100.0% (Jan 2026), as if nothing had moved, while Customers in the same state shows #VALUE! naming the blank cells.
Now the Revenue rates of such a month are #VALUE!, the reason naming the blank movements (type them, 0 where there was
none), and the Dashboard says where (see Revenue!M2). The MRR at end still carries the start (docs/metrics.md). A month
with any movement typed keeps "a blank movement is 0" (the docs' example: start 1000, new 100, churned 50: NRR 0.95).
``upgrade`` brings the earlier rates up.

Every workbook is made by build_template in tmp_path; inputs are written by the test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from earlier_forms import letters, template_formula
from typed_tracker import typed_over

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.monthly import REVENUE
from xl_retention.workbook.template import render_formula

RATES = ("net_churn", "gross_churn", "nrr", "grr")  # K:N
UNTYPED = (
    "Revenue!C2 (New MRR), D2 (Expansion MRR), E2 (Reactivation MRR), F2 (Contraction MRR) and G2 (Churned MRR) are "
    "blank while the month has other figures: type them, 0 where there was none (#VALUE!)"
)


def _recalc(tmp_path: Path, cells: dict[str, dict[str, object]]) -> tuple[openpyxl.Workbook, dict[str, str]]:
    path = typed_over(build_template(tmp_path / "t.xlsx", start="2026-01", months=3), cells)
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    return openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True), {e.address: e.reason for e in result.errors}


def _row(ws: openpyxl.worksheet.worksheet.Worksheet, row: int, columns: str) -> list[object]:
    return [ws[f"{c}{row}"].value for c in columns]


def test_a_start_typed_alone_gives_no_rates_but_value_naming_the_movements(tmp_path: Path) -> None:
    out, reasons = _recalc(tmp_path, {"Customers": {"B2": 1000}, "Revenue": {"B2": 50000}})
    # MRR at end, lost, gained, net churn, gross churn, NRR, GRR, quick ratio (blank: no lost MRR), NRR's chart helper
    assert _row(out["Revenue"], 2, "HIJKLMNOQ") == [50000, None, None, *["#VALUE!"] * 4, None, "#N/A"]
    for ref in ("K2", "L2", "M2", "N2"):
        assert reasons[f"Revenue!{ref}"] == UNTYPED
    # the Dashboard's latest NRR says where, as its retention (CRR) does for Customers in the same state
    dashboard = out["Dashboard"]
    assert _row(dashboard, 7, "ABC") == ["Net revenue retention (NRR)", "see Revenue!M2", dt.datetime(2026, 1, 1)]
    assert _row(dashboard, 6, "BC") == ["see Customers!F2", dt.datetime(2026, 1, 1)]
    # the MRR at end carries the start (Revenue!H2 50,000), which the Dashboard shows as no figure: where the blank
    # movements are (H347)
    assert _row(dashboard, 5, "BC") == ["see Revenue!C2:G2", dt.datetime(2026, 1, 1)]


def test_the_next_month_typed_starts_from_the_carried_mrr(tmp_path: Path) -> None:
    # January's start alone, February's new MRR of 200: February starts at 50,000 (docs: "ends at 1000, so the next
    # month starts there"), its NRR 1 - (0 - 0) / 50,000 = 1 and the Dashboard's latest NRR is February's
    out, reasons = _recalc(tmp_path, {"Revenue": {"B2": 50000, "C3": 200}})
    assert _row(out["Revenue"], 2, "KLMN") == ["#VALUE!"] * 4
    assert _row(out["Revenue"], 3, "BHKLMN") == [50000, 50200, 0, 0, 1, 1]
    assert _row(out["Dashboard"], 7, "BC") == [1, dt.datetime(2026, 2, 1)]
    assert reasons["Revenue!M2"] == UNTYPED
    assert not [a for a in reasons if a.startswith("Revenue!") and a.endswith("3")]


@pytest.mark.parametrize(
    ("typed", "rates"),
    [
        ({"C2": 100, "G2": 50}, [0.05, 0.05, 0.95, 0.95]),  # docs/metrics.md's example: the other movements are 0
        ({"G2": 0}, [0, 0, 1, 1]),  # a movement typed as 0: nothing moved, said so
        ({"D2": 100, "F2": 30}, [-0.07, 0.03, 1.07, 0.97]),  # expansion 100, contraction 30 of 1000
    ],
)
def test_a_month_with_any_movement_typed_keeps_blank_as_0(tmp_path: Path, typed: dict, rates: list) -> None:
    out, reasons = _recalc(tmp_path, {"Revenue": {"B2": 1000, **typed}})
    assert _row(out["Revenue"], 2, "KLMN") == pytest.approx(rates, abs=1e-12)
    assert not [a for a in reasons if a.startswith("Revenue!")]


def test_a_start_of_0_typed_alone_stays_blank(tmp_path: Path) -> None:
    out, reasons = _recalc(tmp_path, {"Revenue": {"B2": 0}})
    assert _row(out["Revenue"], 2, "HKLMNO") == [0, None, None, None, None, None]
    assert not [a for a in reasons if a.startswith("Revenue!")]


def test_upgrade_brings_the_rates_of_a_month_without_movements_up(tmp_path: Path, capsys) -> None:
    from xl_retention.workbook.monthly_formulas import (  # noqa: PLC0415  (fails alone at the parent)
        MOVEMENTS_AS_ZERO,
        without_boolean_guards,
    )

    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    columns = letters(REVENUE)
    assert sorted(key for _, key in MOVEMENTS_AS_ZERO) == sorted(RATES)
    for (title, key), form in MOVEMENTS_AS_ZERO.items():  # as the template before this fix wrote them
        assert title == "Revenue"
        assert form != template_formula(REVENUE, key)
        form = without_boolean_guards(form)  # nor did it refuse a boolean typed in an input then (H474)
        for row in (2, 3, 4):
            wb[title][f"{columns[key]}{row}"] = render_formula(form, columns, row)
    wb["Revenue"]["B2"] = 50000
    wb.save(path)
    assert cli.main(["upgrade", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "brought the formulas an earlier version of the template wrote up to this version's (your values and formulas "
        "of your own are kept): 'Revenue'!K2:K4, 'Revenue'!L2:L4, 'Revenue'!M2:M4, 'Revenue'!N2:N4"
    ]
    upgraded = openpyxl.load_workbook(path)["Revenue"]
    for key in RATES:
        got = [upgraded[f"{columns[key]}{r}"].value for r in (2, 3, 4)]
        assert got == [render_formula(template_formula(REVENUE, key), columns, r) for r in (2, 3, 4)], key
    assert upgraded["M2"].value == (
        '=IF(OR(AND(I2="",D2="",B2=""),AND(ISNUMBER(IF(B2="","",IF(ISLOGICAL(B2),#VALUE!,IFERROR(B2+0,B2)))),'
        'IF(B2="","",IF(ISLOGICAL(B2),#VALUE!,IFERROR(B2+0,B2)))=0,NOT(IFERROR(OR(N(I2)<>0,IF(D2="",0,'
        'IF(ISLOGICAL(D2),#VALUE!,D2+0))<>0),FALSE)))),"",IF(AND(C2="",D2="",E2="",F2="",G2=""),#VALUE!,'
        'IF(IFERROR(D2+0<0,FALSE),#NUM!,NRR(N(I2),IF(D2="",0,IF(ISLOGICAL(D2),#VALUE!,D2+0)),'
        'IF(B2="","",IF(ISLOGICAL(B2),#VALUE!,IFERROR(B2+0,B2)))))))'
    )
    out = tmp_path / "out.xlsx"
    recalc_file(path, out, engine="embedded")
    assert openpyxl.load_workbook(out, data_only=True)["Revenue"]["M2"].value == "#VALUE!"
