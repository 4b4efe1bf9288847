"""The names of yes/no flag columns that say a subscription ended or is not active, beyond English's
``cancelled``/``is_active`` (:data:`~.statuses.ENDED_FLAGS`, :data:`~.statuses.ACTIVE_FLAGS`): ``Inactive``,
``Deactivated``, ``Lapsed``, German ``Gekündigt``/``Aktiv``, French ``Résilié``/``Actif``, Italian
``Disdetto``/``Attivo``, Spanish ``Cancelado``/``Activo``, Portuguese, Dutch, Scandinavian (the languages whose yes
and no :mod:`~.yes_no` reads). A snapshot row with an MRR flagged so was counted as a paying customer under exit 0
(H200's finding 06); each is read as the English flag of its meaning is.
"""

from __future__ import annotations

__all__ = ["ACTIVE_FLAG_WORDS", "ENDED_FLAG_WORDS", "flag_names"]

#: Words whose true value says a subscription ended, was cancelled or is not active.
_ENDED = (
    # English
    "inactive", "deactivated", "lapsed", "disabled", "suspended", "revoked", "discontinued", "unsubscribed",
    # German
    "gekündigt", "gekuendigt", "beendet", "abgelaufen", "inaktiv", "deaktiviert", "storniert", "abgemeldet",
    "gelöscht", "abgebrochen",
    # French
    "résilié", "resilie", "résiliée", "annulé", "annule", "annulée", "terminé", "termine", "expiré", "expire",
    "inactif", "inactive", "désactivé", "desactive", "désabonné",
    # Italian
    "disdetto", "disdetta", "annullato", "annullata", "cancellato", "cancellata", "scaduto", "scaduta",
    "terminato", "terminata", "inattivo", "inattiva", "disattivato", "disattivata", "cessato",
    # Spanish and Portuguese
    "cancelado", "cancelada", "vencido", "vencida", "expirado", "expirada", "terminado", "terminada", "inactivo",
    "inactiva", "desactivado", "desactivada", "dado_de_baja", "inativo", "inativa", "encerrado",
    "desativado",
    # Dutch, Scandinavian
    "opgezegd", "beëindigd", "beeindigd", "verlopen", "inactief", "geannuleerd", "gedeactiveerd", "uppsagd",
    "avslutad", "avsluttet", "oppsagt", "opsagt", "ophørt",
)  # fmt: skip
#: Words whose false value says a subscription is not active (``Aktiv`` = nein).
_ACTIVE = ("aktiv", "actif", "active", "attivo", "attiva", "activo", "activa", "ativo", "ativa", "actief", "aktiivinen",
           "subscribed", "is_subscribed", "abonniert")  # fmt: skip
#: Words before a flag's word (``is_inactive``, ``ist_gekündigt``, ``est_résilié``, ``è_attivo``).
_PREFIXES = ("", "is_", "has_", "was_", "ist_", "est_", "è_", "es_", "está_", "esta_", "currently_", "account_",
             "subscription_", "abo_")  # fmt: skip


def flag_names(words: tuple[str, ...]) -> frozenset[str]:
    """The column keys (:func:`~.names.keys_of`, ``?`` stripped) of ``words`` with each of :data:`_PREFIXES`.

    >>> sorted(flag_names(("lapsed",)))[:3]
    ['abo_lapsed', 'account_lapsed', 'currently_lapsed']
    """
    return frozenset(p + w for w in words for p in _PREFIXES)


ENDED_FLAG_WORDS = flag_names(_ENDED)
ACTIVE_FLAG_WORDS = flag_names(_ACTIVE)
