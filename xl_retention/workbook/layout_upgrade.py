"""An earlier template's layout brought up to this version's: one rule for ``upgrade``, ``extend`` and ``import
--into``.

Each of the three brings a tracker's formulas up to this version's; the layout goes with them in one call, so that none
of them leaves what another would change: the Dashboard's charts and print setup (:func:`.relayout_dashboard`) and the
NPS sheet's promoters and detractors columns still the earlier template's 14 wide (:func:`.widen_nps_headers`; before
H311 ``extend`` and ``import --into`` left them so, and a later ``upgrade`` widened them), and the latest figures'
Value column (B) still an earlier template's 14 or 21 wide (:func:`widen_dashboard_values`; H486's finding 04: the
note this version's formulas write there, "see 'Lifetime value'!B8", showed "see 'Lifetime valu").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import inplace as ip
from .dashboard_layout import relayout_dashboard
from .nps_widths import _COL, NPS_WIDENED, widen_nps_headers, widened_columns

if TYPE_CHECKING:
    from .found import FoundSheet

__all__ = ["DASHBOARD_EARLIER_WIDTHS", "upgrade_layout", "widen_dashboard_values"]

#: the widths the latest figures' Value column (Dashboard!B) had before bf374dce made it 23 (a285f8be: 14; then 21)
DASHBOARD_EARLIER_WIDTHS = (14.0, 21.0)


def widen_dashboard_values(package: ip.Package, wb: Any) -> list[str]:
    """Give the Dashboard's latest figures Value column (B) this version's width where it is still one of
    :data:`DASHBOARD_EARLIER_WIDTHS` (a width of the user's own is kept); returns the line saying so, or none."""
    from .dashboard import VALUE_WIDTH
    from .dashboard_upgrade import dashboard_title

    title = dashboard_title(wb)  # a Dashboard with the template's latest figures table (none: the first template's)
    if title is None or package.parts.get(title) is None:
        return []
    xml = package.sheet(title)
    head, changed = widened_columns(xml.head, xml.prefix, {2: VALUE_WIDTH}, DASHBOARD_EARLIER_WIDTHS)
    if not changed:
        return []
    old = next(
        float(ip.attribute(m.group(1), b"width") or 0)
        for m in _COL.finditer(xml.head)
        if int(ip.attribute(m.group(1), b"min") or 0) <= 2 <= int(ip.attribute(m.group(1), b"max") or 0)
    )
    xml.head = head
    return [
        f"{NPS_WIDENED} B of {title} from {old:g} to {VALUE_WIDTH:g} wide, as this version's template has it: the "
        "notes its latest figures show in place of a figure (see 'Lifetime value'!B8) whole"
    ]


def upgrade_layout(package: ip.Package, wb: Any, sheets: dict[str, FoundSheet]) -> list[str]:
    """Lay out an earlier template's Dashboard and NPS widths as this version's in ``package`` (``wb``: the workbook
    opened with openpyxl; ``sheets``: its monthly sheets, :func:`.found.read_sheets`); returns the report's lines. The
    NPS months an import of 71e622d9 listed by the month alone are checked again: :func:`.proven_scale.drop_earlier`."""
    from .first_charts import upgrade_first_charts
    from .proven_scale import drop_earlier

    dropped = drop_earlier(package)
    charts = relayout_dashboard(package, wb) + upgrade_first_charts(package)  # the first template's: chart columns
    widths = widen_dashboard_values(package, wb) + widen_nps_headers(package, sheets)
    return charts + widths + ([dropped] if dropped else [])
