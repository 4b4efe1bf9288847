"""A range of the template's formula cells an upgrade put back or wrote, with why: what the upgrade reports apart."""

from __future__ import annotations

__all__ = ["PutBack"]


class PutBack(str):
    """A range of the template's formula cells that :func:`.upgrade.upgrade_formulas` put back, with ``why``:
    ``"cleared"`` (blank) or ``"moved"`` (the template's formula but for the rows it read), or wrote where the
    tracker never had them (``"added"``: a first template's hidden helper columns; ``"placed"``: hidden helper
    columns written right of the user's columns, ``instead`` of the template's letter, which holds one of the
    user's; ``"left out"``: a visible column of the template not written, as its place holds one of the user's, with
    its ``header``, the user's header there, ``yours``, and the template's ``name`` removed as it read the user's
    column: see :func:`.helper_places.left_out`): reported apart from the earlier templates' formulas brought up
    (:func:`.report_lines.upgraded_line`)."""

    why: str
    instead: str = ""
    header: str = ""
    yours: str = ""
    name: str = ""

    def __new__(cls, text: str, why: str) -> PutBack:
        made = super().__new__(cls, text)
        made.why = why
        return made
