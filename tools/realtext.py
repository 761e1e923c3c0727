#!/usr/bin/env python3
"""Real-text precision harness: run transcheck vi→en on real human translations
and score its findings against hand labels (tools/realtext-labels.tsv).

Corpora (paths from the environment; a corpus whose path is unset or absent is
skipped with a message, never an error):
  TATOEBA_ENG_VIE  Tatoeba eng-vie TSV (eng, vie, English text, Vietnamese text)
  IWSLT_DIR        directory with line-aligned tst2012.vi / tst2012.en (TED talks)

Each corpus is cut into documents of CHUNK consecutive lines, one sentence
pair per paragraph: 50 lines, so that document-level context (a country named
in another paragraph, paragraph alignment) behaves as in a real article; then
1 line, each pair a document of its own, which measures the content rules
without alignment. A finding's line is mapped
back to the corpus line (1-based) of its source span, else of its target span.

Usage:
  tools/realtext.py [--chunk N] [--bin PATH] [--unlabelled] [--show-labelled]
Exit status: 0, or 1 when a finding labelled `real` is reported in none of
the runs (every real error in the labels is a must-still-flag check; one
missed in a single run is listed under that run).

The labels file holds labels only, never corpus text: corpus, line, rule, key
(the span's first 30 characters: a name, term or number; empty for
segment.* findings, which span whole sentences), label (real / arguable /
false), cause (the issue's cause number or a short word).
"""

import argparse
import collections
import html
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LABELS = os.path.join(HERE, "realtext-labels.tsv")
KEY_CHARS = 30


def load_tatoeba(path):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                pairs.append(("", ""))
                continue
            pairs.append((cols[3], cols[2]))
    return pairs


def load_iwslt(directory):
    with open(os.path.join(directory, "tst2012.vi"), encoding="utf-8") as f:
        vi = f.read().split("\n")
    with open(os.path.join(directory, "tst2012.en"), encoding="utf-8") as f:
        en = f.read().split("\n")
    if vi and vi[-1] == "" and en and en[-1] == "":
        vi, en = vi[:-1], en[:-1]
    if len(vi) != len(en):
        sys.exit(f"IWSLT files are not line-aligned ({len(vi)} vs {len(en)} lines)")
    # The IWSLT text is HTML-escaped (&apos; &quot; &#91;): an editor's file
    # holds the characters themselves.
    return [(html.unescape(v), html.unescape(e)) for v, e in zip(vi, en)]


def corpora():
    """(name, loader thunk) for every corpus whose path is set and present."""
    found = []
    tatoeba = os.environ.get("TATOEBA_ENG_VIE")
    if tatoeba and os.path.isfile(tatoeba):
        found.append(("tatoeba", lambda: load_tatoeba(tatoeba)))
    else:
        print(f"skip tatoeba: TATOEBA_ENG_VIE unset or missing ({tatoeba!r})")
    iwslt = os.environ.get("IWSLT_DIR")
    if iwslt and os.path.isfile(os.path.join(iwslt, "tst2012.vi")):
        found.append(("iwslt2012", lambda: load_iwslt(iwslt)))
    else:
        print(f"skip iwslt2012: IWSLT_DIR unset or without tst2012.vi ({iwslt!r})")
    return found


def write_chunks(pairs, chunk, workdir):
    """Write documents vi/NNNNN.txt and en/NNNNN.txt; return {file name: first corpus line}."""
    starts = {}
    os.makedirs(os.path.join(workdir, "vi"))
    os.makedirs(os.path.join(workdir, "en"))
    for begin in range(0, len(pairs), chunk):
        name = f"{begin + 1:05d}.txt"
        block = pairs[begin:begin + chunk]
        # An empty line would end a paragraph differently on each side: keep
        # one paragraph per corpus line by replacing empty text with a dash.
        vi = "\n".join(p[0] or "-" for p in block) + "\n"
        en = "\n".join(p[1] or "-" for p in block) + "\n"
        for lang, text in (("vi", vi), ("en", en)):
            with open(os.path.join(workdir, lang, name), "w", encoding="utf-8") as f:
                f.write(text)
        starts[name] = begin + 1
    return starts


def run_transcheck(binary, workdir):
    cmd = [binary, "check", os.path.join(workdir, "vi"), os.path.join(workdir, "en"),
           "--from", "vi", "--to", "en", "--no-config", "--format", "json",
           "--fail-on", "never"]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=workdir)
    if out.returncode != 0:
        sys.exit(f"transcheck failed ({out.returncode}): {out.stderr.strip()}")
    return json.loads(out.stdout)


