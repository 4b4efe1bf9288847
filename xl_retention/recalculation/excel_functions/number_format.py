"""Excel number formats, as TEXT applies them: sections, digit placeholders, dates and times.

Supported: up to four sections (positive; negative; zero; text), conditions (``[>=1000]0,"K";0``) for a number
that is not negative (:func:`_conditional`), ``0 # ?``
placeholders with literals between them (``00000-0000``), thousands separators and scaling
commas, ``%``, scientific ``E+``/``E-``, fractions (``# ?/?``, ``?/8``), quoted text, ``\\x``
escapes, ``_x`` spaces (the width of x), ``*x`` fills (dropped), colours and locale tags
(``[$€-407]`` shows its symbol; month and day names in English or the tag's language, ``[$-407]mmmm`` is
"Januar": :mod:`.locale_names`; names it does not know raise :class:`FormatNotSupported`), ``@``, ``General``, and
dates and times (``yyyy yy m mm mmm mmmm mmmmm d dd ddd dddd h hh m mm s ss .0 AM/PM A/P [h] [m]
[s]``). Numbers are rounded as Excel shows them: from their 15 significant digits, halves away
from zero. A format this module does not know (a negative number under conditions such as
``[>100]``), or one in another language's codes (German ``TT.MM.JJJJ``, :mod:`.format_codes`),
raises :class:`FormatNotSupported`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

from ._core import ExcelError, fifteen
from .format_codes import foreign_codes
from .locale_names import ENGLISH, FormatNotSupported, Names, section_names, short_names_gap

#: a section's condition: [>=1000], [<0.5], [=0], [<>3]
_CONDITION = re.compile(r"\[(<=|>=|<>|<|>|=)\s*(-?(?:\d+\.?\d*|\.\d+))\]")
_TESTS = {
    "<": lambda a, b: a < b,
    ">": lambda a, b: a > b,
    "=": lambda a, b: a == b,
    "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
    "<>": lambda a, b: a != b,
}


def _condition(section: str) -> tuple[re.Match[str] | None, str]:
    """(the section's condition, the section without it); quoted text and escapes are not read for one."""
    masked = re.sub(r'"[^"]*"|\\.', lambda m: "\0" * len(m.group(0)), section)
    found = _CONDITION.search(masked)
    if found is None:
        return None, section
    return found, section[: found.start()] + section[found.end() :]


def _conditional(sections: list[str], value: float) -> str | None:
    """The section (its condition taken out) a number picks in a format with conditions, as Excel picks it: the first
    section whose condition it meets, else the next section without one (two sections), or the third after two
    conditions; None for a format without conditions. A negative number, a condition past the second section, or a
    number meeting none (Excel's ####) raise :class:`FormatNotSupported`: where Excel shows the sign is not sure.

    >>> _conditional(['[>=1000]#,##0,"K"', "0"], 1234.5), _conditional(['[>=1000]#,##0,"K"', "0"], 500)
    ('#,##0,"K"', '0')
    >>> _conditional(["[Red][<=100]0", "[Blue][>100]0.0"], 150), _conditional(["0", "0"], 5)
    ('[Blue]0.0', None)
    """
    conditions = [_condition(section) for section in sections]
    if all(found is None for found, _ in conditions):
        return None
    if any(found is not None for found, _ in conditions[2:]) or conditions[0][0] is None or value < 0:
        raise FormatNotSupported("a format with conditions for this number")
    for found, rest in conditions[:2]:
        if found is None:
            if len(sections) == 2:
                return rest
            break
        if _TESTS[found.group(1)](value, float(found.group(2))):
            return rest
    else:
        if len(sections) >= 3:
            return conditions[2][1]
    raise FormatNotSupported("a format with conditions for this number")


def _sections(fmt: str) -> list[str]:
    out, current, i = [], "", 0
    while i < len(fmt):
        c = fmt[i]
        if c == '"':
            end = fmt.find('"', i + 1)
            end = len(fmt) - 1 if end < 0 else end
            current += fmt[i : end + 1]
            i = end + 1
            continue
        if c in "\\_*" and i + 1 < len(fmt):
            current += fmt[i : i + 2]
            i += 2
            continue
        if c == "[":
            end = fmt.find("]", i)
            end = len(fmt) - 1 if end < 0 else end
            current += fmt[i : end + 1]
            i = end + 1
            continue
        if c == ";":
            out.append(current)
            current = ""
        else:
            current += c
        i += 1
    out.append(current)
    return out


# token kinds: ("lit", text) literal; ("code", text) a format code
_DATE_CODE = re.compile(r"(?i)(yyyy|yy|e{1,2}|m{1,5}|d{1,4}|h{1,2}|s{1,2}|am/pm|a/p|\[h+\]|\[m+\]|\[s+\]|\.0+)")


#: a date or time code among a format's tokens (not a separator such as . , - / that a number's codes share)
_DATE_TIME = re.compile(r"(?i)\[?[ymdhse]|am/pm|a/p")


def _tokens(section: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(section):
        c = section[i]
        if c == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            out.append(("lit", section[i + 1 : end]))
            i = end + 1
        elif c == "\\" and i + 1 < len(section):
            out.append(("lit", section[i + 1]))
            i += 2
        elif c == "_" and i + 1 < len(section):
            out.append(("lit", " "))
            i += 2
        elif c == "*" and i + 1 < len(section):
            i += 2  # a fill: nothing in TEXT's result
        elif c == "[":
            end = section.find("]", i)
            tag = section[i + 1 : end] if end > 0 else section[i + 1 :]
            i = (end if end > 0 else len(section)) + 1
            if re.fullmatch(r"(?i)h+|m+|s+", tag):
                out.append(("code", f"[{tag.lower()}]"))
            elif tag.startswith("$"):
                symbol = tag[1:].split("-")[0]
                if symbol:
                    out.append(("lit", symbol))
            elif re.fullmatch(r"(?i)black|blue|cyan|green|magenta|red|white|yellow|color\s*\d+", tag):
                continue
            else:
                raise FormatNotSupported(f"format condition [{tag}]")
        elif section[i : i + 7].lower() == "general":  # General among literals ("$"General, General" units")
            out.append(("code", "General"))
            i += 7
        else:
            match = _DATE_CODE.match(section, i)
            if match and not (match.group(0).startswith(".") and not _has_seconds(section)):
                out.append(("code", match.group(0)))
                i = match.end()
            else:
                out.append(("code" if c in "0#?.,%Ee+-/@" else "lit", c))
                i += 1
    return out


def _has_seconds(section: str) -> bool:
    plain = re.sub(r'"[^"]*"|\\.', "", section)
    return bool(re.search(r"(?i)s", plain)) and _is_date(section)


_NOT_CODES = re.compile(r'"[^"]*"|\\.|_.|\*.|\[\$[^\]]*\]|\[(?i:black|blue|cyan|green|magenta|red|white|yellow)\]')
_FRACTION = re.compile(r"(?:(?P<whole>[#0?,]+)(?P<gap>\s+))?(?P<num>[#0?]+)\s*/\s*(?P<den>[#0?]+|\d+)(?P<tail>.*)")


def _is_date(section: str) -> bool:
    plain = re.sub(
        r'"[^"]*"|\\.|_.|\*.|\[\$[^\]]*\]|\[(?i:black|blue|cyan|green|magenta|red|white|yellow)\]', "", section
    )
    # e and ee: the year ("In Office, date format codes e and ee become yyyy in all locales other than JPN/CHT",
    # Microsoft's MS-OI29500 2.1.713 f), alone too: TEXT(A1,"e") is 2024, not "e"
    dated = re.search(r"(?i)[ymdhs]|am/pm|a/p|\[[hms]+\]|(?<![a-z])e{1,2}(?![a-z])", plain)
    return bool(dated) and not re.search(r"(?i)e[+-]", plain)


#: room for every digit of a double shown in full (1E+308 with 127 decimals): quantize never runs out of precision
_WIDE = Context(prec=500)


def round_decimal(value: float, places: int) -> Decimal:
    """``value`` at its 15 significant digits rounded to ``places`` decimals (left of the point when negative),
    halves away from zero, as Excel's ROUND, TEXT, FIXED and DOLLAR round.

    >>> round_decimal(1.005, 2), round_decimal(2.0**70, 0), round_decimal(1234.5, -2)
    (Decimal('1.01'), Decimal('1180591620717410000000'), Decimal('1.2E+3'))
    """
    exact = Decimal(f"{fifteen(value):.15g}")
    step = Decimal(1).scaleb(-places)
    if places >= 0:
        return exact.quantize(step, rounding=ROUND_HALF_UP, context=_WIDE)
    return (exact / step).quantize(Decimal(1), rounding=ROUND_HALF_UP, context=_WIDE) * step


def _round(value: float, places: int) -> Decimal:
    return round_decimal(value, places) if places >= 0 else Decimal(f"{fifteen(value):.15g}")


def _general(value: float) -> str:
    """``value`` as the General format shows it: at most 11 characters of digits and decimal point (Microsoft KB 65903:
    "if the number contains a decimal point, Excel can display up to 10 significant digits"), the sign besides;
    12 or more digits before the point, or a number below 1E-9, in scientific notation.

    >>> _general(1 / 3), _general(100 / 3), _general(2000 / 3), _general(1234567890.5), _general(-45356.6041666667)
    ('0.333333333', '33.33333333', '666.6666667', '1234567891', '-45356.60417')
    """
    if value == 0:
        return "0"
    magnitude = abs(value)
    if magnitude < 1e11 and magnitude >= 1e-9:
        whole = max(1, int(math.floor(math.log10(magnitude))) + 1)  # the digits before the point
        text = f"{_round(value, max(0, 10 - whole)):f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        if abs(float(text)) < 1e11:  # (99999999999.5 rounds to 12 digits: scientific)
            return text
    mantissa, exponent = f"{value:.5E}".split("E")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}E{int(exponent):+03d}"


def _fill_integer(digits: str, placeholders: list[tuple[str, str]], group: bool) -> str:
    """Digits right-aligned into the integer placeholders (literals stay in place); extra digits go first.

    With ``group``, the zeros that pad to the leftmost ``0`` placeholder are grouped too, as Excel
    groups them (``TEXT(12, "0,000")`` is "0,012", ``TEXT(5, "00,000")`` "00,005").
    """
    if group:
        codes = [text for kind, text in placeholders if kind == "code"]
        first_zero = next((i for i, code in enumerate(codes) if code == "0"), len(codes))
        padded = digits.rjust(len(codes) - first_zero, "0")
        groups = [padded[max(0, end - 3) : end] for end in range(len(padded), 0, -3)]
        digits = ",".join(reversed(groups))
    chars = list(digits)
    slots = sum(1 for kind, _ in placeholders if kind == "code")
    out: list[str] = []  # built from the right
    seen = 0
    for kind, text in reversed(placeholders):
        if kind == "lit":
            out.append(text)
            continue
        seen += 1
        if chars:
            out.append(chars.pop())
            if out[-1] == "," and chars:
                out.append(chars.pop())
        elif text == "0":
            out.append("0")
        elif text == "?":
            out.append(" ")
        if seen == slots and chars:  # the leftmost placeholder takes every digit left
            out.append("".join(chars))
            chars = []
    if chars:  # no integer placeholder at all (".0"): the digits still show, before the point
        out.append("".join(chars))
    return "".join(reversed(out))


def _number(value: float, tokens: list[tuple[str, str]]) -> str:
    codes = "".join(t for k, t in tokens if k == "code")
    if "/" in codes and re.search(r"[0#?]\s*/|/\s*[0-9?#]", "".join(t for _, t in tokens)):
        return _fraction(value, tokens)
    percent = codes.count("%")
    value = value * 100**percent
    # scaling commas: commas right after the last digit placeholder (before the point or the end)
    digit_positions = [i for i, (k, t) in enumerate(tokens) if k == "code" and t in "0#?"]
    point = next((i for i, (k, t) in enumerate(tokens) if k == "code" and t == "."), None)
    exponent_at = next((i for i, (k, t) in enumerate(tokens) if k == "code" and t in "Ee"), None)
    integer_end = point if point is not None else (exponent_at if exponent_at is not None else len(tokens))
    last_int_digit = max((i for i in digit_positions if i < integer_end), default=None)
    scale = 0
    cleaned: list[tuple[str, str]] = []
    for i, (kind, text) in enumerate(tokens):
        if kind == "code" and text == ",":
            previous = tokens[i - 1] if i else ("lit", "")
            following = tokens[i + 1] if i + 1 < len(tokens) else ("lit", "")
            if not (previous[0] == "code" and previous[1] in "0#?,"):
                cleaned.append(("lit", ","))  # after a literal or at the start: shown as it is
            elif point is not None and i > point:
                if i > max(digit_positions, default=-1):
                    scale += 1  # after the last decimal placeholder: scales
            elif following[0] == "code" and following[1] in "0#?" and i < (last_int_digit or -1):
                cleaned.append(("group", ","))
            elif last_int_digit is not None and i > last_int_digit:
                scale += 1  # after the last integer placeholder: scales by 1000
            continue
        if kind == "code" and text == "%":
            cleaned.append(("lit", "%"))
            continue
        if kind == "code" and text in "+-":
            cleaned.append(("lit", text))
            continue
        cleaned.append((kind, text))
    value = value / 1000**scale
    tokens = cleaned
    group = any(k == "group" for k, _ in tokens)
    tokens = [t for t in tokens if t[0] != "group"]
    point = next((i for i, (k, t) in enumerate(tokens) if k == "code" and t == "."), None)
    exponent_at = next((i for i, (k, t) in enumerate(tokens) if k == "code" and t in "Ee"), None)
    end = exponent_at if exponent_at is not None else len(tokens)
    int_part = tokens[: point if point is not None else end]
    dec_part = tokens[point + 1 : end] if point is not None else []
    decimals = sum(1 for k, t in dec_part if k == "code" and t in "0#?")
    exponent_text = ""
    if exponent_at is not None:
        sign = tokens[exponent_at + 1][1] if exponent_at + 1 < len(tokens) else "+"
        exp_digits = [t for k, t in tokens[exponent_at + 2 :] if k == "code" and t in "0#?"]
        int_slots = sum(1 for k, t in int_part if k == "code" and t in "0#?") or 1
        exponent = 0
        if value != 0:
            exponent = math.floor(math.log10(abs(value)))
            exponent = exponent - (exponent % int_slots) if int_slots > 1 else exponent
        mantissa = _round(value / 10.0**exponent, decimals)
        if value != 0 and abs(mantissa) >= 10**int_slots:
            exponent += int_slots
            mantissa = _round(value / 10.0**exponent, decimals)
        rounded = mantissa
        exp_sign = "-" if exponent < 0 else ("+" if sign == "+" else "")
        exponent_text = tokens[exponent_at][1] + exp_sign + str(abs(exponent)).rjust(len(exp_digits), "0")
        trailing = [t for k, t in tokens[exponent_at + 2 :] if k == "lit"]
        exponent_text += "".join(trailing)
    else:
        rounded = _round(value, decimals)
    text = f"{abs(rounded):f}"
    whole, _, fraction = text.partition(".")
    whole = whole.lstrip("0")
    fraction = fraction.ljust(decimals, "0")[:decimals]
    out = _fill_integer(whole, int_part, group)
    if point is not None:
        digits_out: list[str] = []
        significant = len(fraction.rstrip("0"))  # past these, a 0 shows 0, a ? a space, a # nothing
        d = 0
        for kind, text_ in dec_part:
            if kind == "lit" or text_ not in "0#?":
                digits_out.append(text_)
                continue
            if d < significant or text_ == "0":
                digits_out.append(fraction[d])
            elif text_ == "?":
                digits_out.append(" ")
            d += 1
        out += "." + "".join(digits_out)
    return out + exponent_text


def _fraction(value: float, tokens: list[tuple[str, str]]) -> str:
    source = "".join(t for _, t in tokens)
    match = re.fullmatch(
        r"(?:(?P<whole>[#0?,]+)(?P<gap>\s+))?(?P<num>[#0?]+)\s*/\s*(?P<den>[#0?]+|\d+)(?P<tail>.*)", source
    )
    if match is None:
        raise FormatNotSupported(f"fraction format {source!r}")
    magnitude = abs(value)
    den_spec = match.group("den")
    whole = int(magnitude) if match.group("whole") else 0
    rest = magnitude - whole
    fixed = re.fullmatch(r"[1-9]\d*", den_spec) is not None
    if fixed:  # a fixed denominator (?/8, ?/100); 0/0's 0 is a digit placeholder
        denominator = int(den_spec)
        numerator = int(_round(rest * denominator, 0))
    else:
        frac = Fraction(rest).limit_denominator(10 ** len(den_spec) - 1)
        numerator, denominator = frac.numerator, frac.denominator
    if numerator == denominator and match.group("whole"):
        whole, numerator = whole + 1, 0
    width, num_spec = len(den_spec), match.group("num")
    placeholder_zero = "0" in num_spec or ("0" in den_spec and not fixed)  # not ?/10's 0: a fixed denominator
    if numerator == 0 and match.group("whole") and placeholder_zero:  # '0 0/0' of 5: LibreOffice's
        raise FormatNotSupported(f"fraction format {source!r} of a whole number")  # '5 0/1'; Excel's undocumented
    if numerator == 0 and match.group("whole"):
        body = " " * (len(num_spec) + 1 + width)
    else:  # a 0 placeholder pads with zeros (00/00: 2.5 is 05/02, H509's finding 05), a ? with spaces
        top = _whole_digits(numerator, num_spec, True) if "0" in num_spec else str(numerator).rjust(len(num_spec))
        bottom = (
            _whole_digits(denominator, den_spec, True)
            if "0" in den_spec and not fixed
            else str(denominator).ljust(width)
        )
        body = f"{top}/{bottom}"
    head = ""
    if match.group("whole"):  # a whole part of 0 beside a numerator is shown as its placeholders show a 0's digits
        head = _whole_digits(whole, match.group("whole"), shown=bool(whole) or numerator == 0) + match.group("gap")
    return head + body + match.group("tail")


def _whole_digits(whole: int, spec: str, shown: bool) -> str:
    """A fraction's whole part under its digit placeholders ``spec``: each place past the number's digits is ``0`` for
    a 0, a space for a ?, nothing for a # (H509's finding 01: ``0 ?/?`` showed 0.5 as " 1/2", Excel "0 1/2"); ``shown``
    False: the whole part is 0 beside a numerator, so it has no digit of its own (``# ?/?`` shows " 1/2").

    >>> _whole_digits(0, "0", False), _whole_digits(0, "00", False), _whole_digits(0, "#", False)
    ('0', '00', '')
    >>> _whole_digits(1, "00", True), _whole_digits(1, "??", True), _whole_digits(0, "??", True)
    ('01', ' 1', ' 0')
    >>> _whole_digits(0, "#,##0", False), _whole_digits(12345, "#,##0", True)
    ('0', '12,345')
    """
    places = spec.replace(",", "")
    digits = (f"{whole:,}" if "," in spec else str(whole)) if shown else ""
    count = sum(ch.isdigit() for ch in digits)
    pad = "".join({"0": "0", "?": " "}.get(place, "") for place in places[: max(len(places) - count, 0)])
    return pad + digits


def _serial_parts(
    serial: float, precision: int, date1904: bool = False
) -> tuple[int, int, int, int, int, int, Decimal, int]:
    """(year, month, day, hour, minute, second, fraction of second, weekday 0=Sunday) of an Excel serial.

    ``date1904``: the serial counts days from 1 January 1904 (a Friday), as in a 1904-system workbook.
    """
    if serial < 0:
        raise ExcelError("#VALUE!")
    total = _round(serial * 86400, precision)
    days = int(total // 86400)
    seconds = total - days * 86400
    if date1904:
        if days >= 2957004:  # past 9999
            year = month = day = -1
        else:
            date = dt.date(1904, 1, 1) + dt.timedelta(days=days)
            year, month, day = date.year, date.month, date.day
        whole = int(seconds)
        return year, month, day, whole // 3600, whole % 3600 // 60, whole % 60, seconds - whole, (days + 5) % 7
    if days == 0:
        year, month, day = 1900, 1, 0
    elif days == 60:
        year, month, day = 1900, 2, 29
    elif days >= 2958466:  # past 9999: only elapsed times ([h], [m], [s]) can be shown
        year = month = day = -1
    else:
        date = dt.date(1899, 12, 31 if days < 60 else 30) + dt.timedelta(days=days)
        year, month, day = date.year, date.month, date.day
    whole = int(seconds)
    return year, month, day, whole // 3600, whole % 3600 // 60, whole % 60, seconds - whole, (days + 6) % 7


def _date(value: float, tokens: list[tuple[str, str]], date1904: bool = False, names: Names = ENGLISH) -> str:
    months, short_months, days, short_days, _ = names
    codes = [t.lower() for k, t in tokens if k == "code"]
    precision = max((len(c) - 1 for c in codes if c.startswith(".")), default=0)
    year, month, day, hour, minute, second, fraction, weekday = _serial_parts(value, precision, date1904)
    total_seconds = _round(value * 86400, precision)
    ampm = any(c in ("am/pm", "a/p") for c in codes)
    if year < 0 and any(c[0] in "ymdhs" for c in codes if c[0] != "["):
        raise ExcelError("#VALUE!")
    out: list[str] = []
    code_indexes = [i for i, (k, _) in enumerate(tokens) if k == "code"]
    for i, (kind, text) in enumerate(tokens):
        if kind == "lit":
            out.append(text)
            continue
        low = text.lower()
        position = code_indexes.index(i)
        # the date and time codes around it: a separator between them ('hh.mm', 'hh-mm', 'mm.ss': the . , - / a
        # number's codes elsewhere) leaves an m beside an hour or before seconds the minutes (H509's finding 08)
        before = [tokens[j][1].lower() for j in code_indexes[:position] if _DATE_TIME.match(tokens[j][1])]
        after = [tokens[j][1].lower() for j in code_indexes[position + 1 :] if _DATE_TIME.match(tokens[j][1])]
        if low in ("yyyy", "e", "ee"):
            out.append(str(year))
        elif low == "yy":
            out.append(f"{year % 100:02d}")
        elif (
            low.startswith("m")
            and not low.startswith("[")
            and len(low) <= 2
            and (
                (before and before[-1].lstrip("[").startswith("h")) or (after and after[0].lstrip("[").startswith("s"))
            )
        ):
            out.append(f"{minute:02d}" if low == "mm" else str(minute))
        elif low.startswith("m") and not low.startswith("["):
            if short_months is None and len(low) == 3:
                raise FormatNotSupported(short_names_gap(names, low))
            named = months[month - 1] if len(low) == 4 else months[month - 1][0]
            shown = {1: str(month), 2: f"{month:02d}", 3: short_months[month - 1] if short_months else ""}
            out.append(shown.get(len(low), named))
        elif low.startswith("d"):
            if short_days is None and len(low) == 3:
                raise FormatNotSupported(short_names_gap(names, low))
            shown = {1: str(day), 2: f"{day:02d}", 3: short_days[weekday] if short_days else ""}
            out.append(shown.get(len(low), days[weekday]))
        elif low.startswith("h"):
            h = hour % 12 or 12 if ampm else hour
            out.append(f"{h:02d}" if low == "hh" else str(h))
        elif low.startswith("s"):
            out.append(f"{second:02d}" if low == "ss" else str(second))
        elif low.startswith("."):
            digits = f"{fraction:f}".partition(".")[2].ljust(len(low) - 1, "0")[: len(low) - 1]
            out.append("." + digits)
        elif low in ("am/pm", "a/p"):
            marker = "AM" if hour < 12 else "PM"
            out.append(marker if low == "am/pm" else marker[0])
        elif low.startswith("[h"):
            out.append(str(int(total_seconds // 3600)).rjust(len(low) - 2, "0"))
        elif low.startswith("[m"):
            out.append(str(int(total_seconds // 60)).rjust(len(low) - 2, "0"))
        elif low.startswith("[s"):
            out.append(str(int(total_seconds)).rjust(len(low) - 2, "0"))
        else:
            out.append(text)
    return "".join(out)


def format_value(value: float | str, fmt: str, date1904: bool = False) -> str:
    """``value`` shown with the Excel number format ``fmt``, as TEXT(value, fmt) returns it.

    ``date1904``: dates are serial numbers of the 1904 date system (day 0 is 1 January 1904).

    >>> format_value(1234.5, "#,##0.0_);(#,##0.0)"), format_value(12345, "00000-0000")
    ('1,234.5 ', '00001-2345')
    >>> format_value(1234.5, "0.00E+00"), format_value(-0.0001, "0.00"), format_value(45292, "mmm yyyy")
    ('1.23E+03', '-0.00', 'Jan 2024')
    >>> format_value(12.5, "@"), format_value(-1, '"x"@')
    ('12.5', 'x-1')
    >>> format_value(5, 'General" units"'), format_value(-5, "General;(General)"), format_value(-5, '"$"General')
    ('5 units', '(5)', '-$5')
    """
    foreign = foreign_codes(fmt)
    if foreign is not None:  # another language's codes (German "TT.MM.JJJJ"): never read as en-US (.format_codes)
        raise FormatNotSupported(foreign)
    sections = _sections(fmt)
    if len(sections) > 4:
        raise ExcelError("#VALUE!")
    if len(sections) == 4 and any(("code", "@") in _tokens(section) for section in sections[:3]):
        raise ExcelError("#VALUE!")  # the text placeholder in a number's section: a format Excel refuses
    if isinstance(value, str):
        section = sections[3] if len(sections) == 4 else sections[0] if "@" in sections[0] else None
        if section is None:
            return value
        return "".join(value if (k, t) == ("code", "@") else t for k, t in _tokens(section))
    if len(sections) > 1 and "@" in sections[-1] and not _is_date(sections[-1]):
        sections = sections[:-1]  # the last section with @ is the text section
    signed = value
    chosen = _conditional(sections, value)
    if chosen is not None:  # [>=1000]#,##0,"K";0: the section whose condition the number meets (not negative)
        section, sign = chosen, ""
    elif len(sections) >= 2 and value < 0:
        section, value, sign = sections[1], -value, ""
    elif len(sections) >= 3 and value == 0:
        section, sign = sections[2], ""
    else:
        section, sign = sections[0], "-" if value < 0 else ""
        value = abs(value)
    if section.strip().lower() == "general":
        return sign + _general(value)
    tokens = _tokens(section)
    if ("code", "General") in tokens:  # General with literals: the number as General shows it, the sign in front
        if any(k == "code" and (t in "0#?@%" or t.lower().startswith("e")) for k, t in tokens) or _is_date(section):
            raise FormatNotSupported("General with other codes inside a format")
        return sign + "".join(_general(value) if (k, t) == ("code", "General") else t for k, t in tokens)
    if _is_date(section):
        codes = [t for k, t in tokens if k == "code" and t.strip()]
        if any(t in "0#?@" for t in codes):
            raise ExcelError("#VALUE!")  # date codes mixed with digit placeholders
        if sign and not (len(codes) == 1 and codes[0].startswith("[")):
            raise ExcelError("#VALUE!")  # a negative date or time (a lone [h], [m] or [s] may be negative)
        return sign + _date(value, tokens, date1904, section_names(section))
    if any(k == "code" and t == "@" for k, t in tokens) and any(k == "code" and t in "0#?" for k, t in tokens):
        raise ExcelError("#VALUE!")  # the text placeholder among digit placeholders
    if not any(k == "code" and t in "0#?" for k, t in tokens):
        literal = "".join(t for _, t in tokens)
        if "@" in literal:  # a number through the text placeholder: as General, with its own sign
            return literal.replace("@", _general(signed if sign else value))
        if "%" in literal:
            raise FormatNotSupported("percent without digits")
        return sign + literal
    return sign + _number(value, tokens)
