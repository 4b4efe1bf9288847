"""H141's finding 02: a lookup's #N/A (a plan typed 'teams' where the Plans list has 'team') had no reason, nor had
the sums and the rates reading it; the NRR named a formula cell (K6 =I5), not the cell to correct. An exact lookup
that finds nothing now says what it looked for and where, and the cells reading it carry that on."""

from __future__ import annotations

from pathlib import Path

import openpyxl

import xl_retention


def test_a_lookup_finding_nothing_is_named_and_carried_on(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Revenue"
    plans = wb.create_sheet("Plans")
    for row, (plan, price) in enumerate([("pro", 99), ("team", 49)], start=1):
        plans[f"A{row}"], plans[f"B{row}"] = plan, price
    ws["C2"], ws["D2"], ws["C3"], ws["D3"] = "pro", 1, "teams", 3
    ws["E2"] = "=D2*_xlfn.XLOOKUP(C2,Plans!A1:A2,Plans!B1:B2)"
    ws["E3"] = "=D3*_xlfn.XLOOKUP(C3,Plans!A1:A2,Plans!B1:B2)"
    ws["F3"] = "=VLOOKUP(C3,Plans!A1:B2,2,FALSE)"
    ws["G3"] = "=MATCH(C3,Plans!A1:A2,0)"
    ws["H3"] = '=VLOOKUP("a",Plans!A1:B2,2)'  # approximate: #N/A is no "not there"
    ws["I1"] = "=SUM(E2:E3)"
    ws["K1"] = "=I1"
    ws["Q1"] = "=NRR(0,0,K1)"
    ws["Q2"] = '=CRR(VLOOKUP("zz",Plans!A1:B2,2,FALSE),1,10)'  # the lookup inside the argument
    wb.save(tmp_path / "f.xlsx")
    report = xl_retention.recalc([str(tmp_path / "f.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    reasons = {e.address: e.reason for e in report.files[0].errors}
    cause = "XLOOKUP: 'teams' (Revenue!C3) is not in Plans!A1:A2"
    assert reasons["Revenue!E3"] == f"{cause} (#N/A)"
    assert reasons["Revenue!F3"] == "VLOOKUP: 'teams' (Revenue!C3) is not in the first column of Plans!A1:B2 (#N/A)"
    assert reasons["Revenue!G3"] == "MATCH: 'teams' (Revenue!C3) is not in Plans!A1:A2 (#N/A)"
    assert reasons["Revenue!H3"] == ""
    assert reasons["Revenue!I1"] == f"{cause} (#N/A), from Revenue!E3"
    assert reasons["Revenue!K1"] == f"{cause} (#N/A), from Revenue!I1"
    assert reasons["Revenue!Q1"] == f"NRR: start_mrr is the error value #N/A in Revenue!K1, because {cause} (#VALUE!)"
    assert reasons["Revenue!Q2"] == (
        "CRR: customers_end is the error value #N/A, because VLOOKUP: 'zz' is not in the first column of "
        "Plans!A1:B2 (#VALUE!)"
    )


def test_each_lookup_finding_nothing_costs_one_evaluation_and_a_blank_sought_gets_none(
    tmp_path: Path, monkeypatch
) -> None:
    from xl_retention.recalculation import lookup_reasons

    asked: list[str] = []
    evaluated = lookup_reasons.evaluated

    def counted(*args: object) -> object:
        asked.append(str(args[-1]))
        return evaluated(*args)

    monkeypatch.setattr(lookup_reasons, "evaluated", counted)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["B1"], ws["D1"] = "pro", 99, "teams"  # D2 left blank
    ws["E1"] = "=VLOOKUP(D1,A1:B1,2,FALSE)"
    ws["E2"] = "=VLOOKUP(D2,A1:B1,2,FALSE)"
    wb.save(tmp_path / "one.xlsx")
    report = xl_retention.recalc([str(tmp_path / "one.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    reasons = {e.address: e.reason for e in report.files[0].errors}
    assert reasons == {
        "S!E1": "VLOOKUP: 'teams' (S!D1) is not in the first column of A1:B1 (#N/A)",
        "S!E2": "",  # a blank looked for: not said to be missing
    }
    assert [a for a in asked if "D1" in a] == [  # one question for E1, its value looked for and whether found at once
        '=IF(ISNA(VLOOKUP(D1,A1:B1,2,FALSE)),IF(ISBLANK(D1),"_xlr_found",D1),"_xlr_found")'
    ]
