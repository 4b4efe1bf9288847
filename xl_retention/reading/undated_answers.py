"""Survey rows with neither a score nor a date: a partial response, no answer.

Typeform's export holds a partial response (Response Type ``partial``) as a row with its score blank and its "Submit
Date (UTC)" blank. A blank score is no answer (docs/metrics.md, "Survey answers that give no score"), whatever its
date: such a row is left out with a note counting it and naming its rows, instead of stopping the import for its
missing date. A row with a score and no date is still refused ("missing dates"): its month cannot be told.
"""

from __future__ import annotations

import numpy as np

from .errors import bad_rows
from .notes import note

__all__ = ["undated_answers"]


def undated_answers(dates: np.ndarray, scores: np.ndarray, names: dict[str, str], source: str) -> np.ndarray | None:
    """The rows (a bool array) with a blank date and a blank score, said in a note; None where every row has a date.
    A row with a score and a blank date is refused, naming it.

    >>> dates = np.array(["2026-06-02", "NaT", "2026-06-05"], dtype="datetime64[us]")
    >>> undated_answers(dates, np.array([10.0, np.nan, np.nan]), {"date": "Submitted", "score": "Q1"}, "s.csv")
    array([False,  True, False])
    >>> undated_answers(dates, np.array([10.0, 9.0, np.nan]), {"date": "Submitted", "score": "Q1"}, "s.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv, column 'Submitted': missing dates in row 3 (counting the header as \
row 1)
    """
    blank = np.isnat(np.asarray(dates, dtype="datetime64[us]"))
    if not blank.any():
        return None
    unscored = np.isnan(np.asarray(scores, dtype=np.float64))
    if (blank & ~unscored).any():
        raise bad_rows(source, names["date"], "missing dates", np.flatnonzero(blank & ~unscored))
    rows = np.flatnonzero(blank)
    count = len(rows)
    located = str(bad_rows(source, names["score"], "", rows)).split(": ", 1)[1].strip()  # 'in rows 7, 22 (...)'
    note(
        f"{source}: {count} row{'s' if count != 1 else ''} with neither a score ({names['score']!r}) nor a date "
        f"({names['date']!r}) left out as no answer (a survey's partial responses?), {located}"
    )
    return blank
