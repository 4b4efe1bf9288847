"""A column mapped to mrr whose name says a year in a short form or another language ("Price/yr", "Fee p/a",
"Prix/an", "年額", "Price (12 mo)"), or another period than the month ("Price per week", "Quarterly fee",
"Quartalspreis", "Daily rate"), was taken as monthly: January MRR 1,800 for a yearly 1,200 + 600 (150 a month), or
for quarterly fees (600), exit 0 (H222's findings 00 and 07). Each is refused naming the column and its period, as
"Price per year" was; monthly names are read as they were; a database table is refused as the file is."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "


def _run(tmp_path: Path, name: str, *extra: str) -> int:
    text = f'customer_id,month,"{name}"\nA,2026-01,1200\nB,2026-01,600\n'
    (tmp_path / "s.csv").write_text(text, encoding="utf-8")
    args = ["import", "--subscriptions", str(tmp_path / "s.csv"), "--columns", f"mrr={name}", *extra]
    return cli.main([*args, "--to-csv", str(tmp_path / "t")])


YEARLY = ["Price/year", "Price/yr", "Amount/yr", "Price / yr", "Price (yr)", "yr_price", "Fee p/a", "Price pa",
          "Price (12 mo)", "Price/12mo", "Preis/Jahr", "Prix/an", "Precio/año", "年額"]  # fmt: skip
OTHER = [("Price per week", "week"), ("Weekly price", "week"), ("Price/wk", "week"), ("Price per quarter", "quarter"),
         ("Quarterly fee", "quarter"), ("Quartalspreis", "quarter"), ("Preis/Quartal", "quarter"),
         ("Daily rate", "day"), ("Price/day", "day")]  # fmt: skip


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(("name", "period"), [*((n, "year") for n in YEARLY), *OTHER])
def test_a_period_in_the_name_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                                         period: str, backend: str) -> None:  # fmt: skip
    assert _run(tmp_path, name, "--backend", backend) == 1
    assert capsys.readouterr().err.strip() == (
        f"{ERROR}s.csv: '{name}' (taken as mrr) says a {period}, and MRR is per month: whether it is recurring "
        f"revenue cannot be told; map mrr to a monthly column, or give a billing interval column ({period}) and "
        f"map amount={name}"
    )
    assert not (tmp_path / "t").exists()


@pytest.mark.parametrize("name", ["Monthly Price", "Price per month", "Monatspreis", "MRR", "Price", "Plan Amount",
                                  "MRR (USD)", "Q1 MRR", "Day 1 MRR"])  # fmt: skip
def test_monthly_and_plain_names_are_read_as_monthly(tmp_path: Path, name: str) -> None:
    assert _run(tmp_path, name) == 0
    assert pd.read_csv(tmp_path / "t" / "movements.csv")["mrr_end"].tolist() == [1800.0]


def test_a_database_table_refused_as_a_file() -> None:
    import duckdb
    import ibis

    from xl_retention.reading import DataError
    from xl_retention.relational import monthly_movements

    con = ibis.duckdb.from_connection(duckdb.connect())
    frame = pd.DataFrame({"customer_id": ["a", "b"], "month": ["2026-01", "2026-01"], "Quarterly fee": [1200.0, 600.0]})
    table = con.create_table("subs", frame)
    with pytest.raises(DataError, match="'Quarterly fee' \\(taken as mrr\\) says a quarter, and MRR is per month"):
        monthly_movements(table, columns={"mrr": "Quarterly fee"}, backend=con)
