"""Gamma-Gamma on the CDNOW sample: Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value", p 6.25,
q 3.74, v 15.44 from the 946 customers with a repeat purchase in the 39 weeks to 1997-09-30.

The spend of each repeat purchase (purchases on one day summed, the first excluded) is taken at full precision from
lifetimes' CDNOW_sample.txt, as tests/test_models_paretonbd.py takes the weeks; lifetimes' rounded summary (zbar to
cents) gives v 15.4477, which rounds to 15.45.
"""

import os

import pytest

import xl_retention as xr


def cdnow_repeat_spend():
    lifetimes = pytest.importorskip("lifetimes", reason="lifetimes (with the CDNOW sample) is not installed")
    import pandas as pd

    path = os.path.join(os.path.dirname(lifetimes.__file__), "datasets", "CDNOW_sample.txt")
    orders = pd.read_csv(path, sep=r"\s+", header=None, names=["master", "id", "date", "quantity", "amount"])
    orders["date"] = pd.to_datetime(orders["date"].astype(str), format="%Y%m%d")
    orders = orders[orders["date"] <= pd.Timestamp("1997-09-30")]
    days = orders.groupby(["id", "date"])["amount"].sum().reset_index()
    repeat = days[days["date"] > days.groupby("id")["date"].transform("min")]
    spend = repeat.groupby("id")["amount"].agg(["count", "mean"])
    return spend["count"], spend["mean"]


def test_gammagamma_reproduces_the_cdnow_estimates():
    frequency, mean = cdnow_repeat_spend()
    assert frequency.size == 946
    fit = xr.gammagamma_fit(frequency, mean)
    assert [round(v, 2) for v in fit[:3]] == [6.25, 3.74, 15.44]
    assert fit.log_likelihood == pytest.approx(-4055.9177, abs=1e-4)  # ours, for a change to show
