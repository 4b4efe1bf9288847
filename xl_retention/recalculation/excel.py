"""The Excel engine: the installed Microsoft Excel, driven through xlwings.

Windows and macOS only: Excel cannot run on Linux, so this path is not exercised in
CI (its test skips where Excel is missing). It opens the workbook in an invisible
Excel, runs a full calculation (the xl-retention formulas need the xlwings add-in
with UDF Modules = xl_retention.udfs, as the template's xlwings.conf sheet sets),
reads every formula cell's value, saves to ``output`` and always quits Excel. A cell calling an xl-retention function
that Excel could not compute (``#NAME?``: no add-in, macOS, an .xlsx) raises :class:`.excel_udfs.FunctionsNotComputed`
before anything is saved.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._files import temporary_prefix
from ..cells import CellError, is_error
from .excel_udfs import FunctionsNotComputed, uncomputed


def available() -> bool:
    """Whether an Excel can be started here (Windows or macOS with Excel installed)."""
    if sys.platform not in ("win32", "darwin"):
        return False
    try:
        import xlwings as xw

        app = xw.App(visible=False, add_book=False)
        app.quit()
        return True
    except Exception:
        return False


def calculate_full(app: Any) -> None:
    """Excel's full calculation of the open workbooks: Application.CalculateFull ("Forces a full calculation of the
    data in all open workbooks", Microsoft's page). Application.Calculate, xlwings' ``app.calculate()``, computes only
    the cells "that Microsoft Excel understands as needing recalculation" (Microsoft's Range.Dirty page): none in a
    workbook just opened, whose stored values, stale or not, would be read back as the results."""
    if sys.platform == "darwin":
        app.api.calculate_full()  # AppleScript's "calculate full" (xlwings' mac_dict), through appscript
    else:
        app.api.CalculateFull()


def saved_name(output: Path) -> dict[str, str]:
    """``tempfile.mkstemp``'s arguments for the file Excel saves before it replaces ``output``: beside it, hidden, its
    name cut as :func:`.._files.temporary_prefix` cuts it (a legal 245-byte name would otherwise give one past the 255
    bytes a file system allows, "file name too long"), ending in ``output``'s suffix (Excel saves by it).

    >>> saved_name(Path("out/t.xlsx"))
    {'prefix': '.t.xlsx.', 'suffix': '.xlsx', 'dir': 'out'}
    """
    return {"prefix": temporary_prefix(output.name), "suffix": output.suffix, "dir": str(output.parent)}


def recalculate(
    path: str | Path, output: str | Path, check: Callable[[], None] | None = None
) -> dict[str, dict[str, Any]]:
    """Full calculation of ``path`` in Excel, saved to ``output``; returns the formula cells' values.

    ``check`` is called just before ``output`` is replaced (it raises to keep the old file). Raises
    :class:`.excel_udfs.FunctionsNotComputed`, nothing saved, where a cell calling an xl-retention function reads
    ``#NAME?`` (Excel did not have it).
    """
    import xlwings as xw

    output = Path(output)
    app = xw.App(visible=False, add_book=False)
    try:
        app.display_alerts = False
        # a template (.xltx, .xltm) opened for editing: Workbooks.Open's Editable=False (its default) opens a new
        # workbook based on it (Microsoft's Workbooks.Open page), which would not be saved as the template
        template = Path(path).suffix.lower() in (".xltx", ".xltm")
        # a workbook saved "read-only recommended" asks whether to open it read-only: not asked (an invisible Excel)
        options = {
            "update_links": False,
            "ignore_read_only_recommended": True,
            **({"editable": True} if template else {}),
        }
        book = app.books.open(str(path), **options)
        calculate_full(app)
        values: dict[str, dict[str, Any]] = {}
        texts: dict[str, dict[str, str]] = {}
        for sheet in book.sheets:
            used = sheet.used_range
            formulas = used.formula
            cells = used.options(ndim=2, err_to_str=True).value
            if not isinstance(formulas, (list, tuple)):
                formulas = ((formulas,),)
            if not isinstance(formulas[0], (list, tuple)):
                formulas = (formulas,)
            for i, row in enumerate(formulas):
                for j, formula in enumerate(row):
                    if isinstance(formula, str) and formula.startswith("="):
                        value = cells[i][j]
                        address = used[i, j].get_address(False, False)
                        if is_error(value):
                            value = CellError(value)
                        values.setdefault(sheet.name, {})[address] = value
                        texts.setdefault(sheet.name, {})[address] = formula
        missing = uncomputed(texts, values)
        if missing:  # Excel without our functions: its #NAME? is never saved as the results
            sheet_name, _, ref = missing[0].rpartition("!")
            first = values[sheet_name][ref]
            raise FunctionsNotComputed(missing, first.code if isinstance(first, CellError) else str(first))
        if output.exists():  # the result keeps the replaced file's permissions, as .._files.atomic_output does
            mode = stat.S_IMODE(output.stat().st_mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        fd, tmp = tempfile.mkstemp(**saved_name(output))
        os.close(fd)
        os.unlink(tmp)
        try:
            book.save(tmp)
            book.close()
            if check is not None:
                check()
            os.chmod(tmp, mode)
            os.replace(tmp, output)
        finally:
            Path(tmp).unlink(missing_ok=True)
        return values
    finally:
        app.quit()
