"""A small news site on 127.0.0.1 for the watching tests: an RSS feed, an Atom feed, a page
listing articles and the article pages, all changeable between polls. It honours conditional
GET (ETag / Last-Modified → 304), counts every request by path, can fail (HTTP 500) or hang
(past the client's timeout). The texts are French dispatches written for these tests."""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

RSS_FULL = {
    "path": "/monde/2024/03/11/le-senegal-rouvre-sa-frontiere-avec-la-mauritanie.html",
    "title": "Le Sénégal rouvre sa frontière avec la Mauritanie",
    "text": ("Le gouvernement du Sénégal a annoncé lundi la réouverture de sa frontière avec la Mauritanie, "
             "fermée depuis trois semaines après des heurts entre éleveurs. Le ministre de l'Intérieur a "
             "précisé que les postes de Rosso et de Kidira accueilleraient de nouveau les voyageurs dès mardi.\n\n"
             "Nouakchott a salué une décision « responsable » et promis de renforcer les patrouilles communes "
             "le long du fleuve."),
}
RSS_SUMMARY = {
    "path": "/monde/2024/03/12/rencontre-entre-les-ministres-marocain-et-espagnol-a-rabat.html",
    "title": "Rencontre entre les ministres marocain et espagnol à Rabat",
    "summary": "Les chefs de la diplomatie du Maroc et de l'Espagne se sont rencontrés mardi à Rabat.",
    "page": ("Les chefs de la diplomatie du Maroc et de l'Espagne se sont rencontrés mardi à Rabat pour "
             "préparer le prochain sommet bilatéral. Les deux ministres ont signé un accord sur la gestion "
             "des ports de commerce et sur la coopération douanière.\n\n"
             "Selon le ministère marocain des Affaires étrangères, la délégation espagnole a également "
             "proposé la création d'une commission mixte chargée des questions migratoires.\n\n"
             "Les deux gouvernements doivent se retrouver à Madrid au mois de juin."),
}
ATOM_FULL = {
    "path": "/europe/2024/03/13/le-parlement-georgien-adopte-une-loi-electorale-contestee.html",
    "title": "Le Parlement géorgien adopte une loi électorale contestée",
    "text": ("Le Parlement de la Géorgie a adopté mercredi une réforme de la loi électorale, malgré les "
             "protestations de l'opposition qui dénonce un texte taillé pour le parti au pouvoir. Plusieurs "
             "centaines de manifestants se sont rassemblés devant le bâtiment à Tbilissi.\n\n"
             "La présidente a annoncé qu'elle opposerait son veto à la loi dans les prochains jours."),
}
LISTED = [
    {
        "path": "/international/le-premier-ministre-japonais-en-visite-officielle-a-hanoi.html",
        "title": "Le Premier ministre japonais en visite officielle à Hanoï",
        "page": ("Le Premier ministre du Japon est arrivé jeudi à Hanoï pour une visite officielle de deux jours, "
                 "la première depuis son entrée en fonctions. Il doit rencontrer le président du Vietnam et "
                 "signer plusieurs accords de coopération économique.\n\n"
                 "Les deux pays entendent renforcer leurs échanges dans les domaines de l'énergie et des "
                 "infrastructures portuaires, selon un communiqué publié par Tokyo.\n\n"
                 "La délégation japonaise compte une trentaine de chefs d'entreprise."),
    },
    {
        "path": "/international/des-milliers-de-manifestants-a-bogota-contre-la-reforme.html",
        "title": "Des milliers de manifestants à Bogota contre la réforme des retraites",
        "page": ("Des milliers de personnes ont manifesté vendredi à Bogota contre la réforme des retraites "
                 "présentée par le gouvernement de la Colombie. Les syndicats ont appelé à une grève générale "
                 "la semaine prochaine si le texte n'est pas retiré.\n\n"
                 "La police a interpellé une vingtaine de personnes après des heurts en fin de journée près "
                 "du Congrès, selon la mairie de la capitale.\n\n"
                 "Le ministre du Travail a proposé de recevoir les syndicats lundi."),
    },
]
LATER_SUMMARY = {
    "path": "/monde/2024/03/14/le-chili-et-l-argentine-signent-un-accord-sur-le-gaz.html",
    "title": "Le Chili et l'Argentine signent un accord sur le gaz",
    "summary": "Santiago et Buenos Aires ont signé jeudi un accord sur les livraisons de gaz.",
    "page": ("Le Chili et l'Argentine ont signé jeudi à Santiago un accord sur les livraisons de gaz naturel "
             "pour les dix prochaines années. Le texte prévoit la construction d'un nouveau gazoduc à travers "
             "la cordillère des Andes.\n\n"
             "Le ministre argentin de l'Énergie a qualifié l'accord d'« historique » lors d'une conférence "
             "de presse commune avec son homologue chilienne.\n\n"
             "Les premières livraisons sont attendues au printemps prochain."),
}
LATER_LISTED = {
    "path": "/international/le-kenya-envoie-des-policiers-en-haiti-selon-nairobi.html",
    "title": "Le Kenya envoie des policiers en Haïti, selon Nairobi",
    "page": ("Le gouvernement du Kenya a confirmé samedi l'envoi de quatre cents policiers en Haïti dans le "
             "cadre de la mission internationale de sécurité. Les premiers agents doivent quitter Nairobi "
             "à la fin du mois.\n\n"
             "Le ministre kényan de l'Intérieur a assuré que le Parlement serait consulté avant tout "
             "renfort supplémentaire.\n\n"
             "Washington a promis de financer une partie de la mission."),
}


