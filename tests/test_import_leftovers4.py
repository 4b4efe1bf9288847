"""Import faults found by trying the product as users would (fourth session): each test on its own small input.

* Orders exported one row per item by other shops than Shopify: Amazon's All Orders Report (``amazon-order-id``,
  ``sku``, ``item-price``), Square's Item Detail ("Item", "Transaction ID", "Payment ID"): the items of one order are
  one order, on every engine; a file with item columns and no order id is refused where a customer has two rows at
  one date (they may be one order's items).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
ERROR = "xl-retention: error: "
BACKENDS = ["pandas", "duckdb"]


def run(tmp_path: Path, flag: str, path: Path, columns: str, backend: str = "pandas") -> Path:
    out = tmp_path / f"out-{backend}-{path.stem}"
    assert cli.main(["import", flag, str(path), "--columns", columns, "--backend", backend, "--to-csv", str(out)]) == 0
    return out


def refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], path: Path, columns: str, backend: str) -> str:
    out = tmp_path / f"refused-{backend}"
    code = cli.main(["import", "--orders", str(path), "--columns", columns, "--backend", backend, "--to-csv", str(out)])
    assert code != 0
    return capsys.readouterr().err.strip()


def purchases(out: Path) -> list[tuple[str, int, int, int]]:
    t = pd.read_csv(out / "purchases.csv", dtype={"month": str})
    return [(r.month, int(r.buyers), int(r.repeat_purchasers), int(r.returning)) for r in t.itertuples()]


def revenue(out: Path) -> dict[str, float]:
    t = pd.read_csv(out / "order_revenue_cohorts.csv", dtype={"cohort": str}).set_index("cohort")
    return {str(k): float(v) for k, v in t["0"].items()}


# -- j01: Amazon's All Orders Report, one row per item, the order id in amazon-order-id ---------------------------
AMAZON = (
    "amazon-order-id\tmerchant-order-id\tpurchase-date\torder-status\tproduct-name\tsku\tasin\tquantity\tcurrency\t"
    "item-price\tbuyer-email\n"
    "114-1\t\t2026-01-05T10:00:00+00:00\tShipped\tTea pot\tTP-1\tB01\t1\tUSD\t30.00\tkim@example.com\n"
    "114-1\t\t2026-01-05T10:00:00+00:00\tShipped\tTea cup\tTC-2\tB02\t3\tUSD\t15.00\tkim@example.com\n"
    "114-2\t\t2026-01-09T08:00:00+00:00\tShipped\tTea cup\tTC-2\tB02\t1\tUSD\t5.00\tlee@example.com\n"
    "114-3\t\t2026-02-03T08:00:00+00:00\tShipped\tTea pot\tTP-1\tB01\t1\tUSD\t30.00\tlee@example.com\n"
)
AMAZON_COLUMNS = "customer_id=buyer-email,date=purchase-date,amount=item-price"


@pytest.mark.parametrize("backend", BACKENDS)
def test_amazon_items_of_one_order_are_one_order(tmp_path: Path, backend: str) -> None:
    (tmp_path / "all_orders.txt").write_text(AMAZON)
    out = run(tmp_path, "--orders", tmp_path / "all_orders.txt", AMAZON_COLUMNS, backend)
    assert purchases(out) == [("2026-01", 2, 0, 0), ("2026-02", 1, 0, 1)]
    assert revenue(out) == {"2026-01": 50.0, "2026-02": 0.0}


@pytest.mark.parametrize("backend", BACKENDS)
def test_order_id_aliases_on_a_typed_table(tmp_path: Path, backend: str) -> None:
    """A Parquet file with typed dates and amounts and no status column: its order id ("Order #", ``OrderID``) is
    found on the engine path as by pandas (the engine counted each item as an order)."""
    for name in ("Order #", "OrderID", "amazon-order-id"):
        frame = pd.DataFrame({
            name: ["7", "7", "8"], "customer_id": ["a", "a", "b"],
            "date": pd.to_datetime(["2026-01-05 10:00", "2026-01-05 10:00", "2026-01-06 09:00"]),
            "amount": [10.0, 2.5, 4.0],
        })  # fmt: skip
        path = tmp_path / "orders.parquet"
        frame.to_parquet(path)
        out = run(tmp_path, "--orders", path, "customer_id=customer_id", backend)
        assert purchases(out) == [("2026-01", 2, 0, 0)], name
        assert revenue(out) == {"2026-01": 16.5}


# -- j02: Square's Item Detail, one row per item, Transaction ID and Payment ID on each -----------------------------
SQUARE = (
    "Date,Time,Category,Item,Qty,SKU,Gross Sales,Net Sales,Transaction ID,Payment ID,Customer ID\n"
    "2026-01-05,10:01:02,Coffee,Latte,1,LAT,$4.50,$4.50,tx_1,pay_1,C1\n"
    "2026-01-05,10:01:02,Bakery,Scone,2,SCO,$6.00,$6.00,tx_1,pay_1,C1\n"
    "2026-01-08,09:00:00,Coffee,Latte,1,LAT,$4.50,$4.50,tx_2,pay_2,C2\n"
    "2026-02-02,09:00:00,Coffee,Latte,1,LAT,$4.50,$4.50,tx_3,pay_3,C2\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("columns", ["amount=Net Sales", "amount=Net Sales,order_id=Transaction ID"])
def test_square_items_of_one_transaction_are_one_order(tmp_path: Path, backend: str, columns: str) -> None:
    (tmp_path / "items.csv").write_text(SQUARE)
    out = run(tmp_path, "--orders", tmp_path / "items.csv", columns, backend)
    assert purchases(out) == [("2026-01", 2, 0, 0), ("2026-02", 1, 0, 1)]
    assert revenue(out) == {"2026-01": 15.0, "2026-02": 0.0}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_payment_id_on_two_orders_is_still_a_changed_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    """A record id repeated within one order is that order's (its payment); on rows of two orders it is the same
    record changed between two exports, refused as before."""
    (tmp_path / "items.csv").write_text(SQUARE.replace("tx_2,pay_2", "tx_2,pay_1"))
    assert refused(tmp_path, capsys, tmp_path / "items.csv", "amount=Net Sales", backend) == (
        f"{ERROR}items.csv, column 'Payment ID': rows with the id of an earlier row and other values: the same record "
        "in two exports, changed between them (which row is current cannot be told, and both would count) in row 4 "
        "(counting the header as row 1): 'pay_1': keep the row of the latest export"
    )


ITEMS = (
    "customer,date,product name,sku,price,payment id\n"
    "a,2026-01-05,Mug,M1,10,p1\n"
    "a,2026-01-05,Plate,P1,4,p1\n"
    "b,2026-01-06,Mug,M1,10,p2\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_items_without_an_order_id_at_one_date_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    (tmp_path / "items.csv").write_text(ITEMS.replace(",payment id", "").replace(",p1", "").replace(",p2", ""))
    assert refused(tmp_path, capsys, tmp_path / "items.csv", "customer_id=customer,amount=price", backend) == (
        f"{ERROR}items.csv, column 'date': rows of one customer at one date in a file with item columns "
        "('product name'): the items of one order would each count as an order; map the column of the order id: "
        "--columns order_id=NAME in rows 2, 3 (counting the header as row 1): '2026-01-05', '2026-01-05'"
    )


def test_items_refusal_names_a_record_id_to_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "items.csv").write_text(ITEMS)
    message = refused(tmp_path, capsys, tmp_path / "items.csv", "customer_id=customer,amount=price", "pandas")
    assert message == (
        f"{ERROR}items.csv, column 'payment id': rows with the id of an earlier row and other values in a file with "
        "item columns ('product name'): the items of one order, each of which would count as an order? Map the "
        "column of the order id: --columns 'order_id=payment id'; if they are one record changed between two "
        "exports, keep the row of the latest export in row 3 (counting the header as row 1): 'p1'"
    )
    out = run(tmp_path, "--orders", tmp_path / "items.csv", "customer_id=customer,amount=price,order_id=payment id")
    assert purchases(out) == [("2026-01", 2, 0, 0)]
    assert revenue(out) == {"2026-01": 24.0}


def test_items_without_an_order_id_each_at_its_own_date_are_orders(tmp_path: Path) -> None:
    """No customer has two rows at one date: no two rows can be one order's items, every row is an order."""
    (tmp_path / "items.csv").write_text(
        "customer,date,product name,price\na,2026-01-05,Mug,10\na,2026-01-20,Plate,4\nb,2026-01-06,Mug,10\n"
    )
    out = run(tmp_path, "--orders", tmp_path / "items.csv", "customer_id=customer,amount=price")
    assert purchases(out) == [("2026-01", 2, 1, 0)]
    assert revenue(out) == {"2026-01": 24.0}


