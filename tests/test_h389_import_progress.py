"""A long ``xl-retention import`` printed nothing until it had finished (H385's finding 02: 13.5 minutes of a silent
terminal for 3 million rows). On a terminal, stderr now shows what is being read, a spinner and the time elapsed
(rich, as recalc's progress bar), gone when the tables are computed; off a terminal (a pipe, a file) nothing is added.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from xl_retention import _cli_import, cli

ORDERS = "customer_id,date,amount\na,2026-01-05,10\nb,2026-01-09,20\na,2026-02-03,5\n"


def test_shown_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS)
    screen = io.StringIO()
    monkeypatch.setattr(_cli_import, "_terminal", lambda: Console(file=screen, force_terminal=True, width=200))
    assert cli.main(["import", "--orders", str(path), "--to-csv", str(tmp_path / "out")]) == 0
    shown = screen.getvalue()
    assert f"reading --orders {path} and computing the tables" in shown
    out = capsys.readouterr()
    assert "reading" not in out.out and out.out.startswith(f"wrote {tmp_path / 'out'}")
    assert out.err == ""


def test_nothing_off_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS)
    assert _cli_import._terminal() is None  # pytest's capture is no terminal
    assert cli.main(["import", "--orders", str(path), "--to-csv", str(tmp_path / "out")]) == 0
    out = capsys.readouterr()
    assert out.err == "" and "reading" not in out.out
