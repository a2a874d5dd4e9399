#!/usr/bin/env python3
"""make-scale-corpus.py --articles N --seed S [--source corpus.jsonl] [--html] OUT.jsonl

Deterministic scale corpus for the benchmarks: N articles sampled from the real sentences
and titles of the development corpus (the corpus.jsonl that compare.py extracts with kb's
parser; made first with `run --engines kb` or `compare.py` if missing). Each article:
  id     "scale/<n>.html"
  title  a real title, with the title of a second page appended half of the time
  body   random real sentences, 50-600 words (uniform), one sentence per line
Same N, seed and source give byte-identical output (random.Random(seed); sentences and
titles are sorted and de-duplicated before sampling). Plain-text bodies, like corpus.jsonl;
with --html the body is escaped <p> lines, the form kb's JSON Lines import expects.
Written with a bounded memory footprint (one article at a time), so 1,000,000 is fine.
"""
import argparse, html, json, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SPLIT = re.compile(r"(?<=[.!?:;])\s+|\n+")


def load(source):
    sentences, titles = set(), set()
    with open(source, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("title", "").strip():
                titles.add(" ".join(d["title"].split()))
            for s in SPLIT.split(d.get("body", "")):
                s = " ".join(s.split())
                if len(s.split()) >= 3:
                    sentences.add(s)
    return sorted(sentences), sorted(titles)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--source", default=os.path.join(HERE, ".work", "corpus.jsonl"))
    ap.add_argument("--min-words", type=int, default=50)
    ap.add_argument("--max-words", type=int, default=600)
    ap.add_argument("--html", action="store_true", help="body as escaped <p> lines (kb's JSONL import)")
    ap.add_argument("out")
    a = ap.parse_args()
    if not os.path.exists(a.source):
        sys.exit(f"{a.source} missing: run Benchmarks/compare/run first (it extracts the dev corpus)")
    sentences, titles = load(a.source)
    lengths = [len(s.split()) for s in sentences]
    rnd = random.Random(a.seed)
    words_total = 0
    tmp = a.out + ".partial"
    with open(tmp, "w", encoding="utf-8") as out:
        for n in range(a.articles):
            title = rnd.choice(titles)
            if rnd.random() < 0.5:
                title = f"{title} {rnd.choice(titles)}"
            target = rnd.randint(a.min_words, a.max_words)
            body, words = [], 0
            while words < target:
                i = rnd.randrange(len(sentences))
                body.append(sentences[i])
                words += lengths[i]
            words_total += words
            if a.html:
                text = "\n".join(f"<p>{html.escape(s)}</p>" for s in body)
            else:
                text = "\n".join(body)
            out.write(json.dumps({"id": f"scale/{n:07d}.html", "title": title, "body": text},
                                 ensure_ascii=False) + "\n")
    os.replace(tmp, a.out)
    print(f"{a.articles} articles, {words_total} body words, from {len(sentences)} sentences and "
          f"{len(titles)} titles, seed {a.seed}: {a.out} ({os.path.getsize(a.out) / 1e6:.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
