#!/usr/bin/env python3
"""A TEST DOUBLE of kb-server for the browser test, NOT kb.

It serves the customer page (Sources/kb-server/Public/) at `/`, `/static/app.js` and
`/static/style.css` with the real server's `Content-Security-Policy: default-src 'self'`, and
answers `GET /search`, `GET|POST /suggest`, `GET /articles/{id}` and `GET /articles/{id}/related`
in kb's JSON shapes, from the sample articles in Articles/ parsed at start-up. Its "search" is a
naive accent-folding prefix match with made-up scores: good enough to drive the page, useless to
judge kb's relevance. Responses get a small random delay so that they can arrive out of order,
as they may from a busy server.

Python standard library only. Usage: fake_server.py [--port 8081] [--articles DIR] [--delay-ms 60]
"""

import argparse
import difflib
import html
import json
import random
import re
import time
import unicodedata
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = ROOT / "Sources" / "kb-server" / "Public"
STATIC = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/static/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/static/style.css": ("style.css", "text/css; charset=utf-8"),
}
STOP_WORDS = set("a o as os um uma de da do das dos e em no na nos nas ao aos para por com que se meu minha".split())
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "pre", "blockquote"}


def fold(text):
    """Lowercase without accents."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def terms(text):
    return [w for w in re.findall(r"\w+", fold(text)) if w not in STOP_WORDS]


def matches(term, word):
    """Prefix match, plus a crude stem match (same first 6 letters) for long words."""
    return word.startswith(term) or (len(term) >= 6 and len(word) >= 6 and word[:6] == term[:6])


class ArticleParser(HTMLParser):
    """Title, <meta> fields, h1-h3 headings and one body line per block element."""

    def __init__(self):
        super().__init__()
        self.meta, self.title, self.headings, self.lines = {}, "", [], []
        self._in_title = False
        self._text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name"):
            self.meta[attrs["name"]] = attrs.get("content", "")
        elif tag == "title":
            self._in_title = True
        elif tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag in BLOCKS:
            line = self._flush()
            if line and tag in ("h1", "h2", "h3"):
                self.headings.append(line)

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        else:
            self._text.append(data)

    def _flush(self):
        line = " ".join("".join(self._text).split())
        self._text = []
        if line:
            self.lines.append(line)
        return line


def load_articles(folder):
    articles = {}
    for path in sorted(folder.rglob("*.html")):
        parser = ArticleParser()
        parser.feed(path.read_text(encoding="utf-8"))
        article_id = path.relative_to(folder).as_posix()
        meta = parser.meta
        tags = [t.strip() for t in meta.get("kb:tags", "").split(",") if t.strip()]
        articles[article_id] = {
            "id": article_id,
            "title": parser.title.strip(),
            "url": None,
            "category": meta.get("kb:category"),
            "product": meta.get("kb:product"),
            "tags": tags,
            "summary": meta.get("description", ""),
            "updated": meta.get("kb:updated", ""),
            "headings": parser.headings,
            "body": "\n".join(parser.lines),
        }
    return articles


class Index:
    def __init__(self, articles):
        self.articles = articles
        self.words = {}  # folded word -> a spelling with accents, for "did you mean"
        self.fields = {  # article id -> [(terms of a field, weight)]
            a["id"]: [(terms(a["title"]), 3.0), (terms(" ".join(a["tags"])), 2.0),
                      (terms(" ".join(a["headings"])), 1.5), (terms(a["body"]), 0.1)]
            for a in articles.values()}
        for a in articles.values():
            for word in re.findall(r"\w+", a["title"] + " " + a["body"]):
                self.words.setdefault(fold(word), word.lower())

    def score(self, article, query_terms):
        """(number of query terms matched, score)."""
        fields = self.fields[article["id"]]
        matched, total = 0, 0.0
        for term in query_terms:
            hits = sum(weight * sum(1 for w in words if matches(term, w)) for words, weight in fields)
            matched += hits > 0
            total += hits
        return matched, round(total, 4)

    def snippet(self, article, query_terms):
        lines = article["body"].split("\n")[1:] or [article["summary"]]
        best = max(lines, key=lambda line: sum(any(matches(t, w) for t in query_terms) for w in terms(line)))
        words = list(re.finditer(r"\w+", best))
        first = next((m.start() for m in words if any(matches(t, fold(m.group())) for t in query_terms)), 0)
        start = max(0, first - 60)
        text = best[start:start + 180]
        parts, pos = [], 0
        for m in re.finditer(r"\w+", text):
            if any(matches(t, fold(m.group())) for t in query_terms):
                parts += [html.escape(text[pos:m.start()], quote=False), "<mark>", html.escape(m.group()), "</mark>"]
                pos = m.end()
        parts.append(html.escape(text[pos:], quote=False))
        return ("…" if start else "") + "".join(parts) + ("…" if start + 180 < len(best) else "")

    def hit(self, article, score, query_terms):
        fields = ("id", "title", "url", "category", "product", "summary")
        return {**{k: article[k] for k in fields}, "snippet": self.snippet(article, query_terms), "score": score}

    def search(self, query, limit=10, offset=0, category=None, product=None, tag=None):
        started = time.perf_counter()
        query_terms = terms(query)
        found = []
        for article in self.articles.values():
            matched, score = self.score(article, query_terms)
            if query_terms and matched == len(query_terms):
                found.append((score, article))
        found.sort(key=lambda pair: -pair[0])
        facets = {}
        for _, article in found:
            if article["category"]:
                facets[article["category"]] = facets.get(article["category"], 0) + 1
        found = [(s, a) for s, a in found if (not category or a["category"] == category)
                 and (not product or a["product"] == product) and (not tag or tag in a["tags"])]
        response = {
            "query": query,
            "total": len(found),
            "took_ms": round((time.perf_counter() - started) * 1000, 3),
            "hits": [self.hit(a, s, query_terms) for s, a in found[offset:offset + limit]],
            "facets": {"category": facets},
        }
        if not found and query_terms:
            fixed = [self.words.get((difflib.get_close_matches(t, self.words, n=1, cutoff=0.75) or [t])[0], t)
                     for t in query_terms]
            if fixed != query_terms:
                response["did_you_mean"] = " ".join(fixed)
        return response

    def suggest(self, subject, description="", limit=3):
        """Only "confident" suggestions: at least 2 of the subject's terms (or its only one) match."""
        started = time.perf_counter()
        query_terms = terms(subject)
        needed = min(2, len(query_terms))
        found = []
        for article in self.articles.values():
            matched, score = self.score(article, query_terms)
            if query_terms and matched >= max(needed, round(0.6 * len(query_terms))) and score >= 3:
                found.append((score, article))
        found.sort(key=lambda pair: -pair[0])
        hits = [self.hit(a, s, query_terms) for s, a in found[:limit]]
        return {"query": subject, "total": len(hits), "took_ms": round((time.perf_counter() - started) * 1000, 3),
                "hits": hits}

    def related(self, article_id):
        article = self.articles[article_id]
        others = [a for a in self.articles.values() if a["id"] != article_id and a["category"] == article["category"]]
        others.sort(key=lambda a: -len(set(a["tags"]) & set(article["tags"])))
        return {"hits": [self.hit(a, 1.0, terms(article["title"])) for a in others[:5]]}