# -- j03: a typed snapshots table (Parquet, a database table) with a month missing is refused on every engine -------
def gap_parquet(path: Path, months: list[str]) -> Path:
    pd.DataFrame({
        "customer_id": ["a", "b"] * len(months), "month": pd.to_datetime([m for m in months for _ in "ab"]),
        "mrr": [10.0, 20.0] * len(months),
    }).to_parquet(path, index=False)  # fmt: skip
    return path


@pytest.mark.parametrize("backend", BACKENDS)
def test_typed_snapshots_with_a_missing_month_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    path = gap_parquet(tmp_path / "mrr.parquet", ["2026-01-01", "2026-03-01", "2026-06-01"])
    code = cli.main(["import", "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o")])
    assert code == 1
    assert capsys.readouterr().err.strip() == (
        f"{ERROR}mrr.parquet, column 'month': no rows at all for the months 2026-02, 2026-04, 2026-05, between "
        "months with rows: a month's export is missing (every customer would show as lost, then back); add it, or, "
        "if no customer was active then, a row with MRR 0 for that month"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_typed_snapshots_without_a_gap_are_read(tmp_path: Path, backend: str) -> None:
    path = gap_parquet(tmp_path / "mrr.parquet", ["2026-01-01", "2026-02-01", "2026-03-01"])
    code = cli.main(["import", "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o")])
    assert code == 0
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", dtype={"month": str})
    assert moves["month"].tolist() == ["2026-01", "2026-02", "2026-03"]
    assert moves["lost"].tolist() == [0, 0, 0]


