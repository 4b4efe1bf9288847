"""Typeform's partial responses (score blank, 'Submit Date (UTC)' blank) stopped an NPS import as "missing dates",
though a blank score is no answer (docs/metrics.md, "Survey answers that give no score"). A row with neither a score
nor a date is left out with a note counting it (reading.undated_answers); a score without a date is still refused."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, status_and_output

HEADER = "#,How likely are you to recommend us?,Response Type,Start Date (UTC),Submit Date (UTC)\n"
ROWS = (
    "t1,10,completed,2026-06-02 10:00:00,2026-06-02 10:10:00\n"
    "t2,9,completed,2026-06-05 11:00:00,2026-06-05 11:10:00\n"
    "t3,,partial,2026-06-06 12:00:00,\n"
    "t4,3,completed,2026-06-09 09:00:00,2026-06-09 09:05:00\n"
    "t5,7,completed,2026-07-01 09:00:00,2026-07-01 09:05:00\n"
    "t6,,partial,2026-07-02 09:00:00,\n"
)
COLUMNS = "date=Submit Date (UTC),score=How likely are you to recommend us?"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_rows_with_neither_score_nor_date_are_left_out_with_a_note(tmp_path, capsys, backend) -> None:
    (tmp_path / "nps.csv").write_text(HEADER + ROWS)
    status, out, err = status_and_output(capsys, "import", "--nps", tmp_path / "nps.csv", "--columns", COLUMNS,
                                         "--backend", backend, "--to-csv", tmp_path / "out")  # fmt: skip
    assert status == 0, err
    assert (
        "nps.csv: 2 rows with neither a score ('How likely are you to recommend us?') nor a date ('Submit Date (UTC)') "
        "left out as no answer (a survey's partial responses?), in rows 4, 7 (counting the header as row 1)"
    ) in out + err
    nps = pd.read_csv(tmp_path / "out" / "nps.csv").set_index("month")
    assert nps.loc["2026-06", ["responses", "promoters", "passives", "detractors"]].tolist() == [3, 2, 0, 1]
    assert nps.loc["2026-07", ["responses", "promoters", "passives", "detractors"]].tolist() == [1, 0, 1, 0]


def test_a_score_without_a_date_is_still_refused(tmp_path, capsys) -> None:
    (tmp_path / "nps.csv").write_text(HEADER + ROWS + "t7,8,completed,2026-07-03 09:00:00,\n")
    message = refusal(capsys, "--nps", str(tmp_path / "nps.csv"), "--columns", COLUMNS, "--to-csv",
                      str(tmp_path / "out"))  # fmt: skip
    assert message == "nps.csv, column 'Submit Date (UTC)': missing dates in row 8 (counting the header as row 1)"
