"""The first template's Dashboard (8b3d91a7, 2026-11-22: tests/data/template_2026-11-22_8b3d91a7.xlsx; three charts
from A3, K3 and A21, nine rows down after ``upgrade``) gets the line under a chart's title that says which import fills
it, as this version's charts do (H391's dashboard_empty.py; H399's item 3). Its charts are not taken for the template's
by chart_ranges, so an import of subscriptions only left its NPS chart titled as if it held figures, resaved with
openpyxl (load_workbook + save, as a Python user does) or not."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli

pytestmark = [pytest.mark.filterwarnings("ignore::UserWarning")]

EARLY = Path(__file__).parent / "data" / "template_2026-11-22_8b3d91a7.xlsx"
SUBSCRIPTIONS = "customer_id,month,mrr\na,2026-01,10\na,2026-02,10\nb,2026-03,5\n"
ANSWERS = "date,score\n2026-01-10,10\n2026-01-12,6\n2026-02-03,9\n"


def _titles(path: Path) -> dict[str, list[str]]:
    """Chart part -> the lines of its own title (not its axes')."""
    out = {}
    with zipfile.ZipFile(path) as z:
        for name in sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)):
            title = re.search(rb"<(?:c:)?title>(.*?)</(?:c:)?title>", z.read(name), re.S).group(1).decode()
            out[name] = ["".join(re.findall(r"<a:t>([^<]*)</a:t>", p)) for p in re.findall(r"<a:p>.*?</a:p>", title)]
    return out


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[dict, dict]:
    """The first template's tracker resaved with openpyxl, subscriptions imported; and as saved, NPS answers imported:
    their charts' title lines."""
    folder = tmp_path_factory.mktemp("h399d")
    (folder / "subs.csv").write_text(SUBSCRIPTIONS)
    (folder / "answers.csv").write_text(ANSWERS)
    resaved, saved = folder / "resaved.xlsx", folder / "saved.xlsx"
    shutil.copy(EARLY, resaved)
    shutil.copy(EARLY, saved)
    wb = openpyxl.load_workbook(resaved)
    wb.save(resaved)
    assert cli.main(["import", "--subscriptions", str(folder / "subs.csv"), "--into", str(resaved)]) == 0
    assert cli.main(["import", "--nps", str(folder / "answers.csv"), "--into", str(saved)]) == 0
    return _titles(resaved), _titles(saved)


def test_a_subscriptions_import_marks_the_first_templates_nps_chart(imported) -> None:
    resaved, _ = imported
    assert list(resaved.values()) == [
        ["Customer retention (CRR); churn = 1 - CRR"],  # its churn line left out (H462)
        ["Net and gross revenue retention"],
        ["NPS with its 95% margin of error", "none yet: import --nps"],
    ]


def test_an_nps_import_marks_the_first_templates_subscription_charts(imported) -> None:
    _, saved = imported
    assert list(saved.values()) == [
        ["Customer retention (CRR); churn = 1 - CRR", "none yet: import --subscriptions"],
        ["Net and gross revenue retention", "none yet: import --subscriptions"],
        ["NPS with its 95% margin of error"],
    ]
