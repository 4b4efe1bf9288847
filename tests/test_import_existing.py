"""import --existing-at-start: customers already active in the subscriptions' first month are not a signup cohort.

A snapshots export of the last months of an older business holds, in its first month, customers of every tenure;
fitted as one cohort they bias the sBG/BdW lifetime several times too long (H3 g17). With the switch, that cohort is
left out of the cohort tables and the tracker's triangle (the monthly counts keep it); without it, a first month
far above the later months' sign-ups gets a note naming the month and the switch.
"""

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from cli_process import run

from xl_retention.workbook.importer import load_tables

MONTHS = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]
EXISTING = [500, 480, 465, 452, 440]  # the first month's customers still active, month by month
LATER = {"2025-02": [40, 30, 25, 22], "2025-03": [40, 31, 27], "2025-04": [40, 29]}  # sign-ups, then survivors


def snapshots(path: Path) -> Path:
    rows = []
    for cohort, counts in [("2025-01", EXISTING), *LATER.items()]:
        start = MONTHS.index(cohort)
        for i in range(counts[0]):
            rows += [(f"{cohort}-{i}", MONTHS[start + k], 10) for k, n in enumerate(counts) if i < n]
    pd.DataFrame(rows, columns=["customer_id", "month", "mrr"]).to_csv(path, index=False)
    return path


NOTE = (
    "the subscriptions start in 2025-01 with 500 customers, 12.5 times the later months' median of new customers "
    "(40): if the business is older than the data, they joined before 2025-01 and the Cohorts sheet's sBG fit takes "
    "them as one cohort of sign-ups (a lifetime far too long); import with --existing-at-start to leave them out of "
    "the cohorts"
)
LEFT_OUT = (
    "left the 2025-01 cohort out of the cohorts (and a tracker's sBG and BdW fits): its 500 customers were already "
    "active when the data starts (--existing-at-start); the monthly counts keep them"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_first_months_cohort_is_left_out_and_the_monthly_counts_keep_it(tmp_path, backend):
    path = snapshots(tmp_path / "snap.csv")
    plain = load_tables(path, backend=backend)
    assert plain.notes == [NOTE] and plain.existing is None
    assert plain.survivors.index.astype(str).tolist() == MONTHS
    tables = load_tables(path, backend=backend, existing_at_start=True)
    assert tables.notes == [LEFT_OUT]
    assert tables.existing == (pd.Period("2025-01", "M"), 500)
    for name in ("survivors", "customer_cohorts", "revenue_cohorts"):
        assert getattr(tables, name).index.astype(str).tolist() == MONTHS[1:], name
    assert tables.survivors.loc[pd.Period("2025-02", "M")].tolist()[:4] == [40, 30, 25, 22]
    assert tables.revenue_cohorts.loc[pd.Period("2025-03", "M")].tolist()[:3] == [400, 310, 270]
    pd.testing.assert_frame_equal(tables.movements, plain.movements)  # the counts keep the existing customers
    assert tables.movements["customers_end"].tolist() == [500, 520, 535, 548, 518]


def test_per_segment_every_segments_first_month_cohort_is_left_out(tmp_path):
    path = snapshots(tmp_path / "snap.csv")
    frame = pd.read_csv(path)
    frame["plan"] = ["Pro" if int(c.rsplit("-", 1)[1]) % 2 else "Basic" for c in frame["customer_id"]]
    frame.to_csv(path, index=False)
    tables = load_tables(path, segment="plan", existing_at_start=True)
    cohorts = tables.survivors.index
    assert sorted(set(cohorts.get_level_values("segment"))) == ["Basic", "Pro"]
    assert sorted(set(cohorts.get_level_values("cohort").astype(str))) == MONTHS[1:]
    assert tables.survivors.loc[("Basic", pd.Period("2025-02", "M"))].tolist()[:4] == [20, 15, 13, 11]


def test_a_business_that_starts_with_its_data_gets_no_note(tmp_path):
    (tmp_path / "s.csv").write_text(
        "customer_id,month,mrr\n"
        + "".join(f"c{m}{i},2025-0{m},10\n" for m in range(1, 6) for i in range(4))  # four sign-ups every month
    )
    assert load_tables(tmp_path / "s.csv").notes == []


def test_the_switch_without_subscriptions_is_refused(tmp_path):
    (tmp_path / "o.csv").write_text("customer_id,date,amount\na,2025-01-02,10\n")
    result = run("import", "--orders", tmp_path / "o.csv", "--to-csv", tmp_path / "out", "--existing-at-start")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "xl-retention: error: --existing-at-start goes with --subscriptions: it leaves the customers active in "
        "their first month out of the subscription cohorts"
    )


def test_into_a_tracker_the_first_row_is_blank_and_the_fit_reads_the_later_cohorts(tmp_path):
    path = snapshots(tmp_path / "snap.csv")
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2025-01", "--months", "5").returncode == 0
    fits = {}
    for name, extra in (("kept", []), ("left out", ["--existing-at-start"])):
        result = run("import", "--subscriptions", path, "--into", book, "--recalc", *extra, "--replace-typed")
        assert result.returncode == 0, result.stdout + result.stderr
        assert (NOTE if not extra else LEFT_OUT) in result.stdout.splitlines()
        wb = openpyxl.load_workbook(book, data_only=True)
        fits[name] = [wb["Lifetime value"][ref].value for ref in ("B9", "B10")]
        first = [wb["Cohorts"].cell(4, c).value for c in range(2, 7)]  # Cohort_Counts is B4:F8
        assert first == (EXISTING if not extra else [None] * 5)
    assert (  # the first import's row of the customers there at the start, blanked by the second (the import's
        # record tells that the first import wrote them: workbook.import_record)
        "updated 5 values an earlier import wrote: 'Cohorts'!B4 (was 500), 'Cohorts'!C4 (was 480), 'Cohorts'!D4 "
        "(was 465), 'Cohorts'!E4 (was 452), 'Cohorts'!F4 (was 440)" in result.stdout.splitlines()
    )
    # the fits of the triangle with and without the first row (scipy betaln + Nelder-Mead, not xl-retention's code;
    # without it: tests/test_workbook_partial2.py's left-truncated case)
    assert fits["kept"] == pytest.approx([0.109971, 1.264371], rel=1e-5)
    assert fits["left out"] == pytest.approx([0.396036, 1.192883], rel=1e-5)