class Handler(BaseHTTPRequestHandler):
    index = None
    delay_ms = 0
    verbose = False

    def log_message(self, format, *args):
        if self.verbose:
            super().log_message(format, *args)

    def send(self, status, body, content_type="application/json; charset=utf-8"):
        if self.delay_ms:
            time.sleep(random.uniform(0, self.delay_ms) / 1000)
        data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Content-Security-Policy", "default-src 'self'")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def error(self, status, code, message):
        self.send(status, {"error": {"code": code, "message": message}})

    def do_GET(self):
        url = urlsplit(self.path)
        params = {k: v[-1] for k, v in parse_qs(url.query).items()}
        number = lambda name, default: int(params[name]) if params.get(name, "").isdigit() else default
        if url.path in STATIC:
            name, content_type = STATIC[url.path]
            return self.send(200, (PUBLIC / name).read_bytes(), content_type)
        if url.path == "/search":
            return self.send(200, self.index.search(
                params.get("q", ""), min(number("limit", 10), 100), number("offset", 0),
                params.get("category"), params.get("product"), params.get("tag")))
        if url.path == "/suggest":
            return self.send(200, self.index.suggest(
                params.get("subject", ""), params.get("description", ""), min(number("limit", 3), 20)))
        match = re.fullmatch(r"/articles/(.+?)(/related)?", url.path)
        if match:
            article_id = unquote(match.group(1))
            if article_id not in self.index.articles:
                return self.error(404, "not_found", f"No article with id {article_id!r}.")
            if match.group(2):
                return self.send(200, self.index.related(article_id))
            return self.send(200, self.index.articles[article_id])
        self.error(404, "not_found", f"No route for {url.path}.")

    def do_POST(self):
        if urlsplit(self.path).path != "/suggest":
            return self.error(404, "not_found", "No route.")
        try:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        except ValueError:
            return self.error(400, "bad_request", "The body is not JSON.")
        self.send(200, self.index.suggest(body.get("subject", ""), body.get("description", ""),
                                          min(int(body.get("limit", 3)), 20)))


def main():
    parser = argparse.ArgumentParser(description="Test double of kb-server for the browser test.")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--articles", type=Path, default=ROOT / "Articles")
    parser.add_argument("--delay-ms", type=int, default=60, help="random delay per response, 0 to disable")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    # The hostile article of the browser test's last step, as if it were one of the articles.
    hostile = load_articles(ROOT / "Tests" / "KBServerTests" / "Fixtures" / "hostile-articles")
    Handler.index = Index({**load_articles(args.articles), **hostile})
    Handler.delay_ms = args.delay_ms
    Handler.verbose = args.verbose
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    print(f"fake kb-server (test double) on http://{args.host}:{server.server_port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
