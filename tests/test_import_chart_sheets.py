"""A workbook whose first tab is a chart sheet (a report's chart moved to a tab of its own: Insert > Move Chart > New
sheet) stopped every import with Python's own "AttributeError: 'Chartsheet' object has no attribute
'reset_dimensions'", naming no file or sheet. A chart sheet holds no table: the first visible worksheet is read, and
``--sheet`` naming a chart sheet is refused naming the worksheets.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
from import_cli import refusal, run
from openpyxl.chart import BarChart, Reference


def _report(path: Path) -> Path:
    book = openpyxl.Workbook()
    data = book.active
    data.title = "Data"
    data.append(["customer_id", "month", "mrr"])
    for row in [("a", "2024-01", 100), ("b", "2024-01", 50), ("a", "2024-02", 100)]:
        data.append(row)
    chart = BarChart()
    chart.add_data(Reference(data, min_col=3, min_row=1, max_row=4), titles_from_data=True)
    book.create_chartsheet("MRR chart", 0).add_chart(chart)
    book.save(path)
    return path


def test_a_chart_sheet_first_is_passed_over_for_the_first_worksheet(tmp_path: Path) -> None:
    out = run(tmp_path, "--subscriptions", _report(tmp_path / "report.xlsx"))
    movements = pd.read_csv(out / "movements.csv")
    assert movements[["month", "customers_end", "mrr_end"]].values.tolist() == [["2024-01", 2, 150.0],
                                                                                 ["2024-02", 1, 100.0]]  # fmt: skip


def test_sheet_naming_a_chart_sheet_is_refused_naming_the_worksheets(tmp_path: Path, capsys) -> None:
    path = _report(tmp_path / "report.xlsx")
    assert refusal(capsys, "--subscriptions", str(path), "--sheet", "MRR chart", "--to-csv", str(tmp_path / "o")) == (
        "report.xlsx: sheet 'MRR chart' is a chart sheet, it holds no table; worksheets: 'Data' (chosen with --sheet)"
    )
