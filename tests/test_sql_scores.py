"""`xl-retention sql`'s NPS read every number as a score: -99 (Qualtrics' "seen but unanswered") counted as a
detractor, 11 as a promoter, 7.5 as a passive, where ``xl-retention import --nps`` reads -99 as no answer and refuses
the others. Now the SQL reads -99 as no answer (as NULL) and stops on any other score outside 0-10 or not whole,
naming it (DuckDB, PostgreSQL).
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from xl_retention import cli, tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

DATES = pd.to_datetime(["2024-01-05", "2024-01-06", "2024-01-07", "2024-02-03", "2024-02-04"])


def _sql(capsys, dialect: str = "duckdb") -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", "nps"]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _counts(frame: pd.DataFrame) -> list[list[int]]:
    return frame[["responses", "promoters", "passives", "detractors"]].astype(int).values.tolist()


def test_minus_99_is_no_answer_as_the_import_reads_it(capsys) -> None:
    answers = pd.DataFrame({"date": DATES, "score": [9.0, -99.0, 3.0, 10.0, -99.0]})
    db = duckdb.connect()
    db.register("answers", answers)
    got = db.sql(_sql(capsys)).df()
    assert _counts(got) == [[2, 1, 0, 1], [1, 1, 0, 0]]  # -99 was a detractor: [3, 1, 0, 2], [2, 1, 0, 1]
    imported = tables.nps_by_month(answers)  # the import's reading of the same answers
    assert _counts(imported) == _counts(got)


@pytest.mark.parametrize(("bad", "shown"), [(11.0, "11"), (7.5, "7.5"), (-1.0, "-1"), (-98.0, "-98")])
def test_another_score_outside_0_10_stops_the_query_naming_it(capsys, bad, shown) -> None:
    db = duckdb.connect()
    db.register("answers", pd.DataFrame({"date": DATES, "score": [9.0, -99.0, bad, 10.0, 4.0]}))
    with pytest.raises(duckdb.ConversionException, match=rf"'xl-retention: answers\.score is {shown}(\.0)? in a row "
                       r"\(outside 0-10 or not whole, where xl-retention import refuses it; NULL or -99 is no "
                       r"answer\): correct or remove it'"):  # fmt: skip
        db.sql(_sql(capsys)).df()


def test_postgresql_reads_minus_99_as_no_answer_and_stops_on_11(capsys) -> None:
    import psycopg
    from postgres_server import throwaway_server

    sql = _sql(capsys, "postgres")
    with throwaway_server("xl-retention-pg-h85-scores-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE answers (date timestamp, score float8)")
        for date, score in zip(DATES, [9.0, -99.0, 3.0, 10.0, -99.0], strict=True):
            con.execute("INSERT INTO answers VALUES (%s, %s)", (date.to_pydatetime(), score))
        rows = con.execute(sql).fetchall()
        assert [list(map(int, r[1:])) for r in rows] == [[2, 1, 0, 1], [1, 1, 0, 0]]
        con.execute("UPDATE answers SET score = 11 WHERE date = '2024-02-04'")
        with pytest.raises(psycopg.errors.InvalidTextRepresentation, match=r"answers\.score is 11 in a row"):
            con.execute(sql).fetchall()


def test_thirty_answers_none_above_7_stop_the_query_as_the_import_refuses_them(capsys) -> None:
    csat = [1.0, 2.0, 3.0, 4.0, 5.0] * 6  # a 1-5 satisfaction question's answers: every one a detractor as NPS
    dates = pd.to_datetime(["2024-01-05"] * 31)
    db = duckdb.connect()
    db.register("answers", pd.DataFrame({"date": dates[:30], "score": csat}))
    with pytest.raises(duckdb.ConversionException, match=r"'xl-retention: answers\.score has no answer above 5 in "
                       r"30: the answers of a 1-5 scale \(a satisfaction or effort question\), not of NPS's 0-10 'How "
                       r"likely are you to recommend \.\.\.\?' \(read as NPS, every answer would be a detractor\), "
                       r"where xl-retention import refuses them'"):  # fmt: skip
        db.sql(_sql(capsys)).df()
    with pytest.raises(ValueError, match=r"no answer above 5 in 30: the answers of a 1-5 scale"):
        tables.nps_by_month(pd.DataFrame({"date": dates[:30], "score": csat}))  # the import's reading
    db.register("answers", pd.DataFrame({"date": dates[:29], "score": csat[:29]}))  # 29: too few to tell, read
    assert _counts(db.sql(_sql(capsys)).df()) == [[29, 0, 0, 29]]
    db.register("answers", pd.DataFrame({"date": dates, "score": [*csat, 8.0]}))  # an 8: on NPS's scale
    assert _counts(db.sql(_sql(capsys)).df()) == [[31, 0, 1, 30]]


def test_postgresql_stops_on_another_scale(capsys) -> None:
    import psycopg
    from postgres_server import throwaway_server

    sql = _sql(capsys, "postgres")
    with throwaway_server("xl-retention-pg-h85-scale-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE answers (date timestamp, score float8)")
        for i in range(30):
            con.execute("INSERT INTO answers VALUES (%s, %s)", (DATES[0].to_pydatetime(), float(i % 5 + 1)))
        with pytest.raises(psycopg.errors.InvalidTextRepresentation, match=r"answers\.score has no answer above 5"):
            con.execute(sql).fetchall()
        con.execute("INSERT INTO answers VALUES (%s, 9)", (DATES[0].to_pydatetime(),))
        assert [list(map(int, r[1:])) for r in con.execute(sql).fetchall()] == [[31, 1, 0, 30]]
