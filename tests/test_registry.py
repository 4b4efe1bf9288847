"""The registry is the one declaration: every surface and doc follows it."""

import re
import subprocess
import sys
from pathlib import Path

import xl_retention
from xl_retention.reference import as_markdown
from xl_retention.registry import BY_NAME, FUNCTIONS, check_vba_names

ROOT = Path(__file__).resolve().parents[1]
METRICS = ROOT / "docs" / "metrics.md"


def test_docs_functions_md_is_generated_from_the_registry():
    committed = (ROOT / "docs" / "functions.md").read_text()
    assert committed == as_markdown(), (
        "docs/functions.md is stale: run `xl-retention functions --markdown > docs/functions.md`"
    )


def test_every_formula_of_metrics_md_is_registered_in_its_argument_order():
    text = METRICS.read_text()
    table = re.findall(r"^\| `([A-Z_]+)\(([^)]*)\)`", text, flags=re.M)
    assert len(table) >= 15
    for name, args in table:
        assert name in BY_NAME, name
        written = [a.strip().strip("[]") for a in args.split(",")]
        assert len(written) <= len(BY_NAME[name].args), name
    # the argument order of the revenue formulas is the contract's, names and all
    assert [a.name for a in BY_NAME["NET_REVENUE_CHURN"].args] == ["lost_mrr", "expansion_mrr", "start_mrr"]
    assert [a.name for a in BY_NAME["QUICK_RATIO"].args] == ["new_mrr", "expansion_mrr", "lost_mrr"]
    assert [a.name for a in BY_NAME["CRR"].args] == ["customers_end", "customers_gained", "customers_start"]


def test_python_names_are_the_excel_names_in_lower_case():
    for f in FUNCTIONS:
        assert f.func.__name__ == f.name.lower()
        assert getattr(xl_retention, f.name.lower()) is f.func


def test_argument_names_are_legal_vba_identifiers():
    assert [p for f in FUNCTIONS for p in check_vba_names(f)] == []
    from xl_retention.registry import Argument, ExcelFunction

    bad = ExcelFunction("X", len, (Argument("end", ""), Argument("new", ""), Argument("1st", "")), "")
    assert len(check_vba_names(bad)) == 3


def test_core_and_formula_layer_import_without_engine_or_xlwings():
    code = (  # openpyxl may be registered with its __init__ deferred (xl_retention._imports): loaded is what counts
        "import sys, xl_retention, xl_retention.cells, xl_retention.registry;"
        "from xl_retention._imports import is_initialised;"
        "print(sorted(m for m in ('xlwings', 'formualizer', 'pandas') if m in sys.modules)"
        " + [m for m in ('openpyxl',) if m in sys.modules and is_initialised(sys.modules[m])]"
        " + [m for m in sys.modules if m.startswith('openpyxl.')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    code = (
        "import sys, xl_retention.udfs; from xl_retention._imports import is_initialised;"
        "print('formualizer' in sys.modules, 'openpyxl' in sys.modules and is_initialised(sys.modules['openpyxl']))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"


def test_recalculating_the_template_imports_no_pandas(tmp_path):
    """``xl-retention recalc`` of a tracker needs no pandas (its import is 0.8 s of every fresh process: a batch's
    workers, a user's command): the workbook checks it runs after the evaluation stay free of it."""
    book = tmp_path / "t.xlsx"
    subprocess.run([sys.executable, "-m", "xl_retention", "new", str(book)], capture_output=True, check=True)
    code = (
        "import sys; from xl_retention import cli\n"
        "try:\n"
        f"    cli.main(['recalc', {str(book)!r}, '--output-dir', {str(tmp_path / 'out')!r}, '--json'])\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "print(sorted(m for m in ('pandas', 'xlwings') if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "out" / "t.xlsx").is_file()
