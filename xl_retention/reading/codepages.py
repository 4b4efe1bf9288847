"""The code page of CSV text that is not UTF-8: Windows-1252 (Excel's "CSV" on Windows), MacRoman (Mac Excel's
"CSV (Macintosh)") or MS-DOS Latin-1 (code page 850: DOS programs, the Windows console, older accounting and
point-of-sale systems), told by the signs of misreading each reading shows, or refused.

Every byte above 127 is a different character in the three code pages, so every reading of such a file is read
and its **signs of misreading** counted (:data:`MISREAD`): a non-ASCII capital right after a small letter ("CafŽ",
"MŸller": MacRoman's é and ü read as Windows-1252), a small non-ASCII letter right before a capital ("OíBrien",
"AnneñMarie": Windows' apostrophe and dash read as MacRoman), a symbol between two letters ("S¿ren"; apostrophes,
dashes and bullets aside: "O’Brien", "A•B" are text as written), characters no export's text holds (Mac's
mathematical signs and ligatures "∑ √ ﬂ", spacing accents "¨ ´ ˆ", the ordinal signs "ª º" after anything but a
digit: "Proª" is Mac's "Pro™"; DOS's box drawing "▄ ╔ ┼" and "¬"), a dash or quote read as a capital standing
alone between spaces ("2024 Ð 2025" is Mac's "2024 – 2025"), a capital inside a word before its small letters
("MÅller": MS-DOS's ü read as MacRoman), a capital that is no word (Windows' "€12" read as MacRoman "Ä12"; not À,
Á, È, É, Ó, Ø, which begin sentences or are words), a yen or cent sign beside no number ("A ¥ B" is Mac's "A • B"),
and the traces of MS-DOS's letters read as another page or the others' read as MS-DOS's: a low quote closing a
word ("Caf‚" is DOS's "Café"), a no-break space inside a word ("B sico": "Básico"), a superscript digit or "ƒ"
inside a word ("M³ller", "Mƒller": Windows' and Mac's "Müller"), a middle dot, "÷" or "°" ending a word ("Per·",
"Malm÷", "Troms°"), "õ" after a letter and before no e or s ("Wõhrung": Windows' "Währung"; Portuguese writes
"ações", "põe"), "µ" between letters ("Bµk": "Bæk"), "ç" before a consonant, "þ" or "ì" between a letter and
a, o, u ("Garþon": "Garçon"), a letter between digits ("2024ð2025") and "Æ" as an apostrophe ("OÆNeil"); an
undefined byte or a C1 control character.
The reading with fewest signs is taken. When two or more show as few (none, as in a file whose only non-ASCII
character is an apostrophe, "don’t" or "donít", or "Straße" that Windows reads "Straáe"), nothing tells which is
right: the file is refused, naming those readings of its first such value and ``--encoding`` (never a guess).

Excel's CSV files in Japan, China, Taiwan and Korea are in the system's double-byte code page (:data:`_EAST_ASIAN`:
Shift-JIS, GBK, Big5, cp949), which every single-byte reading misreads ("田中" as "ôcÆå"), mostly with signs but
not always (MacRoman reads Shift-JIS's "田中商事" as "ìcíÜè§éñ" with none). A file which an East Asian code page
reads as East Asian text only is refused, naming each such reading and ``--encoding``: Shift-JIS and GBK often both
read the same bytes as text, so it is never guessed. Unless that reading has a sign of its own and the best
single-byte reading none: one East Asian character alone between a Latin letter and a letter or digit is a
single-byte accented letter and the byte after it read as one character (a German "Grüntee" in Windows-1252 is
GBK's "Gr黱tee", "Zoë|20200101" its "Zo雦20200101"), and
one half-width katakana alone is one byte read as Shift-JIS's (Mac's "Pro™" as "Proｪ").
"""

from __future__ import annotations

import re

from .errors import DataError

__all__ = ["MISREAD", "east_asian", "single_byte_encoding"]

