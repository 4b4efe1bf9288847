"""The tracker's Start here says what a partly typed month shows, sheet by sheet (H159's finding 03).

It said "a partly filled month shows #VALUE! until it is complete", true of Customers (gained typed, customers at
end not yet: the CRR is #VALUE!) but not of Revenue, whose movements left blank count as 0 (docs/metrics.md
"Counting rules"): November typed with its new MRR alone ended at the MRR before plus that, an NRR of 100%, shown on
the Dashboard as any month's, while the team read that such a month would show #VALUE!. Now Start here says each
sheet's rule; the workbooks are made by build_template and recalculated by the embedded engine.
"""

from __future__ import annotations

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def _start_here(path) -> list[str]:
    return [row[0] for row in openpyxl.load_workbook(path)["Start here"].iter_rows(values_only=True) if row[0]]


def test_start_here_says_each_sheets_rule_for_a_partly_typed_month_and_each_holds(tmp_path):
    inputs = {
        "Customers": {"start": [100], "gained": [10, 5], "end": [104]},  # February: gained only
        "Revenue": {"start": [1000], "new": [100, 40], "churned": [50]},  # February: new MRR only
    }
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3, inputs=inputs)
    lines = _start_here(path)
    assert not any("partly filled month shows #VALUE!" in line for line in lines)  # of every sheet, it said
    assert "Months you have not filled stay blank. Customers: a month typed in part shows #VALUE! until it is " \
        "complete." in lines  # fmt: skip
    assert "Revenue: a blank movement counts as 0 (none typed: rates #VALUE!); MRR and NRR are final once all are " \
        "typed." in lines  # fmt: skip
    out = tmp_path / "r.xlsx"
    assert recalc_file(path, out).status in ("ok", "errors")
    wb = openpyxl.load_workbook(out, data_only=True)
    customers, revenue = wb["Customers"], wb["Revenue"]
    assert customers["F3"].value == "#VALUE!"  # February's CRR: its customers at end not typed yet
    assert revenue["H2"].value == 1050 and revenue["H3"].value == 1090  # February: 1050 + 40, the rest as 0
    assert revenue["M3"].value == 1  # its NRR: 100%, final only once every movement is typed


def test_start_here_prints_on_one_page_wide_with_no_line_past_column_a(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    ws = openpyxl.load_workbook(path)["Start here"]
    lines = [str(c.value or "") for c in ws["A"]]
    assert ws.column_dimensions["A"].width >= 1.2 * max(len(line) for line in lines)
    assert ws.print_area == f"'Start here'!$A$1:$A${len(lines)}"
