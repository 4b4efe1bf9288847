"""An MRR column named as before discounts mapped as mrr ("MRR before discount", "MRR (pre-discount)", "Undiscounted
MRR", "MRR vor Rabatt", "MRR avant remise", "List MRR") is refused naming it: MRR is after discounts (H222's finding
08: January MRR 300 of list prices under exit 0)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

ROWS = "A,2026-01,100\nB,2026-01,200\nA,2026-02,100\n"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    "name",
    ["MRR before discount", "MRR (pre-discount)", "Undiscounted MRR", "MRR vor Rabatt", "MRR ohne Rabatt",
     "MRR avant remise", "MRR sin descuento", "List MRR", "MRR at list price"],
)  # fmt: skip
def test_an_mrr_before_discounts_is_refused(tmp_path: Path, capsys, name: str, backend: str) -> None:
    path = tmp_path / "in.csv"
    path.write_text(f'customer_id,month,"{name}"\n' + ROWS, encoding="utf-8")
    args = ["--subscriptions", str(path), "--columns", f"mrr={name}", "--backend", backend]
    assert refusal(capsys, *args, "--to-csv", str(tmp_path / "o")) == (
        f"in.csv: {name!r} (taken as mrr) is before discounts, and MRR is after discounts (what each customer pays): "
        "map mrr to the MRR after discounts, or convert the amounts to what each customer pays first"
    )


@pytest.mark.parametrize("name", ["MRR after discount", "Discounted MRR", "MRR"])
def test_an_mrr_after_discounts_is_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / "in.csv"
    path.write_text(f'customer_id,month,"{name}"\n' + ROWS, encoding="utf-8")
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, "--columns", f"mrr={name}") / "movements.csv")
    assert movements[["month", "customers_end", "mrr_end", "lost"]].values.tolist() == [
        ["2026-01", 2, 300.0, 0], ["2026-02", 1, 100.0, 1]]  # fmt: skip
