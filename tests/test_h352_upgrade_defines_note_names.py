"""One ``upgrade`` defines the template's named formula the Lifetime value note it writes reads (H348's finding 02).

A tracker made before ``LTV_Churn_Error_Row`` existed (its churn average B5 an earlier template's, its note C5 empty):
upgrade wrote C5, which reads that name, without defining it; its own ``--recalc`` then said the name "is not defined
in this workbook (Google Sheets keeps only names of ranges) ... run xl-retention upgrade on the file", and only a
second upgrade defined it. Now the first defines it with the note; a tracker without the column's name
(``Customers_Churn_Seq``, an early template's) gets it over the column upgrade puts back, and the note too (H358).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.lifetime_forms import LIFETIME_EARLIER
from xl_retention.workbook.lifetime_value import LIFETIME_NAMED

#: an earlier template's churn average (AVERAGEIFS over the 'Churn rates so far' column)
B5_EARLIER = (
    '=IF(COUNT(Customers_Churn)=0,"",AVERAGEIFS(Customers_Churn,Customers_Churn_Seq,">"&(COUNT(Customers_Churn)-12)))'
)


def _earlier(tmp_path: Path, *, seq: bool = True) -> tuple[Path, object]:
    """A 12-month tracker, Jan-Apr 2025 typed, as a template before the named note formulas wrote it."""
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=12)
    wb = openpyxl.load_workbook(path)
    c = wb["Customers"]
    c["B2"] = 100
    for i, (gained, end) in enumerate([(10, 104), (8, 105), (12, 110), (5, 108)]):
        c.cell(2 + i, 3, gained)
        c.cell(2 + i, 4, end)
    current_c5 = wb["Lifetime value"]["C5"].value
    wb["Lifetime value"]["B5"] = B5_EARLIER
    wb["Lifetime value"]["C5"] = None
    del wb.defined_names["LTV_Churn_Error_Row"]
    if not seq:  # the earliest templates: no 'Churn rates so far' column, no name on it
        del wb.defined_names["Customers_Churn_Seq"]
        c["J1"] = None
    wb.save(path)
    return path, current_c5


def test_one_upgrade_defines_the_name_its_note_reads(tmp_path: Path, capsys) -> None:
    assert B5_EARLIER in LIFETIME_EARLIER["B5"]
    path, current_c5 = _earlier(tmp_path)
    assert cli.main(["upgrade", str(path), "--recalc"]) == 0
    out = capsys.readouterr().out
    assert "run xl-retention upgrade" not in out and "Google Sheets" not in out
    wb = openpyxl.load_workbook(path)
    assert wb["Lifetime value"]["C5"].value == current_c5
    assert wb.defined_names["LTV_Churn_Error_Row"].attr_text == LIFETIME_NAMED["LTV_Churn_Error_Row"]
    assert cli.main(["upgrade", str(path)]) == 0
    assert "defined the template's names" not in capsys.readouterr().out


def test_a_note_reading_a_column_the_tracker_lacked_is_written_with_its_name(tmp_path: Path, capsys) -> None:
    # the earliest templates' 'Churn rates so far' column, header and name: upgrade puts the header back and defines
    # the name over it, so the note reading it is written too (H358; before, C5 was left empty)
    path, current_c5 = _earlier(tmp_path, seq=False)
    assert cli.main(["upgrade", str(path), "--recalc"]) == 0
    out = capsys.readouterr().out
    assert "run xl-retention upgrade" not in out
    wb = openpyxl.load_workbook(path)
    assert wb["Customers"]["J1"].value == "Churn rates so far"
    assert wb.defined_names["Customers_Churn_Seq"].attr_text == "'Customers'!$J$2:$J$13"
    assert wb["Lifetime value"]["C5"].value == current_c5
    assert wb.defined_names["LTV_Churn_Error_Row"].attr_text == LIFETIME_NAMED["LTV_Churn_Error_Row"]
