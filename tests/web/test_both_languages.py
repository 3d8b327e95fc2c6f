"""Every page and partial, as owner, manager and worker, speaks one language: no English sentence in the
Japanese UI and no Japanese in the English UI, outside the shop's own data (items, suppliers, sites, people)."""

import re
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po
from sqlalchemy import select

from tests.route_walk import busy_shop, get_urls
from tests.web.helpers import log_in
from webapp.extensions import db
from webapp.models import ApiToken, Item, Location, Site, Supplier, User
from webapp.services.catalog import COLUMNS

# Pages that are files, not text: downloads, documents, certificates, the service worker.
NOT_PAGES = (".csv", "/pdf", ".crt", ".mobileconfig", "/sw.js", ".webmanifest", "/photos/")
# Words a Japanese screen writes in Latin letters: standards, formats, products and the app's codes.
LATIN_WORDS = frozenset(
    {
        *("JAN", "EAN", "UPC", "GTIN", "GS1", "ITF", "QR", "CSV", "PDF", "API", "URL", "HTTP", "HTTPS", "https"),
        *("SMTP", "SMTPS", "TLS", "STARTTLS", "SSL", "PIN", "FAX", "LAN", "UUID", "JSON", "PNG", "JPEG", "WebP"),
        *("Excel", "UTF", "BOM", "Shift_JIS", "JIS", "CP932", "iPhone", "iOS", "Android", "Chrome", "Safari"),
        *("Webhook", "webhook", "ABC", "KPI", "SKU", "ROP", "Tanaoroshi", "Bearer", "OpenAPI"),
        *("ZPL", "Zebra", "dpi", "Unicode"),  # thermal label printers
        *("flask", "restore", "tls", "init", "cron"),  # commands typed on the shop's PC
    }
)
# CSV column names are codes a file must carry as they are.
CSV_COLUMNS = frozenset(
    {c for cols in COLUMNS.values() for c in cols} | {"order", "supplier", "customer", "site", "item"}
)
PLACEHOLDER = re.compile(r"\{\w+\}")  # {fax}, {supplier}: filled in when a message is sent
ENGLISH_WORD = re.compile(r"(?<![\w@./:-])[A-Za-z]{3,}(?![\w@./:-])")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
# What a page may hold in the other language: the switch naming each language in its own.
LANGUAGE_NAMES = ("日本語", "English")


class VisibleText(HTMLParser):
    """The text a user reads: text nodes and the attributes said aloud or shown, not scripts or code."""

    SKIP = frozenset({"script", "style", "code", "kbd", "samp", "template", "textarea"})  # textarea: the shop's text
    SHOWN = frozenset({"title", "placeholder", "aria-label", "alt"})

    def __init__(self, lang: str):
        super().__init__()
        self.lang, self.parts, self.skipping, self.open_tags = lang, [], 0, []

    def handle_starttag(self, tag, attrs):
        # An element marked in the other language (lang="en" on a Japanese page) says so on purpose.
        foreign = dict(attrs).get("lang") not in (None, self.lang) and tag != "html"
        if tag in self.SKIP or foreign:
            self.skipping += 1
            self.open_tags.append(tag)
        self.parts.extend(v for k, v in attrs if k in self.SHOWN and v)
        if tag == "input" and dict(attrs).get("type") in ("submit", "button"):
            self.parts.append(dict(attrs).get("value") or "")

    def handle_endtag(self, tag):
        if self.open_tags and self.open_tags[-1] == tag:
            self.open_tags.pop()
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.parts.append(data.strip())


def shop_data(lang: str) -> list[str]:
    """Every name and code the shop typed in itself, longest first (so a long name goes before its parts).

    An item's name in the other language is left in when it has one in this language: a page must show that one.
    """
    found = set()
    for name, name_en in db.session.execute(select(Item.name, Item.name_en)):
        found.add(name if lang == "ja" or not name_en else name_en)
    for model, columns in (
        (Item, ("code", "category", "unit", "note")),
        (Supplier, ("code", "name", "contact", "email")),
        (Site, ("code", "name")),
        (Location, ("code", "name", "zone")),
        (User, ("username", "display_name")),
        (ApiToken, ("name",)),
    ):
        for row in db.session.execute(select(*(getattr(model, c) for c in columns if hasattr(model, c)))):
            found.update(str(v) for v in row if v)
    # One- and two-letter values (zone "A") would cut letters out of words; they are never sentences anyway.
    return sorted((v for v in found if len(v) >= 3), key=len, reverse=True)


def foreign_text(html: str, lang: str, data: list[str]) -> list[str]:
    """The pieces of a page in the other language, once the shop's own data is taken out."""
    parser = VisibleText(lang)
    parser.feed(html)
    wrong = []
    for part in parser.parts:
        for value in data:
            part = part.replace(value, " ")
        for name in LANGUAGE_NAMES:
            part = part.replace(name, " ")
        part = PLACEHOLDER.sub(" ", part)
        if lang == "en" and JAPANESE.search(part):
            wrong.append(part)
        if lang == "ja" and [w for w in ENGLISH_WORD.findall(part) if w not in LATIN_WORDS | CSV_COLUMNS]:
            wrong.append(part)
    return wrong


@pytest.fixture
def shop(app):
    return busy_shop()


def pages_of(app, shop) -> list[str]:
    return [u for u in get_urls(app, shop["ids"]) if not u.startswith("/api/") and not u.endswith(NOT_PAGES)]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_page_and_partial_is_in_one_language_for_every_role(app, client, shop, lang):
    pages, problems, seen, data = pages_of(app, shop), {}, 0, shop_data(lang)
    for role in ("owner", "manager", "worker"):
        client = app.test_client()  # a FreshGClient (the client fixture): one login per role
        log_in(client, f"{role}-kimura")
        client.set_cookie("lang", lang)
        for url in pages:
            for headers in ({}, {"HX-Request": "true"}):
                answer = client.get(url, headers=headers)
                if answer.status_code != 200 or answer.mimetype != "text/html":
                    continue
                seen += 1
                for text in foreign_text(answer.get_data(as_text=True), lang, data):
                    problems.setdefault(text, set()).add(f"{role} {url}{' (partial)' if headers else ''}")
    assert seen > 60
    assert not problems, "\n".join(f"{text!r} on {', '.join(sorted(where)[:3])}" for text, where in problems.items())


def test_every_message_of_the_catalogue_has_its_japanese_translation():
    with open("webapp/translations/ja/LC_MESSAGES/messages.po", "rb") as fh:
        catalog = read_po(fh)
    strings = lambda m: m.string if isinstance(m.string, tuple) else (m.string,)  # noqa: E731  (plurals hold several)
    assert [m.id for m in catalog if m.id and (not all(strings(m)) or m.fuzzy)] == []
