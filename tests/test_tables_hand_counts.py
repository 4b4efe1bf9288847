"""The monthly tables against an independent count, customer by customer and month by month (plain pandas), on
random small inputs with the edge months: customers lost and back, MRR 0 rows, gaps between cohorts, upgrades and
downgrades, plan changes within one month, joining and leaving in one month, orders of amount 0 and refunds, and a
span of 20 years. Seeds are fixed: every run checks the same inputs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from xl_retention.reading.notes import collected
from xl_retention.tables import order_tables, snapshots_from_intervals, subscription_tables

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]


def hand_counts(snaps: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray, np.ndarray, np.ndarray]:
    """Movements, customer and revenue cohorts and survivors of ``customer_id, month, mrr`` counted by hand."""
    s = snaps.assign(month=pd.PeriodIndex(snaps["month"], freq="M"))
    months = pd.period_range(s["month"].min(), s["month"].max(), freq="M")
    mrr = s.pivot_table(index="customer_id", columns="month", values="mrr", aggfunc="sum")
    mrr = mrr.reindex(columns=months).fillna(0.0)
    active = mrr > 0
    rows = []
    for i, m in enumerate(months):
        now = active[m]
        before = active[months[i - 1]] if i else now & False
        ever = active[months[:i]].any(axis=1) if i else now & False
        last = mrr[months[i - 1]] if i else mrr[m] * 0
        new, back, kept, lost = now & ~ever, now & ~before & ever, now & before, before & ~now
        change = (mrr[m] - last)[kept]
        rows.append({"customers_start": before.sum(), "new": new.sum(), "reactivated": back.sum(), "lost": lost.sum(),
                     "customers_end": now.sum(), "mrr_start": last[before].sum(), "new_mrr": mrr[m][new].sum(),
                     "expansion_mrr": change[change > 0].sum(), "contraction_mrr": -change[change < 0].sum(),
                     "reactivation_mrr": mrr[m][back].sum(), "churned_mrr": last[lost].sum(),
                     "mrr_end": mrr[m][now].sum()})  # fmt: skip
    n = len(months)
    customers, revenue, survivors = (np.full((n, n), np.nan) for _ in range(3))
    first = {c: active.loc[c].idxmax() for c in active.index if active.loc[c].any()}
    for i, cohort in enumerate(months):
        members = [c for c, f in first.items() if f == cohort]
        for k in range(n - i):
            m = months[i + k]
            customers[i, k] = sum(bool(active.loc[c, m]) for c in members)
            revenue[i, k] = sum(mrr.loc[c, m] for c in members if active.loc[c, m])
            survivors[i, k] = sum(all(active.loc[c, months[i : i + k + 1]]) for c in members)
    return pd.DataFrame(rows, index=months, dtype=float), customers, revenue, survivors


def random_snapshots(rng: np.random.Generator, periods: int) -> pd.DataFrame:
    months = pd.period_range("2006-01", periods=periods, freq="M")
    rows = [(f"c{c}", str(m), float(rng.choice([0, 5, 10, 20, 35.5])))
            for c in range(int(rng.integers(1, 7))) for m in months if rng.random() < 0.55]  # fmt: skip
    return pd.DataFrame(rows, columns=["customer_id", "month", "mrr"])


def check_subscriptions(snaps: pd.DataFrame) -> None:
    tables = subscription_tables(snaps)
    moves, customers, revenue, survivors = hand_counts(snaps)
    mine = tables.movements[list(moves.columns)].astype(float)
    pd.testing.assert_frame_equal(mine, moves, check_names=False, check_freq=False)
    for table, counted in ((tables.customer_cohorts, customers), (tables.revenue_cohorts, revenue),
                           (tables.survivors, survivors)):  # fmt: skip
        np.testing.assert_allclose(table.to_numpy(dtype=float), counted, equal_nan=True)


@pytest.mark.parametrize("seed", range(2))
def test_snapshots_match_a_hand_count(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(20):
        snaps = random_snapshots(rng, int(rng.integers(1, 10)))
        if (snaps["mrr"] > 0).any():
            check_subscriptions(snaps)


def test_twenty_years_of_snapshots_match_a_hand_count() -> None:
    rng = np.random.default_rng(7)
    months = pd.period_range("2006-01", "2025-12", freq="M")
    rows = []
    for c in range(10):
        a = int(rng.integers(0, 240))
        rows += [(f"c{c}", str(m), float(rng.choice([5, 10, 0]))) for m in months[a:] if rng.random() < 0.8]
    check_subscriptions(pd.DataFrame(rows, columns=["customer_id", "month", "mrr"]))


OPEN = pd.Timestamp("2200-01-01")  # an open interval's end


def hand_intervals(iv: pd.DataFrame, through: pd.Period) -> dict[tuple[str, pd.Period], float]:
    """Each customer's MRR by month (above 0) of intervals, as docs/metrics.md counts them: from the start's month to
    the month before the end's; an interval within one month only where the customer's service (their touching
    intervals) also starts and ends in that month, and it is the plan the service ended on."""
    out: dict[tuple[str, pd.Period], float] = {}
    for customer, rows in iv.groupby("customer_id"):
        ends = pd.to_datetime(rows["end"]).astype("datetime64[ns]")
        rows = rows.assign(s=pd.to_datetime(rows["start"]), e=ends.fillna(OPEN))
        rows = rows.sort_values(["s", "e"])
        spans: list[list] = []
        for index, r in rows.iterrows():
            if not spans or r["s"] > spans[-1][1]:
                spans.append([r["s"], r["e"], []])
            spans[-1][1] = max(spans[-1][1], r["e"])
            spans[-1][2].append(index)
        span_of = {i: span for span in spans for i in span[2]}
        for index, r in rows.iterrows():
            first = r["s"].to_period("M")
            if r["e"] == OPEN:
                months = list(pd.period_range(first, through, freq="M"))
            elif r["e"].to_period("M") == first:
                start, end, _ = span_of[index]
                alone = end != OPEN and start.to_period("M") == end.to_period("M") == first
                months = [first] if alone and r["e"] == end else []
            else:
                months = list(pd.period_range(first, r["e"].to_period("M") - 1, freq="M"))
            for m in months:
                if m <= through and r["mrr"] > 0:
                    out[(customer, m)] = out.get((customer, m), 0.0) + r["mrr"]
    return out


@pytest.mark.parametrize("seed", range(2))
def test_intervals_match_a_hand_count(seed: int) -> None:
    rng = np.random.default_rng(seed)
    base, through, checked = pd.Timestamp("2025-01-01"), pd.Period("2025-12", "M"), 0
    for _ in range(40):
        rows = []
        for _ in range(int(rng.integers(1, 7))):
            start = base + pd.Timedelta(days=int(rng.integers(0, 200)))
            end = None if rng.random() < 0.3 else start + pd.Timedelta(days=int(rng.integers(1, 100)))
            rows.append((f"c{rng.integers(0, 3)}", str(start.date()), None if end is None else str(end.date()),
                         float(rng.choice([10, 20, 7.5]))))  # fmt: skip
        iv = pd.DataFrame(rows, columns=["customer_id", "start", "end", "mrr"])
        with collected() as notes:  # ends read as a contract's last day (reading.inclusive_ends): not this count
            snaps = snapshots_from_intervals(iv, through=str(through))
        if notes:
            continue
        mine = {(r.customer_id, r.month): r.mrr for r in snaps.itertuples() if r.mrr > 0}
        assert mine == hand_intervals(iv, through), iv
        checked += 1
    assert checked >= 20


def hand_orders(orders: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    o = orders.assign(month=pd.to_datetime(orders["date"]).dt.to_period("M"))
    last = o["month"].max()  # the file's last month, a refund's too: its months after the last order are 0 buyers
    o = o[o["amount"] >= 0]  # refunds left out; an order of 0 is an order
    months = pd.period_range(o["month"].min(), max(o["month"].max(), last), freq="M")
    first = o.groupby("customer_id")["month"].min()
    rows = []
    for m in months:
        this = o[o["month"] == m]
        per = this.groupby("customer_id").size()
        earlier = set(o.loc[o["month"] < m, "customer_id"])
        rows.append({"buyers": len(per), "repeat_purchasers": int((per > 1).sum()),
                     "returning": len(set(per.index) & earlier)})  # fmt: skip
    n = len(months)
    customers, revenue = np.full((n, n), np.nan), np.full((n, n), np.nan)
    for i, cohort in enumerate(months):
        members = set(first[first == cohort].index)
        for k in range(n - i):
            this = o[(o["month"] == months[i + k]) & o["customer_id"].isin(members)]
            customers[i, k], revenue[i, k] = this["customer_id"].nunique(), this["amount"].sum()
    return pd.DataFrame(rows, index=months, dtype=float), customers, revenue


@pytest.mark.parametrize("seed", range(2))
def test_orders_match_a_hand_count(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(20):
        days = np.sort(rng.integers(0, 250, int(rng.integers(1, 15))))
        orders = pd.DataFrame({
            "customer_id": [f"k{rng.integers(0, 5)}" for _ in days],
            "date": [str((pd.Timestamp("2025-01-01") + pd.Timedelta(days=int(d))).date()) for d in days],
            "amount": rng.choice([10, 25.5, 0, 40, -10], len(days)),
        })  # fmt: skip
        if not (orders["amount"] >= 0).any():
            continue
        purchases, customers, revenue = hand_orders(orders)
        mine = order_tables(orders)
        got = mine.purchases[list(purchases.columns)].astype(float).reindex(purchases.index)
        pd.testing.assert_frame_equal(got, purchases, check_names=False, check_freq=False)
        np.testing.assert_allclose(mine.customer_cohorts.to_numpy(dtype=float), customers, equal_nan=True)
        np.testing.assert_allclose(mine.revenue_cohorts.to_numpy(dtype=float), revenue, equal_nan=True)
