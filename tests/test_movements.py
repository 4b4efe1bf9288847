"""Raw data to monthly tables (xl_retention.movements): hand-computed fixtures, bad data, properties."""

from __future__ import annotations

import math
import re
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from xl_retention import errors
from xl_retention.movements import (
    MOVEMENT_COLUMNS,
    NPS_COLUMNS,
    PURCHASE_COLUMNS,
    VISITOR_COLUMNS,
    DataError,
    cohort_rates,
    cohort_table,
    cohorts_from_orders,
    cohorts_from_snapshots,
    monthly_movements,
    normalize_columns,
    nps_by_month,
    order_tables,
    overall_repeat_purchase_rate,
    parse_column_map,
    read_table,
    repeat_purchases,
    returning_visitors,
    snapshots_from_intervals,
    subscription_tables,
)
from xl_retention.reading.inclusive_ends import _whole_months, renewal_gaps
from xl_retention.tables import _months

NAN = float("nan")


def months(first: str, n: int, name: str = "month") -> pd.PeriodIndex:
    return pd.period_range(first, periods=n, freq="M", name=name)


# -- the subscription fixture -----------------------------------------------------------
# Intervals: `end` is the day service stops (exclusive); blank = still active.
INTERVALS = pd.DataFrame(
    [
        # A: steady 100 from January on.
        ("A", "2024-01-01", None, 100),
        # B: 50 from mid-January; plan change on 10 March to 80 (the first interval ends the day
        #    the second starts): January and February at 50, March on at 80 -> expansion 30 in March.
        ("B", "2024-01-15", "2024-03-10", 50),
        ("B", "2024-03-10", None, 80),
        # C: 200 until April, then 150 -> contraction 50 in April.
        ("C", "2024-01-01", "2024-04-01", 200),
        ("C", "2024-04-01", None, 150),
        # D: 30 from 3 February, stops 15 April -> active February and March, churned in April.
        ("D", "2024-02-03", "2024-04-15", 30),
        # E: 40 in January only, then a gap of three months (February, March, April),
        #    back at 60 in May -> churned in February, reactivated in May.
        ("E", "2024-01-01", "2024-02-01", 40),
        ("E", "2024-05-01", None, 60),
        # F: joins on 5 March and leaves on 20 March: active (and new) in March, lost in April.
        ("F", "2024-03-05", "2024-03-20", 25),
        # G: two overlapping subscriptions that add up: 10 from February, plus 15 in March and
        #    April -> expansion 15 in March, contraction 15 in May.
        ("G", "2024-02-01", None, 10),
        ("G", "2024-03-01", "2024-05-01", 15),
    ],
    columns=["customer_id", "start", "end", "mrr"],
)

# customer -> MRR per month, January to June 2024 (None: no row; 0: the month an interval's loss counts)
EXPECTED_SNAPSHOTS = {
    "A": [100, 100, 100, 100, 100, 100],
    "B": [50, 50, 80, 80, 80, 80],
    "C": [200, 200, 200, 150, 150, 150],
    "D": [None, 30, 30, 0, None, None],
    "E": [40, 0, None, None, 60, 60],
    "F": [None, None, 25, 0, None, None],
    "G": [None, 10, 25, 25, 10, 10],
}


@pytest.fixture
def snapshots() -> pd.DataFrame:
    return snapshots_from_intervals(INTERVALS, through="2024-06", source="subscriptions.csv")


def test_snapshots_from_intervals(snapshots: pd.DataFrame) -> None:
    rows = [
        (customer, pd.Period("2024-01", "M") + i, float(mrr))
        for customer, values in EXPECTED_SNAPSHOTS.items()
        for i, mrr in enumerate(values)
        if mrr is not None
    ]
    expected = pd.DataFrame(rows, columns=["customer_id", "month", "mrr"])
    expected["month"] = expected["month"].astype("period[M]")
    pd.testing.assert_frame_equal(snapshots, expected, check_dtype=False)
    assert snapshots["month"].dtype == pd.PeriodDtype("M")


def test_intervals_default_through_is_the_last_month_with_an_event() -> None:
    # Last start: May (E); last loss month: May (G's second interval). Open intervals run to May.
    snaps = snapshots_from_intervals(INTERVALS)
    assert snaps["month"].max() == pd.Period("2024-05", "M")
    assert snaps.loc[snaps["customer_id"] == "A", "mrr"].tolist() == [100.0] * 5


def test_intervals_through_cuts_and_drops_later_intervals() -> None:
    snaps = snapshots_from_intervals(INTERVALS, through="2024-02")
    assert sorted(snaps["customer_id"].unique()) == ["A", "B", "C", "D", "E", "G"]
    assert snaps["month"].max() == pd.Period("2024-02", "M")


def test_join_and_leave_same_month_is_new_then_lost() -> None:
    iv = pd.DataFrame({"customer_id": [7], "start": ["2024-03-05"], "end": ["2024-03-20"], "mrr": [25]})
    m = monthly_movements(snapshots_from_intervals(iv))
    assert m.index.tolist() == list(months("2024-03", 2))
    assert m["new"].tolist() == [1, 0]
    assert m["customers_end"].tolist() == [1, 0]
    assert m["lost"].tolist() == [0, 1]
    assert m["churned_mrr"].tolist() == [0.0, 25.0]


