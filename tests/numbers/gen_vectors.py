#!/usr/bin/env python3
"""Generate number-word test vectors for tests/numbers_oracle.rs.

Uses num2words (https://pypi.org/project/num2words/) as an external oracle:
    pip install num2words==0.5.14
    python3 tests/numbers/gen_vectors.py

Writes, next to this script, tab-separated files of `value<TAB>words`:
  vi_cardinals.tsv   num2words(n, lang='vi')
  vi_variants.tsv    the other Vietnamese conventions, derived from the same
                     values: linh for lẻ, tư after mươi, nhăm for lăm, một
                     for mốt, ngàn for nghìn, "năm" before a scale word, and
                     the full reading with "không trăm" / "không nghìn"
  en_cardinals.tsv   num2words(n, lang='en')
  en_ordinals.tsv    num2words(n, lang='en', to='ordinal')

Values: every integer 1..=1000 plus a fixed pseudo-random sample spread
evenly over magnitudes up to 10^15 (exclusive). num2words' Vietnamese
output is wrong from 10^15 on (it writes 2*10^15 as "hai trăm nghìn tỷ",
which is 2*10^14), so the sample stops below that; 0 is left out because a
lone "không" is the negation "not" and is deliberately not read as zero.
"""

import os
import random
import re

from num2words import num2words

HERE = os.path.dirname(os.path.abspath(__file__))
SCALES = ("nghìn", "ngàn", "triệu", "tỷ")


def values():
    rng = random.Random(20240603)
    vals = list(range(1, 1001))
    for _ in range(1000):
        digits = rng.randint(4, 15)
        vals.append(rng.randrange(10 ** (digits - 1), 10 ** digits))
    # Hand-picked values around the convention disagreements.
    vals += [1005, 1015, 1050, 2005, 20005, 100100, 105000, 1000005,
             1005000, 1000050, 1001001, 2000015, 1000000001, 10 ** 12,
             21000, 24000, 25000, 31000, 35000, 1000021, 1000024]
    seen = set()
    out = []
    for v in vals:
        if v not in seen:
            seen.add(v)
            out.append(v)
    return out


DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def vi_below_hundred(r):
    if r < 10:
        return [DIGITS[r]]
    if r < 20:
        return ["mười"] + ({0: [], 5: ["lăm"]}.get(r % 10, [DIGITS[r % 10]]))
    tail = {0: [], 1: ["mốt"], 5: ["lăm"]}.get(r % 10, [DIGITS[r % 10]])
    return [DIGITS[r // 10], "mươi"] + tail


def vi_full(n):
    """The school reading: inner groups always say their hundreds
    ("không trăm linh năm") and an empty thousands group between non-empty
    ones says "không nghìn"."""
    names = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ"]
    groups = []
    while n:
        groups.append(n % 1000)
        n //= 1000
    top = len(groups) - 1
    words = []
    for k in range(top, -1, -1):
        g = groups[k]
        inner = k < top
        if g == 0:
            if inner and k == 1 and any(groups[:k]):
                words += ["không", "nghìn"]
            continue
        h, r = divmod(g, 100)
        if h or inner:
            words += [DIGITS[h], "trăm"]
        if r:
            if r < 10 and (h or inner):
                words.append("linh")
            words += vi_below_hundred(r)
        if names[k]:
            words += names[k].split()
    return " ".join(words)


def variants(words):
    """Other spellings of a num2words Vietnamese reading."""
    out = []
    toks = words.split()

    def sub(pattern, repl):
        new = re.sub(pattern, repl, words)
        if new != words:
            out.append(new)

    sub(r"\blẻ\b", "linh")
    sub(r"\bmươi bốn\b", "mươi tư")
    sub(r"\blăm\b", "nhăm")
    sub(r"\bmươi mốt\b", "mươi một")
    sub(r"\bnghìn\b", "ngàn")
    # "hai mươi năm nghìn": "năm" for five only before a scale word.
    for i, t in enumerate(toks[:-1]):
        if t == "lăm" and toks[i - 1] == "mươi" and toks[i + 1] in SCALES:
            new = toks[:i] + ["năm"] + toks[i + 1:]
            out.append(" ".join(new))
    return out


def main():
    vals = values()
    with open(os.path.join(HERE, "vi_cardinals.tsv"), "w", encoding="utf-8") as f:
        for v in vals:
            f.write(f"{v}\t{num2words(v, lang='vi')}\n")
    with open(os.path.join(HERE, "vi_variants.tsv"), "w", encoding="utf-8") as f:
        for v in vals:
            base = num2words(v, lang="vi")
            forms = variants(base)
            full = vi_full(v)
            if full != base:
                forms.append(full)
            for w in dict.fromkeys(forms):
                f.write(f"{v}\t{w}\n")
    with open(os.path.join(HERE, "en_cardinals.tsv"), "w", encoding="utf-8") as f:
        for v in vals:
            f.write(f"{v}\t{num2words(v, lang='en')}\n")
    with open(os.path.join(HERE, "en_ordinals.tsv"), "w", encoding="utf-8") as f:
        for v in vals:
            f.write(f"{v}\t{num2words(v, lang='en', to='ordinal')}\n")


if __name__ == "__main__":
    main()
