"""Numbers pasted as text on a hand-filled tracker count as the numbers they are, a negative one included.

H19 finding 01: Revenue's MRR at end guarded ``IF(OR(B3<0,...,G3<0),#NUM!,B3+...-G3)``. A churned MRR pasted from an
accounting report as the text "-30" (or "(40)") compares greater than 0 in Excel, so the guard let it through and the
sum read it as -30: February's MRR at end was 1050 + 80 + 30 = 1160, March started from it, the Dashboard's latest
MRR and the Lifetime value's ARPA carried it, status ok; a typed -30 is #NUM! (docs/metrics.md, negative amounts).
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.template import REVENUE, render_formula

FEBRUARY_CAUSE = "Revenue!G3 (Churned MRR) is the text '-30', below 0 (#NUM!)"


def _tracker(tmp_path: Path, name: str, february, march) -> Path:
    path = build_template(tmp_path / name, start="2025-01", months=4)
    wb = openpyxl.load_workbook(path)
    revenue = wb["Revenue"]
    revenue["B2"], revenue["C2"], revenue["G2"] = 1000, 100, 50  # January: 1050 at end
    revenue["C3"], revenue["G3"] = 80, february  # February: churned MRR pasted
    revenue["C4"], revenue["G4"] = 50, march
    wb.save(path)
    return path


def _recalc(tmp_path: Path, capsys, *paths: Path) -> dict[str, dict[str, str]]:
    capsys.readouterr()
    cli.main(["recalc", *map(str, paths), "--json", "--output-dir", str(tmp_path / "out")])
    report = json.loads(capsys.readouterr().out)
    return {Path(f["path"]).name: {e["address"]: e["reason"] for e in f["errors"]} for f in report["files"]}


def test_a_negative_movement_pasted_as_text_is_no_mrr_at_end(tmp_path, capsys):
    text = _tracker(tmp_path, "text.xlsx", "-30", "(40)")
    typed = _tracker(tmp_path, "typed.xlsx", -30, -40)
    errors = _recalc(tmp_path, capsys, text, typed)
    for name in ("text.xlsx", "typed.xlsx"):
        values = openpyxl.load_workbook(tmp_path / "out" / name, data_only=True)
        revenue = values["Revenue"]
        assert revenue["H2"].value == 1050
        # were 1160 (1050 + 80 + 30), 1160 and 1250 for the texts, status ok
        assert [revenue[ref].value for ref in ("H3", "B4", "H4")] == ["#NUM!"] * 3, name
        assert revenue["P3"].value == "#N/A"  # the MRR chart: a gap, not a point at 1160
        dashboard = values["Dashboard"]
        # March's MRR at end is #NUM!: the Dashboard says where it is (258570c), not January's figure
        assert (dashboard["B5"].value, dashboard["C5"].value.month) == ("see Revenue!H4", 3), name
        # the last month's MRR at end is an error: the ARPA is that error, not an earlier month's (was 1250 / ...)
        assert values["Lifetime value"]["B3"].value == "#NUM!"
    assert errors["text.xlsx"]["Revenue!H3"] == FEBRUARY_CAUSE
    assert errors["text.xlsx"]["Revenue!B4"] == FEBRUARY_CAUSE + ", from Revenue!H3"
    assert errors["typed.xlsx"]["Revenue!H3"] == "Revenue!G3 (Churned MRR) is -30, below 0 (#NUM!)"


def test_numbers_pasted_as_text_in_any_form_count_as_those_numbers(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=3)
    wb = openpyxl.load_workbook(path)
    revenue = wb["Revenue"]
    # " 1,200.00 ": " 1,200 " alone is 1.2 to a decimal-comma Excel, listed as the locale's (eb985ead, H201 finding 10)
    revenue["B2"], revenue["C2"], revenue["D2"], revenue["G2"] = 1000, "$100", " 1,200.00 ", "50"
    revenue["C3"], revenue["F3"], revenue["G3"] = "80", " 20", "(0)"
    wb.save(path)
    errors = _recalc(tmp_path, capsys, path)
    assert errors == {"t.xlsx": {}}
    revenue = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)["Revenue"]
    assert [revenue[ref].value for ref in ("H2", "B3", "H3")] == [2250, 2250, 2310]  # 1000+100+1200-50; +80-20-0


def test_import_brings_the_guard_that_missed_texts_up_to_date(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    letters = {c.key: get_column_letter(i) for i, c in enumerate(REVENUE.columns, start=1)}
    earlier = (
        '=IF(AND({start}="",{new}="",{expansion}="",{reactivation}="",{contraction}="",{churned}=""),"",'
        "IF(OR({start}<0,{new}<0,{expansion}<0,{reactivation}<0,{contraction}<0,{churned}<0),#NUM!,"
        "{start}+{new}+{expansion}+{reactivation}-{contraction}-{churned}))"
    )
    rate = '=IF(OR(AND({lost}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",GRR(N({lost}),{start}))'
    for row in range(2, 5):
        wb["Revenue"][f"H{row}"] = render_formula(earlier, letters, row)
        wb["Revenue"][f"N{row}"] = render_formula(rate, letters, row)  # the GRR that refused a start pasted as text
    wb.save(path)
    csv = tmp_path / "subs.csv"
    csv.write_text("customer_id,month,mrr\na,2026-01,10\nb,2026-01,10\na,2026-02,10\nc,2026-03,20\n")
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(path)]) == 0
    assert "'Revenue'!H2:H4" in capsys.readouterr().out
    assert openpyxl.load_workbook(path)["Revenue"]["H3"].value == (
        '=IF(AND(B3="",C3="",D3="",E3="",F3="",G3=""),"",IF(OR(B3+0<0,C3+0<0,D3+0<0,E3+0<0,F3+0<0,G3+0<0),#NUM!,'
        'IF(B3="",#VALUE!,IF(OR(ISLOGICAL(B3),ISLOGICAL(C3),ISLOGICAL(D3),ISLOGICAL(E3),ISLOGICAL(F3),ISLOGICAL(G3)),'
        "#VALUE!,B3+C3+D3+E3-F3-G3))))"  # a blank start refused too (H39 finding 04), a boolean (992d98cf)
    )
    grr = openpyxl.load_workbook(path)["Revenue"]["N2"].value
    assert grr == render_formula(next(c for c in REVENUE.columns if c.key == "grr").formula, letters, 2)
    assert "IFERROR(B2+0,B2)" in grr


def test_a_first_mrr_at_start_pasted_as_text_counts_in_the_rates(tmp_path, capsys):
    """The first month's MRR at start, typed, is the one the rates read directly: pasted as " 1,000 " they refused
    it ("start_mrr must be a number, got ' 1,000 '", #VALUE!) while the MRR at end counted it. (" 1,000.00 " here:
    " 1,000 " alone is 1 to a decimal-comma Excel, listed as the locale's: eb985ead, H201 finding 10.)"""
    paths = []
    for name, start in (("text.xlsx", " 1,000.00 "), ("typed.xlsx", 1000), ("zero.xlsx", "0"), ("abc.xlsx", "abc")):
        path = build_template(tmp_path / name, start="2025-01", months=2)
        wb = openpyxl.load_workbook(path)
        revenue = wb["Revenue"]
        revenue["B2"], revenue["C2"], revenue["D2"], revenue["F2"], revenue["G2"] = start, 100, 20, 20, 30
        wb.save(path)
        paths.append(path)
    errors = _recalc(tmp_path, capsys, *paths)
    assert errors["text.xlsx"] == errors["typed.xlsx"] == {}
    # an MRR at start of 0 (typed as the text "0") with churned and expansion MRR: what a base of 0 cannot have, so the
    # rates show #DIV/0! naming the base of 0, listed (d9212b4, 84c9ebb), no longer blank; its cell named as a 0 typed
    # is (the text read as the 0 shown: H557's finding 02)
    undefined = "start_mrr is 0 in Revenue!B2 (MRR at start) (no MRR at the start): the ratio is undefined (#DIV/0!)"
    assert errors["zero.xlsx"] == {
        f"Revenue!{ref}": f"{name}: {undefined}"
        for ref, name in (("K2", "NET_REVENUE_CHURN"), ("L2", "GROSS_REVENUE_CHURN"), ("M2", "NRR"), ("N2", "GRR"))
    }
    rates = ("H2", "K2", "L2", "M2", "N2", "O2")  # MRR at end, net and gross revenue churn, NRR, GRR, quick ratio
    for name in ("text.xlsx", "typed.xlsx"):
        revenue = openpyxl.load_workbook(tmp_path / "out" / name, data_only=True)["Revenue"]
        got = [revenue[ref].value for ref in rates]
        assert got == pytest.approx([1070, 0.03, 0.05, 0.97, 0.95, 2.4]), name
    zero = openpyxl.load_workbook(tmp_path / "out" / "zero.xlsx", data_only=True)["Revenue"]
    assert [zero[ref].value for ref in rates] == [70, "#DIV/0!", "#DIV/0!", "#DIV/0!", "#DIV/0!", 2.4]
    assert errors["abc.xlsx"]["Revenue!M2"] == (
        "NRR: start_mrr must be a number, got 'abc', in Revenue!B2 (MRR at start) (#VALUE!)"
    )


def test_a_negative_count_pasted_as_text_is_named_in_its_cell(tmp_path, capsys):
    """H557's finding 02: a gained count pasted as '(5)' or '-5' (read as -5 by the tracker) gave "got -5 (#NUM!)"
    naming no cell, where -5 typed named Customers!C3; now its cell and its text are named."""
    path = build_template(tmp_path / "q.xlsx", start="2025-01", months=4)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    customers["B2"] = 100
    for row, (gained, end) in enumerate([(10, 104), (-5, 99), ("(5)", 94), ("-5", 89)], start=2):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
    wb.save(path)
    errors = _recalc(tmp_path, capsys, path)["q.xlsx"]
    got = "CRR: customers_gained must be a count >= 0, got -5, in Customers!C{} (Gained (new + reactivated)){} (#NUM!)"
    assert [errors[f"Customers!F{row}"] for row in (3, 4, 5)] == [
        got.format(3, ""),
        got.format(4, ", the text '(5)'"),
        got.format(5, ", the text '-5'"),
    ]


def test_a_count_with_a_no_break_space_is_not_said_to_be_read_as_a_number(tmp_path, capsys):
    """H557's finding 03: '110\\xa0' (a no-break space pasted from a web page) is no number to the tracker (its rates
    are #VALUE!), yet the file's message said "the tracker reads them as numbers" of it beside ' 9 ', which it
    reads. Now only ' 9 ' is said so."""
    path = build_template(tmp_path / "n.xlsx", start="2025-01", months=3)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    customers["B2"], customers["C2"], customers["D2"] = 100, 10, 104
    customers["C3"], customers["D3"] = " 9 ", "110\xa0"
    wb.save(path)
    capsys.readouterr()
    cli.main(["recalc", str(path), "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["message"] == (
        "n.xlsx: Customers!C3 (Gained (new + reactivated)) is the text ' 9 ': the tracker reads it as a number, but a "
        "SUM, a pivot table or pandas reading this cell skips a text: type it as a number"
    )
    values = openpyxl.load_workbook(tmp_path / "out" / "n.xlsx", data_only=True)["Customers"]
    assert values["F3"].value == "#VALUE!"
