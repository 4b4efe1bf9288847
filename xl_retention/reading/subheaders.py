"""Survey tools' header rows below the header: SurveyMonkey's and Qualtrics' exports name their columns on more
than one row, and those rows are no answers.

* SurveyMonkey ("Respondent ID", "Collector ID", "Start Date", ...): a second row that names each question's
  parts ("Response", "Open-Ended Response", an answer choice), with no respondent id.
* Qualtrics ("ResponseId", "StartDate", ...): a row of the questions' text ("Response ID", "Start Date",
  "How likely ...?") and a row of import ids (``{"ImportId":"startDate","timeZone":"America/Denver"}``); without a
  ResponseId column (a download of chosen fields), the import ids' row (every filled cell one) in the first two
  rows tells them, and the rows through it are left out.

Read as data, they were a date that is missing or does not parse in row 2, which names no cause. They are left
out, and refusals still name the file's (or sheet's) own rows. The zone Qualtrics' import ids give a date column
(``"timeZone":"America/Denver"``: the zone its times are written in) is kept in ``attrs["column_zones"]``
(``{"RecordedDate": "America/Denver"}``): ``--timezone`` converts those times from it (:mod:`.dates`).
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from .names import key

__all__ = ["without_subheaders"]

#: SurveyMonkey's words for the parts of a question, on its second header row, in the languages its exports are
#: written in (the survey's or account's: German "Antwort", French "Réponse", Spanish "Respuesta", ...).
_PARTS = {"response", "open_ended_response", "other_please_specify", "other_(please_specify)",
          "antwort", "offene_antwort", "réponse", "reponse", "réponse_ouverte", "respuesta", "respuesta_abierta",
          "antwoord", "open_antwoord", "risposta", "risposta_aperta", "resposta", "resposta_aberta"}  # fmt: skip


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()


def _subheader_rows(df: pd.DataFrame) -> int:
    """How many rows right after the header are SurveyMonkey's or Qualtrics' header rows (0, 1 or 2)."""
    keys = {key(c): i for i, c in reversed(list(enumerate(df.columns)))}
    if "respondent_id" in keys and "collector_id" in keys:  # SurveyMonkey
        first = [_text(v) for v in df.iloc[0].tolist()]
        parts = {key(v) for v in first if v}
        return int(not first[keys["respondent_id"]] and bool(parts & _PARTS))
    if "responseid" in keys or "response_id" in keys:  # Qualtrics
        at = keys.get("responseid", keys.get("response_id"))
        count = 0
        for value in df.iloc[:2, at].tolist():
            text = _text(value)
            if key(text) in ("response_id", "responseid") or text.startswith('{"ImportId"'):
                count += 1
            else:
                break
        return count
    for at in range(min(2, len(df))):  # Qualtrics' chosen fields, no ResponseId: its import ids' row tells (H330 06)
        texts = [_text(v) for v in df.iloc[at].tolist()]
        if any(texts) and all(t.startswith('{"ImportId"') for t in texts if t):
            return at + 1
    return 0


def _import_zones(df: pd.DataFrame, rows: int) -> dict[str, str]:
    """The zone each column's Qualtrics import id gives (``{"ImportId":"recordedDate","timeZone":"America/Denver"}``)
    in the first ``rows`` rows, by column name.

    >>> _import_zones(pd.DataFrame({"RecordedDate": ['{"ImportId":"recordedDate","timeZone":"America/Denver"}'],
    ...                             "Q1": ['{"ImportId":"QID1"}']}), 1)
    {'RecordedDate': 'America/Denver'}
    """
    zones: dict[str, str] = {}
    for row in range(rows):
        for column, value in zip(map(str, df.columns), df.iloc[row].tolist(), strict=True):
            text = _text(value)
            if not text.startswith('{"ImportId"'):
                continue
            try:
                found = json.loads(text)
            except ValueError:
                continue
            zone = found.get("timeZone") if isinstance(found, dict) else None
            if isinstance(zone, str) and zone.strip():
                zones[column] = zone.strip()
    return zones


def without_subheaders(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` without the survey tools' header rows right after its header (see the module docstring); the rows
    left keep their file rows (``attrs["file_rows"]`` of a CSV file, ``attrs["header_row"]`` of a sheet).

    >>> df = pd.DataFrame({"Respondent ID": [None, "11"], "Collector ID": [None, "4"], "Q": ["Response", "9"]})
    >>> out = without_subheaders(df)
    >>> out["Q"].tolist(), out.attrs["file_rows"]
    (['9'], (3,))
    """
    if len(df) == 0:
        return df
    skip = _subheader_rows(df)
    if skip == 0:
        return df
    attrs = dict(df.attrs)
    zones = _import_zones(df, skip)
    out = df.iloc[skip:].reset_index(drop=True)
    out.attrs.update(attrs)
    if zones:
        out.attrs["column_zones"] = zones
    if attrs.get("sheet") is not None and attrs.get("header_row") is not None:
        out.attrs["header_row"] = int(attrs["header_row"]) + skip  # data row p: the sheet's header_row + 1 + p
    else:
        rows = attrs.get("file_rows")
        rows = np.asarray(rows)[skip:] if rows is not None else np.arange(len(df))[skip:] + 2
        out.attrs["file_rows"] = tuple(int(r) for r in rows)
    return out
