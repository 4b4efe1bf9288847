"""What a batch recalculation reports (split from :mod:`.batch`, which imports these names and so keeps them for its
importers): a :class:`FileReport` per workbook, its cells in error or not computed (:class:`CellIssue`), and the
batch's :class:`RecalcReport`. ``status`` is said in :mod:`.batch`'s docstring."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

__all__ = ["CellIssue", "Engine", "FileReport", "RecalcReport", "Status"]

Engine = Literal["auto", "excel", "embedded"]


@dataclass
class CellIssue:
    """A formula cell whose computed value is an Excel error, or that the engine could not compute."""

    address: str  # Customers!F3
    error: str  # #DIV/0!, or "unsupported"
    function: str = ""  # for an unsupported cell: the function or feature, e.g. "FORECAST.ETS"
    reason: str = ""  # for an unsupported cell: why, in words
    #: for an unsupported cell: it keeps the value Excel stored (the file's values are current), so it is right
    kept: bool = False


Status = Literal["ok", "incomplete", "failed"]


@dataclass
class FileReport:
    """What happened to one workbook (see the module docstring for ``status``)."""

    path: str
    output: str | None
    status: Status
    engine: str
    formulas: int = 0
    errors: list[CellIssue] = field(default_factory=list)
    seconds: float = 0.0
    message: str = ""
    unsupported: list[CellIssue] = field(default_factory=list)


@dataclass
class RecalcReport:
    """The report of a batch: one :class:`FileReport` per file, in input order."""

    files: list[FileReport]
    #: files given again (recalculated once) and the sub-folders of a folder given that hold workbooks, not searched:
    #: [{"path": ..., "reason": ...}]
    skipped: list[dict[str, str]] = field(default_factory=list)
    #: why nothing was recalculated (paths holding no workbook: "no .xlsx or .xlsm files in 'emptydir'"), else ""
    message: str = ""

    @property
    def ok(self) -> bool:
        """Every file ``ok``; False where no file was found (nothing recalculated is no success: :attr:`message`)."""
        return bool(self.files) and all(f.status == "ok" for f in self.files)

    @property
    def failed(self) -> list[FileReport]:
        """The files whose status is ``failed`` (not read or not recalculated: ``message`` says why), in input order."""
        return [f for f in self.files if f.status == "failed"]

    @property
    def incomplete(self) -> list[FileReport]:
        """The files whose status is ``incomplete`` (cells the engine could not compute: their ``unsupported``)."""
        return [f for f in self.files if f.status == "incomplete"]

    def to_dict(self) -> dict[str, Any]:
        """The report as ``recalc --json`` prints it: ``ok``, ``files`` (each file's fields), and ``skipped`` and
        ``message`` where they are not empty."""
        out: dict[str, Any] = {"ok": self.ok, "files": [asdict(f) for f in self.files]}
        if self.skipped:
            out["skipped"] = list(self.skipped)
        if self.message:
            out["message"] = self.message
        return out
