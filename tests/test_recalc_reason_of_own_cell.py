"""A cell's reason was another cell's: while an error cell is evaluated again for its reason, the engine evaluates a
volatile cell too (``=NPS(OFFSET(A1,0,0,4,1))``, an 'x' among the scores), whose message was noted first, so that
``=CRR(IF(A1>0,A9,A1),1,10)`` read "NPS: scores must be a number, got 'x' ..." -- a function its formula does not
call. A cell's reason is now the first message of a function its formula calls, another cell's message last."""

from __future__ import annotations

from pathlib import Path

import openpyxl

import xl_retention


def test_a_volatile_cells_message_is_not_another_cells_reason(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "P"
    for row, value in enumerate([10, "x", 9, 8], start=1):
        ws[f"A{row}"] = value
    ws["A9"], ws["F1"], ws["G1"] = "n/a", "k", 12
    ws["D3"] = "=NPS(OFFSET(A1,0,0,4,1))"
    ws["D5"] = '=CRR(VLOOKUP("k",F1:G2,2,FALSE),1,A9)'
    ws["D12"] = "=CRR(IF(A1>0,A9,A1),1,10)"
    ws["D16"] = "=NPS(CHOOSE(1,A1:A4)*1)"
    wb.save(tmp_path / "v.xlsx")
    report = xl_retention.recalc([str(tmp_path / "v.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    reasons = {e.address: e.reason for e in report.files[0].errors}
    assert reasons["P!D3"] == "NPS: scores must be a number, got 'x' in P!A2 (#VALUE!)"
    assert reasons["P!D5"] == "CRR: customers_start must be a number, got 'n/a', in P!A9 (#VALUE!)"
    assert reasons["P!D12"] == "CRR: customers_end must be a number, got 'n/a', in P!A9 (#VALUE!)"
    assert reasons["P!D16"].startswith("NPS: scores is the error value #VALUE!: A1:A4 is read as one value")  # its own
    # (since 7dd120b9 the implicit intersection is said), not D3's
