"""A report's total row in each month, whatever its label or language, is refused: counted, it doubles the MRR."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "


def _snapshots(label: str, months: int = 2) -> str:
    rows = ["customer_id,month,mrr"]
    for m in range(1, months + 1):
        rows += [f"a,2024-0{m},100", f"b,2024-0{m},{40 + 10 * m}", f"c,2024-0{m},20"]
        rows.insert(len(rows) - 1 if m == 1 else len(rows), f"{label},2024-0{m},{160 + 10 * m}")
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("label", ["Insgesamt", "合計", "小計", "TOTAL GERAL", "Итого", "Alle Kunden", "ALL"])
def test_total_row_per_month_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str) -> None:
    (tmp_path / "s.csv").write_text(_snapshots(label, months=6), encoding="utf-8")
    assert cli.main(["import", "--subscriptions", str(tmp_path / "s.csv"), "--to-csv", str(tmp_path / "t")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{ERROR}s.csv, column 'customer_id': a ") and f"'{label}'" in err
    assert not (tmp_path / "t").exists()


def test_label_alone_names_the_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "s.csv").write_text("customer_id,month,mrr\na,2024-01,100\nb,2024-01,50\n合計,2024-01,150\n")
    assert cli.main(["import", "--subscriptions", str(tmp_path / "s.csv"), "--to-csv", str(tmp_path / "t")]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{ERROR}s.csv, column 'customer_id': a summary row of the export (its totals, not data) in row 4 "
        "(counting the header as row 1): '合計': remove it"
    )


def test_value_rule_names_every_total_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "s.csv").write_text(_snapshots("Alle Kunden", months=6), encoding="utf-8")
    assert cli.main(["import", "--subscriptions", str(tmp_path / "s.csv"), "--to-csv", str(tmp_path / "t")]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{ERROR}s.csv, column 'customer_id': a total row of each month (its MRR is the sum of the month's other "
        "rows: the report's totals, not a customer) in rows 4, 9, 13, 17, 21 and 1 more (counting the header as row "
        "1): 'Alle Kunden', 'Alle Kunden', 'Alle Kunden', 'Alle Kunden', 'Alle Kunden': remove them; a customer of "
        "that name whose MRR is every month the others' sum cannot be told from them: write its customer id, a "
        "number or an e-mail"
    )


def test_orders_total_row_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = ["customer_id,date,amount"]
    for m in range(1, 5):
        lines += [f"a,2024-0{m}-03,30", f"b,2024-0{m}-09,{10 * m}", f"c,2024-0{m}-12,5"]
        lines += [f"All customers,2024-0{m}-28,{35 + 10 * m}"]  # no label says a total: the amounts do
    (tmp_path / "o.csv").write_text("\n".join(lines) + "\n")
    assert cli.main(["import", "--orders", str(tmp_path / "o.csv"), "--to-csv", str(tmp_path / "t")]) == 1
    assert "a total row of each month (its amount is the sum" in capsys.readouterr().err


def test_a_customer_paying_the_sum_once_is_data(tmp_path: Path) -> None:
    # c pays 150 = 100 + 50 in January only, 70 in February: a customer, not a total
    (tmp_path / "s.csv").write_text(
        "customer_id,month,mrr\na,2024-01,100\nb,2024-01,50\nc,2024-01,150\na,2024-02,100\nb,2024-02,50\nc,2024-02,70\n"
    )
    assert cli.main(["import", "--subscriptions", str(tmp_path / "s.csv"), "--to-csv", str(tmp_path / "t")]) == 0
    assert pd.read_csv(tmp_path / "t" / "movements.csv")["mrr_end"].tolist() == [300.0, 220.0]


def test_a_customer_paying_as_much_as_two_others_every_month_is_data(tmp_path: Path) -> None:
    # plans of 50, 100 and 150: c pays a + b every month; with two others only a label could tell a total
    rows = [f"{c},2024-0{m},{x}" for m in (1, 2, 3) for c, x in (("a", 50), ("b", 100), ("c", 150))]
    (tmp_path / "s.csv").write_text("customer_id,month,mrr\n" + "\n".join(rows) + "\n")
    assert cli.main(["import", "--subscriptions", str(tmp_path / "s.csv"), "--to-csv", str(tmp_path / "t")]) == 0
    assert pd.read_csv(tmp_path / "t" / "movements.csv")["mrr_end"].tolist() == [300.0, 300.0, 300.0]


def test_a_total_row_that_is_not_its_months_largest_amount_beside_a_refund_is_found() -> None:
    # a month's total row is its largest amount only where no amount is below 0: beside a refund (-150) a customer's
    # 300 is larger than the total 200 (300 - 150 + 50), and the month is still looked at row by row
    import numpy as np

    from xl_retention.reading.errors import DataError
    from xl_retention.reading.summaries import monthly_totals

    ids = pd.Series(["a", "b", "c", "Summe"] * 2)
    months = np.array(["2024-01"] * 4 + ["2024-02"] * 4, dtype="datetime64[M]")
    amounts = np.array([300.0, -150, 50, 200, 300, -100, 40, 240])
    with pytest.raises(DataError, match=r"a total row of each month .* rows 5, 9 .*'Summe', 'Summe'"):
        monthly_totals(ids, months, amounts, "o.csv", "customer_id", "amount")
    monthly_totals(ids, months, np.array([300.0, -150, 50, 199, 300, -100, 40, 240]), "o.csv", "customer_id")


@pytest.mark.parametrize("unit", ["ns", "us", "ms", "s", "D", "M", "h"])
def test_the_month_of_each_date_is_numpys_in_every_unit_before_1970_and_nat(unit) -> None:
    """The months the total-row check groups by (integer days, then the span's days to months) are numpy's calendar
    months of each date, NaT kept apart, in every unit a date column can be read in, dates before 1970 included."""
    from xl_retention.reading.summaries import _NAT, _month_numbers

    rng = np.random.default_rng(7)
    days = rng.integers(-30_000, 30_000, size=5_000)  # 1887..2052
    dates = (days.astype("datetime64[D]").astype(f"datetime64[{unit}]")
             + (rng.integers(0, 86_399, size=5_000).astype("timedelta64[s]") if unit in ("ns", "us", "ms", "s")
                else np.timedelta64(0, unit)))  # fmt: skip
    dates[::7] = np.datetime64("NaT")
    got = _month_numbers(dates)
    want = dates.astype("datetime64[M]").astype(np.int64)
    assert got.tolist() == want.tolist()
    assert (got[::7] == _NAT).all() and len(got) == 5_000
    assert _month_numbers(np.array(["1969-12-31T23:59:59.999"], dtype="datetime64[ms]")).tolist() == [-1]
