"""The workbooks a batch recalculates: the paths given expanded into files (a folder's workbooks, each file once, the
outputs' names), and the checks each input passes before an engine reads it (a readable package; for the embedded
engine, a layout its readers see whole). Split from :mod:`.batch`.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

from .. import package_kinds as kinds
from .package_parts import first_bad_part

#: workbooks and templates (Excel opens a template as it opens a workbook; the result stays a template)
SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
#: workbooks of other formats a folder may hold: listed as failed with the way to save them, never passed over
OTHER_WORKBOOKS = {
    ".xls": "a legacy Excel 97-2003 workbook (.xls)",
    ".xlsb": "an Excel Binary Workbook (.xlsb)",
    ".ods": "an OpenDocument spreadsheet (.ods)",
    ".fods": "a flat OpenDocument spreadsheet (.fods)",
    ".xlt": "a legacy Excel template (.xlt)",
    ".numbers": "an Apple Numbers spreadsheet (.numbers)",
}
WORKBOOK_NAMES = frozenset(SUFFIXES) | frozenset(OTHER_WORKBOOKS) | {".csv"}  # a folder so named is a mistake


def expand(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files to recalculate: each path, or a folder's .xlsx, .xlsm, .xltx and .xltm files (not its outputs, lock or
    hidden files)
    and its workbooks of other formats (.xls, .xlsb, .ods...: each then fails with the way to save it)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out += sorted(
                p
                for p in path.iterdir()
                if (p.suffix.lower() in SUFFIXES or p.suffix.lower() in OTHER_WORKBOOKS)
                and not p.name.startswith(("~$", "."))  # Excel's lock files, our temporary files
                and not (p.stem.endswith(".recalc") and _an_output(p))
                and p.is_file()
            )
        else:
            out.append(path)
    return out


def _an_output(path: Path) -> bool:
    """Whether ``path`` (named ``NAME.recalc.xlsx``) is a result this command wrote: its zip comment names the input it
    was recalculated from (:mod:`.result_marks`). A workbook of the user's that is only named so is recalculated (it
    was left out of its folder, which was then said to hold no workbook)."""
    import zipfile

    from .result_marks import MARK

    try:
        with zipfile.ZipFile(path) as package:
            return any(line.startswith(MARK) for line in package.comment.split(b"\n"))
    except Exception:  # noqa: BLE001  (not a zip: not a result of this command; it fails with its own reason)
        return False


def distinct(files: list[Path]) -> tuple[list[Path], list[dict[str, str]]]:
    """``files`` with each workbook once (the same file given twice, or by a folder and by name: its first mention),
    and a note for each file given more than once (``{"path": ..., "reason": ...}``): one file is recalculated once,
    never reported as its own output's clash."""
    seen: dict[Path, Path] = {}
    again: dict[Path, int] = {}
    for path in files:
        key = path.resolve() if path.exists() else path.absolute()
        if key in seen:
            again[seen[key]] = again.get(seen[key], 1) + 1
        else:
            seen[key] = path
    reason = "given {} times (by name or in a folder): recalculated once"
    return list(seen.values()), [{"path": str(path), "reason": reason.format(times)} for path, times in again.items()]


def skipped_folders(paths: Iterable[str | os.PathLike[str]], output_dir: Path | None) -> list[dict[str, str]]:
    """The sub-folders of the folders in ``paths`` that hold workbooks (not searched), other than ``output_dir``."""
    out: list[dict[str, str]] = []
    target = output_dir.resolve() if output_dir is not None and output_dir.exists() else None
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            continue
        for sub in sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith(".")):
            if target is not None and sub.resolve() == target:
                continue
            try:
                inside = list(sub.iterdir())
            except OSError:  # a sub-folder that cannot be read: nothing to say of it
                continue
            if any(
                p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", ".")) and not p.stem.endswith(".recalc")
                for p in inside
            ):
                out.append(
                    {"path": str(sub), "reason": "a sub-folder holding workbooks: not searched; give it to recalculate"}
                )
    return out


def output_path(path: Path, output_dir: Path | None, in_place: bool) -> Path:
    """Where the result of ``path`` goes: itself, ``output_dir/NAME``, or ``NAME.recalc.xlsx`` beside it."""
    if in_place:
        return path
    if output_dir is not None:
        return output_dir / path.name
    return path.with_name(f"{path.stem}.recalc{path.suffix}")


