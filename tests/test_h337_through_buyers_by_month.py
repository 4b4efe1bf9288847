"""H331's finding 04: ``--through``'s note on several months left out added each month's buyers up ("(3 buyers)"
for customers a and b, a having bought in both months): a customer in two months is in both monthly counts, so the
note now tells them month by month ("2 buyers in M1, 1 in M2"); one month's count, and answers (events), stay one
figure. Dates are relative to the run's month, ``N``."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from xl_retention import cli

N = pd.Period(dt.date.today(), freq="M")  # the current month
T, M1, M2 = N - 3, N - 2, N - 1


def day(month: pd.Period, d: int) -> str:
    return str(month.to_timestamp().date().replace(day=d))


def test_two_months_left_out_tell_their_buyers_month_by_month(tmp_path, capsys):
    path = tmp_path / "orders.csv"
    path.write_text(
        "customer_id,date,amount\n"
        f"x,{day(N - 5, 10)},5.00\ny,{day(N - 5, 12)},5.00\nx,{day(T, 10)},5.00\n"
        f"a,{day(M1, 5)},10.00\nb,{day(M1, 6)},20.00\na,{day(M2, 7)},30.00\n"
    )
    code = cli.main(["import", "--orders", str(path), "--through", str(T), "--to-csv", str(tmp_path / "o")])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    note = next(line for line in out if line.startswith(f"--through {T}"))
    assert note.endswith(f"leaving out {M1} to {M2} (2 months) of orders.csv (2 buyers in {M1}, 1 in {M2})"), note
    assert "(3 buyers)" not in note
