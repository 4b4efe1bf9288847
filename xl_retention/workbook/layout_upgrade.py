"""An earlier template's layout brought up to this version's: one rule for ``upgrade``, ``extend`` and ``import
--into``.

Each of the three brings a tracker's formulas up to this version's; the layout goes with them in one call, so that none
of them leaves what another would change: the Dashboard's charts and print setup (:func:`.relayout_dashboard`) and the
NPS sheet's promoters and detractors columns still the earlier template's 14 wide (:func:`.widen_nps_headers`; before
H311 ``extend`` and ``import --into`` left them so, and a later ``upgrade`` widened them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .dashboard_layout import relayout_dashboard
from .nps_widths import widen_nps_headers

if TYPE_CHECKING:
    from . import inplace as ip
    from .found import FoundSheet

__all__ = ["upgrade_layout"]


def upgrade_layout(package: ip.Package, wb: Any, sheets: dict[str, FoundSheet]) -> list[str]:
    """Lay out an earlier template's Dashboard and NPS widths as this version's in ``package`` (``wb``: the workbook
    opened with openpyxl; ``sheets``: its monthly sheets, :func:`.found.read_sheets`); returns the report's lines. The
    NPS months an import of 71e622d9 listed by the month alone are checked again: :func:`.proven_scale.drop_earlier`."""
    from .first_charts import upgrade_first_charts
    from .proven_scale import drop_earlier

    dropped = drop_earlier(package)
    charts = relayout_dashboard(package, wb) + upgrade_first_charts(package)  # the first template's: chart columns
    return charts + widen_nps_headers(package, sheets) + ([dropped] if dropped else [])
