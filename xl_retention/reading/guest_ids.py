"""The ids shops and tills write for a customer they do not know, in the languages of their exports.

A guest checkout, a walk-in sale or an anonymous buyer gets one id for all of them: ``Guest``, WooCommerce's ``0``,
a Japanese shop's ``ゲスト``, a Brazilian one's ``Convidado``, an Argentine invoice's ``Consumidor final``, a Mexican
one's generic taxpayer ``XAXX010101000``, a Polish till's ``Klient detaliczny``, a Chinese one's ``散客``. Read as an
id, it is one customer who buys every month (a returning customer, never lost): such ids are refused
(:func:`~.values.placeholder_ids`). :data:`GUEST_IDS` holds them in lower case, each with and without its accents,
as they are compared (an id in lower case, its outer spaces stripped).
"""

from __future__ import annotations

import unicodedata

__all__ = ["GUEST_IDS"]

_WORDS = """
guest | guests | guest checkout | guest user | guest customer | guest order | walk-in | walk-in customer | walkin |
cash customer | cash sale | anonymous user | anonymous customer | no customer | unregistered | not registered |
gast | gastkunde | gastbestellung | gast-bestellung | gastzugang | laufkunde | barverkauf | anonym | kein kunde |
invité | client invité | commande invité | client de passage | anonyme | client anonyme | client comptoir |
invitado | cliente invitado | cliente ocasional | cliente casual | cliente genérico | anónimo | cliente anónimo |
consumidor final | público en general | cliente mostrador | cliente de mostrador | xaxx010101000 |
convidado | cliente convidado | cliente visitante | anônimo | cliente avulso | cliente de passagem | sem cadastro |
ospite | cliente ospite | cliente occasionale | anonimo | cliente anonimo | cliente al banco |
gastklant | anoniem | gastbestelling |
gość | klient gość | anonim | anonimowy | klient anonimowy | klient detaliczny | zamówienie gościa |
gäst | gästkund | gjest | gæst | vieras | misafir | misafir müşteri | vendég | oaspete | client ocazional |
επισκέπτης | ανώνυμος | πελάτης λιανικής |
гость | гостевой заказ | аноним | анонимный | анонимный покупатель | покупатель без регистрации |
розничный покупатель | гість | анонім | гост | gost |
אורח | ضيف | زائر | مهمان | अतिथि | แขก | khách vãng lai | khách lẻ | tamu | pelanggan umum |
ゲスト | ゲスト購入 | ゲストユーザー | ゲスト会員 | 非会員 | 匿名 |
访客 | 訪客 | 游客 | 遊客 | 匿名用户 | 匿名用戶 | 散客 | 非会员 | 非會員 | 来宾 | 來賓 | 零售客户 |
게스트 | 비회원 | 손님 | 익명
"""


def _plain(word: str) -> str:
    """``word`` of Latin or Greek letters without its accents (``gość`` -> ``gosc``); other scripts keep their marks
    (Russian ``й`` is no ``и``, Japanese ``ゲ`` no ``ケ``)."""
    if not word.isascii() and all(ord(c) < 0x0400 for c in word):
        return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return word


#: A till's, an ERP's or an invoicing tool's default customer for a sale of no one known, in English: one of these
#: words, then a person's ("Unknown customer", "Anonymous Buyer", "Retail Customer", "POS Customer"; H200 finding 03)
_WHO_NOT = ("unknown", "anonymous", "anon", "default", "retail", "pos", "counter", "walk-in", "walkin", "walk in",
            "cash", "generic", "unidentified", "unregistered", "guest", "one-time", "one time", "occasional",
            "miscellaneous", "misc", "sundry", "no", "no name", "store", "shop", "till",
            "over the counter")  # fmt: skip
_PERSON = ("customer", "customers", "client", "clients", "buyer", "buyers", "user", "shopper", "purchaser", "sale",
           "sales", "consumer", "patron")  # fmt: skip
#: The same in other languages, and the English ones of another form.
_MORE = """
not logged in | no account | no login | without account | unbekannt |
kassenkunde | barkunde | thekenkunde | tresenkunde | sofortkunde | laufkundschaft | unbekannter kunde |
kunde unbekannt | ohne kunde | kein kundenkonto | diverse kunden | diverse | barverkauf kunde | sammelkunde |
cliente contado | cliente de contado | cliente al contado | sin cliente | cliente desconocido | cliente por defecto |
cliente varios | clientes varios | cliente general | venta mostrador | venta de mostrador | venta de contado |
client inconnu | client divers | clients divers | client comptant | vente comptoir | vente au comptoir |
cliente generico | cliente sconosciuto | clienti vari | cliente vario | cliente al dettaglio |
onbekende klant | onbekend | kassaklant | passant | particulier | losse verkoop |
cliente desconhecido | cliente padrão | consumidor | venda balcão |
"""


def _combined() -> list[str]:
    """The English default customers, each of :data:`_WHO_NOT` before each of :data:`_PERSON`."""
    return [f"{who} {person}" for who in _WHO_NOT for person in _PERSON]


#: The guest ids (:data:`_WORDS`, :data:`_MORE`, :func:`_combined`), in lower case, with and without accents.
GUEST_IDS = frozenset(
    form
    for text in [*_WORDS.split("|"), *_MORE.split("|"), *_combined()]
    if (word := " ".join(text.split()).lower())
    for form in (word, _plain(word))
)
