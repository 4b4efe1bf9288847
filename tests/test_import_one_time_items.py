"""A subscription's one-time charge rows ('Setup fee', 'Onboarding (one-time)') were added to its MRR (H66 03).

Subscription items or invoice lines, one row per item: read as the subscription's items, their MRRs added up, a 500
setup fee beside a 100 plan counted 600 MRR for the subscription's life (intervals: January 1000 for 200; snapshots:
January 700, a 500 "contraction" in February), exit 0. MRR is recurring revenue: such rows (by the item's name, or a
type column saying one_time / OneTime / Chargebee's charge) with an amount are now refused, naming them; removed,
the file reads 200.
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

INTERVALS = (
    "subscription_id,customer_id,start,end,item,mrr\n"
    "sub1,a,2024-01-05,,Pro plan,100\nsub1,a,2024-01-05,,Setup fee,500\n"
    "sub2,b,2024-01-09,2024-03-09,Pro plan,100\nsub2,b,2024-01-09,2024-03-09,Onboarding (one-time),300\n"
    "sub3,c,2024-03-01,,Pro plan,100\n"
)
SNAPSHOTS = (
    "subscription_id,customer_id,month,item,mrr\n"
    "sub1,a,2024-01,Pro plan,100\nsub1,a,2024-01,Setup fee,500\nsub2,b,2024-01,Pro plan,100\n"
    "sub1,a,2024-02,Pro plan,100\nsub2,b,2024-02,Pro plan,100\n"
)


def mrr_end(tmp_path, text: str) -> dict[str, float]:
    path = tmp_path / "subs.csv"
    path.write_text(text)
    frame = load_tables(path).movements
    return {str(m): float(frame.loc[m, "mrr_end"]) for m in frame.index if str(m) <= "2024-03"}


@pytest.mark.parametrize(("text", "rows"), [(INTERVALS, "rows 3, 5"), (SNAPSHOTS, "row 3")])
def test_one_time_item_rows_are_refused(tmp_path, text, rows):
    with pytest.raises(DataError) as error:
        mrr_end(tmp_path, text)
    assert str(error.value).startswith(
        "subs.csv, column 'item': rows of a one-time charge (a setup, onboarding or installation fee is paid once: "
        "MRR is recurring revenue, and counted as an item of the subscription it would add to its MRR every month) "
        f"in {rows} (counting the header as row 1): 'Setup fee'"
    )
    assert str(error.value).endswith(": remove those rows, or rename an item that does recur")


def test_without_them_the_plans_are_read(tmp_path):
    intervals = "\n".join(line for line in INTERVALS.splitlines() if "Setup" not in line and "Onboarding" not in line)
    assert mrr_end(tmp_path, intervals + "\n") == {"2024-01": 200.0, "2024-02": 200.0, "2024-03": 200.0}
    waived = SNAPSHOTS.replace("Setup fee,500", "Setup fee,0")  # a waived fee adds nothing: read
    assert mrr_end(tmp_path, waived) == {"2024-01": 200.0, "2024-02": 200.0}


@pytest.mark.parametrize(
    ("column", "once", "recurring"),
    [("Charge Type", "OneTime", "Recurring"), ("price_type", "one_time", "recurring"), ("item_type", "charge", "plan")],
)
def test_a_type_column_saying_one_time_is_refused(tmp_path, column, once, recurring):
    text = (
        f"subscription_id,customer_id,month,item,{column},mrr\n"
        f"sub1,a,2024-01,Pro plan,{recurring},100\nsub1,a,2024-01,Kickoff workshop,{once},500\n"
        f"sub1,a,2024-02,Pro plan,{recurring},100\n"
    )
    with pytest.raises(DataError, match=rf"column '{column}': rows of a one-time charge .* row 3 .*: '{once}'"):
        mrr_end(tmp_path, text)


def test_only_the_fees_charged_are_refused_whatever_the_zeros_spelling(tmp_path):
    text = (
        "subscription_id,customer_id,month,item,mrr\n"
        "sub1,a,2024-01,Pro plan,100\nsub1,a,2024-01,Setup fee, 0.00 \nsub2,b,2024-01,Pro plan,100\n"
        "sub2,b,2024-01,Setup fee,\nsub3,c,2024-01,Pro plan,0\nsub3,c,2024-01,Setup fee,250\n"
        "sub1,a,2024-02,Pro plan,100\nsub2,b,2024-02,Pro plan,100\nsub3,c,2024-02,Setup fee,0\n"
    )
    with pytest.raises(DataError) as error:  # the waived fees (' 0.00 ', blank, 0) are not named: only row 7's 250
        mrr_end(tmp_path, text)
    assert str(error.value).endswith("in row 7 (counting the header as row 1): 'Setup fee': remove those rows, or "
                                     "rename an item that does recur")  # fmt: skip
    waived = text.replace("Setup fee,250", "Setup fee,0.0").replace("Setup fee,\n", "Setup fee,0\n")
    assert mrr_end(tmp_path, waived) == {"2024-01": 200.0, "2024-02": 200.0}
