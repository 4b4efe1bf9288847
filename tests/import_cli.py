"""`xl-retention import` run in the test's process, for the import tests (tests' helper)."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "


def run(tmp_path: Path, flag: str, path: Path, *args: str, backend: str = "pandas") -> Path:
    """The folder ``import FLAG PATH ARGS --backend BACKEND --to-csv`` wrote its tables to (it must succeed)."""
    out = tmp_path / f"out-{backend}-{path.stem}"
    assert cli.main(["import", flag, str(path), *args, "--backend", backend, "--to-csv", str(out)]) == 0
    return out


def refusal(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The one-line message of ``import ARGS`` (it must fail with exit 1), without the ``xl-retention: error:``."""
    capsys.readouterr()
    assert cli.main(["import", *args]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(ERROR) and "\n" not in err
    return err[len(ERROR) :]
