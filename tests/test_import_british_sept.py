"""British English writes September short as 'Sept' (CLDR en-GB: 'Sept 2026', '5 Sept 2026'), which no format reads
(%b is 'Sep'): a UK export was refused as 'dates that do not parse', with no hint, while 'Aug 2026' beside it was
read (H200 finding 08). 'Sept' is read as September (reading.foreign_dates.with_sep)."""

from __future__ import annotations

from pathlib import Path

from import_cli import run


def test_sept_is_september(tmp_path: Path) -> None:
    subs = tmp_path / "mrr.csv"
    subs.write_text("Customer,Month,MRR\nA,Aug 2026,10\nA,Sept 2026,10\nB,Sept 2026,20\nA,Oct 2026,10\nB,Oct 2026,20\n")
    moves = (run(tmp_path, "--subscriptions", subs, "--columns", "customer_id=Customer") / "movements.csv").read_text()
    september = next(line for line in moves.splitlines() if line.startswith("2026-09")).split(",")
    assert (september[6], september[13]) == ("2", "30.0")  # customers and MRR at end: A 10 + B 20
    orders = tmp_path / "orders.csv"
    orders.write_text("Customer,Date,Amount\na@x.com,28 Aug 2026,10\na@x.com,5 Sept 2026,10\nb@x.com,14 Sept 2026,10\n"
                      "a@x.com,3 Oct 2026,10\n")  # fmt: skip
    bought = (run(tmp_path, "--orders", orders, "--columns", "customer_id=Customer") / "purchases.csv").read_text()
    september = next(line for line in bought.splitlines() if line.startswith("2026-09")).split(",")
    assert (september[1], september[3]) == ("2", "1")  # buyers a and b; a returning (August)