# Customer and MRR movements of the fixture, January to June 2024, by hand:
#   Jan: A, B, C, E new (100 + 50 + 200 + 40 = 390).
#   Feb: D, G new (30 + 10); E churned (40).                                   390 + 40 - 40 = 390
#   Mar: F new (25); B +30 and G +15 expansion.                                390 + 25 + 45 = 460
#   Apr: C -50 contraction; D (30) and F (25) churned.                         460 - 50 - 55 = 355
#   May: E reactivated (60); G -15 contraction.                                355 + 60 - 15 = 400
#   Jun: no movement.                                                                            400
EXPECTED_MOVEMENTS = pd.DataFrame(
    {
        "customers_start": [0, 4, 5, 6, 4, 5],
        "new": [4, 2, 1, 0, 0, 0],
        "reactivated": [0, 0, 0, 0, 1, 0],
        "gained": [4, 2, 1, 0, 1, 0],
        "lost": [0, 1, 0, 2, 0, 0],
        "customers_end": [4, 5, 6, 4, 5, 5],
        "mrr_start": [0.0, 390, 390, 460, 355, 400],
        "new_mrr": [390.0, 40, 25, 0, 0, 0],
        "expansion_mrr": [0.0, 0, 45, 0, 0, 0],
        "reactivation_mrr": [0.0, 0, 0, 0, 60, 0],
        "contraction_mrr": [0.0, 0, 0, 50, 15, 0],
        "churned_mrr": [0.0, 40, 0, 55, 0, 0],
        "mrr_end": [390.0, 390, 460, 355, 400, 400],
        "lost_mrr": [0.0, 40, 0, 105, 15, 0],
        # CRR = (E - N) / S; undefined in January (no customers at the start).
        "crr": [NAN, 3 / 4, 5 / 5, 4 / 6, 4 / 4, 5 / 5],
        "churn_rate": [NAN, 1 / 4, 0, 2 / 6, 0, 0],
        # (lost - expansion) / start MRR; negative in March (expansion beats losses).
        "net_revenue_churn": [NAN, 40 / 390, -45 / 390, 105 / 460, 15 / 355, 0],
        "gross_revenue_churn": [NAN, 40 / 390, 0, 105 / 460, 15 / 355, 0],
        "nrr": [NAN, 350 / 390, 435 / 390, 355 / 460, 340 / 355, 1],
        "grr": [NAN, 350 / 390, 1, 355 / 460, 340 / 355, 1],
        # (new + reactivation + expansion) / lost; undefined when nothing is lost.
        "quick_ratio": [NAN, 40 / 40, NAN, 0 / 105, 60 / 15, NAN],
    },
    index=months("2024-01", 6),
)


def test_monthly_movements_by_hand(snapshots: pd.DataFrame) -> None:
    result = monthly_movements(snapshots)
    assert tuple(result.columns) == MOVEMENT_COLUMNS
    pd.testing.assert_frame_equal(result, EXPECTED_MOVEMENTS, check_exact=True)


def check_reconciles(m: pd.DataFrame) -> None:
    """E = S + N - L and the MRR bridge, every month; each month starts where the previous ended."""
    assert (m["customers_end"] == m["customers_start"] + m["gained"] - m["lost"]).all()
    assert (m["gained"] == m["new"] + m["reactivated"]).all()
    gains = m["new_mrr"] + m["expansion_mrr"] + m["reactivation_mrr"]
    bridge = m["mrr_start"] + gains - m["contraction_mrr"] - m["churned_mrr"]
    np.testing.assert_allclose(bridge, m["mrr_end"], rtol=1e-9, atol=1e-6)
    np.testing.assert_array_equal(m["lost_mrr"], m["churned_mrr"] + m["contraction_mrr"])
    assert (m["customers_start"].iloc[1:].to_numpy() == m["customers_end"].iloc[:-1].to_numpy()).all()
    np.testing.assert_array_equal(m["mrr_start"].iloc[1:].to_numpy(), m["mrr_end"].iloc[:-1].to_numpy())


def test_fixture_reconciles(snapshots: pd.DataFrame) -> None:
    check_reconciles(monthly_movements(snapshots))


def test_grr_equals_capped_customer_level_grr(snapshots: pd.DataFrame) -> None:
    # sum over customers active at the start of min(mrr_now, mrr_start) / sum(mrr_start)
    wide = snapshots.pivot(index="customer_id", columns="month", values="mrr").fillna(0)
    capped = [np.minimum(wide[m], wide[m - 1])[wide[m - 1] > 0].sum() / wide[m - 1].sum() for m in wide.columns[1:]]
    np.testing.assert_allclose(monthly_movements(snapshots)["grr"].iloc[1:], capped, rtol=1e-15)


def test_window_keeps_history(snapshots: pd.DataFrame) -> None:
    window = monthly_movements(snapshots, start="2024-03", end="2024-05")
    pd.testing.assert_frame_equal(window, EXPECTED_MOVEMENTS.loc["2024-03":"2024-05"], check_exact=True)
    # A month before the data is refused (it was a month of 0 customers, under no word), as a month after it is
    # (H190 finding 11: it counted every customer lost, 5 of 5 and 400 of MRR in 2024-07, where nothing was observed)
    wide = monthly_movements(snapshots, start=pd.Period("2024-01", "M"), end="2024-06")
    assert wide.index.tolist() == list(months("2024-01", 6))
    assert wide["customers_end"].tolist() == [4, 5, 6, 4, 5, 5]
    check_reconciles(wide)
    with pytest.raises(errors.RetentionInputError, match=r"^start 2023-11 is before input's first month, 2024-01: "):
        monthly_movements(snapshots, start=pd.Period("2023-11", "M"), end="2024-06")
    with pytest.raises(errors.RetentionInputError, match=r"^end 2024-07 is after input's last month, 2024-06: "):
        monthly_movements(snapshots, start=pd.Period("2024-01", "M"), end="2024-07")


def test_start_and_end_checked(snapshots: pd.DataFrame) -> None:
    with pytest.raises(errors.RetentionInputError, match=r"end \(2024-01\) is before start \(2024-03\)"):
        monthly_movements(snapshots, start="2024-03", end="2024-01")
    with pytest.raises(errors.RetentionInputError, match="start must be a month such as '2024-03', got 'soon'"):
        monthly_movements(snapshots, start="soon")


# Customer cohorts of the fixture (cohort = first active month), months since 0..:
#   Jan: A, B, C, E -> 4; A, B, C in Feb-Apr (E away) -> 3, 3, 3; E back in May -> 4, 4.
#   Feb: D, G -> 2; both in Mar -> 2; G alone from Apr -> 1, 1, 1.
#   Mar: F -> 1, then 0.   Apr, May, Jun: nobody new -> 0 (and NaN for rates).
EXPECTED_CUSTOMER_COHORTS = [
    [4, 3, 3, 3, 4, 4],
    [2, 2, 1, 1, 1, NAN],
    [1, 0, 0, 0, NAN, NAN],
    [0, 0, 0, NAN, NAN, NAN],
    [0, 0, NAN, NAN, NAN, NAN],
    [0, NAN, NAN, NAN, NAN, NAN],
]
# Their MRR: Jan cohort 390; 100+50+200; 100+80+200; 100+80+150; + E's 60 in May and June.
EXPECTED_REVENUE_COHORTS = [
    [390, 350, 380, 330, 390, 390],
    [40, 55, 25, 10, 10, NAN],
    [25, 0, 0, 0, NAN, NAN],
    [0, 0, 0, NAN, NAN, NAN],
    [0, 0, NAN, NAN, NAN, NAN],
    [0, NAN, NAN, NAN, NAN, NAN],
]


