"""The no-churn note under ``--segment COLUMN=VALUE`` (H68 finding 13).

`import --segment plan=Pro` of a complete export whose Basic customer leaves said "no customer was lost in the 3
months of mrr.csv: ... export every subscription": only the Pro segment lost nobody, and the advice sent the user to
re-export a right file. Now the note looks at the whole export (every segment's movements), with every backend: a
loss in another segment says nothing, an export where nobody leaves at all still gets the note.

Inputs are written by the test in tmp_path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention.workbook.importer import load_tables

LOSES_A_BASIC = "Customer,month,mrr,plan\na,2026-01,100,Pro\nb,2026-01,50,Basic\na,2026-02,120,Pro\nb,2026-02,50,Basic\nc,2026-02,80,Basic\na,2026-03,120,Pro\nc,2026-03,40,Basic\n"  # noqa: E501
LOSES_NOBODY = "Customer,month,mrr,plan\na,2026-01,100,Pro\nb,2026-01,50,Basic\na,2026-02,120,Pro\nb,2026-02,50,Basic\na,2026-03,120,Pro\nb,2026-03,50,Basic\n"  # noqa: E501


def _notes(tmp_path: Path, text: str, backend: str | None, segment: str | None) -> list[str]:
    path = tmp_path / "mrr.csv"
    path.write_text(text)
    tables = load_tables(subscriptions=path, columns={"customer_id": "Customer"}, backend=backend, segment=segment)
    return [n for n in tables.notes if n.startswith("no customer was lost")]


@pytest.mark.parametrize("backend", [None, "duckdb"])
def test_a_loss_in_another_segment_gives_no_note(tmp_path: Path, backend: str | None) -> None:
    assert _notes(tmp_path, LOSES_A_BASIC, backend, "plan=Pro") == []


@pytest.mark.parametrize("backend", [None, "duckdb"])
def test_an_export_without_a_loss_still_gets_the_note(tmp_path: Path, backend: str | None) -> None:
    expected = [
        "no customer was lost in the 3 months of mrr.csv: if the export holds only active subscriptions (a status "
        "filter), those who left are missing and churn reads 0; export every subscription, ended ones too"
    ]
    assert _notes(tmp_path, LOSES_NOBODY, backend, "plan=Pro") == expected
    assert _notes(tmp_path, LOSES_NOBODY, backend, None) == expected
