"""``import --to-csv DIR`` over a file of a table's name and header that it did not write (H413 finding 03).

The user's ``reports/movements.csv`` (last month's table copied by hand, a row of theirs and a note line; no
``.xl-retention-tables.json``: the tool never wrote there) was replaced, "wrote reports/movements.csv", exit 0: the
check was the first line only. README: "``--to-csv DIR`` never overwrites ... a file it did not write: it stops with
one line and writes nothing". Now a file is replaced only where the folder's list holds it, unchanged (its SHA-256).
"""

from __future__ import annotations

from pathlib import Path

from xl_retention import cli

SUBS = "customer_id,month,mrr\nk1,2025-01,10\nk2,2025-01,20\nk1,2025-02,10\n"
ORDERS = "customer_id,date,amount\nk1,2025-01-03,5\nk2,2025-02-04,7\n"
HEADER = (
    "month,customers_start,new,reactivated,gained,lost,customers_end,mrr_start,new_mrr,expansion_mrr,"
    "reactivation_mrr,contraction_mrr,churned_mrr,mrr_end,lost_mrr,crr,churn_rate,net_revenue_churn,"
    "gross_revenue_churn,nrr,grr,quick_ratio"
)
MINE = HEADER + "\n2024-12,0,5,0,5,0,5,0.0,500.0,0.0,0.0,0.0,0.0,500.0,0.0,,,,,,,\nMy note: checked with finance\n"


def _import(capsys, tmp_path: Path, *args: str) -> tuple[int, str, str]:
    (tmp_path / "subs.csv").write_text(SUBS)
    (tmp_path / "orders.csv").write_text(ORDERS)
    capsys.readouterr()
    code = cli.main(["import", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _refusal(path: Path, why: str) -> str:
    return (
        f"xl-retention: error: {path} exists and is not a table xl-retention import wrote ({why}): not overwritten, "
        "nothing written; move it away or choose another --to-csv folder\n"
    )


def test_a_users_movements_csv_in_a_folder_without_the_list_is_kept(tmp_path, capsys) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "movements.csv").write_text(MINE)
    no_list = "the folder has no .xl-retention-tables.json, the list of the tables xl-retention wrote there"
    for replace in ([], ["--replace"]):  # --replace replaces the tool's own edited tables, never a user's file
        args = ("--subscriptions", str(tmp_path / "subs.csv"), "--to-csv", str(reports), *replace)
        assert _import(capsys, tmp_path, *args) == (1, "", _refusal(reports / "movements.csv", no_list))
        assert sorted(p.name for p in reports.iterdir()) == ["movements.csv"]  # nothing written
        assert (reports / "movements.csv").read_text() == MINE


def test_an_earlier_runs_table_copied_and_edited_is_kept(tmp_path, capsys) -> None:
    out, mine = tmp_path / "out", tmp_path / "mine"
    assert _import(capsys, tmp_path, "--subscriptions", str(tmp_path / "subs.csv"), "--to-csv", str(out))[0] == 0
    mine.mkdir()
    edited = (out / "movements.csv").read_text().replace("2025-01,0,2,", "2025-01,0,3,")
    assert edited != (out / "movements.csv").read_text()
    (mine / "movements.csv").write_text(edited)
    code, _, err = _import(capsys, tmp_path, "--subscriptions", str(tmp_path / "subs.csv"), "--to-csv", str(mine))
    no_list = "the folder has no .xl-retention-tables.json, the list of the tables xl-retention wrote there"
    assert (code, err) == (1, _refusal(mine / "movements.csv", no_list))
    assert (mine / "movements.csv").read_text() == edited


def test_a_file_the_list_does_not_hold_is_kept_and_a_listed_one_replaced(tmp_path, capsys) -> None:
    out = tmp_path / "out"
    assert _import(capsys, tmp_path, "--orders", str(tmp_path / "orders.csv"), "--to-csv", str(out))[0] == 0
    (out / "movements.csv").write_text(MINE)  # the user's own file beside the orders' tables
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    args = ("--subscriptions", str(tmp_path / "subs.csv"), "--orders", str(tmp_path / "orders.csv"), "--to-csv")
    listed = f"it is not in {out / '.xl-retention-tables.json'}, the list of the tables xl-retention wrote there"
    assert _import(capsys, tmp_path, *args, str(out)) == (1, "", _refusal(out / "movements.csv", listed))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    (out / "movements.csv").unlink()  # moved away: the run writes, and replaces the orders' tables it listed
    code, printed, _ = _import(capsys, tmp_path, *args, str(out))
    assert code == 0 and f"wrote {out / 'purchases.csv'}\n" in printed and f"wrote {out / 'movements.csv'}\n" in printed
    assert _import(capsys, tmp_path, *args, str(out))[0] == 0  # its own unchanged tables: replaced again
