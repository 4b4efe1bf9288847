"""A tracker saved as .xls (Excel 97-2003) by LibreOffice and back as .xlsx (H265's finding 06): each formula calling
the package's functions (CUSTOMERS_LOST, CRR, NPS_BREAKDOWN, ...), which that format cannot hold, became =NA() (377
cells: every month's lost, CRR, churn, MRR at end, NRR, the NPS counts); recalc said ok (March's CRR #N/A where
(126 - 18) / 118 = 0.9153) and upgrade said "its formulas are this version's already (nothing changed)". The cells
are built here as LibreOffice leaves them (=NA() over the template's formulas); recalc names them, the file
incomplete, and upgrade puts the template's formulas back."""

from __future__ import annotations

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.upgrade_file import upgrade_workbook

LOST = {
    "Customers": "EFG",
    "Revenue": "HKLMNO",
    "NPS": "BCDEFG",
}  # the monthly columns LibreOffice's .xls save made =NA() there


def _round_tripped(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    c, r = wb["Customers"], wb["Revenue"]
    c["B2"], r["B2"] = 100, 10000
    for i, (gained, end) in enumerate([(20, 110), (15, 118), (18, 126)]):
        c.cell(2 + i, 3).value, c.cell(2 + i, 4).value = gained, end
    for i, (new, churned) in enumerate([(1000, 300), (800, 400), (900, 350)]):
        r.cell(2 + i, 3).value, r.cell(2 + i, 7).value = new, churned
    for title, columns in LOST.items():
        for column in columns:
            for row in range(2, 14):
                wb[title][f"{column}{row}"] = "=NA()"
    for row in (3, 5, 7):  # the lifetime value's figures (their sBG fits on Cohorts are not put back)
        wb["Lifetime value"][f"B{row}"] = "=NA()"
    wb.save(path)
    return path


def test_template_formulas_turned_na_are_named_and_put_back(tmp_path):
    path = _round_tripped(tmp_path)
    report = recalc_file(path, tmp_path / "before.xlsx", engine="embedded")
    assert report.status == "incomplete"
    assert report.message == (
        "t.xlsx: 108 cells of the tracker's formulas are =NA() where the template has its formula: Customers!E2 "
        "(Lost), Customers!F2 (Retention (CRR)), Customers!G2 (Churn rate), ... (105 more) (saved as .xls, Excel "
        "97-2003? LibreOffice writes =NA() for the formulas calling this package's functions, which that format "
        "cannot hold): those months' figures are #N/A; run xl-retention upgrade on the workbook, which puts the "
        "template's formulas back there (your values are kept), and keep the tracker as .xlsx"
    )
    done = upgrade_workbook(path)
    assert done.lines(path)[0] == (
        "put the template's formulas back in 'Customers'!E2:E13, 'Customers'!F2:F13, 'Customers'!G2:G13, "
        "'Revenue'!H2:H13, 'Revenue'!K2:K13, 'Revenue'!L2:L13 and 12 more (=NA(): saved as .xls?), each month's "
        "reading its own row again (values you typed over formulas are kept)"
    )
    fresh = openpyxl.load_workbook(build_template(tmp_path / "fresh.xlsx", start="2026-01", months=12))
    upgraded = openpyxl.load_workbook(path)
    for title, columns in LOST.items():
        for column in columns:
            for row in range(2, 14):
                assert upgraded[title][f"{column}{row}"].value == fresh[title][f"{column}{row}"].value
    for row in (3, 5, 7):
        assert upgraded["Lifetime value"][f"B{row}"].value == fresh["Lifetime value"][f"B{row}"].value
    report = recalc_file(path, tmp_path / "after.xlsx", engine="embedded")
    assert (report.status, report.message) == ("ok", "")
    values = openpyxl.load_workbook(tmp_path / "after.xlsx", data_only=True)
    assert values["Customers"]["F4"].value == 108 / 118  # March's CRR: (126 - 18) / 118
    assert values["Revenue"]["H4"].value == 10000 + 1000 - 300 + 800 - 400 + 900 - 350
