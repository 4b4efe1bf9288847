"""The xl-retention command as a user runs it."""

import subprocess
import sys

import pytest

import xl_retention
from xl_retention import cli
from xl_retention.registry import FUNCTIONS


def run(*args):
    return subprocess.run([sys.executable, "-m", "xl_retention", *args], capture_output=True, text=True)


def test_functions_lists_every_formula_with_its_arguments():
    result = run("functions")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    for f in FUNCTIONS:
        assert f.signature in lines
    assert "CRR(customers_end, customers_gained, customers_start)" in lines
    assert "CLV(arpa, gross_margin, churn_rate, [discount_rate])" in lines


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"xl-retention {xl_retention.__version__}"


def test_unknown_command_fails_with_one_line():
    result = run("frobnicate")
    assert result.returncode != 0
    assert "invalid choice: 'frobnicate'" in result.stderr


def test_ci_runs_exactly_the_readme_test_command():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text()
    command = 'python -m pip install -e ".[test]" && python -m pytest -q -n auto --dist loadfile'
    assert f"```bash\n{command}\n```" in readme
    assert command in (root / ".ci" / "run").read_text().splitlines()
    assert "```bash\nxl-retention demo\n```" in readme


def test_a_missing_input_file_is_named_in_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "xl_retention", "import", "--subscriptions", "nope.csv",
                             "--to-csv", "out"], capture_output=True, text=True, cwd=tmp_path)  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == "xl-retention: error: nope.csv: no such file or directory\n"


def test_a_folder_given_as_an_input_is_named_in_one_line(tmp_path):
    # was "exports: unsupported file type '(none)'; use .csv, ..."
    (tmp_path / "exports").mkdir()
    result = subprocess.run([sys.executable, "-m", "xl_retention", "import", "--subscriptions", "exports",
                             "--to-csv", "out"], capture_output=True, text=True, cwd=tmp_path)  # fmt: skip
    message = "exports is a folder, not a file: give one export file (.csv, .xlsx, ...)"
    assert (result.returncode, result.stderr) == (1, f"xl-retention: error: {message}\n")
    assert not (tmp_path / "out").exists()


