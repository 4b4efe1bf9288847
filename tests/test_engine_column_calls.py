"""Our arithmetic functions filled down a column (``=CRR(C2,B2,A2)``...) are computed in one array call of the core
per column before the evaluation (``engine.column_calls``); the engine's call of each row gives the float kept for its
arguments. Every value is the one the row's own plain-number call gives, to the bit; a row the core refuses keeps its
own error and message; a blank, a text or a boolean argument goes its own way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pytest

from xl_retention.cells import CellError, evaluate, number_caller
from xl_retention.recalculation import engine, recalc_file
from xl_retention.recalculation.denormals import flushing, unflushed
from xl_retention.registry import BY_NAME

ROWS = 60


def _draws(rng: np.random.Generator, size: int) -> list[float]:
    """Counts, amounts, rates, ties and extremes mixed: many rows each function accepts, many it refuses."""
    kinds = rng.choice(6, size, p=[0.15, 0.55, 0.1, 0.05, 0.05, 0.1])
    values = np.select(
        [kinds == 0, kinds == 1, kinds == 2, kinds == 3, kinds == 4],
        [
            rng.integers(1, 2_000, size).astype(float),
            rng.uniform(0.001, 1.0, size),
            rng.uniform(1.0, 1e6, size),
            np.full(size, 1e-280) * rng.uniform(1, 10, size),
            np.full(size, 1e280) * rng.uniform(1, 10, size),
        ],
        rng.uniform(-5.0, 5.0, size),
    )
    return values.tolist()


@pytest.mark.parametrize("name", sorted(engine.ARITHMETIC))
@pytest.mark.parametrize("flushed", [False, True])
def test_each_kept_result_is_the_plain_number_calls_float(name: str, flushed: bool) -> None:
    function = BY_NAME[name]
    call = number_caller(function)
    rng = np.random.default_rng(sum(map(ord, name)))
    count = len(function.args) - (1 if name == "CLV" else 0)  # CLV's discount_rate omitted: its default
    draws = [_draws(rng, 24_000) for _ in range(count)]
    for k in range(1, count):  # ties: end = gained, lost = start, returning = total
        draws[k][:300] = draws[0][:300]
    rows = list(zip(*draws, strict=True))
    accepted = [row for row in rows if type(call(*row)) is float][:3_000]
    refused = [row for row in rows if type(call(*row)) is CellError][:12]
    assert len(accepted) == 3_000 and len(refused) == 12
    for k, row in enumerate(refused):  # a refused row here and there: the block around it halved
        accepted.insert(250 * k + 17, row)
    columns = [list(column) for column in zip(*accepted, strict=True)]
    known = engine._COLUMN_RESULTS.setdefault(name, {})
    known.clear()
    with flushing() if flushed else _nothing():
        kept = engine._kept_results(function, columns)
        pairs = list(known.items())
        exact = unflushed(call)  # a 0 result: the engine's call computes it again so (engine._zeros)
        own = [call(*args) if value else exact(*args) for args, value in pairs]
    known.clear()
    assert kept == len(pairs) > 2_000
    for (args, value), scalar in zip(pairs, own, strict=True):
        assert type(scalar) is float, (name, args, scalar)
        assert value.hex() == scalar.hex(), (name, args)
    assert not {args for args, _ in pairs}.intersection(refused)


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _book(path: Path) -> dict[str, tuple[str, tuple[Any, ...]]]:
    """Columns of CRR, CHURN_RATE, NRR and CUSTOMER_LIFETIME filled down over inputs some rows of which each
    refuses (a blank, a text, a boolean, end above start + gained, start 0, a churn rate above 1); each formula cell
    with its function and the arguments' values."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    calls: dict[str, tuple[str, tuple[Any, ...]]] = {}
    for r in range(2, ROWS + 2):
        start, gained = 400.0 + r % 7, 20.0 + r % 5
        end = start + gained - r % 11
        row: list[Any] = [start, gained, end, 100.0 + r, 80.0 + r % 3, 10_000.0 + r, 0.01 * (r % 9 + 1)]
        if r == 5:
            row[2] = start + gained + 1  # customers_end exceeds start + gained: #NUM! with its message
        if r == 9:
            row[0] = 0  # no customers at the start: #DIV/0!
        if r == 13:
            row[1] = None  # a blank
        if r == 17:
            row[2] = "many"  # a text
        if r == 21:
            row[0] = True  # a boolean
        if r == 25:
            row[6] = 1.5  # a churn rate above 1
        if r == 29:
            row[3] = 20_000.0  # lost_mrr above start_mrr
        for column, value in zip("ABCDEFG", row, strict=True):
            sheet[f"{column}{r}"] = value
        for column, name, refs in (
            ("H", "CRR", "CBA"),
            ("I", "CHURN_RATE", "CBA"),
            ("J", "NRR", "DEF"),
            ("K", "CUSTOMER_LIFETIME", "G"),
        ):
            sheet[f"{column}{r}"] = f"={name}({','.join(f'{c}{r}' for c in refs)})"
            calls[f"{column}{r}"] = (name, tuple(row["ABCDEFG".index(c)] for c in refs))
    book.save(path)
    return calls


