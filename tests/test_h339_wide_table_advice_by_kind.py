"""A table of one column per month given to --nps, --orders or --visits is told the layout of that import, not the
subscriptions' (H332's finding 04).

The tracker's own 'NPS scores' sheet downloaded from Google Sheets as CSV (headers 'Jan 2025' ... 'Dec 2025') given
to `import --nps` was told to unpivot into (customer_id, month, mrr), value_name='mrr', which --nps then refused
("missing columns 'date', 'score'"). The advice now is that import's: doing what it says to the file imports it
(Jan 2025's answers 10, 9, 8, 3, 10: 3 promoters, 1 passive, 1 detractor, NPS 40.0).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]

SCORES = [[10, 9, 8, 3, 10], [9, 9, 7, 6], [10, 10, 10, 2, 8, 9], [5, 9], [10, 7, 7, 8], [9, 10, 0]]
MONTHS = [f"{m} 2025" for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")]
UNPIVOT = "unpivot the table (Excel: Data > From Table/Range, Unpivot Columns; pandas: "


def _nps_sheet(tmp_path: Path) -> Path:
    path = tmp_path / "nps_scores.csv"
    with path.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Response", *MONTHS])
        for i in range(6):
            writer.writerow(["", *[str(s[i]) if i < len(s) else "" for s in SCORES], *[""] * 6])
    return path


@pytest.mark.parametrize(("flag", "advice"), [
    ("--nps", "the import reads one row per answer (date, score): " + UNPIVOT + "df.melt(id_vars='Response', "
     "var_name='date', value_name='score').dropna(subset=['score']): a row per answer); or paste the answers on a "
     "tracker's 'NPS scores' sheet, one column per month"),
    ("--orders", "the import reads one row per order (customer_id, date, amount): " + UNPIVOT + "df.melt(id_vars="
     "'Response', var_name='date', value_name='amount').dropna(subset=['amount']).query('amount != 0'): a row "
     "per order)"),
    ("--visits", "the import reads one row per visit (visitor_id, date): " + UNPIVOT + "df.melt(id_vars='Response', "
     "var_name='date', value_name='visits').dropna(subset=['visits']).query('visits > 0'): "
     "a row per month visited)"),
])  # fmt: skip
def test_each_import_gets_its_own_layout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str, advice: str
) -> None:
    err = refusal(capsys, flag, str(_nps_sheet(tmp_path)), "--to-csv", str(tmp_path / "o"))
    assert err == f"nps_scores.csv: one column per month ('Jan 2025' ... 'Dec 2025'): {advice}"


def test_subscriptions_keep_their_advice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("customer_id,2026-01,2026-02\na,100,100\n")
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert err == (
        "wide.csv: one column per month ('2026-01' ... '2026-02'): the import reads one row per customer and month "
        "(customer_id, month, mrr): " + UNPIVOT + "df.melt(id_vars='customer_id', var_name='month', value_name='mrr')"
        ".dropna(subset=['mrr']))"
    )


def test_the_nps_advice_followed_imports_the_answers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    df = pd.read_csv(_nps_sheet(tmp_path))
    melted = tmp_path / "answers.csv"
    df.melt(id_vars="Response", var_name="date", value_name="score").dropna(subset=["score"]).to_csv(
        melted, index=False
    )
    out = run(tmp_path, "--nps", melted)
    capsys.readouterr()
    nps = pd.read_csv(out / "nps.csv")
    assert nps.iloc[0][["month", "responses", "promoters", "passives", "detractors", "nps"]].tolist() == [
        "2025-01",
        5,
        3,
        1,
        1,
        40.0,
    ]
