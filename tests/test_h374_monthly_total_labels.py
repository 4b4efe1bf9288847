"""A snapshots sheet with a 'Total' row under each month (H370's finding 01): the refusal named only the last one,
"a summary row of the export ... in row 555: remove it", and a second run named the others. Now the first refusal
names every row labelled as the export's last summary row is, all to be removed."""

from __future__ import annotations

from pathlib import Path

from xl_retention import cli


def _sheet() -> str:
    rows = ["Customer,Month,MRR (EUR)"]
    for month, customers in (("2025-01", [45, 99, 99]), ("2025-02", [45, 29, 99, 82.5]), ("2025-03", [29, 99, 80])):
        rows += [f"Kunde {i:03d} GmbH,{month},{mrr:g}" for i, mrr in enumerate(customers, start=1)]
        rows.append(f"Total,{month},{sum(customers):g}")
    return "\n".join(rows) + "\n"


def test_every_months_total_row_is_named_at_once(tmp_path: Path, capsys) -> None:
    (tmp_path / "mrr.csv").write_text(_sheet())
    code = cli.main(["import", "--subscriptions", str(tmp_path / "mrr.csv"), "--to-csv", str(tmp_path / "o"),
                     "--columns", "customer_id=Customer,mrr=MRR (EUR)"])  # fmt: skip
    assert code == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: mrr.csv, column 'Customer': a summary row of each group of rows and of the whole export "
        "(its totals, not data) in rows 5, 10, 14 (counting the header as row 1): 'Total', 'Total', 'Total': remove "
        "them"
    )
    assert not (tmp_path / "o").exists()
