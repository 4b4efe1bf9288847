"""An amount column of one decimal convention holding a number of the other language's was read by that number's own
marks, silently: '1 234,56' (French) or "1'234,56" among '12.50's read as 1234.56, '1,234.56' or '1 234.56' among
'12,50's as 1234.56, '1.234.567' among '12.50's as 1234567, '12,50' beside '7.25' as 12.5 (where '1.234,56' beside
'12.50' was refused as two exports appended); '1,234,567' among '12,50's was refused asking for --decimal, which
reads the column neither way. Nothing says which convention the column's other numbers are of (an
amount pasted from another file, or two exports appended: '1,234' is 1234 in the one, 1.234 in the other). A column
is now read only where its numbers write one convention (told by the CLDR's English and German rules, through Babel);
otherwise the numbers of the convention fewer rows write are refused, naming the file, column, row and value."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, written

from xl_retention import cli
from xl_retention.reading import DataError, parse_numbers

HEADER = "order_id,customer_id,date,amount\n"


def _orders(tmp_path: Path, amounts: tuple[str, str, str]) -> Path:
    first, second, third = amounts
    text = HEADER + f'1,a,2026-01-05,"{first}"\n2,b,2026-02-05,"{second}"\n3,a,2026-03-05,"{third}"\n'
    return written(tmp_path, "orders.csv", text)


def _revenue(tmp_path: Path, path: Path) -> list[list]:
    out = tmp_path / "out"
    assert cli.main(["import", "--orders", str(path), "--through", "2026-03", "--to-csv", str(out)]) == 0
    frame = pd.read_csv(out / "order_revenue_cohorts.csv").astype(object)
    return frame.where(frame.notna(), None).values.tolist()


@pytest.mark.parametrize(
    ("amounts", "comma", "point"),
    [
        (("12.50", "1 234,56", "7.00"), "a decimal comma ('1 234,56')", "a decimal point ('12.50')"),
        (("12.50", "1'234,56", "7.00"), "a decimal comma (\"1'234,56\")", "a decimal point ('12.50')"),
        (("12,50", "1,234.56", "7,00"), "a decimal comma ('12,50')", "a decimal point ('1,234.56')"),
        (("12,50", "1 234.56", "7,00"), "a decimal comma ('12,50')", "a decimal point ('1 234.56')"),
        # no decimal comma in '1.234.567' (H328): its points group thousands, as only the decimal comma's writing does
        (("12.50", "1.234.567", "7.00"), "points grouping thousands ('1.234.567', the decimal comma's convention)",
         "a decimal point ('12.50')"),
        (("7.25", "12,50", "9.99"), "a decimal comma ('12,50')", "a decimal point ('7.25')"),
        (("12,50", "1,234,567", "7,00"), "a decimal comma ('12,50')",
         "commas grouping thousands ('1,234,567', the decimal point's convention)"),
    ],
    ids=["french-among-points", "swiss-comma-among-points", "english-among-commas", "spaced-point-among-commas",
         "german-groups-among-points", "comma-among-points", "english-groups-among-commas"],
)  # fmt: skip
def test_a_number_of_the_other_convention_is_refused_naming_it(tmp_path, capsys, amounts, comma, point) -> None:
    path = _orders(tmp_path, amounts)
    got = refusal(capsys, "--orders", str(path), "--through", "2026-03", "--to-csv", str(tmp_path / "no"))
    assert got == (
        f"orders.csv, column 'amount': numbers with {comma} and others with {point} "
        "in one column (exports of two languages appended?) in row 3 (counting the header as row 1): "
        f"{amounts[1]!r}: write them with one decimal mark, or import them apart with --decimal"
    )
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize(
    "amounts",
    [("12,50", "1 234,56", "7,00"), ("12.50", "1,234.56", "7.00"), ("12,50", "1.234,56", "7,00"),
     ("12.50", "1'234.56", "7.00")],
    ids=["french", "english", "german", "swiss"],
)  # fmt: skip
def test_a_column_of_one_convention_is_read(tmp_path, amounts) -> None:
    assert _revenue(tmp_path, _orders(tmp_path, amounts)) == [
        ["2026-01", 12.5, 0.0, 7.0],
        ["2026-02", 1234.56, 0.0, None],
        ["2026-03", 0.0, None, None],
    ]


def test_whole_units_and_numbers_without_a_decimal_mark_go_with_either() -> None:
    got = parse_numbers(pd.Series(["12.50", "49,-", "1 234", "7"]), "o.csv", "amount")
    assert got.tolist() == [12.5, 49.0, 1234.0, 7.0]
    got = parse_numbers(pd.Series(["12,50", "49.-", "1 234", "7"]), "o.csv", "amount")
    assert got.tolist() == [12.5, 49.0, 1234.0, 7.0]


def test_python_names_the_fewer_rows_and_the_argument() -> None:  # 3 rows of a decimal comma, 2 of a point
    with pytest.raises(DataError) as caught:
        parse_numbers(pd.Series(["1 234,56", "12.50", "7.00", "1 234,56", "3,10"]), "o.csv", "amount")
    assert str(caught.value) == (
        "o.csv, column 'amount': numbers with a decimal comma ('1 234,56') and others with a decimal point ('12.50') "
        "in one column (exports of two languages appended?) in rows 3, 4 (counting the header as row 1): '12.50', "
        "'7.00': write them with one decimal mark, or read them apart with ReadOptions(decimal=...)"
    )
