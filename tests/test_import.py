"""xl-retention import: raw exports into the tracking sheets, checked through the template's own formulas."""

import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from cli_process import run

import xl_retention as xr
from xl_retention import movements as mv
from xl_retention.workbook import build_template
from xl_retention.workbook.dashboard_empty import NOTES, noted

# Three customers over four months (hand-counted):
#   a: 100 -> 120 (expansion) -> 120 -> 90 (contraction)
#   b:  50 -> gone (churn)     ->  50 (reactivation) -> 50
#   c:   -  -> 80 (new)        ->  40 (contraction) -> gone (churn)
SUBSCRIPTIONS = """Customer,Month,MRR
a,2026-01,100
b,2026-01,50
a,2026-02,120
c,2026-02,80
a,2026-03,120
b,2026-03,50
c,2026-03,40
a,2026-04,90
b,2026-04,50
"""
ANSWERS = "date,score\n2026-01-05,10\n2026-01-09,6\n2026-02-01,9\n2026-04-03,8\n2026-04-20,3\n"
ORDERS = "customer_id,date,amount\nx,2026-01-03,10\nx,2026-02-03,12\ny,2026-02-10,5\nz,2026-04-01,7\ny,2026-04-09,8\n"
VISITS = "visitor_id,date\nv1,2026-01-01\nv2,2026-01-02\nv1,2026-02-01\nv3,2026-03-01\nv2,2026-04-01\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in (("subs.csv", SUBSCRIPTIONS), ("nps.csv", ANSWERS), ("orders.csv", ORDERS),
                       ("visits.csv", VISITS)):  # fmt: skip
        (tmp_path / name).write_text(text)
        out[name] = tmp_path / name
    return out


def values(path: Path, sheet: str, columns: str, rows: range) -> list[list]:
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    return [[ws[f"{c}{r}"].value for c in columns] for r in rows]


def test_import_fills_every_sheet_and_the_template_formulas_agree_with_the_api(files, tmp_path):
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    result = run("import", "--subscriptions", files["subs.csv"], "--orders", files["orders.csv"], "--nps",
                 files["nps.csv"], "--visits", files["visits.csv"], "--columns", "customer_id=Customer",
                 "--into", book, "--recalc")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"filled {book}, a tracker of 4 months from 2026-01"
    # Customers: start, gained, end, lost, CRR, churn; hand-counted
    assert values(book, "Customers", "BCDE", range(2, 6)) == [[0, 2, 2, 0], [2, 1, 2, 1], [2, 1, 3, 0], [3, 0, 2, 1]]
    customers = values(book, "Customers", "FG", range(3, 6))
    assert customers == [[0.5, 0.5], [1.0, 0.0], [2 / 3, 1 / 3]]
    assert values(book, "Customers", "F", range(2, 3)) == [[None]]  # nobody at the start of the first month: blank
    # Revenue: start, new, expansion, reactivation, contraction, churned, end
    assert values(book, "Revenue", "BCDEFGH", range(2, 6)) == [
        [0, 150, 0, 0, 0, 0, 150],
        [150, 80, 20, 0, 0, 50, 200],
        [200, 0, 0, 50, 40, 0, 210],
        [210, 0, 0, 0, 30, 40, 140],
    ]
    table = mv.subscription_tables(pd.read_csv(files["subs.csv"]), columns={"customer_id": "Customer"}).movements
    revenue = values(book, "Revenue", "KLMNO", range(3, 6))
    api = table[["net_revenue_churn", "gross_revenue_churn", "nrr", "grr", "quick_ratio"]].iloc[1:].to_numpy()
    assert revenue == api.tolist()
    crr = values(book, "Customers", "F", range(3, 6))
    assert [c[0] for c in crr] == table["crr"].iloc[1:].tolist()
    # NPS: the scores laid out per month, summarised by the sheet's formulas as by the API
    nps = values(book, "NPS", "BCDEFG", range(2, 6))
    api_nps = mv.nps_by_month(pd.read_csv(files["nps.csv"]))
    assert [row[4] for row in nps] == [xr.nps([10, 6]), xr.nps([9]), None, xr.nps([8, 3])]
    assert [row[4] for row in nps if row[4] is not None] == api_nps["nps"].dropna().tolist()
    # Purchases and visits: buyers, returning customers, repeat purchasers, returning customer rate, repeat
    # purchase rate; visitors, returning, rate (nobody orders twice in a month here: tests/test_import_into.py has that)
    assert values(book, "Purchases and visits", "BCDEFGHI", range(2, 6)) == [
        [1, 0, 0, 0.0, 0.0, 2, 0, 0.0],
        [2, 1, 0, 0.5, 0.0, 1, 1, 1.0],
        [0, 0, 0, None, None, 1, 0, 0.0],  # nobody bought in March: the rates are blank (no base)
        [2, 1, 0, 0.5, 0.0, 1, 1, 1.0],
    ]
    # Cohorts: survivors (active every month since signup), January (a, b) and February (c): b's return in
    # March does not count, and order cohorts never go into this triangle
    assert values(book, "Cohorts", "BCDE", range(4, 6)) == [[2, 1, 1, 1], [1, 1, 0, None]]


def test_import_refuses_months_before_the_workbooks_first_month_and_leaves_it_as_it_was(files, tmp_path):
    inputs = {"Lifetime value": {"arpa": 55.0, "gross_margin": 0.7}, "Purchases and visits": {"buyers": [None, 9]}}
    book = build_template(tmp_path / "t.xlsx", start="2026-03", months=3, inputs=inputs)
    before = book.read_bytes()
    result = run("import", "--subscriptions", files["subs.csv"], "--columns", "customer_id=Customer", "--into", book)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "xl-retention: error: subs.csv starts in 2026-01, before t.xlsx's first month 2026-03: import adds months "
        "only after a workbook's last month; make a tracker that starts there (xl-retention new NEW.xlsx --start "
        "2026-01 --months 4) and import into it"
    )
    assert book.read_bytes() == before


