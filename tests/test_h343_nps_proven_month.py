"""A bad month (every answer 1-7) of an NPS column the import proves 0-10 shows its NPS in the tracker, not 'not 0-10'.

Before: ``import --nps delighted.csv --into`` of a 0-10 export (September 10, 9, 3, 8 ...; October 32 answers 1-6,
every customer a detractor) wrote the answers, but NPS!F3 (October) showed 'not 0-10', the check meant for a 1-5
question's answers typed by hand, and ``recalc`` called the file incomplete ("holds 32 answers, none above 6: the
answers of a 1-6 scale"). The import now lists the months it wrote from a column proven 0-10 in the hidden name
``_xlr_nps_0_10`` ({202610}); the NPS formula and recalc's check pass over them: F3 is -100. A month typed by hand
(30 answers or more none above 7) keeps 'not 0-10'. ``upgrade`` (and an import) brings an earlier tracker's NPS formula
and the name. LibreOffice, given the same formulas (the add-in's NPS written out in COUNTIF), gives the same figures.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import openpyxl
import pytest
from import_cli import delighted_export, nps_into
from typed_tracker import hidden_name, recalc_report

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.monthly import NPS_SUMMARY
from xl_retention.workbook.template import render_formula

SEPTEMBER = [10, 9, 3, 8] * 2  # 4 promoters, 2 passives, 2 detractors: NPS 25
OCTOBER = [1, 2, 3, 5, 6, 6, 4] * 4 + [1, 2, 3, 5]  # 32 answers, every one a detractor: NPS -100
NAME = "_xlr_nps_0_10"  # proven_scale.NAME, as the file holds it
OCTOBER_LISTED = '{"202610:32:119:547:6"}'  # October by its answers: count, sum, sum of squares, highest (H356)


def _export(tmp_path: Path, october: list[int] = OCTOBER) -> Path:
    return delighted_export(tmp_path, SEPTEMBER, october)


def _type_answers(path: Path, column: int, answers: list[int]) -> None:
    wb = openpyxl.load_workbook(path)
    for row, value in enumerate(answers, start=2):
        wb["NPS scores"].cell(row, column).value = value
    wb.save(path)


def test_an_imported_bad_month_of_a_0_10_column_shows_its_nps(tmp_path, capsys):
    book = build_template(tmp_path / "t.xlsx", start="2026-09", months=2)
    assert nps_into(_export(tmp_path), book) == 0
    out = capsys.readouterr().out
    report, wb = recalc_report(tmp_path, capsys, book)
    assert [wb["NPS"][f"{c}3"].value for c in "BCDEF"] == [32, 0, 0, 32, -100]  # at the parent: F3 'not 0-10'
    assert (wb["NPS"]["F2"].value, wb["NPS"]["H3"].value, wb["NPS"]["J3"].value) == (25, -100, 2)
    assert report["status"] == "ok"  # at the parent: incomplete, "'NPS scores'!C2:C33 holds 32 answers, none above 6"
    assert (
        "delighted.csv's answers are 0-10 (the column holds answers above 7), but in 2026-10 (32 answers, NPS -100) "
        "none is above 7: a bad month, not another question's scale; the tracker shows its NPS (its check of a month "
        "typed by hand, 'not 0-10', passes over the months an import writes from a 0-10 column)"
    ) in out.splitlines()
    assert hidden_name(book, NAME) == OCTOBER_LISTED
    template = build_template(tmp_path / "new.xlsx", start="2026-09", months=2)
    assert hidden_name(template, NAME) == "{0}"  # the template: none


def test_a_month_typed_by_hand_keeps_not_0_10(tmp_path, capsys):
    """September imported from the 0-10 export (no bad month), then 32 answers of 1-6 typed into October by hand:
    October is no month of the import's, so its NPS is 'not 0-10' and recalc names the column."""
    book = build_template(tmp_path / "t.xlsx", start="2026-09", months=2)
    september = tmp_path / "september.csv"
    september.write_text(
        "Response ID,Score,Created (UTC)\n"
        + "\n".join(f"{i + 1},{s},2026-09-{1 + i:02d} 10:00:00" for i, s in enumerate(SEPTEMBER))
        + "\n"
    )
    assert nps_into(september, book) == 0
    _type_answers(book, 3, OCTOBER)
    report, wb = recalc_report(tmp_path, capsys, book)
    assert (wb["NPS"]["F2"].value, wb["NPS"]["F3"].value) == (25, "not 0-10")
    assert report["status"] == "incomplete"
    assert report["message"].startswith("t.xlsx: 'NPS scores'!C2:C33 holds 32 answers, none above 6")
    assert hidden_name(book, NAME) == "{0}"


