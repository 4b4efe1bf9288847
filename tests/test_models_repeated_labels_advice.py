"""The advice of a refusal to match Series whose labels repeat is code that runs (the data-engineer tester's finding
6): bgnbd_fit said "give them the same labels (e.g. recency.reindex(frequency.index))", which raises pandas'
"cannot reindex on an axis with duplicate labels" (and would copy one row's value to both rows of a label)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.models import bgnbd_fit

FREQUENCY = [1.0, 1, 1, 9, 8, 1, 1, 0, 3, 2, 1, 2]  # tests/test_models_fit_series_labels.py's customers
RECENCY = [1.0, 10, 2, 25, 10, 12, 1, 0, 13, 28, 11, 28]
T = [38.0, 33, 39, 28, 34, 32, 37, 29, 37, 34, 38, 33]
FIRST = ["a", "a", *"bcdefghijk"]  # two rows labelled a (two shops' customer a)
OTHER = ["a", "b", "a", *"cdefghijk"]


def test_repeated_labels_advise_arrays_and_the_advice_runs() -> None:
    frequency = pd.Series(FREQUENCY, index=FIRST)
    recency = pd.Series(RECENCY, index=OTHER)
    t = pd.Series(T, index=FIRST)
    with pytest.raises(xr.NotANumberError) as caught:
        bgnbd_fit(frequency=frequency, recency=recency, T=t)
    said = str(caught.value)
    assert said == (
        "recency's index does not match frequency's (a label repeats): Series are matched by their index labels, and "
        "'a' repeats in frequency, which no label matches to one row: if the rows are in the same order, pass arrays "
        "(frequency.to_numpy(), recency.to_numpy(), T.to_numpy()), else give each Series one row per label"
    )
    advised = re.search(r"pass arrays \((.*)\), else", said)[1]
    args = eval(f"[{advised}]", {"frequency": frequency, "recency": recency, "T": t})  # the advice, run as written
    fit = bgnbd_fit(*args)
    expected = bgnbd_fit(np.array(FREQUENCY), np.array(RECENCY), np.array(T))
    assert (fit.r, fit.alpha, fit.a, fit.b) == (expected.r, expected.alpha, expected.a, expected.b)


def test_a_repeat_in_the_second_series_names_it() -> None:
    frequency = pd.Series(FREQUENCY, index=list("abcdefghijkl"))
    recency = pd.Series(RECENCY, index=list("abcdefghijkk"))
    with pytest.raises(xr.NotANumberError) as caught:
        bgnbd_fit(frequency=frequency, recency=recency, T=pd.Series(T, index=list("abcdefghijkl")))
    assert str(caught.value) == (
        "recency's index does not match frequency's (labels 'l' of frequency are not in recency): Series are matched "
        "by their index labels, and 'k' repeats in recency, which no label matches to one row: if the rows are in the "
        "same order, pass arrays (frequency.to_numpy(), recency.to_numpy(), T.to_numpy()), else give each Series one "
        "row per label"
    )


def test_unique_labels_keep_the_reindex_advice_which_runs() -> None:
    frequency = pd.Series(FREQUENCY, index=list("abcdefghijkl"))
    recency = pd.Series(RECENCY, index=list("abcdefghijkm"))
    with pytest.raises(xr.NotANumberError, match=r"e\.g\. recency\.reindex\(frequency\.index\)"):
        bgnbd_fit(frequency=frequency, recency=recency, T=pd.Series(T, index=list("abcdefghijkl")))
    recency.reindex(frequency.index)  # runs (its 'l' is blank: the fit names that row)