#: Signs of text decoded with the wrong single-byte code page (see the module docstring), one match per sign.
MISREAD = re.compile(
    r"[a-z][^\x00-\x7f](?<=[A-ZÀ-ÞŠŒŽŸ])"  # CafŽ
    r"|[ß-ÿšœžƒ](?<=[^\W\d_])(?=[A-Z])"  # OíBrien, AnneñMarie
    r"|[A-Za-z][^\x00-\x7f\w\s’‘–—•·…](?=[A-Za-z])"  # S¿ren
    r"|[∑∏π∫Ω√≈∆≠≤≥∞◊ﬁﬂıˆ˜¯˘˙˚¸˝˛ˇ¨´¤¦]|(?<!\d)[ªº]"  # signs no text holds; Proª
    r"|(?<=[ \t])[ÐÑÒÓÔÕÛÇÊ](?=[ \t])"  # 2024 Ð 2025
    r"|(?<=[A-Za-z])[À-ÖØ-ÞŠŒŽŸ](?=[a-z])"  # MÅller: a capital inside a word, before its small letters
    r"|(?<![^\W\d_])[ÂÃÄÅÆÇÊËÌÍÎÏÐÑÒÔÕÖÙÚÛÜÝÞŠŒŽŸ](?![^\W\d_])"  # Ä12, 12,50 Ä: a capital that is no word
    r"|(?<![\d\s])[¥¢](?![\s\d])|(?<=\D\s)[¥¢](?=\s\D)|^[¥¢]$"  # A ¥ B
    r"|[\u2500-\u259f]"  # box drawing and blocks: Windows' or Mac's letters read as MS-DOS ('Ü' as '▄')
    r"|(?<=[^\W\d_])[¹²³](?=[^\W\d_])|(?<=[^\W\d_])ƒ|ƒ(?=[^\W\d_])"  # M³ller, Mƒller: a letter read as MS-DOS's
    r"|(?<=[^\W\d_])[·÷](?![^\W\d_])|(?<=[a-z])[°÷]|[¬]"  # Per·, Malm÷, Troms°: Windows' ú, ö, ø as MS-DOS's
    r"|(?<=[A-Z])Æ(?=[A-Z][a-z])|(?<=\d)[^\x00-\x7f](?<=[^\W\d_])(?=\d)"  # OÆNeil, 2024ð2025: a quote, a dash
    r"|(?<=[^\W\d_])ç(?=[b-df-hj-np-tv-z])"  # Bçsico: Mac's á as MS-DOS's (ç comes before a, o, u)
    r"|(?<=[A-Za-z])[þì](?=[aou])"  # Garþon, Garìon: Windows' and Mac's ç as MS-DOS's (þ, ì stand elsewhere)
    r"|(?<=[^\W\d_])[‚„]"  # Caf‚: MS-DOS's é, ä as Windows' low quotes, which open a quote, never close a word
    r"|(?<=[A-Za-z])\xa0(?=[a-z])"  # B sico: MS-DOS's á as Windows' no-break space, inside a word
    r"|(?<=[^\W\d_])õ(?![eEsS])|(?<=[^\W\d_])µ(?=[^\W\d_])"  # Wõhrung, Bµk: Windows' ä, æ as MS-DOS's (ões, µg)
    r"|[\ufffd\x80-\x9f]",  # an undefined byte, a C1 control character
    re.MULTILINE,
)

#: The code pages told apart, with the name the refusal gives each.
_PAGES = {
    "cp1252": "Windows-1252 (Excel's CSV on Windows)",
    "mac_roman": "MacRoman (Mac Excel's CSV (Macintosh))",
    "cp850": "MS-DOS Latin-1 (code page 850: DOS programs' and the Windows console's text)",
}


