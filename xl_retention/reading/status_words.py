"""Statuses written in other languages than English: an order's and a subscription's, read as their English words.

Shops and billing systems in France, Germany, Spain, Italy, Portugal and Brazil, the Netherlands, Poland and Japan
export their statuses in their language (PrestaShop's "Annulé", "Remboursé", "En attente de paiement par chèque";
Shopware's "Storniert"; "Cancelado", "Pendiente de pago"; a CRM's "aktiv" and "gekündigt"). Read as English only,
an order's column of them was ignored (every cancelled, refunded or unpaid order counted) and a subscription's was
too (a cancelled or trial subscription counted as paying MRR).

* **Orders** (:func:`order_statuses`): each distinct status is read by the words it holds, in that order: refunded
  in part (``teilweise erstattet``, ``remboursement partiel``: ``partially_refunded``), not paid (``non payé``,
  ``unbezahlt``: ``unpaid``), refunded (``rembours``, ``erstatt``, ``reembols``, ``返金``: ``refunded``), cancelled
  (``annul``, ``storn``, ``cancelad``, ``キャンセル``: ``cancelled``), declined or failed (``refusé``, ``erreur de
  paiement``, ``fallido``: ``declined``, ``failed``), awaiting (``en attente``, ``ausstehend``, ``pendiente``,
  ``支払い待ち``: ``pending_payment``), and paid, shipped or done (``paiement accepté``, ``livré``, ``bezahlt``,
  ``abgeschlossen``, ``completado``, ``支払い済み``: ``completed``). A status none of these words is in stays as it
  is (refused where its column holds order statuses: whether it was paid cannot be told).
* **Subscriptions** (:data:`PAYING`, :data:`NOT_PAYING`, :data:`ENDED`): the statuses of the same languages, spelled
  as :func:`~.statuses.spelled` writes them, with and without their accents, added to the English ones (so the
  database backends, which compare the spelled status, read them alike).

Words are compared in lower case without accents (``annulé`` as ``annule``), Japanese as written.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

__all__ = [
    "ENDED",
    "NOT_PAID_PATTERN",
    "NOT_PAYING",
    "NOT_TELLING",
    "ORDER_STEMS",
    "PAYING",
    "order_status",
    "order_statuses",
    "spelled_by_distinct",
    "unaccented",
]


def unaccented(text: str) -> str:
    """``text`` without its accents (``annulé`` -> ``annule``, ``zwrócone`` -> ``zwrocone``, ``ł`` -> ``l``); other
    scripts as written (Japanese kana keep their voicing marks).

    >>> unaccented("Opłacone, Annulé, キャンセル, ダウンロード")
    'Oplacone, Annule, キャンセル, ダウンロード'
    """
    out = []
    for c in text.replace("ł", "l").replace("Ł", "L").replace("ß", "ss"):
        if ord(c) < 0x2E80:  # Latin, Greek, Cyrillic: accents dropped; CJK and kana as they are
            c = "".join(d for d in unicodedata.normalize("NFKD", c) if not unicodedata.combining(d))
        out.append(c)
    return "".join(out)


def _stems(*words: str) -> tuple[str, ...]:
    return tuple(unaccented(w) for w in words)


_PARTLY = _stems(
    "partiel", "teilweise", "teilerstatt", "parcial", "parzial", "gedeeltelijk", "czesciow", "一部", "部分"
)
_UNPAID = _stems("non_paye", "non_payé", "impaye", "nicht_bezahlt", "unbezahlt", "no_pagad", "nao_pag", "non_pagat",
                 "niet_betaald", "onbetaald", "nieoplacon", "niezaplacon", "未払", "未入金", "未決済")  # fmt: skip
_REFUNDED = _stems("rembours", "erstatt", "ruckerstatt", "zuruckerstatt", "teilerstatt", "reembols", "rimbors",
                   "terugbeta", "terugbetaald", "zwrocon", "zwrot",
                   "estornad", "返金", "払い戻", "払戻")  # fmt: skip
_CANCELLED = _stems("annul", "storn", "cancelad", "cancellat", "anulad", "anulow", "geannul", "キャンセル", "取消",
                    "取り消")  # fmt: skip
_DECLINED = _stems("refuse", "abgelehnt", "rechazad", "rifiutat", "recusad", "afgewezen", "geweigerd", "odrzucon",
                   "拒否")  # fmt: skip
_FAILED = _stems("erreur", "echou", "echec", "fehlgeschlagen", "fehler", "fallid", "fallit", "falh", "mislukt",
                 "nieudan", "blad_platnosci", "失敗", "エラー")  # fmt: skip
_WAITING = _stems("attente", "ausstehend", "erwartet", "wartet", "pendiente", "attesa", "aguardando",
                  "pendente", "wacht", "afwachting", "oczekuj", "待ち", "保留", "未処理")  # fmt: skip
_DONE = _stems("paye", "paiement_accepte", "accepte", "bezahlt", "abgeschlossen", "erledigt", "pagad", "pagat",
               "pago", "completad", "completat", "complet", "conclu", "finalizad", "betaald", "voltooid", "afgerond",
               "oplacon", "zaplacon", "zrealizowan", "zakonczon", "支払い済", "支払済", "入金済", "決済済", "完了",
               "livre", "expedie", "envoye", "termine", "versandt", "versendet", "verschickt", "geliefert",
               "zugestellt", "enviad", "entregad", "entregue", "spedit", "consegnat", "verzonden", "geleverd",
               "verstuurd", "wyslan", "dostarczon", "発送済", "配達済", "出荷済", "en_cours_de_preparation",
               "preparation_en_cours", "in_bearbeitung", "en_proceso", "procesando", "in_lavorazione",
               "em_processamento", "processando", "in_behandeling", "w_realizacji", "処理中", "準備中")  # fmt: skip
#: words of an order awaiting its goods, not its payment (PrestaShop's "En attente de réapprovisionnement", its
#: "On backorder"): with paid or not paid beside them, its English backorder status (:func:`order_status`)
_RESTOCK = _stems("reapprovision", "backorder", "rifornim", "reabastec", "reposicao", "nachbestell", "nachschub",
                  "lieferruckstand", "nabestel", "nalever", "uzupelnien", "入荷待ち", "取り寄せ")  # fmt: skip
#: each English status (of :data:`~.orders.NOT_PAID`, :data:`~.orders.PAID`) and the words that say it, in the order
#: they are looked for (the first found says it)
ORDER_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (("unpaid", _UNPAID), ("refunded", _REFUNDED),
    ("cancelled", _CANCELLED), ("declined", _DECLINED), ("failed", _FAILED), ("pending_payment", _WAITING),
    ("completed", _DONE))  # fmt: skip


def _says(text: str, words: list[str], stems: tuple[str, ...]) -> bool:
    """Whether ``text`` (unaccented) holds one of ``stems``: a stem of several words (``non_paye``) or of Japanese
    anywhere, any other at a word's start (``annul`` in ``annulee``; ``complet`` not in ``incompleto``)."""
    return any((s in text) if ("_" in s or ord(s[0]) >= 0x2E80) else any(w.startswith(s) for w in words) for s in stems)


