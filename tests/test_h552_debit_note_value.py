"""A note on a chargeback read from Adyen's debit column ('Gross Debit (GC)', the mapped 'Gross Credit (GC)' blank)
whose sale is not in the file named its value as `nan` (H542's finding 02), and the debit note said "(1 rows)". The
note now names the value the row holds, 30.00 of 'Gross Debit (GC)', taken back; "(1 row)".
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from import_cli import run, written

SDR = (
    "Psp Reference,Creation Date,Type,Gross Debit (GC),Gross Credit (GC),Shopper Reference\n"
    "8816000000000001,2026-01-05 11:32:10,Settled,,100.00,shopper-A\n"
    "8816000000000002,2026-01-20 14:00:00,Settled,,50.00,shopper-B\n"
    "8816000000000004,2026-02-10 08:00:00,Chargeback,30.00,,shopper-C\n"
    "8816000000000005,2026-03-01 09:00:00,Settled,,40.00,shopper-B\n"
)
COLUMNS = "customer_id=Shopper Reference,date=Creation Date,order_id=Psp Reference,amount=Gross Credit (GC)"


def test_the_note_names_the_debit_value_not_nan(tmp_path: Path, capsys) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "sdr.csv", SDR), "--columns", COLUMNS)
    said = capsys.readouterr().out.splitlines()
    assert "sdr.csv: 'Gross Debit (GC)' beside 'Gross Credit (GC)': a row's debit with its credit blank is an amount " \
        "taken back (a refund or a chargeback), read as negative (1 row)" in said  # fmt: skip
    (line,) = [s for s in said if "no sale in the file" in s]
    assert line.startswith(
        "sdr.csv: 1 refund row(s) of 1 order(s) with no sale in the file left out (order '8816000000000004', row 4: "
        "30.00 of 'Gross Debit (GC)' (taken back) dated 2026-02-10 08:00:00): "
    )
    purchases = pd.read_csv(out / "purchases.csv")[["month", "buyers", "returning"]].values.tolist()
    assert purchases == [["2026-01", 2, 0], ["2026-02", 0, 0], ["2026-03", 1, 1]]
