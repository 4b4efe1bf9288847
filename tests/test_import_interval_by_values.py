"""A billing interval column under a name the importer does not know is found by its values, never ignored.

HubSpot's and Salesforce's "Billing Frequency" (Yearly), "Period" (Annually), a German ``Zahlungsintervall``
(jährlich), a "term" of ``12 months`` beside a price: ignored, a yearly 1,200 counted as 1,200 of MRR a month
(x12) with exit 0, where the known name ``Interval`` converted it. Each is now the interval: 1,200 a year is 100 a
month, on every engine; a column named like an interval with a value that is none is refused naming its row; two
interval columns are refused; a monthly MRR column keeps the interval a description.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]


def mrr_end(out: Path) -> list[float]:
    """The MRR at the end of 2024-01 and 2024-02."""
    return pd.read_csv(out / "movements.csv")["mrr_end"].tolist()[:2]


@pytest.mark.parametrize(
    ("column", "yearly", "monthly"),
    [
        ("Billing Frequency", "Yearly", "Monthly"),
        ("Period", "Annually", "Monthly"),
        ("Zahlungsintervall", "jährlich", "monatlich"),
        ("term", "12 months", "1 month"),
        ("Plan", "Annual", "Quarterly"),  # any name: every value an interval (the quarterly 300 is 100 a month)
    ],
)
@pytest.mark.parametrize("mapped", [True, False])
def test_an_interval_column_of_any_name_converts_the_price(tmp_path: Path, column, yearly, monthly, mapped) -> None:
    price = 300 if monthly == "Quarterly" else 100
    path = tmp_path / "subs.csv"
    path.write_text(
        f"customer_id,start,end,Amount,{column}\na,2024-01-01,,1200,{yearly}\nb,2024-01-01,2024-03-01,{price},"
        f"{monthly}\n",
        encoding="utf-8",
    )
    args = ["--columns", "mrr=Amount"] if mapped else []
    assert mrr_end(run(tmp_path, "--subscriptions", path, *args)) == [200.0, 200.0]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("kind", ["intervals", "snapshots"])
def test_an_interval_column_of_any_name_on_every_engine(tmp_path: Path, backend: str, kind: str) -> None:
    months = pd.to_datetime(["2024-01-01"] * 2 + ["2024-02-01"] * 2)
    frame = pd.DataFrame({"customer_id": ["a", "b"] * 2, "month": months, "Amount": [1200.0, 100.0] * 2,
                          "Billing Cycle": ["Annual", "Monthly"] * 2})  # fmt: skip
    if kind == "intervals":
        frame = frame.iloc[:2].rename(columns={"month": "start"}).assign(end=pd.to_datetime(["2024-03-01", None]))
    frame.to_parquet(tmp_path / "subs.parquet", index=False)
    args = ["--columns", "mrr=Amount"]
    out = run(tmp_path, "--subscriptions", tmp_path / "subs.parquet", *args, backend=backend)
    assert mrr_end(out) == [200.0, 200.0]


def test_a_value_of_an_interval_named_column_that_is_none_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("customer_id,start,Amount,Billing Frequency\na,2024-01-01,1200,Yearly\nb,2024-01-01,50,Bimonthly\n")
    message = refusal(capsys, "--subscriptions", str(path), "--columns", "mrr=Amount", "--to-csv", str(tmp_path / "o"))
    assert "subs.csv" in message and "'Billing Frequency'" in message and "row 3" in message
    assert "Bimonthly" in message  # twice a month or every two months? (Bi-weekly and Semi-monthly are read)


def test_two_interval_columns_are_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("customer_id,start,Amount,Billing Frequency,Plan\na,2024-01-01,1200,Yearly,Annual\n"
                    "b,2024-01-01,100,Monthly,Monthly\n")  # fmt: skip
    message = refusal(capsys, "--subscriptions", str(path), "--columns", "mrr=Amount", "--to-csv", str(tmp_path / "o"))
    assert message.startswith("subs.csv: 'Billing Frequency' and 'Plan' both hold billing intervals")


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        (
            "customer_id,start,end,MRR,Billing Frequency",
            ["a,2024-01-01,,100,Yearly", "b,2024-01-01,2024-03-01,100,Monthly"],
        ),
        ("customer_id,start,end,mrr,Sex", ["a,2024-01-01,,100,m", "b,2024-01-01,2024-03-01,100,y"]),  # no interval
        (
            "customer_id,start,end,mrr,Billing Frequency",
            ["a,2024-01-01,,100,Monthly", "b,2024-01-01,2024-03-01,100,Monthly"],
        ),
    ],
)
def test_monthly_amounts_and_other_columns_are_left_alone(tmp_path: Path, header: str, rows: list[str]) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("\n".join([header, *rows]) + "\n")
    assert mrr_end(run(tmp_path, "--subscriptions", path)) == [200.0, 200.0]


# -- the interval only in a plan's name: refused unasked, read when mapped as the interval ---------------------------
@pytest.mark.parametrize(
    ("column", "yearly", "monthly"),
    [("Plan", "Pro (billed annually)", "Pro (billed monthly)"), ("Plan", "pro_yearly", "pro_monthly"),
     ("plan_id", "price_pro_annual", "price_pro_monthly")],
)  # fmt: skip
def test_an_interval_in_a_plans_name_is_refused_or_read_when_mapped(tmp_path: Path, capsys, column, yearly, monthly):
    path = tmp_path / "subs.csv"
    path.write_text(f"customer_id,start,end,Amount,{column}\na,2024-01-01,,1200,{yearly}\n"
                    f"b,2024-01-01,2024-03-01,100,{monthly}\n")  # fmt: skip
    message = refusal(capsys, "--subscriptions", str(path), "--columns", "mrr=Amount", "--to-csv", str(tmp_path / "o"))
    assert message.startswith(f"subs.csv: column {column!r} names billing intervals ({yearly!r})")
    assert f"--columns interval={column} reads each row's interval" in message
    out = run(tmp_path, "--subscriptions", path, "--columns", f"mrr=Amount,interval={column}")
    assert mrr_end(out) == [200.0, 200.0]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_interval_in_a_plans_name_mapped_on_every_engine(tmp_path: Path, backend: str) -> None:
    months = pd.to_datetime(["2024-01-01"] * 2 + ["2024-02-01"] * 2)
    frame = pd.DataFrame({"customer_id": ["a", "b"] * 2, "amount": [1200.0, 100.0] * 2,
                          "plan": ["Pro Annual", "Pro Monthly"] * 2, "month": months})  # fmt: skip
    frame.to_parquet(tmp_path / "subs.parquet", index=False)
    args = ["--columns", "amount=amount,interval=plan"]
    assert mrr_end(run(tmp_path, "--subscriptions", tmp_path / "subs.parquet", *args, backend=backend)) == [
        200.0,
        200.0,
    ]


def test_a_period_that_says_no_months_is_still_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("customer_id,start,Amount,Billing Period\na,2024-01-01,1200,Annual\nb,2024-01-01,50,Multi-Year\n")
    message = refusal(
        capsys, "--subscriptions", str(path), "--columns", "amount=Amount", "--to-csv", str(tmp_path / "o")
    )
    assert "billing intervals that are not day, week" in message and "row 3" in message
