"""What a workbook file is when it is no .xlsx/.xlsm the commands can change, said one way by every command (H304's
findings 03, 04, 06): a workbook encrypted with a password to open, an Excel Binary Workbook, a Strict Open XML
workbook, an Excel template."""

from __future__ import annotations

import os
from pathlib import Path

#: ISO 29500 Strict's SpreadsheetML namespace (Excel's Save As "Strict Open XML Spreadsheet")
STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
#: the stream of the OLE container Excel writes for a workbook with a password to open
ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
#: how to save a workbook so the commands can read it
SAVE_AS_XLSX = "open it in Excel and save it as Excel Workbook (.xlsx)"


def holds_encryption(path: str | os.PathLike[str], head: bytes) -> bool:
    """Whether the OLE container at ``path`` (``head``: its first bytes) holds an EncryptionInfo stream (a password to
    open; an .xls holds none), its directory looked for in the whole file when not in ``head``."""
    return ENCRYPTION_INFO in head or ENCRYPTION_INFO in Path(path).read_bytes()


def encrypted(name: str) -> str:
    """The reason for a workbook encrypted with a password to open.

    >>> encrypted("t.xlsx")[:62]
    't.xlsx is encrypted with a password to open: in Excel, File > '
    """
    return (
        f"{name} is encrypted with a password to open: in Excel, File > Info > Protect Workbook > Encrypt with "
        "Password, clear the password and save, then run again"
    )


def binary(name: str) -> str:
    """The reason for an Excel Binary Workbook (.xlsb), under any name."""
    return f"{name} is an Excel Binary Workbook (.xlsb): {SAVE_AS_XLSX}"


def strict(name: str, reader: str = "xl-retention") -> str:
    """The reason for a workbook saved as Strict Open XML, which ``reader`` cannot read."""
    return f"{name} is a Strict Open XML workbook, which {reader} cannot read: {SAVE_AS_XLSX}"


def template(name: str, suffix: str) -> str:
    """The reason ``extend``, ``upgrade`` and ``import --into`` give for an Excel template (.xltx, .xltm)."""
    kind = "Excel Macro-Enabled Workbook (.xlsm)" if suffix.lower() == ".xltm" else "Excel Workbook (.xlsx)"
    return (
        f"{name} is an Excel template ({suffix}), which extend, upgrade and import --into do not change (recalc "
        f"does): open it in Excel, save it as {kind}, run the command on that, then save it as a template again"
    )


__all__ = [
    "ENCRYPTION_INFO",
    "holds_encryption",
    "SAVE_AS_XLSX",
    "STRICT_NAMESPACE",
    "binary",
    "encrypted",
    "strict",
    "template",
]
