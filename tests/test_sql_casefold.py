"""`xl-retention sql`: ids and segment values typed two ways were told apart by the database's ``LOWER``, not by the
import's folding (Python's ``casefold``, :func:`xl_retention.reading.lookalike_ids.folded`).

* PostgreSQL's ``LOWER`` under ``COLLATE "C"`` (which the SQL gives the segment, to order segments by code point)
  and in a database of the C locale lowers A-Z only: the segments ``Österreich`` and ``österreich``, the customers
  ``MÜLLER GMBH`` and ``Müller GmbH`` were two each, silently (two segments; a phantom loss and a new customer);
* no database's ``LOWER`` folds ``ß`` to ``ss`` or a PDF's ligature ``ﬁ`` to ``fi``: ``Straße GmbH`` and
  ``STRASSE GMBH`` were two customers on DuckDB too;

where ``xl-retention import`` refuses each pair. The SQL now folds as ``casefold`` does, on every engine.
"""

from __future__ import annotations

import sys

import duckdb
import ibis
import pandas as pd
import pytest
from import_cli import refusal

from xl_retention import cli
from xl_retention.relational.sql_folding import SEVERAL, casefolded

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TWICE = "customer_id values that differ only in capitals, spaces, apostrophes or hyphens"


def _sql(capsys, dialect: str, *more: str) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", "movements", *more]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _rows(jan: str, feb: str, other: str = "b") -> list[tuple]:
    return [(jan, "2026-01-01", 100.0), (feb, "2026-02-01", 100.0), (other, "2026-01-01", 50.0),
            (other, "2026-02-01", 50.0)]  # fmt: skip


def _duckdb(capsys, rows: list[tuple]) -> tuple:
    db = duckdb.connect()
    db.execute("CREATE TABLE subscriptions (customer_id VARCHAR, month DATE, mrr DOUBLE)")
    db.executemany("INSERT INTO subscriptions VALUES (?, ?, ?)", rows)
    return db.sql(f"SELECT customers_end, new, lost FROM ({_sql(capsys, 'duckdb')}) ORDER BY month").fetchall()[1]


@pytest.mark.parametrize("pair", [("Straße GmbH", "STRASSE GMBH"), ("\ufb01nanz AG", "Finanz AG")])
def test_ids_the_import_folds_alike_stop_the_query(tmp_path, capsys, pair: tuple[str, str]) -> None:
    (tmp_path / "s.csv").write_text("customer_id,month,mrr\n" + "".join(f"{c},{m[:7]},{v}\n" for c, m, v in
                                                                       _rows(*pair)), encoding="utf-8")  # fmt: skip
    assert f"customer ids that differ only in capitals, spaces, apostrophes or hyphens ('{pair[0]}' and " in (
        refusal(capsys, "--subscriptions", str(tmp_path / "s.csv"), "--to-csv", str(tmp_path / "out"))
    )
    with pytest.raises(duckdb.ConversionException, match=f"{TWICE} \\('{pair[1]}' and '{pair[0]}'"):
        _duckdb(capsys, _rows(*pair))


def test_ids_the_import_tells_apart_stay_apart(capsys) -> None:
    assert _duckdb(capsys, _rows("Müller GmbH", "Mueller GmbH")) == (2, 1, 1)
    assert _duckdb(capsys, _rows("山田", "山田")) == (2, 0, 0)


def test_every_character_folds_as_python_folds_it() -> None:
    """Each character case folding changes (to one character, or of :data:`SEVERAL`: ``ß``) and its upper case fold
    as its ``casefold()`` does, on DuckDB."""
    chars = [chr(c) for c in range(0x41, sys.maxunicode + 1) if chr(c).casefold() != chr(c)
             and (len(chr(c).casefold()) == 1 or chr(c) in SEVERAL)]  # fmt: skip
    frame = pd.DataFrame({"a": chars, "b": [c.casefold() for c in chars], "u": [c.upper() for c in chars]})
    t = ibis.table({"a": "string", "b": "string", "u": "string"}, name="t")
    query = t.select(t.a, fa=casefolded(t.a), fb=casefolded(t.b), fu=casefolded(t.u))
    db = duckdb.connect()
    db.register("t", frame)
    got = db.sql(str(ibis.to_sql(query, dialect="duckdb"))).df()
    assert len(got) == 1437
    assert got[got.fa != got.fb].a.tolist() == []
    assert got[got.fa != got.fu].a.tolist() == []


def test_postgresql_of_the_c_locale_folds_ids_and_segments(capsys) -> None:
    import psycopg
    from postgres_server import throwaway_server

    ids = f"SELECT customers_end, new, lost FROM ({_sql(capsys, 'postgres')}) t ORDER BY month"
    segments = _sql(capsys, "postgres", "--segment", "region")
    with (
        throwaway_server("xl-retention-pg-h104-fold-", ("--locale=C", "--encoding=UTF8")) as url,
        psycopg.connect(url, autocommit=True) as con,
    ):
        con.execute("CREATE TABLE subscriptions (customer_id text, month date, mrr float8, region text)")
        for pair in [("MÜLLER GMBH", "Müller GmbH"), ("STRASSE GMBH", "Straße GmbH")]:
            con.execute("DELETE FROM subscriptions")
            with con.cursor() as cur:
                cur.executemany("INSERT INTO subscriptions VALUES (%s, %s, %s, 'EU')", _rows(*pair))
            with pytest.raises(psycopg.errors.InvalidTextRepresentation, match=f"{TWICE} \\('{pair[0]}' and"):
                con.execute(ids).fetchall()
        con.execute("DELETE FROM subscriptions")
        with con.cursor() as cur:
            cur.executemany("INSERT INTO subscriptions VALUES (%s, %s, %s, 'EU')", _rows("Müller GmbH", "Mueller GmbH"))
        assert con.execute(ids).fetchall() == [(2, 2, 0), (2, 1, 1)]
        con.execute(
            "UPDATE subscriptions SET region = CASE customer_id WHEN 'b' THEN 'Österreich' ELSE 'österreich' END"
        )
        with pytest.raises(psycopg.errors.InvalidTextRepresentation, match="segment values that differ only in "
                           "capitals, spaces, apostrophes or hyphens \\('Österreich' and 'österreich'"):  # fmt: skip
            con.execute(segments).fetchall()
