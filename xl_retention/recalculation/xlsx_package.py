"""Where a workbook package keeps its sheets, and the package-wide marks a copy of it carries.

Split from :mod:`.xlsx_values` (which imports these names from here, and so keeps them for its importers): the
sheet titles' parts read through the package's relationships (:func:`_sheet_parts`, used across the package to read
a sheet's XML), a zip entry copied with its attributes (:func:`_entry_info`), the zip comment line a result carries
(:func:`marked`), and the workbook part's calculation marks (:func:`full_calc_on_load`, openpyxl's
``fullCalcOnLoad`` and Excel 2007's ``calcId``).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from urllib.parse import unquote
from xml.etree import ElementTree

__all__ = ["CURRENT_CALC_ID", "full_calc_on_load", "marked"]

_PREFIX = rb"(?:[A-Za-z_][\w.\-]*:)?"  # an optional namespace prefix, e.g. "x:"
_ATTRS = rb"(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*"  # attributes; quoted values may hold '>' or '/'

# openpyxl marks its workbooks for a full calculation on load; once the cached values are
# stored, Excel should show them on open (it still recalculates on any change).
_FULL_CALC_ON_LOAD = re.compile(rb"\s+fullCalcOnLoad\s*=\s*[\"'](?:1|true)[\"']")
#: the attribute whatever its value (openpyxl writes fullCalcOnLoad="0" when told False): replaced, never doubled
_ANY_FULL_CALC_ON_LOAD = re.compile(rb"\s+fullCalcOnLoad\s*=\s*(?:\"[^\"]*\"|'[^']*')")
# Excel recalculates on open a file last calculated by an older calculation engine
# (openpyxl writes Excel 2007's calcId); the stored values are current, so say so.
_CALC_ID = re.compile(rb"(<(?:\w+:)?calcPr\b[^>]*?\scalcId\s*=\s*[\"'])(\d+)([\"'])")
CURRENT_CALC_ID = b"191029"

_REL_OFFICE_DOCUMENT = "/officeDocument"


def _sheet_parts(package: zipfile.ZipFile) -> dict[str, str | None]:
    """Sheet title -> zip entry name of its part (None when the relationship points to a missing part)."""
    entries = {name.lower(): name for name in package.namelist()}

    def entry(part: str) -> str | None:
        return entries.get(part.lower())

    workbook = "xl/workbook.xml"
    root_rels = entry("_rels/.rels")
    if root_rels is not None:
        for rel in _relationships(package.read(root_rels)):
            if rel.get("Type", "").endswith(_REL_OFFICE_DOCUMENT) and rel.get("TargetMode") != "External":
                workbook = _resolve("", rel.get("Target", ""))
                break
    workbook_entry = entry(workbook)
    if workbook_entry is None:
        raise ValueError(f"not a workbook package: no part {workbook!r}")
    base = posixpath.dirname(workbook_entry)
    rels_entry = entry(posixpath.join(base, "_rels", posixpath.basename(workbook_entry) + ".rels"))
    targets: dict[str, str] = {}
    if rels_entry is not None:
        for rel in _relationships(package.read(rels_entry)):
            if rel.get("TargetMode") != "External" and "Id" in rel:
                targets[rel["Id"]] = _resolve(base, rel.get("Target", ""))

    parts: dict[str, str | None] = {}
    for element in ElementTree.fromstring(package.read(workbook_entry)).iter():
        if _local(element.tag) != "sheet":
            continue
        name = element.get("name")
        rel_id = next((v for k, v in element.attrib.items() if k.startswith("{") and _local(k) == "id"), None)
        if name is not None and rel_id is not None and rel_id in targets:
            parts[name] = entry(targets[rel_id])
    return parts


def _relationships(xml: bytes) -> list[dict[str, str]]:
    return [dict(e.attrib) for e in ElementTree.fromstring(xml).iter() if _local(e.tag) == "Relationship"]


def _resolve(base: str, target: str) -> str:
    """A relationship target as a zip entry name: relative to `base`, or absolute from the package root."""
    target = unquote(target)
    path = target[1:] if target.startswith("/") else posixpath.join(base, target)
    return posixpath.normpath(path).lstrip("/")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


#: a line this command wrote into a zip comment, with its newline
_OUR_LINE = re.compile(rb"^xl-retention recalc of [^\n]*(?:\n|$)", re.MULTILINE)


def marked(comment: bytes, mark: bytes) -> bytes:
    r"""A zip comment with the line ``mark`` (this command's: ``xl-retention recalc of ...``) in place of any line of
    this command's there; the rest of ``comment`` (the input's own) is kept byte for byte before it. Where the two do
    not fit in a zip comment (65,535 bytes), the input's comment is kept whole and ``mark`` left out (a rerun then
    names the result and keeps it).

    >>> marked(b"", b"xl-retention recalc of a")
    b'xl-retention recalc of a'
    >>> marked(b"theirs\n\nxl-retention recalc of a", b"xl-retention recalc of b")
    b'theirs\n\nxl-retention recalc of b'
    >>> marked(b"theirs\r\n", b"xl-retention recalc of a"), marked(b"theirs", b"xl-retention recalc of a")
    (b'theirs\r\nxl-retention recalc of a', b'theirs\nxl-retention recalc of a')
    >>> marked(marked(b"a\n\n", b"xl-retention recalc of a"), b"xl-retention recalc of b")
    b'a\n\nxl-retention recalc of b'
    """
    kept = _OUR_LINE.sub(b"", comment)
    joined = kept + (b"\n" if kept and not kept.endswith(b"\n") else b"") + mark
    return joined if len(joined) <= 65535 else kept


_CALC_PR = re.compile(rb"<(" + _PREFIX + rb")calcPr\b(" + _ATTRS + rb")\s*(/?)>")
_BEFORE_CALC_PR = re.compile(rb"</(" + _PREFIX + rb")(?:definedNames|externalReferences|functionGroups|sheets)\s*>")


def full_calc_on_load(workbook: bytes) -> bytes:
    """The workbook part with ``fullCalcOnLoad="1"`` on its ``<calcPr>`` (added after the elements the schema puts
    before it when there is none): Excel computes every formula when it opens the file.

    >>> full_calc_on_load(b'<workbook><sheets/><calcPr calcId="191029"/></workbook>')
    b'<workbook><sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>'
    >>> full_calc_on_load(b'<workbook><calcPr calcId="124519" fullCalcOnLoad="0"/></workbook>')  # one, not two
    b'<workbook><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
    >>> full_calc_on_load(b'<x:workbook><x:sheets></x:sheets></x:workbook>')
    b'<x:workbook><x:sheets></x:sheets><x:calcPr fullCalcOnLoad="1"/></x:workbook>'
    """
    found = _CALC_PR.search(workbook)
    if found is not None:
        attributes = _ANY_FULL_CALC_ON_LOAD.sub(b"", found.group(2)) + b' fullCalcOnLoad="1"'
        element = b"<" + found.group(1) + b"calcPr" + attributes + (b"/>" if found.group(3) else b">")
        return workbook[: found.start()] + element + workbook[found.end() :]
    last = max(_BEFORE_CALC_PR.finditer(workbook), key=lambda match: match.end(), default=None)
    if last is None:
        return workbook
    element = b"<" + last.group(1) + b'calcPr fullCalcOnLoad="1"/>'
    return workbook[: last.end()] + element + workbook[last.end() :]


def _entry_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A fresh ZipInfo with the entry's name, time, compression type and attributes (sizes are recomputed)."""
    fresh = zipfile.ZipInfo(info.filename, info.date_time)
    fresh.compress_type = info.compress_type
    fresh.comment = info.comment
    fresh.create_system = info.create_system
    fresh.external_attr = info.external_attr
    fresh.internal_attr = info.internal_attr
    return fresh