def cohort_frame(values: list[list[float]], first: str = "2024-01") -> pd.DataFrame:
    n = len(values)
    return pd.DataFrame(
        np.array(values, dtype=float),
        index=months(first, n, "cohort"),
        columns=pd.RangeIndex(len(values[0]) if values else 0, name="months_since"),
    )


def test_cohorts_from_snapshots_by_hand(snapshots: pd.DataFrame) -> None:
    customers = cohorts_from_snapshots(snapshots)
    pd.testing.assert_frame_equal(customers, cohort_frame(EXPECTED_CUSTOMER_COHORTS), check_exact=True)
    revenue = cohorts_from_snapshots(snapshots, kind="revenue")
    pd.testing.assert_frame_equal(revenue, cohort_frame(EXPECTED_REVENUE_COHORTS), check_exact=True)
    rates = cohorts_from_snapshots(snapshots, as_rates=True)
    assert rates.iloc[0].tolist() == [1.0, 0.75, 0.75, 0.75, 1.0, 1.0]
    assert rates.iloc[1, :5].tolist() == [1.0, 1.0, 0.5, 0.5, 0.5]
    assert rates.iloc[3].isna().all()  # an empty cohort has no rate


def test_cohort_diagonals_are_monthly_actives(snapshots: pd.DataFrame) -> None:
    tables = subscription_tables(snapshots)
    check_diagonals(tables.customer_cohorts, tables.movements["customers_end"])
    check_diagonals(tables.revenue_cohorts, tables.movements["mrr_end"])


def test_subscription_tables_match_the_single_tables(snapshots: pd.DataFrame) -> None:
    tables = subscription_tables(snapshots, start="2024-02", as_rates=True)
    pd.testing.assert_frame_equal(tables.movements, monthly_movements(snapshots, start="2024-02"))
    pd.testing.assert_frame_equal(
        tables.customer_cohorts, cohorts_from_snapshots(snapshots, as_rates=True, start="2024-02")
    )
    pd.testing.assert_frame_equal(
        tables.revenue_cohorts, cohorts_from_snapshots(snapshots, "revenue", True, start="2024-02")
    )
    # From February: the January cohort is not shown; February's still has D and G.
    assert tables.customer_cohorts.index[0] == pd.Period("2024-02", "M")
    assert tables.customer_cohorts.iloc[0].tolist() == [1.0, 1.0, 0.5, 0.5, 0.5]


def check_diagonals(table: pd.DataFrame, active: pd.Series) -> None:
    values = table.to_numpy()
    n = len(table)
    sums = [sum(values[c, m - c] for c in range(m + 1)) for m in range(n)]
    np.testing.assert_allclose(sums, active.to_numpy(dtype=float), rtol=1e-12, atol=1e-9)


def test_movements_do_not_depend_on_row_order_or_input_types(snapshots: pd.DataFrame) -> None:
    shuffled = snapshots.sample(frac=1, random_state=3).reset_index(drop=True)
    variants = {
        "period": shuffled,
        "text months": shuffled.assign(month=shuffled["month"].astype(str)),
        "mid-month dates": shuffled.assign(month=shuffled["month"].dt.to_timestamp() + pd.Timedelta(days=14)),
        "datetimes (seconds)": shuffled.assign(month=shuffled["month"].dt.to_timestamp().astype("datetime64[s]")),
        "categorical ids": shuffled.assign(customer_id=shuffled["customer_id"].astype("category")),
        "large integer ids": shuffled.assign(customer_id=shuffled["customer_id"].map(lambda c: 10**15 * ord(c))),
        "negative integer ids": shuffled.assign(customer_id=shuffled["customer_id"].map(lambda c: -ord(c))),
        "object text mrr": shuffled.assign(mrr=shuffled["mrr"].map(lambda v: f" {v:g} ").astype(object)),
        "ISO months and dates, spaces around": shuffled.assign(
            month=[f" {m} " if i % 2 == 0 else str(m.start_time.date()) for i, m in enumerate(shuffled["month"])]
        ),
        "day month-name year": shuffled.assign(month=[m.end_time.strftime("%d %B %Y") for m in shuffled["month"]]),
        "date objects": shuffled.assign(month=[m.start_time.date() for m in shuffled["month"]]),
        "period objects": shuffled.assign(month=shuffled["month"].astype(object)),
    }
    for name, frame in variants.items():
        pd.testing.assert_frame_equal(monthly_movements(frame), EXPECTED_MOVEMENTS, check_exact=True, obj=name)
    # One format per column: a column that mixes ISO dates and '30 June 2024' is refused, naming the odd rows.
    mixed = shuffled.assign(
        month=[
            str(m.start_time.date()) if i % 3 else m.end_time.strftime("%d %B %Y")
            for i, m in enumerate(shuffled["month"])
        ]  # fmt: skip
    )
    with pytest.raises(DataError, match="dates in another format than the rest of the column"):
        monthly_movements(mixed)


def test_chunked_and_blocked_passes_give_the_same_tables(monkeypatch) -> None:
    """Small chunks and sort blocks (as 10-million-row tables get) change no result."""
    rng = np.random.default_rng(5)
    n = 3_000
    snaps = pd.DataFrame(
        {
            "customer_id": rng.integers(0, 300, n),
            "month": (np.datetime64("2023-01", "M") + rng.integers(0, 30, n)).astype("datetime64[s]"),
            "mrr": rng.integers(0, 5, n) * 10.0,
        }
    ).drop_duplicates(["customer_id", "month"])
    orders = pd.DataFrame(
        {
            "customer_id": rng.integers(0, 300, n),
            "date": np.datetime64("2023-01-01T00:00:00") + rng.integers(0, 900 * 86_400, n).astype("timedelta64[s]"),
            "amount": rng.integers(1, 100, n) / 4,
        }
    )
    expected = subscription_tables(snaps), order_tables(orders)
    monkeypatch.setattr(_months, "_CHUNK", 7)
    monkeypatch.setattr(_months, "_BLOCK", 5)
    monkeypatch.setattr(_months, "_BLOCK_PER_MONTH", 0)
    got = subscription_tables(snaps), order_tables(orders)
    for left, right in zip(expected, got, strict=True):
        for a, b in zip(left, right, strict=True):
            pd.testing.assert_frame_equal(a, b)
    check_reconciles(got[0].movements)


