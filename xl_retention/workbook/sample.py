"""Seeded, realistic sample inputs for every tracking sheet (``xl-retention demo``)."""

from __future__ import annotations

from typing import Any

import numpy as np

# score weights 0..10: about 50% promoters, 30% passives, 20% detractors
_SCORE_WEIGHTS = np.array([1, 1, 1, 1, 2, 3, 11, 14, 16, 25, 25], dtype=float)


def sample_inputs(months: int = 24, seed: int = 7) -> dict[str, Any]:
    """Inputs for :func:`~xl_retention.workbook.build_template`: a SaaS business of about 500 customers.

    Consistent with itself: a month's gained customers are its new sign-ups and the customers its reactivation MRR
    brings back (reactivation MRR / ARPA, rounded); its cohort on **Cohorts** is the new sign-ups alone.
    """
    rng = np.random.default_rng(seed)
    start, mrr = 480, 48_000.00
    gained, ends, reactivated = [], [], []
    movements: dict[str, list[float]] = {k: [] for k in ("new", "expansion", "reactivation", "contraction", "churned")}
    for _ in range(months):
        new_customers = int(rng.binomial(start, rng.uniform(0.045, 0.075)))
        lost = int(rng.binomial(start, rng.uniform(0.025, 0.05)))
        end = start + new_customers - lost
        gained.append(new_customers)
        ends.append(end)
        arpa = mrr / start
        moves = {
            "new": new_customers * arpa * rng.uniform(0.8, 1.1),
            "expansion": mrr * rng.uniform(0.015, 0.04),
            "reactivation": mrr * rng.uniform(0.0, 0.006),
            "contraction": mrr * rng.uniform(0.005, 0.015),
            "churned": lost * arpa * rng.uniform(0.8, 1.2),
        }
        for key, value in moves.items():
            movements[key].append(round(float(value), 2))
        # the customers behind the reactivation MRR are among those gained (new + reactivated); no draw of its own
        reactivated.append(min(new_customers, round(movements["reactivation"][-1] / arpa)))
        mrr = round(
            mrr
            + sum(movements[k][-1] for k in ("new", "expansion", "reactivation"))
            - movements["contraction"][-1]
            - movements["churned"][-1],
            2,
        )
        start = end
    p = _SCORE_WEIGHTS / _SCORE_WEIGHTS.sum()
    scores = [rng.choice(11, size=int(rng.integers(40, 130)), p=p).tolist() for _ in range(months)]
    buyers = rng.integers(300, 420, months)
    visitors = rng.integers(8_000, 12_500, months)
    cohorts = []
    for i in range(months):
        size = gained[i]
        row, alive = [size], size
        for k in range(1, months - i):
            alive = int(rng.binomial(alive, 1 - 0.12 / (1 + 0.35 * k)))
            row.append(alive)
        # a cohort is the month's new sign-ups (gained less reactivated): the drawn curve scaled to its size, rounded
        # (monotone, so its survivors still only fall), the draws and every figure after them as before
        signed_up = size - reactivated[i]
        cohorts.append([round(n * signed_up / size) if size else 0 for n in row])
    returning = [int(rng.binomial(b, rng.uniform(0.25, 0.35))) for b in buyers]
    returning_visitors = [int(rng.binomial(v, rng.uniform(0.3, 0.4))) for v in visitors]
    # drawn last, so the figures above stay those of earlier versions: buyers with 2+ orders in the month
    repeat = [int(rng.binomial(b, rng.uniform(0.08, 0.14))) for b in buyers]
    return {
        "Customers": {"start": [480], "gained": gained, "end": ends},
        "Revenue": {"start": [48_000.00], **movements},
        "NPS scores": scores,
        "Purchases and visits": {
            "buyers": buyers.tolist(),
            "repeat": repeat,
            "returning": returning,
            "visitors": visitors.tolist(),
            "returning_visitors": returning_visitors,
        },
        "Lifetime value": {"arpa": 100.0, "gross_margin": 0.8, "discount_rate": 0.01},
        "Cohorts": cohorts,
    }
