"""A chart of the user's drawing a series a month column (or a cohort row) of a Cohorts table got no series for the
months (cohorts) an import added (28edc119 widened each series over the new cohorts and said "Month 3 to Month 5 have
none (add them)"): a 3-month tracker grown to 6 months drew Month 0 to Month 2 of six cohorts, silently short of
three months. Now a series is added for each month (cohort) added, made like the chart's last one, its name read from
the new column's header (the new row's label), its colour the chart's own (not the last series' red).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from added_months import import_into
from openpyxl.chart import LineChart, Reference


def _edit(book: Any) -> None:
    cohorts, mine = book["Cohorts"], book["Mine"]
    months = LineChart()  # a series a month column, named by its header (Cohorts!B3 'Month 0'), over the cohorts
    months.title = "Months"
    months.add_data(Reference(cohorts, min_col=2, min_row=3, max_col=4, max_row=6), titles_from_data=True)
    months.set_categories(Reference(cohorts, min_col=1, min_row=4, max_row=6))
    months.series[-1].graphicalProperties.line.solidFill = "FF0000"  # Month 2 in red: the added ones are not red
    mine.add_chart(months, "A1")
    rows = LineChart()  # a series a cohort row, named by its label in A
    rows.title = "Cohorts"
    rows.add_data(Reference(cohorts, min_col=1, min_row=4, max_col=4, max_row=6), titles_from_data=True,
                  from_rows=True)  # fmt: skip
    mine.add_chart(rows, "A20")
    one = LineChart()  # Month 2 alone: widened to the cohorts added, no series added
    one.title = "Month 2"
    one.add_data(Reference(cohorts, min_col=4, min_row=4, max_row=6))
    mine.add_chart(one, "A40")


def _series(chart: str) -> list[tuple[str, str, str, str, bool]]:
    """Each series of ``chart``: (idx, order, its name's reference, its values' reference, whether it has a fill)."""
    out = []
    for ser in re.findall(r"<ser>.*?</ser>", chart):
        idx, order = re.findall(r'<(?:idx|order) val="(\d+)"', ser)[:2]
        name = re.search(r"<tx>.*?<f>([^<]*)</f>", ser)
        values = re.search(r"<val>.*?<f>([^<]*)</f>", ser).group(1)
        out.append((idx, order, name.group(1) if name else "", values, "FF0000" in ser))
    return out


def test_a_series_a_month_or_a_cohort_gets_the_months_and_cohorts_added(tmp_path: Path) -> None:
    result = import_into(tmp_path, {}, _edit)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "t.xlsx") as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    months = next(c for c in charts if "<a:t>Months</a:t>" in c)
    assert _series(months) == [
        ("0", "0", "'Cohorts'!B3", "'Cohorts'!$B$4:$B$9", False),
        ("1", "1", "'Cohorts'!C3", "'Cohorts'!$C$4:$C$9", False),
        ("2", "2", "'Cohorts'!D3", "'Cohorts'!$D$4:$D$9", True),
        ("3", "3", "'Cohorts'!E3", "'Cohorts'!$E$4:$E$9", False),  # Month 3
        ("4", "4", "'Cohorts'!F3", "'Cohorts'!$F$4:$F$9", False),
        ("5", "5", "'Cohorts'!G3", "'Cohorts'!$G$4:$G$9", False),  # Month 5
    ]
    assert months.count("<cat>") == 6 and months.count("'Cohorts'!$A$4:$A$9") == 6  # every cohort's label
    cohorts = next(c for c in charts if "<a:t>Cohorts</a:t>" in c)
    expected = [
        (str(i), str(i), f"'Cohorts'!A{r}", f"'Cohorts'!$B${r}:$G${r}", False) for i, r in enumerate(range(4, 10))
    ]
    assert _series(cohorts) == expected  # rows 7 to 9: the cohorts added
    month_2 = next(c for c in charts if "<a:t>Month 2</a:t>" in c)
    assert _series(month_2) == [("0", "0", "", "'Cohorts'!$D$4:$D$9", False)]
    lines = [line for line in result.stdout.splitlines() if line.startswith("3 chart(s)")]
    assert lines == [
        "3 chart(s), conditional format(s), validation(s) or table(s) of yours over the months now take in the months "
        "added: chart 'Months' on 'Mine': 'Cohorts'!$A$4:$A$6 -> 'Cohorts'!$A$4:$A$9, 'Cohorts'!$B$4:$B$6 -> "
        "'Cohorts'!$B$4:$B$9, 'Cohorts'!$C$4:$C$6 -> 'Cohorts'!$C$4:$C$9, 'Cohorts'!$D$4:$D$6 -> 'Cohorts'!$D$4:$D$9, "
        "a series a month up to Month 2: "
        "Month 3 to Month 5 added as series of their own; chart 'Cohorts' on 'Mine': 'Cohorts'!$B$4:$D$4 -> "
        "'Cohorts'!$B$4:$G$4, 'Cohorts'!$B$5:$D$5 -> 'Cohorts'!$B$5:$G$5, 'Cohorts'!$B$6:$D$6 -> "
        "'Cohorts'!$B$6:$G$6, a series a cohort up to the one in row 6: the cohorts added, rows 7 to 9, added as "
        "series of their own; chart 'Month 2' on 'Mine': 'Cohorts'!$D$4:$D$6 -> 'Cohorts'!$D$4:$D$9 (a range that "
        "ended at the last month; change it back where it was meant for those months only)"
    ]
