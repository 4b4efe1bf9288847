"""A workbook's pages as LibreOffice headless prints them, as text (soffice --convert-to pdf, pdftotext -layout)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def printed_text(workbook: Path, folder: Path) -> str:
    """The text of ``workbook`` printed to PDF by LibreOffice into ``folder`` (its own profile there), laid out."""
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo", "--convert-to", "pdf",
         "--outdir", str(folder), str(workbook)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = folder / f"{workbook.stem}.pdf"
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
