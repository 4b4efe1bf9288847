"""import --into never leaves a formula result computed from the old inputs readable beside the new inputs.

A tracker recalculated once stores every formula's result; programs that do not calculate (pandas, openpyxl
data_only, file previews) read those. After an import without --recalc they are cleared (a blank, and Excel
recalculates on open); with --recalc the new ones are stored.
"""

import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
from cli_process import run

from xl_retention.workbook.stale import without_results

S1 = "customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,100\nb,2026-02,50\n"
S2 = "customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,100\nc,2026-02,50\n"  # February: b left, c joined


def stored_results(path: Path) -> int:
    """Formula cells holding a stored result, as openpyxl reads them (formulas, then data_only values)."""
    formulas, values = openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)
    return sum(
        1
        for ws in formulas.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f" and values[ws.title][cell.coordinate].value not in (None, "")
    )


def test_an_import_without_recalc_clears_the_old_results_and_recalc_stores_the_new(tmp_path):
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "4").returncode == 0
    (tmp_path / "s1.csv").write_text(S1)
    (tmp_path / "s2.csv").write_text(S2)
    first = run("import", "--subscriptions", tmp_path / "s1.csv", "--into", book, "--recalc")
    assert first.returncode == 0, first.stderr
    assert "cleared" not in first.stdout  # a recalculation follows: nothing is left blank
    feb = pd.read_excel(book, sheet_name="Customers").iloc[1]
    assert (feb["Retention (CRR)"], feb["Churn rate"]) == (1.0, 0.0)
    held = stored_results(book)
    assert held == 64  # the recalculation stored these (the others hold "": no figure yet); 6 of them the MRR
    # movement bars' chart columns W:Y of the two months (66cc7b9), 1 Lifetime value!C9's no-fit note (f6705fc),
    # 1 its C3, ARPA's note, a formula since ccc02e61, 1 Dashboard!E9's "No CLV until the gross margin is typed"
    # (26fc3c9c: ARPA and churn known, the margin blank)

    second = run("import", "--subscriptions", tmp_path / "s2.csv", "--into", book, "--replace-typed")  # other figures
    assert second.returncode == 0, second.stderr
    printed = [line for line in second.stdout.splitlines() if " is the last month of " not in line]  # today's
    assert printed[-1] == (
        f"cleared the results of {held} formula cells stored from the old inputs (Excel recalculates on open; "
        "programs that do not calculate, such as pandas or a file preview, read blanks there until --recalc or "
        "xl-retention recalc stores the new ones)"
    )
    assert stored_results(book) == 0
    feb = pd.read_excel(book, sheet_name="Customers").iloc[1]
    assert feb["Gained (new + reactivated)"] == 1  # the new input
    assert pd.isna(feb["Retention (CRR)"]) and pd.isna(feb["Churn rate"])  # no stale 1.0 and 0.0
    with zipfile.ZipFile(book) as package:
        assert b'fullCalcOnLoad="1"' in package.read("xl/workbook.xml")

    third = run("import", "--subscriptions", tmp_path / "s2.csv", "--into", book, "--recalc")
    assert third.returncode == 0, third.stderr
    feb = pd.read_excel(book, sheet_name="Customers").iloc[1]
    assert (feb["Retention (CRR)"], feb["Churn rate"]) == (0.5, 0.5)


def test_the_users_own_formulas_lose_their_old_results_too(tmp_path):
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "2").returncode == 0
    wb = openpyxl.load_workbook(book)
    wb.create_sheet("Mine")["A1"] = "=Customers!D3*2"
    wb.save(book)
    (tmp_path / "s1.csv").write_text(S1)
    (tmp_path / "s2.csv").write_text(S2)
    assert run("import", "--subscriptions", tmp_path / "s1.csv", "--into", book, "--recalc").returncode == 0
    assert openpyxl.load_workbook(book, data_only=True)["Mine"]["A1"].value == 4  # 2 customers at end of February
    assert run("import", "--subscriptions", tmp_path / "s2.csv", "--into", book, "--replace-typed").returncode == 0
    assert openpyxl.load_workbook(book, data_only=True)["Mine"]["A1"].value is None
    assert openpyxl.load_workbook(book)["Mine"]["A1"].value == "=Customers!D3*2"  # the formula stays


