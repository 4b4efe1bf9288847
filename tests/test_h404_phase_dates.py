"""A plan change written as the subscription's next period, with d/m/Y dates (H395's finding 01): the phases were
read with pandas' month-first guess (12/02/2025 as 2 December), so they did not follow each other and the rows were
refused as "the same record in two exports", even with --dayfirst or --date-format %d/%m/%Y. They are now read as the
import reads dates: the file's options, the column's proven day-first order; a column that cannot tell is refused as
the import refuses it."""

import csv
from pathlib import Path

import pytest

from xl_retention import cli

ROWS = (
    "customer_id;subscription_id;plan;start_date;end_date;mrr_eur\n"
    "A;S1;basic;12/02/2025;14/04/2025;29,00\n"
    "A;S1;basic_chg;14/04/2025;12/02/2026;58,00\n"
    "B;S2;pro;17/12/2025;30/06/2026;99,00\n"
    "B;S2;pro_chg;30/06/2026;;198,00\n"
)
COLUMNS = "start=start_date,end=end_date,mrr=mrr_eur"


def run(tmp_path: Path, text: str, *options: str) -> int:
    path = tmp_path / "phases.csv"
    path.write_text(text, encoding="utf-8")
    args = ["import", "--subscriptions", str(path), "--columns", COLUMNS, *options]
    return cli.main([*args, "--through", "2026-08", "--to-csv", str(tmp_path / "out")])


def months(tmp_path: Path) -> dict[str, tuple[float, float, int, float]]:
    with open(tmp_path / "out" / "movements.csv", newline="") as handle:
        rows = csv.DictReader(handle)
        return {r["month"]: (float(r["expansion_mrr"]), float(r["mrr_end"]), int(r["lost"]), float(r["churned_mrr"]))
                for r in rows}  # fmt: skip


# A: 29 from 12 Feb 2025, 58 from 14 Apr 2025 (expansion 29), ended 12 Feb 2026 (lost, 58 churned);
# B: 99 from 17 Dec 2025, 198 from 30 Jun 2026 (expansion 99).
EXPECTED = {
    "2025-02": (0.0, 29.0, 0, 0.0),
    "2025-03": (0.0, 29.0, 0, 0.0),
    "2025-04": (29.0, 58.0, 0, 0.0),
    "2025-12": (0.0, 157.0, 0, 0.0),
    "2026-01": (0.0, 157.0, 0, 0.0),
    "2026-02": (0.0, 99.0, 1, 58.0),
    "2026-06": (99.0, 198.0, 0, 0.0),
    "2026-08": (0.0, 198.0, 0, 0.0),
}


@pytest.mark.parametrize("options", [("--date-format", "%d/%m/%Y"), ("--dayfirst",), ()])
def test_day_first_phases_counted(tmp_path, capsys, options):
    assert run(tmp_path, ROWS, *options) == 0, capsys.readouterr().err
    got = months(tmp_path)
    assert {m: got[m] for m in EXPECTED} == EXPECTED


def test_month_first_phases_counted(tmp_path, capsys):
    us = "".join(
        line if i == 0 else ";".join(_us(v) if k in (3, 4) else v for k, v in enumerate(line.split(";")))
        for i, line in enumerate(ROWS.splitlines(keepends=True))
    )
    assert "02/12/2025;04/14/2025" in us
    assert run(tmp_path, us, "--monthfirst") == 0, capsys.readouterr().err
    got = months(tmp_path)
    assert {m: got[m] for m in EXPECTED} == EXPECTED


def _us(value: str) -> str:
    """'12/02/2025' as 02/12/2025 (the line's end kept)."""
    text, tail = value.rstrip("\n"), value[len(value.rstrip("\n")) :]
    if not text:
        return value
    day, month, year = text.split("/")
    return f"{month}/{day}/{year}{tail}"


def test_undecidable_phase_dates_refused_as_dates(tmp_path, capsys):
    ambiguous = ROWS.replace("17/12/2025", "07/12/2025").replace("30/06/2026", "01/06/2026")
    ambiguous = ambiguous.replace("14/04/2025", "04/04/2025").replace("12/02/2026", "12/01/2026")
    assert run(tmp_path, ambiguous) != 0
    err = capsys.readouterr().err
    assert "could be day-first or month-first" in err and "'start_date'" in err
    assert "the same record in two exports" not in err