def test_engine_function_without_the_import_option_counts_a_gap_as_lost() -> None:
    """The Python functions read a month without rows as a month without active customers (ReadOptions'
    refuse_missing_months is False), on an engine's typed table as on pandas."""
    pytest.importorskip("ibis")
    import ibis

    from xl_retention.relational import monthly_movements

    frame = pd.DataFrame({
        "customer_id": ["a", "a"], "month": pd.to_datetime(["2026-01-01", "2026-03-01"]), "mrr": [10.0, 10.0],
    })  # fmt: skip
    moves = monthly_movements(ibis.duckdb.connect().create_table("snaps", frame))
    assert moves["lost"].tolist() == [0, 1, 0]
    assert moves["reactivated"].tolist() == [0, 0, 1]


# -- j04: a typed table's column that changes the MRR is used or refused on every engine, as a file's --------------
MONTH = ["2026-01-01", "2026-01-01"]
BILLING_CASES = {
    "seats": (
        {"amount": [10.0, 20.0], "interval": ["month", "month"], "Seat Count": [1, 3]}, [],
        "seats.parquet: column 'Seat Count' looks like the billing quantity but is not used; it changes the MRR "
        "(MRR = amount x quantity / (months per interval x interval_count)): map it: --columns 'quantity=Seat Count'",
    ),
    "unit_price": (
        {"Plan Amount": [10.0, 20.0], "Quantity": [1, 3]}, ["--columns", "mrr=Plan Amount"],
        "unit_price.parquet: 'Plan Amount' (mapped to mrr) is a price per unit, and 'Quantity' is there: the MRR is "
        "price x quantity / months per interval, but no billing interval column was found (month, year, ...): map "
        "it: --columns 'interval=NAME,amount=Plan Amount' (or map mrr to a column of monthly revenue)",
    ),
    "count": (
        {"mrr": [10.0, 20.0], "interval_count": [1, 3]}, [],
        "count.parquet: 'interval_count' is a billing interval count, but no billing interval column was found "
        "(month, year, ...): map it: --columns interval=NAME (the MRR is the price per interval divided by the months "
        "of the interval and by the count)",
    ),
}  # fmt: skip


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("case", sorted(BILLING_CASES))
def test_typed_billing_columns_that_change_the_mrr_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, case: str
) -> None:
    values, extra, message = BILLING_CASES[case]
    path = tmp_path / f"{case}.parquet"
    pd.DataFrame({"customer_id": ["a", "b"], "month": pd.to_datetime(MONTH), **values}).to_parquet(path, index=False)
    out = str(tmp_path / "o")
    assert cli.main(["import", "--subscriptions", str(path), *extra, "--backend", backend, "--to-csv", out]) == 1
    assert capsys.readouterr().err.strip() == ERROR + message


