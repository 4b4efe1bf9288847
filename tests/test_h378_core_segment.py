"""ReadOptions(segment=...) in xl_retention.tables (H375's findings 02, 03).

03: ``order_tables(df, options=ReadOptions(segment="currency"))`` on USD 10 + EUR 20 gave January's revenue 30.0:
the option lifted the two-currency refusal, the core does not split the rows. Now refused, naming the currencies and
what to do; the rows of one currency are read with the option; the import's split (--segment, load_tables' and
relational's segment=) is unchanged.
02: the core's refusals advised segment='currency=EUR', a keyword these functions do not take; now they name the
rows to keep or xl_retention.relational's segment=, and the CLI keeps --segment, load_tables segment=.
Also: the summary rows ('Total' under each month) named alike by the pandas and the DuckDB paths (H370's 01).
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli
from xl_retention import tables as T
from xl_retention.reading import DataError, ReadOptions
from xl_retention.workbook.importer import load_tables

ORDERS = "order_id,customer_id,date,amount,currency\n1,a,2026-01-05,10,USD\n2,b,2026-01-06,20,EUR\n" + (
    "3,b,2026-02-06,5,eur\n"
)
SPLIT = ReadOptions(segment="currency")


def _orders() -> pd.DataFrame:
    return pd.read_csv(io.StringIO(ORDERS))


def _refusal(call) -> str:
    with warnings.catch_warnings(), pytest.raises(DataError) as caught:
        warnings.simplefilter("ignore")
        call()
    return str(caught.value)


def test_order_tables_with_the_segment_option_refuses_two_currencies() -> None:
    assert _refusal(lambda: T.order_tables(_orders(), options=SPLIT)) == (
        "input, column 'currency': 2 currencies (USD, EUR) in the rows at index 0, 1: 'USD', 'EUR'; "
        "options=ReadOptions(segment='currency') reads the rows as split by 'currency', which order_tables does not "
        "do: amounts in several currencies would be added up in one table; keep one currency's rows "
        "(df[df['currency'].isin(['EUR', 'eur'])]), or xl_retention.relational.order_tables(df, segment='currency') "
        "for the tables per segment (segment='currency=EUR' for one)"
    )  # 'eur' (row 3) is EUR too: == 'EUR' alone would leave its 5 out


@pytest.mark.parametrize("call", ["subscription_tables", "monthly_movements", "intervals"])
def test_subscription_tables_with_the_segment_option_refuse_two_currencies(call: str) -> None:
    snaps = pd.DataFrame({"customer_id": ["a", "a", "b"], "month": ["2026-01", "2026-02", "2026-01"],
                          "mrr": [10, 10, 20], "currency": ["USD", "USD", "EUR"]})  # fmt: skip
    intervals = pd.DataFrame({"customer_id": ["a", "b"], "start": ["2026-01-05", "2026-02-06"], "end": [None, None],
                              "mrr": [10, 20], "currency": ["USD", "EUR"]})  # fmt: skip
    run = {"subscription_tables": lambda: T.subscription_tables(snaps, options=SPLIT),
           "monthly_movements": lambda: T.monthly_movements(snaps, options=SPLIT),
           "intervals": lambda: T.subscription_tables(intervals, options=SPLIT)}[call]  # fmt: skip
    function = "monthly_movements" if call == "monthly_movements" else "subscription_tables"
    rows = "0, 1" if call == "intervals" else "0, 2"
    assert _refusal(run) == (
        f"input, column 'currency': 2 currencies (USD, EUR) in the rows at index {rows}: 'USD', 'EUR'; "
        f"options=ReadOptions(segment='currency') reads the rows as split by 'currency', which {function} does not "
        "do: amounts in several currencies would be added up in one table; keep one currency's rows "
        f"(df[df['currency'] == 'EUR']), or xl_retention.relational.{function}(df, segment='currency') for the "
        "tables per segment (segment='currency=EUR' for one)"
    )


def test_nps_with_the_question_as_segment_refuses_two_questions() -> None:
    answers = pd.read_csv(io.StringIO("date,score,Question\n2026-01-05,9,Recommend?\n2026-01-06,4,Satisfied?\n"))
    assert _refusal(lambda: T.nps_by_month(answers, options=ReadOptions(segment="Question"))) == (
        "input, column 'Question': 2 segments ('Recommend?', 'Satisfied?') in the rows at index 0, 1: 'Recommend?', "
        "'Satisfied?'; options=ReadOptions(segment='Question') reads the rows as split by 'Question', which "
        "nps_by_month does not do: its segments would be added up in one table; keep one segment's rows "
        "(df[df['Question'] == 'Recommend?']), or xl_retention.relational.nps_by_month(df, segment='Question') for "
        "the tables per segment (segment='Question=Recommend?' for one)"
    )


def test_one_currencys_rows_are_read_with_the_option() -> None:
    df = _orders()
    eur = df[df["currency"].str.upper() == "EUR"]  # 'eur' and 'EUR': one currency
    with warnings.catch_warnings():  # the data's last month: not this test's
        warnings.simplefilter("ignore")
        revenue = T.order_tables(eur, options=SPLIT).revenue_cohorts
        pd.testing.assert_frame_equal(revenue, T.order_tables(eur).revenue_cohorts)
    assert revenue.iloc[0].tolist() == [20.0, 5.0]  # the January cohort: 20 EUR, then 5 EUR


def test_the_core_refusal_names_what_its_caller_can_do() -> None:
    df = _orders()
    said = _refusal(lambda: T.order_tables(df))
    assert said == (
        "input, column 'currency': 2 currencies (USD, EUR) in the rows at index 0, 1: 'USD', 'EUR'; amounts are "
        "added up: convert them to one currency first, or import one currency at a time (df[df['currency'] == "
        "'EUR'], or xl_retention.relational.order_tables(df, segment='currency=EUR'))"
    )
    plans = pd.read_csv(io.StringIO("customer_id,start,end,amount,interval,Lookup Key\n"
                                    "A,2024-01-05,,100,month,pro_monthly_eur\n"
                                    "B,2024-01-06,,100,month,pro_monthly_usd\n"))  # fmt: skip
    assert _refusal(lambda: T.subscription_tables(plans)).endswith(
        "import one currency at a time (df[df['currency'] == 'EUR'], or "
        "xl_retention.relational.subscription_tables(df, segment='currency=EUR'))"
    )
    answers = pd.read_csv(io.StringIO("date,score,Question\n2026-01-05,9,Recommend?\n2026-01-06,4,Satisfied? (1-5)\n"))
    assert _refusal(lambda: T.nps_by_month(answers)).endswith(
        "read the NPS question's rows alone: df[df['Question'] == 'Recommend?'], or "
        "xl_retention.relational.nps_by_month(df, segment='Question=Recommend?')"
    )
    staff = pd.read_csv(io.StringIO("date,score,Survey Type\n2026-01-05,9,enps\n2026-01-06,4,enps\n"))
    assert _refusal(lambda: T.nps_by_month(staff)).endswith(
        "to import these as they are, options=ReadOptions(segment='Survey Type'), or "
        "xl_retention.relational.nps_by_month(df, segment='Survey Type=enps')"
    )
    # each advice followed: the EUR rows, the NPS question's rows, the employee NPS read with the option
    with warnings.catch_warnings():  # the data's last month: not this test's
        warnings.simplefilter("ignore")
        assert T.order_tables(df[df["currency"] == "EUR"]).revenue_cohorts.iloc[0].tolist() == [20.0]
        assert T.nps_by_month(answers[answers["Question"] == "Recommend?"])["nps"].tolist() == [100.0]
        assert T.nps_by_month(staff, options=ReadOptions(segment="Survey Type"))["nps"].tolist() == [0.0]


def test_load_tables_and_the_cli_keep_their_segment(tmp_path: Path, capsys) -> None:
    path = tmp_path / "o.csv"
    path.write_text(ORDERS)
    assert _refusal(lambda: load_tables(orders=path)).endswith("import one currency at a time (segment='currency=EUR')")
    assert _refusal(lambda: load_tables(orders=path, options=SPLIT)).endswith(
        "options=ReadOptions(segment='currency') reads the rows as split by 'currency', which load_tables does with "
        "segment='currency' (the tables per segment) or segment='currency=EUR' (one segment); give that instead"
    )
    split = load_tables(orders=path, segment="currency=EUR", backend="pandas").order_revenue_cohorts
    assert split.iloc[0].tolist() == [20.0, 5.0]
    assert cli.main(["import", "--orders", str(path), "--to-csv", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.strip().endswith("import one currency at a time (--segment currency=EUR)")


def _totals_sheet() -> str:
    rows = ["Customer,Month,MRR (EUR)"]
    for month, customers in (("2025-01", [45, 99]), ("2025-02", [45, 29, 99])):
        rows += [f"Kunde {i:03d} GmbH,{month},{mrr:g}" for i, mrr in enumerate(customers, start=1)]
        rows.append(f"Total,{month},{sum(customers):g}")
    return "\n".join(rows) + "\n"


def test_every_total_row_is_named_alike_by_pandas_and_duckdb(tmp_path: Path, capsys) -> None:
    path = tmp_path / "mrr.parquet"  # DuckDB reads it itself: the file rules (relational.file_rules._summary_rows)
    pd.read_csv(io.StringIO(_totals_sheet())).to_parquet(path)
    said = {}
    for backend in ("pandas", "duckdb"):
        code = cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / backend), "--backend",
                         backend, "--columns", "customer_id=Customer,mrr=MRR (EUR)"])  # fmt: skip
        assert code == 1
        said[backend] = capsys.readouterr().err.strip()
    assert said["pandas"] == said["duckdb"]
    assert said["pandas"] == (
        "xl-retention: error: mrr.parquet, column 'Customer': a summary row of each group of rows and of the whole "
        "export (its totals, not data) in rows 3, 7 (counting the Parquet file's first record as row 1): 'Total', "
        "'Total': remove them"
    )