def test_a_month_imported_again_with_an_answer_above_7_leaves_the_list(tmp_path, capsys):
    book = build_template(tmp_path / "t.xlsx", start="2026-09", months=2)
    assert nps_into(_export(tmp_path), book) == 0
    assert hidden_name(book, NAME) == OCTOBER_LISTED
    (tmp_path / "again").mkdir()
    assert cli.main(["import", "--nps", str(_export(tmp_path / "again", [*OCTOBER, 9])), "--into", str(book),
                     "--columns", "date=Created (UTC)", "--replace-typed"]) == 0  # fmt: skip
    assert hidden_name(book, NAME) == "{0}"
    _, wb = recalc_report(tmp_path, capsys, book)
    assert wb["NPS"]["F3"].value == pytest.approx(100 * (1 - 32) / 33)


def _earlier_tracker(tmp_path: Path) -> Path:
    """A tracker of the template before: every NPS cell the formula checking every month, no name."""
    from xl_retention.workbook.monthly import NPS_SCALE_EVERY_MONTH

    book = build_template(tmp_path / "t.xlsx", start="2026-09", months=2)
    wb = openpyxl.load_workbook(book)
    letters = {c.key: openpyxl.utils.get_column_letter(i) for i, c in enumerate(NPS_SUMMARY.columns, start=1)}
    for row, column in ((2, "B"), (3, "C")):
        scores = {"scores": f"'NPS scores'!{column}$2:{column}$1001"}
        wb["NPS"][f"F{row}"] = render_formula(NPS_SCALE_EVERY_MONTH, letters, row, scores)
    del wb.defined_names[NAME]
    wb.save(book)
    assert hidden_name(book, NAME) is None
    return book


def test_upgrade_brings_the_formula_and_the_name(tmp_path, capsys):
    book = _earlier_tracker(tmp_path)
    report, _ = recalc_report(tmp_path, capsys, book)
    assert report["status"] == "ok"  # the earlier form computes the same values in a tracker no import listed
    assert cli.main(["upgrade", str(book)]) == 0
    assert "'NPS'!F2:F3" in capsys.readouterr().out
    assert hidden_name(book, NAME) == "{0}"
    assert "_xlr_nps_0_10,0)" in openpyxl.load_workbook(book)["NPS"]["F3"].value
    assert nps_into(_export(tmp_path), book) == 0
    _, wb = recalc_report(tmp_path, capsys, book)
    assert (wb["NPS"]["F2"].value, wb["NPS"]["F3"].value) == (25, -100)


def test_an_import_into_an_earlier_tracker_brings_them_too(tmp_path, capsys):
    book = _earlier_tracker(tmp_path)
    assert nps_into(_export(tmp_path), book) == 0
    assert hidden_name(book, NAME) == OCTOBER_LISTED
    report, wb = recalc_report(tmp_path, capsys, book)
    assert (report["status"], wb["NPS"]["F3"].value) == ("ok", -100)


def _plain_nps(formula: str) -> str:
    """The add-in's NPS(range) written out in functions every spreadsheet has (LibreOffice lacks the add-in)."""
    return re.sub(
        r"(?i)\bNPS\(([^()]+)\)",
        lambda m: f'100*(COUNTIF({m[1]},">=9")-COUNTIF({m[1]},"<=6"))/COUNT({m[1]})',
        formula,
    )


def test_libreoffice_gives_the_same_figures(tmp_path, capsys):
    sys.path.insert(0, str(Path(__file__).parent))
    from libreoffice import recalculate, soffice_path

    if soffice_path() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    book = build_template(tmp_path / "t.xlsx", start="2026-09", months=3)
    assert nps_into(_export(tmp_path), book) == 0
    _type_answers(book, 4, OCTOBER)  # November typed by hand: the same answers, not listed
    wb = openpyxl.load_workbook(book)
    for row in (2, 3, 4):
        wb["NPS"][f"F{row}"] = _plain_nps(wb["NPS"][f"F{row}"].value)
    wb.save(book)
    assert hidden_name(book, NAME) == OCTOBER_LISTED  # openpyxl keeps the hidden name
    computed = openpyxl.load_workbook(recalculate(book, tmp_path / "lo"), data_only=True)
    assert [computed["NPS"][f"F{row}"].value for row in (2, 3, 4)] == [25, -100, "not 0-10"]