@pytest.mark.parametrize("backend", BACKENDS)
def test_typed_seats_mapped_multiply_the_mrr(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "seats.parquet"
    pd.DataFrame({
        "customer_id": ["a", "b"], "month": pd.to_datetime(MONTH), "amount": [10.0, 20.0],
        "interval": ["month", "month"], "Seat Count": [1, 3],
    }).to_parquet(path, index=False)  # fmt: skip
    out = run(tmp_path, "--subscriptions", path, "quantity=Seat Count", backend)
    assert pd.read_csv(out / "movements.csv")["mrr_end"].tolist() == [70.0]


# -- j05: integer dates in a typed table (GA4's Date 20260105 after a pandas round trip) ----------------------------
@pytest.mark.parametrize("backend", BACKENDS)
def test_typed_integer_dates_are_read_as_a_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    visits = tmp_path / "ga4.parquet"
    pd.DataFrame({"visitor_id": ["a", "b", "a"], "date": [20260105, 20260107, 20260203]}).to_parquet(visits)
    out = run(tmp_path, "--visits", visits, "visitor_id=visitor_id", backend)
    t = pd.read_csv(out / "visits.csv", dtype={"month": str})
    assert t[["month", "visitors", "returning"]].values.tolist() == [["2026-01", 2, 0], ["2026-02", 1, 1]]
    subs = tmp_path / "mrr.parquet"
    pd.DataFrame({"customer_id": ["a", "b"], "month": [202601, 202602], "mrr": [1.0, 2.0]}).to_parquet(subs)
    code = cli.main(["import", "--subscriptions", str(subs), "--backend", backend, "--to-csv", str(tmp_path / "s")])
    assert code == 1
    assert capsys.readouterr().err.strip() == (
        f"{ERROR}mrr.parquet, column 'month': numbers where dates belong (months as YYYYMM?) in rows 1, 2 (counting "
        "the Parquet file's first record as row 1): 202601, 202602: read them with --date-format '%Y%m'"
    )


# -- j06: segments of a typed column of floats or booleans are labelled as a file's ---------------------------------
@pytest.mark.parametrize("backend", BACKENDS)
def test_typed_segment_labels_as_a_files(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "mrr.parquet"
    pd.DataFrame({
        "customer_id": ["a", "b", "c"] * 2, "month": pd.to_datetime(["2026-01-01"] * 3 + ["2026-02-01"] * 3),
        "mrr": [10.0, 20.0, 30.0] * 2, "tier": [1.0, 2.0, None] * 2, "annual": [True, False, True] * 2,
    }).to_parquet(path, index=False)  # fmt: skip
    for segment, labels in (("tier", ["(blank)", "1", "2"]), ("annual", ["FALSE", "TRUE"])):
        out = tmp_path / segment
        assert cli.main(["import", "--subscriptions", str(path), "--segment", segment, "--backend", backend,
                         "--to-csv", str(out)]) == 0  # fmt: skip
        assert sorted(set(pd.read_csv(out / "movements.csv", dtype=str)["segment"])) == labels
    out = tmp_path / "one"
    assert cli.main(["import", "--subscriptions", str(path), "--segment", "tier=1", "--backend", backend,
                     "--to-csv", str(out)]) == 0  # fmt: skip
    assert pd.read_csv(out / "movements.csv")["customers_end"].tolist() == [1, 1]


# -- j07: a customer's segment where their first month has rows of two segments: the smallest by code point --------
def test_segment_codes_order_by_code_point() -> None:
    from xl_retention.relational.inputs import coded_segments

    codes, order = coded_segments(["basic", "Pro", "Équipe", "(blank)", "basic"])
    assert order == ["(blank)", "Pro", "basic", "Équipe"]
    assert codes == {"(blank)": "000000000", "Pro": "000000001", "basic": "000000002", "Équipe": "000000003"}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("typed", [False, True])
def test_first_month_of_two_segments_takes_the_smallest_label(tmp_path: Path, backend: str, typed: bool) -> None:
    """The engines compare the labels' codes (code-point order, as pandas), never the labels under a collation."""
    frame = pd.DataFrame({
        "customer_id": ["a", "a", "b", "c"], "start": ["2026-01-05", "2026-01-05", "2026-01-10", "2026-02-01"],
        "end": ["2026-03-01"] * 4, "mrr": [50.0, 10.0, 10.0, 50.0], "plan": ["Pro", "basic", "basic", "Pro"],
    })  # fmt: skip
    if typed:
        frame[["start", "end"]] = frame[["start", "end"]].apply(pd.to_datetime)
        path = tmp_path / "subs.parquet"
        frame.to_parquet(path, index=False)
    else:
        path = tmp_path / "subs.csv"
        frame.to_csv(path, index=False)
    out = tmp_path / "o"
    code = cli.main(["import", "--subscriptions", str(path), "--segment", "plan", "--backend", backend, "--to-csv",
                     str(out)])  # fmt: skip
    assert code == 0
    moves = pd.read_csv(out / "movements.csv", dtype={"month": str})
    got = moves[["segment", "month", "customers_end", "mrr_end"]].values.tolist()
    assert got == FIRST_MONTH_SEGMENTS


FIRST_MONTH_SEGMENTS = [
    ["Pro", "2026-01", 1, 60.0], ["Pro", "2026-02", 2, 110.0], ["Pro", "2026-03", 0, 0.0],
    ["basic", "2026-01", 1, 10.0], ["basic", "2026-02", 1, 10.0], ["basic", "2026-03", 0, 0.0],
]  # fmt: skip


def test_segments_under_a_case_blind_collation() -> None:
    """A DuckDB connection whose collation ignores case ('basic' before 'Pro', as PostgreSQL's en-US) gives the
    segments of the pandas path: a customer's first month of two segments takes 'Pro'."""
    ibis = pytest.importorskip("ibis")
    from xl_retention.relational import subscription_tables

    con = ibis.duckdb.connect()
    con.raw_sql("SET default_collation = 'nocase'")
    frame = pd.DataFrame({
        "customer_id": ["a", "a", "b", "c"], "start": pd.to_datetime(["2026-01-05", "2026-01-05", "2026-01-10",
        "2026-02-01"]), "end": pd.to_datetime(["2026-03-01"] * 4), "mrr": [50.0, 10.0, 10.0, 50.0],
        "plan": ["Pro", "basic", "basic", "Pro"],
    })  # fmt: skip
    moves = subscription_tables(con.create_table("subs", frame), segment="plan", backend=con).movements
    got = [[s, str(m), int(r.customers_end), float(r.mrr_end)] for (s, m), r in moves.iterrows()]
    assert got == FIRST_MONTH_SEGMENTS


# -- j08: two-digit years (Etsy "01/15/26", German "05.01.26"): the refusal names the --date-format that reads them --
@pytest.mark.parametrize(
    ("dates", "hint"),
    [
        (["01/15/26", "02/03/26"], "--date-format '%m/%d/%y'"),
        (["05.01.26", "15.02.26"], "--date-format '%d.%m.%y' or '%y.%m.%d': say which"),
        (["05.01.26", "06.02.26"], "--date-format '%d.%m.%y', '%m.%d.%y' or '%y.%m.%d': say which"),
        (["26-01-05", "26-02-13"], "--date-format '%y-%m-%d' or '%d-%m-%y': say which"),
        (["4-Jan-26", "26-Feb-26"], "--date-format '%d-%b-%y'"),
    ],
)
def test_two_digit_years_refused_with_the_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dates: list[str], hint: str
) -> None:
    (tmp_path / "orders.csv").write_text(f"customer_id,date,amount\na,{dates[0]},10\nb,{dates[1]},5\n")
    code = cli.main(["import", "--orders", str(tmp_path / "orders.csv"), "--to-csv", str(tmp_path / "o")])
    assert code == 1
    assert capsys.readouterr().err.strip() == (
        f"{ERROR}orders.csv, column 'date': dates that do not parse (two-digit years) in rows 2, 3 (counting the "
        f"header as row 1): '{dates[0]}', '{dates[1]}': read them with {hint}"
    )
    fmt = hint.split("'")[1]
    out = tmp_path / "read"
    assert (
        cli.main(["import", "--orders", str(tmp_path / "orders.csv"), "--date-format", fmt, "--to-csv", str(out)]) == 0
    )
    assert purchases(out) == [("2026-01", 1, 0, 0), ("2026-02", 1, 0, 0)]


# -- j09: Zuora's "Billing Period" (Month, Quarter, Annual) is the billing interval, not Chargebee's count ----------
ZUORA = (
    "Account Number,Start Date,End Date,Billing Period,Price\n"
    "A-1,2026-01-10,2026-04-01,Month,30\nA-2,2026-01-15,2026-04-01,Annual,1200\nA-3,2026-02-01,2026-04-01,Quarter,90\n"
)
ZUORA_COLUMNS = "customer_id=Account Number,start=Start Date,end=End Date,amount=Price"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("typed", [False, True])
def test_zuora_billing_period_is_the_interval(tmp_path: Path, backend: str, typed: bool) -> None:
    path = tmp_path / "zuora.csv"
    path.write_text(ZUORA)
    if typed:
        frame = pd.read_csv(path)
        frame[["Start Date", "End Date"]] = frame[["Start Date", "End Date"]].apply(pd.to_datetime)
        path = tmp_path / "zuora.parquet"
        frame.to_parquet(path, index=False)
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, ZUORA_COLUMNS, backend) / "movements.csv")
    assert moves[["month", "mrr_end"]].values.tolist() == [
        ["2026-01", 130.0], ["2026-02", 160.0], ["2026-03", 160.0], ["2026-04", 0.0],
    ]  # fmt: skip


