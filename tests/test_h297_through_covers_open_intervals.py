"""H295's findings 01 and 02 (H297): ``import --through`` says the export covers that month, so subscription
intervals without an end run to it; the note on intervals ending early names the real remedies; a tracker holding an
earlier, longer import's later months is told so, not that those months are blank.

The intervals below (7 customers: an upgrade, an annual plan, a trial, a downgrade, a cancel and return, an add-on,
seats 3 -> 2) end their dates in 2026-05; every row without an end is a subscription paying today."""

from __future__ import annotations

import warnings
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from xl_retention import cli

INTERVALS = """customer_id,subscription_id,plan,start,end,amount,interval,quantity,currency,trial_end
A,subA1,starter,2026-01-10,2026-03-15,100,month,1,EUR,
A,subA2,pro,2026-03-15,,200,month,1,EUR,
B,subB1,pro-annual,2026-01-05,,1200,year,1,EUR,
C,subC1,starter,2026-02-01,,50,month,1,EUR,2026-03-01
D,subD1,team,2026-01-01,2026-04-20,300,month,1,EUR,
D,subD2,starter,2026-04-20,,150,month,1,EUR,
E,subE1,starter,2026-01-01,2026-03-10,80,month,1,EUR,
E,subE2,starter,2026-05-02,,80,month,1,EUR,
F,subF1,starter,2026-01-01,,50,month,1,EUR,
F,subF2,addon,2026-02-14,,20,month,1,EUR,
G,subG1,seat,2026-02-01,2026-05-01,30,month,3,EUR,
G,subG2,seat,2026-05-01,,30,month,2,EUR,
"""
#: (customers_start, new, reactivated, lost, customers_end, mrr_end, expansion, contraction, churned) by month
EXPECTED = [
    ("2026-01", 0, 5, 0, 0, 5, 630.0, 0.0, 0.0, 0.0),
    ("2026-02", 5, 1, 0, 0, 6, 740.0, 20.0, 0.0, 0.0),
    ("2026-03", 6, 1, 0, 1, 6, 810.0, 100.0, 0.0, 80.0),
    ("2026-04", 6, 0, 0, 0, 6, 660.0, 0.0, 150.0, 0.0),
    ("2026-05", 6, 0, 1, 0, 7, 710.0, 0.0, 30.0, 0.0),
    ("2026-06", 7, 0, 0, 0, 7, 710.0, 0.0, 0.0, 0.0),  # nobody starts or ends: all 7 pay through June
]
COLUMNS = ["customers_start", "new", "reactivated", "lost", "customers_end", "mrr_end", "expansion_mrr",
           "contraction_mrr", "churned_mrr"]  # fmt: skip


def _rows(moves: pd.DataFrame) -> list[tuple]:
    moves = moves.reset_index()
    return [(str(r["month"]), *(r[c] for c in COLUMNS)) for _, r in moves.iterrows()]


@pytest.mark.parametrize("backend", [None, "duckdb"])
def test_through_counts_open_intervals_through_it(tmp_path: Path, capsys, backend) -> None:
    (tmp_path / "iv.csv").write_text(INTERVALS)
    engine = [] if backend is None else ["--backend", backend]
    code = cli.main(["import", "--subscriptions", str(tmp_path / "iv.csv"), "--to-csv", str(tmp_path / "o"),
                     "--through", "2026-06", *engine])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", index_col="month")
    assert _rows(moves) == EXPECTED  # was: 2026-01 to 2026-05, June not written
    june = moves.loc["2026-06"]
    assert (june["crr"], june["nrr"], june["grr"]) == (1.0, 1.0, 1.0)
    assert "--through 2026-06: no input has a month after it, nothing is left out" in out.splitlines()
    assert "is the last month of iv.csv" not in out