#: The double-byte code pages of Excel's CSV files in East Asia (the system's ANSI code page), with their names.
_EAST_ASIAN = {
    "cp932": "Japanese Shift-JIS (cp932)",
    "gbk": "Chinese GBK (cp936)",
    "big5": "Chinese Big5 (cp950)",
    "cp949": "Korean (cp949)",
}
_EAST_ASIAN_TEXT = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")


#: An East Asian character alone between a Latin letter and a letter or digit (a single-byte letter and the byte
#: after it read as one: "Grüntee" as "Gr黱tee", "Zoë|2020" as "Zo雦2020"; not between digits: "2024年1月"), a
#: half-width katakana alone (Shift-JIS's reading of one byte: Mac's "Pro™" as "Proｪ", "A • B" as "A ･ B").
_EAST_ASIAN_MISREAD = re.compile(
    r"(?<=[A-Za-z])[^\x00-\x7f](?=[A-Za-z0-9])|(?<=[0-9])[^\x00-\x7f](?=[A-Za-z])"
    r"|(?<![\uff61-\uff9f])[\uff61-\uff9f](?![\uff61-\uff9f])"
)


def east_asian(raw: bytes) -> dict[str, tuple[str, str]]:
    r"""The East Asian code pages (:data:`_EAST_ASIAN`) that read ``raw`` without an error and give East Asian
    characters only (kana, Han, Hangul, full-width forms) for its non-ASCII text, at least two, and that the best
    single-byte reading does not beat (see the module docstring): ``{page: (text, its first such character)}``.

    >>> list(east_asian("名前\n田中商事\n".encode("cp932")))
    ['cp932', 'gbk', 'cp949']
    >>> east_asian("Artikel\nGrüntee 100 g\nGrüntee 50 g\n".encode("cp1252"))
    {}
    """
    found: dict[str, tuple[str, str]] = {}
    signs: dict[str, int] = {}
    for page in _EAST_ASIAN:
        try:
            text = raw.decode(page)
        except UnicodeDecodeError:
            continue
        other = [c for c in text if ord(c) > 127]
        if len(other) >= 2 and all(_EAST_ASIAN_TEXT.match(c) for c in other):
            found[page] = (text, other[0])
            signs[page] = len(_EAST_ASIAN_MISREAD.findall(text))
    if found and min(signs.values()) > 0 and min(_readings(raw)[1].values()) == 0:
        return {}
    return found


def _readings(raw: bytes) -> tuple[dict[str, str], dict[str, int]]:
    """``raw`` read in each single-byte code page (:data:`_PAGES`), and each reading's signs of misreading."""
    readings = {page: raw.decode(page, errors="replace") for page in _PAGES}
    return readings, {page: _signs(text) for page, text in readings.items()}


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
    readings, counts = _readings(raw)
    fewest = min(counts.values())
    best = [page for page in _PAGES if counts[page] == fewest]
    name = source or "the file"
    at = next(i for i, byte in enumerate(raw) if byte > 127)  # single-byte: positions are the same in every reading
    if east := east_asian(raw):  # Excel's CSV in Japan, China, Taiwan, Korea: never guessed
        read = ", ".join(f"{_EAST_ASIAN[page]} as {_first_value(text, text.find(first))!r}" for page, (text, first)
                         in east.items())  # fmt: skip
        options = " or ".join(f"--encoding {page}" for page in [*east, best[0]])
        raise DataError(
            f"{name} is not UTF-8 text: {read}, {_PAGES[best[0]]} as {_first_value(readings[best[0]], at)!r}; "
            f"give its encoding: {options}",
            source=source,
        )
    if len(best) == 1:
        return best[0]
    read = ", ".join(f"{_PAGES[page]} as {_first_value(readings[page], at)!r}" for page in best[1:])
    options = " or ".join(f"--encoding {page}" for page in best)
    raise DataError(
        f"{name} is not UTF-8 text, and {_PAGES[best[0]]} reads its first such value as "
        f"{_first_value(readings[best[0]], at)!r}, {read}: nothing in the file tells which is right; give its "
        f"encoding: {options}",
        source=source,
    )
