"""Where Excel's "More help on this function" link of a formula goes (Office.js' ``helpUrl``: xlwings Lite and Server).

Each formula has one section of its own in the formula reference, ``docs/functions.md`` (``## CRR``, generated from
the registry like the functions, each linking the definitions of ``docs/metrics.md`` and ``docs/models.md``, which
have no section per formula): the link is that section, on the project's published address. That address is the
package's own metadata, ``[project.urls]`` in ``pyproject.toml``: ``Documentation`` (where the files of ``docs/`` are
published: ``<Documentation>/functions.md#crr``), else ``Repository`` (or ``Source``, ``Homepage``, the repository's
web view: ``<Repository>/blob/HEAD/docs/functions.md#crr``). Without either no link is made up: the functions carry
none, as they did, and Excel shows their description and the arguments' as before (classic xlwings' add-in has no
help link: its Insert Function dialog shows the same description, ``Application.MacroOptions`` without a help file).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from importlib import metadata

#: the page with one section per formula, as the repository holds it
REFERENCE = "docs/functions.md"

_DOCS_LABELS = ("documentation", "docs")
_REPOSITORY_LABELS = ("repository", "source", "source code", "homepage", "home")


def anchor(heading: str) -> str:
    """The fragment of a Markdown heading as GitHub (and GitLab, Gitea) makes it: lower case, punctuation but ``-``
    and ``_`` dropped, spaces as ``-``.

    >>> anchor("CRR"), anchor("SBG_FIT_SE")
    ('crr', 'sbg_fit_se')
    """
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def project_urls(distribution: str = "xl-retention") -> dict[str, str]:
    """The installed package's ``Project-URL`` entries (``[project.urls]``) by their label in lower case; none when
    the package is not installed with metadata (a copy on ``sys.path``)."""
    try:
        entries = metadata.metadata(distribution).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return {}
    out: dict[str, str] = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        if url.strip():
            out.setdefault(label.strip().lower(), url.strip())
    return out


def reference_url(urls: Mapping[str, str]) -> str | None:
    """The address of ``docs/functions.md`` from the project's URLs (labels in lower case), or None without any.

    >>> reference_url({"repository": "https://github.com/acme/xl-retention/"})
    'https://github.com/acme/xl-retention/blob/HEAD/docs/functions.md'
    >>> reference_url({"documentation": "https://acme.example/xl-retention/docs", "repository": "https://x.example"})
    'https://acme.example/xl-retention/docs/functions.md'
    >>> reference_url({"changelog": "https://acme.example/changes"}) is None
    True
    """
    for label in _DOCS_LABELS:
        if urls.get(label):
            return f"{urls[label].rstrip('/')}/{REFERENCE.split('/', 1)[1]}"
    for label in _REPOSITORY_LABELS:
        if urls.get(label):
            return f"{urls[label].rstrip('/')}/blob/HEAD/{REFERENCE}"
    return None


def help_url(name: str, urls: Mapping[str, str] | None = None) -> str | None:
    """The help link of the formula ``name``: its section of the formula reference (:func:`reference_url` of
    ``urls``, by default the installed package's :func:`project_urls`), or None when the project names no address.

    >>> help_url("SBG_FIT", {"repository": "https://github.com/acme/xl-retention"})
    'https://github.com/acme/xl-retention/blob/HEAD/docs/functions.md#sbg_fit'
    """
    page = reference_url(project_urls() if urls is None else urls)
    return None if page is None else f"{page}#{anchor(name)}"
