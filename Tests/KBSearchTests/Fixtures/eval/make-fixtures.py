#!/usr/bin/env python3
"""Regenerates the runs and expected figures of this folder (see README.md).
Run from this folder: python3 make-fixtures.py /work/shared/eval/evaluate.py"""
import collections, importlib.util, random, subprocess, sys

evaluate = sys.argv[1]
spec = importlib.util.spec_from_file_location("evaluate", evaluate)
ev = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ev)

judged = collections.defaultdict(list)
for line in open("qrels.txt"):
    f = line.split()
    judged[f[0]].append(f[2])
universe = sorted({d for ds in judged.values() for d in ds} | {f"doc/d{i:03}.html" for i in range(150)})
queries = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"]

for seed in (1, 2, 3):
    rng = random.Random(seed)
    with open(f"run-{seed}.txt", "w") as out:
        for q in queries:
            if q == "q6" or rng.random() < 0.1:
                continue  # q6 is never in a run; others sometimes missing
            docs = rng.sample(universe, rng.choice([0, 1, 5, 10, 30, 120]))
            for d in judged.get(q, []):
                if rng.random() < 0.7:
                    docs.insert(min(int(rng.random() ** 2 * 130), len(docs)), d)
            if docs and rng.random() < 0.3:
                docs.insert(rng.randrange(len(docs)), rng.choice(docs))  # a duplicate
            base = rng.uniform(5, 30)
            for rank, d in enumerate(docs, 1):
                score = base - rank * rng.uniform(0, 0.4)
                if rng.random() < 0.4:
                    score = round(score)  # ties, broken by document id
                tag = " kb" if rng.random() < 0.9 else ""
                out.write(f"{q} Q0 {d} {rank} {score!r}{tag}\n")
            if rng.random() < 0.2:
                out.write(f"{q} Q0 short-line-skipped\n")

with open("qrels-grade2.txt", "w") as out:
    out.writelines(l for l in open("qrels.txt") if int(l.split()[3]) >= 2)

runs = ["run-1.txt", "run-2.txt", "run-3.txt", "run-edge.txt"]
with open("expected.txt", "w") as out:
    for qrels_file in ("qrels.txt", "qrels-grade2.txt"):
        out.write(subprocess.run(["python3", evaluate, qrels_file, *runs],
                                 capture_output=True, text=True, check=True).stdout)

names = ["ndcg@10", "mrr@10", "p@1", "recall@10", "recall@100"]
with open("expected-full.tsv", "w") as out:
    out.write("\t".join(["qrels", "run", "query", "queries", *names]) + "\n")
    for qrels_file in ("qrels.txt", "qrels-grade2.txt"):
        qrels = ev.load_qrels(qrels_file)
        for run_file in runs:
            run = ev.load_run(run_file)
            means, n = ev.metrics(qrels, run)
            out.write("\t".join([qrels_file, run_file, "*", str(n), *(repr(means[k]) for k in names)]) + "\n")
            for q, rel in qrels.items():
                figures, _ = ev.metrics({q: rel}, run)
                out.write("\t".join([qrels_file, run_file, q, "1", *(repr(figures[k]) for k in names)]) + "\n")
