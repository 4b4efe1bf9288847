"""The code page of CSV text that is not UTF-8: Windows-1252 (Excel's "CSV" on Windows) or MacRoman (Mac Excel's
"CSV (Macintosh)"), told by the signs of misreading each reading shows, or refused.

Every byte above 127 is a different character in the two code pages, so both readings of such a file are read and
their **signs of misreading** counted (:data:`MISREAD`): a non-ASCII capital right after a small letter ("CafŽ",
"MŸller": MacRoman's é and ü read as Windows-1252), a small non-ASCII letter right before a capital ("OíBrien",
"AnneñMarie": Windows' apostrophe and dash read as MacRoman), a symbol between two letters ("S¿ren"; apostrophes,
dashes and bullets aside: "O’Brien", "A•B" are text as written), characters no export's text holds (Mac's
mathematical signs and ligatures "∑ √ ﬂ", spacing accents "¨ ´ ˆ", the ordinal signs "ª º" after anything but a
digit: "Proª" is Mac's "Pro™"), a dash or quote read as a capital standing alone between spaces ("2024 Ð 2025" is
Mac's "2024 – 2025"), a capital inside a word before its small letters ("MÅller": MS-DOS's ü read as MacRoman), a
capital that is no word (Windows' "€12" read as MacRoman "Ä12"; not À, Á, È, É, Ó, which begin sentences), a yen
or cent sign beside no number ("A ¥ B" is Mac's "A • B"), an undefined byte or a C1 control character. The
reading with fewer signs is taken. When both show as many (none, as in a file whose only non-ASCII character is an
apostrophe, "don’t" or "donít"), nothing tells which is right: the file is refused, naming both readings of its
first such value and ``--encoding`` (never a guess).
"""

from __future__ import annotations

import re

from .errors import DataError

__all__ = ["MISREAD", "single_byte_encoding"]

#: Signs of text decoded with the wrong single-byte code page (see the module docstring), one match per sign.
MISREAD = re.compile(
    r"[a-z][^\x00-\x7f](?<=[A-ZÀ-ÞŠŒŽŸ])"  # CafŽ
    r"|[ß-ÿšœžƒ](?<=[^\W\d_])(?=[A-Z])"  # OíBrien, AnneñMarie
    r"|[A-Za-z][^\x00-\x7f\w\s’‘–—•·…](?=[A-Za-z])"  # S¿ren
    r"|[∑∏π∫Ω√≈∆≠≤≥∞◊ﬁﬂıˆ˜¯˘˙˚¸˝˛ˇ¨´¤¦]|(?<!\d)[ªº]"  # signs no text holds; Proª
    r"|(?<=[ \t])[ÐÑÒÓÔÕÛÇÊ](?=[ \t])"  # 2024 Ð 2025
    r"|(?<=[A-Za-z])[À-ÖØ-ÞŠŒŽŸ](?=[a-z])"  # MÅller: a capital inside a word, before its small letters
    r"|(?<![^\W\d_])[ÂÃÄÅÆÇÊËÌÍÎÏÐÑÒÔÕÖØÙÚÛÜÝÞŠŒŽŸ](?![^\W\d_])"  # Ä12, 12,50 Ä: a capital that is no word
    r"|(?<![\d\s])[¥¢](?![\s\d])|(?<=\D\s)[¥¢](?=\s\D)|^[¥¢]$"  # A ¥ B
    r"|[\ufffd\x80-\x9f]",  # an undefined byte, a C1 control character
    re.MULTILINE,
)

#: The code pages told apart, with the name the refusal gives each.
_PAGES = {"cp1252": "Windows-1252 (Excel's CSV on Windows)", "mac_roman": "MacRoman (Mac Excel's CSV (Macintosh))"}


def _signs(text: str) -> int:
    return sum(1 for _ in MISREAD.finditer(text))


def _first_value(text: str, position: int) -> str:
    """The value around ``position``: the text between the separators, quotes or line ends on either side."""
    stops = ',;\t|"\n\r'
    start = max(text.rfind(c, 0, position) for c in stops) + 1
    ends = [i for i in (text.find(c, position) for c in stops) if i >= 0]
    return text[start : min(ends) if ends else len(text)].strip()


def single_byte_encoding(raw: bytes, source: str | None = None) -> str:
    r"""``cp1252`` or ``mac_roman``: the reading of ``raw`` with fewer signs of misreading (:data:`MISREAD`).

    Raises :class:`DataError` naming ``source`` (the file), both readings of its first non-ASCII value and
    ``--encoding`` when the two show as many signs (see the module docstring).

    >>> single_byte_encoding("name\nCafé Müller\nNoël\n".encode("mac_roman"))
    'mac_roman'
    >>> single_byte_encoding("name\nCafé Müller\nO’Brien €12\n".encode("cp1252"))
    'cp1252'
    >>> single_byte_encoding("id,name\nAB–CD,Anne–Marie\n1,O’Neil\n2,Straße–Nord\n3,A•B\n".encode("cp1252"))
    'cp1252'
    >>> single_byte_encoding("plan\nPro™\nA • B\n2024 – 2025\n".encode("mac_roman"))
    'mac_roman'
    >>> try:
    ...     single_byte_encoding("note\ndon’t\n".encode("cp1252"), "n.csv")
    ... except DataError as error:
    ...     print(str(error).split(" reads ")[1].split(": nothing")[0])
    its first such value as 'don’t', MacRoman (Mac Excel's CSV (Macintosh)) as 'donít'
    """
    readings = {page: raw.decode(page, errors="replace") for page in _PAGES}
    counts = {page: _signs(text) for page, text in readings.items()}
    if counts["cp1252"] != counts["mac_roman"]:
        return min(counts, key=lambda page: counts[page])
    name = source or "the file"
    windows, mac = readings["cp1252"], readings["mac_roman"]
    at = next(i for i, byte in enumerate(raw) if byte > 127)  # single-byte: positions are the same in both readings
    raise DataError(
        f"{name} is not UTF-8 text, and {_PAGES['cp1252']} reads its first such value as "
        f"{_first_value(windows, at)!r}, {_PAGES['mac_roman']} as {_first_value(mac, at)!r}: nothing in the file "
        "tells which is right; give its encoding: --encoding cp1252 or --encoding mac_roman",
        source=source,
    )
