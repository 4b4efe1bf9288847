"""A file reported ``failed`` leaves the input and the output folder as they were (H279's finding 03).

README: "``failed``: ... one line says why, nothing is written". ``recalc_file`` wrote the result (over the input
with ``in_place=True``) and ran the tracker's checks afterwards: a check that raised made the file ``failed`` while
the input had already been replaced, or the output left on disk (seen for real when a module of the checks was
half-saved: "unterminated string literal (detected at line 59) (deleted_months.py, line 59)" as the workbook's
reason). The check is made to fail here by replacing it: no real input makes a check raise on purpose.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest

import xl_retention.workbook.checks as checks
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def tracker(tmp_path: Path) -> Path:
    path = tmp_path / "t.xlsx"
    build_template(path, start="2026-01", months=3)
    return path


def test_in_place_failed_by_a_later_check_leaves_the_input(tracker: Path, monkeypatch) -> None:
    before = _digest(tracker)

    def broken(path: object, given: object = None) -> None:
        raise RuntimeError("the check could not read the workbook")

    monkeypatch.setattr(checks, "unread_input", broken)
    result = recalc_file(tracker, tracker, engine="embedded", in_place=True)
    assert (result.status, result.output) == ("failed", None)
    assert result.message == "t.xlsx: the check could not read the workbook"
    assert _digest(tracker) == before
    assert sorted(p.name for p in tracker.parent.iterdir()) == ["t.xlsx"]  # no temporary file left either


def test_output_failed_by_a_later_check_is_not_left(tracker: Path, monkeypatch) -> None:
    monkeypatch.setattr(checks, "unread_input", lambda path, given=None: 1 / 0)
    out = tracker.parent / "out" / "t.xlsx"
    result = recalc_file(tracker, out, engine="embedded")
    assert (result.status, result.message) == ("failed", "t.xlsx: division by zero")
    assert not out.exists()
    assert list(out.parent.iterdir()) == []


def test_an_earlier_output_stays_when_the_rerun_fails(tracker: Path, monkeypatch) -> None:
    out = tracker.parent / "t.recalc.xlsx"
    assert recalc_file(tracker, out, engine="embedded").status == "ok"
    earlier = _digest(out)

    def broken(path: object, given: object = None) -> None:
        raise SyntaxError("unterminated string literal (detected at line 59)", ("deleted_months.py", 59, 1, ""))

    monkeypatch.setattr(checks, "unread_input", broken)
    result = recalc_file(tracker, out, engine="embedded")
    assert result.status == "failed"
    assert result.message == (
        "t.xlsx: an internal error of xl-retention (SyntaxError: unterminated string literal (detected at line 59)"
        " (deleted_months.py, line 59)), please report it"
    )
    assert _digest(out) == earlier


def test_in_place_ok_replaces_the_input_with_the_values(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["A1"], book.active["A2"] = 2, "=A1*21"
    path = tmp_path / "a.xlsx"
    book.save(path)
    result = recalc_file(path, path, engine="embedded", in_place=True)
    assert (result.status, result.output, result.message) == ("ok", str(path), "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx"]
    assert openpyxl.load_workbook(path, data_only=True).active["A2"].value == 42
    assert openpyxl.load_workbook(path).active["A2"].value == "=A1*21"


def test_a_package_not_installed_is_said_in_its_own_words(tracker: Path, monkeypatch) -> None:
    def missing(path: object, given: object = None) -> None:
        raise ModuleNotFoundError("No module named 'pyarrow'")

    monkeypatch.setattr(checks, "unread_input", missing)
    result = recalc_file(tracker, tracker.parent / "out.xlsx", engine="embedded")
    assert (result.status, result.message) == ("failed", "t.xlsx: No module named 'pyarrow'")