def test_chargebee_billing_period_stays_the_count(tmp_path: Path) -> None:
    """Chargebee's ``billing_period`` beside ``billing_period_unit`` is the count of units (3 months: a quarter)."""
    (tmp_path / "subs.csv").write_text(
        "customer_id,start,end,plan_unit_price,billing_period,billing_period_unit\na,2026-01-10,2026-03-01,90,3,month\n"
    )
    moves = pd.read_csv(
        run(tmp_path, "--subscriptions", tmp_path / "subs.csv", "customer_id=customer_id") / "movements.csv"
    )
    assert moves[["month", "mrr_end"]].values.tolist() == [["2026-01", 30.0], ["2026-02", 30.0], ["2026-03", 0.0]]


# -- j10: Mac Excel's "CSV (Macintosh)" is MacRoman: its accented names are read as written, not as Windows-1252 ------
@pytest.mark.parametrize("encoding", ["mac_roman", "cp1252"])
def test_macroman_and_windows_csv_keep_their_accents(tmp_path: Path, encoding: str) -> None:
    text = (
        "customer_id,date,amount,city\n"
        "josé,2026-01-05,10,Zürich\nnoël,2026-01-06,5,Malmö\nrenée,2026-02-06,7,Besançon\n"
    )
    (tmp_path / "orders.csv").write_bytes(text.encode(encoding))
    out = tmp_path / "o"
    args = ["import", "--orders", str(tmp_path / "orders.csv"), "--segment", "city", "--to-csv", str(out)]
    assert cli.main(args) == 0
    labels = pd.read_csv(out / "purchases.csv", dtype=str, encoding="utf-8")["segment"]
    assert sorted(set(labels)) == ["Besançon", "Malmö", "Zürich"]


