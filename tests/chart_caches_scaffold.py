"""The scaffolding the chart-cache tests share (tests' helper): a workbook of one sheet ``S``, its first chart's part
rewritten as Excel or XlsxWriter saves the caches (the ``c:`` prefix declared), recalculated by the embedded engine,
and the chart's part read back; the points of each level of a multi-level category cache."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
from one_sheet import rewrite_part
from openpyxl.worksheet.worksheet import Worksheet

from xl_retention.recalculation.batch import recalc_file

#: the package part of a new workbook's first chart
CHART1 = "xl/charts/chart1.xml"


def sheet_s() -> tuple[openpyxl.Workbook, Worksheet]:
    """A new workbook and its one sheet, titled ``S``."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    return book, sheet


def prefixed(chart: bytes) -> bytes:
    """openpyxl's chart part with the ``c:`` prefix declared on its root, so that caches may be written as Excel
    writes them (``<c:numRef>``) beside openpyxl's unprefixed elements."""
    return chart.replace(
        b"<chartSpace ", b'<chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
    )


def chart_part(path: Path) -> bytes:
    """The first chart's part of the package at ``path``."""
    with zipfile.ZipFile(path) as package:
        return package.read(CHART1)


def recalculated_chart(path: Path, caches: Callable[[bytes], bytes], out: Path) -> tuple[bytes, bytes]:
    """The first chart's part of ``path`` rewritten by ``caches`` (the caches as saved before the cells changed),
    then the workbook recalculated by the embedded engine into ``out`` (status ok): the chart's part before and
    after."""
    rewrite_part(path, CHART1, caches)
    before = chart_part(path)
    result = recalc_file(path, out, engine="embedded")
    assert result.status == "ok", result.message
    return before, chart_part(out)


def levels(chart: bytes) -> list[list[tuple[bytes, bytes]]]:
    """The (index, value) of each point of each ``c:lvl`` of a multi-level category cache, the innermost first."""
    return [
        re.findall(rb'<c:pt idx="(\d)"><c:v>([^<]*)</c:v>', level)
        for level in re.findall(rb"<c:lvl>(.*?)</c:lvl>", chart, re.S)
    ]