def test_one_column_map_serves_every_input_it_fits(tmp_path):
    # amount=Total is for the orders; the subscriptions file has neither 'amount' nor 'Total'
    (tmp_path / "subs.csv").write_text("Customer,month,mrr\na,2026-01,10\na,2026-02,10\n")
    (tmp_path / "orders.csv").write_text(
        "Customer,Created,Total\na,2026-01-05,10\na,2026-01-09,-10\nb,2026-02-03,5\nb,2026-02-20,7\n"
    )
    result = subprocess.run([sys.executable, "-m", "xl_retention", "import", "--subscriptions", "subs.csv",
                             "--orders", "orders.csv", "--columns", "customer_id=Customer,date=Created,amount=Total",
                             "--to-csv", "out"], capture_output=True, text=True, cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    purchases = (tmp_path / "out" / "purchases.csv").read_text().splitlines()
    # January: a's refund is not an order, so one buyer with one order; February: b ordered twice
    assert purchases == [
        "month,buyers,repeat_purchasers,returning,repeat_purchase_rate,returning_rate",
        "2026-01,1,0,0,0.0,0.0",
        "2026-02,1,1,0,1.0,0.0",
    ]
    # a --columns entry that no input uses is still refused
    result = subprocess.run([sys.executable, "-m", "xl_retention", "import", "--subscriptions", "subs.csv",
                             "--columns", "customer_id=Customer,amount=Total", "--to-csv", "out2"],
                            capture_output=True, text=True, cwd=tmp_path)  # fmt: skip
    assert result.returncode == 1
    assert "--columns amount=Total: no input file has a column 'Total'" in result.stderr


def test_survey_answers_whose_scores_are_all_blank_give_a_month_without_responses():
    import pandas as pd

    from xl_retention.tables import nps_by_month

    answers = pd.DataFrame({"date": ["2026-01-05", "2026-01-06"], "score": [None, None]})
    table = nps_by_month(answers)
    assert table.loc[pd.Period("2026-01", "M"), ["responses", "promoters", "passives", "detractors"]].tolist() == [
        0,
        0,
        0,
        0,
    ]
    assert table["nps"].isna().all()


def test_the_command_line_limits_months_as_the_template_does():
    from xl_retention.workbook.template import MOST_MONTHS

    assert cli.MOST_MONTHS == MOST_MONTHS == 240


def test_a_bad_month_count_names_months_in_one_line(tmp_path):
    for command, value, message in (
        ("new", "0", "argument --months: must be from 1 to 240 (a tracker holds 20 years), got 0"),
        ("new", "241", "argument --months: must be from 1 to 240 (a tracker holds 20 years), got 241"),
        ("extend", "1201", "argument --months: must be from 1 to 240 (a tracker holds 20 years), got 1201"),
        ("demo", "two", "argument --months: must be a whole number of months from 1 to 240, got 'two'"),
    ):
        result = subprocess.run([sys.executable, "-m", "xl_retention", command, "x.xlsx", "--months", value],
                                capture_output=True, text=True, cwd=tmp_path)  # fmt: skip
        assert result.returncode == 2
        assert result.stderr.splitlines() == [
            f"xl-retention {command}: error: {message} (see: xl-retention {command} --help)"
        ]
        assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_duckdb_database_that_cannot_be_opened_is_named_in_one_line(tmp_path):
    (tmp_path / "subs.csv").write_text("customer_id,month,mrr\nc1,2026-01,10\n", encoding="utf-8")
    missing = tmp_path / "no such folder" / "x.db"
    result = subprocess.run([sys.executable, "-m", "xl_retention", "import", "--subscriptions", "subs.csv",
                             "--to-csv", "out", "--backend", "duckdb", "--connection", str(missing)],
                            capture_output=True, text=True, cwd=tmp_path)  # fmt: skip
    assert result.returncode == 1
    assert (
        result.stderr
        == f"xl-retention: error: no DuckDB database {missing}: the file does not exist (a typo of its name?)\n"
    )
    assert len(result.stderr.splitlines()) == 1 and not (tmp_path / "out").exists()


def _tracker_and_subscriptions(tmp_path):
    from xl_retention.workbook import build_template

    book = build_template(tmp_path / "t.xlsx", start="2025-01", months=3)
    subs = tmp_path / "s.csv"
    subs.write_text("customer_id,month,mrr\nA,2025-01,10\n")
    return book, subs


def test_a_workbook_open_in_excel_or_libreoffice_is_not_replaced(tmp_path):
    book, subs = _tracker_and_subscriptions(tmp_path)
    before = book.read_bytes()
    lock = tmp_path / "~$t.xlsx"
    lock.write_bytes(b"\x05alice" + b" " * 49)  # Excel's owner file: the user name's length, then the name
    excel = (
        f"xl-retention: error: {book} is open in Excel by alice (its lock file ~$t.xlsx is beside it): close it in "
        "Excel first (its next save would undo this change); if Excel is not running, delete ~$t.xlsx"
    )
    for args in (["import", "--subscriptions", str(subs), "--into", str(book)], ["recalc", "--in-place", str(book)],
                 ["new", str(book), "--force"], ["demo", str(book), "--force"]):  # fmt: skip
        result = run(*args)
        assert (result.returncode, result.stderr.splitlines()) == (1, [excel]), args
    assert book.read_bytes() == before
    lock.unlink()
    (tmp_path / ".~lock.t.xlsx#").write_text(",Bob Smith,host,30.11.2026 09:00,file:///home/bob/.config;")
    result = run("import", "--subscriptions", str(subs), "--into", str(book))
    assert (result.returncode, result.stderr.splitlines()) == (1, [
        f"xl-retention: error: {book} is open in LibreOffice by Bob Smith (its lock file .~lock.t.xlsx# is beside "
        "it): close it in LibreOffice first (its next save would undo this change); if LibreOffice is not running, "
        "delete .~lock.t.xlsx#"
    ])  # fmt: skip
    assert book.read_bytes() == before
    (tmp_path / ".~lock.t.xlsx#").unlink()
    (tmp_path / "~$other.xlsx").write_bytes(b"\x03bob")  # another workbook open: no matter
    assert run("import", "--subscriptions", str(subs), "--into", str(book)).returncode == 0


def test_repeated_columns_options_are_merged_and_conflicts_refused(tmp_path):
    orders = tmp_path / "orders.csv"
    orders.write_text("customer_id,date,Paid at,Total\na,2025-01-30,2025-02-02,10\n")
    result = run("import", "--orders", str(orders), "--columns", "date=Paid at", "--columns", "amount=Total",
                 "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "purchases.csv").read_text().splitlines()[1].startswith("2025-02,1,")
    result = run("import", "--orders", str(orders), "--columns", "date=Paid at", "--columns", "date=date",
                 "--to-csv", str(tmp_path / "out2"))  # fmt: skip
    assert (result.returncode, result.stderr.splitlines()) == (
        1, ["xl-retention: error: --columns names 'date' twice: 'Paid at' and 'date'; give one (inputs whose date "
            "columns differ: give each its own, INPUT:date=THEIRS, e.g. orders:date=date)"])  # fmt: skip
    assert not (tmp_path / "out2").exists()


def test_a_column_name_with_a_comma_is_mapped_in_double_quotes(tmp_path):
    question = "How likely are you to recommend us to a friend, on a scale of 0-10?"
    answers = tmp_path / "typeform.csv"
    answers.write_text(f'"Submitted At","{question}"\n2025-01-03 10:00:00,9\n2025-01-04 11:00:00,6\n')
    for columns in (f'date=Submitted At,score="{question}"', f'date=Submitted At,"score={question}"'):
        out = tmp_path / str(len(columns))
        result = run("import", "--nps", str(answers), "--columns", columns, "--to-csv", str(out))
        assert result.returncode == 0, result.stderr
        assert (out / "nps.csv").read_text().splitlines()[1].startswith("2025-01,2,1,0,1,0.0")
    result = run("import", "--nps", str(answers), "--columns", f"date=Submitted At,score={question}",
                 "--to-csv", str(tmp_path / "bad"))  # fmt: skip
    assert (result.returncode, result.stderr.splitlines()) == (1, [
        "xl-retention: error: --columns: an item must be OUR_NAME=THEIR_NAME, got 'on a scale of 0-10?'; a column "
        'name with a comma goes in double quotes: OURS="THEIR, NAME"'
    ])  # fmt: skip


@pytest.mark.parametrize(
    "argv, line",
    [
        (["new", "t.xlsx", "--start", "2026-13"],
         "xl-retention new: error: argument --start: must be a month as YYYY-MM, got '2026-13' "
         "(see: xl-retention new --help)"),
        (["import", "--subscriptions", "s.csv"],
         "xl-retention import: error: one of the arguments --into --to-csv is required (see: xl-retention import "
         "--help)"),
        (["recalc"], "xl-retention recalc: error: the following arguments are required: PATH "
                     "(see: xl-retention recalc --help)"),
    ],
)  # fmt: skip
def test_a_usage_mistake_is_one_line_not_the_usage_block(capsys, argv, line) -> None:
    """argparse printed its multi-line usage block before the error; the project's rule is one line (H43)."""
    with pytest.raises(SystemExit) as stopped:
        cli.main(argv)
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines() == [line]


def test_recalc_in_place_of_a_folder_fails_the_open_workbook_alone(tmp_path):
    # one tracker of a shared folder open in Excel stopped 'recalc DIR --in-place' for every file (H39 finding 06)
    import json
    from pathlib import Path

    import openpyxl

    from xl_retention.workbook import build_template

    team = tmp_path / "team"
    team.mkdir()
    books = [build_template(team / f"{user}.xlsx", start="2025-01", months=3) for user in ("alice", "bob")]
    for book in books:
        workbook = openpyxl.load_workbook(book)
        workbook["Customers"]["B2"], workbook["Customers"]["C2"], workbook["Customers"]["D2"] = 10, 2, 11
        workbook.save(book)
    before = books[1].read_bytes()
    (team / "~$bob.xlsx").write_bytes(b"\x03bob")
    result = run("recalc", str(team), "--in-place", "--json")
    assert result.returncode == 1
    report = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert report["bob.xlsx"]["status"] == "failed"
    assert "bob.xlsx is open in Excel by bob" in report["bob.xlsx"]["message"]
    assert report["alice.xlsx"]["status"] == "ok"
    assert books[1].read_bytes() == before
    assert openpyxl.load_workbook(books[0], data_only=True)["Customers"]["F2"].value == 0.9


def test_demo_with_a_start_whose_months_have_not_happened_is_refused(tmp_path, capsys) -> None:
    """H194 finding 04: `demo --start 2027-01` wrote sample data to 2028-12 and called it 'Last month, December
    2028'; it is refused naming the last full month and the latest start, nothing written."""
    import datetime as dt

    today = dt.date.today()
    month = today.year * 12 + today.month - 1  # the current month: its 24 months end 23 months from now
    start = f"{month // 12:04d}-{month % 12 + 1:02d}"
    full, latest = month - 1, month - 24
    assert cli.main(["demo", str(tmp_path / "d.xlsx"), "--start", start]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"xl-retention: error: --start {start} with 24 months ends in {(month + 23) // 12:04d}-"
        f"{(month + 23) % 12 + 1:02d}, after the last full month, {full // 12:04d}-{full % 12 + 1:02d}: give --start "
        f"{latest // 12:04d}-{latest % 12 + 1:02d} or earlier"
    ]
    assert list(tmp_path.iterdir()) == []


def test_a_text_file_given_as_the_tracker_is_named_as_no_workbook(tmp_path, capsys) -> None:
    """H194 finding 02: `extend README.md` said 'is a text (CSV) file ... rename it .csv' (a .csv is refused next)."""
    notes = tmp_path / "README.md"
    notes.write_text("# notes\n")
    for command in (["extend", str(notes), "--months", "1"], ["upgrade", str(notes)]):
        assert cli.main(command) == 1
        assert capsys.readouterr().err.splitlines() == [
            "xl-retention: error: README.md is a text file (.md), not a workbook: give an .xlsx or .xlsm workbook"
        ]
    assert notes.read_text() == "# notes\n"
