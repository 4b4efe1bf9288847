"""CSV text of two encodings: UTF-8 lines and lines of a single-byte code page in one file, each line read in its own.

A file made of two exports appended (January's saved as UTF-8, February's by Excel's "CSV (Comma delimited)" in
Windows-1252, joined with ``cat`` or a text editor) is not UTF-8 as a whole, and read in one code page its UTF-8
lines are misread ("Café Müller" as "CafÃ© MÃ¼ller"): one customer would be two, the one lost, the other new. Such
a file (:func:`two_encodings`: lines with non-ASCII characters that are UTF-8, and lines that are not) is read line
by line (:func:`by_line`): a line that is UTF-8 as UTF-8 (a single-byte text is almost never valid UTF-8 where it has
non-ASCII characters), every other line in the code page its own lines show (:func:`~.codepages.single_byte_encoding`
on those lines alone, refused as there when nothing tells), through a codec registered under the name
``utf_8_lines_or_<page>`` so that every reading of the file (pandas, the ``csv`` module) reads it alike; a note
names the lines of each encoding. Lines that a Japanese, Chinese or Korean code page reads as its text are refused,
naming the readings: those pages read the same bytes alike, and ``--encoding`` would misread the UTF-8 lines (not when
that reading shows signs of misreading and a single-byte one none: :func:`~.codepages.east_asian`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Any

from .codepages import _EAST_ASIAN, east_asian, single_byte_encoding
from .errors import DataError
from .notes import note

__all__ = ["by_line", "two_encodings"]

_PREFIX = "utf_8_lines_or_"
_PAGES = ("cp1252", "mac_roman", "cp850", "latin_1")
_NAMES = {"cp1252": "Windows-1252", "mac_roman": "MacRoman", "cp850": "MS-DOS Latin-1 (cp850)", "latin_1": "Latin-1"}
#: One UTF-8 character of two bytes or more (well formed: no overlong forms, no surrogates).
_UTF8_CHARACTER = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_NON_ASCII_LINE = re.compile(rb"[^\n]*[\x80-\xff][^\n]*")
#: What a single-byte line valid as UTF-8 by chance reads as: a C1 control character (Windows' "Â" before a symbol),
#: or a letter of IPA, Greek, Cyrillic, Armenian, Hebrew, Arabic... beside a Latin letter (MacRoman's "l’école" is
#: the bytes of UTF-8's "lՎcole", its "“Élan”" of "҃lan").
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_OTHER = "\u0250-\u02ff\u0370-\u07ff"
_BY_CHANCE = re.compile(f"[\\x80-\\x9f]|[{_LATIN}][{_OTHER}]|[{_OTHER}][{_LATIN}]")


def _utf8(line: bytes) -> str | None:
    """``line`` read as UTF-8, or None when it is not UTF-8 or reads as a single-byte line valid by chance."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if _BY_CHANCE.search(text) else text


def _decode_lines(data: bytes, page: str) -> str:
    """``data`` (whole lines) decoded: as UTF-8 when it all is, else each line as UTF-8 or, when it is not, ``page``."""
    try:
        text = data.decode("utf-8")
        if not _BY_CHANCE.search(text):
            return text
    except UnicodeDecodeError:
        pass
    out = []
    for line in data.split(b"\n"):  # line feeds only: the same lines as :func:`_lines` finds
        text = _utf8(line)
        out.append(line.decode(page, errors="replace") if text is None else text)
    return "\n".join(out)


class _LineDecoder(codecs.IncrementalDecoder):
    page = "cp1252"

    def __init__(self, errors: str = "strict") -> None:
        super().__init__(errors)
        self._pending = b""

    def decode(self, input: Any, final: bool = False) -> str:  # noqa: A002 (the codecs API's name)
        data = self._pending + bytes(input)
        cut = len(data) if final else data.rfind(b"\n") + 1
        self._pending = data[cut:]
        return _decode_lines(data[:cut], self.page)

    def reset(self) -> None:
        self._pending = b""

    def getstate(self) -> tuple[bytes, int]:
        return self._pending, 0

    def setstate(self, state: tuple[bytes, int]) -> None:
        self._pending = state[0]


