"""Qualtrics' response types written as numbers: previews, tests and spam are no respondent's answer.

Qualtrics' "Download data table" writes its ``Status`` column (the "Response Type") as a code when the data is
exported with "Use numeric values" (its default), as its SPSS value labels say: 0 IP Address (a respondent's
answer), 1 Survey Preview, 2 Survey Test, 4 Imported, 8 Spam, 9 Survey Preview Spam, 12 Imported Spam, 16
Offline, 17 Offline Survey Preview, 32 EX, 40 EX Spam, 48 EX Offline, 256 Synthetic. The codes add up flags
(1 preview, 2 test, 8 spam, 256 synthetic: generated, no respondent; 4 imported, 16 offline, 32 an EX project's
answer), so a code holding a preview, test, spam or synthetic flag is no answer, and the other codes are.

A column is read as Qualtrics' status where the table is a Qualtrics export: a ``Status`` (or ``Response Type``)
column beside its ``ResponseId`` and one more of its response columns (``Finished``, ``Progress``,
``RecordedDate``, ``DistributionChannel``, ...). A plain ``Status`` of numbers in another survey file says
nothing known and is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .names import key

__all__ = ["QUALTRICS_TYPES", "qualtrics_status_columns", "not_answer_codes"]

#: Qualtrics' response types by their numeric code (its SPSS value labels).
QUALTRICS_TYPES = {0: "IP Address", 1: "Survey Preview", 2: "Survey Test", 4: "Imported", 8: "Spam",
                   9: "Survey Preview Spam", 12: "Imported Spam", 16: "Offline", 17: "Offline Survey Preview",
                   32: "EX", 40: "EX Spam", 48: "EX Offline", 256: "Synthetic"}  # fmt: skip
#: The flags of a code that say no respondent answered: preview 1, test 2, spam 8, synthetic 256.
NOT_ANSWER_FLAGS = 1 | 2 | 8 | 256
_IDS = frozenset({"responseid", "response_id"})
_STATUSES = frozenset({"status", "response_type"})
#: Columns only a Qualtrics response export has beside its ResponseId (as ids or as the second row's text).
_QUALTRICS = frozenset({"finished", "progress", "recordeddate", "recorded_date", "distributionchannel",
                        "distribution_channel", "duration_(in_seconds)", "userlanguage", "user_language",
                        "ipaddress", "ip_address", "startdate", "enddate", "externalreference",
                        "external_data_reference"})  # fmt: skip


def qualtrics_status_columns(names: Sequence[Any]) -> list[str]:
    """The columns of ``names`` that are a Qualtrics export's response type (see the module docstring).

    >>> qualtrics_status_columns(["StartDate", "Status", "Finished", "ResponseId", "Q1"])
    ['Status']
    >>> qualtrics_status_columns(["Status", "Score"])
    []
    """
    keys = {key(n) for n in names}
    if not (keys & _IDS and keys & _QUALTRICS):
        return []
    return [str(n) for n in names if key(n) in _STATUSES]


def _code(value: Any) -> int | None:
    """A whole number written as text or a number (``'8'``, ``8.0``), else None."""
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    return int(number) if number.is_integer() and 0 <= number < 2**31 else None


def not_answer_codes(distinct: Sequence[Any] | np.ndarray) -> dict[Any, str]:
    """The values of ``distinct`` (a status column's distinct values) that are codes of no respondent's answer,
    each with how it is shown: the code and its response type.

    >>> not_answer_codes(["0", "8", "12", "4", "1.0", "IP Address", "256"])
    {'8': '8 (Spam)', '12': '12 (Imported Spam)', '1.0': '1 (Survey Preview)', '256': '256 (Synthetic)'}
    """
    found = {}
    for value in distinct:
        code = _code(value)
        if code is not None and code & NOT_ANSWER_FLAGS:
            found[value] = f"{code} ({QUALTRICS_TYPES.get(code, 'a preview, test or spam')})"
    return found