def article_html(title: str, text: str) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    return (f"<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
            f"<body><header><nav><a href='/'>Accueil</a> <a href='/international/'>International</a></nav></header>"
            f"<main><article><h1>{escape(title)}</h1>{paragraphs}</article></main>"
            f"<footer><a href='/mentions-legales-du-site-exemple.html'>Mentions légales du site</a></footer>"
            f"</body></html>")


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    hang: float = 0.0  # seconds to wait before answering


@dataclass
class Site:
    """The pages served (path → Page), changeable while served, and what was asked."""

    pages: dict[str, Page] = field(default_factory=dict)
    requests: Counter[str] = field(default_factory=Counter)
    not_modified: Counter[str] = field(default_factory=Counter)
    agents: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""
    version: int = 0

    def put(self, path: str, body: str, content_type: str = "text/html; charset=utf-8", *,
            validator: str = "etag") -> None:
        """Serve `body` at `path`, with a fresh ETag (or Last-Modified) so that a changed page is seen."""
        with self.lock:
            self.version += 1
            page = Page(body.encode("utf-8"), content_type)
            if validator == "etag":
                page.etag = f'"v{self.version}"'
            elif validator == "last-modified":
                page.last_modified = formatdate(time.time() + self.version, usegmt=True)
            self.pages[path] = page

    def fail(self, path: str, status: int = 500) -> None:
        with self.lock:
            self.pages[path] = Page(b"erreur interne", "text/plain", status)

    def hang(self, path: str, seconds: float) -> None:
        with self.lock:
            self.pages[path] = Page(b"", "text/plain", hang=seconds)

    def count(self, path: str) -> int:
        with self.lock:
            return self.requests[path]

    def url(self, path: str) -> str:
        return self.base + path


def rss(site: Site, items: list[dict[str, str]]) -> str:
    """An RSS 2.0 feed: items with 'text' carry it in content:encoded; the others only a description."""
    parts = []
    for item in items:
        body = (f"<description>{escape(item['summary'])}</description>" if "summary" in item else
                f"<description>{escape(item['text'][:80])}</description>"
                f"<content:encoded>{escape(''.join(f'<p>{p}</p>' for p in item['text'].split(chr(10) * 2)))}"
                f"</content:encoded>")
        parts.append(f"<item><title>{escape(item['title'])}</title><link>{site.url(item['path'])}</link>"
                     f"<guid>{site.url(item['path'])}</guid><pubDate>Mon, 11 Mar 2024 08:00:00 +0000</pubDate>"
                     f"{body}</item>")
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0' "
            "xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel><title>Le Monde d'exemple</title>"
            f"<link>{site.url('/')}</link><description>Actualité</description>{''.join(parts)}</channel></rss>")


def atom(site: Site, items: list[dict[str, str]]) -> str:
    entries = "".join(
        f"<entry><title>{escape(item['title'])}</title><link href='{site.url(item['path'])}'/>"
        f"<id>{site.url(item['path'])}</id><updated>2024-03-13T09:00:00Z</updated>"
        f"<content type='html'>{escape(''.join(f'<p>{p}</p>' for p in item['text'].split(chr(10) * 2)))}</content>"
        f"</entry>" for item in items)
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>Europe d'exemple</title><id>{site.url('/atom.xml')}</id>"
            f"<updated>2024-03-13T09:00:00Z</updated>{entries}</feed>")


def listing(site: Site, items: list[dict[str, str]]) -> str:
    links = "".join(f"<li><a href='{item['path']}'>{escape(item['title'])}</a></li>" for item in items)
    return ("<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>International</title></head><body>"
            "<header><nav><a href='/'>Accueil</a> <a href='/politique/'>Politique</a> "
            "<a href='/international/un-lien-de-menu-vers-une-page-de-la-rubrique.html'>Menu</a></nav></header>"
            f"<main><h1>International</h1><ul>{links}</ul>"
            "<p><a href='/tag/japon'>Japon</a> <a href='/international/?page=2'>Page suivante</a> "
            "<a href='https://ailleurs.example.net/un-article-sur-un-autre-site-web.html'>Ailleurs</a> "
            "<a href='/images/carte-du-monde-en-couleurs.png'>Carte</a></p></main></body></html>")


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        site = self.site
        with site.lock:
            site.requests[self.path] += 1
            site.agents.add(self.headers.get("User-Agent", ""))
            page = site.pages.get(self.path)
        if page is None:
            self._send(404, b"introuvable", "text/plain")
            return
        if page.hang:
            time.sleep(page.hang)
        if page.status == 200 and (
                (page.etag and self.headers.get("If-None-Match") == page.etag)
                or (page.last_modified and self.headers.get("If-Modified-Since") == page.last_modified)):
            with site.lock:
                site.not_modified[self.path] += 1
            self._send(304, b"", None, page)
            return
        self._send(page.status, page.body, page.content_type, page)

    def _send(self, status: int, body: bytes, content_type: str | None, page: Page | None = None) -> None:
        try:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            if page is not None and page.etag:
                self.send_header("ETag", page.etag)
            if page is not None and page.last_modified:
                self.send_header("Last-Modified", page.last_modified)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            pass

    def log_message(self, format: str, *args: object) -> None:
        pass


class Served:
    """The site served by a real HTTP server on a free 127.0.0.1 port, in a thread."""

    def __init__(self, site: Site) -> None:
        handler = type("Handler", (_Handler,), {"site": site})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        site.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, name="watch-site", daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)
