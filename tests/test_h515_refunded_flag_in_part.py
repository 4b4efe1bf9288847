"""H515's finding 01: Lemon Squeezy's orders export sets ``refunded`` true on a refund in part too (its ``status``
``partial_refund``, ``refunded_amount`` 500 of ``total`` 2000). Imported without an amount mapped, the flag was read
as a refund in full and cat's February order left out silently: February 1 buyer for 2, March's returning 0 for 1.
docs/metrics.md: "a purchase refunded in part is still one". Now a flagged row whose status says refunded in part
stays; a flagged row beside a refunded amount column with no status to tell, and no amount mapped, is refused naming
the flag, the rows and the advice; a flag alone (no refunded amount anywhere) still leaves the sale out, as
docs/metrics.md says of a refunded flag."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

ROWS = [
    ("ann@x.com", "2026-01-05T10:00:00.000000Z", "paid", "false", "0", "999"),
    ("cat@x.com", "2026-02-08T10:00:00.000000Z", "partial_refund", "true", "500", "2000"),
    ("ann@x.com", "2026-02-10T10:00:00.000000Z", "paid", "false", "0", "999"),
    ("cat@x.com", "2026-03-06T10:00:00.000000Z", "paid", "false", "0", "999"),
]


def _write(tmp_path: Path, drop: tuple[str, ...] = ()) -> Path:
    header = ["user_email", "created_at", "status", "refunded", "refunded_amount", "total"]
    keep = [i for i, h in enumerate(header) if h not in drop]
    lines = [",".join(header[i] for i in keep)] + [",".join(row[i] for i in keep) for row in ROWS]
    path = tmp_path / "orders.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def _purchases(tmp_path: Path, path: Path, columns: str) -> pd.DataFrame:
    out = tmp_path / "out"
    assert cli.main(["import", "--orders", str(path), "--columns", columns, "--to-csv", str(out)]) == 0
    return pd.read_csv(out / "purchases.csv", dtype={"month": str}).set_index("month")


@pytest.mark.parametrize("amount", ["", ",amount=total"])
def test_refund_in_part_said_by_status_counts(tmp_path: Path, amount: str) -> None:
    table = _purchases(tmp_path, _write(tmp_path), "customer_id=user_email,date=created_at" + amount)
    assert table["buyers"].to_dict() == {"2026-01": 1, "2026-02": 2, "2026-03": 1}
    assert table["returning"].to_dict() == {"2026-01": 0, "2026-02": 1, "2026-03": 1}


def test_flag_beside_refunded_amount_without_status_refused(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = _write(tmp_path, drop=("status",))
    assert cli.main(["import", "--orders", str(path), "--columns", "customer_id=user_email,date=created_at",
                     "--to-csv", str(tmp_path / "out")]) == 1  # fmt: skip
    err = capsys.readouterr().err
    assert err == (
        "xl-retention: error: orders.csv, column 'refunded': orders flagged refunded beside a refunded amount column "
        "('refunded_amount'), and no amount mapped to tell a refund in full (no purchase) from one in part (a "
        "purchase) in row 3 (counting the header as row 1): 'true': map the order's amount with --columns "
        "amount=NAME\n"
    )
    assert not (tmp_path / "out").exists()
    # the advice followed: the refunded amount, 500 of 2000, is a part: February's buyers are 2
    table = _purchases(tmp_path, path, "customer_id=user_email,date=created_at,amount=total")
    assert table["buyers"].to_dict() == {"2026-01": 1, "2026-02": 2, "2026-03": 1}


def test_flag_alone_still_leaves_the_sale_out(tmp_path: Path) -> None:
    path = _write(tmp_path, drop=("status", "refunded_amount", "total"))
    table = _purchases(tmp_path, path, "customer_id=user_email,date=created_at")
    assert table["buyers"].to_dict() == {"2026-01": 1, "2026-02": 1, "2026-03": 1}
    assert table["returning"].to_dict() == {"2026-01": 0, "2026-02": 1, "2026-03": 0}


def test_flag_with_status_refunded_leaves_the_sale_out(tmp_path: Path) -> None:
    """H524's finding 03: a row flagged refunded whose status says 'refunded' (in full) is no purchase, beside the
    refunded amount column and no amount mapped; it was refused with the rows of no status saying either."""
    path = _write(tmp_path)
    text = path.read_text().replace(
        "cat@x.com,2026-03-06T10:00:00.000000Z,paid,false,0,999",
        "cat@x.com,2026-03-06T10:00:00.000000Z,paid,false,0,999\nbob@x.com,2026-02-20T10:00:00.000000Z,refunded,true,999,999",
    )
    path.write_text(text)
    table = _purchases(tmp_path, path, "customer_id=user_email,date=created_at")
    assert table["buyers"].to_dict() == {"2026-01": 1, "2026-02": 2, "2026-03": 1}
