"""MRR snapshots whose flag column says a subscription ended or is not active in words other than English's
``cancelled``/``is_active`` ('Inactive', 'Deactivated', 'Lapsed', German 'Aktiv' = nein, 'Gekündigt' = ja, French
'Résilié' = oui, Italian 'Attivo' = no, 'Disdetto' = sì, Spanish 'Cancelado' = sí) were read as paying under exit 0:
February 2 customers and MRR 80.0 instead of 1 and 30.0 (H200's finding 06). Such rows are refused naming the column
and rows, as 'Active?' = No is; the same flags saying active (or not ended) are read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

FLAGS = [("Inactive", "TRUE", "FALSE"), ("Deactivated", "TRUE", "FALSE"), ("Lapsed", "yes", "no"),
         ("Aktiv", "nein", "ja"), ("Gekündigt", "ja", "nein"), ("Actif", "non", "oui"), ("Résilié", "oui", "non"),
         ("Attivo", "no", "sì"), ("Disdetto", "sì", "no"), ("Cancelado", "sí", "no"),
         ("Is Inactive?", "Y", "N")]  # fmt: skip


def _snapshots(tmp_path: Path, column: str, ended: str, going: str) -> Path:
    path = tmp_path / "mrr.csv"
    path.write_text(
        f"Customer,Month,MRR,{column}\nA,2026-01,50,{going}\nA,2026-02,50,{ended}\nB,2026-01,30,{going}\n"
        f"B,2026-02,30,{going}\nB,2026-03,30,{going}\nA,2026-03,50,{ended}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(("column", "ended", "going"), FLAGS)
def test_a_worded_ended_flag_with_an_mrr_is_refused(
    tmp_path: Path, capsys, column: str, ended: str, going: str
) -> None:
    path = _snapshots(tmp_path, column, ended, going)
    message = refusal(capsys, "--subscriptions", str(path), "--columns", "customer_id=Customer", "--to-csv",
                      str(tmp_path / "o"))  # fmt: skip
    assert message.startswith(
        f"mrr.csv, column '{column}': snapshot rows with an MRR whose flag says the subscription ended or is not "
        "active (a snapshot's row with an MRR counts as an active, paying customer that month; whether this one paid "
        "cannot be told): remove the rows of subscriptions that ended, or correct the flag in rows 3, 7 (counting "
        f"the header as row 1): '{ended}', '{ended}'"
    )


@pytest.mark.parametrize(("column", "ended", "going"), FLAGS)
def test_the_flag_saying_active_is_read(tmp_path: Path, column: str, ended: str, going: str) -> None:
    path = _snapshots(tmp_path, column, going, going)
    movements = pd.read_csv(
        run(tmp_path, "--subscriptions", path, "--columns", "customer_id=Customer") / "movements.csv"
    )
    assert movements["customers_end"].tolist() == [2, 2, 2]
    assert movements["mrr_end"].tolist() == [80.0, 80.0, 80.0]