# -- orders, visits, surveys ----------------------------------------------------------------
ORDERS = pd.DataFrame(
    [
        # x: two orders in January (not returning in January), back in March.
        ("x", "2024-01-05", 10.0),
        ("x", "2024-01-20", 5.0),
        ("x", "2024-03-02", 7.0),
        # y: January and February.
        ("y", "2024-01-10", 20.0),
        ("y", "2024-02-11", 20.0),
        # z: once, in February.
        ("z", "2024-02-14", 8.0),
        # w: twice at the end of March.
        ("w", "2024-03-30", 12.0),
        ("w", "2024-03-31", 3.0),
    ],
    columns=["customer_id", "date", "amount"],
)


def test_repeat_purchases_by_hand() -> None:
    # Jan: x, y bought, neither before. Feb: y (returning), z. Mar: x (returning), w.
    # Repeat purchasers (more than one order that month): x in January, w in March.
    expected = pd.DataFrame(
        {
            "buyers": [2, 2, 2],
            "repeat_purchasers": [1, 0, 1],
            "returning": [0, 1, 1],
            "repeat_purchase_rate": [0.5, 0.0, 0.5],
            "returning_rate": [0.0, 0.5, 0.5],
        },
        index=months("2024-01", 3),
    )
    result = repeat_purchases(ORDERS.sample(frac=1, random_state=1))
    assert tuple(result.columns) == PURCHASE_COLUMNS
    pd.testing.assert_frame_equal(result, expected, check_exact=True)
    # Orders before the window still make a buyer returning.
    march = repeat_purchases(ORDERS, start="2024-03")
    assert march.to_dict("list") == {
        "buyers": [2],
        "repeat_purchasers": [1],
        "returning": [1],
        "repeat_purchase_rate": [0.5],
        "returning_rate": [0.5],
    }


def test_overall_repeat_purchase_rate() -> None:
    # Orders per customer: x 3, y 2, z 1, w 2 -> 3 of 4 customers ordered twice or more.
    assert overall_repeat_purchase_rate(ORDERS) == 0.75
    with pytest.raises(DataError, match=re.escape("orders has the columns but no rows ('customer_id', 'date'")):
        overall_repeat_purchase_rate(ORDERS.iloc[:0])  # no orders: refused, not NaN


def test_order_cohorts_by_hand() -> None:
    # Cohorts: January x, y; February z; March w.
    #   Jan cohort: 2 in Jan; y in Feb; x in Mar.    Revenue: 10 + 5 + 20; 20; 7.
    #   Feb cohort: z; nobody in Mar.                Revenue: 8; 0.
    #   Mar cohort: w.                               Revenue: 12 + 3.
    customers = cohorts_from_orders(ORDERS)
    pd.testing.assert_frame_equal(customers, cohort_frame([[2, 1, 1], [1, 0, NAN], [1, NAN, NAN]]), check_exact=True)
    revenue = cohorts_from_orders(ORDERS, kind="revenue")
    pd.testing.assert_frame_equal(revenue, cohort_frame([[35, 20, 7], [8, 0, NAN], [15, NAN, NAN]]), check_exact=True)
    rates = cohorts_from_orders(ORDERS, as_rates=True)
    assert rates.iloc[0].tolist() == [1.0, 0.5, 0.5]
    tables = order_tables(ORDERS)
    pd.testing.assert_frame_equal(tables.customer_cohorts, customers)
    pd.testing.assert_frame_equal(tables.revenue_cohorts, revenue)
    pd.testing.assert_frame_equal(tables.purchases, repeat_purchases(ORDERS))
    check_diagonals(customers, tables.purchases["buyers"])
    # returning = buyers - cohort size, every month
    assert (tables.purchases["returning"] == tables.purchases["buyers"] - customers[0].astype(int)).all()
    # Without amounts: no revenue cohorts.
    assert order_tables(ORDERS[["customer_id", "date"]]).revenue_cohorts is None


def test_generic_cohort_table() -> None:
    events = ORDERS.rename(columns={"date": "Month"})
    pd.testing.assert_frame_equal(cohort_table(events), cohorts_from_orders(ORDERS))
    pd.testing.assert_frame_equal(
        cohort_table(events, value="amount", kind="revenue", as_rates=True),
        cohorts_from_orders(ORDERS, kind="revenue", as_rates=True),
    )
    with pytest.raises(errors.RetentionInputError, match="kind='revenue' needs value"):
        cohort_table(events, kind="revenue")
    with pytest.raises(errors.RetentionInputError, match="kind must be 'customers' or 'revenue', got 'mrr'"):
        cohort_table(events, kind="mrr")


def test_cohort_rates() -> None:
    table = cohort_frame([[4, 2], [0, NAN]])
    expected = cohort_frame([[1.0, 0.5], [NAN, NAN]])
    pd.testing.assert_frame_equal(cohort_rates(table), expected)


def test_returning_visitors_by_hand() -> None:
    visits = pd.DataFrame(
        {
            # v1: twice in January, again in March; v2: once in February; v3: 31 Jan and 1 Feb.
            "visitor_id": ["v1", "v1", "v1", "v2", "v3", "v3"],
            "date": ["2024-01-03", "2024-01-09", "2024-03-01", "2024-02-02", "2024-01-31", "2024-02-01"],
        }
    )
    expected = pd.DataFrame(
        {"visitors": [2, 2, 1], "returning": [0, 1, 1], "returning_visitor_rate": [0.0, 0.5, 1.0]},
        index=months("2024-01", 3),
    )
    result = returning_visitors(visits)
    assert tuple(result.columns) == VISITOR_COLUMNS
    pd.testing.assert_frame_equal(result, expected, check_exact=True)


def test_nps_by_month_by_hand() -> None:
    answers = pd.DataFrame(
        {
            "date": ["2024-01-05"] * 7 + ["2024-03-01", "2024-03-02", "2024-03-03"],
            "score": [10, 9, 9, 8, 7, 6, 3, 10, 0, None],  # the blank March answer is skipped
        }
    )
    result = nps_by_month(answers)
    assert tuple(result.columns) == NPS_COLUMNS
    z = 1.959963984540054
    # January: the METRICS.md example. February: no responses. March: one promoter, one detractor.
    expected = pd.DataFrame(
        {
            "responses": [7, 0, 2],
            "promoters": [3, 0, 1],
            "passives": [2, 0, 0],
            "detractors": [2, 0, 1],
            "nps": [100 * (3 - 2) / 7, NAN, 0.0],
            "nps_moe": [z * 100 * math.sqrt((5 / 7 - (1 / 7) ** 2) / 7), NAN, z * 100 * math.sqrt(1 / 2)],
        },
        index=months("2024-01", 3),
    )
    pd.testing.assert_frame_equal(result, expected, rtol=1e-12)
    assert nps_by_month(answers, start="2024-02").index.tolist() == list(months("2024-02", 2))
    wider = nps_by_month(answers, confidence=0.99)["nps_moe"].iloc[0]
    assert wider > result["nps_moe"].iloc[0]