def findings_of(report, starts):
    found = []
    for pair in report["pairs"]:
        name = os.path.basename(pair["source"] or pair["target"])
        first = starts[name]
        for f in pair["findings"]:
            span = f.get("source") or f.get("target")
            line = first + span["line"] - 1 if span else first
            # A paragraph-level finding spans a whole sentence of the corpus:
            # its line and rule identify it, and no corpus text is stored.
            whole = f["rule"].startswith("segment.")
            key = "" if whole or not span else span["text"][:KEY_CHARS]
            found.append({"line": line, "rule": f["rule"], "key": key,
                          "severity": f["severity"], "message": f["message"],
                          "suggestion": f.get("suggestion")})
    return found


def load_labels():
    labels = {}
    if not os.path.exists(LABELS):
        return labels
    with open(LABELS, encoding="utf-8") as f:
        for row in f:
            if row.startswith("#") or not row.strip():
                continue
            corpus, line, rule, key, label, cause = (row.rstrip("\n").split("\t") + [""] * 6)[:6]
            labels[(corpus, int(line), rule, key)] = (label, cause)
    return labels


def report_corpus(corpus, pairs, found, labels, args):
    lines = len(pairs)
    print(f"\n== {corpus}: {lines} lines, {len(found)} findings, "
          f"{100.0 * len(found) / max(lines, 1):.2f} per 100 lines")
    per_rule = collections.defaultdict(collections.Counter)
    unlabelled = []
    seen = set()
    for f in found:
        k = (corpus, f["line"], f["rule"], f["key"])
        seen.add(k)
        label = labels.get(k, ("?", ""))[0]
        per_rule[f["rule"]][label] += 1
        if label == "?":
            unlabelled.append(f)
    total = collections.Counter()
    for rule in sorted(per_rule):
        c = per_rule[rule]
        total.update(c)
        print(f"  {rule:20} {share(c)}")
    print(f"  {'all':20} {share(total)}")
    lost = [(k, v) for k, v in labels.items() if k[0] == corpus and v[0] == "real" and k not in seen]
    for k, v in sorted(lost):
        print(f"  not flagged in this run (real): line {k[1]} {k[2]} “{k[3]}” ({v[1]})")
    if args.unlabelled:
        for f in unlabelled:
            src, tgt = pairs[f["line"] - 1]
            print(f"{corpus}\t{f['line']}\t{f['rule']}\t{f['key']}\t?\t\t# {f['message']} "
                  f"| sugg={f['suggestion']}\n    VI: {src}\n    EN: {tgt}")
    elif unlabelled:
        print(f"  {len(unlabelled)} unlabelled findings (run with --unlabelled to list them)")
    if args.show_labelled:
        for f in found:
            k = (corpus, f["line"], f["rule"], f["key"])
            if k in labels:
                src, tgt = pairs[f["line"] - 1]
                print(f"  [{labels[k][0]}] {f['line']} {f['rule']} “{f['key']}”: {f['message']}"
                      f"\n    VI: {src}\n    EN: {tgt}")
    return lost


def share(counter):
    n = sum(counter.values())
    good = counter["real"] + counter["arguable"]
    labelled = n - counter["?"]
    pct = f"{100.0 * good / labelled:.0f} %" if labelled else "n/a"
    return (f"{n:4} findings: {counter['real']} real, {counter['arguable']} arguable, "
            f"{counter['false']} false, {counter['?']} unlabelled; real+arguable {pct}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chunk", type=int, action="append",
                        help="corpus lines per document (repeatable; default: 50, then 1)")
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "debug", "transcheck"))
    parser.add_argument("--unlabelled", action="store_true",
                        help="list unlabelled findings as label rows, with their corpus lines")
    parser.add_argument("--show-labelled", action="store_true",
                        help="list labelled findings with their corpus lines")
    args = parser.parse_args()
    if not os.path.exists(args.bin):
        sys.exit(f"no transcheck binary at {args.bin}: run `cargo build` first")
    labels = load_labels()
    chunks = args.chunk or [50, 1]
    lost_everywhere = None
    for chunk in chunks:
        print(f"\n#### documents of {chunk} line(s)")
        lost = set()
        for corpus, load in corpora():
            pairs = load()
            with tempfile.TemporaryDirectory(prefix="realtext-") as workdir:
                starts = write_chunks(pairs, chunk, workdir)
                found = findings_of(run_transcheck(args.bin, workdir), starts)
            lost |= {k for k, _ in report_corpus(corpus, pairs, found, labels, args)}
        lost_everywhere = lost if lost_everywhere is None else lost_everywhere & lost
    for k in sorted(lost_everywhere or []):
        print(f"LOST in every run: line {k[1]} {k[2]} “{k[3]}” ({k[0]})")
    sys.exit(1 if lost_everywhere else 0)


if __name__ == "__main__":
    main()
