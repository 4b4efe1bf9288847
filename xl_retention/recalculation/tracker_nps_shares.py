"""What to type on a row of the NPS sheet where a survey summary's shares were typed as counts (H273's item 5).

A survey tool's summary ("180 responses, 45% promoters, 20% detractors") typed over NPS!B:E gives the NPS of counts
of answers, 100 x (0.45 - 0.2) / 180 = 0.14 for 25; recalc names those cells, the file incomplete
(:func:`.typed_over.nps_shares_line`, H265's finding 03). The shares are not read as shares: the NPS cell is an Excel
formula over counts, and a row of small numbers is no sure share (1 promoter of 1 answer is also "100%"; 45% of 181
answers is 81.45 people), so the month's NPS would be a guess in Excel and here alike. The message says instead, for
each such row, exactly what to type: the counts, each share times the responses typed beside them, where those are
whole numbers (81 and 36 for 45% and 20% of 180); else (no responses, or 45% of 181 answers: 81.45 people) the three
shares in percent (45, 35 and 20, the passives the rest) with the responses blank; :func:`share_advice` gives that
sentence, None where the row gives no such answer.
"""

from __future__ import annotations

from typing import Any

from ..sheet_names import written

__all__ = ["share_advice"]

_SHARES = ("promoters", "passives", "detractors")


def _number(value: Any) -> float | None:
    from .excel_functions.text import text_to_number

    if isinstance(value, str):
        value = text_to_number(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _whole(value: float) -> bool:
    return abs(value - round(value)) < 1e-6


def _listed(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _percent(share: float) -> str:
    return f"{round(share * 100, 4):g}"


def share_advice(title: str, row: int, cells: tuple[Any, ...], columns: dict[str, tuple[Any, int]]) -> str | None:
    """What to type on row ``row`` of the NPS sheet ``title`` (``cells``: its values as typed; ``columns``: key ->
    (column, index)) whose promoters, passives or detractors are shares of 1 or less, or None.

    >>> from openpyxl.utils import get_column_letter
    >>> columns = {k: (None, i) for i, k in enumerate(("month", "responses", *_SHARES))}
    >>> share_advice("NPS", 2, (None, 180, 0.45, None, 0.2), columns)
    'type 81 in NPS!C2 and 36 in NPS!E2 (45% and 20% of the 180 responses in NPS!B2)'
    >>> share_advice("NPS", 3, (None, None, "45%", None, "20%"), columns)
    'type 45, 35 and 20 in NPS!C3, NPS!D3 and NPS!E3 (the shares in percent, the passives the rest, NPS!B3 blank)'
    >>> share_advice("NPS", 4, (None, 181, 0.45, 0.35, 0.2), columns)  # 81.45 people: no count, the shares
    'type 45, 35 and 20 in NPS!C4, NPS!D4 and NPS!E4 (the shares in percent, NPS!B4 blank)'
    >>> share_advice("NPS", 5, (None, 181, 0.45, 0.3, 0.2), columns) is None  # 95%: no shares of one whole
    True
    """
    from openpyxl.utils import get_column_letter

    if any(key not in columns for key in ("responses", *_SHARES)):
        return None

    def ref(key: str) -> str:
        return f"{written(title)}!{get_column_letter(columns[key][1] + 1)}{row}"

    def value(key: str) -> Any:
        index = columns[key][1]
        return cells[index] if index < len(cells) else None

    typed = {key: _number(value(key)) for key in _SHARES if value(key) not in (None, "")}
    if not typed or any(share is None or not 0 <= share <= 1 for share in typed.values()):
        return None
    if all(_whole(share) for share in typed.values()):  # 0 and 1 only: counts as likely as shares
        return None
    responses = _number(value("responses")) if value("responses") not in (None, "") else None
    if responses is not None and responses > 0 and _whole(responses):
        counts = {key: share * responses for key, share in typed.items()}
        if all(_whole(count) for count in counts.values()):
            where = _listed([f"{round(count):d} in {ref(key)}" for key, count in counts.items()])
            shares = _listed([f"{_percent(share)}%" for share in typed.values()])
            return f"type {where} ({shares} of the {round(responses):d} responses in {ref('responses')})"
    # no whole counts of the responses typed (45% of 50 is 22.5 people), or none typed: the shares in percent, the
    # responses blank (docs/metrics.md, "NPS from typed counts"; H435's finding 03)
    shares = dict(typed)
    missing = [key for key in _SHARES if key not in shares]
    if len(missing) == 1:  # the one left out is the rest
        shares[missing[0]] = 1 - sum(typed.values())
    if len(shares) < 3 or min(shares.values()) < -1e-9 or abs(sum(shares.values()) - 1) > 0.005:
        return None
    rest = f", the {missing[0]} the rest" if len(missing) == 1 else ""
    return (
        f"type {_listed([_percent(shares[key]) for key in _SHARES])} in {_listed([ref(key) for key in _SHARES])} "
        f"(the shares in percent{rest}, {ref('responses')} blank)"
    )
