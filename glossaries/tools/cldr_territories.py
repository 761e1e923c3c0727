#!/usr/bin/env python3
"""Print CLDR-derived base glossary entries for countries and territories.

Source: Unicode CLDR territory display names (npm package
``cldr-localenames-full``, files main/vi/territories.json and
main/en/territories.json). The output is the *starting point* that was
hand-curated into glossaries/vi-en.yaml (press variants such as "Mỹ",
irregular demonyms, English short forms, metonyms). It is never needed at
build time.

Usage:
    python3 glossaries/tools/cldr_territories.py                # npm pack into a temp dir
    python3 glossaries/tools/cldr_territories.py --cldr-dir DIR  # an unpacked package/ dir
    python3 glossaries/tools/cldr_territories.py --version 48.2.0

Data: Copyright © Unicode, Inc. Unicode License v3 (SPDX: Unicode-3.0).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vi_text import to_house_style  # noqa: E402

PACKAGE = "cldr-localenames-full"
DEFAULT_VERSION = "48.2.0"

# "Name (Other name)": both halves are names of the territory
ALT_IN_PARENS = {"MM", "FK"}
# "Congo (DRC)", "Congo (Republic)": the bracket is a disambiguator; drop the form
DROP_BRACKETED = {"CD", "CG"}

# CLDR codes that are not countries or territories
SKIP = {
    "EU",  # European Union (an organisation; curated by hand)
    "EZ",  # Eurozone
    "UN",  # United Nations
    "QO",  # Outlying Oceania (aggregate)
    "XA", "XB",  # pseudo-locales
    "ZZ",  # unknown region
}


def fetch(version, workdir):
    out = subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{version}", "--silent"],
        cwd=workdir, check=True, capture_output=True, text=True,
    ).stdout.strip().splitlines()[-1]
    with tarfile.open(os.path.join(workdir, out)) as tf:
        members = [m for m in tf.getmembers()
                   if m.name in ("package/package.json",
                                 "package/main/vi/territories.json",
                                 "package/main/en/territories.json")]
        tf.extractall(workdir, members=members)
    return os.path.join(workdir, "package")


def load(pkgdir, lang):
    with open(os.path.join(pkgdir, "main", lang, "territories.json"), encoding="utf-8") as f:
        data = json.load(f)
    return data["main"][lang]["localeDisplayNames"]["territories"]


def slug(name):
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("&", "and").replace("’", "").replace("'", "")
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s


def yaml_scalar(s):
    """Quote a flow-list item only when YAML would misread it."""
    plain_bad = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|[:,#\[\]{}]|\s$")
    words = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}
    if plain_bad.search(s) or s.lower() in words or re.fullmatch(r"[-+]?\d[\d.]*", s):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


def flow(items):
    return "[" + ", ".join(yaml_scalar(i) for i in items) + "]"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cldr-dir", help="unpacked npm package directory (contains main/)")
    ap.add_argument("--version", default=DEFAULT_VERSION)
    args = ap.parse_args()

    tmp = None
    pkgdir = args.cldr_dir
    if not pkgdir:
        tmp = tempfile.mkdtemp(prefix="cldr-")
        pkgdir = fetch(args.version, tmp)
    with open(os.path.join(pkgdir, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    vi, en = load(pkgdir, "vi"), load(pkgdir, "en")

    codes = sorted(c for c in en if re.fullmatch(r"[A-Z]{2}", c) and c not in SKIP)
    print(f"# Generated from {PACKAGE} {meta['version']} (CLDR {meta.get('cldrVersion')}),"
          " Unicode License v3")
    print("# base entries only: curate before merging into glossaries/vi-en.yaml")
    for code in codes:
        en_forms, vi_forms = [en[code]], []
        if code in vi:
            vi_forms.append(vi[code])
        for alt in ("short", "variant", "chagos"):
            k = f"{code}-alt-{alt}"
            if k in en and en[k] not in en_forms:
                en_forms.append(en[k])
            if k in vi and vi[k] not in vi_forms:
                vi_forms.append(vi[k])
        # "Myanmar (Burma)" -> "Myanmar", "Burma" where the bracket holds another
        # name; other bracketed forms ("Congo (DRC)") are dropped; "&" -> "and"
        def unbracket(forms):
            out = []
            for f in forms:
                m = re.fullmatch(r"(.+?) \((.+)\)", f)
                if m and code in ALT_IN_PARENS:
                    out += [m.group(1), m.group(2)]
                elif m:
                    out.append(m.group(1)) if code not in DROP_BRACKETED else None
                else:
                    out.append(f)
                if "&" in f and not m:
                    out.append(f.replace("&", "and"))
            return list(dict.fromkeys(out))
        en_forms = unbracket(en_forms)
        vi_forms = unbracket([to_house_style(f) for f in vi_forms])
        base = re.sub(r" [(].*| SAR China$", "", en[code])
        print(f"  - id: {slug(base)}  # {code}")
        print("    kind: place")
        print(f"    vi: {flow(vi_forms)}")
        print(f"    en: {flow(en_forms)}")
    if tmp:
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
