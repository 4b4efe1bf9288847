"""A column mapped to mrr whose name says an annualized figure or a run rate ("Annualized Revenue", "Revenue Run
Rate") was read as a month's MRR, x12; one saying a year as "Per Annum", "p.a.", "12-month value" or TTM, and one in
cents by its sign ("MRR (¢)"), were read as monthly units, exit 0 (H35 finding 06). An annualized figure or a run rate
is 12 x MRR, divided by 12 as ARR is; the other year names are refused as "Yearly Fee" is; cents by the sign are
divided by 100; a run rate whose name says a month is monthly. A database table alike."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "


def _run(tmp_path: Path, name: str, *extra: str) -> int:
    text = f'customer_id,start,end,"{name}"\nA,2024-01-05,,1200\nB,2024-01-06,,2400\n'
    (tmp_path / "s.csv").write_text(text, encoding="utf-8")
    args = ["import", "--subscriptions", str(tmp_path / "s.csv"), "--columns", f"mrr={name}", *extra]
    return cli.main([*args, "--to-csv", str(tmp_path / "t")])


def _january(tmp_path: Path) -> float:
    return float(pd.read_csv(tmp_path / "t" / "movements.csv")["mrr_end"].iloc[0])


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    ("name", "mrr"),
    [
        ("Annualized Revenue", 300.0),
        ("Annualised Revenue", 300.0),
        ("annualized_revenue", 300.0),
        ("Umsatz annualisiert", 300.0),
        ("Run Rate", 300.0),
        ("Revenue Run Rate", 300.0),
        ("Annual Run Rate", 300.0),
        ("Monthly Run Rate", 3600.0),
        ("MRR (¢)", 36.0),
        ("MRR in cts", 36.0),
    ],
)
def test_annualized_and_cents_by_the_sign(tmp_path: Path, name: str, mrr: float, backend: str) -> None:
    assert _run(tmp_path, name, "--backend", backend) == 0
    assert _january(tmp_path) == mrr


@pytest.mark.parametrize("name", ["Per Annum", "Fee p.a.", "12-month value", "Wert 12 Monate", "TTM Revenue"])
def test_a_year_by_other_words_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    assert _run(tmp_path, name) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{ERROR}s.csv: '{name}' (taken as mrr) says a year, and MRR is per month")


@pytest.mark.parametrize("name", ["Revenue", "MRR", "Payment Amount", "Rate"])
def test_other_names_are_monthly(tmp_path: Path, name: str) -> None:
    assert _run(tmp_path, name) == 0
    assert _january(tmp_path) == 3600.0


def test_a_database_table_refused_as_a_file() -> None:
    import duckdb
    import ibis

    from xl_retention.reading import DataError
    from xl_retention.relational import monthly_movements

    con = ibis.duckdb.from_connection(duckdb.connect())
    frame = pd.DataFrame({"customer_id": ["a", "b"], "start": pd.to_datetime(["2024-01-05", "2024-01-06"]),
                          "Per Annum": [1200.0, 2400.0]})  # fmt: skip
    table = con.create_table("subs", frame)
    with pytest.raises(DataError, match="'Per Annum' \\(taken as mrr\\) says a year"):
        monthly_movements(table, columns={"mrr": "Per Annum"}, backend=con)
