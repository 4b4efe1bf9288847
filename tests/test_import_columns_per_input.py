"""`--columns` applied to every input, while `--sheet` and `--date-format` take one input's (H142's finding 05, H143's
finding 02): a shop's orders dated in "Created at" and its visits in "serverDate" could not be imported in one run.
Now an item INPUT:OURS=YOURS is that input's only. And a map for every input that no input reads said the file had no
such column while it had (H142's finding 06): now it says no input of the run reads it.
"""

from pathlib import Path

from cli_process import run

ORDERS = "Email,Created at,Total\nx,2025-01-03,10\ny,2025-01-09,4\nx,2025-02-03,12\n"
VISITS = "visitorId,serverDate\nv1,2025-01-01\nv1,2025-02-01\nv2,2025-02-02\n"


def _files(tmp_path: Path) -> tuple[Path, Path]:
    orders, visits = tmp_path / "orders.csv", tmp_path / "visits.csv"
    orders.write_text(ORDERS)
    visits.write_text(VISITS)
    return orders, visits


def test_each_input_gets_its_own_date_column_in_one_run(tmp_path):
    orders, visits = _files(tmp_path)
    result = run(
        "import", "--orders", orders, "--visits", visits, "--to-csv", tmp_path / "out",
        "--columns", 'customer_id=Email,amount=Total,visitor_id=visitorId,orders:date="Created at"',
        "--columns", "visits:date=serverDate",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    purchases = (tmp_path / "out" / "purchases.csv").read_text().splitlines()
    assert [line.split(",")[:4] for line in purchases] == [
        ["month", "buyers", "repeat_purchasers", "returning"],
        ["2025-01", "2", "0", "0"],  # x, y
        ["2025-02", "1", "0", "1"],  # x again
    ]
    assert (tmp_path / "out" / "visits.csv").read_text().splitlines() == [
        "month,visitors,returning,returning_visitor_rate",
        "2025-01,1,0,0.0",
        "2025-02,2,1,0.5",
    ]


def test_an_inputs_own_item_is_checked_against_its_file(tmp_path):
    orders, visits = _files(tmp_path)
    base = ["import", "--orders", orders, "--visits", visits, "--to-csv", tmp_path / "out"]
    plain = "customer_id=Email,amount=Total,visitor_id=visitorId,orders:date=Created at"
    missing = run(*base, "--columns", plain + ",visits:date=Visit time")
    assert missing.returncode == 1 and missing.stderr == (
        "xl-retention: error: visits.csv: no column 'Visit time' (given for date); columns found: 'visitorId', "
        "'serverDate'\n"
    )
    unread = run(*base, "--columns", plain + ",visits:date=serverDate,visits:amount=Total")
    assert unread.returncode == 1 and unread.stderr == (
        "xl-retention: error: --columns visits:amount=Total: the visits input reads no 'amount' column (it reads "
        "date, visitor_id)\n"
    )
    not_given = run("import", "--orders", orders, "--to-csv", tmp_path / "out", "--columns", "visits:date=serverDate")
    assert not_given.returncode == 1 and not_given.stderr == (
        "xl-retention: error: --columns visits:date=serverDate: no --visits file was given\n"
    )
    twice = run(*base, "--columns", plain + ",orders:date=Total")
    assert twice.returncode == 1 and twice.stderr == (
        "xl-retention: error: --columns names 'date' for orders twice: 'Created at' and 'Total'; give one (inputs "
        "whose date columns differ: give each its own, INPUT:date=THEIRS, e.g. orders:date=Total)\n"
    )
    assert not (tmp_path / "out").exists()


def test_a_map_no_input_reads_says_so_not_that_the_file_lacks_the_column(tmp_path):
    subs = tmp_path / "subs.csv"
    subs.write_text("customer_id,month,mrr,Created\na,2025-01,10,2025-01-03\n")
    result = run("import", "--subscriptions", subs, "--columns", "date=Created", "--to-csv", tmp_path / "out")
    assert result.returncode == 1 and result.stderr == (
        "xl-retention: error: --columns date=Created: subs.csv has the column 'Created', but no input of this run "
        "reads it as 'date'; leave it out\n"
    )
