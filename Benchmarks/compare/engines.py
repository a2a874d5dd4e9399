#!/usr/bin/env python3
"""engines.py -- one peer engine, driven in-process through its own library.

  engines.py ENGINE build CORPUS.jsonl INDEX_DIR
  engines.py ENGINE search INDEX_DIR QUERIES.tsv RUN.trec TIMINGS.tsv LIMIT

ENGINE: tantivy | xapian | fts5. CORPUS lines are {"id","title","body"} with plain-text
body (the text kb's own parser extracted). Prints one JSON line of measurements
(build_s / open_s) on stdout. TIMINGS gets "qid<TAB>microseconds" for each search call,
timed in-process around the engine's own search call (query analysis included,
writing the run excluded), like kb's --timings.

Portuguese settings of each engine:
- tantivy: analyzer simple tokenizer -> remove_long(40) -> lowercase ->
  stopword(portuguese) -> stemmer(portuguese) -> ascii_fold; fields title and body,
  BM25, title boost 3; the query is lower-cased, punctuation removed, OR of terms.
- xapian: terms made in Python with the same rule (lowercase, Snowball Portuguese stop
  words, xapian.Stem("portuguese"), then accent folding), title terms added with wdf 3
  (Xapian's usual title weighting) plus a title-prefixed copy, BM25Weight, OR query.
- fts5: SQLite FTS5 has no Portuguese stemmer, so text and queries are stemmed in
  Python with snowballstemmer ("portuguese") and stop words removed before insertion;
  tokenize='unicode61 remove_diacritics 2' folds accents; columns title, body ranked
  with bm25(t, 3.0, 1.0); query is an OR of the quoted stems.
"""
import json, os, re, sys, time, unicodedata

# Snowball's Portuguese stop word list (the list tantivy's stopword("portuguese") uses).
PT_STOP = set("""de a o que e do da em um para com não uma os no se na por mais as dos como
mas foi ao ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela
até isso ela entre era depois sem mesmo aos ter seus quem nas me esse eles estão você tinha
foram essa num nem suas meu às minha têm numa pelos elas havia seja qual será nós tenho lhe
deles essas esses pelas este fosse dele tu te vocês vos lhes meus minhas teu tua teus tuas
nosso nossa nossos nossas dela delas esta estes estas aquele aquela aqueles aquelas isto
aquilo estou estamos estive esteve estivemos estiveram estava estávamos estavam estivera
estivéramos esteja estejamos estejam estivesse estivéssemos estivessem estiver estivermos
estiverem hei havemos hão houve houvemos houveram houvera houvéramos haja hajamos hajam
houvesse houvéssemos houvessem houver houvermos houverem houverei houverá houveremos houverão
houveria houveríamos houveriam sou somos são éramos eram fui fomos fora fôramos sejamos sejam
fôssemos fossem for formos forem serei seremos serão seria seríamos seriam temos tém tínhamos
tinham tive teve tivemos tiveram tivera tivéramos tenha tenhamos tenham tivesse tivéssemos
tivessem tiver tivermos tiverem terei terá teremos terão teria teríamos teriam""".split())

WORD = re.compile(r"\w+", re.UNICODE)


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def make_analyzer(stem_words):
    cache = {}

    def analyze(text):
        out = []
        for w in WORD.findall(text.lower()):
            if w in PT_STOP or len(w) > 40:
                continue
            t = cache.get(w)
            if t is None:
                t = cache[w] = fold(stem_words(w))
            out.append(t)
        return out
    return analyze


def read_corpus(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def read_queries(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "\t" in line:
                qid, text = line.split("\t", 1)
                yield qid, text


# ---------------------------------------------------------------- tantivy
def tantivy_analyzer():
    import tantivy
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(40))
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.stopword("portuguese"))
            .filter(tantivy.Filter.stemmer("portuguese"))
            .filter(tantivy.Filter.ascii_fold())
            .build())


def tantivy_schema():
    import tantivy
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("title", stored=False, tokenizer_name="pt")
    sb.add_text_field("body", stored=False, tokenizer_name="pt")
    return sb.build()


def tantivy_build(corpus, index_dir):
    import tantivy
    os.makedirs(index_dir, exist_ok=True)
    index = tantivy.Index(tantivy_schema(), path=index_dir)
    index.register_tokenizer("pt", tantivy_analyzer())
    writer = index.writer(heap_size=256_000_000, num_threads=1)
    for d in read_corpus(corpus):
        writer.add_document(tantivy.Document(id=d["id"], title=d["title"], body=d["body"]))
    writer.commit()
    writer.wait_merging_threads()


PUNCT = re.compile(r"[^\w]+", re.UNICODE)


def tantivy_searcher(index_dir):
    import tantivy
    index = tantivy.Index.open(index_dir)
    index.register_tokenizer("pt", tantivy_analyzer())
    index.reload()
    searcher = index.searcher()

    def search(text, limit):
        q = PUNCT.sub(" ", text.lower()).strip()
        if not q:
            return []
        query = index.parse_query(q, ["title", "body"], field_boosts={"title": 3.0})
        hits = searcher.search(query, limit, count=False).hits
        return [(score, searcher.doc(addr)["id"][0]) for score, addr in hits]
    return search


