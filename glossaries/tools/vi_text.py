"""Shared helpers for the glossary tools: Vietnamese NFC and tone-mark placement.

House style (the form most Vietnamese newspapers and Unicode CLDR use): in an
open syllable ending in the vowel pairs "oa", "oe" or "uy" (no final consonant,
no third vowel) the tone mark sits on the FIRST vowel: hòa, khỏe, thủy, Thanh
Hóa, Khánh Hòa. After "q" the "u" belongs to the consonant, so the mark goes on
"y": quý (never qúy). With a final consonant the mark is on the second vowel in
every style: hoàng, thuyền, hoạch.
"""
import re
import unicodedata

# combining tone marks: grave, acute, tilde, hook above, dot below
TONES = "\u0300\u0301\u0303\u0309\u0323"
_LETTER = r"[^\W\d_]"


def _split(ch):
    """Return (base character without tone, tone mark or '')."""
    d = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in d if c in TONES)
    base = "".join(c for c in d if c not in TONES)
    return unicodedata.normalize("NFC", base), tone


def _join(base, tone):
    return unicodedata.normalize("NFC", base + tone)


# a vowel pair at the end of a syllable (next char is not a letter)
_PAIR = re.compile(r"([oOuU])(\w)(?!" + _LETTER + r")")


def old_style_spots(text):
    """Yield (index, syllable fragment) of old-style tone placement."""
    t = unicodedata.normalize("NFC", text)
    for m in _PAIR.finditer(t):
        first, second = m.group(1), m.group(2)
        sb, st = _split(second)
        fb, ftone = _split(first)
        if not st or ftone:
            continue
        pair = (fb.lower(), sb.lower())
        if pair not in (("o", "a"), ("o", "e"), ("u", "y")):
            continue
        start = m.start()
        prev = t[start - 1] if start > 0 else ""
        if pair == ("u", "y") and prev in "qQ":
            continue  # quý: correct
        yield start, t[max(0, start - 3): m.end()]
    # qúy: tone on the u of "qu"
    for m in re.finditer(r"[qQ]([úùủũụÚÙỦŨỤ])([yY])", t):
        yield m.start(), m.group(0)


def to_house_style(text):
    """NFC + move old-style tone marks to the house-style position."""
    t = unicodedata.normalize("NFC", text)
    out = []
    i = 0
    for m in _PAIR.finditer(t):
        first, second = m.group(1), m.group(2)
        sb, st = _split(second)
        fb, ftone = _split(first)
        pair = (fb.lower(), sb.lower())
        start = m.start()
        prev = t[start - 1] if start > 0 else ""
        if (st and not ftone and pair in (("o", "a"), ("o", "e"), ("u", "y"))
                and not (pair == ("u", "y") and prev in "qQ")):
            out.append(t[i:start])
            out.append(_join(first, st) + sb)
            i = m.end()
    out.append(t[i:])
    t = "".join(out)
    # qúy -> quý
    def fix_q(m):
        ub, ut = _split(m.group(1))
        return m.group(0)[0] + ub + _join(m.group(2), ut)
    t = re.sub(r"[qQ]([úùủũụÚÙỦŨỤ])([yY])", fix_q, t)
    return unicodedata.normalize("NFC", t)


if __name__ == "__main__":
    for w in ["hoà", "Thanh Hoá", "khoẻ", "thuỷ", "qúy", "quý", "hòa", "hoàng", "Thuỵ Sĩ", "thuyền", "ngoài", "Khánh Hoà"]:
        print(w, "->", to_house_style(w), list(old_style_spots(w)))
