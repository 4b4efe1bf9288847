"""A bad NPS month that ``import --into`` listed as proven 0-10, retyped by hand on a 1-5 scale, shows 'not 0-10' again.

Before: the import listed the month alone (``_xlr_nps_0_10`` = ``{202610}``) and the NPS formula passed over the check
of its scale whatever its answers became, so 32 answers of a 1-5 question typed over October's showed NPS -100, the
figure of a 0-10 survey, with recalc ``ok``: silently wrong. Now the list keys each month by the answers the import
wrote (count, sum, sum of squares, highest: ``{"202610:32:119:547:6"}``), which the formula computes from the month's
range: answers typed over since give another key, and the check holds. A tracker of that list (71e622d9's form) is
brought up by ``upgrade``: its months are checked again, named, as its answers cannot be told from answers typed since;
importing the file again lists the month by its answers.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from import_cli import delighted_export, nps_into
from typed_tracker import hidden_name, recalc_report

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.monthly import NPS_LISTED_MONTHS, NPS_SUMMARY
from xl_retention.workbook.template import render_formula
from xl_retention.workbook.upgrade_file import earlier_template_line

SEPTEMBER = [10, 9, 3, 8] * 2  # NPS 25
OCTOBER = [1, 2, 3, 5, 6, 6, 4] * 4 + [1, 2, 3, 5]  # 32 answers 1-6, every one a detractor: NPS -100
RETYPED = [1, 2, 3, 4, 5] * 6 + [3, 4]  # 32 answers of a 1-5 question typed over October by hand
NAME = "_xlr_nps_0_10"


def _export(folder: Path) -> Path:
    return delighted_export(folder, SEPTEMBER, OCTOBER)


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, Path]:
    """A two-month tracker (September, October 2026) with delighted.csv imported, and the file."""
    folder = tmp_path_factory.mktemp("h356")
    book = build_template(folder / "t.xlsx", start="2026-09", months=2)
    export = _export(folder)
    assert nps_into(export, book) == 0
    return book, export


def _copy(imported: tuple[Path, Path], tmp_path: Path) -> Path:
    return Path(shutil.copy(imported[0], tmp_path / "t.xlsx"))


def _edit(path: Path, answers: list[int] | None = None, listed: str | None = None) -> None:
    """Type ``answers`` over October's ('NPS scores'!C2:...) and/or give the list and NPS!F2:F3 71e622d9's form."""
    wb = openpyxl.load_workbook(path)
    if answers is not None:
        for row, value in enumerate(answers, start=2):
            wb["NPS scores"].cell(row, 3).value = value
    if listed is not None:
        letters = {c.key: openpyxl.utils.get_column_letter(i) for i, c in enumerate(NPS_SUMMARY.columns, start=1)}
        for row, column in ((2, "B"), (3, "C")):
            scores = {"scores": f"'NPS scores'!{column}$2:{column}$1001"}
            wb["NPS"][f"F{row}"] = render_formula(NPS_LISTED_MONTHS, letters, row, scores)
        wb.defined_names[NAME].attr_text = listed
    wb.save(path)


def test_the_imported_bad_month_shows_its_nps_listed_by_its_answers(imported, tmp_path, capsys):
    book = _copy(imported, tmp_path)
    assert hidden_name(book, NAME) == '{"202610:32:119:547:6"}'  # at the parent: {202610}
    report, wb = recalc_report(tmp_path, capsys, book)
    assert (wb["NPS"]["F2"].value, wb["NPS"]["F3"].value, report["status"]) == (25, -100, "ok")


def test_the_month_retyped_on_a_1_5_scale_is_not_0_10(imported, tmp_path, capsys):
    book = _copy(imported, tmp_path)
    _edit(book, answers=RETYPED)
    report, wb = recalc_report(tmp_path, capsys, book)
    assert [wb["NPS"][f"{c}3"].value for c in "BCDEF"] == [32, 0, 0, 32, "not 0-10"]  # at the parent: F3 -100, ok
    assert wb["NPS"]["F2"].value == 25
    assert report["status"] == "incomplete"
    assert report["message"].startswith(
        "t.xlsx: 'NPS scores'!C2:C33 holds 32 answers, none above 5: the answers of a 1-5 scale"
    )


def test_an_upgraded_tracker_of_the_month_list_checks_the_month_again(imported, tmp_path, capsys):
    """71e622d9's tracker: its list {202610} passed over October whatever its answers (1-5 typed over them: -100).
    upgrade gives F2:F3 the keyed formula and checks October again, naming it; an import of the file lists it again."""
    book = _copy(imported, tmp_path)
    _edit(book, answers=RETYPED, listed="{202610}")
    assert earlier_template_line(book).startswith(  # recalc's line; at the parent: None (none of its forms)
        "holds formulas of an earlier xl-retention template ('NPS'!F2:F3), which this version computes differently"
    )
    assert cli.main(["upgrade", str(book)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        "the NPS of 2026-10, listed by an earlier import as a bad month of a 0-10 column (its NPS shown, not "
        "'not 0-10'), is checked again: that version listed the month alone, and the answers it wrote there cannot be "
        "told from answers typed over them since (a 1-5 question's would show as NPS); where the month holds 30 "
        "answers or more none above 7, the NPS sheet shows 'not 0-10' until you import the file again "
        "(xl-retention import --nps FILE --into), which lists the month by its answers"
    ) in out
    assert hidden_name(book, NAME) == "{0}"
    report, wb = recalc_report(tmp_path, capsys, book)
    assert (wb["NPS"]["F2"].value, wb["NPS"]["F3"].value, report["status"]) == (25, "not 0-10", "incomplete")
    assert cli.main(["upgrade", str(book)]) == 0  # again: nothing left to do, nothing said of October
    assert capsys.readouterr().out.splitlines()[0].endswith("its formulas are this version's already (nothing changed)")
    assert cli.main(["import", "--nps", str(imported[1]), "--into", str(book), "--columns", "date=Created (UTC)",
                     "--replace-typed"]) == 0  # fmt: skip
    assert hidden_name(book, NAME) == '{"202610:32:119:547:6"}'
    report, wb = recalc_report(tmp_path, capsys, book)
    assert (wb["NPS"]["F3"].value, report["status"]) == (-100, "ok")
