"""An openpyxl-written subscriptions sheet whose only formula is its 'Total' row's ``=SUM()``, never calculated,
below an empty row (H427's finding 03): the import asked first for a recalculation, then for the empty row to be
deleted, then for the Total row to be removed. The first answer names the Total row now (removing it is enough: an
empty row at the sheet's end is not read); a formula in a data row is still "never calculated"."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from xl_retention import cli

HEADER = ["Customer ID", "Start Date", "End Date", "MRR"]
ROWS = [["c01", "2026-01-05", None, 100], ["c02", "2026-01-10", "2026-03-15", 50], ["c03", "2026-02-20", None, 200]]


def book(path: Path, blank: bool = True, total: list | None = None, data_formula: bool = False) -> None:
    """Title row, empty row, header in row 3, three subscriptions (rows 4-6), an empty row (row 7) when ``blank``,
    then the ``total`` row (default: 'Total' and ``=SUM(D4:D6)``)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Subs"
    ws.append(["Subscriptions export, Jan-Jun 2026"])
    ws.append([])
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    if data_formula:
        ws["D5"] = "=25*2"
    if blank:
        ws.append([])
    ws.append(total if total is not None else ["Total", None, None, "=SUM(D4:D6)"])
    wb.save(path)


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str]:
    args = ["import", "--subscriptions", str(path), "--columns", "start=Start Date,end=End Date"]
    code = cli.main([*args, "--to-csv", str(tmp_path / "out"), "--through", "2026-06"])
    return code, capsys.readouterr().err.strip()


@pytest.mark.parametrize(("blank", "row"), [(True, 8), (False, 7)])
def test_total_row_named_first(tmp_path, capsys, blank, row):
    path = tmp_path / "subs.xlsx"
    book(path, blank=blank)
    code, err = run(tmp_path, capsys, path)
    assert code != 0
    assert err == (
        "xl-retention: error: subs.xlsx, column 'Customer ID': a summary row of the export (its totals, not data) "
        f"in row {row} of sheet 'Subs': 'Total': remove it"
    )


def test_without_the_total_row_it_imports(tmp_path, capsys):
    path = tmp_path / "subs.xlsx"
    book(path, total=[])  # the Total row removed: the empty row is the sheet's end
    code, _ = run(tmp_path, capsys, path)
    assert code == 0
    lines = (tmp_path / "out" / "movements.csv").read_text().splitlines()
    header = lines[0].split(",")
    june = next(line.split(",") for line in lines if line.startswith("2026-06"))
    assert float(june[header.index("mrr_end")]) == 300.0
    assert int(june[header.index("customers_end")]) == 2


def test_formula_in_a_data_row_still_never_calculated(tmp_path, capsys):
    path = tmp_path / "subs.xlsx"
    book(path, data_formula=True)
    code, err = run(tmp_path, capsys, path)
    assert code != 0
    assert err == (
        "xl-retention: error: subs.xlsx: the formulas of sheet 'Subs' (column 'MRR') were never calculated (cells D5, "
        "D8 hold no value, and the workbook asks Excel to calculate them when it opens: written by a script "
        "(openpyxl)?): calculate them with 'xl-retention recalc subs.xlsx' and import the subs.recalc.xlsx it writes, "
        "or open it in Excel and save it, or write the values instead of formulas"
    )


def test_customer_named_total_with_a_date_never_calculated(tmp_path, capsys):
    path = tmp_path / "subs.xlsx"
    book(path, blank=False, total=["Total", "2026-03-01", None, "=SUM(D4:D6)"])  # a text date beside it: data
    code, err = run(tmp_path, capsys, path)
    assert code != 0
    assert "were never calculated (cells D7 hold no value" in err


def test_unlabelled_formula_below_an_empty_row(tmp_path, capsys):
    path = tmp_path / "subs.xlsx"
    book(path, total=[None, None, None, "=SUM(D4:D6)"])
    code, err = run(tmp_path, capsys, path)
    assert code != 0
    assert err == (
        "xl-retention: error: subs.xlsx: an empty row inside the table on sheet 'Subs', in row 7: delete it (if what "
        "is below it is not the table's, move that to a sheet of its own)"
    )
