"""`xl-retention import` run in the test's process, for the import tests; a Delighted NPS export of two months and its
import into a tracker (tests' helper)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "


def written(tmp_path: Path, name: str, text: str) -> Path:
    """``text`` written to ``tmp_path / name`` (an export's file for an import to read): its path."""
    path = tmp_path / name
    path.write_text(text)
    return path


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


def status_and_error(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str]:
    """The CLI in process (any command): its exit status and its one-line error without the ``xl-retention: error:``
    ('' when it succeeds); a failure must say one line, never a traceback."""
    code = cli.main([str(a) for a in args])
    err = capsys.readouterr().err
    if code:
        assert err.startswith(ERROR) and err.count("\n") == 1 and "Traceback" not in err, err
    return code, err[len(ERROR) :].strip() if code else ""


def status_and_output(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    """The CLI in process (any command): its exit status, stdout and stderr."""
    status = cli.main([str(a) for a in args])
    out = capsys.readouterr()
    return status, out.out, out.err


def delighted_export(folder: Path, september: Sequence[int], october: Sequence[int]) -> Path:
    """``folder / "delighted.csv"``: a Delighted NPS export (Response ID, Score, Created (UTC)) of the ``september``
    answers (2026-09, ids 1...) and the ``october`` ones (2026-10, ids 100...), one a day from the 1st."""
    rows = [f"{i + 1},{s},2026-09-{1 + i % 28:02d} 10:00:00" for i, s in enumerate(september)]
    rows += [f"{i + 100},{s},2026-10-{1 + i % 28:02d} 10:00:00" for i, s in enumerate(october)]
    return written(folder, "delighted.csv", "Response ID,Score,Created (UTC)\n" + "\n".join(rows) + "\n")


def nps_into(path: Path, book: Path) -> int:
    """``import --nps PATH --into BOOK --columns "date=Created (UTC)"`` in process (a :func:`delighted_export`'s
    file): its exit status."""
    return cli.main(["import", "--nps", str(path), "--into", str(book), "--columns", "date=Created (UTC)"])
