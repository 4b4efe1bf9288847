"""--replace-typed was ignored for a month's answers on 'NPS scores' (H159's finding 09): November's answers typed by
hand (9, 10, 4: phone calls), then the survey tool's export of November imported with --replace-typed, refused as
without the option ("... or clear L2:L4 first"), while `import --help` says the option replaces the values already
in the months the data covers, each listed with its old value. Now it does so for answers too, and the refusal without
it names the option. Workbooks made by build_template, the typed answers written with openpyxl.
"""

from __future__ import annotations

import openpyxl
from cli_process import run

from xl_retention.workbook import build_template

NOVEMBER = "date,score\n2026-11-03,9\n2026-11-09,3\n2026-11-15,10\n2026-11-28,6\n"


def _tracker(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    for row, score in enumerate([9, 10, 4], start=2):
        wb["NPS scores"].cell(row, 12, score)  # L: November
    wb.save(path)
    (tmp_path / "november.csv").write_text(NOVEMBER)
    return path


def _november(path) -> list:
    ws = openpyxl.load_workbook(path)["NPS scores"]
    return [ws.cell(row, 12).value for row in range(2, 7)]


def test_replace_typed_replaces_a_months_typed_answers_listing_each(tmp_path):
    path = _tracker(tmp_path)
    result = run("import", "--nps", tmp_path / "november.csv", "--replace-typed", "--into", path)
    assert result.returncode == 0, result.stderr
    assert _november(path) == [9, 3, 10, 6, None]
    assert (
        "replaced 2 values already in those months (typed by hand or by an earlier import; --replace-typed): "
        "'NPS scores'!L3 (was 10), 'NPS scores'!L4 (was 4)"
    ) in result.stdout.splitlines()


def test_without_it_the_refusal_names_the_option(tmp_path):
    path = _tracker(tmp_path)
    before = path.read_bytes()
    result = run("import", "--nps", tmp_path / "november.csv", "--into", path)
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        "or, to replace them (they are then lost), import again with --replace-typed: each listed with its old value"
    )
    assert path.read_bytes() == before and _november(path) == [9, 10, 4, None, None]
