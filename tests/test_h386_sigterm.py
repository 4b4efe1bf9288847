"""H383's finding 03: ``recalc --in-place`` stopped by SIGTERM (``timeout``, systemd's or docker's stop, a CI cancel)
ended at once with no message and left an empty hidden ``.NAME.xlsx.XXXX.tmp`` folder beside the user's workbook;
Ctrl+C cleaned it up and printed ``interrupted``. SIGTERM now ends the command as Ctrl+C does (exit 143)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.recalculation import batch


def _book(path: Path) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"], sheet["A2"], sheet["A3"] = 2, 3, "=A1*A2"
    book.save(path)
    return path.read_bytes()


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name == "nt", reason="POSIX signals")
def test_sigterm_mid_in_place_recalc_cleans_its_hidden_folder_and_says_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    books = tmp_path / "books"
    books.mkdir()
    data = _book(books / "b1.xlsx")
    seen: list[list[str]] = []
    layout = batch.check_embedded_layout

    def terminated_here(path: Path) -> None:  # the hidden result folder exists: the command is stopped now
        seen.append(sorted(p.name for p in books.iterdir()))
        os.kill(os.getpid(), signal.SIGTERM)
        layout(path)

    monkeypatch.setattr(batch, "check_embedded_layout", terminated_here)
    before = signal.getsignal(signal.SIGTERM)
    code = cli.main(["recalc", str(books), "--in-place", "--engine", "embedded"])
    assert len(seen) == 1 and len(seen[0]) == 2 and seen[0][0].startswith(".b1.xlsx.") and seen[0][0].endswith(".tmp")
    assert code == 143
    assert capsys.readouterr().err.strip().splitlines()[-1] == "xl-retention: interrupted"
    assert sorted(p.name for p in books.iterdir()) == ["b1.xlsx"]  # no hidden folder left
    assert (books / "b1.xlsx").read_bytes() == data  # the workbook as it was
    assert signal.getsignal(signal.SIGTERM) == before  # the caller's own handler back after the command


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name == "nt", reason="POSIX signals")
def test_a_signal_inside_a_function_the_engine_calls_is_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """H490's finding 01: a SIGTERM handled while the embedded engine ran one of the package's Python functions was
    taken by the engine as that function's failure; the command went on, replaced the workbook in place and exited 0,
    about one kill in fifteen. The interrupt is remembered: nothing is replaced after it, the command says so."""
    from xl_retention.recalculation.excel_functions import FUNCTIONS, Function

    books = tmp_path / "books"
    books.mkdir()
    book = openpyxl.Workbook()
    book.active["A1"] = '=_xlfn.NUMBERVALUE(" 3 000 ")'
    book.save(books / "b1.xlsx")
    data = (books / "b1.xlsx").read_bytes()
    own = FUNCTIONS["NUMBERVALUE"]
    calls: list[int] = []

    def signalled(*args: object) -> object:  # the signal arrives while the engine runs this function
        calls.append(1)
        os.kill(os.getpid(), signal.SIGTERM)  # (Ctrl+C's SIGINT is remembered alike: not sent to a test worker)
        return own.call(*args)

    monkeypatch.setitem(FUNCTIONS, "NUMBERVALUE", Function("NUMBERVALUE", signalled, 1, 3))
    assert cli.main(["recalc", str(books), "--in-place", "--engine", "embedded"]) == 143
    assert calls  # the engine called it
    assert capsys.readouterr().err.strip().splitlines()[-1] == "xl-retention: interrupted"
    assert sorted(p.name for p in books.iterdir()) == ["b1.xlsx"]
    assert (books / "b1.xlsx").read_bytes() == data  # not replaced
