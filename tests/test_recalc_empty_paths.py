"""``xl_retention.recalc([])`` (a glob that matched nothing) says that no paths were given, not "no .xlsx or .xlsm files
in " with nothing after it (H171's finding 08)."""

from __future__ import annotations

import xl_retention


def test_an_empty_list_of_paths_is_named_as_such() -> None:
    report = xl_retention.recalc([], engine="embedded")
    assert (report.ok, report.files) == (False, [])
    assert report.message == "no paths given (an empty list): nothing recalculated"
    assert report.to_dict()["message"] == report.message