_ACCENTED = {"a": "aàáâãäą", "e": "eèéêëę", "i": "iìíîï", "o": "oòóôõöø", "u": "uùúûü", "c": "cçć", "n": "nñń",
             "s": "sś", "z": "zźż", "l": "lł"}  # fmt: skip


def _pattern(stems: tuple[str, ...]) -> str:
    """A regular expression finding any of ``stems`` in a spelled status, accented or not (an engine's SQL has no
    :func:`unaccented`): a database table holding one is read as a file's, whose statuses are read word by word."""
    return "|".join("".join(f"[{_ACCENTED[c]}]" if c in _ACCENTED else re.escape(c) for c in s) for s in stems)


#: What finds, in a database's column, an order status of another language that says not paid (refunded, cancelled,
#: declined, failed, awaiting payment): :func:`order_status`'s words as a regular expression.
NOT_PAID_PATTERN = _pattern(_UNPAID + _REFUNDED + _CANCELLED + _DECLINED + _FAILED + _WAITING)


def order_status(said: str) -> str | None:
    """The English status (spelled: lower case, ``_`` between words) that an order's status in another language
    says, or None when none of its words is known, or when it says awaiting and paid both ("En attente de paiement
    payé": whether it was paid cannot be told by its words); see the module docstring. An order awaiting its goods
    (:data:`_RESTOCK`) is on backorder: PrestaShop's "En attente de réapprovisionnement (payé)" its
    ``on_backorder_(paid)``, "(non payé)" its ``on_backorder_(not_paid)``; with neither, None (paid or not?).

    >>> [order_status(s) for s in ("annulé", "en_attente_de_paiement_par_chèque", "paiement_accepté", "storniert")]
    ['cancelled', 'pending_payment', 'completed', 'cancelled']
    >>> order_status("teilweise_erstattet"), order_status("zwrócone"), order_status("返金済み"), order_status("hold")
    ('partially_refunded', 'refunded', 'refunded', None)
    >>> order_status("en_attente_de_réapprovisionnement_(payé)"), order_status("incompleto")
    ('on_backorder_(paid)', None)
    >>> order_status("en_attente_de_réapprovisionnement_(non_payé)"), order_status("en_attente_de_réapprovisionnement")
    ('on_backorder_(not_paid)', None)
    >>> order_status("en_attente_de_paiement_payé"), order_status("in_attesa_di_rifornimento_(pagato)")
    (None, 'on_backorder_(paid)')
    """
    text = unaccented(said)
    words = [w for w in re.split(r"[\W_]+", text) if w]
    if _says(text, words, _RESTOCK):  # awaiting its goods: paid or not, as its own words say
        if _says(text, words, _UNPAID):
            return "on_backorder_(not_paid)"
        return "on_backorder_(paid)" if _says(text, words, _DONE) else None
    if _says(text, words, _REFUNDED) and _says(text, words, _PARTLY):
        return "partially_refunded"
    for english, stems in ORDER_STEMS:
        if _says(text, words, stems):
            if english == "pending_payment" and _says(text, words, tuple(s for s in _DONE if s != "pago")):
                return None
            return english
    return None


