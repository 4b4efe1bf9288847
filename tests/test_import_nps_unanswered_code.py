"""Qualtrics' -99 ("seen but unanswered", its numeric export's code of a skipped question) is no answer (H66/18).

It was refused as a score outside 0-10 with no remedy named. Beside answers all on the 0-10 scale it is read as no
answer with a note, as ``N/A`` is; beside other numbers off the scale the column is refused as before.
"""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention.reading import DataError
from xl_retention.reading.notes import collected
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
DATES = ["2024-01-05 10:00:00", "2024-01-06 10:00:00", "2024-01-07 10:00:00", "2024-02-05 10:00:00"]


def _nps(path) -> tuple[dict[str, tuple[int, float]], list[str]]:
    with collected() as notes:
        tables = load_tables(nps=path, columns={"date": "RecordedDate", "score": "Q1"})
    frame = tables.nps
    got = {str(m): (int(frame.loc[m, "responses"]), round(float(frame.loc[m, "nps"]), 1)) for m in frame.index}
    return got, [n for n in notes + tables.notes if "-99" in n]


def test_minus_99_in_a_csv_is_no_answer(tmp_path) -> None:
    path = tmp_path / "qualtrics.csv"
    rows = [f"{d},R_{i}abcDEF,{q}" for i, (d, q) in enumerate(zip(DATES, ["10", "-99", "3", "9"], strict=True))]
    path.write_text("RecordedDate,ResponseId,Q1\n" + "\n".join(rows) + "\n")
    got, notes = _nps(path)
    assert got == {"2024-01": (2, 0.0), "2024-02": (1, 100.0)}
    assert notes == [
        "qualtrics.csv, column 'Q1': 1 answer -99 (Qualtrics' code of a question seen but unanswered) read as no "
        "answer (no score, not counted), as blank answers are"
    ]


def test_minus_99_as_a_workbooks_number_is_no_answer(tmp_path) -> None:
    path = tmp_path / "qualtrics.xlsx"
    frame = pd.DataFrame({"RecordedDate": pd.to_datetime(DATES), "ResponseId": ["R_1", "R_2", "R_3", "R_4"]})
    frame["Q1"] = [10, -99, 3, 9]
    frame.to_excel(path, index=False)
    assert _nps(path)[0] == {"2024-01": (2, 0.0), "2024-02": (1, 100.0)}


def test_minus_99_beside_other_scores_off_the_scale_is_refused(tmp_path) -> None:
    path = tmp_path / "qualtrics.csv"
    rows = [f"{d},R_{i}abcDEF,{q}" for i, (d, q) in enumerate(zip(DATES, ["10", "-99", "30", "9"], strict=True))]
    path.write_text("RecordedDate,ResponseId,Q1\n" + "\n".join(rows) + "\n")
    with pytest.raises(DataError, match=r"column 'Q1': scores outside 0-10"):
        load_tables(nps=path, columns={"date": "RecordedDate", "score": "Q1"})
