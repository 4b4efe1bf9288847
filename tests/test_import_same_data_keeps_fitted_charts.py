"""The same data imported again (without --recalc) keeps the Dashboard's charts that a recalculation fitted.

``import --into ... --recalc`` fits the template's charts to the months with figures (no program draws the months
without any as 0). The same import again without --recalc gave every chart back its full length (the 48 months of the
tracker, 2 with figures) and rewrote the file, though no cell changed and every stored result was kept (H194's
finding 01): the recalculation's work undone, and the README's "the same data imported again changes nothing" untrue
of the file. Now an import that changes no cell writes nothing and says so; one that changes a cell still gives the
charts their full length (the next recalculation fits them again).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from cli_process import run

S1 = "customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,100\nb,2026-02,50\n"
S2 = "customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,100\nc,2026-02,50\n"  # February: b left, c joined


def ranges(path: Path) -> dict[str, list[str]]:
    """Each chart part's data references (``<c:f>``, unprefixed as openpyxl writes it)."""
    with zipfile.ZipFile(path) as package:
        return {
            name: re.findall(r"<(?:c:)?f>([^<]*)</(?:c:)?f>", package.read(name).decode())
            for name in sorted(package.namelist())
            if re.fullmatch(r"xl/charts/chart\d+\.xml", name)
        }


def test_the_same_data_again_keeps_the_fitted_charts_and_writes_nothing(tmp_path):
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "12").returncode == 0
    (tmp_path / "s1.csv").write_text(S1)
    first = run("import", "--subscriptions", tmp_path / "s1.csv", "--into", book, "--recalc")
    assert first.returncode == 0, first.stderr
    fitted, before = ranges(book), book.read_bytes()
    # the customers chart reads February only (January has no CRR: nobody is a customer at its start), not 12 months
    customers = next(refs for refs in fitted.values() if "'Customers'!$H$3:$H$3" in refs)
    assert customers == ["'Customers'!$A$3:$A$3", "'Customers'!$H$3:$H$3"]
    again = run("import", "--subscriptions", tmp_path / "s1.csv", "--into", book)
    assert again.returncode == 0, again.stderr
    assert (
        "t.xlsx held every figure of this import already (the months its data covers (2026-01 to 2026-02) on "
        "Customers, Revenue, Cohorts): no cell changed, so the import did not write the file (its stored results and "
        "the Dashboard's charts fitted to them are kept)"
    ) in again.stdout.splitlines()
    assert not [line for line in again.stdout.splitlines() if line.startswith("import wrote")]  # H204's finding 02
    assert book.read_bytes() == before
    assert ranges(book) == fitted


def test_an_import_that_changes_a_cell_gives_the_charts_their_full_length(tmp_path):
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "12").returncode == 0
    (tmp_path / "s1.csv").write_text(S1)
    (tmp_path / "s2.csv").write_text(S2)
    assert run("import", "--subscriptions", tmp_path / "s1.csv", "--into", book, "--recalc").returncode == 0
    changed = run("import", "--subscriptions", tmp_path / "s2.csv", "--into", book, "--replace-typed")
    assert changed.returncode == 0, changed.stderr
    assert "no cell changed" not in changed.stdout
    customers = next(refs for refs in ranges(book).values() if "'Customers'!$H$2:$H$13" in refs)
    assert customers == ["'Customers'!$A$2:$A$13", "'Customers'!$H$2:$H$13"]  # every month: the results are cleared
