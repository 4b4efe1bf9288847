"""import --into a tracker whose monthly sheet the user renamed (NPS -> 'Survey', Revenue -> 'MRR')."""

from __future__ import annotations

import zipfile
from pathlib import Path

from xl_retention import cli
from xl_retention.workbook import build_template

SUBSCRIPTIONS = "customer_id,month,mrr\n" + "".join(f"{c},2026-{m:02d},10\n" for m in range(1, 7) for c in "ab")


def renamed(tmp_path: Path, old: bytes, new: bytes) -> Path:
    """A 3-month tracker with sheet ``old`` renamed ``new`` as Excel renames it: the tab and the names over it."""
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=3)
    tracker = tmp_path / "t.xlsx"
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(tracker, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/workbook.xml":
                data = data.replace(b'name="' + old + b'"', b'name="' + new + b'"')
                data = data.replace(b"'" + old + b"'!", b"'" + new + b"'!")
            out.writestr(info, data)
    return tracker


def refusal(tmp_path: Path, tracker: Path, capsys) -> str:
    csv = tmp_path / "s.csv"
    csv.write_text(SUBSCRIPTIONS)
    before = tracker.read_bytes()
    capsys.readouterr()
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(tracker)]) == 1
    assert tracker.read_bytes() == before
    return capsys.readouterr().err.strip()


def test_a_renamed_sheet_the_import_does_not_write_is_not_left_behind_by_the_months_added(tmp_path, capsys):
    """NPS renamed 'Survey': a subscriptions import adding 3 months grew every other monthly sheet to 6 months and
    left 'Survey' (and the names over it) at 3, exit 0, no word -> refused, naming the sheet and what to do."""
    err = refusal(tmp_path, renamed(tmp_path, b"NPS", b"Survey"), capsys)
    assert err == (
        "xl-retention: error: t.xlsx: the sheet 'Survey' ('NPS' renamed?) cannot take the months 2026-04 to 2026-06 "
        "the other monthly sheets get: rename it back to 'NPS' and import again"
    )


def test_a_renamed_sheet_the_data_goes_in_is_named(tmp_path, capsys):
    """Was "t.xlsx has no sheet 'Revenue' ...: put the sheet back (copy it from a new tracker ...)", with the sheet
    there under another name."""
    err = refusal(tmp_path, renamed(tmp_path, b"Revenue", b"MRR"), capsys)
    assert err == (
        "xl-retention: error: t.xlsx has no sheet 'Revenue' ('MRR' holds its months: the sheet renamed?), where the "
        "--subscriptions data goes: rename 'MRR' back to 'Revenue' and import again"
    )
