"""REGEXEXTRACT, REGEXREPLACE and REGEXTEST (Excel 365), read by PCRE2 itself (the ``pcre2`` binding) as Excel reads
them: Microsoft's pages say "PCRE2 flavor", and Python's ``re`` read ``[[:digit:]]+`` as a set followed by a ``]``
(a silent #N/A), refused ``\\p{L}``, ``(?<name>..)``, ``\\K``, ``\\z``, ``\\h``, ``\\R``, ``\\Q..\\E`` and took
``\\v`` for the VT character only (H509's finding 04). Patterns are compiled in UTF mode with Unicode properties
(``\\w`` and ``\\d`` beyond ASCII, as ``re`` had them).

* ``REGEXEXTRACT(text, pattern, [return_mode], [case_sensitivity])``: the first match (``return_mode`` 0, the
  default); none is #N/A. The other modes (every match, the capture groups: arrays) are listed as not computed.
* ``REGEXREPLACE(text, pattern, replacement, [occurrence], [case_sensitivity])``: every match replaced (occurrence 0)
  or only the n-th (from the end where negative); ``$1``, ``${1}``, ``$name`` or ``${name}`` in the replacement is a
  capture group, ``$$`` a dollar (PCRE2's substitution). A replacement with another ``$`` form, or a backslash (an
  escape in PCRE2's extended substitution, a plain character in the other: which one Excel uses is not documented),
  is listed as not computed.
* ``REGEXTEST(text, pattern, [case_sensitivity])``: whether ``pattern`` matches part of ``text``.
* ``case_sensitivity`` 0 (default) is case sensitive, 1 insensitive, other values and a pattern PCRE2 refuses #VALUE!;
  a range as text or pattern of REGEXEXTRACT or REGEXREPLACE (one result per cell) is listed as not computed.
* The binding reads ``\\u``, ``\\U`` and ``\\x{..}`` as Python does (its PCRE2_ALT_BSUX), where PCRE2 as Excel has it
  refuses ``\\u`` and reads ``\\x{42}`` as "B": a pattern holding one is listed as not computed (:func:`refusal`).

>>> regexextract("abc123def", "[0-9]+"), regexreplace("abc123", "[0-9]", "#")
('123', 'abc###')
>>> regexreplace("a1b2c3", "[0-9]", "<$0>", -1), regexreplace("2024-05", "(\\\\d+)-(\\\\d+)", "$2/$1")
('a1b2c<3>', '05/2024')
>>> regexextract("Order ABC-12345", "[[:digit:]]+"), regexextract("Order ABC-12345", "ABC-\\\\K\\\\d+")
('12345', '12345')
>>> regexreplace("John Smith", "(?<first>\\\\w+) (?<last>\\\\w+)", "${last}, $first"), regextest("a\\nb", "a\\\\vb")
('Smith, John', True)
"""

from __future__ import annotations

import re
from typing import Any

import pcre2

from ._core import ExcelError, excel_function, integer, text

__all__ = ["pattern_error", "refusal", "regexextract", "regexreplace", "regextest", "replacement_refusal"]

