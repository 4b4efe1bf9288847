"""One helper finds the defined names a formula reads and each one's target seen from the formula's sheet (the
sheet's own name before the workbook's): :func:`.defined_names.names_read` and :func:`.defined_names.name_target`,
used by reasons, literal_reasons and unexplained_refs, which had three patterns and three lookups (H398 item 1).
One of the lookups differed: reasons' cells of one-cell names kept the workbook's ``rng`` (T!$A$1) on a sheet whose
own ``rng`` is a range (S!$A$1:$A$2), so S!C1 ``=SUM(rng)`` got T!A1's #DIV/0! reason, not its own range's S!A2.
One in-process recalc of one workbook.
"""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file


@pytest.fixture(scope="module")
def reasons(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("h398_scope")
    book = openpyxl.Workbook()
    own = book.active
    own.title = "S"
    other = book.create_sheet("T")
    own["A1"], own["A2"], own["B2"], own["C1"] = 1, "=1/S!B2", 0, "=SUM(rng)"
    other["A1"], other["B1"], other["C1"] = "=1/T!B1", 0, "=SUM(rng)"
    book.defined_names["rng"] = DefinedName("rng", attr_text="T!$A$1")
    own.defined_names["rng"] = DefinedName("rng", attr_text="S!$A$1:$A$2", localSheetId=0)
    book.save(folder / "scope.xlsx")
    report = recalc_file(folder / "scope.xlsx", folder / "out.xlsx", engine="embedded")
    return {e.address: e.reason for e in report.errors}


def test_a_sheets_own_range_name_shadows_the_workbooks_cell_name(reasons) -> None:
    assert reasons == {
        "S!A2": "S!A2: the formula divides by S!B2, which is 0 (#DIV/0!)",
        "S!C1": "S!A2: the formula divides by S!B2, which is 0 (#DIV/0!), from S!A2",
        "T!A1": "T!A1: the formula divides by T!B1, which is 0 (#DIV/0!)",
        "T!C1": "T!A1: the formula divides by T!B1, which is 0 (#DIV/0!), from T!A1",
    }


def test_the_helper_reads_names_with_their_sheet_and_scope() -> None:
    from xl_retention.recalculation.defined_names import name_target, names_read

    names = {"": {"rng": "T!$A$1", "rate": " 0.05"}, "S": {"rng": "S!$A$1:$A$2"}}
    assert names_read('SUM(rng)+S!rng*Rate+rng+""+COUNT(T[A])+F(1)') == ["rng", "S!rng", "Rate"]
    assert [name_target(names, "S", n) for n in ("rng", "RNG", "T!rng", "S!rng", "rate", "none")] == [
        "S!$A$1:$A$2",
        "S!$A$1:$A$2",
        "T!$A$1",
        "S!$A$1:$A$2",
        "0.05",
        None,
    ]