def check_readable(path: Path) -> None:
    if not path.exists():
        raise FileNotFoundError(f"no such file: {path}")
    if path.suffix.lower() not in SUFFIXES:
        kind = OTHER_WORKBOOKS.get(path.suffix.lower())
        if kind is not None:
            raise ValueError(f"{path} is {kind}, not recalculated: save it as Excel Workbook (.xlsx) and give that")
        raise ValueError(f"not an .xlsx, .xlsm, .xltx or .xltm workbook: {path}")
    with open(path, "rb") as handle:
        head = handle.read(1 << 16)
    if not head:  # a download or copy that never finished, a file made empty
        raise ValueError(f"{path.name} is empty (0 bytes), not a workbook")
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE container: a password to open, or an .xls misnamed
        if kinds.holds_encryption(path, head):
            raise ValueError(kinds.encrypted(path.name))
        raise ValueError(f"{path.name} is {OTHER_WORKBOOKS['.xls']}: save it as Excel Workbook (.xlsx)")
    if not zipfile.is_zipfile(path):
        raise ValueError(f"{path.name} is not a workbook (not an .xlsx/.xlsm package) or is corrupt")
    with zipfile.ZipFile(path) as package:
        try:
            bad = first_bad_part(package)  # (a sheet's bytes kept for the scan: .package_parts)
        except Exception as error:  # zlib errors on damaged compressed data
            raise ValueError(f"{path.name} is corrupt ({error})") from None
        names = package.namelist()
        if bad is None and "xl/workbook.xml" not in names:  # another format under an .xlsx name: named
            if "xl/workbook.bin" in names:
                raise ValueError(f"{path.name} is an Excel Binary Workbook (.xlsb): save it as Excel Workbook (.xlsx)")
            mimetype = package.read("mimetype")[:100] if "mimetype" in names else b""
            if b"opendocument.spreadsheet" in mimetype:
                raise ValueError(
                    f"{path.name} is an OpenDocument spreadsheet (.ods): save it as Excel Workbook (.xlsx)"
                )
        if bad is not None or "xl/workbook.xml" not in names:
            raise ValueError(f"{path.name} is corrupt (damaged part {bad or 'xl/workbook.xml missing'})")


_STRICT = b"http://purl.oclc.org/ooxml/spreadsheetml/main"  # ISO 29500 Strict's SpreadsheetML namespace
_APPROXIMATE = re.compile(rb"<(?:\w+:)?calcPr\b[^>]*\sfullPrecision\s*=\s*[\"'](?:0|false)[\"']")
_PREFIXED_ROOT = re.compile(rb"<([A-Za-z_][\w.\-]*):(?:workbook|worksheet)[\s>/]")


def check_embedded_layout(path: Path) -> None:
    """Refuse, in words, the packages whose formulas the embedded engine's readers would not see (a Strict Open XML
    workbook, SpreadsheetML written with a namespace prefix as the .NET Open XML SDK can write it) or cannot load
    (an Excel 4.0 macro sheet): never an "ok" over formulas left as they were."""
    from .prefixed import unprefixed_part
    from .xlsx_values import _sheet_parts

    remedy = "open it in Excel and save it as Excel Workbook (.xlsx), or recalculate it with --engine excel"
    with zipfile.ZipFile(path) as package:
        parts = _sheet_parts(package)
        names = {name.lower(): name for name in package.namelist()}
        workbook = package.read(names.get("xl/workbook.xml", "xl/workbook.xml"))
        if _STRICT in workbook[:4096]:
            raise ValueError(
                f"{path.name} is a Strict Open XML workbook, which the embedded engine cannot read: {remedy}"
            )
        if _APPROXIMATE.search(workbook) is not None:
            raise ValueError(
                f'{path.name} uses Excel\'s "Set precision as displayed" (calcPr fullPrecision="0"): Excel computes '
                "it from values rounded as each cell displays them, which the embedded engine does not; recalculate "
                "it with --engine excel, or turn the option off in Excel (File > Options > Advanced)"
            )
        for title, part in parts.items():
            if part is not None and "/macrosheets/" in part.lower():
                raise ValueError(
                    f"{path.name} has an Excel 4.0 macro sheet ({title!r}), which the embedded engine cannot read: "
                    "recalculate it with --engine excel"
                )
        for title, part in [("the workbook part", None), *parts.items()]:
            with package.open(part or names.get("xl/workbook.xml", "xl/workbook.xml")) as stream:
                head = stream.read(4096)
            match = _PREFIXED_ROOT.search(head)
            if match is not None and unprefixed_part(
                package.read(part or names.get("xl/workbook.xml", "xl/workbook.xml"))
            ):
                continue  # <x:worksheet xmlns:x="...main">: the engine reads an unprefixed copy (.prefixed)
            if match is not None:
                where = title if part is None else f"sheet {title!r}"
                raise ValueError(
                    f"{path.name} writes its XML with the namespace prefix {match.group(1).decode()!r} ({where}), "
                    f"which the embedded engine cannot read: {remedy}"
                )
