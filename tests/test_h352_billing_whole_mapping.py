"""A Paddle Billing export (flattened: ``started_at``, ``canceled_at``, ``items.quantity``,
``items.price.unit_price.amount``) was refused three times, each naming one more column: first ``start``/``end`` only,
then ``quantity``, then ``amount`` (H349's finding 02). README: "a file lacking several of our columns stops naming
them all, with one mapping for all of them". The first refusal now names the whole mapping, and following it imports
the file: January 49 x 2 + 149 = 247, March + 990 / 12 = 82.5, May 149 churned. A file whose dates are found
by their names but whose quantity and price need mapping gets both in its one refusal too.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

PADDLE = (
    "id,customer_id,status,started_at,canceled_at,current_billing_period.starts_at,billing_cycle.interval,"
    "billing_cycle.frequency,items.price.unit_price.amount,items.quantity,currency_code\n"
    "sub_01ha1,ctm_01ha1,active,2026-01-05T10:00:00.000Z,,2026-11-05T10:00:00.000Z,month,1,49.00,2,USD\n"
    "sub_01ha2,ctm_01ha2,canceled,2026-01-09T10:00:00.000Z,2026-05-09T10:00:00.000Z,,month,1,149.00,1,USD\n"
    "sub_01ha3,ctm_01ha3,active,2026-03-12T10:00:00.000Z,,2026-03-12T10:00:00.000Z,year,1,990.00,1,USD\n"
)
WHOLE = "start=started_at,end=canceled_at,quantity=items.quantity,amount=items.price.unit_price.amount"


def _figures(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "movements.csv").set_index("month")


def test_the_first_refusal_names_the_whole_mapping_and_following_it_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = written(tmp_path, "paddle.csv", PADDLE)
    message = refusal(capsys, "--subscriptions", str(path), "--through", "2026-06", "--to-csv", str(tmp_path / "o"))
    assert message.endswith(
        f"map them: --columns {WHOLE} (in Python: columns={{'start': 'started_at', 'end': 'canceled_at', "
        "'quantity': 'items.quantity', 'amount': 'items.price.unit_price.amount'})"
    )
    table = _figures(run(tmp_path, "--subscriptions", path, "--columns", WHOLE, "--through", "2026-06"))
    assert table["new_mrr"].tolist() == [247.0, 0.0, 82.5, 0.0, 0.0, 0.0]
    assert table["churned_mrr"].tolist() == [0.0, 0.0, 0.0, 0.0, 149.0, 0.0]
    assert table["mrr_end"].tolist() == [247.0, 247.0, 329.5, 329.5, 180.5, 180.5]


def test_the_quantitys_refusal_names_the_price_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = written(tmp_path, "paddle.csv", PADDLE.replace("started_at", "start").replace("canceled_at", "end"))
    message = refusal(capsys, "--subscriptions", str(path), "--through", "2026-06", "--to-csv", str(tmp_path / "o"))
    assert message.endswith(
        "column 'items.quantity' looks like the billing quantity but is not used; it changes the MRR (MRR = amount x "
        "quantity / (months per interval x interval_count)): map it, with the price per interval "
        "'items.price.unit_price.amount': --columns quantity=items.quantity,amount=items.price.unit_price.amount"
    )
    mapping = "quantity=items.quantity,amount=items.price.unit_price.amount"
    table = _figures(run(tmp_path, "--subscriptions", path, "--columns", mapping, "--through", "2026-06"))
    assert table["mrr_end"].tolist() == [247.0, 247.0, 329.5, 329.5, 180.5, 180.5]
