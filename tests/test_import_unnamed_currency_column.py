"""Two currencies in a column without a header: the refusal names the column by its place and a way that works.

H66 finding 09: a currency column under a merged "Amount" header (or a CSV's empty last header field) was refused as
"column '': 2 currencies ... (--segment =JPY)", a hint the CLI itself rejects ('--segment is COLUMN or COLUMN=VALUE,
got '=JPY''). Now the column is named by its place ('no name, right of amount') and the remedy says to give it a
name first. The refusal itself is right and stays.
"""

from __future__ import annotations

from xl_retention import cli


def test_a_currency_column_without_a_name_is_named_by_its_place(tmp_path, capsys) -> None:
    (tmp_path / "orders.csv").write_text("order_id,customer_id,date,amount,\n1,a,2024-01-05,100,EUR\n"
                                         "2,b,2024-01-06,10000,JPY\n")  # fmt: skip
    assert cli.main(["import", "--orders", str(tmp_path / "orders.csv"), "--to-csv", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        "xl-retention: error: orders.csv, column 'no name, right of amount': 2 currencies (EUR, JPY) in rows 2, 3 "
        "(counting the header as row 1): 'EUR', 'JPY'; amounts are added up: convert them to one currency first, or "
        "import one currency at a time (give the column a name in the header row, e.g. Currency, then: --segment "
        "Currency=JPY)\n"
    )
    (tmp_path / "orders.csv").write_text(
        (tmp_path / "orders.csv").read_text().replace("amount,\n", "amount,Currency\n")
    )
    assert cli.main(["import", "--orders", str(tmp_path / "orders.csv"), "--segment", "Currency=JPY", "--to-csv",
                     str(tmp_path / "out")]) == 0  # fmt: skip
