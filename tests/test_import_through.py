"""``xl-retention import --through YYYY-MM``: an export taken on the 2nd of a month made that month, two days of it,
the tracker's last month (a CRR of 100%, a churn average taking its 0% in, a lifetime value ~17% high). With
``--through`` the tables end with the month given: a sign-up after it is not a customer yet, a loss after it is
still active at its end, orders, answers and visits after it are left out, and the console says what was left out
(docs/metrics.md, "Months not observed yet"). Dates are relative to the run's month, ``N``."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]

N = pd.Period(dt.date.today(), freq="M")  # the current month


def day(month: pd.Period, d: int = 1) -> str:
    return str(month.to_timestamp().date().replace(day=d))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = cli.main(["import", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def subscriptions(tmp_path: Path) -> Path:
    path = tmp_path / "subs.csv"
    path.write_text(
        "customer_id,start,end,mrr\n"
        f"a,{day(N - 3, 3)},,10\n"
        f"b,{day(N - 3, 10)},{day(N)},20\n"  # lost in N: active at the end of N - 1
        f"c,{day(N - 2, 5)},{day(N - 1, 15)},30\n"  # lost in N - 1
        f"d,{day(N - 1)},,40\n"
        f"e,{day(N)},,50\n"  # a sign-up in N: not a customer yet through N - 1
    )
    return path


def read(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / f"{name}.csv", dtype={"month": str, "cohort": str})


def test_intervals_end_with_the_month_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    subs = subscriptions(tmp_path)
    code, lines, err = run(capsys, "--subscriptions", str(subs), "--to-csv", str(tmp_path / "o"), "--through",
                           str(N - 1))  # fmt: skip
    assert code == 0, err
    moves = read(tmp_path / "o", "movements")
    assert moves["month"].tolist() == [str(N - 3), str(N - 2), str(N - 1)]
    assert moves["customers_start"].tolist() == [0, 2, 3]
    assert moves["new"].tolist() == [2, 1, 1]
    assert moves["lost"].tolist() == [0, 0, 1]
    assert moves["customers_end"].tolist() == [2, 3, 3]
    assert moves["mrr_end"].tolist() == [30.0, 60.0, 70.0]  # b's 20 still in N - 1
    assert moves["churned_mrr"].tolist() == [0.0, 0.0, 30.0]
    assert moves["crr"].iloc[-1] == pytest.approx(2 / 3)
    cohorts = read(tmp_path / "o", "customer_cohorts")
    assert cohorts["cohort"].tolist() == [str(N - 3), str(N - 2), str(N - 1)]
    assert list(cohorts.columns) == ["cohort", "0", "1", "2"]
    assert cohorts[["0", "1", "2"]].fillna(-1).to_numpy().tolist() == [[2, 2, 2], [1, 0, -1], [1, -1, -1]]
    assert f"--through {N - 1}: the tables end with it, leaving out {N} of subs.csv (1 new customer, 1 lost)" in lines
    assert not any("is the current month, still in progress" in line for line in lines)


def test_without_through_the_current_month_is_the_last_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    subs = subscriptions(tmp_path)
    code, lines, err = run(capsys, "--subscriptions", str(subs), "--to-csv", str(tmp_path / "o"))
    assert code == 0, err
    moves = read(tmp_path / "o", "movements")
    assert moves["month"].iloc[-1] == str(N)
    assert moves[["new", "lost", "customers_end"]].iloc[-1].tolist() == [1, 1, 3]
    assert any(line.startswith(f"the last month, {N}, is the current month") for line in lines)
    assert not any(line.startswith("--through") for line in lines)


def test_snapshots_after_the_month_are_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "snaps.csv"
    path.write_text(
        "customer_id,month,mrr\n"
        f"x,{N - 2},10\ny,{N - 2},5\nx,{N - 1},10\n"
        f"x,{N},15\ny,{N},5\nz,{N},7\n"  # an expansion, a return and a sign-up in N
    )
    code, lines, err = run(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"), "--through",
                           str(N - 1))  # fmt: skip
    assert code == 0, err
    moves = read(tmp_path / "o", "movements")
    assert moves["month"].tolist() == [str(N - 2), str(N - 1)]
    assert moves[["new", "lost", "customers_end", "mrr_end"]].to_numpy().tolist() == [[2, 0, 2, 15], [0, 1, 1, 10]]
    survivors = read(tmp_path / "o", "survivors")
    assert survivors[["0", "1"]].fillna(-1).to_numpy().tolist() == [[2, 1], [0, -1]]
    assert (
        f"--through {N - 1}: the tables end with it, leaving out {N} of snaps.csv (1 new customer, 1 returning)"
        in lines
    )


def test_orders_after_the_month_are_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        "customer_id,date,amount\n"
        f"a,{day(N - 2, 3)},10\na,{day(N - 1, 3)},10\nb,{day(N - 1, 4)},5\nb,{day(N - 1, 9)},5\n"
        f"a,{day(N)},10\nc,{day(N)},10\nd,{day(N)},10\n"
    )
    code, lines, err = run(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"), "--through", str(N - 1))
    assert code == 0, err
    purchases = read(tmp_path / "o", "purchases")
    assert purchases["month"].tolist() == [str(N - 2), str(N - 1)]
    assert purchases[["buyers", "returning", "repeat_purchasers"]].to_numpy().tolist() == [[1, 0, 0], [2, 1, 1]]
    cohorts = read(tmp_path / "o", "order_cohorts")
    assert cohorts[["0", "1"]].fillna(-1).to_numpy().tolist() == [[1, 1], [1, -1]]
    revenue = read(tmp_path / "o", "order_revenue_cohorts")
    assert revenue[["0", "1"]].fillna(-1).to_numpy().tolist() == [[10, 10], [10, -1]]
    assert f"--through {N - 1}: the tables end with it, leaving out {N} of orders.csv (3 buyers)" in lines


def test_answers_and_visits_after_the_month_are_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers, visits = tmp_path / "answers.csv", tmp_path / "visits.csv"
    answers.write_text(f"date,score\n{day(N - 1, 2)},10\n{day(N - 1, 3)},9\n{day(N - 1, 4)},3\n{day(N)},10\n"
                       f"{day(N)},0\n")  # fmt: skip
    visits.write_text(f"visitor_id,date\nv1,{day(N - 1)}\nv2,{day(N - 1)}\nv1,{day(N)}\nv3,{day(N)}\n")
    out = tmp_path / "o"
    code, lines, err = run(capsys, "--nps", str(answers), "--visits", str(visits), "--to-csv", str(out), "--through",
                           str(N - 1))  # fmt: skip
    assert code == 0, err
    nps = read(out, "nps")
    assert nps["month"].tolist() == [str(N - 1)]
    assert nps[["responses", "promoters", "passives", "detractors"]].iloc[0].tolist() == [3, 2, 0, 1]
    assert math.isclose(nps["nps"].iloc[0], 100 / 3)
    assert read(out, "visits")[["month", "visitors"]].to_numpy().tolist() == [[str(N - 1), 2]]
    assert (
        f"--through {N - 1}: the tables end with it, leaving out {N} of visits.csv (2 visitors); {N} of answers.csv "
        "(2 answers)" in lines
    )


@pytest.mark.parametrize("value", ["2026-13", "2026-1", "November", "2026-11-30", "11/2026"])
def test_a_through_that_is_not_a_month_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  value: str) -> None:  # fmt: skip
    subs = subscriptions(tmp_path)
    code, lines, err = run(capsys, "--subscriptions", str(subs), "--to-csv", str(tmp_path / "o"), "--through", value)
    assert code != 0
    assert err == (
        f"xl-retention: error: --through {value!r} is not a month: give it as YYYY-MM (the last full month: "
        f"--through {N - 1})\n"
    )
    assert not (tmp_path / "o").exists()


def test_a_through_after_the_current_month_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    subs = subscriptions(tmp_path)
    code, lines, err = run(capsys, "--subscriptions", str(subs), "--to-csv", str(tmp_path / "o"), "--through",
                           str(N + 1))  # fmt: skip
    assert code != 0
    assert err == (
        f"xl-retention: error: --through {N + 1} is after the current month, {N}: its months have not happened yet "
        f"(the last full month: --through {N - 1})\n"
    )


def test_the_current_month_itself_is_allowed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    subs = subscriptions(tmp_path)
    code, lines, err = run(capsys, "--subscriptions", str(subs), "--to-csv", str(tmp_path / "o"), "--through", str(N))
    assert code == 0, err
    assert read(tmp_path / "o", "movements")["month"].iloc[-1] == str(N)
    assert f"--through {N}: no input has a month after it, nothing is left out" in lines


def test_a_through_before_an_inputs_first_month_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    subs = subscriptions(tmp_path)
    orders = tmp_path / "orders.csv"
    orders.write_text(f"customer_id,date,amount\na,{day(N - 1, 3)},10\n")
    code, lines, err = run(capsys, "--subscriptions", str(subs), "--orders", str(orders), "--to-csv",
                           str(tmp_path / "o"), "--through", str(N - 2))  # fmt: skip
    assert code != 0
    assert err == (
        f"xl-retention: error: --through {N - 2} is before orders.csv's first month, {N - 1}: none of its months "
        f"would be imported (give --through {N - 1} or later, or leave that input out)\n"
    )
    assert not (tmp_path / "o").exists()


def test_an_input_ending_before_through_is_noted_by_through(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    orders = tmp_path / "orders.csv"
    orders.write_text(f"customer_id,date,amount\na,{day(N - 4, 3)},10\nb,{day(N - 3, 3)},10\n")
    code, lines, err = run(capsys, "--orders", str(orders), "--to-csv", str(tmp_path / "o"), "--through", str(N - 2))
    assert code == 0, err
    assert (
        f"{N - 3} is the last month of orders.csv (its last order): its purchase tables end there, and the months "
        f"after it, {N - 2} (the last full month), are not written (a tracker keeps them blank, not 0); if the export "
        f"was cut short, export it up to {N - 2}" in lines
    )  # the month --through names, not the run's last full month


def tracker(tmp_path: Path) -> Path:
    path = tmp_path / "tracker.xlsx"
    assert cli.main(["new", str(path), "--start", str(N - 3), "--months", "6"]) == 0
    return path


def test_a_tracker_is_filled_through_the_month(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    path, subs = tracker(tmp_path), subscriptions(tmp_path)
    capsys.readouterr()
    code, lines, err = run(capsys, "--subscriptions", str(subs), "--into", str(path), "--through", str(N - 1))
    assert code == 0, err
    assert f"import wrote the months its data covers ({N - 3} to {N - 1}) on Customers, Revenue, Cohorts" in lines
    wb = load_workbook(path)
    ws = wb["Customers"]
    header = [c.value for c in ws[1]]
    gained, end = header.index("Gained (new + reactivated)") + 1, header.index("Customers at end") + 1
    assert [ws.cell(r, end).value for r in range(2, 7)] == [2, 3, 3, None, None]
    assert [ws.cell(r, gained).value for r in range(2, 7)] == [2, 1, 1, None, None]


def test_a_tracker_filled_after_the_month_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, subs = tracker(tmp_path), subscriptions(tmp_path)
    assert cli.main(["import", "--subscriptions", str(subs), "--into", str(path)]) == 0  # an earlier import: N too
    before = path.read_bytes()
    capsys.readouterr()
    code, lines, err = run(capsys, "--subscriptions", str(subs), "--into", str(path), "--through", str(N - 1))
    assert code != 0
    assert err == (
        f"xl-retention: error: tracker.xlsx holds figures after --through {N - 1} (typed or from an earlier import) "
        f"in 'Customers' ({N}), 'Revenue' ({N}), 'Cohorts' ({N}), which the import would leave beside its months: "
        "clear those months there, or import without --through\n"
    )
    assert path.read_bytes() == before


def test_a_tracker_with_answers_after_the_month_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, answers = tracker(tmp_path), tmp_path / "answers.csv"
    answers.write_text(f"date,score\n{day(N - 1, 2)},10\n{day(N - 1, 3)},9\n{day(N)},10\n{day(N)},0\n")
    assert cli.main(["import", "--nps", str(answers), "--into", str(path)]) == 0  # an earlier import: N's answers
    before = path.read_bytes()
    capsys.readouterr()
    code, lines, err = run(capsys, "--nps", str(answers), "--into", str(path), "--through", str(N - 1))
    assert code != 0
    assert err == (
        f"xl-retention: error: tracker.xlsx holds figures after --through {N - 1} (typed or from an earlier import) "
        f"in 'NPS scores' ({N}), which the import would leave beside its months: clear those months there, or import "
        "without --through\n"
    )
    assert path.read_bytes() == before


@pytest.mark.parametrize("engine", [["--backend", "duckdb"], ["--segment", "plan"]])
def test_engines_and_segments_end_with_the_month_alike(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        engine: list[str]) -> None:  # fmt: skip
    path = tmp_path / "subs.csv"
    plans = ["x", "y", "x", "y", "x"]
    rows = subscriptions(tmp_path).read_text().splitlines()
    path.write_text("\n".join([rows[0] + ",plan"] + [f"{r},{p}" for r, p in zip(rows[1:], plans, strict=True)]) + "\n")
    code, lines, err = run(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"), "--through",
                           str(N - 1), *engine)  # fmt: skip
    assert code == 0, err
    moves = read(tmp_path / "o", "movements")
    if "segment" in moves:
        assert moves[["segment", "month", "new", "lost", "customers_end"]].to_numpy().tolist() == [
            ["x", str(N - 3), 1, 0, 1], ["x", str(N - 2), 1, 0, 2], ["x", str(N - 1), 0, 1, 1],
            ["y", str(N - 3), 1, 0, 1], ["y", str(N - 2), 0, 0, 1], ["y", str(N - 1), 1, 0, 2],
        ]  # fmt: skip
        cohorts = read(tmp_path / "o", "customer_cohorts")
        assert cohorts["cohort"].tolist() == [str(N - 3), str(N - 2), str(N - 1)] * 2
        assert cohorts[["0", "1", "2"]].fillna(-1).to_numpy().tolist() == [
            [1, 1, 1], [1, 0, -1], [0, -1, -1], [1, 1, 1], [0, 0, -1], [1, -1, -1]
        ]  # fmt: skip
    else:
        assert moves[["month", "new", "lost", "customers_end"]].to_numpy().tolist() == [
            [str(N - 3), 2, 0, 2], [str(N - 2), 1, 0, 3], [str(N - 1), 1, 1, 3]
        ]  # fmt: skip
    assert f"--through {N - 1}: the tables end with it, leaving out {N} of subs.csv (1 new customer, 1 lost)" in lines


def test_losses_after_the_month_keep_the_no_churn_note_away(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    path = tmp_path / "subs.csv"  # nobody lost before N: the export holds ended subscriptions, lost in N
    path.write_text("customer_id,start,end,mrr\n" + "".join(
        f"c{i},{day(N - 4 + i % 4, 3)},{day(N) if i < 3 else ''},10\n" for i in range(8)))  # fmt: skip
    code, lines, err = run(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"), "--through",
                           str(N - 1))  # fmt: skip
    assert code == 0, err
    assert read(tmp_path / "o", "movements")["lost"].tolist() == [0, 0, 0, 0]
    assert f"--through {N - 1}: the tables end with it, leaving out {N} of subs.csv (3 lost)" in lines
    assert not any(line.startswith("no customer was lost") for line in lines)