def order_statuses(said: np.ndarray, known: frozenset[str]) -> np.ndarray:
    """``said`` (spelled statuses, one per row) with each value that is none of ``known`` (the English statuses)
    read by :func:`order_status` where its words say one; each distinct value is read once.

    >>> order_statuses(np.array(["paid", "annulé", "annulé", "", "zz"], dtype=object), frozenset({"paid"})).tolist()
    ['paid', 'cancelled', 'cancelled', '', 'zz']
    """
    codes, distinct = pd.factorize(np.asarray(said, dtype=object))
    if not len(distinct):
        return np.asarray(said, dtype=object)
    read = [v if (not isinstance(v, str) or not v or v in known) else order_status(v) or v for v in distinct]
    if all(a is b for a, b in zip(read, distinct, strict=True)):
        return np.asarray(said, dtype=object)
    out = np.asarray(read, dtype=object)[codes]
    out[codes < 0] = ""
    return out


def spelled_by_distinct(column: pd.Series) -> np.ndarray:
    """:func:`~.statuses.spelled` of ``column``, each distinct value spelled once (a column of statuses or flags has
    few: a million rows are not each lower-cased and split).

    >>> spelled_by_distinct(pd.Series(["Paid", None, " Zahlung  ausstehend", "Paid"])).tolist()
    ['paid', '', 'zahlung_ausstehend', 'paid']
    """
    from .statuses import spelled

    codes, distinct = pd.factorize(column.to_numpy(dtype=object, na_value=None), use_na_sentinel=True)
    said = np.append(spelled(pd.Series(distinct, dtype=object)), "").astype(object)
    return said[codes]  # -1 (a missing value): the last, ""


def _spellings(*words: str) -> frozenset[str]:
    """``words`` as :func:`~.statuses.spelled` writes them (spaces as ``_``), with and without their accents."""
    spelled = {re.sub(r"[\s\-]+", "_", w.lower()) for w in words}
    return frozenset(spelled | {unaccented(w) for w in spelled})


#: Subscription statuses of other languages that say it pays (German, French, Spanish, Italian, Dutch, Portuguese,
#: Polish, Japanese).
PAYING = _spellings("aktiv", "laufend", "bezahlt", "actif", "active", "en cours", "activo", "activa", "vigente",
                    "attivo", "attiva", "in corso", "actief", "lopend", "ativo", "ativa", "aktywny", "aktywna",
                    "aktywne", "有効", "アクティブ", "契約中", "利用中")  # fmt: skip
#: ... that say it does not pay (yet): a trial, paused, suspended.
NOT_PAYING = _spellings("Testphase", "Probephase", "Probezeit", "Probeabo", "Testabo", "in Testphase", "pausiert",
                        "ruhend", "ruht", "gesperrt", "ausgesetzt", "en essai", "essai", "essai gratuit",
                        "période d'essai", "en pause", "suspendu", "suspendue", "en prueba", "prueba",
                        "prueba gratuita", "periodo de prueba", "pausado", "pausada", "suspendido", "suspendida",
                        "in prova", "prova", "prova gratuita", "periodo di prova", "in pausa", "sospeso", "sospesa",
                        "proefperiode", "proef", "gepauzeerd", "gepauseerd", "opgeschort", "em teste",
                        "período de teste", "teste grátis", "suspenso", "suspensa", "okres próbny", "próbny",
                        "wstrzymany", "wstrzymana", "zawieszony", "zawieszona", "お試し", "トライアル", "無料体験",
                        "一時停止", "休止中", "停止中")  # fmt: skip
#: ... that say it ended.
ENDED = _spellings("gekündigt", "gekuendigt", "beendet", "abgelaufen", "ausgelaufen", "storniert", "inaktiv",
                   "abgemeldet", "résilié", "résiliée", "annulé", "annulée", "expiré", "expirée", "terminé",
                   "terminée", "inactif", "cancelado", "cancelada", "expirado", "expirada", "finalizado", "finalizada",
                   "terminado", "terminada", "inactivo", "inactiva", "dado de baja", "de baja", "baja", "annullato",
                   "annullata", "cancellato", "cancellata", "disdetto", "disdetta", "scaduto", "scaduta",
                   "terminato", "terminata", "inattivo", "inattiva", "cessato", "cessata", "opgezegd", "geannuleerd",
                   "beëindigd", "verlopen", "inactief", "gestopt", "encerrado", "encerrada", "inativo", "inativa",
                   "anulowany", "anulowana", "anulowane", "wygasły", "wygasła", "zakończony", "zakończona",
                   "nieaktywny", "nieaktywna", "解約", "解約済み", "キャンセル", "キャンセル済み", "期限切れ", "終了",
                   "退会")  # fmt: skip
#: ... of those, the ones an invoice's or a payment's status says too (awaiting, expired): no sign by themselves that a
#: column holds subscriptions' statuses (:data:`~.statuses.TELLING`).
NOT_TELLING = _spellings("abgelaufen", "expiré", "expirée", "expirado", "expirada", "scaduto", "scaduta", "verlopen",
                         "wygasły", "wygasła", "期限切れ")  # fmt: skip
