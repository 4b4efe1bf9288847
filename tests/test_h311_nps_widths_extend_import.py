"""H311 (1): a2af28f8 widened a tracker's NPS columns C and E from the earlier template's 14 to 18 in ``upgrade``
only; ``extend`` and ``import --into`` bring a tracker's formulas and Dashboard up too but left NPS at 14, where
"Promoters (9-10)" and "Detractors (0-6)" break inside their range. One rule for the three now."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_h291_nps_widths import EARLIER, _widths

from xl_retention import cli

LINE = (
    "widened the columns C and E of NPS from 14 to 18 wide, as this version's template has them: their bold headers "
    "on one line"
)


def test_extend_widens_nps_c_and_e_as_upgrade_does(tmp_path, capsys) -> None:
    path = Path(shutil.copy(EARLIER, tmp_path / "t.xlsx"))
    assert _widths(path) == {"B": 14, "C": 14, "D": 14, "E": 14, "F": 9}
    assert cli.main(["extend", str(path), "--months", "1"]) == 0
    assert LINE in capsys.readouterr().out.splitlines()
    assert _widths(path) == {"B": 14, "C": 18, "D": 14, "E": 18, "F": 9}


def test_import_into_widens_nps_c_and_e_as_upgrade_does(tmp_path, capsys) -> None:
    path = Path(shutil.copy(EARLIER, tmp_path / "t.xlsx"))
    answers = tmp_path / "nps.csv"
    answers.write_text("date,score\n2026-03-02,9\n2026-03-20,10\n2026-03-21,3\n")
    assert cli.main(["import", "--nps", str(answers), "--into", str(path)]) == 0
    assert LINE in capsys.readouterr().out.splitlines()
    assert _widths(path) == {"B": 14, "C": 18, "D": 14, "E": 18, "F": 9}
    capsys.readouterr()
    assert cli.main(["upgrade", str(path)]) == 0  # nothing left for upgrade to widen
    assert not [line for line in capsys.readouterr().out.splitlines() if "widened the column" in line]
