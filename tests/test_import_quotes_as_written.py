"""Refusals quote a cell's value as the file writes it ('-$50.00', '(50,00 €)', '7,5'), not the number read from it
(-50.0, or a yearly price's -4.1666 a month): the user searches the file for what the message shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention import cli

ROWS = "(counting the header as row 1)"


def refusal(capsys: pytest.CaptureFixture[str], tmp_path: Path, flag: str, text: str, *extra: str) -> str:
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    code = cli.main(["import", flag, str(path), "--to-csv", str(tmp_path / "out"), *extra])
    assert code != 0
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1
    return err.removeprefix("xl-retention: error: ")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_negative_mrr_is_quoted_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str):
    text = "customer_id,start,end,mrr\na,2024-01-05,,$100.00\nb,2024-01-07,,-$50.00\n"
    assert refusal(capsys, tmp_path, "--subscriptions", text, "--backend", backend) == (
        f"in.csv, column 'mrr': negative MRR in row 3 {ROWS}: '-$50.00'"
    )


def test_a_negative_mrr_in_parentheses_with_a_decimal_comma(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    text = "customer_id;month;mrr\na;2024-01;100,00 €\nb;2024-01;(50,00 €)\n"
    assert refusal(capsys, tmp_path, "--subscriptions", text) == (
        f"in.csv, column 'mrr': negative MRR in row 3 {ROWS}: '(50,00 €)'"
    )


def test_a_negative_yearly_price_is_quoted_not_its_monthly_share(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    text = "customer_id,start,end,amount,interval\na,2024-01-05,,$100.00,month\nb,2024-01-07,,-$50.00,year\n"
    assert refusal(capsys, tmp_path, "--subscriptions", text) == (
        f"in.csv, column 'amount': negative MRR in row 3 {ROWS}: '-$50.00'"
    )


def test_a_snapshot_row_of_several_subscriptions_is_quoted(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    text = "customer_id,subscription_id,month,mrr\na,s1,2024-01,$100.00\na,s2,2024-01,$10.00\nb,s3,2024-01,-$5.00\n"
    assert refusal(capsys, tmp_path, "--subscriptions", text) == (
        f"in.csv, column 'mrr': negative MRR in row 4 {ROWS}: '-$5.00'"
    )


def test_an_ended_free_price_of_a_billing_export_is_quoted(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    text = "customer_id,start,end,amount,interval\na,2024-01-05,,$100.00,month\nb,2024-01-07,2024-03-01,$0.00,year\n"
    assert refusal(capsys, tmp_path, "--subscriptions", text).endswith(
        f"in row 3 {ROWS}: '$0.00': give the MRR they paid, or the price and the billing interval; remove them if they "
        "were free plans"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_scores_outside_0_10_are_quoted_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str):
    text = 'date,score\n2025-01-05,10\n2025-01-06,11\n2025-01-07,"7,5"\n2025-01-08,-1\n'
    assert refusal(capsys, tmp_path, "--nps", text, "--backend", backend) == (
        f"in.csv, column 'score': scores outside 0-10 or not whole in rows 3, 4, 5 {ROWS}: '11', '7,5', '-1'"
    )


def test_infinite_values_are_quoted_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    text = "customer_id,month,mrr\na,2024-01,10\nb,2024-01,1e999\n"
    assert refusal(capsys, tmp_path, "--subscriptions", text) == (
        f"in.csv, column 'mrr': infinite values in row 3 {ROWS}: '1e999'"
    )


def test_an_orders_rows_are_quoted_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    head = "order_id,customer_id,date,Lineitem name,Amount"
    same = [head, "1001,c1,05/01/2024,Mug,$30.00", "1001,c1,05/01/2024,Plate,$30.00", "1002,c2,06/01/2024,Mug,$20.00",
            "1002,c2,06/01/2024,Cup,$20.00"]  # fmt: skip
    said = refusal(capsys, tmp_path, "--orders", "\n".join(same) + "\n", "--dayfirst")
    assert f"in rows 2, 3 {ROWS}: '$30.00', '$30.00': map the items' amount column" in said  # then what to do
    early = ["order_id,customer_id,date,amount", "1001,c1,05/01/2024,$30.00", "1001,c1,03/01/2024,-$10.00",
             "1002,c2,06/01/2024,$20.00"]  # fmt: skip
    assert refusal(capsys, tmp_path, "--orders", "\n".join(early) + "\n", "--dayfirst") == (
        "in.csv, column 'date': refund rows (negative amounts) of an order (order_id '1001') dated before the order in "
        f"row 3 {ROWS}: '03/01/2024'"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_end_dates_are_quoted_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str) -> None:
    text = "customer_id,start,end,mrr\na,01/01/2025,01/03/2025,10\nb,01/02/2025,15/01/2025,20\n"
    assert refusal(capsys, tmp_path, "--subscriptions", text, "--dayfirst", "--backend", backend) == (
        f"in.csv, column 'end': an end before the start in row 3 {ROWS}: '15/01/2025'"
    )
    text = "customer_id,start,end,mrr\na,01/01/2025,01/03/2025,10\nb,01/02/2025,01/02/2025,20\n"
    assert refusal(capsys, tmp_path, "--subscriptions", text, "--dayfirst", "--backend", backend).endswith(
        f"give the day service stopped in row 3 {ROWS}: '01/02/2025'"
    )
