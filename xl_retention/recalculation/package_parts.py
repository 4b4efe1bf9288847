"""A workbook's large parts decompressed once per recalculation (issue 14, bench/README.md).

A recalculation reads a sheet's part four times: the reading check (every part's CRC), the package scan, the copy the
engine loads with the rewritten formulas, and the writer. :func:`part_bytes` keeps the bytes of a part of 1-64 MB
(the sheets of a large workbook: 4.8 MB for the 50,000-cell benchmark, about 12 ms of zlib each) under the package's
path and the entry's place, CRC and sizes, so that the later readers take them without decompressing again: the
same bytes, as long as the entry is the same (another file at the path, or the file saved again, has other entries).
:func:`forget_parts` empties it (the end of each ``recalc_file``); at most :data:`_MOST_KEPT` bytes are kept in all,
the oldest given up first.
"""

from __future__ import annotations

import os
import zipfile

#: parts of this size (uncompressed) are kept; smaller ones cost little to read again, larger ones too much memory
_LEAST, _MOST = 1 << 20, 64 << 20
_MOST_KEPT = 128 << 20
_KEPT: dict[tuple, bytes] = {}


def part_bytes(package: zipfile.ZipFile, entry: str | zipfile.ZipInfo) -> bytes:
    """``package.read(entry)``, decompressed once for a large part of a package read from a file."""
    info = entry if isinstance(entry, zipfile.ZipInfo) else package.getinfo(entry)
    if not isinstance(package.filename, str) or not _LEAST <= info.file_size <= _MOST:  # (a stream's: its fd)
        return package.read(info)
    key = (
        os.path.abspath(package.filename),
        info.filename,
        info.header_offset,
        info.CRC,
        info.compress_size,
        info.file_size,
        info.compress_type,
    )
    data = _KEPT.get(key)
    if data is None:
        data = package.read(info)  # (its CRC checked by zipfile as it is read)
        while _KEPT and sum(map(len, _KEPT.values())) + len(data) > _MOST_KEPT:
            del _KEPT[next(iter(_KEPT))]
        _KEPT[key] = data
    return data


def first_bad_part(package: zipfile.ZipFile) -> str | None:
    """``package.testzip()``: the name of the first part whose data does not match its CRC (None when every one
    does), a part that :func:`part_bytes` keeps read whole through it; other errors (zlib's) raised as testzip's."""
    for listed in package.filelist:
        info = package.getinfo(listed.filename)  # testzip opens by name: of a name given twice, its last entry
        try:
            if isinstance(package.filename, str) and _LEAST <= info.file_size <= _MOST:
                part_bytes(package, info)
            else:
                with package.open(info, "r") as stream:
                    while stream.read(1 << 20):
                        pass
        except zipfile.BadZipFile:
            return listed.filename
    return None


def forget_parts() -> None:
    """Give up every part kept."""
    _KEPT.clear()