def test_the_same_data_imported_again_keeps_every_stored_result(tmp_path):
    """H158's finding 03: a refresh with the same file ("the same data imported again changes nothing") cleared every
    stored result, those of a sheet of the user's reading no imported cell too (Mine!B1 =A1*A2, 12 -> blank): no cell
    changes, so every result holds; one changed input still clears them (the test above)."""
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "2").returncode == 0
    (tmp_path / "s1.csv").write_text(S1)
    assert run("import", "--subscriptions", tmp_path / "s1.csv", "--into", book).returncode == 0
    wb = openpyxl.load_workbook(book)  # openpyxl re-saves every cell in its own markup (t="n" on numbers)
    mine = wb.create_sheet("Mine")
    mine["A1"], mine["A2"], mine["B1"], mine["B2"] = 3, 4, "=A1*A2", "=Customers!D3*2"
    wb.save(book)
    assert run("recalc", book, "--in-place").returncode == 0
    held = stored_results(book)
    assert openpyxl.load_workbook(book, data_only=True)["Mine"]["B1"].value == 12 and held > 40
    again = run("import", "--subscriptions", tmp_path / "s1.csv", "--into", book)
    assert again.returncode == 0, again.stderr
    assert "cleared" not in again.stdout
    values = openpyxl.load_workbook(book, data_only=True)
    assert (values["Mine"]["B1"].value, values["Mine"]["B2"].value) == (12, 4)
    assert stored_results(book) == held


SHEET = (
    b'<worksheet xmlns="x"><dimension ref="A1:D3"/><sheetData>'
    b'<row r="1"><c r="A1" t="str"><f>B1&amp;"x"</f><v>1x</v></c><c r="B1"><v>1</v></c>'
    b'<c r="C1" s="2"><f t="array" ref="C1:D2">B1:B2*2</f><v>2</v></c><c r="D1"><v>4</v></c></row>'
    b'<row r="2"><c r="A2"><f t="shared" si="0" ref="A2:A3">B2</f><v>7</v></c><c r="C2"><v>6</v></c>'
    b'<c r="D2" t="e"><v>#N/A</v></c><c r="E2"><f>B2</f><v/></c></row>'
    b'<row r="3"><c r="A3"><f t="shared" si="0"/><v>8</v></c><c r="E3" t="s"><v>0</v></c></row>'
    b"</sheetData><mergeCells/></worksheet>"
)


def test_without_results_clears_formulas_shared_and_array_members_and_nothing_else():
    xml, count = without_results(SHEET)
    assert count == 7  # A1, A2, A3 (formulas, shared ones too) and C1, D1, C2, D2 (the array's cells)
    assert xml == (
        b'<worksheet xmlns="x"><dimension ref="A1:D3"/><sheetData>'
        b'<row r="1"><c r="A1"><f>B1&amp;"x"</f></c><c r="B1"><v>1</v></c>'
        b'<c r="C1" s="2"><f t="array" ref="C1:D2">B1:B2*2</f></c><c r="D1"/></row>'
        b'<row r="2"><c r="A2"><f t="shared" si="0" ref="A2:A3">B2</f></c><c r="C2"/>'
        b'<c r="D2"/><c r="E2"><f>B2</f><v/></c></row>'
        b'<row r="3"><c r="A3"><f t="shared" si="0"/></c><c r="E3" t="s"><v>0</v></c></row>'
        b"</sheetData><mergeCells/></worksheet>"
    )


def test_without_results_leaves_a_sheet_without_stored_results_byte_for_byte():
    xml = b'<worksheet><sheetData><row r="1"><c r="A1"><f>1+1</f><v></v></c><c r="B1"><v>3</v></c></row></sheetData>'
    assert without_results(xml) == (xml, 0)
    assert without_results(b"<worksheet><sheetData/></worksheet>") == (b"<worksheet><sheetData/></worksheet>", 0)
