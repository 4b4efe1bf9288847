"""Billing intervals of one word saying every two or three years, or every two months ('zweijährlich',
'dreijährlich', 'bimestral', 'bimestriel', 'tweejaarlijks') were refused as no interval while 'halbjährlich' and
'biennial' were read (H211's finding 08): each has one meaning, so it is read; 'bimonthly' (twice a month or every
two months?) stays refused."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli


def run(tmp_path: Path, interval: str, amount: str) -> int:
    lines = ["Kunde;Betrag;Intervall;Beginn;Ende", f"A;{amount};{interval};03.09.2026;",
             "B;100;monatlich;10.09.2026;", "C;100;monatlich;13.09.2026;15.10.2026"]  # fmt: skip
    path = tmp_path / "iv.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cli.main(["import", "--subscriptions", str(path), "--columns",
                     "customer_id=Kunde,amount=Betrag,interval=Intervall,start=Beginn,end=Ende",
                     "--to-csv", str(tmp_path / "o")])  # fmt: skip


@pytest.mark.parametrize(
    ("interval", "amount"),
    [("zweijährlich", "2400"), ("Dreijährlich", "3600"), ("bimestral", "200"), ("bimestriel", "200"),
     ("tweejaarlijks", "2400"), ("zweimonatlich", "200")],
)  # fmt: skip
def test_read(tmp_path: Path, interval: str, amount: str) -> None:
    assert run(tmp_path, interval, amount) == 0
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    # A 100 a month (2400 / 24, 3600 / 36, 200 / 2), B 100, C 100 until it ends on 15 Oct
    assert [(r["month"], float(r["mrr_end"])) for r in rows] == [("2026-09", 300.0), ("2026-10", 200.0)]


def test_bimonthly_is_still_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "bimonthly", "200") == 1
    assert "'bimonthly'" in capsys.readouterr().err
