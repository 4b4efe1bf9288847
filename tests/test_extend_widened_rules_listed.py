"""``extend`` (and an import adding months) widened some of the user's conditional formats and validations without
a word: a format over a template column's month cells (Customers!C2:C4, the range of the template's own validation
there, taken for it), a format on "NPS scores" over the answer columns, and the formulas of formats and validations
on any sheet that read the months (a list of the months, =Customers!$A$2:$A$4; a rule comparing with their
average): each is now listed in the report (sheet, old -> new), all of them, not the first four. The template's own
validations still follow the months silently."""

from __future__ import annotations

import openpyxl
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from xl_retention import cli
from xl_retention.workbook import build_template

RED = PatternFill("solid", fgColor="FF0000")
HINT = "(a range that ended at the last month; change it back where it was meant for those months only)"


def _extend(tmp_path, capsys, edit) -> list[str]:
    path = build_template(tmp_path / "tracker.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    edit(wb)
    wb.save(path)
    capsys.readouterr()
    assert cli.main(["extend", str(path), "--months", "2"]) == 0
    return capsys.readouterr().out.strip().splitlines()[1:]


def test_the_template_alone_lists_nothing(tmp_path, capsys) -> None:
    assert _extend(tmp_path, capsys, lambda wb: None) == []


def test_formats_and_validations_of_the_users_are_each_listed(tmp_path, capsys) -> None:
    def edit(wb):
        customers, scores, mine = wb["Customers"], wb["NPS scores"], wb.create_sheet("Mine")
        customers.conditional_formatting.add("C2:C4", CellIsRule(operator="lessThan", formula=["0"], fill=RED))
        customers.conditional_formatting.add("K2:K4", FormulaRule(formula=["$F2<AVERAGE($F$2:$F$4)"], fill=RED))
        scores.conditional_formatting.add("B2:D1001", CellIsRule(operator="lessThan", formula=["7"], fill=RED))
        months = DataValidation(type="list", formula1="Customers!$A$2:$A$4")
        months.add("A1")
        mine.add_data_validation(months)
        mine.conditional_formatting.add("B1:B5", FormulaRule(formula=["B1>MAX(Customers!$D$2:$D$4)"], fill=RED))
        owner = DataValidation(type="list", formula1='"Ann,Bob"')  # the user's list over a template column's cells
        owner.add("C2:C4")
        wb["Purchases and visits"].add_data_validation(owner)

    lines = _extend(tmp_path, capsys, edit)
    assert lines == [
        "7 chart(s), conditional format(s), validation(s) or table(s) of yours over the months now take in the months "
        "added: conditional format 'NPS scores'!B2:D1001 -> B2:F1001; "
        "conditional format 'Customers'!C2:C4 -> C2:C6; conditional format 'Customers'!K2:K4 -> K2:K6; "
        "validation 'Purchases and visits'!C2:C4 -> C2:C6; "
        "conditional format 'Customers'!K2:K6: $F2<AVERAGE($F$2:$F$4) -> $F2<AVERAGE($F$2:$F$6); "
        "conditional format 'Mine'!B1:B5: B1>MAX(Customers!$D$2:$D$4) -> B1>MAX(Customers!$D$2:$D$6); "
        f"validation 'Mine'!A1: Customers!$A$2:$A$4 -> Customers!$A$2:$A$6 {HINT}"
    ]
