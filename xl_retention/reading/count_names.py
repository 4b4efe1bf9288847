"""The names of a report's count columns ("Users", "Active users", "Sessions"), in the languages of analytics and
shop dashboards: Google Analytics exports its reports in the language of its interface ("Aktive Nutzer",
"Utilisateurs actifs", "Usuarios", "Sessões", "アクティブ ユーザー", "活跃用户").

:data:`COUNT_NAME` matches a column name (as :func:`~.names.key` spells it) that says it counts people or events;
:data:`ONLY_COUNT` those that only a count has: a plural alone ("Users", "Nutzer", "Clientes", "ユーザー") may also
head a column of numeric ids (:func:`~.export_kinds.refuse_counts` reads its values).
"""

from __future__ import annotations

import re

__all__ = ["COUNT_NAME", "ONLY_COUNT"]

#: Words before a count's name: "Total users", "Active users", "Number of sessions", "Aktive Nutzer", "Nombre de
#: visiteurs", "Número de sesiones", "Liczba użytkowników", "Количество сеансов".
_PREFIXES = (
    r"total|active|new|unique|distinct|returning|daily|weekly|monthly|number_of|no\.?|num|#|"
    r"aktive|neue|anzahl(?:_der)?|gesamt|nouveaux|nombre_de|total_de|activos|nuevos|número_de|numero_de|"
    r"ativos|novos|numero_di|attivi|nuovi|totale|actieve|nieuwe|aantal|aktywni|nowi|liczba|активные|новые|количество"
)
#: Plurals that may head a column of numeric ids (customer numbers) as well as a count.
_PLURALS = (
    r"users?|visitors?|people|persons|customers|buyers|subscribers|accounts|"
    r"nutzer|benutzer|besucher|kunden|käufer|abonnenten|utilisateurs|visiteurs|clients|acheteurs|abonnés|"
    r"usuarios|visitantes|clientes|compradores|suscriptores|usuários|utilizadores|assinantes|utenti|visitatori|"
    r"clienti|acquirenti|abbonati|gebruikers|bezoekers|klanten|kopers|abonnees|użytkownicy|użytkowników|"
    r"odwiedzający|klienci|kupujący|subskrybenci|пользователи|пользователей|посетители|посетителей|клиенты|"
    r"покупатели|подписчики|ユーザー|訪問者|顧客|購入者|用户|访客|客户|买家|用戶|訪客|客戶|사용자|방문자|고객|구매자"
)
#: Names only a count has: events and sessions, not people.
_EVENTS = (
    r"sessions|visits|pageviews|page_views|views|orders|transactions|purchases|count|uniques|events|cohort_size|"
    r"sitzungen|besuche|seitenaufrufe|aufrufe|ereignisse|bestellungen|transaktionen|käufe|"
    r"visites|pages_vues|vues|événements|commandes|achats|sesiones|visitas|páginas_vistas|vistas|eventos|pedidos|"
    r"transacciones|compras|sessões|visualizações|visualizações_de_página|transações|sessioni|visite|"
    r"visualizzazioni|eventi|ordini|transazioni|acquisti|sessies|bezoeken|paginaweergaven|weergaven|gebeurtenissen|"
    r"bestellingen|aankopen|sesje|wizyty|odsłony|wyświetlenia|zdarzenia|zamówienia|transakcje|zakupy|сеансы|сессии|"
    r"визиты|просмотры|просмотры_страниц|события|заказы|транзакции|покупки|сеансов|сессий|визитов|просмотров|"
    r"событий|заказов|покупок|sesji|wizyt|odsłon|wyświetleń|zamówień|"
    r"セッション|セッション数|表示回数|ページビュー|ページビュー数|訪問数|イベント数|注文数|ユーザー数|訪問者数|顧客数|"
    r"会话|会话数|会话次数|浏览量|访问量|访问次数|事件数|订单数|用户数|访客数|客户数|工作阶段|瀏覽量|"
    r"세션|세션수|세션_수|조회수|페이지뷰|방문수|방문_수|사용자_수|방문자_수|주문수|이벤트_수"
)
#: Words after a count's name: "User count", "Nutzer Anzahl", "Utilisateurs actifs", "Usuarios nuevos"; "数"
#: ("ユーザー数"), "수" ("사용자 수") with or without a space.
_SUFFIXES = (
    r"_(?:count|anzahl|actifs|nouveaux|uniques|activos|nuevos|únicos|ativos|novos|únicos|attivi|nuovi|unici|totali)"
    r"|_?(?:数|수)"
)
_LEAD = rf"(?:(?:{_PREFIXES})_|nombre_d')*"
_CJK = r"|^アクティブ_?ユーザー.*|^活跃用户.*|^活躍用戶.*|^활성_?사용자.*"

#: An id column's name (as :func:`~.names.key` spells it) that says it counts people or events: a report's column.
COUNT_NAME = re.compile(rf"^{_LEAD}(?:{_PLURALS}|{_EVENTS})(?:{_SUFFIXES})?${_CJK}")
#: Of those, the names that only a count has ("Active users", "Sessions", "Total visitors", "User count",
#: "Aktive Nutzer", "Sitzungen", "ユーザー数"); a plural alone ("Users", "Customers", "Nutzer") may head a column of
#: numeric ids, and is a count only with one row per date.
ONLY_COUNT = re.compile(rf"^{_LEAD.replace('*', '+')}.+|.+(?:{_SUFFIXES})$|^(?:{_EVENTS})${_CJK}")
