"""One xl-retention formula inside another, the inner one failing: =CUSTOMER_LIFETIME(CHURN_RATE(A1,B1,C1)) with C1 = 0
was listed #VALUE! with an empty reason (so were =CLV(50,0.7,CHURN_RATE(..)), =SBG_SURVIVAL(INDEX(SBG_FIT(..),1),..)
and =SBG_CLV(..)), where the same inner call in its own cell passes its reason on (H267's finding 05). The inner
reason's code (#DIV/0!, #NUM!) is not the cell's: the reason now is the outer function's with the inner one's as its
cause, the inner's cells named. The value stays #VALUE!, as docs/metrics.md says of an error as input and as the call
through a cell gives."""

from __future__ import annotations

import json

import openpyxl

from xl_retention import cli

CAUSE = "CHURN_RATE: customers_start is 0 in S!C1 (no customers at the start): the ratio is undefined (#VALUE!)"
FIT = (
    "SBG_FIT: survivors rise from 631 at period 1 (S!B3) to 700 at period 2 (S!C3): the customers of a cohort still "
    "active can only fall (#VALUE!)"
)
EXPECTED = {
    "E1": ("#VALUE!", "CUSTOMER_LIFETIME: churn_rate is the error value #DIV/0!, because " + CAUSE),
    "E2": ("#VALUE!", "CLV: churn_rate is the error value #DIV/0!, because " + CAUSE),
    "E3": ("#VALUE!", "SBG_SURVIVAL: alpha is the error value #NUM!, because " + FIT),
    "E4": ("#DIV/0!", CAUSE.replace("(#VALUE!)", "(#DIV/0!)")),
    "E5": ("#VALUE!", "CUSTOMER_LIFETIME: churn_rate is the error value #DIV/0! in S!E4, because " + CAUSE),
    "E6": ("#VALUE!", "SBG_CLV: alpha is the error value #NUM!, because " + FIT),
    "E7": ("#VALUE!", "CHURN_RATE: customers_end must be a number, got 'x', in S!A5 (#VALUE!)"),  # as before
    "E8": ("#VALUE!", "CLV: churn_rate is the error value #DIV/0! (#VALUE!)"),  # a built-in's error: as before
    "E9": ("#VALUE!", "CUSTOMER_LIFETIME: churn_rate is the error value #DIV/0!, because " + CAUSE),
}


def test_a_nested_formula_error_gets_the_inner_reason_as_its_cause(tmp_path, capsys) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["B1"], ws["C1"] = 535, 75, 0  # customers at start typed 0
    for column, value in zip("ABCD", [1000, 631, 700, 500], strict=True):  # survivors that rise
        ws[f"{column}3"] = value
    ws["A5"] = "x"
    ws["E1"] = "=CUSTOMER_LIFETIME(CHURN_RATE(A1,B1,C1))"
    ws["E2"] = "=CLV(50,0.7,CHURN_RATE(A1,B1,C1))"
    ws["E3"] = "=SBG_SURVIVAL(INDEX(SBG_FIT(A3:D3),1),INDEX(SBG_FIT(A3:D3),2),12)"
    ws["E4"] = "=CHURN_RATE(A1,B1,C1)"
    ws["E5"] = "=CUSTOMER_LIFETIME(E4)"
    ws["E6"] = "=SBG_CLV(80,INDEX(SBG_FIT(A3:D3),1),INDEX(SBG_FIT(A3:D3),2),0.01)"
    ws["E7"] = "=CLV(50,0.7,CHURN_RATE(A5,75,500))"
    ws["E8"] = "=CLV(50,0.7,1/0)"
    ws["E9"] = "=CUSTOMER_LIFETIME(CHURN_RATE(A1,B1,C1))+1"
    wb.save(tmp_path / "n.xlsx")
    capsys.readouterr()
    cli.main(["recalc", str(tmp_path / "n.xlsx"), "--json", "--output-dir", str(tmp_path / "out")])
    errors = {e["address"]: e for f in json.loads(capsys.readouterr().out)["files"] for e in f["errors"]}
    got = {cell: (errors[f"S!{cell}"]["error"], errors[f"S!{cell}"]["reason"]) for cell in EXPECTED}
    assert got == EXPECTED
