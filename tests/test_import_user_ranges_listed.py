"""import --into that adds months: a chart, conditional format, validation or table (ListObject) of the user's over the
months was widened to the new months without a word (their formulas and names are listed: 8030e89) -> widened as
before and listed, old range and new; the template's own validations and charts follow silently."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from openpyxl.chart import LineChart, Reference
from openpyxl.formatting.rule import CellIsRule
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table

from xl_retention import cli
from xl_retention.workbook.template import _finish, _workbook, month_range

SUBSCRIPTIONS = "customer_id,month,mrr\n" + "".join(
    f"{c},2026-{m:02d},10\n" for m in range(1, 7) for c in "abc"[: m % 3 + 1]
)


def tracker(path: Path) -> Path:
    """A 3-month tracker as the template makes it (its Dashboard charts and validations), with the user's own: on
    Customers a format over L2:L4, a list validation over M2:M4 and a table over L1:M4; a chart of the first
    quarter's customers at end on a sheet 'Mine'. (Built before saving: openpyxl drops charts it reads.)"""
    wb = _workbook(month_range("2026-01", 3), {})
    ws = wb["Customers"]
    ws["L1"], ws["M1"] = "Bonus", "Owner"
    ws.conditional_formatting.add("L2:L4", CellIsRule(operator="greaterThan", formula=["10"]))
    owners = DataValidation(type="list", formula1='"Ann,Bob"')
    ws.add_data_validation(owners)
    owners.add("M2:M4")
    ws.add_table(Table(displayName="Bonus", ref="L1:M4"))
    chart = LineChart()
    chart.title = "Q1 customers"
    chart.add_data(Reference(ws, min_col=4, min_row=2, max_row=4))
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=4))
    wb.create_sheet("Mine").add_chart(chart, "B2")
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(_finish(buffer.getvalue(), macro_enabled=False))
    return path


def test_the_users_charts_formats_validations_and_tables_widened_are_listed(tmp_path, capsys):
    book = tracker(tmp_path / "t.xlsx")
    csv = tmp_path / "s.csv"
    csv.write_text(SUBSCRIPTIONS)
    capsys.readouterr()
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(book)]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "table(s) of yours" in x)
    assert line == (
        "4 chart(s), conditional format(s), validation(s) or table(s) of yours over the months now take in the months "
        "added: conditional format 'Customers'!L2:L4 -> L2:L7; validation 'Customers'!M2:M4 -> M2:M7; chart "
        "'Q1 customers' on 'Mine': 'Customers'!$A$2:$A$4 -> 'Customers'!$A$2:$A$7, 'Customers'!$D$2:$D$4 -> "
        "'Customers'!$D$2:$D$7; table Bonus L1:M4 -> L1:M7 (a "
        "range that ended at the last month; change it back where it was meant for those months only)"
    )
    assert "formula(s) of yours" not in out  # no formula of the user's reads the months
    ws = openpyxl.load_workbook(book)["Customers"]
    assert [str(f.sqref) for f in ws.conditional_formatting] == ["L2:L7"] and ws.tables["Bonus"].ref == "L1:M7"
    assert [str(v.sqref) for v in ws.data_validations.dataValidation if v.type == "list"] == ["M2:M7"]
    assert str(next(v.sqref for v in ws.data_validations.dataValidation if "C2" in str(v.sqref))) == "C2:C7"
