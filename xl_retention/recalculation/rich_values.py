"""Cells holding a rich value: a linked data type (Stocks, Geography, Currencies), a picture placed in the cell.

Excel 365 stores such a cell as ``<c r="A1" t="e" vm="1"><v>#VALUE!</v></c>``: ``vm`` points at the value in
``xl/metadata.xml`` and ``xl/richData/``, ``#VALUE!`` is only the fallback for programs that cannot read it. It is not
an error to Excel (``ISERROR(A1)`` FALSE, ``TYPE(A1)`` 128 "compound data", ``SUM(A1:A3)`` skips it); the embedded
engine can hold no such value and read the fallback as a real #VALUE!: ``IFERROR(A1,"none")`` gave "none",
``SUM(A1:A3)`` #VALUE!, over Excel's stored values. :func:`rich_cells` finds them when the package is read;
:func:`rich_readers` lists every formula reading one, directly or not, with the reason: they keep Excel's stored values
(their own readers are then computed from those).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..sheet_names import written

if TYPE_CHECKING:
    import formualizer as fz

    from .formula_texts import FormulaTexts
    from .package import PackageInfo
    from .unsupported import Unsupported

__all__ = ["rich_cells", "rich_readers"]

_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_ATTRIBUTE = re.compile(rb"""\s([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
FUNCTION = "data type"


def rich_cells(xml: bytes) -> set[str]:
    """The value cells of a sheet's XML holding a rich value (``t="e"`` with a ``vm`` index), as ``"A1"``.

    >>> sorted(rich_cells(b'<c r="A1" t="e" vm="1"><v>#VALUE!</v></c><c r="B1" t="e"><v>#N/A</v></c>'))
    ['A1']
    >>> rich_cells(b'<c r="C1" vm="2" t="e"><f>A1</f><v>#VALUE!</v></c>')
    set()
    """
    if b"vm=" not in xml:
        return set()
    found = set()
    for match in _CELL.finditer(xml):
        attrs = {m[1].split(b":")[-1]: m[2] if m[2] is not None else m[3] for m in _ATTRIBUTE.finditer(match[1])}
        if b"vm" in attrs and attrs.get(b"t") == b"e" and b"r" in attrs and not _FORMULA.search(match[2] or b""):
            found.add(attrs[b"r"].decode().replace("$", "").upper())
    return found


def rich_readers(
    workbook: fz.Workbook,
    info: PackageInfo,
    formulas: dict[str, FormulaTexts],
    listed: set[tuple[str, str]],
) -> list[Unsupported]:
    """The formula cells (not in ``listed``) reading a rich value cell (``info.rich_values``), directly or not, each
    listed with the reason naming the cell it reads."""
    from .kept import dependents
    from .unsupported import Unsupported

    roots = {(sheet, ref): (sheet, ref) for sheet, refs in info.rich_values.items() for ref in refs}
    if not roots:
        return []
    out = []
    for (sheet, ref), (source_sheet, source) in sorted(dependents(workbook, roots, formulas, info).items()):
        if (sheet, ref) in listed:
            continue
        reason = (
            f"reads {written(source_sheet)}!{source}, a data type or picture placed in the cell (Excel's rich value, "
            "stored as #VALUE! for programs that cannot read it): the embedded engine cannot hold it and keeps Excel's "
            "value"
        )
        out.append(Unsupported(sheet, ref, FUNCTION, reason))
    return out
