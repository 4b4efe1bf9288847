"""H524's finding 08: a kept value (GET_MRR, which the engine lacks) was listed as calling TODAY() where "TODAY()"
is only words in a text: =GET_MRR("see TODAY() later"), or a name Lbl = "see TODAY() later" given to it; status
incomplete, the stored value not written, the reason "it calls TODAY() ..." untrue (nothing calls TODAY, no input
changed). The volatile call is looked for outside text literals."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from test_h516_kept_stale_through_names import _build

from xl_retention import cli


@pytest.mark.parametrize(
    ("kept", "name"),
    [('GET_MRR("see TODAY() later")', None), ("GET_MRR(Lbl)", '"see TODAY() later"'), ("GET_MRR(Lbl)", "TODAY()")],
)
def test_today_in_a_text_is_no_call(tmp_path: Path, capsys: pytest.CaptureFixture, kept: str, name: str) -> None:
    book = tmp_path / "b.xlsx"
    _build(book, kept, "SUM(B1:B8)", 162)  # D1 stored 162, its value now: no input changed since Excel saved
    if name is not None:
        with zipfile.ZipFile(book) as z:
            parts = {i.filename: z.read(i) for i in z.infolist()}
        defined = f'<definedName name="Lbl">{name.replace(chr(34), "&quot;")}</definedName></definedNames>'
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].decode().replace("</definedNames>", defined).encode()
        with zipfile.ZipFile(book, "w") as out:
            for part, data in parts.items():
                out.writestr(part, data)
    cli.main(["recalc", str(book), "--engine", "embedded", "--output-dir", str(tmp_path / "out"), "--json"])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    (listed,) = report["unsupported"]
    written = openpyxl.load_workbook(tmp_path / "out" / "b.xlsx", data_only=True)["S"]["C1"].value
    if name == "TODAY()":  # a real call through the name: stale, as dfd4f933 made it
        assert (report["status"], listed["kept"], written) == ("incomplete", False, None)
        assert (
            "it calls TODAY() through the name Lbl, whose value has changed since Excel stored this one"
            in (listed["reason"])
        )
    else:
        assert (report["status"], listed["kept"], written) == ("ok", True, 26)
