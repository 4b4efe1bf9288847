"""An analytics report already aggregated (one row per date with a count), exported in another language or under a
name that is no id's ('Aktive Nutzer', 'Utilisateurs', 'Usuarios', 'Sessões', 'ユーザー', 'Visitors', 'Users'), mapped
as visitor ids: each count would be one visitor, so it is refused (H14 finding 15); a visits log of numeric ids under
an id's name, or with days of several visits, is read."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
DATES = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-02-01", "2024-02-02"]
COUNTS = [120, 135, 120, 98, 135]


def _report(tmp_path, name: str, dates: list[str] = DATES, values: list[int] = COUNTS):
    path = tmp_path / "report.csv"
    pd.DataFrame({"Datum": dates, name: values}).to_csv(path, index=False)
    return path


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    "name",
    ["Aktive Nutzer", "Nutzer", "Besucher", "Sitzungen", "Utilisateurs", "Utilisateurs actifs", "Usuarios", "Sessões",
     "ユーザー", "アクティブ ユーザー", "活跃用户", "Пользователи", "Users", "Visitors", "Kävijät"],
)  # fmt: skip
def test_a_report_of_counts_per_date_is_refused_whatever_its_language(tmp_path, capsys, backend, name) -> None:
    path = _report(tmp_path, name)
    message = refusal(capsys, "--visits", str(path), "--columns", f"visitor_id={name},date=Datum", "--backend",
                      backend, "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith(
        f"report.csv, column {name!r}: numbers of {name.lower()} per date (one row per date, '120' on '2024-01-01'), "
        "a report's counts, not one row per visit (visitor id and date)"
    )


def test_counts_that_do_not_repeat_name_the_way_out(tmp_path, capsys) -> None:
    path = _report(tmp_path, "Kävijät", values=[120, 135, 121, 98, 136])
    message = refusal(capsys, "--visits", str(path), "--columns", "visitor_id=Kävijät,date=Datum", "--to-csv",
                      str(tmp_path / "out"))  # fmt: skip
    assert message.endswith("; if they are ids, give the column a name of ids in a copy ('Visitor ID')")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("name", ["Visitor ID", "user_id", "Kundennummer", "clientId"])
def test_numeric_ids_one_a_date_under_an_id_name_are_visitors(tmp_path, backend, name) -> None:
    path = _report(tmp_path, name)
    out = run(tmp_path, "--visits", path, "--columns", f"visitor_id={name},date=Datum", backend=backend)
    visits = pd.read_csv(out / "visits.csv")
    assert visits[["month", "visitors", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 2, 1]]


@pytest.mark.parametrize("name", ["Nutzer", "Usuarios", "Visitors"])
def test_a_log_with_days_of_several_visits_is_visitors(tmp_path, name) -> None:
    dates = ["2024-01-01", "2024-01-01", "2024-01-02", "2024-02-01", "2024-02-01"]
    path = _report(tmp_path, name, dates, [7, 8, 7, 8, 9])
    visits = pd.read_csv(run(tmp_path, "--visits", path, "--columns", f"visitor_id={name},date=Datum") / "visits.csv")
    assert visits[["month", "visitors", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 2, 1]]


def test_a_daily_orders_report_in_german_is_refused(tmp_path, capsys) -> None:
    path = _report(tmp_path, "Bestellungen")
    message = refusal(capsys, "--orders", str(path), "--columns", "customer_id=Bestellungen,date=Datum", "--to-csv",
                      str(tmp_path / "out"))  # fmt: skip
    assert message.startswith("report.csv, column 'Bestellungen': numbers of bestellungen per date")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_parquet_report_names_its_first_count_as_written(tmp_path, capsys, backend) -> None:
    path = tmp_path / "report.parquet"
    pd.DataFrame({"Datum": DATES, "Nutzer": COUNTS}).to_parquet(path)  # typed integers, not text
    message = refusal(capsys, "--visits", str(path), "--columns", "visitor_id=Nutzer,date=Datum", "--backend",
                      backend, "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith(
        "report.parquet, column 'Nutzer': numbers of nutzer per date (one row per date, '120' on '2024-01-01'), "
    )


@pytest.mark.parametrize("name", ["Nutzer", "Active users", "ユーザー"])
def test_a_report_in_a_database_table_is_refused(name) -> None:
    # a typed table (DuckDB here; PostgreSQL, Spark alike): one row per date, its rows read as a file's would be
    import ibis

    from xl_retention import relational as R
    from xl_retention.reading import DataError

    con = ibis.duckdb.connect()
    frame = pd.DataFrame({"Datum": pd.to_datetime(DATES), name: COUNTS})
    con.create_table("report", frame)
    with pytest.raises(DataError, match=f"column {name!r}: numbers of .* per date \\(one row per date, '120' on"):
        R.returning_visitors(con.table("report"), columns={"visitor_id": name, "date": "Datum"}, backend=con)


def test_a_log_in_a_database_table_is_read() -> None:
    import ibis

    from xl_retention import relational as R

    con = ibis.duckdb.connect()
    dates = ["2024-01-01", "2024-01-01", "2024-01-02", "2024-02-01", "2024-02-01"]
    con.create_table("log", pd.DataFrame({"Datum": pd.to_datetime(dates), "Nutzer": [7, 8, 7, 8, 9]}))
    got = R.returning_visitors(con.table("log"), columns={"visitor_id": "Nutzer", "date": "Datum"}, backend=con)
    assert got[["visitors", "returning"]].values.tolist() == [[2, 0], [2, 1]]