# -- empty tables and single months ------------------------------------------------------------
def test_empty_inputs_are_refused() -> None:
    # A frame with the columns and no rows (a query that matched nothing) is refused naming the argument, as a file
    # with a header and no data rows is (it gave empty tables, and with a window months of 0 customers, under no word).
    nothing = "nothing to count (a query or a filter that matched nothing?)"
    snaps = pd.DataFrame({"customer_id": [], "month": [], "mrr": []})
    said = f"snapshots has the columns but no rows ('customer_id', 'month', 'mrr'): {nothing}"
    for call in (
        lambda: monthly_movements(snaps),
        lambda: cohorts_from_snapshots(snaps),
        lambda: subscription_tables(snaps),
        lambda: monthly_movements(snaps, start="2024-01", end="2024-03"),
    ):
        with pytest.raises(DataError, match=re.escape(said)):
            call()
    orders = pd.DataFrame({"customer_id": [], "date": [], "amount": []})
    said = f"orders has the columns but no rows ('customer_id', 'date', 'amount'): {nothing}"
    for call in (lambda: repeat_purchases(orders), lambda: cohorts_from_orders(orders, kind="revenue")):
        with pytest.raises(DataError, match=re.escape(said)):
            call()
    with pytest.raises(DataError, match=re.escape("visits has the columns but no rows ('visitor_id', 'date')")):
        returning_visitors(pd.DataFrame({"visitor_id": [], "date": []}))
    with pytest.raises(DataError, match=re.escape("answers has the columns but no rows ('date', 'score')")):
        nps_by_month(pd.DataFrame({"date": [], "score": []}))
    with pytest.raises(DataError, match=re.escape("intervals has the columns but no rows ('customer_id', 'start'")):
        snapshots_from_intervals(pd.DataFrame({"customer_id": [], "start": [], "end": [], "mrr": []}))


def test_single_month() -> None:
    snaps = pd.DataFrame({"customer_id": ["a", "b", "c"], "month": ["2024-05"] * 3, "mrr": [10, 0, 5]})
    m = monthly_movements(snaps)
    assert m.index.tolist() == [pd.Period("2024-05", "M")]
    assert m.iloc[0][["customers_start", "new", "customers_end", "mrr_end"]].tolist() == [0, 2, 2, 15]
    assert m[["crr", "nrr", "quick_ratio"]].isna().all().all()
    assert cohorts_from_snapshots(snaps).to_numpy().tolist() == [[2.0]]
    assert repeat_purchases(pd.DataFrame({"customer_id": [1, 1], "date": ["2024-05-02"] * 2}))["buyers"].tolist() == [1]


def test_zero_mrr_rows_are_inactive_but_extend_the_range() -> None:
    snaps = pd.DataFrame({"customer_id": ["a", "a", "b"], "month": ["2024-01", "2024-02", "2024-03"], "mrr": [5, 0, 0]})
    m = monthly_movements(snaps)
    assert m["customers_end"].tolist() == [1, 0, 0]
    assert m["lost"].tolist() == [0, 1, 0]
    assert m.loc["2024-03", "new"] == 0  # b never had MRR above 0


# -- bad data --------------------------------------------------------------------------------
ROWS = "(counting the header as row 1)"


def test_unparseable_dates() -> None:
    snaps = pd.DataFrame({"Customer": ["a", "b", "c"], "Month": ["2024-01", "soon", "2024-13"], "MRR": [1, 2, 3]})
    with pytest.raises(DataError) as caught:
        monthly_movements(snaps, columns={"customer_id": "customer"}, source="subs.csv")
    assert (
        str(caught.value) == f"subs.csv, column 'Month': dates that do not parse in rows 3, 4 {ROWS}: 'soon', '2024-13'"
    )
    assert caught.value.rows == (3, 4) and caught.value.column == "Month" and caught.value.source == "subs.csv"
    assert caught.value.excel_error == "#VALUE!" and isinstance(caught.value, ValueError)


def test_missing_dates_and_numbers_as_dates() -> None:
    orders = pd.DataFrame({"customer_id": [1, 2, 3], "date": ["2024-01-02", None, " "]})
    with pytest.raises(DataError) as caught:
        repeat_purchases(orders, source="orders.csv")
    assert str(caught.value) == f"orders.csv, column 'date': missing dates in rows 3, 4 {ROWS}"
    orders = pd.DataFrame({"customer_id": [1, 2], "date": [202401, 202402]})
    with pytest.raises(DataError) as caught:
        repeat_purchases(orders, source="orders.csv")
    assert str(caught.value) == (
        f"orders.csv, column 'date': numbers where dates belong (months as YYYYMM?) in rows 2, 3 {ROWS}: 202401, "
        "202402: read them with options=ReadOptions(date_format='%Y%m')"
    )


def test_negative_mrr() -> None:
    snaps = pd.DataFrame({"customer_id": ["a", "b"], "month": ["2024-01", "2024-01"], "mrr": [10, -10]})
    with pytest.raises(DataError) as caught:
        monthly_movements(snaps, source="subs.csv")
    assert str(caught.value) == f"subs.csv, column 'mrr': negative MRR in row 3 {ROWS}: -10"


def test_text_and_blank_mrr() -> None:
    snaps = pd.DataFrame({"customer_id": ["a", "b", "c"], "month": ["2024-01"] * 3, "mrr": ["10", "ten", "n/a"]})
    with pytest.raises(DataError) as caught:
        monthly_movements(snaps, source="subs.csv")
    assert str(caught.value) == f"subs.csv, column 'mrr': values that are not numbers in rows 3, 4 {ROWS}: 'ten', 'n/a'"
    snaps["mrr"] = [10, None, 5]
    with pytest.raises(DataError) as caught:
        monthly_movements(snaps, source="subs.csv")
    assert str(caught.value) == f"subs.csv, column 'mrr': missing values in row 3 {ROWS}"


