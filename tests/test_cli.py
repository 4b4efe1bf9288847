"""The xl-retention command as a user runs it."""

import subprocess
import sys

import xl_retention
from xl_retention.registry import FUNCTIONS


def run(*args):
    return subprocess.run([sys.executable, "-m", "xl_retention", *args], capture_output=True, text=True)


def test_functions_lists_every_formula_with_its_arguments():
    result = run("functions")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    for f in FUNCTIONS:
        assert f.signature in lines
    assert "CRR(customers_end, customers_gained, customers_start)" in lines
    assert "CLV(arpa, gross_margin, churn_rate, [discount_rate])" in lines


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"xl-retention {xl_retention.__version__}"


def test_unknown_command_fails_with_one_line():
    result = run("frobnicate")
    assert result.returncode != 0
    assert "invalid choice: 'frobnicate'" in result.stderr


def test_ci_runs_exactly_the_readme_test_command():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text()
    command = 'python -m pip install -e ".[test]" && python -m pytest -q'
    assert f"```bash\n{command}\n```" in readme
    assert command in (root / ".ci" / "run").read_text().splitlines()
    assert "```bash\nxl-retention demo\n```" in readme
