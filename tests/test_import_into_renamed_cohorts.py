"""import --into a tracker whose Cohorts sheet was renamed, with months to add: its tables grow under its new name."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from cli_process import run

from xl_retention.workbook import build_template

# survivors of each signup month: January 10, 8, 6, 5; February 10, 7, 6; March 10, 8; April 10
SURVIVORS = {1: (10, 8, 6, 5), 2: (10, 7, 6), 3: (10, 8), 4: (10,)}
SUBSCRIPTIONS = "customer_id,month,mrr\n" + "".join(
    f"c{start}-{i},2026-{start + k:02d},10\n"
    for start, counts in SURVIVORS.items()
    for k, count in enumerate(counts)
    for i in range(count)
)


def renamed(made: Path, tracker: Path, title: bytes) -> Path:
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(tracker, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():  # renamed as Excel renames a sheet: the tab and every name pointing at it
            data = source.read(info)
            if info.filename == "xl/workbook.xml":
                data = data.replace(b'name="Cohorts"', b'name="' + title + b'"')
                data = data.replace(b"'Cohorts'!", b"'" + title + b"'!")
            out.writestr(info, data)
    return tracker


def test_a_renamed_cohorts_sheet_grows_under_its_name_as_the_template_would(tmp_path):
    """Fault 3: was refused ("t.xlsx has no sheet 'Cohorts' ('Signups' holds its tables: the sheet renamed?) ...:
    rename 'Signups' back") -> the sheet grows to the 4 months of the data under its name, the names point at it, and
    its counts and sBG fit are those of the same import into a tracker whose sheet is still called Cohorts."""
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=2)
    subs = Path(tmp_path, "s.csv")
    subs.write_text(SUBSCRIPTIONS)
    results = {}
    for title in (b"Cohorts", b"Signups 2026"):
        tracker = renamed(made, tmp_path / f"{title.decode()}.xlsx", title)
        result = run("import", "--subscriptions", subs, "--into", tracker, "--recalc")
        assert result.returncode == 0, result.stderr
        wb = openpyxl.load_workbook(tracker)
        assert "Cohorts" not in wb.sheetnames or title == b"Cohorts"
        assert wb.defined_names["Cohort_Counts"].attr_text == f"'{title.decode()}'!$B$4:$E$7"
        assert wb.defined_names["SBG_Alpha"].attr_text.startswith(f"'{title.decode()}'!")
        ws = openpyxl.load_workbook(tracker, data_only=True)[title.decode()]
        counts = [[ws.cell(r, c).value for c in range(2, 6)] for r in range(4, 8)]
        fit = [ws[ref].value for ref in ("B18", "C18", "D18")]
        results[title] = counts, fit, openpyxl.load_workbook(tracker, data_only=True)["Lifetime value"]["B9"].value
    counts, fit, alpha = results[b"Signups 2026"]
    assert counts == [[10, 8, 6, 5], [10, 7, 6, None], [10, 8, None, None], [10, None, None, None]]
    assert all(isinstance(v, float) for v in fit) and alpha == fit[0]
    assert results[b"Signups 2026"] == results[b"Cohorts"]
