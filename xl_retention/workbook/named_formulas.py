"""Workbook-level named formulas added to a tracker's ``workbook.xml`` (the template's Lifetime value notes read
:data:`~.lifetime_value.LIFETIME_NAMED`, which upgrade, import and extend add where they write those notes)."""

from __future__ import annotations

import re

from . import inplace as ip

__all__ = ["add_names"]

_WORKBOOK = "xl/workbook.xml"


def add_names(package: ip.Package, names: dict[str, str]) -> None:
    """Each of ``names`` (name -> its formula, without =) defined in ``package``'s workbook, after its other names
    (a ``<definedNames>`` made after ``</sheets>`` where it has none); nothing without a workbook part."""
    xml = package.data.get(_WORKBOOK)
    if xml is None or not names:
        return
    prefix = re.search(rb"<([\w.\-]+:)?workbook\b", xml)
    p = (prefix.group(1) or b"") if prefix else b""
    elements = b"".join(
        b"<" + p + b'definedName name="' + name.encode() + b'">' + ip.escape(formula).encode() + b"</" + p
        + b"definedName>"
        for name, formula in names.items()
    )  # fmt: skip
    closing = re.search(rb"</" + p + rb"definedNames\s*>", xml)
    empty = re.search(rb"<" + p + rb"definedNames\s*/>", xml)
    opened, shut = b"<" + p + b"definedNames>", b"</" + p + b"definedNames>"
    if closing is not None:
        xml = xml[: closing.start()] + elements + xml[closing.start() :]
    elif empty is not None:
        xml = xml[: empty.start()] + opened + elements + shut + xml[empty.end() :]
    else:
        at = xml.find(b"</" + p + b"sheets>")
        if at == -1:
            return
        at += len(b"</" + p + b"sheets>")
        xml = xml[:at] + opened + elements + shut + xml[at:]
    package.data[_WORKBOOK] = xml
