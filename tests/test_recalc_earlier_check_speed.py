"""recalc's check for formulas of an earlier template (workbook/upgrade_file.py, issue 14's speed): its byte-level
pre-test finds what it found before, cheaper. Each formula text's shape (its rows as 0) is made without a template
expanded per match, its one pattern of every earlier form is compiled through the patterns cache (0.1-0.4 s of every
tracker's recalc compiled afresh), and a process keeps the shapes it has matched (a batch's workers)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import openpyxl
import pytest

from xl_retention.workbook import upgrade_file
from xl_retention.workbook.monthly import CUSTOMERS
from xl_retention.workbook.template import render_formula
from xl_retention.workbook.upgrade import EARLIER as MONTHLY_EARLIER

PACKAGE = Path(upgrade_file.__file__).parents[1]
EARLIER = Path(__file__).parent / "data" / "template_before_2026-12-03.xlsx"

TEXTS = [
    "CRR(D12,C12,B12)",
    "$A$1+A$2+$B3+AB10",
    "ABCD12+XFD1048576",  # a word longer than a column: its last three letters' row
    "A$$1+$5+5+0.75+1E+307",  # no reference: kept
    "'NPS scores'!B$3:B$1002",
    "LOG10(A7)+ATAN2(B2,C3)",
    "SUM(a1:b2)",  # lower case: no row of _REFERENCE's
    '"Q4 2024"&TEXT(A2,"yyyy")',
    "A\u0663+B\u0661\u0662",  # digits of another script after a column's letters
    "x14:A1",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_shape_is_the_references_rows_as_0(text):
    assert upgrade_file._ROW_NUMBER.sub("0", text) == upgrade_file._REFERENCE.sub(r"\g<1>0", text)


def _with_earlier_start(path: Path, row: int) -> str:
    """The template with Customers' start in ``row`` given an earlier template's form; that form, rendered."""
    wb = openpyxl.load_workbook(path)
    letters = {c.key: openpyxl.utils.get_column_letter(i) for i, c in enumerate(CUSTOMERS.columns, start=1)}
    formula = render_formula(MONTHLY_EARLIER[("Customers", "start")][0], letters, row)
    wb["Customers"][f"B{row}"] = formula
    wb.save(path)
    return formula


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tracker of this version, as ``xl-retention new`` makes it."""
    from xl_retention.workbook import build_template

    return build_template(tmp_path_factory.mktemp("template") / "tracker.xlsx")


def test_the_pretest_finds_an_earlier_form_after_shapes_of_this_version_were_kept(tmp_path, template):
    book = tmp_path / "tracker.xlsx"
    shutil.copy(template, book)
    formula = _with_earlier_start(book, 5)
    assert formula == '=IF(D4="","",D4)'
    upgrade_file._MATCHED.clear()
    assert upgrade_file._may_hold_earlier(template) is False
    kept = dict(upgrade_file._MATCHED)
    assert kept and not any(kept.values())  # the template's shapes, none an earlier form
    assert upgrade_file._may_hold_earlier(book) is True
    assert upgrade_file._MATCHED['IF(D0="","",D0)'] is True
    line = upgrade_file.earlier_template_line(book)
    assert line is not None and line.startswith("holds formulas of an earlier xl-retention template ('Customers'!B5)")
    assert upgrade_file._may_hold_earlier(template) is False
    assert upgrade_file._may_hold_earlier(EARLIER) is True
    assert upgrade_file.earlier_template_line(template) is None


def test_the_earlier_forms_pattern_is_kept_in_the_patterns_cache(tmp_path):
    copy = tmp_path / "pkg"
    shutil.copytree(PACKAGE, copy / "xl_retention", ignore=shutil.ignore_patterns("__pycache__"))
    code = f"""
        from pathlib import Path
        from xl_retention._imports import _PATTERNS, cache_patterns
        cache_patterns()
        from xl_retention.workbook import upgrade_file
        assert upgrade_file._may_hold_earlier(Path({str(EARLIER)!r}))
        pattern = upgrade_file._earlier_pattern()
        print(*(sum(p == pattern.pattern for p, _ in _PATTERNS[kind]) for kind in ("known", "new")))
        """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(copy)
    outputs = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=tmp_path, env=env,
            timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout.strip())
    assert outputs == ["0 1", "1 0"]  # compiled by the first command, read by the second
