#!/usr/bin/env python3
"""Validate a transcheck glossary file (format v1).

Usage:
    python3 glossaries/tools/check_glossary.py [glossaries/vi-en.yaml] [--list-short]

Checks (any failure -> exit status 1):
  * the file loads with PyYAML; top-level keys are exactly `languages` and `entries`
  * every entry key is reserved (id, kind, forbidden, note, case) or a declared language,
    in the canonical order id, kind, <languages>, forbidden, note, case
  * ids are unique and slug-shaped; kind and case take allowed values
  * every entry has a form in every declared language; forms are non-empty strings
    (catches YAML misreads such as an unquoted No/Yes/On/Off/Null)
  * every string is NFC, has no leading/trailing/double spaces, no tab or newline,
    no old-style Vietnamese tone placement (hoà, khoẻ, thuỷ, qúy ...)
  * English forms contain no Vietnamese-only letters (đ, ơ, ư, ă, dot-below, hook-above)
    and no curly apostrophes
  * no duplicate form inside one list; no Vietnamese form (case-insensitive, NFC) in two
    entries; no form both accepted and forbidden (case-insensitive)
Prints the number of entries per kind.
"""
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from vi_text import old_style_spots  # noqa: E402

RESERVED = ["id", "kind", "forbidden", "note", "case"]
KINDS = {"person", "place", "organization", "event", "term", "other"}
CASES = {"sensitive", "insensitive"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# letters that only Vietnamese uses (an English rendering must be diacritic-free)
VI_ONLY_CHARS = set("đĐơƠưƯăĂ")
VI_ONLY_MARKS = {"\u0323", "\u0309"}  # dot below, hook above


def forms_of(value):
    if isinstance(value, list):
        return value
    return [value]


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else Path(__file__).resolve().parents[1] / "vi-en.yaml"
    list_short = "--list-short" in argv
    errors = []

    def err(where, msg):
        errors.append(f"{where}: {msg}")

    text = path.read_text(encoding="utf-8")
    if not unicodedata.is_normalized("NFC", text):
        err(path.name, "file is not NFC")
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as e:
        print(f"{path}: YAML error: {e}")
        return 1
    if not isinstance(doc, dict) or set(doc) != {"languages", "entries"}:
        print(f"{path}: top level must have exactly `languages` and `entries`")
        return 1
    langs = doc["languages"]
    if not (isinstance(langs, list) and all(isinstance(x, str) for x in langs) and len(langs) >= 2):
        print(f"{path}: `languages` must be a list of at least two codes")
        return 1
    if set(langs) & set(RESERVED):
        print(f"{path}: a language code collides with a reserved key")
        return 1
    canonical = ["id", "kind"] + langs + ["forbidden", "note", "case"]
    entries = doc["entries"]
    if not isinstance(entries, list):
        print(f"{path}: `entries` must be a list")
        return 1

    def check_string(where, s, lang=None):
        if not isinstance(s, str):
            err(where, f"not a string: {s!r} (quote it)")
            return False
        if s == "":
            err(where, "empty string")
            return False
        if not unicodedata.is_normalized("NFC", s):
            err(where, f"not NFC: {s!r}")
        if s != s.strip() or "  " in s or "\t" in s or "\n" in s:
            err(where, f"bad whitespace: {s!r}")
        for _, frag in old_style_spots(s):
            err(where, f"old-style tone placement {frag!r} in {s!r}")
        if lang == "en":
            d = unicodedata.normalize("NFD", s)
            if any(c in VI_ONLY_CHARS for c in s) or any(c in VI_ONLY_MARKS for c in d):
                err(where, f"Vietnamese letter in English form: {s!r}")
            if "\u2019" in s or "\u2018" in s:
                err(where, f"curly apostrophe in English form (use '): {s!r}")
        return True

    ids = Counter()
    kinds = Counter()
    vi_owner = defaultdict(list)
    nforms = Counter()
    short_forms = []
    first_lang = langs[0]
    for i, e in enumerate(entries):
        where = f"entry #{i + 1}"
        if not isinstance(e, dict):
            err(where, "not a mapping")
            continue
        eid = e.get("id")
        if isinstance(eid, str):
            where = f"{eid}"
            ids[eid] += 1
            if not SLUG.match(eid):
                err(where, "id is not a slug (lowercase ascii, digits, hyphens)")
        else:
            err(where, "missing or non-string id")
        keys = list(e)
        for k in keys:
            if k not in canonical:
                err(where, f"unknown key {k!r}")
        order = [k for k in canonical if k in e]
        if keys != order and all(k in canonical for k in keys):
            err(where, f"key order {keys} (canonical: {order})")
        kind = e.get("kind")
        if kind not in KINDS:
            err(where, f"kind {kind!r} not in {sorted(KINDS)}")
        else:
            kinds[kind] += 1
        if "case" in e and e["case"] not in CASES:
            err(where, f"case {e['case']!r} not in {sorted(CASES)}")
        if "note" in e:
            check_string(where + ".note", e["note"])
        accepted = {}
        for lang in langs:
            if lang not in e:
                err(where, f"missing `{lang}`")
                continue
            fs = forms_of(e[lang])
            if not fs:
                err(where, f"`{lang}` is empty")
            good = [f for f in fs if check_string(f"{where}.{lang}", f, lang)]
            dup = [f for f, n in Counter(good).items() if n > 1]
            if dup:
                err(where, f"duplicate `{lang}` forms {dup}")
            accepted[lang] = good
            nforms[lang] += len(good)
        for f in accepted.get(first_lang, []):
            key = unicodedata.normalize("NFC", f).casefold()
            if eid not in vi_owner[key]:
                vi_owner[key].append(eid)
            if " " not in f and "-" not in f and kind in ("place", "person", "organization"):
                short_forms.append((f, eid))
        if "forbidden" in e:
            fb = e["forbidden"]
            if not isinstance(fb, dict) or not fb:
                err(where, "`forbidden` must be a non-empty mapping language -> forms")
            else:
                for lang, v in fb.items():
                    if lang not in langs:
                        err(where, f"forbidden language {lang!r} not declared")
                        continue
                    acc = {a.casefold() for a in accepted.get(lang, [])}
                    for f in forms_of(v):
                        if check_string(f"{where}.forbidden.{lang}", f,
                                        lang if lang == "en" else None):
                            if f.casefold() in acc:
                                err(where, f"{f!r} is both accepted and forbidden "
                                           "(compared case-insensitively)")
    for k, n in ids.items():
        if n > 1:
            err(k, f"id used {n} times")
    for form, owners in vi_owner.items():
        if len(owners) > 1:
            err(",".join(map(str, owners)), f"{first_lang} form {form!r} in {len(owners)} entries")

    for line in errors:
        print("ERROR", line)
    total = sum(kinds.values())
    print(f"{path}: {total} entries, {len(errors)} error(s)")
    for k in sorted(KINDS):
        print(f"  {k:13} {kinds[k]}")
    print("  forms: " + ", ".join(f"{lang} {nforms[lang]}" for lang in langs))
    if list_short:
        print(f"single-word {first_lang} forms of names (ambiguity review list):")
        for f, eid in sorted(short_forms, key=lambda x: (len(x[0]), x[0])):
            print(f"  {f:20} {eid}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