def test_through_fills_the_tracker_month(tmp_path: Path, capsys) -> None:
    (tmp_path / "iv.csv").write_text(INTERVALS)
    tracker = tmp_path / "t.xlsx"
    assert cli.main(["new", str(tracker), "--start", "2026-01", "--months", "12"]) == 0
    assert cli.main(["import", "--subscriptions", str(tmp_path / "iv.csv"), "--into", str(tracker),
                     "--through", "2026-06"]) == 0  # fmt: skip
    wb = openpyxl.load_workbook(tracker)
    customers, revenue = wb["Customers"], wb["Revenue"]
    assert [customers.cell(7, c).value for c in (3, 4)] == [0, 7]  # June: gained 0, 7 at the end
    assert [revenue.cell(7, c).value for c in range(3, 8)] == [0, 0, 0, 0, 0]  # no movement of MRR
    assert [customers.cell(8, c).value for c in (3, 4)] == [None, None]  # July: after --through, blank
    assert "import wrote the months its data covers (2026-01 to 2026-06)" in capsys.readouterr().out


def test_python_through_counts_open_intervals_through_it(tmp_path: Path) -> None:
    from xl_retention import relational
    from xl_retention.tables import LaterMonthsWarning

    (tmp_path / "iv.csv").write_text(INTERVALS)
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        moves = relational.monthly_movements(pd.read_csv(tmp_path / "iv.csv"), through="2026-06")
    assert not [w for w in said if issubclass(w.category, LaterMonthsWarning)]
    assert _rows(moves) == EXPECTED  # was: 2026-01 to 2026-05 (through= after the data's last month ended nothing)


def test_without_through_the_note_names_the_remedies(tmp_path: Path, capsys) -> None:
    (tmp_path / "iv.csv").write_text(INTERVALS)
    assert cli.main(["import", "--subscriptions", str(tmp_path / "iv.csv"), "--to-csv", str(tmp_path / "o")]) == 0
    last_full = pd.Period(pd.Timestamp.today(), freq="M") - 1
    (note,) = [line for line in capsys.readouterr().out.splitlines() if "is the last month of iv.csv" in line]
    assert note == (
        f"2026-05 is the last month of iv.csv (its last date): its customer and MRR tables end there, and the months "
        f"after it, 2026-06 to {last_full} (the last full month), are not written (a tracker keeps them blank, not 0); "
        f"its 7 customers at the end of 2026-05 are not counted after it; if the export was cut short, export it up "
        f"to {last_full}; if it was taken later, its subscriptions without an end active since, give its current "
        f"period or term start column (Stripe's \"Current Period Start (UTC)\", Chargebee's current_term_start, "
        f"Recurly's current_period_started_at), or --through with the last month it covers (e.g. --through "
        f"{last_full})"
    )


