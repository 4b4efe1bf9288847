"""import --into and formulas of the user's in the input cells it writes: a tracker fed from the user's own sheet
(Customers!C2 ='My data'!A2) lost its links, replaced by numbers and listed as "values ... typed by hand". The import
now stops before writing, naming the cells and the first formula; the file stays as it was."""

import re
import zipfile
from pathlib import Path

import openpyxl
from import_cli import status_and_error

from xl_retention.workbook import build_template

SUBSCRIPTIONS = "customer_id,month,mrr\na,2025-01,100\nb,2025-01,50\na,2025-02,120\nc,2025-02,80\na,2025-03,120\n"
ANSWERS = "date,score\n2025-03-02,9\n2025-03-20,10\n"


def _tracker(tmp_path: Path, edit) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=3)
    wb = openpyxl.load_workbook(path)
    mine = wb.create_sheet("My data")
    for r, (gained, end) in enumerate([(2, 2), (1, 2), (0, 1)], start=2):
        mine[f"A{r}"], mine[f"B{r}"] = gained, end
    edit(wb)
    wb.save(path)
    return path


def _linked(wb: openpyxl.Workbook) -> None:
    customers = wb["Customers"]
    customers["B2"] = 0
    for r in range(2, 5):
        customers[f"C{r}"], customers[f"D{r}"] = f"='My data'!A{r}", f"='My data'!B{r}"


def test_linked_customer_inputs_stop_the_import_naming_them(tmp_path, capsys):
    path = _tracker(tmp_path, _linked)
    (tmp_path / "subs.csv").write_text(SUBSCRIPTIONS)
    before = path.read_bytes()
    code, error = status_and_error(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--into", path)
    assert (code, error) == (
        1,
        "'Customers'!C2, 'Customers'!D2, 'Customers'!C3, 'Customers'!D3, 'Customers'!C4, 'Customers'!D4 hold "
        "formulas of yours ('Customers'!C2 ='My data'!A2) in input cells where the import writes the figures of "
        "2025-01 to 2025-03: they would be replaced by numbers; nothing was written: clear those cells (or move the "
        "formulas out of the input cells) and import again, or import into a copy",
    )
    assert path.read_bytes() == before


def test_a_formula_in_the_first_months_start_or_a_cohort_cell_stops_it_too(tmp_path, capsys):
    def edit(wb: openpyxl.Workbook) -> None:
        wb["Customers"]["B2"] = "='My data'!B2-'My data'!A2"
        wb["Cohorts"]["B4"] = "=SUM('My data'!A2)"

    path = _tracker(tmp_path, edit)
    (tmp_path / "subs.csv").write_text(SUBSCRIPTIONS)
    code, error = status_and_error(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--into", path)
    assert code == 1
    assert error.startswith(
        "'Customers'!B2, 'Cohorts'!B4 hold formulas of yours ('Customers'!B2 ='My data'!B2-'My data'!A2) in input "
        "cells where the import writes the figures of 2025-01 to 2025-03"
    )


def _as_excel_saved(path: Path, value: bytes) -> None:
    """Each formula's result stored as Excel stores it (openpyxl saves none): ``value``."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            if name.startswith("xl/worksheets/"):
                data = re.sub(rb"(</f>)<v\s*/>", rb"\1<v>" + value + rb"</v>", data)
            z.writestr(name, data)


def test_a_formula_among_the_nps_answers_stops_it(tmp_path, capsys):
    """The formula's result (9) is the month's first answer: without the check its link was replaced by the 9."""
    path = _tracker(tmp_path, lambda wb: wb["NPS scores"].__setitem__("D2", "='My data'!A2*4+1"))
    _as_excel_saved(path, b"9")
    (tmp_path / "nps.csv").write_text(ANSWERS)
    before = path.read_bytes()
    code, error = status_and_error(capsys, "import", "--nps", tmp_path / "nps.csv", "--into", path)
    assert (code, error) == (
        1,
        "'NPS scores'!D2 holds a formula of yours (D2 ='My data'!A2*4+1) in the answer cells of 2025-03, where the "
        "import writes the answers of nps.csv: they would be replaced by numbers; nothing was written: clear those "
        "cells (or keep your linked answers on a sheet of your own and import the file only) and import again, or "
        "import into a copy",
    )
    assert path.read_bytes() == before


def test_typed_values_there_are_still_replaced_and_listed(tmp_path, capsys):
    def typed(wb: openpyxl.Workbook) -> None:
        wb["Customers"]["C2"] = 7

    path = _tracker(tmp_path, typed)
    (tmp_path / "subs.csv").write_text(SUBSCRIPTIONS)
    code, error = status_and_error(
        capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--into", path, "--replace-typed"
    )  # without it: refused (tests/test_import_typed_values_refused.py)
    assert (code, error) == (0, "")
    assert openpyxl.load_workbook(path)["Customers"]["C2"].value == 2
