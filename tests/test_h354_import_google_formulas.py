"""``import --into`` that adds months refuses, naming them, formulas of Google Sheets' that its .xlsx download keeps as
their value and that read the months through the tracker's last month, as ``extend`` does (H354, review of fbfdbba0):
a 6-month tracker holding ``ARRAYFORMULA(Customers!D2:D7-Customers!B2:B7)`` in Google's download form imported a
subscriptions file through 2025-08, widened ``=SUM(Customers!D2:D7)`` to D2:D9 and left Google's formula short of
July and August, exit 0, silently."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template

GOOGLE = '=IFERROR(__xludf.DUMMYFUNCTION("ARRAYFORMULA(Customers!D2:D7-Customers!B2:B7)"),5)'


def _tracker(tmp_path: Path, google: str) -> Path:
    path = build_template(tmp_path / "g.xlsx", start="2025-01", months=6)
    wb = openpyxl.load_workbook(path)
    mine = wb.create_sheet("Mine")
    mine["A2"] = "=SUM(Customers!D2:D7)"
    mine["A3"] = google
    wb.save(path)
    return path


def _subscriptions(tmp_path: Path, last: int) -> Path:
    path = tmp_path / "s.csv"
    rows = "".join(f"C{i},2025-{m:02d},10\n" for i in range(5) for m in range(1, last + 1))
    path.write_text("customer_id,month,mrr\n" + rows)
    return path


def test_import_adding_months_refuses_google_formulas_over_them(tmp_path: Path, capsys) -> None:
    path = _tracker(tmp_path, GOOGLE)
    before = path.read_bytes()
    assert cli.main(["import", "--subscriptions", str(_subscriptions(tmp_path, 8)), "--into", str(path)]) == 1
    assert capsys.readouterr().err.strip() == (  # at the parent: exit 0, Mine!A3 left reading D2:D7
        "xl-retention: error: g.xlsx: 1 formula of Google Sheets' read the months through 2025-06, which its download "
        "keeps as the value Google showed (IFERROR(__xludf.DUMMYFUNCTION(...), value)): Mine!A3 "
        "(ARRAYFORMULA(Customers!D2:D7-Customers!B2:B7)); import cannot widen it to the new months (Excel computes no "
        "Google formula: the new months would be left out, silently): in Google Sheets, end those ranges open "
        "(Customers!D2:D) or paste the cells as values (Paste special > Values only), download the file again and "
        "import into it; nothing was changed"
    )
    assert path.read_bytes() == before


def test_import_within_the_months_or_over_an_open_range_goes_on(tmp_path: Path, capsys) -> None:
    path = _tracker(tmp_path, GOOGLE)
    assert cli.main(["import", "--subscriptions", str(_subscriptions(tmp_path, 6)), "--into", str(path)]) == 0
    open_end = GOOGLE.replace("D2:D7-Customers!B2:B7", "D2:D-Customers!B2:B")
    (tmp_path / "o").mkdir()
    other = _tracker(tmp_path / "o", open_end)
    assert cli.main(["import", "--subscriptions", str(_subscriptions(tmp_path, 8)), "--into", str(other)]) == 0
    capsys.readouterr()
    mine = openpyxl.load_workbook(other)["Mine"]
    assert [mine["A2"].value, mine["A3"].value] == ["=SUM(Customers!D2:D9)", open_end]
    customers = openpyxl.load_workbook(other)["Customers"]
    assert [customers["A9"].value.strftime("%Y-%m"), customers["D9"].value] == ["2025-08", 5]
