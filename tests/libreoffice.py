"""Have a real spreadsheet application (headless LibreOffice Calc) recalculate workbooks.

openpyxl writes formulas without cached values, so nothing can be compared until a spreadsheet
application has computed them. :func:`recalculate` round-trips a workbook through
``soffice --headless --convert-to xlsx`` using a private user profile (one temporary directory per
process, reused) whose ``registrymodifications.xcu`` sets ``OOXMLRecalcMode`` and ``ODFRecalcMode``
under ``/org.openoffice.Office.Calc/Formula/Load`` to ``0``. The values mean 0 = always recalculate,
1 = never recalculate (the shipped default) and 2 = prompt. With ``0`` every formula is recomputed
on load, even one whose file carries a (wrong) cached value. Conversions are serialized by a lock,
because one profile can't be used by two LibreOffice instances at once.

Observed with LibreOffice 7.4.7.2 (Debian libreoffice-calc-nogui), about 1 s per conversion:

* An unknown function such as ``=CRR(A1,B1,C1)`` recalculates to the error ``#NAME?``. openpyxl
  reads it back as the string ``"#NAME?"``. LibreOffice re-saves its formula text in lower case
  (``=crr(A1,B1,C1)``), so :func:`computed_values` reads formulas from the original file.
  ``=IFERROR(CRR(...),"bad")`` gives ``"bad"``.
* Without forced recalculation (a default profile, ``OOXMLRecalcMode`` = 1) LibreOffice KEEPS a
  cached value found in the file: ``<v>999</v>`` for ``=A1*2`` stays 999, and ``<v>0.9</v>`` for
  ``=CRR(...)`` stays 0.9 instead of becoming ``#NAME?``. Formulas without a cached value (all
  of them in an openpyxl-written file) are computed either way. ODS files behave the same way
  under ``ODFRecalcMode``.
* EDATE, OFFSET, INDEX, COUNT, COUNTIF, AVERAGE, IF, IFERROR, MAX, MIN, ``_xlfn.IFS``, defined
  names and references to a sheet whose name has a space (``='Lifetime value'!B2+1``) all
  compute as Excel does. ``=1/0`` gives ``"#DIV/0!"``. ``=SQRT(-1)`` gives ``"#VALUE!"``, where
  Excel gives ``#NUM!``.
* openpyxl-written defined names and data validations (whole-number ranges, lists) survive the
  round trip. openpyxl then reads a list validation back with ``operator="between"`` and
  ``formula2="0"`` added. A date cell comes back as a serial number unless it has a date format.
* Conversion failures exit with status 0 and only print ``Error: source file could not be
  loaded``, so success is judged by the output file appearing.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

import openpyxl

TIMEOUT_SECONDS = 180.0

#: Profile settings: 0 = always recalculate on load (1 = never, 2 = prompt) for OOXML and ODF files.
REGISTRY_XCU = """\
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
</oor:items>
"""

_lock = threading.Lock()
_profiles: dict[int, Path] = {}


def soffice_path() -> str | None:
    """Return the LibreOffice executable (``soffice`` or ``libreoffice``) on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _profile(recalc: bool = True) -> Path:
    """This process's private LibreOffice profile, created on first use (call under ``_lock``).

    ``recalc=False`` gives a profile with LibreOffice's defaults, which keep cached values.
    """
    key = (os.getpid(), recalc)
    if key not in _profiles:
        root = Path(tempfile.mkdtemp(prefix="xl-retention-lo-profile-"))
        (root / "user").mkdir()
        if recalc:
            (root / "user" / "registrymodifications.xcu").write_text(REGISTRY_XCU, encoding="utf-8")
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        _profiles[key] = root
    return _profiles[key]


def _convert(path: str | os.PathLike[str], outdir: str | os.PathLike[str], fmt: str, recalc: bool = True) -> Path:
    """Convert ``path`` to ``fmt`` in ``outdir`` with the recalculating profile; return the output file."""
    soffice = soffice_path()
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed or not on PATH")
    src = Path(path).resolve()
    if not src.is_file():
        raise FileNotFoundError(src)
    out_dir = Path(outdir).resolve()
    if out_dir == src.parent:
        raise ValueError(f"outdir must differ from the source's folder so {src.name} is not overwritten")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{src.stem}.{fmt}"
    with _lock:
        target.unlink(missing_ok=True)  # so a stale file can't pass for this conversion's output
        cmd = [
            soffice,
            f"-env:UserInstallation={_profile(recalc).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            fmt,
            "--outdir",
            str(out_dir),
            str(src),
        ]
        # A session of its own, so a timeout can kill soffice.bin too, not only the launcher.
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            stdout, stderr = proc.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            stdout, stderr = proc.communicate()
            raise RuntimeError(
                f"LibreOffice timed out after {TIMEOUT_SECONDS:.0f} s converting {src} to {fmt}:\n{stderr.strip()}"
            ) from None
    if proc.returncode != 0 or not target.is_file():
        raise RuntimeError(
            f"LibreOffice failed to convert {src} to {fmt} (exit status {proc.returncode}, "
            f"no {target.name} in {out_dir}):\n{stderr.strip() or stdout.strip()}"
        )
    return target