def test_snapshots_keep_their_last_month_with_through(tmp_path: Path, capsys) -> None:
    """A snapshots file says nothing of the months after its last (a month without rows may be missing): --through
    after it ends nothing later, as before, and its note names no current-period column."""
    (tmp_path / "s.csv").write_text("customer_id,month,mrr\na,2026-01,10\na,2026-02,10\nb,2026-02,20\n")
    assert cli.main(["import", "--subscriptions", str(tmp_path / "s.csv"), "--to-csv", str(tmp_path / "o"),
                     "--through", "2026-04"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert pd.read_csv(tmp_path / "o" / "movements.csv")["month"].tolist() == ["2026-01", "2026-02"]
    assert (
        "2026-02 is the last month of s.csv (its last date): its customer and MRR tables end there, and the months "
        "after it, 2026-03 to 2026-04 (the last full month), are not written (a tracker keeps them blank, not 0); its "
        "2 customers at the end of 2026-02 are not counted after it; if the export was cut short, export it up to "
        "2026-04"
    ) in out.splitlines()


def _snapshots(path: Path, through: str) -> None:
    rows = []
    for month, values in {
        "2026-01": {"a": 100, "b": 50, "c": 80},
        "2026-02": {"a": 100, "b": 50, "c": 80, "d": 40},
        "2026-03": {"a": 150, "b": 50, "d": 40},
        "2026-04": {"a": 150, "d": 40, "e": 60},
    }.items():
        rows += [f"{c},{month},{v}" for c, v in values.items() if month <= through]  # fmt: skip
    path.write_text("customer_id,month,mrr\n" + "\n".join(rows) + "\n")


def test_an_older_export_names_the_later_months_kept(tmp_path: Path, capsys) -> None:
    """H295 finding 02: the tracker keeps April from the earlier import; the note said April to the last full month
    'are not written (a tracker keeps them blank, not 0)'."""
    _snapshots(tmp_path / "apr.csv", "2026-04")
    _snapshots(tmp_path / "mar.csv", "2026-03")
    tracker = tmp_path / "t.xlsx"
    assert cli.main(["new", str(tracker), "--start", "2026-01", "--months", "12"]) == 0
    assert cli.main(["import", "--subscriptions", str(tmp_path / "apr.csv"), "--into", str(tracker)]) == 0
    capsys.readouterr()
    assert cli.main(["import", "--subscriptions", str(tmp_path / "mar.csv"), "--into", str(tracker)]) == 0
    out = capsys.readouterr().out.splitlines()
    last_full = pd.Period(pd.Timestamp.today(), freq="M") - 1
    assert (
        f"2026-03 is the last month of mar.csv (its last date): its customer and MRR tables end there; after it, "
        f"2026-04 holds figures (typed or from an earlier import), kept, and 2026-05 to {last_full} (the last full "
        f"month) are blank (not written; not 0); its 3 customers at the end of 2026-03 are not counted after it; "
        f"if the export was cut short, export it up to {last_full}"
    ) in out
    ws = openpyxl.load_workbook(tracker)["Customers"]
    assert [ws.cell(5, c).value for c in (3, 4)] == [1, 3]  # April kept: 1 gained, 3 at the end


def test_a_tracker_holding_every_later_month_is_not_told_to_export_again() -> None:
    from types import SimpleNamespace

    from xl_retention.workbook.last_month import last_month_notes

    months = pd.PeriodIndex(["2026-02", "2026-03"], freq="M", name="month")
    tables = SimpleNamespace(purchases=pd.DataFrame({"buyers": [3, 1]}, index=months),
                             sources={"orders": Path("orders.csv")})  # fmt: skip
    kept = {"orders": [pd.Period(m, "M") for m in ("2026-04", "2026-05", "2026-06")]}
    assert last_month_notes(tables, today="2026-07-15", kept=kept) == [
        "2026-03 is the last month of orders.csv (its last order): its purchase tables end there; after it, 2026-04 "
        "to 2026-06 (the last full month) hold figures (typed or from an earlier import), kept"
    ]
    kept = {"orders": [pd.Period(m, "M") for m in ("2026-04", "2026-06")]}
    assert last_month_notes(tables, today="2026-07-15", kept=kept) == [
        "2026-03 is the last month of orders.csv (its last order): its purchase tables end there; after it, 2026-04, "
        "2026-06 (the last full month) hold figures (typed or from an earlier import), kept, and 2026-05 is blank (not "
        "written; not 0); if the export was cut short, export it up to 2026-06"
    ]


def test_python_warning_on_intervals_names_the_remedies(tmp_path: Path) -> None:
    from xl_retention import relational, tables
    from xl_retention.reading import ReadOptions
    from xl_retention.tables import LaterMonthsWarning

    (tmp_path / "iv.csv").write_text(INTERVALS)
    frame = pd.read_csv(tmp_path / "iv.csv")
    heard = []
    for function in (relational.monthly_movements, tables.monthly_movements):
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            function(frame, options=ReadOptions(today="2026-07-10"))
        heard += [str(w.message) for w in said if w.category is LaterMonthsWarning]
    head = (
        "2026-05 is the data's last month: the subscriptions' tables end there, and the months after it, 2026-06 (the "
        "last full month), are not written (no rows, not 0: nothing says there were none); the 7 customers at the end "
        "of 2026-05 are not counted after it; if the export was cut short, export it up to 2026-06; if it was taken "
        "later, its subscriptions without an end active since, give its current period or term start column "
        "(Stripe's \"Current Period Start (UTC)\", Chargebee's current_term_start, Recurly's "
        "current_period_started_at), or "
    )
    assert heard == [
        head + "through= the last month it covers (e.g. through='2026-06')",
        head + "snapshots_from_intervals(..., through=) with the last month it covers (e.g. through='2026-06')",
    ]
