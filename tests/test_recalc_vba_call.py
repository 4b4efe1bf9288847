"""Recalc lists the cells calling a workbook's own VBA function named as one of ours (embedded.compute calls
vba_functions.vba_shadowed; H151's finding 04: =NPS(A2:A9) 0.5, the workbook's own VBA NPS, became 50, status ok),
and the cells reading them; without a VBA project our NPS is computed, and oletools is not imported."""

from __future__ import annotations

import sys
from pathlib import Path

from test_recalc_vba_functions import _VBA, _workbook

from xl_retention.recalculation import recalc_file


def test_calls_of_the_workbooks_own_vba_function_are_listed(tmp_path: Path) -> None:
    path = _workbook(tmp_path, _VBA.read_bytes())
    result = recalc_file(path, tmp_path / "out.xlsm", engine="embedded")
    assert result.status == "incomplete"
    assert [(u.address, u.function, u.kept) for u in result.unsupported] == [
        ("Survey!C2", "NPS", False),
        ("Survey!D2", "NPS", False),
    ]
    assert result.unsupported[0].reason.startswith("NPS is a VBA function of this workbook (module Module1)")


def test_without_a_vba_project_our_nps_is_computed(tmp_path: Path) -> None:
    already = "oletools.olevba" in sys.modules
    path = _workbook(tmp_path, None)
    result = recalc_file(path, tmp_path / "out.xlsm", engine="embedded")
    assert (result.status, result.unsupported) == ("ok", [])
    assert already or "oletools.olevba" not in sys.modules
