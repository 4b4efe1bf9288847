"""Writes the small sample exports the README's import commands read: run from the repository root,
``python examples/make_examples.py`` (the files are in the repository already; this remakes them).

- ``mrr.csv``: monthly MRR snapshots with the billing system's own customer column (``Customer``) and a plan;
- ``orders.parquet``: orders with their creation time (``Created``) and amount;
- ``survey.xlsx``: NPS answers on a sheet ``Answers`` (a notes sheet first, as survey tools export);
- ``visits.csv``: web-analytics visits.

Three customers over January to March 2026, the months of ``xl-retention new tracker.xlsx --start 2026-01``.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd

HERE = Path(__file__).resolve().parent


def main(folder: Path = HERE) -> None:
    pd.DataFrame(
        {
            "Customer": ["a", "b", "a", "b", "c", "a", "c"],
            "month": ["2026-01", "2026-01", "2026-02", "2026-02", "2026-02", "2026-03", "2026-03"],
            "mrr": [100, 50, 120, 50, 80, 120, 40],
            "plan": ["Pro", "Basic", "Pro", "Basic", "Basic", "Pro", "Basic"],
        }
    ).to_csv(folder / "mrr.csv", index=False)
    pd.DataFrame(
        {
            "Customer": ["a", "b", "a", "c"],
            "Created": pd.to_datetime(["2026-01-05", "2026-01-20", "2026-02-03", "2026-03-09"]),
            "amount": [30.0, 45.5, 12.0, 80.0],
        }
    ).to_parquet(folder / "orders.parquet")
    survey = openpyxl.Workbook()
    survey.active.title = "Notes"
    survey.active["A1"] = "exported from the survey tool"
    answers = survey.create_sheet("Answers")
    answers.append(["Created", "score"])
    for row in [("2026-01-10", 10), ("2026-01-11", 6), ("2026-02-01", 9), ("2026-03-15", 8)]:
        answers.append(list(row))
    survey.save(folder / "survey.xlsx")
    pd.DataFrame(
        {"visitor_id": ["v1", "v2", "v1", "v3"], "Created": ["2026-01-02", "2026-01-03", "2026-02-04", "2026-02-05"]}
    ).to_csv(folder / "visits.csv", index=False)


if __name__ == "__main__":
    main()
