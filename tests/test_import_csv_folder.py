"""``import --to-csv DIR`` with fewer inputs than the run before: the earlier run's other tables do not stay unsaid.

H54 finding 06: last month's `--subscriptions --orders --to-csv out` then this month's ``--subscriptions --to-csv out``
(the orders export late) left last month's ``purchases.csv`` (ending 2026-09) beside this month's ``movements.csv``
(ending 2026-10), nothing saying so: a reader of the folder took them for one run's. Now each run lists what it wrote
(``.xl-retention-tables.json``, with each file's SHA-256); the next run removes those it does not write, saying so, and
stops naming one changed since, or one of a table's name and header in a folder without the list; a user's own file
is never removed.

H74: that removal took another import's tables too: a user who keeps one folder for two imports (``--subscriptions``
into ``out``, then ``--orders`` into ``out``) lost the subscriptions' tables, said only after the fact. Now a run that
would remove tables of an input it does not give stops, naming them, and writes nothing; ``--replace`` removes them (as
above); a run with the same inputs replaces its own tables as before.
"""

from __future__ import annotations

import json

import pytest

from xl_retention import cli

SUBS_SEP = "customer_id,month,mrr\na,2026-08,10\na,2026-09,10\nb,2026-09,20\n"
SUBS_OCT = SUBS_SEP + "a,2026-10,10\nb,2026-10,20\n"
ORDERS = "customer_id,date,amount\na,2026-08-03,5\nb,2026-09-04,7\na,2026-09-20,9\n"
ORDER_TABLES = ["order_cohorts.csv", "order_revenue_cohorts.csv", "purchases.csv"]
SUB_TABLES = ["customer_cohorts.csv", "movements.csv", "revenue_cohorts.csv", "survivors.csv"]


def _run(capsys, tmp_path, *inputs: str) -> tuple[int, str, str]:  # inputs: CLI arguments, files by name
    capsys.readouterr()
    code = cli.main(["import", *[str(tmp_path / i) if i.endswith(".csv") else i for i in inputs], "--to-csv",
                     str(tmp_path / "out")])  # fmt: skip
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def folder(tmp_path, capsys):
    (tmp_path / "subs_sep.csv").write_text(SUBS_SEP)
    (tmp_path / "subs_oct.csv").write_text(SUBS_OCT)
    (tmp_path / "orders.csv").write_text(ORDERS)
    assert _run(capsys, tmp_path, "--subscriptions", "subs_sep.csv", "--orders", "orders.csv")[0] == 0
    return tmp_path / "out"


def _files(out) -> list[str]:
    return sorted(p.name for p in out.iterdir())


def test_an_earlier_runs_tables_are_removed_and_said(folder, tmp_path, capsys) -> None:
    listed = json.loads((folder / ".xl-retention-tables.json").read_text())["files"]
    assert sorted(listed) == sorted(SUB_TABLES + ORDER_TABLES)
    code, out, _ = _run(capsys, tmp_path, "--subscriptions", "subs_oct.csv", "--replace")
    assert code == 0
    for name in ORDER_TABLES:
        assert (
            f"removed {folder / name}: an earlier run's table, which this import (no --orders) does not write "
            "(--replace); the folder holds this run's tables only" in out.splitlines()
        )
    assert _files(folder) == [".xl-retention-tables.json", *SUB_TABLES]
    assert (folder / "movements.csv").read_text().splitlines()[-1].startswith("2026-10,")
    # the orders back next month: their tables are written again
    assert _run(capsys, tmp_path, "--subscriptions", "subs_oct.csv", "--orders", "orders.csv")[0] == 0
    assert _files(folder) == sorted([".xl-retention-tables.json", *SUB_TABLES, *ORDER_TABLES])


def test_a_table_changed_since_is_refused_not_removed(folder, tmp_path, capsys) -> None:
    purchases = folder / "purchases.csv"
    purchases.write_text(purchases.read_text() + "2026-10,9,9,9\n")  # the user's own edit
    before = {name: (folder / name).read_bytes() for name in _files(folder)}
    code, _, err = _run(capsys, tmp_path, "--subscriptions", "subs_oct.csv")
    assert (code, err) == (1, (
        f"xl-retention: error: {purchases} is a table an earlier import --to-csv wrote, changed since, and this import "
        "does not write it (no --orders given): read beside this run's tables it would pass for one; not removed: "
        "delete or move it, or import the orders too\n"
    ))  # fmt: skip
    assert {name: (folder / name).read_bytes() for name in _files(folder)} == before  # nothing written or removed


