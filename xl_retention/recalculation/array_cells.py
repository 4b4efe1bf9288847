"""The array formulas among the cells the engine could not compute: the whole range each leaves without a current
value (or keeps Excel's values in), for the report's count and the listed cell's reason.

A Ctrl+Shift+Enter array formula (``{=LINEST(A1:A3,B1:C3,,TRUE)}`` entered over F1:H5) or an Excel 365 dynamic array
is one formula in its first cell, listed once under ``unsupported``; but all its cells go without a value (or keep
the values Excel stored): the report counted "1 cell" and named F1 alone while G1:H5 were empty too. Each such cell
now counts the cells of its range, and its reason names the range, as the errors of a computed array's cells say
(``the array formula S!F1 over F1:F4 gives #DIV/0! here``). A dynamic array's range is the one stored with it: the
cells its stored values were in, which the output leaves empty or keeps.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from openpyxl.utils.cell import range_boundaries

from ..sheet_names import written
from .sheet_cells import formula_cells
from .xlsx_package import _sheet_parts

__all__ = ["array_ranges", "cells_counted", "in_arrays", "over_array"]


def array_ranges(path: str | Path, addresses: Iterable[str]) -> dict[str, str]:
    """``"Sheet!F1"`` -> the range (``"F1:H5"``) of the array formula whose first cell it is, for those of
    ``addresses`` (``Sheet!A1``, the sheet unquoted) that start an array of more than one cell in the package at
    ``path``."""
    wanted: dict[str, set[str]] = {}
    for address in addresses:
        sheet, _, ref = address.rpartition("!")
        wanted.setdefault(sheet, set()).add(ref)
    found: dict[str, str] = {}
    with zipfile.ZipFile(path) as package:
        parts = _sheet_parts(package)
        for sheet, refs in wanted.items():
            part = parts.get(sheet)
            if not part:
                continue
            for ref, cell in formula_cells(package.read(part), None).items():
                if ref in refs and cell.kind == "array" and cell.ref and ":" in cell.ref:
                    left, top, right, bottom = range_boundaries(cell.ref)
                    if (right - left + 1) * (bottom - top + 1) > 1:
                        found[f"{sheet}!{ref}"] = cell.ref.replace("$", "").upper()
    return found


def _size(area: str) -> int:
    left, top, right, bottom = range_boundaries(area)
    return (right - left + 1) * (bottom - top + 1)


def _named(address: str, area: str) -> str:
    """``the array formula S!F1 over F1:H5``'s ``S!F1 over F1:H5``."""
    sheet, _, ref = address.rpartition("!")
    return f"{written(sheet)}!{ref} over {area}"


def over_array(address: str, area: str) -> str:
    """What the reason of the array formula's first cell ``address`` adds: its range and how many cells it holds.

    >>> over_array("Monthly 2026!F1", "F1:H5")
    " (the array formula 'Monthly 2026'!F1 over F1:H5: 15 cells)"
    """
    return f" (the array formula {_named(address, area)}: {_size(area)} cells)"


def cells_counted(addresses: Iterable[str], arrays: Mapping[str, str]) -> int:
    """How many cells ``addresses`` stand for: an array formula's first cell in ``arrays`` counts its range's cells.

    >>> cells_counted(["S!F1", "S!J1"], {"S!F1": "F1:H5"})
    16
    """
    return sum(_size(arrays[a]) if a in arrays else 1 for a in addresses)


def in_arrays(addresses: Iterable[str], arrays: Mapping[str, str]) -> str:
    """``, in the array formula S!F1 over F1:H5`` for those of ``addresses`` in ``arrays`` (the first three named,
    then how many more), else "".

    >>> in_arrays(["S!F1", "S!J1"], {"S!F1": "F1:H5"})
    ', in the array formula S!F1 over F1:H5'
    >>> firsts = ["S!A1", "S!B1", "S!C1", "S!D1"]
    >>> in_arrays(firsts, {a: a[2:] + ":" + a[2] + "9" for a in firsts})
    ', in the array formulas S!A1 over A1:A9, S!B1 over B1:B9, S!C1 over C1:C9 and 1 more'
    """
    named = [_named(a, arrays[a]) for a in addresses if a in arrays]
    if not named:
        return ""
    if len(named) == 1:
        return f", in the array formula {named[0]}"
    shown = named[:3]
    more = len(named) - len(shown)
    listed = ", ".join(shown[:-1]) + f" and {shown[-1]}" if not more else ", ".join(shown) + f" and {more} more"
    return f", in the array formulas {listed}"
