"""``--columns subscription_id=NAME`` on an intervals file (start and end per subscription) and a typed table.

The mapping worked for snapshots files only: an intervals file whose subscription id is under another name
('Vertrag') was refused ("no input file has a column 'Vertrag'"), or, before that check, a pause kept as a phase of
MRR 0 between two phases of one subscription was refused as a cancellation at today's MRR; and without the mapping two
rows of one subscription and period with other prices were added up unasked. Now the mapped column is the
subscription's id as ``subscription_id`` is: phases of one id follow each other, and one id's rows of one period with
other values are refused naming the mapped column.
"""

from __future__ import annotations

import duckdb
import pytest

from xl_retention.cli import main
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# s1 pauses March-April (a phase of MRR 0 between two paid phases), s2 runs on
PHASES = (
    "Vertrag,customer_id,start,end,mrr\n"
    "s1,c1,2025-01-01,2025-03-01,100\n"
    "s1,c1,2025-03-01,2025-05-01,0\n"
    "s1,c1,2025-05-01,,100\n"
    "s2,c2,2025-01-01,,50\n"
)
#: month: (lost, reactivated, customers_end, mrr_end)
EXPECTED = {
    "2025-01": (0, 0, 2, 150.0),
    "2025-02": (0, 0, 2, 150.0),
    "2025-03": (1, 0, 1, 50.0),
    "2025-04": (0, 0, 1, 50.0),
    "2025-05": (0, 1, 2, 150.0),
}


def _rows(text: str) -> dict[str, tuple[int, int, int, float]]:
    lines = text.splitlines()
    header = lines[0].split(",")
    at = [header.index(c) for c in ("lost", "reactivated", "customers_end", "mrr_end")]
    out = {}
    for line in lines[1:6]:
        cells = line.split(",")
        out[cells[0]] = (int(cells[at[0]]), int(cells[at[1]]), int(cells[at[2]]), float(cells[at[3]]))
    return out


def test_a_mapped_id_reads_a_pause_between_phases_of_a_file_and_a_duckdb_table(tmp_path) -> None:
    path = tmp_path / "phases.csv"
    path.write_text(PHASES, encoding="utf-8")
    database = str(tmp_path / "w.duckdb")
    with duckdb.connect(database) as con:  # typed columns: DATE, DOUBLE
        con.execute(
            f'CREATE TABLE phases AS SELECT Vertrag, customer_id, start::DATE AS start, "end"::DATE AS "end", '
            f"mrr::DOUBLE AS mrr FROM read_csv('{path}', header=true, all_varchar=true)"
        )
    runs = [[str(path)], ["table:phases", "--backend", "duckdb", "--connection", database]]
    for n, run in enumerate(runs):
        out = tmp_path / f"out{n}"
        argv = ["import", "--subscriptions", run[0], *run[1:], "--columns", "subscription_id=Vertrag"]
        assert main([*argv, "--to-csv", str(out)]) == 0
        assert _rows((out / "movements.csv").read_text()) == EXPECTED, run[0]


def test_one_mapped_id_twice_in_one_period_with_other_prices_is_refused_naming_it(tmp_path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text(
        "Vertrag,customer_id,start,end,mrr\ns1,c1,2025-01-01,,100\ns2,c2,2025-01-01,,50\ns1,c1,2025-01-01,,120\n",
        encoding="utf-8",
    )
    refused = r"^twice\.csv, column 'Vertrag': rows with the id, start and end of an earlier row and other values "
    with pytest.raises(DataError, match=refused + r".* in row 4 \(counting the header as row 1\): 's1'$"):
        load_tables(path, columns={"subscription_id": "Vertrag"})


def test_a_mapped_id_the_intervals_file_lacks_is_still_refused(tmp_path) -> None:
    path = tmp_path / "iv.csv"
    path.write_text("customer_id,start,end,mrr\nc1,2025-01-01,,100\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^--columns subscription_id=Vertrag: no input file has a column 'Vertrag'"):
        load_tables(path, columns={"subscription_id": "Vertrag"})
