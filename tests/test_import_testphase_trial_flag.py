"""A German trial flag 'Testphase' (true in a customer's trial) was refused as 'rows made in test mode ... export live
mode only', untrue advice (H200 finding 04): it starts like 'Testbestellung'. It is read as the trial flag it is,
refused with the trial's message as 'is_trial' is; a test-order flag is still test mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal

ROWS = "A,2026-01,50,true\nA,2026-02,50,false\nB,2026-01,30,false\nB,2026-02,30,false\nB,2026-03,30,false\n"


@pytest.mark.parametrize("name", ["Testphase", "in_Testphase", "is_trial"])
def test_testphase_is_a_trial_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    path = tmp_path / "abos.csv"
    path.write_text(f"Kunde,Monat,MRR,{name}\n{ROWS}A,2026-03,50,false\n", encoding="utf-8")
    args = ("--subscriptions", str(path), "--columns", "customer_id=Kunde,month=Monat", "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, *args) == (
        f"abos.csv, column {name!r}: snapshot rows with an MRR flagged as in a free trial (a trial pays nothing, and a "
        "snapshot's row with an MRR counts as a paying customer that month) in row 2 (counting the header as row 1): "
        "'true': write their MRR as 0, or correct the flag"
    )


def test_a_test_order_flag_is_still_test_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount,Testbestellung\na,2026-01-05,10,true\nb,2026-01-06,20,false\n")
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")) == (
        "orders.csv, column 'Testbestellung': rows made in test mode (no customer paid them) in row 2 (counting the "
        "header as row 1): 'true': remove them, or export live mode only"
    )
