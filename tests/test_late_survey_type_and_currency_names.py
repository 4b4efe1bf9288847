"""A Stripe Sigma file's plan_amount beside 'plan_currency'/'ccy' usd is read in cents (H234 finding 05), and a
Delighted CSAT survey ('Survey Type' csat on every row) given as NPS answers is refused (H234 finding 04)."""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention.reading.errors import DataError
from xl_retention.reading.smallest_units import minor_unit_divisors
from xl_retention.reading.survey_questions import check_questions


@pytest.mark.parametrize("name", ["plan_currency", "ccy", "cur", "price_currency"])
def test_stripe_whole_amounts_beside_a_currency_column_of_another_name_are_cents(name: str) -> None:
    df = pd.DataFrame({
        "id": ["sub_1", "sub_2"], "customer_id": ["cus_A", "cus_B"], "plan_amount": ["2900", "29000"],
        name: ["usd", "usd"], "current_period_start": ["2026-06-03", "2026-06-10"],
    })  # fmt: skip
    divisors = minor_unit_divisors(df, df["customer_id"], "plan_amount", "subs.csv")
    assert divisors is not None
    assert (pd.to_numeric(df["plan_amount"]) / divisors).tolist() == [29.0, 290.0]


@pytest.mark.parametrize("value", ["csat", "CSAT", "csat5", "ces", "5-star", "thumbs"])
def test_one_survey_type_naming_another_metric_is_refused(value: str) -> None:
    df = pd.DataFrame({"Created At": ["2026-10-01", "2026-10-02"], "Score": ["4", "5"], "Survey Type": [value] * 2})
    with pytest.raises(DataError, match=rf"column 'Survey Type': every answer is of '{value}', another survey"):
        check_questions(df, {"Created At", "Score"}, "delighted.csv", None)


def test_one_survey_type_nps_is_read() -> None:
    df = pd.DataFrame({"Created At": ["2026-10-01", "2026-10-02"], "Score": ["9", "10"], "Survey Type": ["nps"] * 2})
    check_questions(df, {"Created At", "Score"}, "delighted.csv", None)
