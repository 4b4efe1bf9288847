"""H518's findings 01 and 02: `xl-retention sql --dialect mysql` run on MariaDB (MySQL's and MariaDB's default
collations, utf8mb4_general_ci, latin1_swedish_ci, ignore case; the first accents too).

01: the ids were compared under the table's collation: Müller (January, February) and Muller (March) were one
customer who stayed (March new 0, lost 0), where the import counts two (new 1, lost 1, churned MRR 100); ACME GmbH
and Acme GmbH passed as one, where the SQL's header promises a stop on ids differing only in capitals.
02: with --segment, a latin1 segment column stopped every query with ERROR 1253 (COLLATION 'utf8mb4_bin' is not
valid for CHARACTER SET 'latin1'). Now ids and segments are read as utf8mb4 text under utf8mb4_bin."""

from __future__ import annotations

import pytest

from xl_retention import cli

ROWS = [("Müller", "2026-01-01", 100), ("Müller", "2026-02-01", 100), ("Muller", "2026-03-01", 100)]
ROWS += [("Bob", f"2026-0{m}-01", 50) for m in (1, 2, 3)]


def _sql(capsys: pytest.CaptureFixture, *flags: str) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "mysql", *flags, "--table", "movements"]) == 0
    return capsys.readouterr().out


def _table(out: str) -> list[list[str]]:
    return [line.split("\t") for line in out.splitlines()[1:]]


def test_mysql_ids_compared_as_written_on_mariadb(capsys: pytest.CaptureFixture, tmp_path) -> None:
    from mariadb_server import throwaway_mariadb

    query, by_segment = _sql(capsys), _sql(capsys, "--segment")
    csv = tmp_path / "s.csv"
    csv.write_text("customer_id,month,mrr\n" + "".join(f"{c},{m[:7]},{v}\n" for c, m, v in ROWS), encoding="utf-8")
    assert cli.main(["import", "--subscriptions", str(csv), "--to-csv", str(tmp_path / "out")]) == 0
    imported = (tmp_path / "out" / "movements.csv").read_text().splitlines()
    assert imported[3].split(",")[:7] == ["2026-03", "2", "1", "0", "1", "1", "2"]  # two customers: new 1, lost 1
    rows = ", ".join(f"('{c}', '{m}', {v})" for c, m, v in ROWS)
    with throwaway_mariadb("xl-retention-mariadb-h518-") as run:
        run(f"CREATE TABLE subscriptions (customer_id varchar(40), month date, mrr decimal(12,2)); "
            f"INSERT INTO subscriptions VALUES {rows}")  # fmt: skip
        out, err = run(query)
        assert err == ""
        march = _table(out)[2]
        assert march[:7] == ["2026-03-01", "2", "1", "0", "1", "2", "150"]  # start 2, new 1, react 0, lost 1, end 2
        assert march[11:] == ["100", "150"]  # churned MRR: Müller's 100; MRR at end 150
        run(
            "DELETE FROM subscriptions; INSERT INTO subscriptions VALUES ('ACME GmbH', '2026-01-01', 100), "
            "('Acme GmbH', '2026-02-01', 100), ('Bob', '2026-01-01', 50), ('Bob', '2026-02-01', 50)"
        )
        out, err = run(query)
        assert out == "" and "ERROR 1242 (21000)" in err  # the stop on ids differing only in capitals
        run(
            "CREATE TABLE s2 (customer_id varchar(40), month date, mrr double, segment varchar(20)) "
            "CHARACTER SET latin1; INSERT INTO s2 VALUES ('Ann', '2026-01-01', 100, 'Pro'), "
            "('Ann', '2026-02-01', 100, 'Pro'), ('Bob', '2026-01-01', 50, 'Basic'), ('Bob', '2026-02-01', 60, 'Basic');"
            "DROP TABLE subscriptions; RENAME TABLE s2 TO subscriptions"
        )
        out, err = run(by_segment)
        assert err == ""
        assert sorted(row[:4] + row[-1:] for row in _table(out)) == [
            ["2026-01-01", "Basic", "0", "1", "50"],
            ["2026-01-01", "Pro", "0", "1", "100"],
            ["2026-02-01", "Basic", "1", "0", "60"],
            ["2026-02-01", "Pro", "1", "0", "100"],
        ]


def test_mssql_collates_ids_and_segments_as_text(capsys: pytest.CaptureFixture) -> None:
    """H524's findings 04, 10: SQL Server's COLLATE takes text only (Msg 447 for an INT customer_id): each id and
    segment is converted to NVARCHAR(4000) before its code-point collation, as MySQL's is cast to utf8mb4 text, in
    style 3 (a FLOAT's 17 digits, every value its own text; the default, 6 digits, made 1000001 and 1000002 one)."""
    import sqlglot
    from sqlglot import expressions as exp

    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "mssql", "--segment", "--table", "movements"]) == 0
    queries = [q for q in capsys.readouterr().out.split(";\n") if "SELECT" in q]
    collated = [c for q in queries for c in sqlglot.parse_one(q, read="tsql").find_all(exp.Collate)]
    assert {c.this.sql(dialect="tsql") for c in collated} == {  # style 3: a FLOAT id's 17 digits (H524's 10)
        "CONVERT(NVARCHAR(4000), [customer_id], 3)",
        "CONVERT(NVARCHAR(4000), [segment], 3)",
    }
    assert {c.expression.sql(dialect="tsql") for c in collated} == {"Latin1_General_100_BIN2_UTF8"}