def test_to_csv_writes_the_tables(files, tmp_path):
    result = run("import", "--subscriptions", files["subs.csv"], "--nps", files["nps.csv"], "--columns",
                 "customer_id=Customer", "--to-csv", tmp_path / "tables")  # fmt: skip
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "tables").iterdir())  # and the list of them (workbook.csv_folder)
    assert names == [".xl-retention-tables.json", "customer_cohorts.csv", "movements.csv", "nps.csv",
                     "revenue_cohorts.csv", "survivors.csv"]  # fmt: skip
    movements = pd.read_csv(tmp_path / "tables" / "movements.csv")
    assert movements["customers_end"].tolist() == [2, 2, 3, 2]
    assert movements["lost"].tolist() == [0, 1, 0, 1]
    survivors = (tmp_path / "tables" / "survivors.csv").read_text().splitlines()
    assert all("." not in line for line in survivors[1:]), survivors  # customers are whole numbers, not 2.0


def test_intervals_are_imported_as_subscriptions(tmp_path):
    (tmp_path / "intervals.csv").write_text(
        "customer_id,start,end,mrr\na,2026-01-01,,100\nb,2026-01-15,2026-01-20,50\n"  # b joins and leaves in January
    )
    result = run("import", "--subscriptions", tmp_path / "intervals.csv", "--to-csv", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    movements = pd.read_csv(tmp_path / "out" / "movements.csv")
    assert movements[["month", "new", "lost", "customers_end"]].values.tolist() == [
        ["2026-01", 2, 0, 2],
        ["2026-02", 0, 1, 1],
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Customer,Month,MRR\na,2026-01,100\nb,2026-01,-5\n", "subs.csv, column 'MRR'"),
        ("Customer,Month,MRR\na,2026-01,100\na,2026-01,20\n", "subs.csv"),
        (
            "Customer,Month,MRR\na,soon,100\n",
            "subs.csv, column 'Month': dates that do not parse in row 2 (counting the header as row 1): 'soon'",
        ),
        ("Customer,Cost\na,100\n", "subs.csv: missing columns"),
    ],
)
def test_bad_data_is_one_line_and_nothing_is_written(tmp_path, text, message):
    (tmp_path / "subs.csv").write_text(text)
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=2)
    before = book.read_bytes()
    result = run("import", "--subscriptions", tmp_path / "subs.csv", "--columns", "customer_id=Customer", "--into",
                 book)  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith(f"xl-retention: error: {message}"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert book.read_bytes() == before


def test_missing_workbook_and_missing_inputs(files, tmp_path):
    result = run("import", "--nps", files["nps.csv"], "--into", tmp_path / "nope.xlsx")
    assert result.returncode == 1
    assert "no such workbook" in result.stderr and "xl-retention new" in result.stderr
    result = run("import", "--into", tmp_path / "nope.xlsx")
    assert result.returncode == 1
    assert (
        result.stderr.strip() == "xl-retention: error: give at least one of --subscriptions, --orders, --nps, --visits"
    )


def test_a_vba_project_survives_the_import(files, tmp_path):
    book = build_template(tmp_path / "t.xlsm", start="2026-01", months=4)
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(tmp_path / "with_vba.xlsm", "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("xl/vbaProject.bin", b"VBA" * 1000)
    with zipfile.ZipFile(tmp_path / "with_vba.xlsm") as package:
        before = {name: package.read(name) for name in package.namelist()}
    result = run("import", "--nps", files["nps.csv"], "--into", tmp_path / "with_vba.xlsm")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "with_vba.xlsm") as package:
        after = {name: package.read(name) for name in package.namelist()}
    assert after["xl/vbaProject.bin"] == b"VBA" * 1000
    assert b"macroEnabled.main+xml" in after["[Content_Types].xml"]
    # only the answers' sheet, the import's record (workbook.xml's hidden name _xlr_imported) and the five subscription
    # charts' line "none yet: import --subscriptions" under their titles (H391) change; every other part is kept byte
    # for byte
    changed = sorted(name for name in before if before[name] != after.get(name))
    charts = [f"xl/charts/chart{n}.xml" for n in range(1, 6)]
    assert changed == [*charts, "xl/workbook.xml", "xl/worksheets/sheet6.xml"]
    for chart in charts:
        assert noted(after[chart], None) == before[chart]
        assert noted(before[chart], NOTES["subscriptions"]) == after[chart]
    assert (
        re.sub(rb'<definedName name="_xlr_imported" hidden="1">[^<]*</definedName>', b"", after["xl/workbook.xml"])
        == (before["xl/workbook.xml"])
    )


def test_parquet_and_excel_inputs(tmp_path):
    frame = pd.read_csv(pd.io.common.StringIO(SUBSCRIPTIONS))
    frame.to_parquet(tmp_path / "subs.parquet")
    frame.to_excel(tmp_path / "subs.xlsx", sheet_name="Export", index=False)
    for path, extra in ((tmp_path / "subs.parquet", []), (tmp_path / "subs.xlsx", ["--sheet", "Export"])):
        out = tmp_path / path.suffix.strip(".")
        result = run("import", "--subscriptions", path, *extra, "--columns", "customer_id=Customer", "--to-csv", out)
        assert result.returncode == 0, result.stderr
        assert pd.read_csv(out / "movements.csv")["customers_end"].tolist() == [2, 2, 3, 2]
