#!/usr/bin/env python3
"""compare.py -- kb against Tantivy, Xapian and SQLite FTS5, measured in one run on one machine.

Normally started by ./run (which makes the virtualenv). Steps:
 1. the corpus (prepare-corpus.sh unless --corpus DIR/articles exists);
 2. text extraction ONCE with kb's own parser (kb parse --content '#DisplayArea'),
    written as corpus.jsonl {"id","title","body"} (plain text) for the peers and
    kb-corpus.jsonl (the same text HTML-escaped in <p> lines) for kb's import;
 3. for each engine, one after the other, each in its own process: build (wall time,
    peak RSS of the build process, index size on disk), then a search process (open
    time; per-query latency timed in-process at top-10; then a top-100 TREC run);
 4. relevance with the shared evaluate.py against both qrels;
 5. prints the tables and writes RESULTS.md.
"""
import argparse, html, json, os, platform, re, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EVAL = os.environ.get("KB_EVAL_DIR", "/work/shared/eval")
PEERS = ["tantivy", "xapian", "fts5"]
ENGINES = ["kb"] + PEERS
SETS = [("index-terms", "index-terms"), ("tickets", "tickets")]
METRICS = ["ndcg@10", "mrr@10", "p@1", "recall@10", "recall@100"]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def run_measured(cmd, stdout=None):
    """Runs cmd; returns (wall seconds, peak RSS in MiB of that process, stdout text).

    Peak RSS comes from GNU time (%M): Linux carries a forked child's pre-exec high-water
    mark (this Python process's) into ru_maxrss, so wait4 on a direct child would report
    at least our own size; /usr/bin/time is tiny, so its child's figure is the engine's.
    """
    rss_file = None
    if os.path.exists("/usr/bin/time"):
        fd, rss_file = tempfile.mkstemp(prefix="kbcmp-rss-")
        os.close(fd)
        cmd = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + list(cmd)
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        log(p.stderr.decode(errors="replace")[-3000:])
        raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)[:500]}")
    rss = float("nan")
    if rss_file:
        try:
            rss = int(open(rss_file).read().split()[-1]) / 1024.0
        finally:
            os.remove(rss_file)
    return wall, rss, p.stdout.decode(errors="replace")


def disk_size(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for d, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(d, f))
    return total


def percentile(values, p):
    v = sorted(values)
    if not v:
        return float("nan")
    k = max(0, min(len(v) - 1, int(round(p / 100.0 * len(v) + 0.5)) - 1))  # nearest rank
    return v[k]


def read_timings(path):
    """Per-query latencies (µs); kb's '#open' line (time to open the index) is skipped."""
    out = []
    with open(path) as f:
        for line in f:
            parts = line.split("\t")
            if len(parts) >= 2 and not line.startswith("#"):
                out.append(float(parts[1]))
    return out


def read_open_time(path):
    """kb's in-process open time in seconds, from the '#open' line of a timings file."""
    with open(path) as f:
        for line in f:
            if line.startswith("#open\t"):
                return float(line.split("\t")[1]) / 1e6
    return None


# ---------------------------------------------------------------- corpus and extraction
def extract(kb, articles, work):
    plain = os.path.join(work, "corpus.jsonl")
    kbjsonl = os.path.join(work, "kb-corpus.jsonl")
    if os.path.exists(plain) and os.path.exists(kbjsonl):
        log(f"reusing {plain}")
        return plain, kbjsonl
    files = []
    for d, _, fs in os.walk(articles):
        files += [os.path.relpath(os.path.join(d, f), articles) for f in fs if f.endswith((".html", ".htm"))]
    files.sort()
    log(f"extracting {len(files)} pages with kb parse")
    docs = []
    for i in range(0, len(files), 500):
        chunk = files[i:i + 500]
        # kb parse exits 1 when it skips a page (pages with no text); the rest is still printed
        proc = subprocess.run([kb, "parse", *chunk, "--content", "#DisplayArea", "--root", "."],
                              cwd=articles, capture_output=True)
        skipped = [l for l in proc.stderr.decode(errors="replace").splitlines() if l.strip()]
        if skipped:
            log(f"kb parse skipped {len(skipped)}: " + "; ".join(skipped[:3]) + (" ..." if len(skipped) > 3 else ""))
        if not proc.stdout.strip():
            raise SystemExit(f"kb parse failed (exit {proc.returncode})")
        parsed = json.loads(proc.stdout)
        docs += parsed if isinstance(parsed, list) else [parsed]
    with open(plain + ".tmp", "w", encoding="utf-8") as p, open(kbjsonl + ".tmp", "w", encoding="utf-8") as k:
        for d in docs:
            p.write(json.dumps({"id": d["id"], "title": d.get("title", ""), "body": d.get("body", "")},
                               ensure_ascii=False) + "\n")
    os.replace(plain + ".tmp", plain)
    to_kb_jsonl(plain, kbjsonl + ".tmp")
    os.replace(kbjsonl + ".tmp", kbjsonl)
    return plain, kbjsonl