def test_bad_scores() -> None:
    answers = pd.DataFrame({"Date": ["2024-01-01"] * 4, "NPS score": [10, 11, 7.5, -1]})
    with pytest.raises(DataError) as caught:
        nps_by_month(answers, columns={"score": "nps-score"}, source="survey.xlsx")
    assert str(caught.value) == (
        f"survey.xlsx, column 'NPS score': scores outside 0-10 or not whole in rows 3, 4, 5 {ROWS}: 11.0, 7.5, -1.0"
    )
    answers["NPS score"] = ["10", "great", None, "9"]
    with pytest.raises(DataError) as caught:
        nps_by_month(answers, columns={"score": "NPS score"}, source="survey.xlsx")
    assert str(caught.value) == f"survey.xlsx, column 'NPS score': values that are not scores in row 3 {ROWS}: 'great'"


def test_duplicate_snapshots() -> None:
    snaps = pd.DataFrame(
        {
            "customer_id": ["a", "b", "a", "c", "b", "b"],
            "month": ["2024-01", "2024-01", "2024-02", "2024-01", "2024-01-31", "2024-02"],
            "mrr": [1, 2, 3, 4, 7, 5],
        }
    )
    with pytest.raises(DataError) as caught:
        monthly_movements(snaps, source="subs.csv")
    assert str(caught.value) == (
        "subs.csv, column 'customer_id, month': rows of one customer and month with an MRR each, in a file without a "
        "subscription id (two subscriptions, a plan change within the month, or a row pasted twice? which MRR the "
        f"month has cannot be told) in rows 3, 6 {ROWS}: keep one row per customer and month, or add a column of each "
        "subscription's id (subscription_id; under another name: --columns subscription_id=NAME) to add them up"
    )
    # b's second January row with MRR 0 (paused, resumed) adds nothing: one customer paying 2 (reading.snapshot_rows)
    movements = monthly_movements(snaps.assign(mrr=[1, 2, 3, 4, 0, 5]), source="subs.csv")
    assert movements[["customers_end", "mrr_end"]].values.tolist() == [[3, 7.0], [2, 8.0]]


def test_missing_customer_ids() -> None:
    for ids in (["a", None, "c", " "], [1.0, np.nan, 3.0, np.nan], pd.array([1, None, 3, None], dtype="Int64")):
        snaps = pd.DataFrame({"customer_id": ids, "month": ["2024-01"] * 4, "mrr": [1, 2, 3, 4]})
        with pytest.raises(DataError) as caught:
            monthly_movements(snaps, source="subs.csv")
        assert str(caught.value) == (
            f"subs.csv, column 'customer_id': missing customer ids in rows 3, 5 {ROWS}: (month '2024-01', mrr 2), "
            "(month '2024-01', mrr 4): a row without one is no known "
            "customer's (a guest's or till sale?): fill the ids in, map a column that names each one, "
            "columns={'customer_id': 'NAME'}, or remove those rows: the figures then count the known ones only"
        )  # a Python caller is told the argument
    visits = pd.DataFrame({"visitor_id": [None], "date": ["2024-01-01"]})
    with pytest.raises(
        DataError,
        match=r"column 'visitor_id': missing visitor ids in the row at index 0: \(date '2024-01-01'\): a row wit",
    ):
        returning_visitors(visits)  # a frame given in Python (no file's name): its row by its index label


def test_many_bad_rows_show_the_first_five() -> None:
    snaps = pd.DataFrame({"customer_id": range(8), "month": ["2024-01"] * 8, "mrr": [-1] * 8})
    with pytest.raises(DataError) as caught:
        monthly_movements(snaps, source="subs.csv")
    assert str(caught.value) == (
        f"subs.csv, column 'mrr': negative MRR in rows 2, 3, 4, 5, 6 and 3 more {ROWS}: -1, -1, -1, -1, -1"
    )
    assert caught.value.rows == (2, 3, 4, 5, 6) and caught.value.row_count == 8


def test_bad_intervals() -> None:
    iv = pd.DataFrame(
        {
            "customer_id": ["a", "b", "c"],
            "start": ["2024-03-10", "2024-03-10", "2024-01-01"],
            "end": [None, "2024-03-09", ""],
        }
    ).assign(mrr=[1, 2, 3])
    with pytest.raises(DataError) as caught:
        snapshots_from_intervals(iv, source="subs.csv")
    assert str(caught.value) == f"subs.csv, column 'end': an end before the start in row 3 {ROWS}: '2024-03-09'"
    iv["end"] = [None, "2024-03-11", "later"]
    with pytest.raises(DataError, match=r"column 'end': dates that do not parse in row 4 .*: 'later'$"):
        snapshots_from_intervals(iv, source="subs.csv")
    iv["end"] = None
    iv["mrr"] = [1, -2, 3]
    with pytest.raises(DataError, match="column 'mrr': negative MRR in the row at index 1: -2$"):
        snapshots_from_intervals(iv)  # a frame given in Python (no file's name): its rows by their index labels
    iv["mrr"] = [1, 2, 3]
    iv["start"] = ["2024-01-01", None, "2024-01-01"]
    with pytest.raises(DataError, match="column 'start': missing dates in the row at index 1$"):
        snapshots_from_intervals(iv)


def test_dates_a_century_apart_are_a_typo() -> None:
    orders = pd.DataFrame({"customer_id": [1, 2, 3], "date": ["2024-01-05", "2204-01-05", "2024-02-01"]})
    with pytest.raises(DataError) as caught:
        repeat_purchases(orders, source="orders.csv")
    assert str(caught.value) == (
        f"orders.csv, column 'date': dates more than 100 years apart (from 2024-01 to 2204-01) in rows 2, 3 {ROWS}: "
        "'2024-01-05', '2204-01-05'"
    )
    iv = pd.DataFrame({"customer_id": ["a", "b"], "start": ["1924-01-01", "2024-01-01"], "mrr": [1, 2]})
    with pytest.raises(DataError) as caught:
        snapshots_from_intervals(iv, source="subs.csv")
    assert str(caught.value) == (
        f"subs.csv, column 'start': dates more than 100 years apart (from 1924-01 to 2024-01) in rows 2, 3 {ROWS}"
    )
    with pytest.raises(errors.RetentionInputError, match="start and end span more than 1200 months"):
        repeat_purchases(orders.iloc[[0, 2]], start="1900-01")