def test_a_column_is_one_call_with_each_rows_own_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _book(tmp_path / "book.xlsx")
    own: set[tuple[str, tuple[Any, ...]]] = set()  # the arguments given to a function's own plain-number call
    plain = engine.number_caller

    def counted(function: Any) -> Any:
        call = plain(function)
        if call is None:
            return None

        def each(*args: Any) -> Any:
            own.add((function.name, args))
            return call(*args)

        return each

    monkeypatch.setattr(engine, "number_caller", counted)
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert result.status == "ok", result.message
    for ref, (name, args) in calls.items():
        expected = evaluate(BY_NAME[name], *args)
        value = out[ref].value
        if type(expected) is CellError:
            assert value == expected.code, (ref, value, expected)
        else:
            assert type(value) in (int, float) and float(value).hex() == expected.hex(), (ref, value, expected)
    # every row whose arguments are plain floats the core accepts is computed with its column: only the rows with a
    # 0 among the arguments, or a value the core refuses, reach their own call (a 0 result, churn 0 every 11th row,
    # is kept from the column too since engine._zeros: CHURN_RATE's 5 such rows no longer reach theirs)
    counts = {name: sum(n == name for n, _ in own) for name in ("CRR", "CHURN_RATE", "NRR", "CUSTOMER_LIFETIME")}
    assert counts == {"CRR": 2, "CHURN_RATE": 2, "NRR": 1, "CUSTOMER_LIFETIME": 1}
    assert not any(engine._COLUMN_RESULTS.values())  # forgotten after the workbook


def test_messages_of_refused_rows_are_their_own(tmp_path: Path) -> None:
    calls = _book(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    found = {issue.address: issue for issue in result.errors}
    assert sorted(found, key=lambda a: (int(a[3:]), a)) == [f"S!{c}{r}" for r in (5, 9, 13, 17, 21) for c in "HI"] + [
        "S!K25",
        "S!J29",
    ]
    for address, issue in found.items():
        name, args = calls[address[2:]]
        expected = evaluate(BY_NAME[name], *args)
        assert type(expected) is CellError and expected.message
        assert issue.error == expected.code
        assert issue.reason.startswith(f"{name}: {expected.message[:20]}"), (address, issue.reason)
    assert found["S!H9"].reason == (
        "CRR: customers_start is 0 in S!A9 (no customers at the start): the ratio is undefined (#DIV/0!)"
    )
    assert found["S!J29"].reason == (
        "NRR: lost_mrr (20000) exceeds start_mrr (10029): customers cannot lose more MRR than they started with: "
        "lost_mrr in S!D29, start_mrr in S!F29 (#NUM!)"
    )


def test_booleans_equal_to_a_kept_rows_numbers_go_their_own_way(tmp_path: Path) -> None:
    # TRUE == 1.0 (and hashes alike): a row of TRUEs beside a column of 1s is not given the 1s' result
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for r in range(1, 31):
        for column in "ABC":
            sheet[f"{column}{r}"] = True if r == 30 else 1
        sheet[f"D{r}"] = f"=NRR(A{r},B{r},C{r})"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[f"D{r}"].value for r in range(1, 30)] == [1] * 29
    expected = evaluate(BY_NAME["NRR"], True, True, True)
    assert type(expected) is CellError and out["D30"].value == expected.code == "#VALUE!"
    assert [(issue.address, issue.error) for issue in result.errors] == [("S!D30", "#VALUE!")]


def test_columns_far_apart_are_read_each_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for r in range(1, 21):
        sheet[f"A{r}"], sheet[f"AZ{r}"] = 10.0 * r, 1000.0 + r
        sheet[f"B{r}"] = f"=GRR(A{r},AZ{r})"
    book.save(tmp_path / "book.xlsx")
    own: list[tuple[Any, ...]] = []
    plain = engine.number_caller

    def counted(function: Any) -> Any:
        call = plain(function)
        return None if call is None else (lambda *args: own.append(args) or call(*args))

    monkeypatch.setattr(engine, "number_caller", counted)
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    expected = [evaluate(BY_NAME["GRR"], 10.0 * r, 1000.0 + r) for r in range(1, 21)]
    assert [out[f"B{r}"].value for r in range(1, 21)] == expected
    assert expected[0] == (1001.0 - 10.0) / 1001.0 and own == []  # every row from its column's one call
