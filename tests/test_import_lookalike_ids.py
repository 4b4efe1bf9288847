"""Ids that look alike in Excel: a no-break space inside is a space (one customer); two spaces, a curly apostrophe,
a Unicode hyphen or capitals are refused naming both spellings (H36 finding 10: two customers, a phantom loss and
a new customer, churned MRR 100, CRR 0.5, exit 0)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run


@pytest.mark.parametrize("space", ["\u00a0", "\u202f"])
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_no_break_space_inside_an_id_is_a_space(tmp_path: Path, space: str, backend: str) -> None:
    path = tmp_path / "mrr.csv"
    path.write_text(f"customer_id,month,mrr\nAnna Schmidt,2024-01,100\nBob,2024-01,50\nAnna{space}Schmidt,2024-02,100\n"
                    "Bob,2024-02,50\n", encoding="utf-8")  # fmt: skip
    out = run(tmp_path, "--subscriptions", path, backend=backend)
    lines = (out / "movements.csv").read_text().splitlines()
    header, feb = lines[0].split(","), dict(zip(lines[0].split(","), lines[2].split(","), strict=True))
    assert "lost" in header and (feb["month"], feb["lost"], feb["new"]) == ("2024-02", "0", "0")


SPELLINGS = [("Anna Schmidt", "Anna  Schmidt"), ("O'Neil Ltd", "O\u2019Neil Ltd"), ("Müller-Lang", "Müller\u2010Lang"),
             ("ACME GmbH", "Acme GmbH")]  # fmt: skip


@pytest.mark.parametrize("first, second", SPELLINGS)
def test_ids_that_differ_only_in_what_excel_passes_over_are_refused(tmp_path: Path, capsys, first, second) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(f"Date,Customer,Amount\n2024-01-05,{first},100\n2024-01-06,b,50\n2024-02-05,{second},30\n",
                    encoding="utf-8")  # fmt: skip
    args = ("--columns", "customer_id=Customer,date=Date,amount=Amount", "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, "--orders", str(path), *args) == (
        f"orders.csv, column 'Customer': customer ids that differ only in capitals, spaces, apostrophes or hyphens "
        f"({first!r} and {second!r}: one customer typed two ways, or two? Excel's MATCH and COUNTIF take them as one) "
        f"in rows 2, 4 (counting the header as row 1): {first!r}, {second!r}: write each customer's id one way, or "
        "give two customers ids that differ otherwise"
    )


def test_an_emails_capitals_and_case_sensitive_ids_of_their_own_pass(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount\nAnn@X.com,2024-01-05,100\ncus_AbC,2024-01-06,50\n"
                    "ann@x.com,2024-02-05,30\ncus_XyZ,2024-02-06,20\n")  # fmt: skip
    out = run(tmp_path, "--orders", path)
    assert (out / "purchases.csv").read_text().splitlines()[1:] == ["2024-01,2,0,0,0.0,0.0", "2024-02,2,0,1,0.0,0.5"]


def test_machine_ids_with_capitals_beside_names_typed_two_ways_are_still_refused() -> None:
    """The check's first pass leaves out machine ids (their capitals tell them apart: ``cus_AbC``, ``cus_abc``), so a
    Stripe column costs one pass of Arrow's kernels; names typed two ways among them are still refused."""
    import pandas as pd
    import pytest as _pytest

    from xl_retention.reading import DataError
    from xl_retention.reading.lookalike_ids import refuse_lookalike_ids

    machines = pd.Series(["cus_AbC", "cus_abc", "cus_XY9", "plain"], dtype="str")
    refuse_lookalike_ids(machines, machines, "s.csv", "Customer", "customer ids")  # two customers: no refusal
    mixed = pd.Series(["cus_AbC", "ACME GmbH", "cus_abc", "Acme GmbH"], dtype="str")
    with _pytest.raises(DataError, match=r"'ACME GmbH' and 'Acme GmbH'.* rows 3, 5"):
        refuse_lookalike_ids(mixed, mixed, "s.csv", "Customer", "customer ids")
