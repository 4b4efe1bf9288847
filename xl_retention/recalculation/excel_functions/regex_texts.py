"""REGEXEXTRACT and REGEXREPLACE (Excel 365), which the engine lacks, with Python's ``re`` as REGEXTEST has it
(:mod:`.text`: close to Excel's PCRE2 for common patterns).

* ``REGEXEXTRACT(text, pattern, [return_mode], [case_sensitivity])``: the first match (``return_mode`` 0, the
  default); none is #N/A. The other modes (every match, the capture groups: arrays) are listed as not computed.
* ``REGEXREPLACE(text, pattern, replacement, [occurrence], [case_sensitivity])``: every match replaced (occurrence 0)
  or only the n-th (from the end where negative); ``$1`` or ``${1}`` in the replacement is a capture group, ``$$`` a
  dollar. A replacement with another ``$`` or a backslash is listed as not computed.
* ``case_sensitivity`` 0 (default) is case sensitive, 1 insensitive, other values and an invalid pattern #VALUE!; a
  range as text or pattern (one result per cell) is listed as not computed.

>>> regexextract("abc123def", "[0-9]+"), regexreplace("abc123", "[0-9]", "#")
('123', 'abc###')
>>> regexreplace("a1b2c3", "[0-9]", "<$0>", -1), regexreplace("2024-05", "(\\\\d+)-(\\\\d+)", "$2/$1")
('a1b2c<3>', '05/2024')
"""

from __future__ import annotations

import re
from typing import Any

from ._core import ExcelError, excel_function, integer, text

__all__ = ["regexextract", "regexreplace"]

_NOT_COMPUTED = "NImpl"  # the engine's kind of #NIMPL!: the cell is listed
_GROUP = re.compile(r"\$(?:(\d+)|\{(\d+)\}|(\$))")


def _compiled(pattern: Any, case_sensitivity: Any) -> re.Pattern[str]:
    mode = integer(case_sensitivity)
    if mode not in (0, 1):
        raise ExcelError("#VALUE!")
    try:
        return re.compile(_single(pattern), re.IGNORECASE if mode else 0)
    except re.error:
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


def _template(replacement: str, groups: int) -> str:
    """Excel's replacement (``$1``, ``${1}``, ``$$``) as Python's (``\\g<1>``), or not computed."""
    out, position = [], 0
    for match in _GROUP.finditer(replacement):
        out.append(replacement[position : match.start()])
        number = match.group(1) or match.group(2)
        if number is not None and int(number) > groups:
            raise ExcelError(_NOT_COMPUTED)
        out.append("$" if match.group(3) else f"\\g<{int(number)}>")
        position = match.end()
    rest = replacement[position:]
    if "$" in rest or "\\" in rest or any("$" in part or "\\" in part for part in out if not part.startswith("\\g<")):
        raise ExcelError(_NOT_COMPUTED)
    return "".join(out) + rest


@excel_function("REGEXREPLACE", 3, 5)
def regexreplace(value: Any, pattern: Any, replacement: Any, occurrence: Any = 0.0,
                 case_sensitivity: Any = 0.0) -> str:  # fmt: skip
    subject = _single(value)
    compiled = _compiled(pattern, case_sensitivity)
    template = _template(_single(replacement), compiled.groups)
    which = integer(occurrence)
    if which == 0:
        return compiled.sub(template, subject)
    matches = list(compiled.finditer(subject))
    index = which - 1 if which > 0 else len(matches) + which
    if not 0 <= index < len(matches):
        return subject
    found = matches[index]
    return subject[: found.start()] + found.expand(template) + subject[found.end() :]
