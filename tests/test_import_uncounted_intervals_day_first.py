"""A billing export with an Interval column and no interval count whose billing period is written day-first
(25/01/2026, as Stripe's exports open in a European Excel and are saved again) read the quarterly plan's 270 as MRR 270
a month, silently: reading.interval_spans read the period's dates as ISO 8601 only (NaT otherwise), so the 3-month
period was never seen. It now reads them as the file's own date columns are read (day-first, proved by a day above
12), and its amounts as read, so the day-first file is refused as the ISO one is."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, run

HEADER = "Customer ID,Plan,Interval,Amount,Start Date,Current Period Start,Current Period End,Trial End,Ended At\n"
MONTHLY = (
    'cus_A,Pro,month,"29,00",03/06/2026,03/11/2026,03/12/2026,,\n'
    'cus_B,Pro annual,year,"990,00",10/06/2026,10/06/2026,10/06/2027,,\n'
)
COLUMNS = "start=Start Date,end=Ended At"


def _write(tmp_path, text: str):
    (tmp_path / "subs.csv").write_text(text)
    return tmp_path / "subs.csv"


def test_a_day_first_three_month_period_beside_month_without_a_count_is_refused(tmp_path, capsys) -> None:
    row = 'cus_K,Pro,month,"270,00",21/10/2026,21/10/2026,21/01/2027,,\n'
    path = _write(tmp_path, HEADER + MONTHLY + row)
    message = refusal(capsys, "--subscriptions", str(path), "--columns", COLUMNS, "--to-csv", str(tmp_path / "out"))
    assert message == (
        "subs.csv, column 'Current Period End': billing periods ('Current Period Start' to 'Current Period End') of 2 "
        "or more of the row's intervals ('Interval') in row 4 (counting the header as row 1): '2026-10-21 to "
        "2027-01-21 (3 months) beside month': with no interval count the amount is read as per 1 'month' interval "
        "and counted as MRR several times over: export the interval count (Stripe's 'Plan Interval Count', how many "
        "intervals a period bills) too and map it: --columns interval_count=NAME"
    )


@pytest.mark.parametrize("amount", ['"0,00"', "0"])
def test_a_free_rows_long_period_is_not_read_whatever_its_zero_is_written(tmp_path, amount) -> None:
    row = f"cus_K,Pro,month,{amount},21/10/2026,21/10/2026,21/01/2027,,\n"  # a free plan's: no MRR to overcount
    path = _write(tmp_path, HEADER + MONTHLY + row)
    out = run(tmp_path, "--subscriptions", path, "--columns", COLUMNS)
    movements = pd.read_csv(out / "movements.csv").set_index("month")
    assert movements.loc["2026-11", "mrr_end"] == 29.0 + 82.5


def test_a_day_first_free_trials_long_period_is_read(tmp_path) -> None:
    row = 'cus_K,Pro,month,"29,00",13/06/2026,13/06/2026,13/09/2026,13/09/2026,\n'  # a 3-month free trial
    path = _write(tmp_path, HEADER + MONTHLY.splitlines(keepends=True)[1] + row)
    out = run(tmp_path, "--subscriptions", path, "--columns", COLUMNS)
    movements = pd.read_csv(out / "movements.csv").set_index("month")
    assert movements.loc["2026-09", "mrr_end"] == 29.0 + 82.5


def test_a_period_whose_days_cannot_tell_the_order_is_read_as_the_start_proves(tmp_path, capsys) -> None:
    # every period date has a day of 12 or less (03/11/2026: 3 November or 11 March?); the start's 21/10: day-first
    text = HEADER + (
        'cus_A,Pro,month,"29,00",21/10/2026,03/11/2026,03/12/2026,,\n'
        'cus_K,Pro,month,"270,00",13/10/2026,01/11/2026,01/02/2027,,\n'  # 1 November to 1 February: a quarter
    )
    path = _write(tmp_path, text)
    message = refusal(capsys, "--subscriptions", str(path), "--columns", COLUMNS, "--to-csv", str(tmp_path / "out"))
    assert message.startswith(
        "subs.csv, column 'Current Period End': billing periods ('Current Period Start' to 'Current Period End') of 2 "
        "or more of the row's intervals ('Interval') in row 3 (counting the header as row 1): '2026-11-01 to "
        "2027-02-01 (3 months) beside month'"
    )