def test_a_windows_csv_whose_only_accents_are_dashes_stays_windows_1252(tmp_path: Path) -> None:
    """An en dash or a bullet between letters is Windows-1252 text as written, not MacRoman misread: the customers
    AB–CD and Anne–Marie keep their ids and segments (H26: they became ABñCD and AnneñMarie)."""
    text = "customer_id,date,amount,city\nAB–CD,2026-01-05,10,Straße–Nord\nAnne–Marie,2026-01-06,5,O’Neil•Park\n"
    (tmp_path / "orders.csv").write_bytes(text.encode("cp1252"))
    out = tmp_path / "o"
    args = ["import", "--orders", str(tmp_path / "orders.csv"), "--segment", "city", "--to-csv", str(out)]
    assert cli.main(args) == 0
    labels = pd.read_csv(out / "purchases.csv", dtype=str, encoding="utf-8")["segment"]
    assert sorted(set(labels)) == ["O’Neil•Park", "Straße–Nord"]


# -- n05: a year typed wrong in snapshots is named as a month that has not happened yet, not as missing exports -----
@pytest.mark.parametrize("engine", ["pandas", "duckdb"])
def test_a_future_month_is_named_before_the_gap_it_leaves(engine: str) -> None:
    from xl_retention.reading import DataError, ReadOptions

    frame = pd.DataFrame({"customer_id": ["A", "A"], "month": pd.to_datetime(["2026-01-01", "2027-02-01"]),
                          "mrr": [10.0, 10.0]})  # fmt: skip
    options = ReadOptions(refuse_missing_months=True, today="2026-11")
    if engine == "pandas":
        from xl_retention.tables import subscription_tables

        data: object = frame
    else:
        ibis = pytest.importorskip("ibis")
        from xl_retention.relational import subscription_tables

        data = ibis.duckdb.connect().create_table("snaps", frame)
    with pytest.raises(DataError) as caught:
        subscription_tables(data, source="fut.csv", options=options)
    assert str(caught.value) == (
        "fut.csv, column 'month': rows for the month 2027-02, after the current month (2026-11): a month that has "
        "not happened yet is not counted; remove those rows (a forecast or a scheduled renewal?)"
    )
