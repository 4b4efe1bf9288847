"""A second MRR or amount column numbered as pandas or a join numbers a repeated name (H407's finding 02): 'mrr' and
'mrr.1' (read_csv's name for a second 'mrr'), 'mrr' and 'MRR_2', in CSV and .xlsx, were imported from 'mrr' without a
word about the other column (999 / 888 against 100 / 50). They are refused naming both columns and the option that
chooses; with --columns mrr=NAME the named one is used. 'Amount' beside 'Amount Refunded' is no copy."""

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from xl_retention import cli


def write(tmp_path: Path, name: str, rows: list[list[str]]) -> Path:
    path = tmp_path / name
    if name.endswith(".xlsx"):
        book = Workbook()
        for row in rows:
            book.active.append([float(v) if v.isdigit() else v for v in row])
        book.save(path)
    else:
        path.write_text("".join(",".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def run(path: Path, kind: str, *options: str) -> int:
    args = ["import", f"--{kind}", str(path), *options, "--through", "2025-02", "--to-csv", str(path.parent / "o")]
    return cli.main(args)


def month_rows(tmp_path: Path, *fields: str) -> list[tuple[str, ...]]:
    with open(tmp_path / "o" / "movements.csv", newline="") as handle:
        return [tuple(r[f] for f in ("month", *fields)) for r in csv.DictReader(handle)]


SUBS = [["a", "2025-01", "100", "999"], ["b", "2025-01", "50", "888"]]


@pytest.mark.parametrize(
    ("name", "copy"), [("subs.csv", "mrr.1"), ("subs.csv", "MRR_2"), ("subs.xlsx", "mrr.1"), ("subs.csv", "mrr (2)")]
)
def test_a_numbered_second_mrr_column_is_refused_naming_both(tmp_path, capsys, name, copy):
    path = write(tmp_path, name, [["customer_id", "month", "mrr", copy], *SUBS])
    assert run(path, "subscriptions") == 1
    assert capsys.readouterr().err.strip() == (
        f"xl-retention: error: {name}: 2 columns could be the mrr ('mrr', {copy!r}: a repeated name numbered by "
        "pandas or a join): say which, e.g. --columns mrr=mrr (in Python: columns={'mrr': 'mrr'}), or remove the other"
    )


@pytest.mark.parametrize(("chosen", "mrr"), [("mrr", "150.0"), ("mrr.1", "1887.0")])
def test_the_mrr_column_named_in_the_map_is_used(tmp_path, capsys, chosen, mrr):
    path = write(tmp_path, "subs.csv", [["customer_id", "month", "mrr", "mrr.1"], *SUBS])
    assert run(path, "subscriptions", "--columns", f"mrr={chosen}") == 0, capsys.readouterr().err
    assert month_rows(tmp_path, "new", "mrr_end")[0] == ("2025-01", "2", mrr)


def test_a_numbered_second_amount_column_of_orders_is_refused_and_amount_refunded_is_not(tmp_path, capsys):
    rows = [["a", "2025-01-05", "100", "0", "999"], ["b", "2025-02-03", "50", "0", "888"]]
    path = write(tmp_path, "orders.csv", [["customer_id", "date", "Amount", "Amount Refunded", "Amount_2"], *rows])
    assert run(path, "orders") == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: orders.csv: 2 columns could be the amount ('Amount', 'Amount_2': a repeated name "
        "numbered by pandas or a join): say which, e.g. --columns amount=Amount (in Python: columns={'amount': "
        "'Amount'}), or remove the other"
    )
    path = write(tmp_path, "orders.csv", [["customer_id", "date", "Amount", "Amount Refunded"], *[r[:4] for r in rows]])
    assert run(path, "orders") == 0, capsys.readouterr().err