def test_a_table_edited_since_is_not_replaced_without_replace(folder, tmp_path, capsys) -> None:
    """H194 finding 07: a table this run writes again, edited since the last run (a figure corrected in the file a BI
    tool reads), was replaced without a word; it stops naming it, nothing written, and --replace replaces it."""
    movements = folder / "movements.csv"
    movements.write_text(movements.read_text().replace("2026-09,1,", "2026-09,2,"))
    before = {name: (folder / name).read_bytes() for name in _files(folder)}
    code, _, err = _run(capsys, tmp_path, "--subscriptions", "subs_oct.csv", "--orders", "orders.csv")
    assert (code, err) == (1, (
        f"xl-retention: error: {movements} is a table an earlier import --to-csv wrote, changed since: this import "
        "would replace it, and your edit would be lost; nothing written: move the edited file, or pass --replace to "
        "replace it\n"
    ))  # fmt: skip
    assert {name: (folder / name).read_bytes() for name in _files(folder)} == before
    code, _, _ = _run(capsys, tmp_path, "--subscriptions", "subs_oct.csv", "--orders", "orders.csv", "--replace")
    assert code == 0 and movements.read_text().splitlines()[2].startswith("2026-09,1,")  # the edit replaced


def test_a_folder_without_the_list_is_refused_naming_the_table(folder, tmp_path, capsys) -> None:
    (folder / ".xl-retention-tables.json").unlink()  # a folder an earlier version wrote
    code, _, err = _run(capsys, tmp_path, "--subscriptions", "subs_oct.csv")
    assert code == 1 and err.startswith(f"xl-retention: error: {folder / 'purchases.csv'} is a table an earlier")
    assert "(this folder has no list of the tables it wrote): delete or move it, or import the orders too" in err
    for name in ORDER_TABLES:
        (folder / name).unlink()
    (folder / "purchases.csv").write_text("order,customer\n1,a\n")  # a user's own file of a table's name
    code, _, err = _run(capsys, tmp_path, "--subscriptions", "subs_oct.csv")  # the earlier version's own tables
    assert (code, err) == (1, (
        f"xl-retention: error: {folder / 'movements.csv'} exists and is not a table xl-retention import wrote (the "
        "folder has no .xl-retention-tables.json, the list of the tables xl-retention wrote there): not overwritten, "
        "nothing written; move it away or choose another --to-csv folder\n"
    ))  # fmt: skip
    for name in _files(folder):
        if name != "purchases.csv":
            (folder / name).unlink()
    assert _run(capsys, tmp_path, "--subscriptions", "subs_oct.csv")[0] == 0
    assert (folder / "purchases.csv").read_text() == "order,customer\n1,a\n"


def test_a_list_that_is_not_ours_is_not_overwritten(folder, tmp_path, capsys) -> None:
    (folder / ".xl-retention-tables.json").write_text("my notes\n")
    code, _, err = _run(capsys, tmp_path, "--subscriptions", "subs_oct.csv")
    assert (code, err) == (1, (
        f"xl-retention: error: {folder / '.xl-retention-tables.json'} exists and is not the list of the tables "
        "xl-retention import wrote: not overwritten; move it or choose another --to-csv folder\n"
    ))  # fmt: skip
    assert (folder / ".xl-retention-tables.json").read_text() == "my notes\n"


def test_another_inputs_tables_stop_the_run_unless_replace(folder, tmp_path, capsys) -> None:
    before = {name: (folder / name).read_bytes() for name in _files(folder)}
    code, out, err = _run(capsys, tmp_path, "--orders", "orders.csv")  # the orders' own tables: replaced, not asked
    assert (code, out, err) == (1, "", (
        f"xl-retention: error: {folder}: movements.csv, customer_cohorts.csv, revenue_cohorts.csv, survivors.csv are "
        "tables of an earlier import's --subscriptions subs_sep.csv, which this import does not give: not removed; "
        "import --subscriptions too, write this import to another --to-csv folder, or add --replace to remove them\n"
    ))  # fmt: skip
    assert {name: (folder / name).read_bytes() for name in _files(folder)} == before  # nothing written or removed
    assert _run(capsys, tmp_path, "--subscriptions", "subs_sep.csv", "--orders", "orders.csv")[0] == 0  # same inputs
    assert {name: (folder / name).read_bytes() for name in _files(folder)} == before  # its own tables, rewritten
    code, out, _ = _run(capsys, tmp_path, "--orders", "orders.csv", "--replace")
    assert code == 0
    assert _files(folder) == [".xl-retention-tables.json", *ORDER_TABLES]
    assert [line for line in out.splitlines() if line.startswith("removed ")] == [
        f"removed {folder / name}: an earlier run's table, which this import (no --subscriptions) does not write "
        "(--replace); the folder holds this run's tables only"
        for name in ("movements.csv", "customer_cohorts.csv", "revenue_cohorts.csv", "survivors.csv")
    ]
    assert json.loads((folder / ".xl-retention-tables.json").read_text())["inputs"] == {"orders": "orders.csv"}
    code, _, err = _run(capsys, tmp_path, "--subscriptions", "subs_oct.csv")  # one table named as one
    assert code == 1 and err.startswith(
        f"xl-retention: error: {folder}: purchases.csv, order_cohorts.csv, order_revenue_cohorts.csv are tables of an "
        "earlier import's --orders orders.csv, which"
    )
    capsys.readouterr()
    args = ["import", "--subscriptions", str(tmp_path / "subs_oct.csv"), "--into", str(tmp_path / "t.xlsx")]
    assert cli.main([*args, "--replace"]) == 1
    assert capsys.readouterr().err == "xl-retention: error: --replace goes with --to-csv\n"
