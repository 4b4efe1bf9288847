"""A month whose base is 0 typed with figures a base of 0 cannot have (H75 item 1).

Revenue's first month typed as MRR at start 0, new 400, churned 200 ended at 200 with every rate blank (a base of 0:
no rate) and nothing listed by recalc, where a start of 100 gives #NUM! in the rates naming lost MRR above the start.
Now the rates are called there too and give #DIV/0! naming the base of 0 (the contract's zero denominator, checked
before the impossible combination): lost MRR (or expansion MRR) out of an MRR at start of 0, customers at end other
than those gained out of 0 customers at start, returning buyers out of 0 buyers.
A month of a base of 0 with nothing it cannot have stays blank. ``import --into`` brings the earlier rates up.

Every workbook is made by build_template in tmp_path; inputs are written by the test.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from earlier_forms import brought_up, import_into, letters, template_formula
from typed_tracker import typed_over

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.monthly import CUSTOMERS, PURCHASES, REVENUE
from xl_retention.workbook.monthly_formulas import BLANK_AT_ZERO
from xl_retention.workbook.template import render_formula

#: the MRR at start of 0, named where it is typed (B2) or made (the month before's end, H2: H204's finding 03)
NO_START_MRR = "start_mrr is 0 in {} (no MRR at the start): the ratio is undefined (#DIV/0!)"
TYPED = "Revenue!B2 (MRR at start)"


def _recalc(tmp_path: Path, cells: dict[str, dict[str, object]]) -> tuple[openpyxl.Workbook, dict[str, str]]:
    path = typed_over(build_template(tmp_path / "t.xlsx", start="2025-01", months=3), cells)
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    return openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True), {e.address: e.reason for e in result.errors}


def _row(ws: openpyxl.worksheet.worksheet.Worksheet, row: int, columns: str) -> list[object]:
    return [ws[f"{c}{row}"].value for c in columns]


def test_churn_out_of_a_typed_start_of_0_is_div0_named(tmp_path: Path) -> None:
    out, reasons = _recalc(tmp_path, {"Revenue": {"B2": 0, "C2": 400, "G2": 200}})
    # MRR at end, net churn, gross churn, NRR, GRR, quick ratio: as a start of 100 with 200 churned gives them
    assert _row(out["Revenue"], 2, "HKLMNO") == [200, "#DIV/0!", "#DIV/0!", "#DIV/0!", "#DIV/0!", 2]
    assert reasons["Revenue!N2"] == "GRR: " + NO_START_MRR.format(TYPED)
    assert reasons["Revenue!K2"] == "NET_REVENUE_CHURN: " + NO_START_MRR.format(TYPED)


def test_a_later_month_starting_from_0_with_churn_is_div0_too(tmp_path: Path) -> None:
    # January loses its whole MRR of 100 (ends at 0, its GRR 0%); February starts from that 0 and churns 30
    out, reasons = _recalc(tmp_path, {"Revenue": {"B2": 100, "G2": 100, "C3": 50, "G3": 30}})
    assert _row(out["Revenue"], 2, "BHN") == [100, 0, 0]
    assert _row(out["Revenue"], 3, "BHKLMN") == [0, 20, "#DIV/0!", "#DIV/0!", "#DIV/0!", "#DIV/0!"]
    made = "Revenue!H2 (MRR at end), computed there by its formula (read through Revenue!B3)"
    assert reasons["Revenue!M3"] == "NRR: " + NO_START_MRR.format(made)


def test_expansion_out_of_a_start_of_0_is_div0_in_the_net_rates(tmp_path: Path) -> None:
    out, reasons = _recalc(tmp_path, {"Revenue": {"B2": 0, "C2": 400, "D2": 100}})
    assert _row(out["Revenue"], 2, "HKLMN") == [500, "#DIV/0!", None, "#DIV/0!", None]  # no lost MRR: gross blank
    assert reasons["Revenue!M2"] == "NRR: " + NO_START_MRR.format(TYPED)


def test_a_start_of_0_with_new_mrr_alone_stays_blank(tmp_path: Path) -> None:
    out, reasons = _recalc(tmp_path, {"Revenue": {"B2": 0, "C2": 400}, "Customers": {"B2": 0, "C2": 4, "D2": 4}})
    assert _row(out["Revenue"], 2, "HKLMN") == [400, None, None, None, None]
    assert _row(out["Customers"], 2, "EFG") == [0, None, None]
    assert not [a for a in reasons if a.endswith("2") and a.split("!")[0] in ("Revenue", "Customers")]


@pytest.mark.parametrize("end", [2, 6])
def test_customers_lost_or_more_than_gained_out_of_0_is_div0_in_the_rates(tmp_path: Path, end: int) -> None:
    out, reasons = _recalc(tmp_path, {"Customers": {"B2": 0, "C2": 4, "D2": end}})
    # customers lost: CUSTOMERS_LOST has no denominator, its #NUM! names the figures; the rates name the base of 0
    assert _row(out["Customers"], 2, "EFG") == ["#NUM!", "#DIV/0!", "#DIV/0!"]
    assert reasons["Customers!E2"].startswith(f"CUSTOMERS_LOST: customers_end ({end}) ")
    assert reasons["Customers!F2"] == (
        "CRR: customers_start is 0 in Customers!B2 (Customers at start) (no customers at the start): the ratio is "
        "undefined (#DIV/0!)"
    )


def test_returning_buyers_and_visitors_out_of_0_are_div0(tmp_path: Path) -> None:
    values = {"B2": 0, "C2": 3, "D2": 2, "G2": 0, "H2": 5}  # 0 buyers, 3 returning, 2 repeat; 0 visitors, 5 returning
    out, reasons = _recalc(tmp_path, {"Purchases and visits": values})
    assert _row(out["Purchases and visits"], 2, "EFI") == ["#DIV/0!"] * 3
    assert reasons["'Purchases and visits'!E2"] == (
        "RETURNING_CUSTOMER_RATE: total is 0 in 'Purchases and visits'!B2 (Customers who bought) (no customers who "
        "bought): the ratio is undefined (#DIV/0!)"
    )


def test_import_brings_the_rates_blank_at_any_base_of_0_up(tmp_path: Path) -> None:
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    sheets = {s.title: s for s in (CUSTOMERS, REVENUE, PURCHASES)}
    for (title, key), form in BLANK_AT_ZERO.items():  # as the template before this fix wrote them
        for row in (2, 3, 4):
            wb[title][f"{letters(sheets[title])[key]}{row}"] = render_formula(form, letters(sheets[title]), row)
    wb.save(path)
    brought = brought_up(import_into(tmp_path, path))
    assert "'Revenue'!N2:N4" in brought
    upgraded = openpyxl.load_workbook(path)
    assert len(BLANK_AT_ZERO) == 9
    for (title, key), form in BLANK_AT_ZERO.items():
        spec, current = sheets[title], template_formula(sheets[title], key)
        assert current != form
        got = [upgraded[title][f"{letters(spec)[key]}{r}"].value for r in (2, 3, 4)]
        assert got == [render_formula(current, letters(spec), r) for r in (2, 3, 4)], (title, key)
