"""A template chart dragged a row down on the Dashboard (its anchor at A13, not A12) is still the template's: recalc
fits its ranges to the months with figures as it does the others (it was left reading every month: a tester's
finding 3, 2026-12-04). A chart dragged far from its cell stays the user's."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook import inplace as ip

GAINED = [30, 25, 28, 31, 27, 29]
ENDS = [220, 233, 252, 272, 289, 306]


def _drag(path: Path, rows: int) -> None:
    """The first chart's anchor (Customers at end of month, A12) moved ``rows`` rows down, its size kept."""
    package = ip.Package(path)
    (drawing,) = package.names(r"xl/drawings/drawing\d+\.xml")

    def moved(raw: bytes) -> bytes:
        anchor = re.search(rb"<(?:\w+:)?twoCellAnchor.*?</(?:\w+:)?twoCellAnchor>", raw, re.S)
        text = re.sub(
            rb"(<(?:\w+:)?(?:from|to)>.*?<(?:\w+:)?row>)(\d+)(</(?:\w+:)?row>)",
            lambda m: m.group(1) + str(int(m.group(2)) + rows).encode() + m.group(3),
            anchor.group(0),
            flags=re.S,
        )
        return raw[: anchor.start()] + text + raw[anchor.end() :]

    package.edit(drawing, moved)
    package.save()


def _customers_chart(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/charts/chart"):
                xml = z.read(name).decode()
                if "Customers at end of month" in xml:
                    return re.findall(r"<(?:c:)?f>([^<]*)</(?:c:)?f>", xml)
    raise AssertionError("no chart")


@pytest.mark.parametrize(("rows", "fitted"), [(0, True), (1, True), (8, False)])
def test_a_chart_dragged_a_row_is_fitted(tmp_path: Path, rows: int, fitted: bool) -> None:
    inputs = {"Customers": {"start": [200], "gained": GAINED, "end": ENDS}}
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=12, inputs=inputs)
    _drag(path, rows)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok", report.message
    refs = _customers_chart(tmp_path / "out.xlsx")
    if fitted:
        assert refs == ["'Customers'!$A$2:$A$7", "'Customers'!$H$2:$H$7"]
    else:
        assert refs == ["'Customers'!$A$2:$A$13", "'Customers'!$H$2:$H$13"]  # the user's: as drawn