def test_intervals_without_an_end_column_are_open() -> None:
    iv = pd.DataFrame({"customer_id": [5, 5], "start": ["2024-01-31", "2024-02-01"], "mrr": [10, 5]})
    snaps = snapshots_from_intervals(iv, through="2024-03")
    assert snaps["mrr"].tolist() == [10.0, 15.0, 15.0]
    assert snaps["customer_id"].tolist() == [5, 5, 5]


def test_refunds_are_not_purchases() -> None:
    """A negative amount is a refund: left out of every order table, as if the row were not there."""
    orders = ORDERS.assign(amount=[1, 2, -3, 4, 5, 6, 7, 8])
    without = orders.drop(index=2)
    for kind in ("customers", "revenue"):
        pd.testing.assert_frame_equal(cohorts_from_orders(orders, kind=kind), cohorts_from_orders(without, kind=kind))
    pd.testing.assert_frame_equal(repeat_purchases(orders), repeat_purchases(without))
    # x's only March order is the refund: March has one buyer (w), no returning one.
    assert repeat_purchases(orders).loc[pd.Period("2024-03", "M"), ["buyers", "returning"]].tolist() == [1, 0]
    assert overall_repeat_purchase_rate(orders) == overall_repeat_purchase_rate(without) == 0.75
    events = orders.rename(columns={"date": "month"})
    with pytest.raises(DataError) as caught:  # a generic activity table has no refunds: a negative value is refused
        cohort_table(events, value="amount", kind="revenue", source="o.csv")
    assert str(caught.value) == f"o.csv, column 'amount': negative amounts in row 4 {ROWS}: -3.0"


# -- column matching --------------------------------------------------------------------------
def test_columns_match_case_spaces_and_hyphens() -> None:
    raw = pd.DataFrame({" Customer-ID ": ["a"], "MONTH": ["2024-01"], "Mrr": [5]})
    out = normalize_columns(raw, ["customer_id", "month", "mrr"])
    assert list(out.columns) == ["customer_id", "month", "mrr"]
    assert out.attrs["source_columns"] == {"customer_id": " Customer-ID ", "month": "MONTH", "mrr": "Mrr"}
    assert monthly_movements(raw)["customers_end"].tolist() == [1]


def test_columns_rename() -> None:
    raw = pd.DataFrame({"Customer": ["a", "a"], "Created": ["2024-01-03", "2024-02-03"], "Total": [5, 6], "x": [0, 0]})
    mapping = parse_column_map("customer_id=customer, date = CREATED,amount=total")
    assert mapping == {"customer_id": "customer", "date": "CREATED", "amount": "total"}
    tables = order_tables(raw, columns=mapping)
    assert tables.purchases["returning"].tolist() == [0, 1]
    assert tables.revenue_cohorts.iloc[0].tolist() == [5.0, 6.0]


def test_column_errors() -> None:
    raw = pd.DataFrame({"Customer": ["a"], "Created": ["2024-01-03"]})
    with pytest.raises(DataError) as caught:
        repeat_purchases(raw, source="orders.csv")
    assert str(caught.value) == (
        "orders.csv: missing columns 'customer_id', 'date' (columns found: 'Customer', 'Created'); "
        "to use columns of other names, map them all: --columns customer_id=NAME,date=NAME "
        "(in Python: columns={'customer_id': 'NAME', 'date': 'NAME'})"
    )
    with pytest.raises(DataError) as caught:
        repeat_purchases(raw, columns={"customer_id": "Customer", "date": "Created at"}, source="orders.csv")
    assert (
        str(caught.value) == "orders.csv: no column 'Created at' (given for date); columns found: 'Customer', 'Created'"
    )
    with pytest.raises(DataError) as caught:
        repeat_purchases(raw, columns={"customer": "Customer"}, source="orders.csv")
    assert str(caught.value) == (
        "orders.csv: unknown column name 'customer' in the column map; expected one of: customer_id, date, amount, "
        "order_id"
    )
    twice = pd.DataFrame([["a", "b", "2024-01-01"]], columns=["customer id", "Customer_ID", "date"])
    with pytest.raises(DataError) as caught:
        repeat_purchases(twice, source="orders.csv")
    assert str(caught.value) == (
        "orders.csv: 2 columns match 'customer_id' ('customer id' (column 1), 'Customer_ID' (column 2)): rename or "
        "remove the one that is not it"
    )
    with pytest.raises(errors.RetentionInputError, match="must be OUR_NAME=THEIR_NAME, got 'customer_id'"):
        parse_column_map("customer_id,date=Created")
    assert parse_column_map(None) == {} and parse_column_map(" ") == {}


# -- reading files ----------------------------------------------------------------------------
def test_read_table_csv_and_excel(tmp_path) -> None:
    csv = tmp_path / "orders.csv"
    csv.write_bytes("\ufeffCustomer ID,Date,Amount\na,2024-01-05,9.5\n".encode())
    df = read_table(csv)
    assert list(df.columns) == ["Customer ID", "Date", "Amount"]
    assert repeat_purchases(df)["buyers"].tolist() == [1]
    book = tmp_path / "data.xlsx"
    with pd.ExcelWriter(book) as writer:
        pd.DataFrame({"x": [1]}).to_excel(writer, sheet_name="first", index=False)
        pd.DataFrame({"customer_id": ["a"], "date": [pd.Timestamp("2024-02-03")]}).to_excel(
            writer, sheet_name="Orders", index=False
        )
    assert list(read_table(book).columns) == ["x"]
    assert repeat_purchases(read_table(book, sheet="Orders")).index[0] == pd.Period("2024-02", "M")
    assert list(read_table(book, sheet=1).columns) == ["customer_id", "date"]
    with pytest.raises(DataError, match="data.xlsx: no sheet 'Nope'; sheets: 'first', 'Orders'"):
        read_table(book, sheet="Nope")
    with pytest.raises(DataError, match="unsupported file type '.json'"):
        read_table(tmp_path / "x.json")


def test_read_table_parquet_without_pyarrow(tmp_path, monkeypatch) -> None:
    def no_engine(*args, **kwargs):
        raise ImportError("Unable to find a usable engine")

    monkeypatch.setattr(pd, "read_parquet", no_engine)
    (tmp_path / "data.parquet").write_bytes(b"PAR1" + bytes(8))
    with pytest.raises(ImportError, match="pip install pyarrow"):
        read_table(tmp_path / "data.parquet")


