"""``extend`` refuses, naming them, formulas of Google Sheets' that its .xlsx download keeps as their value and that
read the months through the tracker's last month (H346; KNOWN's Google Sheets item).

Google's download writes ``=ARRAYFORMULA(Customers!D2:D7-Customers!B2:B7)`` as
``IFERROR(__xludf.DUMMYFUNCTION("ARRAYFORMULA(...)"),5)`` with ``COMPUTED_VALUE`` cells below it. ``extend --months 2``
widened ``=SUM(Customers!D2:D7)`` to ``D2:D9`` but left Google's formulas reading D2:D7 and their fixed values for six
months, silently short of the new ones.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template

SPILLED = '=IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),5)'


def _tracker(tmp_path: Path, google: dict[str, str]) -> Path:
    path = build_template(tmp_path / "g.xlsx", start="2025-01", months=6)
    wb = openpyxl.load_workbook(path)
    c = wb["Customers"]
    c["B2"] = 100
    for i, (gained, end) in enumerate([(10, 105), (12, 110), (8, 112), (15, 120)]):
        c.cell(2 + i, 3, gained)
        c.cell(2 + i, 4, end)
    mine = wb.create_sheet("Mine")
    mine["A2"] = "=SUM(Customers!D2:D7)"
    for ref, formula in google.items():
        mine[ref] = formula
    wb.save(path)
    return path


def test_google_formulas_over_the_months_are_refused_by_name(tmp_path, capsys):
    path = _tracker(
        tmp_path,
        {
            "A1": '=IFERROR(__xludf.DUMMYFUNCTION("SUM(QUERY(Customers!D2:D7,""select *""))"),447)',
            "A3": '=IFERROR(__xludf.DUMMYFUNCTION("ARRAYFORMULA(Customers!D2:D7-Customers!B2:B7)"),5)',
            **{f"A{r}": SPILLED for r in range(4, 9)},
        },
    )
    before = path.read_bytes()
    assert cli.main(["extend", str(path), "--months", "2"]) == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: g.xlsx: 2 formulas of Google Sheets' read the months through 2025-06, which its download "
        "keeps as the value Google showed (IFERROR(__xludf.DUMMYFUNCTION(...), value)): Mine!A1 "
        '(SUM(QUERY(Customers!D2:D7,"select *"))); Mine!A3 (ARRAYFORMULA(Customers!D2:D7-Customers!B2:B7)); extend '
        "cannot widen them to the new months (Excel computes no Google formula: the new months would be left out, "
        "silently): in Google Sheets, end those ranges open (Customers!D2:D) or paste the cells as values (Paste "
        "special > Values only), download the file again and extend it; nothing was changed"
    )
    assert path.read_bytes() == before


def test_google_formulas_open_at_their_end_or_elsewhere_do_not_stop_extend(tmp_path, capsys):
    open_end = '=IFERROR(__xludf.DUMMYFUNCTION("ARRAYFORMULA(Customers!D2:D-Customers!B2:B)"),5)'
    first_three = '=IFERROR(__xludf.DUMMYFUNCTION("SUM(FILTER(Customers!D2:D4,Customers!D2:D4>0))"),320)'
    path = _tracker(tmp_path, {"A3": open_end, "A4": SPILLED, "B1": first_three})
    assert cli.main(["extend", str(path), "--months", "2"]) == 0
    capsys.readouterr()
    mine = openpyxl.load_workbook(path)["Mine"]
    assert [mine[ref].value for ref in ("A2", "A3", "A4", "B1")] == ["=SUM(Customers!D2:D9)", open_end, SPILLED,
                                                                     first_three]  # fmt: skip
    assert openpyxl.load_workbook(path)["Customers"]["A9"].value.strftime("%Y-%m") == "2025-08"
