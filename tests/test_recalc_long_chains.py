"""A chain of more than 256 terms of ``+`` and ``-`` (``=A1+A2+...+A300``; Excel takes formulas up to 8,192
characters: Microsoft, "Excel specifications and limits") is written by :func:`split_chains` in chunks the embedded
engine computes (it gives an error for the chain as written: H173's finding 08), the same double as adding left to
right, as Excel adds; chains whose terms hold ranges or names, or that are compared or joined, are left alone."""

from __future__ import annotations

import random

import formualizer as fz
import pytest

from xl_retention.recalculation.long_chains import split_chains


def _computed(formula: str, values: list[float]) -> object:
    workbook = fz.Workbook()
    workbook.add_sheet("S")
    sheet = workbook.sheet("S")
    for row, value in enumerate(values, 1):
        sheet.set_value(row, 1, value)
    sheet.set_formula(1, 3, formula)
    workbook.evaluate_all()
    return workbook.get_value("S", 1, 3)


def test_the_engine_refuses_the_chain_as_written() -> None:
    chain = "=" + "+".join(f"A{k}" for k in range(1, 301))
    assert _computed(chain, list(range(1, 301))) != 45150
    assert _computed(split_chains(chain), list(range(1, 301))) == 45150


@pytest.mark.parametrize("terms", [257, 300, 402, 650])
def test_a_long_chain_is_the_left_to_right_sum(terms: int) -> None:
    rng = random.Random(terms)
    values = [rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-9, 9) for _ in range(terms)]
    signs = [rng.choice("+-") for _ in range(terms - 1)]
    chain = "=A1" + "".join(f"{sign}$A${k}" for sign, k in zip(signs, range(2, terms + 1), strict=True))
    expected = values[0]
    for sign, value in zip(signs, values[1:], strict=True):  # Excel's order: ((a1 op a2) op a3) ...
        expected = expected + value if sign == "+" else expected - value
    split = split_chains(chain)
    assert split.startswith("=LET(_xlr_c1,A1")
    assert split.endswith(f"){signs[-1]}$A${terms}")  # the last + or - outside: Excel's final rule still sees it
    assert _computed(split, values) == expected


def test_chains_inside_calls_and_spaced() -> None:
    values = [float(k) for k in range(1, 301)]
    rounded = "=ROUND(" + "+".join(f"A{k}*1.5" for k in range(1, 301)) + ",0)*2"
    assert split_chains(rounded).startswith("=ROUND(LET(_xlr_c1,A1*1.5+A2*1.5")
    assert _computed(split_chains(rounded), values) == 135450
    spaced = "=" + " + ".join(f"SUM(A{k}:A{k})" for k in range(1, 301))
    assert _computed(split_chains(spaced), values) == 45150


def test_products_and_joins() -> None:
    values = [1 + k / 997 for k in range(1, 301)]
    product = "=A1" + "".join(f"{'*' if k % 3 else '/'}A{k}" for k in range(2, 301))
    expected = values[0]
    for k in range(2, 301):
        expected = expected * values[k - 1] if k % 3 else expected / values[k - 1]
    assert split_chains(product).endswith(")/A300")  # 300 % 3 == 0
    assert _computed(split_chains(product), values) == expected
    squares = 0.0
    for value in values:  # a sum of products, left to right
        squares = squares + value * value
    assert _computed(split_chains("=" + "+".join(f"A{k}*A{k}" for k in range(1, 301))), values) == squares
    joined = "=" + '&"-"&'.join(f"A{k}" for k in range(1, 151))
    words = [str(k) for k in range(1, 151)]
    assert _computed(split_chains(joined), [float(k) for k in range(1, 151)]) == "-".join(words)


@pytest.mark.parametrize(
    "formula",
    [
        "=" + "+".join(f"A{k}:A{k + 1}" for k in range(1, 301)),  # ranges: Excel may intersect them
        "=" + "+".join(f"Rate{k}" for k in range(1, 301)),  # names
        "=" + "+".join(f"A{k}" for k in range(1, 301)) + '&"x"',  # joined: two terms of a &
        "=" + "+".join(f"A{k}" for k in range(1, 301)) + ">0",  # compared
        "=" + "+".join(f"A{k}" for k in range(1, 201)),  # short enough
    ],
)
def test_other_formulas_are_left_alone(formula: str) -> None:
    assert split_chains(formula) is formula
