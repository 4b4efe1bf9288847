"""Every command in README.md works as printed, on inputs this test makes (issue 9).

The README's code blocks are read from the file itself, so a changed README is tested as it
is. Shell blocks run in order in one scratch folder, as a new user would type them after
the Quick start; the Python examples (doctest style) then run in the same folder, and the
stand-alone Python scripts in a clean interpreter. Two blocks are special: the Quick start
runs in its own test (a clone of this repository into a new venv), and the test command is
not run from inside the tests (it would run this file again); a test in test_cli.py checks
that `.ci/run` runs exactly that line.
"""

from __future__ import annotations

import datetime as dt
import doctest
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()
BLOCKS = [(m.group(1), m.group(2)) for m in re.finditer(r"```(\w*)\n(.*?)```", README, re.S)]
TEST_COMMAND = 'python -m pip install -e ".[test]" && python -m pytest -q -n auto --dist loadfile'
QUICK_START = "git clone <this repository>"


def _bash_blocks() -> list[str]:
    blocks = [code for lang, code in BLOCKS if lang == "bash"]
    return [b for b in blocks if QUICK_START not in b and b.strip() != TEST_COMMAND]


def _environment() -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    env = {k: v for k, v in os.environ.items() if not k.startswith("XLWINGS_")}
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    return env


class Walk:
    """The scratch folder after every README block ran in it, in the README's order."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.doctests = doctest.TestResults(failed=0, attempted=0)
        self.report = ""


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> Walk:
    folder = tmp_path_factory.mktemp("readme")
    walk = Walk(folder)
    shutil.copytree(ROOT / "examples", folder / "examples")  # the README's sample exports, as in a checkout
    env = _environment()
    shutil.copytree(ROOT, folder / "checkout", ignore=shutil.ignore_patterns(".git", "build", "*.egg-info", "dist"))
    shell = _bash_blocks()
    parser, out = doctest.DocTestParser(), io.StringIO()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    globs: dict[str, object] = {}
    cwd = os.getcwd()
    try:
        for number, (lang, code) in enumerate(BLOCKS):
            if lang == "bash" and code in shell:
                # the wheel is built in the checkout, as the README says (cd there for that block)
                where = folder / "checkout" if "pip wheel" in code else folder
                result = subprocess.run(["bash", "-e", "-c", code], cwd=where, env=env, capture_output=True, text=True)
                assert result.returncode == 0, f"README block failed:\n{code}\n{result.stdout}\n{result.stderr}"
                assert "Traceback" not in result.stderr, result.stderr
            elif lang == "python" and code.lstrip().startswith(">>>"):
                os.chdir(folder)
                test = parser.get_doctest(code, globs, f"README block {number}", "README.md", 0)
                runner.run(test, out=out.write, clear_globs=False)
                globs.update(test.globs)
    finally:
        os.chdir(cwd)
    walk.doctests = runner.summarize(verbose=False)
    walk.report = out.getvalue()
    return walk


def test_every_shell_command_runs_as_printed(walked: Walk) -> None:
    folder = walked.folder
    assert (folder / "retention_demo.xlsx").exists()
    assert (folder / "tracker.xlsx").exists() and (folder / "tracker.recalc.xlsx").exists()
    assert sorted(p.name for p in (folder / "out").iterdir()) == ["q1.xlsx", "tracker.xlsx"]  # names kept
    assert list((folder / "checkout" / "dist").glob("xl_retention-*-py3-none-any.whl"))
    assert (folder / "tables").is_dir() and list((folder / "tables").glob("*.csv"))
    # the DuckDB backend gives the pandas path's tables, byte for byte; segments add a leading column
    for name in ("movements.csv", "customer_cohorts.csv", "survivors.csv"):
        assert (folder / "tables-duckdb" / name).read_bytes() == (folder / "tables" / name).read_bytes(), name
    by_plan = (folder / "tables-by-plan" / "movements.csv").read_text().splitlines()
    assert by_plan[0].startswith("segment,month,") and {line.split(",")[0] for line in by_plan[1:]} == {"Basic", "Pro"}
    assert "SELECT" in (folder / "tables.sql").read_text().upper()


def test_every_python_example_gives_what_the_readme_shows(walked: Walk) -> None:
    assert walked.doctests.attempted >= 10
    assert walked.doctests.failed == 0, walked.report


def test_python_scripts_run_in_a_clean_interpreter(tmp_path: Path) -> None:
    scripts = [code for lang, code in BLOCKS if lang == "python" and not code.lstrip().startswith(">>>")]
    assert scripts, "the xlwings Server example"
    for code in scripts:
        result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=_environment(), capture_output=True,
                                text=True)  # fmt: skip
        assert result.returncode == 0, result.stderr
        expected = re.findall(r"# (\[\[.*\]\])$", code, flags=re.M)
        for value in expected:
            assert value in result.stdout


def test_demo_prints_what_the_readme_shows(walked: Walk) -> None:
    (shown,) = [code for lang, code in BLOCKS if lang == "" and code.startswith("wrote retention_demo.xlsx")]
    result = subprocess.run(["xl-retention", "demo", "again.xlsx"], cwd=walked.folder, env=_environment(),
                            capture_output=True, text=True, check=True)  # fmt: skip
    printed = result.stdout.replace("again.xlsx", "retention_demo.xlsx")
    timing = re.compile(r"\d+\.\d+ s\)")
    # the sample's last month is the last full month before today: the README shows one, the figures are the same
    month = re.compile(r"Last month, [A-Z][a-z]+ \d{4}:")
    for line in shown.splitlines():
        if line.strip() != "...":
            expected = month.sub("Last month, MONTH:", timing.sub("s)", line))
            assert expected in month.sub("Last month, MONTH:", timing.sub("s)", printed))
    today = dt.date.today()
    last = (dt.date(today.year, today.month, 1) - dt.timedelta(days=1)).strftime("%B %Y")
    assert f"Last month, {last}:" in printed


def test_quick_start_in_a_fresh_clone_and_venv(tmp_path: Path) -> None:
    (block,) = [code for lang, code in BLOCKS if lang == "bash" and QUICK_START in code]
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the Quick start clones this repository")
    block = block.replace("<this repository>", str(ROOT))
    env = _environment()
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    script = block + "\nxl-retention --version\nxl-retention functions | head -1\n"
    result = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert result.stdout.splitlines()[-2].startswith("xl-retention ")
    assert (tmp_path / "xl-retention" / ".venv" / "bin" / "xl-retention").exists()


def test_the_sample_exports_are_what_their_script_makes(tmp_path: Path) -> None:
    """examples/ holds the files the README's import commands read; examples/make_examples.py remakes them."""
    import importlib.util

    import pandas as pd

    spec = importlib.util.spec_from_file_location("make_examples", ROOT / "examples" / "make_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for name in ("mrr.csv", "visits.csv"):
        assert (tmp_path / name).read_bytes() == (ROOT / "examples" / name).read_bytes(), name
    pd.testing.assert_frame_equal(
        pd.read_parquet(tmp_path / "orders.parquet"), pd.read_parquet(ROOT / "examples" / "orders.parquet")
    )
    pd.testing.assert_frame_equal(
        pd.read_excel(tmp_path / "survey.xlsx", sheet_name=None)["Answers"],
        pd.read_excel(ROOT / "examples" / "survey.xlsx", sheet_name=None)["Answers"],
    )
