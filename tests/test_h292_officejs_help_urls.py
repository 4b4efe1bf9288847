"""H292: the Office.js custom functions (xlwings Lite, xlwings Server) carry a help link, ``helpUrl``: each formula's
section of the formula reference (``docs/functions.md``, ``## CRR``) on the address the package's metadata names
(``[project.urls]``: Documentation, else Repository). They had none. Without an address in the metadata, none is made
up (as before); classic xlwings has no help link and gets none.

The package's metadata is what pip writes for it (a ``.dist-info`` folder); each case runs in a new interpreter with
such a folder first on ``sys.path``, naming the URLs of the case, and asks xlwings' own ``custom_functions_meta``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from classic_xlwings import PRELUDE

from xl_retention.help_urls import anchor
from xl_retention.registry import FUNCTIONS

ROOT = Path(__file__).resolve().parents[1]

META = r"""
import json, os
os.environ["XLWINGS_ON_SERVER"] = "true"
os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"
from xlwings.server import custom_functions_meta
import xl_retention.udfs as udfs
print(json.dumps({f["id"]: f.get("helpUrl") for f in custom_functions_meta(udfs)["functions"]}))
"""

CLASSIC = (
    PRELUDE
    + r"""
print(json.dumps({name: getattr(module, name).__xlfunc__.get("help_url") for name in module.__all__}))
"""
)


def _run(tmp_path: Path, urls: list[str], script: str) -> dict[str, str | None]:
    info = tmp_path / "xl_retention-0.1.0.dist-info"
    info.mkdir()
    lines = ["Metadata-Version: 2.1", "Name: xl-retention", "Version: 0.1.0", *(f"Project-URL: {u}" for u in urls)]
    (info / "METADATA").write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]), PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_each_function_links_its_section_of_the_reference_on_the_repository(tmp_path: Path) -> None:
    links = _run(tmp_path, ["Repository, https://github.com/acme/xl-retention", "Changelog, https://x.example"], META)
    assert set(links) == {f.name for f in FUNCTIONS}
    page = "https://github.com/acme/xl-retention/blob/HEAD/docs/functions.md"
    assert links["CRR"] == f"{page}#crr"
    assert links["SBG_FIT_SE"] == f"{page}#sbg_fit_se"
    assert links == {f.name: f"{page}#{f.name.lower()}" for f in FUNCTIONS}
    # every link's fragment is a heading of docs/functions.md, as GitHub names it: one section per function
    headings = re.findall(r"^## (.+)$", (ROOT / "docs" / "functions.md").read_text(encoding="utf-8"), re.M)
    fragments = {anchor(h) for h in headings}
    assert {link.rpartition("#")[2] for link in links.values()} <= fragments


def test_published_documentation_comes_before_the_repository(tmp_path: Path) -> None:
    urls = ["Repository, https://github.com/acme/xl-retention", "Documentation, https://acme.example/xl/docs/"]
    links = _run(tmp_path, urls, META)
    assert links["NPS_MOE"] == "https://acme.example/xl/docs/functions.md#nps_moe"
    assert len(set(links.values())) == len(FUNCTIONS)


def test_no_address_no_link_made_up(tmp_path: Path) -> None:
    links = _run(tmp_path, ["Changelog, https://acme.example/changes"], META)
    assert set(links) == {f.name for f in FUNCTIONS} and set(links.values()) == {None}


def test_classic_xlwings_gets_no_help_link(tmp_path: Path) -> None:
    links = _run(tmp_path, ["Repository, https://github.com/acme/xl-retention"], CLASSIC)
    assert set(links) == {f.name for f in FUNCTIONS} and set(links.values()) == {None}
