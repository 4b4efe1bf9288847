"""A column of our arithmetic functions whose rows give 0 (=CHURN_RATE of a month without churn, filled down) keeps
those rows' 0 from its one array call (``engine._zeros``), as it keeps the other rows' results: the engine's call of
such a row no longer goes through the core's general path one row at a time (issue 14: 800 rows of the 50,000-cell
benchmark). The values are the ones each row's own call gives: 0.0 (never -0.0, as the engine's call gives a 0
result), the others to the bit."""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl

from xl_retention.recalculation import embedded, engine

ROWS = range(2, 22)  # 20 rows: a column's array call from 16 on (engine._FEWEST)


def _book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws.append(["start", "gained", "end", "churned MRR", "start MRR"])
    for r in ROWS:
        start = 100 + r
        end = start + 10 if r % 2 == 0 else start  # even rows: every customer kept, churn 0
        churned = 0 if r % 2 == 0 else 5  # even rows: no MRR lost
        ws.append([start, 10, end, churned, 1_000 + r])
        ws[f"F{r}"] = f"=CHURN_RATE(C{r},B{r},A{r})"
        ws[f"G{r}"] = f"=GROSS_REVENUE_CHURN(D{r},E{r})"
    wb.save(path)
    return path


def test_zero_rows_are_kept_from_the_column_call_with_their_values(tmp_path, monkeypatch):
    kept: dict[str, dict] = {}

    def snapshot() -> None:  # the results column_calls kept, read before the computation's end drops them
        for name in ("CHURN_RATE", "GROSS_REVENUE_CHURN"):
            kept[name] = dict(engine._COLUMN_RESULTS.get(name, {}))
        engine.forget_column_calls()

    monkeypatch.setattr(embedded, "forget_column_calls", snapshot)
    values = embedded.compute(_book(tmp_path / "zeros.xlsx")).values["S"]
    for r in ROWS:
        start = 100 + r
        if r % 2 == 0:
            for ref in (f"F{r}", f"G{r}"):
                assert values[ref] == 0.0 and math.copysign(1.0, values[ref]) == 1.0, (ref, values[ref])
            assert kept["CHURN_RATE"][(float(start + 10), 10.0, float(start))] == 0.0
        else:
            assert values[f"F{r}"] == 10 / start, (r, values[f"F{r}"])
            assert values[f"G{r}"] == 5 / (1_000 + r), (r, values[f"G{r}"])
            assert kept["CHURN_RATE"][(float(start), 10.0, float(start))] == 10 / start
    # every row's arguments kept: none of them called one by one through the core's general path
    assert len(kept["CHURN_RATE"]) == len(ROWS)
