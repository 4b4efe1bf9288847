"""The wheel a user builds (README, "The wheel"), and the package without its optional parts (xlwings Lite)."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
PYODIDE = {"platform_system": "Emscripten", "sys_platform": "emscripten", "platform_machine": "wasm32"}
LINUX = {"platform_system": "Linux", "sys_platform": "linux", "platform_machine": "x86_64"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # The README's command, run from a copy of the checkout so that no build folder lands in it.
    source = tmp_path_factory.mktemp("src") / "xl-retention"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(source)], check=True)
    for path in ("pyproject.toml", "README.md", "LICENSE"):
        (source / path).write_bytes((ROOT / path).read_bytes())  # the working tree's, committed or not
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", ".", "-w", str(out), "--no-deps", "-q"],
        cwd=source,
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("xl_retention-*-py3-none-any.whl")
    return found


def _requirements(wheel: Path, environment: dict[str, str]) -> set[str]:
    with zipfile.ZipFile(wheel) as package:
        (name,) = [n for n in package.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = Parser().parsestr(package.read(name).decode())
    names = set()
    for line in metadata.get_all("Requires-Dist") or []:
        requirement = Requirement(line)
        env = {**environment, "extra": ""}
        if requirement.marker is None or requirement.marker.evaluate(env):
            names.add(requirement.name.lower())
    return names


def test_the_wheel_is_pure_python_and_carries_the_package(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as package:
        names = set(package.namelist())
    assert "xl_retention/udfs.py" in names and "xl_retention/cells.py" in names


def test_under_pyodide_the_wheel_needs_only_what_pyodide_ships(wheel: Path) -> None:
    assert _requirements(wheel, PYODIDE) == {"numpy", "pandas", "scipy", "python-dateutil"}
    on_linux = _requirements(wheel, LINUX)
    assert {"formualizer", "pyarrow", "xlwings", "openpyxl", "rich", "numpy-financial", "threadpoolctl"} <= on_linux


BLOCKER = """
import sys
class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {blocked!r}:
            raise ImportError('blocked for the test: ' + name)
sys.meta_path.insert(0, Blocker())
"""


def test_core_and_udfs_work_without_the_engine_and_pyarrow() -> None:
    code = BLOCKER.format(blocked={"formualizer", "pyarrow", "numpy_financial"}) + (
        "import xl_retention, xl_retention.udfs\n"
        "print(xl_retention.crr(535, 75, 500), xl_retention.udfs.CRR.__name__)\n"
    )
    env = {"XLWINGS_ON_SERVER": "true", "XLWINGS_LICENSE_KEY": "noncommercial", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0.92", "CRR"]


def test_the_core_works_with_only_what_pyodide_ships() -> None:
    blocked = {"formualizer", "pyarrow", "xlwings", "openpyxl", "rich", "numpy_financial", "threadpoolctl"}
    code = BLOCKER.format(blocked=blocked) + (
        "import xl_retention\n"
        "print(xl_retention.crr(535, 75, 500), round(xl_retention.sbg_fit([1000, 631, 468]).alpha, 3))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    import xl_retention

    assert result.stdout.split() == ["0.92", str(round(xl_retention.sbg_fit([1000, 631, 468]).alpha, 3))]


def test_the_wheel_declares_its_license_as_an_spdx_expression_and_carries_the_text(wheel: Path) -> None:
    """``license = "MIT"`` (PEP 639), not the table form setuptools deprecates (builds unsupported from 2027-02-18),
    and the LICENSE file the metadata names, in the wheel."""
    with zipfile.ZipFile(wheel) as package:
        (name,) = [n for n in package.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = Parser().parsestr(package.read(name).decode())
        licenses = [n for n in package.namelist() if ".dist-info/licenses/" in n]
        text = package.read(licenses[0]).decode() if licenses else ""
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert [n.rsplit("/", 1)[-1] for n in licenses] == ["LICENSE"] and text.startswith("MIT License")


def test_the_sdist_carries_what_the_readme_and_the_tests_read(tmp_path: Path) -> None:
    """``python -m build --sdist`` (a packager's command) from a clone: the docs the README links, the examples its
    commands run and the bundled workbooks ship beside the tests that read them (MANIFEST.in)."""
    source = tmp_path / "xl-retention"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(source)], check=True)
    for path in ("pyproject.toml", "README.md", "LICENSE", "MANIFEST.in"):
        (source / path).write_bytes((ROOT / path).read_bytes())  # the working tree's, committed or not
    done = subprocess.run([sys.executable, "-m", "build", "--sdist", "-o", str(tmp_path / "dist"), str(source)],
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    (sdist,) = (tmp_path / "dist").glob("xl_retention-*.tar.gz")
    with tarfile.open(sdist) as package:
        names = {name.split("/", 1)[1] for name in package.getnames() if "/" in name}
    assert {"docs/functions.md", "docs/metrics.md", "examples/survey.xlsx", "workbooks/retention_template.xlsx",
            "LICENSE", "tests/test_packaging.py"} <= names  # fmt: skip
    assert "SPDX expression for `project.license`" not in done.stdout + done.stderr  # no deprecated license table
