"""A workbook package signed as Excel signs one (File > Info > Protect Workbook > Add a Digital Signature), for the
tests of what each command does to a signature (recalc: test_h280_signed_workbook; extend, import --into, upgrade:
test_h284_signed_writers).

A package signature: ``_rels/.rels`` points to ``_xmlsignatures/origin.sigs``, whose relationship points to
``_xmlsignatures/sig1.xml``; its Manifest holds a Reference (with a digest) for each signed part, and
``[Content_Types].xml`` names the two. The digests are placeholders; the structure is Excel's.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

SIG = "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/"
PARTS = ("_xmlsignatures/origin.sigs", "_xmlsignatures/_rels/origin.sigs.rels", "_xmlsignatures/sig1.xml")


def package_files(path: Path) -> dict[str, bytes]:
    """Every part of the package at ``path``, by name, in the package's order."""
    with zipfile.ZipFile(path) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def sign(path: Path, signed: Iterable[str], out: Path | None = None) -> Path:
    """The package at ``path`` written to ``out`` (default: ``path`` itself) signed over the parts ``signed`` (names
    without a leading slash: ``xl/worksheets/sheet1.xml``)."""
    files = package_files(path)
    references = "".join(
        f'<Reference URI="/{part}?ContentType=application/xml"><DigestValue>AAAA</DigestValue></Reference>'
        for part in signed
    )
    files["_rels/.rels"] = files["_rels/.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdSig" Type="{SIG}origin" Target="_xmlsignatures/origin.sigs"/></Relationships>'.encode(),
    )
    files["_xmlsignatures/origin.sigs"] = b""
    files["_xmlsignatures/_rels/origin.sigs.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats'
        f'.org/package/2006/relationships"><Relationship Id="rId1" Type="{SIG}signature" Target="sig1.xml"/>'
        "</Relationships>"
    ).encode()
    files["_xmlsignatures/sig1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Signature xmlns="http://www.w3.org/2000/09/xmldsig#" '
        'Id="idPackageSignature"><SignedInfo><Reference Type="http://www.w3.org/2000/09/xmldsig#Object" '
        'URI="#idPackageObject"><DigestValue>AAAA</DigestValue></Reference></SignedInfo><SignatureValue>AAAA'
        f'</SignatureValue><Object Id="idPackageObject"><Manifest>{references}</Manifest></Object></Signature>'
    ).encode()
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Default Extension="sigs" ContentType="application/vnd.openxmlformats-package.digital-signature-origin"/>'
        b'<Override PartName="/_xmlsignatures/sig1.xml" '
        b'ContentType="application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml"/></Types>',
    )
    target = out or path
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as written:
        for name, data in files.items():
            written.writestr(name, data)
    return target
