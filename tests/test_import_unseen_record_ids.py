"""Record ids (subscription, order, payment ids) with a character of no width (a zero-width space, a byte order
mark inside the file) are one id with the one that looks alike, as customer ids are (7cadf50): a subscription's row
pasted twice with 's1' and 's1<U+200B>' counted its MRR twice (120 for 70, exit 0); a refund whose payment id had one
was no refund of its sale (the refunded order counted as a purchase)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

ZW, BOM = "\u200b", "\ufeff"
ROWS = "(counting the header as row 1)"


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "in.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def refusal(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert cli.main(["import", *args]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    return err.removeprefix("xl-retention: error: ")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("header", ["customer_id,subscription_id,month,mrr", "customer_id,subscription_id,start,mrr"])
def test_a_subscription_pasted_twice_with_a_zero_width_space(tmp_path, capsys, backend: str, header: str) -> None:
    when = "2024-01" if "month" in header else "2024-01-05"
    path = write(tmp_path, [header, f"c1,s1,{when},50", f"c1,s1{ZW},{when},50", f"c2,s2,{when},20"])
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "out"), "--backend", backend)
    assert err == (
        "in.csv, column 'subscription_id': rows identical in every column to an earlier row with the same id: the same "
        f"record twice (overlapping exports appended?), which would be counted twice in row 3 {ROWS}: 's1\\u200b': "
        "remove the repeated rows"
    )


def test_a_subscription_of_a_duckdb_table_pasted_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import duckdb

    frame = pd.DataFrame({"customer_id": ["c1", "c1", "c2"], "subscription_id": ["s1", f"s1{ZW}", "s2"],
                          "month": pd.to_datetime(["2024-01-01"] * 3), "mrr": [50.0, 50.0, 20.0]})  # fmt: skip
    database = tmp_path / "subs.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE subs AS SELECT * FROM frame")
    err = refusal(capsys, "--subscriptions", "table:subs", "--backend", "duckdb", "--connection", str(database),
                  "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert "column 'subscription_id': rows identical in every column to an earlier row with the same id" in err
    # a table's row named by its values (36740825): the id shown with its unseen character escaped
    assert err.endswith("in 1 row, e.g. customer_id 'c1', month '2024-01-01', subscription_id 's1\\u200b': remove the "
                        "repeated rows")  # fmt: skip


@pytest.mark.parametrize("mark", [ZW, BOM])
def test_an_order_exported_twice_with_an_unseen_character(tmp_path, capsys, mark: str) -> None:
    path = write(tmp_path, ["order_id,customer_id,date,amount", "1001,c1,2024-01-05,30.00", "1002,c2,2024-01-06,20.00",
                            "1003,c1,2024-02-05,30.00", f"{mark}1001,c1,2024-01-05,30.00"])  # fmt: skip
    err = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "out"))
    assert err.startswith(
        "in.csv, column 'order_id': rows identical in every column to an earlier row with the same id"
    )
    assert err.endswith(f"in row 5 {ROWS}: {f'{mark}1001'!r}: remove the repeated rows")


def test_copied_rows_without_a_record_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, ["customer_id,start,end,mrr", "c1,2024-01-05,,50", f"c1{ZW},2024-01-05,,50",
                            "c2,2024-01-06,,20"])  # fmt: skip
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "out"))
    assert "column 'customer_id': rows identical in every column to an earlier row, in a file without a" in err
    assert f"in row 3 {ROWS}: 'c1\\u200b': remove the repeated rows" in err  # the rows first, then the advice


def test_a_refund_with_its_sales_id_and_a_zero_width_space(tmp_path: Path) -> None:
    path = write(tmp_path, ["transaction_id,customer,date,amount", "t1,a,2024-01-05,100.00", "t2,b,2024-01-06,50.00",
                            f"t1{ZW},a,2024-01-20,-100.00", "t3,b,2024-02-06,50.00"])  # fmt: skip
    out = tmp_path / "out"
    assert cli.main(["import", "--orders", str(path), "--to-csv", str(out), "--columns", "customer_id=customer"]) == 0
    with open(out / "purchases.csv", newline="") as f:
        buyers = {r["month"]: int(r["buyers"]) for r in csv.DictReader(f)}
    assert buyers == {"2024-01": 1, "2024-02": 1}  # a's order refunded in full: no purchase


def test_a_later_line_item_of_an_order_id_with_a_zero_width_space(tmp_path: Path) -> None:
    path = write(tmp_path, ["order_id,customer_id,date,Lineitem name,Lineitem price", "1001,c1,2024-01-05,Mug,10.00",
                            f"1001{ZW},,2024-01-05,Plate,20.00", "1002,c2,2024-02-05,Mug,10.00"])  # fmt: skip
    out = tmp_path / "out"
    assert cli.main(["import", "--orders", str(path), "--to-csv", str(out)]) == 0  # was: missing customer id, row 3
    with open(out / "purchases.csv", newline="") as f:
        assert {r["month"]: int(r["buyers"]) for r in csv.DictReader(f)} == {"2024-01": 1, "2024-02": 1}