def _search(name: str) -> codecs.CodecInfo | None:
    page = name[len(_PREFIX) :] if name.startswith(_PREFIX) else None
    if page not in _PAGES:
        return None
    decoder = type(f"LineDecoder_{page}", (_LineDecoder,), {"page": page})
    return codecs.CodecInfo(
        name=name,
        encode=codecs.utf_8_encode,
        decode=lambda data, errors="strict": (_decode_lines(bytes(data), page), len(data)),
        incrementalencoder=codecs.getincrementalencoder("utf-8"),
        incrementaldecoder=decoder,
    )


codecs.register(_search)


def by_line(page: str) -> str:
    """The name of the codec that reads each line as UTF-8, or as ``page`` when it is not UTF-8.

    >>> "Café,1\\n".encode() + "Café,2\\n".encode("cp1252")
    b'Caf\\xc3\\xa9,1\\nCaf\\xe9,2\\n'
    >>> _.decode(by_line("cp1252"))
    'Café,1\\nCafé,2\\n'
    """
    return _PREFIX + page


@dataclass(frozen=True)
class _Lines:
    utf8: list[int]
    other: list[int]
    other_bytes: bytes


def _lines(data: Any) -> _Lines | None:
    """The 1-based lines of ``data`` with non-ASCII bytes that are UTF-8, and those that are not (and their bytes);
    None when no line is UTF-8 with a non-ASCII character (the file is of one single-byte code page)."""
    if not _UTF8_CHARACTER.search(data):
        return None
    utf8: list[int] = []
    other: list[int] = []
    parts: list[bytes] = []
    line, position = 1, 0
    for match in _NON_ASCII_LINE.finditer(data):
        line += data[position : match.start()].count(b"\n")
        position = match.start()
        text = bytes(match.group())
        if _utf8(text) is None:
            other.append(line)
            parts.append(text)
        else:
            utf8.append(line)
    if not utf8 or not other:
        return None
    return _Lines(utf8, other, b"\n".join(parts))


def _shown(lines: list[int]) -> str:
    """``lines`` as ranges, the first few: ``2-3, 7`` (``and 12 more lines``)."""
    runs: list[list[int]] = []
    for n in lines:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    text = ", ".join(f"{a}-{b}" if b > a else f"{a}" for a, b in runs[:4])
    rest = sum(b - a + 1 for a, b in runs[4:])
    return text + (f" and {rest} more" if rest else "")


def two_encodings(data: Any, source: str, given: str | None = None) -> str | None:
    r"""The codec (:func:`by_line`) of a file's bytes ``data`` (not UTF-8 as a whole) when some of its lines are UTF-8
    with non-ASCII characters and others are not (two exports appended), noting which lines are which; None when the
    file is of one code page. The code page of the other lines is ``given`` (``--encoding cp1252``: the UTF-8 lines
    are still UTF-8), else :func:`~.codepages.single_byte_encoding`'s on those lines alone (refused there, naming
    ``source``, when nothing tells).

    >>> two_encodings("id\nCafé\n".encode() + "Café\n".encode("cp1252"), "s.csv")
    'utf_8_lines_or_cp1252'
    >>> two_encodings("id\nCafé\n".encode("cp1252"), "s.csv") is None
    True
    """
    found = _lines(data)
    if found is None:
        return None
    utf8, other = (("line " if len(n) == 1 else "lines ") + _shown(n) for n in (found.utf8, found.other))
    east = east_asian(found.other_bytes) if given is None else {}
    if east:  # Shift-JIS, GBK, Big5, cp949 read the same bytes as text: never guessed, and --encoding reads one part
        read = ", ".join(
            f"{_EAST_ASIAN[page]} as {text.strip().splitlines()[0][:40]!r}" for page, (text, _) in east.items()
        )
        raise DataError(
            f"{source}: {utf8} {'is' if len(found.utf8) == 1 else 'are'} UTF-8 text and {other} not ({read}): two "
            f"exports in two encodings appended? save the file again in one encoding (UTF-8)",
            source=source,
        )
    page = given or single_byte_encoding(found.other_bytes, source)  # --encoding cp1252: that page's lines
    if page not in _PAGES:
        return None
    note(
        f"{source}: {utf8} {'is' if len(found.utf8) == 1 else 'are'} UTF-8 text, {other} {_NAMES[page]} (two "
        f"exports appended?): each line was read in its own encoding"
    )
    return by_line(page)