# -- properties -------------------------------------------------------------------------------
def oracle(snapshots: dict[tuple[int, int], int], first: int, last: int) -> tuple[pd.DataFrame, np.ndarray]:
    """Movements and the cohort matrix the slow way: every customer, every month."""
    mrr = defaultdict(int, snapshots)
    customers = sorted({c for c, _ in snapshots})
    rows = []
    seen_before: set[int] = set()
    cohort_of: dict[int, int] = {}
    span = last - first + 1
    cohorts = np.zeros((span, span))
    for m in range(first, last + 1):
        row = defaultdict(float)
        for c in customers:
            prev, now = mrr[(c, m - 1)], mrr[(c, m)]
            row["customers_start"] += prev > 0
            row["customers_end"] += now > 0
            row["mrr_start"] += prev
            row["mrr_end"] += now
            if prev > 0 and now > 0:
                row["expansion_mrr"] += max(now - prev, 0)
                row["contraction_mrr"] += max(prev - now, 0)
            elif prev > 0:
                row["lost"] += 1
                row["churned_mrr"] += prev
            elif now > 0 and c in seen_before:
                row["reactivated"] += 1
                row["reactivation_mrr"] += now
            elif now > 0:
                row["new"] += 1
                row["new_mrr"] += now
                cohort_of[c] = m
            if now > 0:
                seen_before.add(c)
                cohorts[cohort_of[c] - first, cohort_of[c] - first + (m - cohort_of[c])] += 1
        rows.append(row)
    return pd.DataFrame(rows).fillna(0), cohorts


snapshot_streams = st.dictionaries(
    keys=st.tuples(st.integers(0, 6), st.integers(0, 9)), values=st.integers(0, 4), min_size=1, max_size=50
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(snapshot_streams, st.randoms(use_true_random=False))
def test_random_streams_reconcile_and_match_the_slow_count(stream, random) -> None:
    items = list(stream.items())
    random.shuffle(items)
    snaps = pd.DataFrame(
        {
            "customer_id": [f"c{c}" for (c, _), _ in items],
            "month": [str(pd.Period("2023-11", "M") + m) for (_, m), _ in items],
            "mrr": [v * 25 for _, v in items],
        }
    )
    tables = subscription_tables(snaps)
    m = tables.movements
    check_reconciles(m)
    first, last = min(k[1] for k in stream), max(k[1] for k in stream)
    expected, cohorts = oracle({k: v * 25 for k, v in stream.items()}, first, last)
    for column in expected.columns:
        np.testing.assert_array_equal(m[column].to_numpy(dtype=float), expected[column].to_numpy(), err_msg=column)
    # Cohort table: the diagonal sums are the monthly actives, cell by cell as counted slowly.
    check_diagonals(tables.customer_cohorts, m["customers_end"])
    check_diagonals(tables.revenue_cohorts, m["mrr_end"])
    table = tables.customer_cohorts.to_numpy()
    for c in range(len(table)):
        for k in range(len(table) - c):
            assert table[c, k] == cohorts[c, c + k]
    # Rates are the core functions' where defined, NaN where the start is 0.
    assert m["crr"].isna().equals(m["customers_start"] == 0)
    assert m["quick_ratio"].isna().equals(m["lost_mrr"] == 0)
    np.testing.assert_allclose(m["grr"].dropna(), 1 - m["gross_revenue_churn"].dropna(), atol=1e-12)


def _counted_alone(rows: list, customer: int, end: pd.Timestamp) -> bool:
    """Whether an interval of ``customer`` ending at ``end`` within its start's month counts there: the customer's
    span holding it (their intervals that touch or overlap, joined) starts and ends in that month, ending at ``end``.
    """
    far = pd.Timestamp("2200-01-01")
    spans: list[list[pd.Timestamp]] = []
    for _, s, e in sorted((r[1], r[1], far if r[2] is None else r[2]) for r in rows if r[0] == customer):
        if spans and s <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], e)
        else:
            spans.append([s, e])
    span = next(sp for sp in spans if sp[0] <= end <= sp[1])
    return span[1] == end and pd.Period(span[0], "M") == pd.Period(span[1], "M")


@settings(max_examples=75, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),
            st.integers(0, 200),
            st.one_of(st.none(), st.integers(1, 120)),  # an end at the start is refused (NO_SERVICE)
            st.integers(1, 9),
        ),
        min_size=1,
        max_size=12,
        unique=True,  # a row twice in every column is refused (reading.copies)
    )
)
def test_random_intervals_cover_their_months(intervals) -> None:
    base = pd.Timestamp("2024-01-01")
    rows = [  # ids from 1: a typed integer 0 beside ids not numbered from 0 is WooCommerce's guest (reading.values)
        (c + 1, base + pd.Timedelta(days=s), None if d is None else base + pd.Timedelta(days=s + d), v)
        for c, s, d, v in intervals
    ]
    iv = pd.DataFrame(rows, columns=["customer_id", "start", "end", "mrr"])
    # rows whose ends say a contract's last day (a renewal the day after an end, or only whole months to the day
    # before the start's day) are read so (docs/metrics.md; tests/test_import_contract_last_days.py): not this rule's
    start, end = np.asarray(iv["start"], "datetime64[us]"), np.asarray(iv["end"], "datetime64[us]")
    after, on = renewal_gaps(iv["customer_id"], start, end)
    assume(bool(on) or not (after or _whole_months(iv["customer_id"], start, end) is not None))
    through = pd.Period("2024-09", "M")
    try:
        snaps = snapshots_from_intervals(iv, through=through)
    except DataError as error:  # a customer whose MRR is every month the others' sum: a report's totals row
        assume("a total row of each month" not in str(error))  # (reading.summaries, refused on purpose)
        raise
    got = {(r.customer_id, r.month): r.mrr for r in snaps.itertuples()}
    expected: dict[tuple[int, pd.Period], float] = defaultdict(float)
    for c, start, end, v in rows:
        if end is not None and pd.Period(start, "M") == pd.Period(end, "M") and not _counted_alone(rows, c, end):
            continue  # a plan left within a month while the customer's service goes on, or stops later that month
        first = pd.Period(start, "M")
        last = through if end is None else max(first, pd.Period(end, "M") - 1)
        month = first
        while month <= min(last, through):
            expected[(c, month)] += v
            month += 1
        if end is not None and last + 1 <= through:
            expected[(c, last + 1)] += 0
    assert {k: v for k, v in got.items()} == dict(expected)
    check_reconciles(monthly_movements(snaps, end=through))
