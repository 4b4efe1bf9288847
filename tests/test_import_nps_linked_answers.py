"""Answers linked into 'NPS scores' by formulas of the user's: import --nps names those formulas, in one refusal.

H201's finding 08: January's answers linked from a sheet of the user's (='Survey raw'!B2 ...) made import say the month
"already holds 20" (8 answers and 12 formulas giving "") and advise --replace-typed, which then refused the formulas.
The first refusal now names the formulas and what to do, nothing written.
"""

from __future__ import annotations

import openpyxl
from cli_process import run

from xl_retention.workbook import build_template


def test_answers_linked_by_formulas_are_named_as_such(tmp_path):
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=2)
    wb = openpyxl.load_workbook(book)
    raw = wb.create_sheet("Survey raw")
    for r, score in enumerate([9, 10, 6], start=2):
        raw.cell(r, 2).value = score
    for r in range(2, 5):
        wb["NPS scores"].cell(r, 2).value = f"=IF('Survey raw'!B{r}=\"\",\"\",'Survey raw'!B{r})"
    wb.save(book)
    before = book.read_bytes()
    survey = tmp_path / "s.csv"
    survey.write_text("date,score\n2026-01-05,9\n2026-01-09,7\n2026-02-03,10\n")
    result = run("import", "--nps", survey, "--into", book)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", (
        "xl-retention: error: 'NPS scores'!B2, 'NPS scores'!B3, 'NPS scores'!B4 hold formulas of yours (B2 =IF('Survey "
        "raw'!B2=\"\",\"\",'Survey raw'!B2)) in the answer cells of 2026-01, where the import writes the answers of "
        "s.csv: they would be replaced by numbers; nothing was written: clear those cells (or keep your linked "
        "answers on a sheet of your own and import the file only) and import again, or import into a copy\n"
    ))  # fmt: skip
    assert book.read_bytes() == before