def to_kb_jsonl(plain, out):
    """kb's JSONL body field is HTML: the plain text, escaped, one <p> per line."""
    with open(plain, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            d = json.loads(line)
            body = "\n".join(f"<p>{html.escape(l)}</p>" for l in d["body"].split("\n") if l.strip())
            dst.write(json.dumps({"id": d["id"], "title": d["title"], "body": body}, ensure_ascii=False) + "\n")


def query_sets(work, quick):
    sets = {}
    for name, base in SETS:
        q = os.path.join(EVAL, "dev", base + ".queries.tsv")
        r = os.path.join(EVAL, "dev", base + ".qrels")
        if quick and name == "index-terms":
            lines = open(q, encoding="utf-8").read().splitlines()[:quick]
            keep = {l.split("\t")[0] for l in lines}
            q2, r2 = os.path.join(work, f"{name}.quick.tsv"), os.path.join(work, f"{name}.quick.qrels")
            open(q2, "w", encoding="utf-8").write("\n".join(lines) + "\n")
            open(r2, "w").write("".join(l for l in open(r) if l.split()[0] in keep))
            q, r = q2, r2
        sets[name] = (q, r)
    return sets


def evaluate(qrels, run):
    out = subprocess.run([sys.executable, os.path.join(EVAL, "evaluate.py"), qrels, run],
                         check=True, capture_output=True, text=True).stdout
    return {k: float(v) for k, v in re.findall(r"(\S+)=([0-9.]+)", out) if k in METRICS}


# ---------------------------------------------------------------- engines
def bench_kb(kb, kbjsonl, work, sets):
    idx = os.path.join(work, "kb", "kb.idx")
    os.makedirs(os.path.dirname(idx), exist_ok=True)
    if os.path.exists(idx):
        os.remove(idx)
    r = {}
    r["build_s"], r["build_rss_mb"], _ = run_measured([kb, "index", kbjsonl, "--index", idx])
    r["size_b"] = disk_size(idx)
    one = os.path.join(work, "one.tsv")
    open(one, "w").write("x\tabrir arquivo\n")
    # open time: in-process, from the '#open' line of --timings (min of 5 processes)
    opens = []
    for _ in range(5):
        tim = os.path.join(work, "kb", "open.timings.tsv")
        run_measured([kb, "search", "--index", idx, "--queries", one, "--limit", "10", "--timings", tim])
        opens.append(read_open_time(tim))
    r["open_s"] = min(opens)
    for name, (q, qrels) in sets.items():
        tim = os.path.join(work, "kb", f"{name}.timings.tsv")
        # Complete queries, as the peers run them: no completion of the last word as a prefix.
        _, rss, _ = run_measured([kb, "search", "--index", idx, "--queries", q, "--format", "trec",
                                  "--limit", "10", "--no-prefix", "--timings", tim])
        r[f"{name}.search_rss_mb"] = rss
        lat = read_timings(tim)
        for p in (50, 95, 99):
            r[f"{name}.p{p}_us"] = percentile(lat, p)
        runf = os.path.join(work, "kb", f"{name}.run")
        _, _, out = run_measured([kb, "search", "--index", idx, "--queries", q, "--format", "trec",
                                  "--limit", "100", "--no-prefix"])
        open(runf, "w").write(out)
        r[f"{name}.rel"] = evaluate(qrels, runf)
    try:
        stats = subprocess.run([kb, "stats", "--index", idx], capture_output=True, text=True).stdout
        producer = next((l for l in stats.splitlines() if l.startswith("index:")), "")
        m = re.search(r"kb ([^)\s,]+)", producer)
        r["version"] = m.group(1) if m else producer or "?"
        r["format"] = (re.search(r"format \d+", producer) or [None])[0] if producer else None
        r["analyzer"] = next((l.split(":", 1)[1].strip() for l in stats.splitlines() if l.startswith("analyzer:")), "?")
    except Exception as e:  # noqa
        r["version"] = f"? ({e})"
    return r


def bench_peer(engine, plain, work, sets):
    me = [sys.executable, os.path.join(HERE, "engines.py"), engine]
    d = os.path.join(work, engine)
    idx = os.path.join(d, "index")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    r = {}
    _, r["build_rss_mb"], out = run_measured(me + ["build", plain, idx])
    r["build_s"] = json.loads(out.strip().splitlines()[-1])["build_s"]
    r["size_b"] = disk_size(idx)
    opens = []
    for name, (q, qrels) in sets.items():
        tim = os.path.join(d, f"{name}.timings.tsv")
        _, rss, out = run_measured(me + ["search", idx, q, os.path.join(d, f"{name}.run10"), tim, "10"])
        opens.append(json.loads(out.strip().splitlines()[-1])["open_s"])
        r[f"{name}.search_rss_mb"] = rss
        lat = read_timings(tim)
        for p in (50, 95, 99):
            r[f"{name}.p{p}_us"] = percentile(lat, p)
        runf = os.path.join(d, f"{name}.run")
        run_measured(me + ["search", idx, q, runf, os.path.join(d, f"{name}.timings100.tsv"), "100"])
        r[f"{name}.rel"] = evaluate(qrels, runf)
    r["open_s"] = min(opens)
    return r


# ---------------------------------------------------------------- report
def versions():
    v = {"python": platform.python_version()}
    try:
        import tantivy
        v["tantivy"] = getattr(tantivy, "__version__", "?")
    except Exception as e:  # noqa
        v["tantivy"] = f"missing ({e})"
    try:
        import xapian
        v["xapian"] = xapian.version_string()
    except Exception as e:  # noqa
        v["xapian"] = f"missing ({e})"
    import sqlite3
    v["sqlite"] = sqlite3.sqlite_version
    try:
        from importlib.metadata import version
        v["snowballstemmer"] = version("snowballstemmer")
    except Exception:  # noqa
        pass
    return v


def machine():
    cpu = "?"
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except Exception:  # noqa
        pass
    mem = "?"
    try:
        kb_ = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")))
        mem = f"{kb_ / 1024 / 1024:.1f} GiB"
    except Exception:  # noqa
        pass
    return {"nproc": str(os.cpu_count()), "cpu": cpu, "memory": mem, "os": platform.platform()}


def fmt(key, v):
    if v is None:
        return "–"
    if key == "size_b":
        return f"{v / 1e6:.2f} MB"
    if key.endswith("_s"):
        return f"{v * 1000:.0f} ms" if v < 10 else f"{v:.1f} s"
    if key.endswith("_mb"):
        return f"{v:.0f} MiB"
    if key.endswith("_us"):
        return f"{v / 1000:.2f} ms" if v >= 1000 else f"{v:.0f} µs"
    return f"{v:.4f}"


def rows(sets):
    out = [("build time", "build_s", False), ("build peak RSS", "build_rss_mb", False),
           ("index size on disk", "size_b", False), ("open time", "open_s", False)]
    for name in sets:
        out += [(f"{name}: latency p50", f"{name}.p50_us", False),
                (f"{name}: latency p95", f"{name}.p95_us", False),
                (f"{name}: latency p99", f"{name}.p99_us", False),
                (f"{name}: search peak RSS", f"{name}.search_rss_mb", False)]
    for name in sets:
        for m in METRICS:
            out.append((f"{name}: {m}", f"{name}.rel.{m}", True))
    return out


def get(r, key):
    if r is None:
        return None
    if ".rel." in key:
        name, _, m = key.partition(".rel.")
        return r.get(f"{name}.rel", {}).get(m)
    return r.get(key)


def tables(res, sets, engines, relevance=True):
    """Absolute and ratio tables; relevance rows only where the qrels apply (the dev corpus)."""
    measures = [r for r in rows(sets) if relevance or ".rel." not in r[1]]
    lines = ["| measure | " + " | ".join(engines) + " |", "|---" * (len(engines) + 1) + "|"]
    for label, key, _ in measures:
        lines.append(f"| {label} | " + " | ".join(fmt(key.split('.rel.')[-1] if '.rel.' in key else key,
                                                       get(res.get(e), key)) for e in engines) + " |")
    peers = [e for e in engines if e != "kb"]
    ratio = ["| measure (kb / peer) | " + " | ".join(f"kb/{p}" for p in peers) + " |", "|---" * (len(peers) + 1) + "|"]
    for label, key, _ in measures:
        k = get(res.get("kb"), key)
        cells = []
        for p in peers:
            v = get(res.get(p), key)
            cells.append("–" if k is None or not v else f"{k / v:.2f}")
        ratio.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines), "\n".join(ratio)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kb", default=os.path.join(ROOT, ".build/release/kb"))
    ap.add_argument("--corpus", default="/tmp/kbcorpus", help="corpus folder (articles under DIR/articles; made by prepare-corpus.sh if missing), "
                    "or a plain-text JSON Lines corpus such as make-scale-corpus.py output")
    ap.add_argument("--work", default=os.path.join(HERE, ".work"))
    ap.add_argument("--quick", nargs="?", type=int, const=500, default=0,
                    help="only the first N index-term queries (default 500) and the 120 tickets")
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--out", default=os.path.join(ROOT, "Benchmarks", "RESULTS.md"))
    a = ap.parse_args()
    engines = [e for e in a.engines.split(",") if e]
    os.makedirs(a.work, exist_ok=True)
    # copy the binary so a rebuild during the run cannot change it
    kb = os.path.join(a.work, "kb-bin")
    shutil.copy2(a.kb, kb)
    if a.corpus.endswith(".jsonl"):
        # an already extracted corpus (e.g. make-scale-corpus.py output): plain-text bodies;
        # relevance figures are then meaningless (the qrels name dev-corpus pages)
        plain = a.corpus
        kbjsonl = os.path.join(a.work, "kb-" + os.path.basename(a.corpus))
        # converted once: a 1,000,000-article corpus takes minutes to convert
        if not os.path.exists(kbjsonl) or os.path.getmtime(kbjsonl) < os.path.getmtime(plain):
            to_kb_jsonl(plain, kbjsonl)
    else:
        articles = os.path.join(a.corpus, "articles")
        if not os.path.isdir(articles):
            subprocess.run([os.path.join(HERE, "prepare-corpus.sh"), a.corpus], check=True)
        plain, kbjsonl = extract(kb, articles, a.work)
    ndocs = sum(1 for _ in open(plain))
    sets = query_sets(a.work, a.quick)
    res = {}
    for e in engines:  # one after the other, never in parallel
        log(f"== {e}")
        t = time.time()
        res[e] = bench_kb(kb, kbjsonl, a.work, sets) if e == "kb" else bench_peer(e, plain, a.work, sets)
        log(f"   done in {time.time() - t:.0f} s")
    json.dump(res, open(os.path.join(a.work, "results.json"), "w"), indent=1)
    absolute, ratios = tables(res, sets, engines, relevance=not a.corpus.endswith(".jsonl"))
    m, v = machine(), versions()
    nq = {n: sum(1 for _ in open(q)) for n, (q, _) in sets.items()}
    md = f"""# kb compared with Tantivy, Xapian and SQLite FTS5

Measured in one run on one machine by `Benchmarks/compare/run{' --quick' if a.quick else ''}` ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}).

- Machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory']} memory, {m['os']}; shared machine, engines run one after the other.
- Versions: kb {res.get('kb', {}).get('version', '?')} (index {res.get('kb', {}).get('format') or '?'}, from `kb stats`); tantivy (PyPI) {v['tantivy']}; Xapian (Debian python3-xapian) {v['xapian']}; SQLite {v['sqlite']}; snowballstemmer {v.get('snowballstemmer', '?')}; Python {v['python']}.
- Corpus: {ndocs} {'articles from ' + os.path.basename(a.corpus) + ' (relevance rows do not apply)' if a.corpus.endswith('.jsonl') else 'LibreOffice pt-BR help pages'}; title and body text extracted once by `kb parse --content '#DisplayArea'` and fed to every engine (kb gets the same text as escaped `<p>` lines in JSON Lines; no headings field for anyone).
- Queries: {', '.join(f'{n} ({c})' for n, c in nq.items())}; latency is top-10, single-threaded, each engine timing only its own search calls in-process (kb: `--timings`); relevance from top-100 runs scored by `evaluate.py`.
- Settings: kb defaults (analyzer: {res.get('kb', {}).get('analyzer', '?')}; BM25F, proximity re-ranking, typo correction of words absent from the index, synonyms; queries run complete, `--no-prefix`). Tantivy: Portuguese stop words + Snowball stemmer + ASCII folding, title boost 3. Xapian: BM25, `xapian.Stem("portuguese")` with Snowball stop words and accent folding applied in Python, title wdf 3. FTS5: no Portuguese stemmer in SQLite, so text and queries are stemmed in Python with `snowballstemmer` (stop words removed) before insertion; `unicode61 remove_diacritics 2`; `bm25(t, 3.0, 1.0)`. Peers get OR queries of the analyzed terms.
- Open time: in-process open of the index, min of runs (kb: the `#open` line of `--timings`, which times opening the file and making the searcher).
- kb's latency tail (p95/p99) comes from queries with words not in the index (typos such as `relatoiro`, API names such as `xrowsetlistener`), which kb's typo tolerance expands; the peers do no fuzzy matching, so they answer those queries with fewer or no results.
- Peak RSS: the maximum resident set (GNU time %M) of that engine's own build or search process (the Python interpreter, about 10 MiB, included for the peers). Build time: kb, wall time of `kb index` (process start included); peers, in-process time around the library's build calls.

## Absolute figures

{absolute}

## Ratios kb / peer

Below 1 means kb is smaller/faster for size, time and memory, and worse for relevance metrics.

{ratios}
"""
    open(a.out, "w").write(md)
    print(md)
    log(f"wrote {a.out}")


if __name__ == "__main__":
    main()
