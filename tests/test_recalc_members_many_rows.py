"""Writing a spill of 25,000 rows into a sheet whose rows exist (its time, linear since H176, is a benchmark's: a
model's column, =BGNBD_P_ALIVE(..,A2:A25001,..), stored through xlsx_members.write_members looked at every row
still wanted at each row tag, 25,000 x 25,000 / 2 comparisons, 15 s of a 2.5 s recalculation); the cells written are
unchanged: set in their rows in column order, new rows inserted in order."""

from __future__ import annotations

import re

from xl_retention.recalculation.xlsx_members import write_members

ROWS = 25_000


def _sheet(rows: int) -> bytes:
    body = b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="C%d"><v>1</v></c></row>' % (r, r, r, r) for r in range(2, rows + 2)
    )
    return b'<worksheet><dimension ref="A2:C%d"/><sheetData>%s</sheetData></worksheet>' % (rows + 1, body)


def test_a_long_spill_is_written_whole() -> None:
    xml = _sheet(ROWS)
    cells: dict[bytes, object] = {b"B%d" % r: r / 2 for r in range(3, ROWS + 2)}
    cells.update({b"B%d" % r: r for r in (ROWS + 3, ROWS + 5)})  # rows the sheet lacks, after its last
    data, written = write_members(xml, "S", cells)
    assert written == ROWS - 1 + 2
    assert b'<row r="3"><c r="A3"><v>3</v></c><c r="B3"><v>1.5</v></c><c r="C3"><v>1</v></c></row>' in data
    assert data.endswith(
        b'<row r="%d"><c r="B%d"><v>%d</v></c></row><row r="%d"><c r="B%d"><v>%d</v></c></row></sheetData></worksheet>'
        % (ROWS + 3, ROWS + 3, ROWS + 3, ROWS + 5, ROWS + 5, ROWS + 5)
    )
    assert re.search(rb'<dimension ref="A2:C%d"/>' % (ROWS + 5), data)
    assert data.count(b'<c r="B') == ROWS + 1