# ---------------------------------------------------------------- xapian
def xapian_build(corpus, index_dir):
    import xapian
    stem = xapian.Stem("portuguese")
    analyze = make_analyzer(lambda w: stem(w).decode("utf-8") if isinstance(stem(w), bytes) else stem(w))
    db = xapian.WritableDatabase(index_dir, xapian.DB_CREATE_OR_OVERWRITE)
    for d in read_corpus(corpus):
        doc = xapian.Document()
        pos = 0
        for t in analyze(d["title"]):
            pos += 1
            doc.add_posting(t, pos, 3)          # title terms weigh 3 in the shared field
            doc.add_term("S" + t)              # and a title-only copy (prefix S)
        pos += 100
        for t in analyze(d["body"]):
            pos += 1
            doc.add_posting(t, pos)
        doc.set_data(d["id"])
        doc.add_boolean_term("Q" + d["id"])
        db.add_document(doc)
    db.commit()
    db.close()


def xapian_searcher(index_dir):
    import xapian
    db = xapian.Database(index_dir)
    stem = xapian.Stem("portuguese")
    analyze = make_analyzer(lambda w: stem(w).decode("utf-8") if isinstance(stem(w), bytes) else stem(w))
    enquire = xapian.Enquire(db)
    enquire.set_weighting_scheme(xapian.BM25Weight())

    def search(text, limit):
        terms = analyze(text)
        if not terms:
            return []
        enquire.set_query(xapian.Query(xapian.Query.OP_OR, terms))
        return [(m.weight, m.document.get_data().decode("utf-8") if isinstance(m.document.get_data(), bytes)
                 else m.document.get_data()) for m in enquire.get_mset(0, limit)]
    return search


# ---------------------------------------------------------------- sqlite fts5
def fts5_build(corpus, index_dir):
    import sqlite3, snowballstemmer
    analyze = make_analyzer(snowballstemmer.stemmer("portuguese").stemWord)
    os.makedirs(index_dir, exist_ok=True)
    path = os.path.join(index_dir, "fts5.db")
    if os.path.exists(path):
        os.remove(path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("CREATE TABLE docs(rowid INTEGER PRIMARY KEY, id TEXT)")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, "
                "tokenize='unicode61 remove_diacritics 2', detail=full)")
    with con:
        for i, d in enumerate(read_corpus(corpus), 1):
            con.execute("INSERT INTO docs VALUES(?,?)", (i, d["id"]))
            con.execute("INSERT INTO t(rowid,title,body) VALUES(?,?,?)",
                        (i, " ".join(analyze(d["title"])), " ".join(analyze(d["body"]))))
    con.execute("INSERT INTO t(t) VALUES('optimize')")
    con.commit()
    con.close()


def fts5_searcher(index_dir):
    import sqlite3, snowballstemmer
    analyze = make_analyzer(snowballstemmer.stemmer("portuguese").stemWord)
    con = sqlite3.connect(os.path.join(index_dir, "fts5.db"))
    con.execute("SELECT count(*) FROM t WHERE t MATCH 'zzzz'").fetchall()   # load the table
    sql = ("SELECT d.id, -bm25(t, 3.0, 1.0) FROM t JOIN docs d ON d.rowid = t.rowid "
           "WHERE t MATCH ? ORDER BY bm25(t, 3.0, 1.0) LIMIT ?")

    def search(text, limit):
        terms = analyze(text)
        if not terms:
            return []
        m = " OR ".join('"%s"' % t.replace('"', '""') for t in dict.fromkeys(terms))
        return [(s, i) for i, s in con.execute(sql, (m, limit))]
    return search


ENGINES = {
    "tantivy": (tantivy_build, tantivy_searcher),
    "xapian": (xapian_build, xapian_searcher),
    "fts5": (fts5_build, fts5_searcher),
}


def main(argv):
    engine, cmd = argv[1], argv[2]
    build, searcher = ENGINES[engine]
    if cmd == "build":
        t = time.perf_counter()
        build(argv[3], argv[4])
        print(json.dumps({"build_s": time.perf_counter() - t}))
    elif cmd == "search":
        index_dir, queries, run_path, timings_path, limit = argv[3], argv[4], argv[5], argv[6], int(argv[7])
        qs = list(read_queries(queries))
        t = time.perf_counter()
        search = searcher(index_dir)
        open_s = time.perf_counter() - t
        pc = time.perf_counter
        with open(run_path, "w") as run, open(timings_path, "w") as tim:
            for qid, text in qs:
                t0 = pc()
                hits = search(text, limit)
                us = (pc() - t0) * 1e6
                tim.write(f"{qid}\t{us:.0f}\n")
                for rank, (score, docid) in enumerate(hits, 1):
                    run.write(f"{qid} Q0 {docid} {rank} {score:.6f} {engine}\n")
        print(json.dumps({"open_s": open_s}))
    else:
        sys.exit("unknown command " + cmd)


if __name__ == "__main__":
    main(sys.argv)
