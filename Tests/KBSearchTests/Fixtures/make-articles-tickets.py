#!/usr/bin/env python3
"""Writes articles-tickets.queries.tsv and articles-tickets.qrels from articles-tickets.tsv,
for `kb eval --mode suggest`. Query ids are at01, at02, ... in the order of the subjects;
every expected article is judged relevant with grade 1.
Run from this folder: python3 make-articles-tickets.py"""

subjects = []
with open("articles-tickets.tsv", encoding="utf-8") as source:
    for line in source:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        subject, ids = line.split("\t")
        subjects.append((subject, ids.split(",")))

with open("articles-tickets.queries.tsv", "w", encoding="utf-8") as queries, \
        open("articles-tickets.qrels", "w", encoding="utf-8") as qrels:
    for number, (subject, ids) in enumerate(subjects, 1):
        query_id = f"at{number:02}"
        queries.write(f"{query_id}\t{subject}\n")
        for article_id in ids:
            qrels.write(f"{query_id} 0 {article_id} 1\n")
