"""GoCardless's subscriptions (its API's fields: ``interval``, a count; ``interval_unit``, weekly/monthly/yearly;
``month``, the month a yearly subscription charges in, ``february``, blank otherwise; ``start_date``, ``end_date``)
could not be imported (H170 finding 07): the refusal of two interval columns gave the count as the example
(``interval=interval``), and with every column mapped its ``month`` was read as the snapshots' month ('february':
"dates that do not parse"). A start mapped makes the file one of intervals, whatever other column it has, and the
example maps the words as the interval and the numbers as its count."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli

GOCARDLESS = (
    "id,created_at,amount,currency,status,name,start_date,end_date,interval,interval_unit,day_of_month,month,"
    "links.mandate,customers.id\n"
    "SB001,2026-01-03T10:00:00.000Z,30.00,GBP,active,Pro quarterly,2026-01-05,,3,monthly,5,,MD001,CU001\n"
    "SB002,2026-01-10T10:00:00.000Z,10.00,GBP,active,Basic monthly,2026-01-12,,1,monthly,12,,MD002,CU002\n"
    "SB003,2026-02-01T10:00:00.000Z,120.00,GBP,active,Pro yearly,2026-02-03,,1,yearly,3,february,MD003,CU003\n"
    "SB004,2026-02-14T10:00:00.000Z,10.00,GBP,cancelled,Basic monthly,2026-02-16,2026-06-16,1,monthly,16,,MD004,CU004\n"
    "SB005,2026-03-02T10:00:00.000Z,5.00,GBP,active,Weekly box,2026-03-04,,2,weekly,,,MD005,CU005\n"
)
DATES = "customer_id=customers.id,start=start_date,end=end_date"


def _import(tmp_path: Path, columns: str, backend: str = "pandas") -> int:
    path = tmp_path / "subscriptions.csv"
    path.write_text(GOCARDLESS)
    args = ["import", "--subscriptions", str(path), "--columns", columns, "--backend", backend]
    return cli.main([*args, "--to-csv", str(tmp_path / "o")])


def test_the_example_maps_the_unit_and_the_count(tmp_path: Path, capsys) -> None:
    assert _import(tmp_path, DATES) == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: subscriptions.csv: 2 columns could be the interval ('interval', 'interval_unit'): say "
        "which, e.g. --columns interval=interval_unit,interval_count=interval (in Python: columns={'interval': "
        "'interval_unit', 'interval_count': 'interval'})"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_month_of_a_yearly_charge_is_no_snapshot_month(tmp_path: Path, backend: str) -> None:
    assert _import(tmp_path, f"{DATES},interval=interval_unit,interval_count=interval", backend) == 0
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        may = next(r for r in csv.DictReader(f) if r["month"] == "2026-05")
    # 30 every 3 months, 10, 120 a year, 10 until 2026-06-16, 5 every 2 weeks (5 x 365.25 / 12 / 14)
    assert may["customers_end"] == "5"
    assert float(may["mrr_end"]) == pytest.approx(40 + 5 * 365.25 / 12 / 14)  # 50.8705...