def recalculate(path: str | os.PathLike[str], outdir: str | os.PathLike[str]) -> Path:
    """Have LibreOffice open ``path``, recalculate every formula and save ``outdir/<stem>.xlsx``.

    ``outdir`` must not be the source's folder. Raises RuntimeError with LibreOffice's stderr if
    conversion fails or times out.
    """
    return _convert(path, outdir, "xlsx")


def computed_values(path: str | os.PathLike[str], outdir: str | os.PathLike[str]) -> dict[str, dict[str, object]]:
    """Recalculate ``path`` and return ``{sheet title: {cell ref: value}}`` for each formula cell of the original.

    Formulas are found in the original file and values read from the recalculated copy. Error
    values come back as strings such as ``"#NAME?"`` or ``"#DIV/0!"``.
    """
    converted = recalculate(path, outdir)
    original = openpyxl.load_workbook(path)
    computed = openpyxl.load_workbook(converted, data_only=True)
    try:
        result: dict[str, dict[str, object]] = {}
        for ws in original.worksheets:
            values = computed[ws.title]
            result[ws.title] = {
                cell.coordinate: values[cell.coordinate].value
                for row in ws.iter_rows()
                for cell in row
                if cell.data_type == "f"
            }
        return result
    finally:
        original.close()
        computed.close()


def render_pdf(path: str | os.PathLike[str], outdir: str | os.PathLike[str], recalculate: bool = True) -> Path:
    """Print ``path`` to ``outdir/<stem>.pdf`` with LibreOffice; return the PDF.

    ``recalculate=False`` keeps the values cached in the file (xl-retention formulas, which
    LibreOffice does not know, then show the values our engine stored).
    """
    return _convert(path, outdir, "pdf", recalc=recalculate)


def only_sheet(path: str | os.PathLike[str], sheet: str, target: str | os.PathLike[str]) -> Path:
    """A copy of ``path`` with every sheet but ``sheet`` hidden, cached values kept (for printing one sheet)."""
    import zipfile

    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/workbook.xml":
                names = re.findall(rb'<sheet [^>]*name="([^"]*)"', data)
                index = names.index(sheet.encode())

                def hide(match: re.Match[bytes]) -> bytes:
                    element = match.group(0)
                    if f'name="{sheet}"'.encode() in element:
                        return element
                    element = re.sub(rb'\s+state="[^"]*"', b"", element)
                    return element.replace(b"<sheet ", b'<sheet state="hidden" ', 1)

                data = re.sub(rb"<sheet [^>]*/>", hide, data)
                data = re.sub(rb'activeTab="\d+"', f'activeTab="{index}"'.encode(), data)
                if b"activeTab=" not in data:
                    data = data.replace(b"<workbookView ", f'<workbookView activeTab="{index}" '.encode(), 1)
            copy.writestr(info, data)
    return Path(target)


def pdf_to_pngs(pdf: str | os.PathLike[str], outdir: str | os.PathLike[str], dpi: int = 60) -> list[Path]:
    """Rasterize each page of ``pdf`` to ``outdir/<stem>-<page>.png`` with pdftoppm; return them in page order."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise RuntimeError("pdftoppm (poppler-utils) is not installed or not on PATH")
    src = Path(pdf).resolve()
    out_dir = Path(outdir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    page = re.compile(rf"{re.escape(src.stem)}-(\d+)\.png")
    for stale in out_dir.iterdir():
        if page.fullmatch(stale.name):
            stale.unlink()
    result = subprocess.run(
        [pdftoppm, "-png", "-r", str(dpi), str(src), str(out_dir / src.stem)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
    )
    pages = sorted((int(m[1]), p) for p in out_dir.iterdir() if (m := page.fullmatch(p.name)))
    pngs = [p for _, p in pages]
    if result.returncode != 0 or not pngs:
        raise RuntimeError(f"pdftoppm failed on {src} (exit status {result.returncode}):\n{result.stderr.strip()}")
    return pngs