_NOT_COMPUTED = "NImpl"  # the engine's kind of #NIMPL!: the cell is listed
#: a backslash escape the binding reads as Python's ``re`` does, not as PCRE2 in Excel (an even run of backslashes
#: before it is escaped backslashes)
_PYTHON_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\(u|U|x\{)")
#: PCRE2's substitution: ``$$``, ``$n``, ``${n}``, ``$name``, ``${name}``
_GROUP = re.compile(r"\$(?:(\$)|(\d+)|\{(\d+)\}|([A-Za-z_]\w*)|\{([A-Za-z_]\w*)\})")


def refusal(pattern: str) -> str | None:
    """Why ``pattern`` is not computed (a form the binding reads otherwise than Excel's PCRE2), or None.

    >>> print(refusal("\\\\x{42}"))
    the pattern '\\x{42}' holds \\x{, which the embedded engine reads as Python's re, not as Excel's PCRE2
    >>> refusal("[[:digit:]]+") is None, refusal("\\\\\\\\x{") is None
    (True, True)
    """
    found = _PYTHON_ESCAPE.search(pattern)
    if found is None:
        return None
    return (
        f"the pattern '{pattern}' holds \\{found.group(1)}, which the embedded engine reads as Python's re, not as "
        "Excel's PCRE2"
    )


def replacement_refusal(replacement: str) -> str | None:
    """Why REGEXREPLACE's ``replacement`` is not computed (a ``$`` form PCRE2 refuses or a backslash), or None.

    >>> replacement_refusal("${last}, $1 $$") is None
    True
    >>> print(replacement_refusal("\\\\1"))
    the replacement '\\1' holds a backslash: an escape in PCRE2's extended substitution, a plain character in the \
other, and which one Excel uses is not documented
    """
    if "\\" in replacement:
        return (
            f"the replacement '{replacement}' holds a backslash: an escape in PCRE2's extended substitution, a plain "
            "character in the other, and which one Excel uses is not documented"
        )
    if "$" in _GROUP.sub("", replacement):
        return f"the replacement '{replacement}' holds a $ that is not $$, $n, ${{n}}, $name or ${{name}}"
    return None


def pattern_error(pattern: str, insensitive: bool = False) -> str | None:
    """PCRE2's message refusing ``pattern`` (compiled as the REGEX functions compile it), or None where it reads it.

    >>> pattern_error("("), pattern_error("[0-9]+")
    ('compilation failed at position 1; missing closing parenthesis', None)
    """
    try:
        pcre2.compile(pattern, pcre2.IGNORECASE if insensitive else 0)
    except pcre2.PatternError as error:
        return str(error)
    return None


def _compiled(pattern: Any, case_sensitivity: Any) -> pcre2.Pattern:
    mode = integer(case_sensitivity)
    if mode not in (0, 1):
        raise ExcelError("#VALUE!")
    source = _single(pattern)
    if refusal(source) is not None:
        raise ExcelError(_NOT_COMPUTED)
    try:
        return pcre2.compile(source, pcre2.IGNORECASE if mode else 0)
    except pcre2.PatternError:  # PCRE2 refuses it, as Excel's does: #VALUE!
        raise ExcelError("#VALUE!") from None


def _single(value: Any) -> str:
    if isinstance(value, list):
        raise ExcelError(_NOT_COMPUTED)
    return text(value)


@excel_function("REGEXEXTRACT", 2, 4)
def regexextract(value: Any, pattern: Any, return_mode: Any = 0.0, case_sensitivity: Any = 0.0) -> str:
    subject = _single(value)
    compiled = _compiled(pattern, case_sensitivity)
    if integer(return_mode) != 0:
        raise ExcelError(_NOT_COMPUTED)
    found = compiled.search(subject)
    if found is None:
        raise ExcelError("#N/A")
    return found.group(0)


def _pieces(replacement: str, compiled: pcre2.Pattern) -> list[tuple[bool, str | int]]:
    """Excel's (PCRE2's) replacement as (is a group, literal text or group number or name), or not computed."""
    if replacement_refusal(replacement) is not None:
        raise ExcelError(_NOT_COMPUTED)
    out: list[tuple[bool, str | int]] = []
    position = 0
    for match in _GROUP.finditer(replacement):
        out.append((False, replacement[position : match.start()]))
        dollar, number, braced, name, braced_name = match.groups()
        if dollar:
            out.append((False, "$"))
        elif number or braced:
            group = int(number or braced)
            if group > compiled.groups:  # PCRE2 refuses it; Excel's answer (#VALUE!?) is not documented
                raise ExcelError(_NOT_COMPUTED)
            out.append((True, group))
        else:
            label = name or braced_name
            if label not in compiled.groupindex:
                raise ExcelError(_NOT_COMPUTED)
            out.append((True, label))
        position = match.end()
    out.append((False, replacement[position:]))
    return out


def _expand(found: pcre2.Match, pieces: list[tuple[bool, str | int]]) -> str:
    """The replacement of one match: a group that took no part in it is empty (as Python's ``re`` had it)."""
    return "".join((found.group(p) or "") if group else str(p) for group, p in pieces)


@excel_function("REGEXREPLACE", 3, 5)
def regexreplace(value: Any, pattern: Any, replacement: Any, occurrence: Any = 0.0,
                 case_sensitivity: Any = 0.0) -> str:  # fmt: skip
    subject = _single(value)
    compiled = _compiled(pattern, case_sensitivity)
    pieces = _pieces(_single(replacement), compiled)
    which = integer(occurrence)
    matches = list(compiled.finditer(subject))
    if which != 0:
        index = which - 1 if which > 0 else len(matches) + which
        if not 0 <= index < len(matches):
            return subject
        matches = [matches[index]]
    out, position = [], 0
    for found in matches:
        out += [subject[position : found.start()], _expand(found, pieces)]
        position = found.end()
    return "".join(out) + subject[position:]


@excel_function("REGEXTEST", 2, 3)
def regextest(value: Any, pattern: Any, case_sensitivity: Any = 0.0) -> bool:
    """REGEXTEST(text, pattern, [case_sensitivity]): whether ``pattern`` matches part of ``text``.

    >>> regextest("abc123", "[0-9]+"), regextest("John Smith", "Smith\\\\z"), regextest("ABC", "abc", 1)
    (True, True, True)
    """
    compiled = _compiled(pattern, case_sensitivity)
    return compiled.search(text(value)) is not None
