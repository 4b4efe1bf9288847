"""Every model formula's Python function says its formula's source and shows an example (H276).

``help(xr.sbg_survival)`` gave the formula and an example but not the paper it comes from; the standard errors of the
Pareto/NBD, BG/BB and Gamma-Gamma fits, the BdW retention and CLV intervals and the BG/NBD and Pareto/NBD expected
purchases' intervals gave neither a source nor an example. The examples run as doctests (pyproject's
``--doctest-modules``), so their figures are checked too."""

from __future__ import annotations

import inspect
import re

import pytest

import xl_retention as xr
from xl_retention.registry import MODELS, MORE_MODELS

#: a paper cited with its year: "Fader & Hardie (2007)", "(Fader, Hardie & Lee 2005)", "(FHS 2010, eq. A10)"
CITATION = re.compile(r"\b(?:[A-Z][a-z]+|FH[A-Z]*)\b[^.\n]{0,60}?\b(?:19|20)\d\d\b")


@pytest.mark.parametrize("name", [f.name for f in MODELS + MORE_MODELS])
def test_model_docstring_names_a_source_and_gives_an_example(name: str) -> None:
    doc = inspect.getdoc(getattr(xr, name.lower())) or ""
    assert ">>> " in doc, f"{name.lower()}: no example"
    assert CITATION.search(doc), f"{name.lower()}: no source (a paper and its year)"


def test_the_new_examples_figures() -> None:
    assert [round(v, 4) for v in xr.bdw_retention_interval([1000, 631, 468, 382, 326, 289, 262, 241], 12)] == [
        0.9514,
        0.9391,
        0.9614,
    ]
    assert [
        round(v, 4)
        for v in xr.gammagamma_fit_se(
            [6, 5, 4, 2, 3, 1, 1, 1, 2, 6, 0], [22.6, 22.3, 81.2, 32.6, 21.7, 36.8, 52.7, 5.4, 14.4, 24.8, 0.0]
        )
    ] == [1.5767, 6.6286, 130.8098]
