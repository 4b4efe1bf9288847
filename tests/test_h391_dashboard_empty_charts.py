"""H391: a shop-only (or NPS-only) tracker's Dashboard showed six (five) empty charts of subscriptions and NPS, titled
as if they held figures, with no word of why (H382's and H384's findings). After an import, each template chart
whose kind of input the tracker has none of says so on a second line under its title, naming the import that fills
it; a later import of that data takes the line away; the first line (what recalc and import recognise the template's
charts by) and the series are unchanged."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.chart_ranges import chart_title

pytestmark = [pytest.mark.filterwarnings("ignore::UserWarning")]

ORDERS = "customer_id,date\na,2026-01-05\nb,2026-01-20\na,2026-02-03\nc,2026-02-11\nb,2026-03-02\n"
SUBSCRIPTIONS = "customer_id,start,end,amount,interval\nA,2026-01-05,,100,month\nB,2026-01-06,2026-02-20,50,month\n"
SUBSCRIPTION_CHARTS = (
    "Customers at end of month",
    "MRR movements by month",
    "Customer retention (CRR)",
    "Net and gross revenue retention",
    "MRR at end of month",
)
NPS_CHART = "NPS with its 95% margin of error"


def _charts(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Title (first line) -> the title's lines and the chart's data references, of every chart of the workbook."""
    out = {}
    with zipfile.ZipFile(path) as z:
        for name in sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)):
            xml = z.read(name)
            title = re.search(rb"<(?:c:)?title>(.*?)</(?:c:)?title>", xml, re.S).group(1).decode()
            lines = ["".join(re.findall(r"<a:t>([^<]*)</a:t>", p)) for p in re.findall(r"<a:p>.*?</a:p>", title)]
            refs = re.findall(r"<(?:c:)?f>([^<]*)</(?:c:)?f>", xml.decode())
            out[chart_title(xml)] = (lines, refs)
    return out


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict]:
    """A tracker of Jan-Mar 2026 (its charts before), then filled with orders only (its charts after)."""
    folder = tmp_path_factory.mktemp("h391")
    path = build_template(folder / "shop.xlsx", start="2026-01", months=3)
    before = _charts(path)
    (folder / "orders.csv").write_text(ORDERS)
    assert cli.main(["import", "--orders", str(folder / "orders.csv"), "--into", str(path)]) == 0
    return path, before, _charts(path)


def test_a_shop_only_trackers_empty_charts_say_which_import_fills_them(shop) -> None:
    _, before, after = shop
    assert list(after) == [*SUBSCRIPTION_CHARTS, NPS_CHART]  # six charts, the template's, in its order
    for title in SUBSCRIPTION_CHARTS:
        assert after[title][0] == [title, "none yet: import --subscriptions"]
    assert after[NPS_CHART][0] == [NPS_CHART, "none yet: import --nps"]
    for title, (lines, refs) in before.items():  # the template's: one line; the series as they were
        assert lines == [title]
        assert after[title][1] == refs
    assert after["Customers at end of month"][1] == ["'Customers'!$A$2:$A$4", "'Customers'!$H$2:$H$4"]


def test_a_later_subscriptions_import_takes_the_line_away(shop, tmp_path: Path) -> None:
    path, before, _ = shop
    copy = shutil.copy(path, tmp_path / "both.xlsx")
    (tmp_path / "mrr.csv").write_text(SUBSCRIPTIONS)
    assert cli.main(["import", "--subscriptions", str(tmp_path / "mrr.csv"), "--into", str(copy)]) == 0
    after = _charts(Path(copy))
    assert list(after) == [*SUBSCRIPTION_CHARTS, NPS_CHART]
    for title in SUBSCRIPTION_CHARTS:  # filled: the template's title again, its series as before
        assert after[title] == before[title]
    assert after[NPS_CHART][0] == [NPS_CHART, "none yet: import --nps"]  # still no answers


def test_a_users_own_title_line_is_kept() -> None:
    from xl_retention.workbook.dashboard_empty import NOTES, noted

    xml = (
        b"<c:chartSpace><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>MRR at end of month</a:t></a:r>"
        b"</a:p><a:p><a:r><a:t>mine</a:t></a:r></a:p></c:rich></c:tx></c:title></c:chart></c:chartSpace>"
    )
    marked = noted(xml, NOTES["subscriptions"])
    assert chart_title(marked) == "MRR at end of month"
    assert re.findall(rb"<a:t>([^<]*)</a:t>", marked) == [b"MRR at end of month", NOTES["subscriptions"].encode(),
                                                          b"mine"]  # fmt: skip
    assert noted(marked, None) == xml
