"""A workbook written by openpyxl with a totals row never calculated (H395's finding 02): the refusal named the
column by the text right above the formula, the formatted value of the last data cell ('99.0 USD'), never a column
of the file; it names the column's header now, below a title block too."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from xl_retention import cli


def book(path: Path, title: bool) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Subscriptions"
    if title:
        ws.append(["Subscriptions report"])
        ws.append([])
    top = ws.max_row + 1 if title else 1
    ws.append(["subscriptions.id", "subscriptions.customer_id", "subscriptions.plan_unit_price",
               "subscriptions.started_at"])  # fmt: skip
    for i, price in enumerate((49, 99, 99), start=1):
        ws.append([f"sub_{i}", f"cus_{i}", price, f"2026-0{i}-01"])
        ws.cell(ws.max_row, 3).number_format = "#,##0.00 [$$-409]"
    ws.append([None, "Total", f"=SUM(C{top + 1}:C{top + 3})", None])
    wb.save(path)


@pytest.mark.parametrize(("title", "cell"), [(False, "C5"), (True, "C7")])
def test_totals_formula_named_by_header(tmp_path, capsys, title, cell):
    path = tmp_path / "subs.xlsx"
    book(path, title)
    args = ["import", "--subscriptions", str(path), "--columns", "start=subscriptions.started_at"]
    assert cli.main([*args, "--to-csv", str(tmp_path / "out"), "--through", "2026-06"]) != 0
    err = capsys.readouterr().err
    # the only formula is the Total row's, which the import refuses anyway: that row is named first (H430)
    assert (
        "subs.xlsx, column 'subscriptions.customer_id': a summary row of the export (its totals, not data) in row "
        f"{cell[1:]} of sheet 'Subscriptions': 'Total': remove it"
    ) in err
    assert "USD'" not in err
